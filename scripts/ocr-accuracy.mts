/**
 * Character accuracy of models against the corpus txt: 1 − (edit distance / characters of the txt),
 * both texts NFKC-normalised with every whitespace removed; the model's text is its tree's text in
 * order. Run on the models of OCR'd PDFs (and, as the ceiling, of the text PDFs: page furniture and
 * table order cost the text PDF a little too).
 *
 * Usage: npx tsx scripts/ocr-accuracy.mts [--against REF] DIR [DIR ...]    (DIR holds <plan>.json models)
 *   --against REF: compare with the models in REF (e.g. of the text PDFs the scans were made from)
 *   instead of the txt, so that only what OCR changes is counted, not the PDF layout's reading order.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';

const ROOT = new URL('..', import.meta.url).pathname;

/**
 * The text compared: NFKC, no whitespace, as code points.
 *
 * @param text
 *   Any text.
 */
export function comparable(text: string): string[] {
  return [...text.normalize('NFKC').replace(/\s+/gu, '')];
}

/**
 * Levenshtein distance over code points (insert, delete, substitute cost 1), two rows of memory.
 *
 * @param a
 *   One text.
 * @param b
 *   The other.
 */
export function editDistance(a: readonly string[], b: readonly string[]): number {
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const char = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const substitute = previous[j - 1]! + (char === b[j - 1] ? 0 : 1);
      const remove = previous[j]! + 1;
      const insert = current[j - 1]! + 1;
      current[j] = substitute < remove ? (substitute < insert ? substitute : insert) : remove < insert ? remove : insert;
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/**
 * Character accuracy of a text against the reference.
 *
 * @param reference
 *   The true text (the txt).
 * @param text
 *   The text read.
 */
export function characterAccuracy(reference: string, text: string): number {
  const want = comparable(reference);
  return 1 - editDistance(want, comparable(text)) / want.length;
}

/**
 * Character accuracy of a piece of text (one page) against the stretch of the reference it matches
 * best: 1 − (edits turning it into some substring of the reference / its characters).
 *
 * @param reference
 *   The whole true text (the txt).
 * @param text
 *   The text read from part of it.
 */
export function excerptAccuracy(reference: string, text: string): number {
  const want = comparable(reference);
  const have = comparable(text);
  // Rows over the text, columns over the reference; a match may start and end anywhere in the reference.
  let previous = new Int32Array(want.length + 1);
  let current = new Int32Array(want.length + 1);
  for (let i = 1; i <= have.length; i++) {
    current[0] = i;
    const char = have[i - 1];
    for (let j = 1; j <= want.length; j++) {
      const substitute = previous[j - 1]! + (char === want[j - 1] ? 0 : 1);
      current[j] = Math.min(substitute, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return 1 - Math.min(...previous) / have.length;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const againstAt = args.indexOf('--against');
  const against = againstAt >= 0 ? args[againstAt + 1] : undefined;
  const dirs = args.filter((_, index) => againstAt < 0 || (index !== againstAt && index !== againstAt + 1));
  const textOf = (path: string) => (JSON.parse(readFileSync(path, 'utf8')) as { tree: Root }).tree.children.map((node) => toString(node)).join('');
  for (const dir of dirs) {
    let distance = 0;
    let total = 0;
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.json') && name !== 'summary.json').sort()) {
      const plan = file.slice(0, -'.json'.length);
      const reference = against === undefined ? join(ROOT, 'corpus', `${plan}.txt`) : join(against, file);
      if (!existsSync(reference)) continue;
      const text = textOf(join(dir, file));
      const want = comparable(against === undefined ? readFileSync(reference, 'utf8') : textOf(reference));
      const edits = editDistance(want, comparable(text));
      distance += edits;
      total += want.length;
      console.log(`${dir} ${plan}: character accuracy ${(1 - edits / want.length).toFixed(4)} (${edits} edits / ${want.length} characters)`);
    }
    if (total > 0) console.log(`${dir} all: character accuracy ${(1 - distance / total).toFixed(4)} (${distance} edits / ${total} characters)`);
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) await main();
