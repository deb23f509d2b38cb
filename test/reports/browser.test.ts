/**
 * The HTML reports in a real browser: headless Chromium (Debian's `chromium`)
 * loads index.html and one report from disk, dumps the DOM it built and takes a
 * screenshot under out/screenshots/. Without Chromium the test is skipped with
 * a message, except in CI (CI=true), where it fails.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffPlan } from '../../pipeline/diff.ts';
import { renderBatchReports, renderPlanReports } from '../../reports/index.ts';
import { GOLD_NAMES, loadGoldModel, loadNational } from '../diff/load-gold.ts';

// PLANCHECK_CHROMIUM points elsewhere to try the skip/fail paths.
const CHROMIUM = process.env.PLANCHECK_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';
const SCREENSHOTS = fileURLToPath(new URL('../../out/screenshots/', import.meta.url));
const run = promisify(execFile);

if (!available && !inCi) {
  console.warn(`browser.test.ts skipped: ${CHROMIUM} not found (apt-get install -y chromium fonts-noto-cjk); it fails instead when CI=true.`);
}

describe('Chromium’s view of the HTML reports', () => {
  it.runIf(!available && inCi)('should find headless Chromium in CI', () => {
    expect(available, `${CHROMIUM} is missing: .ci/run installs Debian's chromium`).toBe(true);
  });

  describe.runIf(available)('with Chromium', () => {
    let folder: string;
    let profile: string;

    const chromium = async (args: string[], page: string): Promise<string> => {
      const { stdout } = await run(CHROMIUM, [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        `--user-data-dir=${profile}`, ...args, pathToFileURL(join(folder, page)).href,
      ], { timeout: 90_000, maxBuffer: 64 * 1024 * 1024 });
      return stdout;
    };

    beforeAll(async () => {
      folder = mkdtempSync(join(tmpdir(), 'plancheck-browser-'));
      profile = mkdtempSync(join(tmpdir(), 'plancheck-chromium-'));
      const national = loadNational();
      const items = GOLD_NAMES.map((name) => {
        const model = loadGoldModel(name);
        return { name, model, diff: diffPlan(model, national) };
      });
      const write = (subfolder: string, files: Record<string, string | Uint8Array>) => {
        mkdirSync(join(folder, subfolder), { recursive: true });
        for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, subfolder, name), content);
      };
      write('.', await renderBatchReports(items));
      const nanan = items.find((item) => item.name === 'nanan-2022')!;
      write('nanan-2022', await renderPlanReports(nanan.model, nanan.diff, { name: 'nanan-2022' }));
      mkdirSync(SCREENSHOTS, { recursive: true });
    });

    afterAll(() => {
      rmSync(folder, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    });

    it('should show the verdict table of a plan’s report', async () => {
      const dom = await chromium(['--dump-dom'], 'nanan-2022/report.html');
      expect(dom).toMatch(/<table class="verdict-table">/);
      expect(dom).toMatch(/<tr data-indicator="R3" data-level="primary" data-verdict="weaker">/);
      expect(dom).toContain('进程：2022 ≥ 0.55 人 → 2025 ≥ 0.75 人 → 2027 ≈ 0.9 人');
    });

    it('should show the grid of plans × indicators on the index', async () => {
      const indicators = loadNational().indicators.length;
      const dom = await chromium(['--dump-dom'], 'index.html');
      expect(dom).toMatch(/<table class="grid">/);
      for (const name of GOLD_NAMES) expect(dom).toContain(`href="${name}/report.html"`);
      expect(dom.match(/<td class="cell v-/g)?.length).toBe(GOLD_NAMES.length * indicators);
    });

    it.each([['index.html', 'index.png'], ['nanan-2022/report.html', 'nanan-2022-report.png']])(
      'should save a screenshot of %s',
      async (page, png) => {
        const path = join(SCREENSHOTS, png);
        rmSync(path, { force: true });
        await chromium([`--screenshot=${path}`, '--window-size=1200,1600', '--hide-scrollbars'], page);
        const bytes = readFileSync(path);
        expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        expect(bytes.readUInt32BE(16)).toBe(1200);
      },
    );
  });
});
