// Chromium's print-to-PDF renditions of the corpus plans: each txt plan as a plain HTML page (one <p> a line),
// printed by headless Chromium with its default running header (date, title) and footer (URL, page x/y).
// Used by the bench (a second PDF producer beside LibreOffice) and by the PDF engine test.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The Chromium binary, or null where none is installed. */
export function findChromium(): string | null {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    if (spawnSync(name, ['--version'], { stdio: 'ignore' }).status === 0) return name;
  }
  return null;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A plain-text plan as an HTML page.
 *
 * @param text
 *   The plan's text.
 * @param title
 *   The page title (Chromium prints it in the running header).
 * @returns
 *   The HTML.
 */
export function planHtml(text: string, title: string): string {
  const paragraphs = text.split(/\r?\n/).filter((line) => line.trim() !== '').map((line) => `<p>${escapeHtml(line)}</p>`);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${paragraphs.join('')}</body></html>`;
}

/**
 * Print txt plans to PDF with headless Chromium, one at a time.
 *
 * @param chromium
 *   The binary (from findChromium).
 * @param txtPaths
 *   The plans.
 * @param outDir
 *   Where `<plan>.pdf` go.
 * @returns
 *   The PDFs written, in the order of the plans.
 */
export async function printPlansToPdf(chromium: string, txtPaths: readonly string[], outDir: string): Promise<string[]> {
  const pages = mkdtempSync(join(tmpdir(), 'plancheck-chromium-'));
  const written: string[] = [];
  try {
    for (const txt of txtPaths) {
      const plan = basename(txt, '.txt');
      const html = join(pages, `${plan}.html`);
      writeFileSync(html, planHtml(readFileSync(txt, 'utf8'), plan));
      const pdf = join(outDir, `${plan}.pdf`);
      await run(
        chromium,
        ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', `--user-data-dir=${join(pages, 'profile')}`, `--print-to-pdf=${pdf}`, pathToFileURL(html).href],
        { timeout: 120_000 },
      );
      written.push(pdf);
    }
  } finally {
    rmSync(pages, { recursive: true, force: true });
  }
  return written;
}
