/**
 * audit.html in a real browser (Debian's headless Chromium over the DevTools protocol, as
 * test/reports/browser.test.ts): the grid's colours as rendered, a table sorted by its
 * script, the charts drawn, and a screenshot saved to out/screenshots/audit.png. Skipped
 * without Chromium, except in CI (CI=true), where it fails.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../pipeline/ingest/sheet/read-workbook.ts';
import { renderAudit } from '../../reports/render-audit.ts';
import { Browser } from '../reports/cdp.ts';
import { audit } from './helpers.ts';

const CHROMIUM = process.env.PLANCHECK_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';
const SCREENSHOTS = fileURLToPath(new URL('../../out/screenshots/', import.meta.url));

if (!available && !inCi) console.warn(`test/audit/browser.test.ts skipped: ${CHROMIUM} not found (apt-get install -y chromium fonts-noto-cjk)`);

describe('Chromium’s view of audit.html', () => {
  it.runIf(!available && inCi)('should find headless Chromium in CI', () => {
    expect(available, `${CHROMIUM} is missing: .ci/run installs Debian's chromium`).toBe(true);
  });

  describe.runIf(available)('with Chromium', () => {
    let folder: string;
    let profile: string;
    let browser: Browser;

    beforeAll(async () => {
      folder = mkdtempSync(join(tmpdir(), 'plancheck-audit-browser-'));
      profile = mkdtempSync(join(tmpdir(), 'plancheck-audit-chromium-'));
      const book = await readWorkbook(new Uint8Array(readFileSync(new URL('../fixtures/schools/county.xlsx', import.meta.url))), '.xlsx');
      for (const [name, content] of Object.entries(await renderAudit(audit(book)))) writeFileSync(join(folder, name), content);
      mkdirSync(SCREENSHOTS, { recursive: true });
      browser = await Browser.launch(CHROMIUM, profile);
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      rmSync(folder, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    });

    it('should colour a school falling short red and one meeting the standard green', async () => {
      await browser.open(pathToFileURL(join(folder, 'audit.html')).href);
      const colours = await browser.evaluate<{ short: string; met: string }>(`({
        short: getComputedStyle(document.querySelector('.audit-grid td.short')).backgroundColor,
        met: getComputedStyle(document.querySelector('.audit-grid td.met')).backgroundColor,
      })`);
      expect(colours).toEqual({ short: 'rgb(246, 201, 201)', met: 'rgb(227, 242, 225)' });
      expect(await browser.evaluate<number>('document.querySelectorAll("svg.school-chart circle").length')).toBeGreaterThan(40);
    });

    it('should sort the grid by a column with its script', async () => {
      await browser.open(pathToFileURL(join(folder, 'audit.html')).href);
      await browser.evaluate('document.querySelector(".audit-grid thead th:nth-child(4) button.sort").click()');
      const values = await browser.evaluate<number[]>('Array.from(document.querySelectorAll(".audit-grid")[0].tBodies[0].rows).map((tr) => Number(tr.cells[3].dataset.sort))');
      expect(values.length).toBeGreaterThan(10);
      expect(values).toEqual([...values].sort((a, b) => a - b));
    });

    it('should save a screenshot of audit.html', async () => {
      const path = join(SCREENSHOTS, 'audit.png');
      rmSync(path, { force: true });
      await browser.open(pathToFileURL(join(folder, 'audit.html')).href);
      writeFileSync(path, await browser.screenshot());
      const bytes = readFileSync(path);
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(bytes.readUInt32BE(16)).toBe(1200);
    });
  });
});
