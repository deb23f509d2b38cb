/**
 * The HTML reports in a real browser, on the pipeline's own output: headless
 * Chromium (Debian's `chromium`) driven over the DevTools protocol opens
 * index.html, clicks a grid cell to the row of its evidence in a plan's report
 * and goes back to the index, filters and sorts a table, prints a report to PDF,
 * and saves screenshots under out/screenshots/. Without Chromium the test is
 * skipped with a message, except in CI (CI=true), where it fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from './cdp.ts';
import { renderCorpus, renderCorpusBatch, TXT_PLANS } from './pipeline-reports.ts';

// PLANCHECK_CHROMIUM points elsewhere to try the skip/fail paths.
const CHROMIUM = process.env.PLANCHECK_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';
const SCREENSHOTS = fileURLToPath(new URL('../../out/screenshots/', import.meta.url));

if (!available && !inCi) {
  console.warn(`browser.test.ts skipped: ${CHROMIUM} not found (apt-get install -y chromium fonts-noto-cjk); it fails instead when CI=true.`);
}

const isPng = (bytes: Buffer) => bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

describe('Chromium’s view of the HTML reports', () => {
  it.runIf(!available && inCi)('should find headless Chromium in CI', () => {
    expect(available, `${CHROMIUM} is missing: .ci/run installs Debian's chromium`).toBe(true);
  });

  describe.runIf(available)('with Chromium', () => {
    let folder: string;
    let profile: string;
    let browser: Browser;
    const url = (page: string) => pathToFileURL(join(folder, page)).href;

    beforeAll(async () => {
      folder = mkdtempSync(join(tmpdir(), 'plancheck-browser-'));
      profile = mkdtempSync(join(tmpdir(), 'plancheck-chromium-'));
      const write = (subfolder: string, files: Record<string, string | Uint8Array>) => {
        mkdirSync(join(folder, subfolder), { recursive: true });
        for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, subfolder, name), content);
      };
      const { files } = await renderCorpusBatch(TXT_PLANS);
      write('.', files);
      for (const path of TXT_PLANS) {
        const rendered = await renderCorpus(path);
        write(rendered.name, rendered.files);
      }
      mkdirSync(SCREENSHOTS, { recursive: true });
      browser = await Browser.launch(CHROMIUM, profile);
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      rmSync(folder, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    });

    it('should go from a grid cell to the row of its evidence, and back to the index', async () => {
      await browser.open(url('index.html'));
      const cell = 'Array.from(document.querySelectorAll("#grid tbody tr")).find((tr) => tr.cells[0].textContent.trim() === "nanan-2022").querySelector("td.cell[data-indicator=\\"R3\\"] a")';
      expect(await browser.evaluate<string>(`${cell}.getAttribute("href")`)).toBe('nanan-2022/report.html#v-R3-primary');
      await browser.follow(`${cell}.click()`);
      const landed = await browser.evaluate<{ path: string; target: string; indicator: string; verdict: string; top: number; quote: string }>(`(() => {
        const row = document.querySelector(':target');
        return { path: location.pathname, target: row.id, indicator: row.dataset.indicator, verdict: row.querySelector('.verdict').textContent,
          top: row.getBoundingClientRect().top, quote: row.cells[6].textContent };
      })()`);
      expect(landed.path.endsWith('/nanan-2022/report.html')).toBe(true);
      expect(landed).toMatchObject({ target: 'v-R3-primary', indicator: 'R3', verdict: '未达标准' });
      expect(landed.top).toBeGreaterThanOrEqual(0);
      expect(landed.top).toBeLessThan(1600);
      expect(landed.quote).toContain('接近或达到0.9人以上');
      writeFileSync(join(SCREENSHOTS, 'nanan-2022-report-R3.png'), await browser.screenshot());
      await browser.follow('document.querySelector("nav.links a").click()');
      expect(await browser.evaluate<string>('location.pathname')).toMatch(/\/index\.html$/);
      const indicators = await browser.evaluate<number>('document.querySelectorAll("#grid th.ind").length');
      expect(indicators).toBe(44);
      expect(await browser.evaluate<number>('document.querySelectorAll("#grid td.cell").length')).toBe(5 * indicators);
    });

    it('should filter and sort a report’s verdict table with its script', async () => {
      await browser.open(url('nanan-2022/report.html'));
      const visible = 'Array.from(document.querySelectorAll(".verdict-table tbody tr")).filter((tr) => !tr.hidden)';
      const total = await browser.evaluate<number>(`${visible}.length`);
      await browser.evaluate(`(() => { const input = document.querySelector('.filter input'); input.value = '表述留有余地'; input.dispatchEvent(new Event('input')); })()`);
      const hedged = await browser.evaluate<string[]>(`${visible}.map((tr) => tr.dataset.verdict)`);
      expect(hedged.length).toBeGreaterThan(0);
      expect(hedged.length).toBeLessThan(total);
      expect(new Set(hedged)).toEqual(new Set(['hedged']));
      await browser.evaluate(`(() => { const input = document.querySelector('.filter input'); input.value = ''; input.dispatchEvent(new Event('input')); })()`);
      await browser.evaluate('document.querySelectorAll(".verdict-table thead th")[4].querySelector("button.sort").click()');
      const years = await browser.evaluate<string[]>('Array.from(document.querySelectorAll(".verdict-table tbody tr")).map((tr) => tr.cells[4].dataset.sort)');
      expect(years).toEqual([...years].sort((a, b) => Number(a) - Number(b)));
      expect(await browser.evaluate<string>('document.querySelectorAll(".verdict-table thead th")[4].getAttribute("aria-sort")')).toBe('ascending');
    });

    it.runIf(existsSync('/usr/bin/pdftotext'))('should print a report on A4 with the plan’s name and page numbers on every page', async () => {
      await browser.open(url('nanan-2022/report.html'));
      const pdf = join(folder, 'report.pdf');
      writeFileSync(pdf, await browser.printToPdf());
      const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((page) => page.trim() !== '');
      expect(pages.length).toBeGreaterThan(3);
      pages.forEach((page, index) => {
        expect(page, `page ${index + 1}`).toContain('南安市统筹推进义务教育优质均衡发展实施方案');
        expect(page.replace(/\s+/g, ''), `page ${index + 1}`).toContain(`第${index + 1}页，共${pages.length}页`);
      });
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 841(\.\d+)? pts \(A4\)/);
    });

    it.each([['index.html', 'index.png'], ['nanan-2022/report.html', 'nanan-2022-report.png']])(
      'should save a screenshot of %s',
      async (page, png) => {
        const path = join(SCREENSHOTS, png);
        rmSync(path, { force: true });
        await browser.open(url(page));
        writeFileSync(path, await browser.screenshot());
        const bytes = readFileSync(path);
        expect(isPng(bytes)).toBe(true);
        expect(bytes.readUInt32BE(16)).toBe(1200);
      },
    );
  });
});
