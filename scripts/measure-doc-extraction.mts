/**
 * Measures two ways of reading a .doc on the corpus renditions (corpus/doc/):
 *   own             pipeline/ingest/doc (cfb + the piece table + each paragraph's properties)
 *   word-extractor  the word-extractor package's body text (cells tab-separated, rows on lines),
 *                   its tables rebuilt by the text-table model (pipeline/text-tables.ts) as the
 *                   txt reader rebuilds them
 * against the plan's txt: F1 of the characters (a multiset, white space dropped, NFKC), and the
 * table rows found against the rows of the plan's tables (scripts/renditions/tables/<name>.json),
 * counting a row right when its cells hold the json row's text.
 *
 * Usage: npx tsx scripts/measure-doc-extraction.mts
 * Needs word-extractor (a devDependency, for this measurement only).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toString } from 'mdast-util-to-string';
import WordExtractor from 'word-extractor';
import { cleanText } from '../pipeline/ingest/clean-text.ts';
import { readDoc } from '../pipeline/ingest/doc/read-doc.ts';
import { findTextTables } from '../pipeline/ingest/text-tables.ts';

const root = new URL('..', import.meta.url).pathname;

function chars(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text.normalize('NFKC').replace(/\s+/gu, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

function f1(expected: string, actual: string): number {
  const want = chars(expected);
  const have = chars(actual);
  let common = 0;
  let total = 0;
  let got = 0;
  for (const [ch, n] of want) {
    total += n;
    common += Math.min(n, have.get(ch) ?? 0);
  }
  for (const n of have.values()) got += n;
  const p = got === 0 ? 0 : common / got;
  const r = total === 0 ? 0 : common / total;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** A row's cells without white space; trailing empty cells (a row end read as a cell) dropped. */
const key = (cells: string[]) => cells.map((cell) => cell.replace(/\s+/g, '')).join('|').replace(/\|+$/, '');

const extractor = new WordExtractor();
let ownRows = 0;
let theirRows = 0;
let expectedRows = 0;
for (const file of readdirSync(join(root, 'corpus/doc')).filter((f) => f.endsWith('.doc')).sort()) {
  const name = file.slice(0, -4);
  const bytes = readFileSync(join(root, 'corpus/doc', file));
  const txt = readFileSync(join(root, 'corpus', `${name}.txt`), 'utf8').replace(/\*\*/g, '').replace(/\[bookmark: [^\]]*\]/g, '');
  let json: Array<{ rows: Array<Array<string | null>> }> = [];
  try {
    json = JSON.parse(readFileSync(join(root, 'scripts/renditions/tables', `${name}.json`), 'utf8')).tables;
  } catch {
    // a plan without tables
  }
  // Expected rows with a merged cell's text repeated into the rows it spans.
  const expected = new Set<string>();
  for (const table of json) {
    let previous: string[] = [];
    for (const row of table.rows) {
      const cells = row.map((cell, c) => (cell === null ? previous[c] ?? '' : cell));
      expected.add(key(cells));
      previous = cells;
    }
  }
  expectedRows += expected.size;

  const own = readDoc(new Uint8Array(bytes)).tree;
  const ownText = own.children.map((node) => node.type === 'table'
    ? node.children.map((row) => row.children.filter((cell) => !cell.data?.spanned).map((cell) => toString(cell)).join('\t')).join('\n')
    : toString(node)).join('\n');
  const ownFound = new Set(own.children.flatMap((node) => (node.type === 'table' ? node.children.map((row) => key(row.children.map((cell) => toString(cell)))) : [])));
  const ownRight = [...expected].filter((row) => ownFound.has(row)).length;
  ownRows += ownRight;

  const body = (await extractor.extract(Buffer.from(bytes))).getBody();
  const lines = body.split('\n');
  const tables = findTextTables(lines, cleanText);
  const theirFound = new Set(tables.flatMap((table) => table.rows.map((row) => key(row.map((cell) => cell.text)))));
  const theirRight = [...expected].filter((row) => theirFound.has(row)).length;
  theirRows += theirRight;

  console.log(`${file.padEnd(20)} own F1 ${f1(txt, ownText).toFixed(3)} rows ${ownRight}/${expected.size}   word-extractor F1 ${f1(txt, body).toFixed(3)} rows ${theirRight}/${expected.size}`);
}
console.log(`table rows rebuilt: own ${ownRows}/${expectedRows}, word-extractor + text-tables ${theirRows}/${expectedRows}`);
