import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeBidiControls } from '../../pipeline/ingest/bidi-controls.ts';
import {
  checkMarkdownNesting,
  checkModelSize,
  checkTextLines,
  checkTreeShape,
  MAX_LABEL_CHARS,
} from '../../pipeline/ingest/expansion-caps.ts';
import { processDocument } from '../../pipeline/process-document.ts';
import { reasonOf } from './read-error-reason.ts';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin/plancheck.js');
const hostile = (name: string) => new Uint8Array(readFileSync(join(root, 'test/fixtures/hostile', name)));


/** A chain of `depth` nested nodes. */
function chain(depth: number): object {
  let node: object = { type: 'text' };
  for (let i = 0; i < depth; i++) node = { type: 'blockquote', children: [node] };
  return node;
}

describe('caps on what a small input expands into', () => {
  it.each([
    ['2,000,001 lines', () => checkTextLines('字\n'.repeat(2_000_000)), 'too many lines: 2000001 (limit 200000)'],
    ['200,000 lines', () => checkTextLines(`${'字\n'.repeat(199_999)}字`), undefined],
    ['10,000 nested quotes', () => checkMarkdownNesting(`${'>'.repeat(10_000)} 字`), 'nesting too deep: 10000 levels (limit 64)'],
    ['quotes spaced out', () => checkMarkdownNesting(`${'> '.repeat(65)}字`), 'nesting too deep: 65 levels (limit 64)'],
    ['64 nested quotes', () => checkMarkdownNesting(`${'>'.repeat(64)} 字\n> a > b > c`), undefined],
    ['10,000 nested bullets', () => checkMarkdownNesting(`${'- '.repeat(10_000)}字`), 'nesting too deep: 10000 levels (limit 64)'],
    ['quotes and numbered items', () => checkMarkdownNesting(`${'> 1. '.repeat(40)}字`), 'nesting too deep: 80 levels (limit 64)'],
    ['a thematic break and a table rule', () => checkMarkdownNesting(`${'-'.repeat(200)}\n${'* '.repeat(3)}\n| a | b |\n|${'-'.repeat(100)}|`), undefined],
    ['a tree 10,000 deep', () => checkTreeShape(chain(10_000)), 'nesting too deep: over 64 levels (limit 64)'],
    ['a tree of 600,000 nodes', () => checkTreeShape({ children: Array.from({ length: 600_000 }, () => ({})) }), 'too many parts: over 500000 nodes (limit 500000)'],
    ['a model 15 MB from 2 KB', () => checkModelSize(15 * 1024 * 1024, 2048), 'model too large: 15 MB from a 2 KB input (limit 8 MB)'],
    ['a model 40 MB from 1 MB', () => checkModelSize(40 * 1024 * 1024, 1024 * 1024), undefined],
  ] as const)('%s', (_, call, reason) => {
    expect(reasonOf(call)).toBe(reason);
  });
});

describe('wide trees', () => {
  it('should remove bidi controls from a tree of 200,000 paragraphs without overflowing the stack', () => {
    const tree = { type: 'root', children: Array.from({ length: 200_000 }, () => ({ type: 'paragraph', children: [{ type: 'text', value: '\u202e字' }] })) };
    expect(removeBidiControls(tree)).toBe(200_000);
    expect(tree.children[199_999]!.children[0]!.value).toBe('字');
  });
});

describe('hostile documents that expand', () => {
  it('should label a list whose counter starts at 20,000,000 as Word does: counter capped at 32767, label at 64 characters', async () => {
    const outcome = await processDocument(hostile('numbering-bomb.docx'), 'numbering-bomb.docx');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const texts = outcome.model.tree.children.slice(1).map((node) => JSON.stringify(node).length);
    // 32767 in letters is 1261 × 'g'; four of them would be 5044 characters, the cap keeps 64.
    const first = (outcome.model.tree.children[1] as { children: Array<{ value: string }> }).children[0]!.value;
    expect(first.startsWith('g'.repeat(MAX_LABEL_CHARS))).toBe(true);
    expect(first.slice(MAX_LABEL_CHARS)).toBe('到2025年，第1项任务全面完成。');
    expect(Math.max(...texts)).toBeLessThan(1000);
  });

  it.each([
    ['nested-quotes.md', 'nesting too deep: 10000 levels (limit 64)'],
    ['page-reuse.pdf', 'corrupt PDF: pages 1 and 2 are the same page object (4 0 R)'],
  ])('should refuse %s with its reason', async (name, reason) => {
    expect(await processDocument(hostile(name), name)).toEqual({ ok: false, reason });
  });

  it('should keep a cell spanning 1000 columns to Word\'s 63', async () => {
    const outcome = await processDocument(hostile('gridspan-bomb.docx'), 'gridspan-bomb.docx');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const table = outcome.model.tree.children.find((node) => node.type === 'table') as { children: Array<{ children: unknown[] }> };
    expect(table.children).toHaveLength(1000);
    expect(Math.max(...table.children.map((row) => row.children.length))).toBe(63);
  });
});

describe('a batch of documents that used to abort the process', () => {
  let work: string;
  let code: number;
  let summary: { inputs: number; failed: number; documents: Array<{ input: string; status: string; reason: string | null }> };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'plancheck-expansion-'));
    mkdirSync(join(work, 'in'));
    for (const name of ['numbering-bomb.docx', 'gridspan-bomb.docx', 'nested-quotes.md', 'page-reuse.pdf']) {
      cpSync(join(root, 'test/fixtures/hostile', name), join(work, 'in', name));
    }
    cpSync(join(root, 'corpus/jiaoling-2022.txt'), join(work, 'in/jiaoling-2022.txt'));
    // 8 MB: two million one-character lines (the model with its tree would need ~1.7 GB).
    writeFileSync(join(work, 'in/million-lines.txt'), '字\n'.repeat(2_000_000));
    // 600 KB: 150,000 lines, within the line cap; its model would be over 64 times its size.
    writeFileSync(join(work, 'in/many-lines.txt'), '字\n'.repeat(150_000));
    try {
      await run('node', [bin, 'in', '--out', 'out', '--jobs', '2'], { cwd: work });
      code = 0;
    } catch (error) {
      code = (error as { code: number }).code;
    }
    summary = JSON.parse(readFileSync(join(work, 'out/summary.json'), 'utf8'));
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('should finish with exit 1, every input in summary.json with its reason, and the batch reports written', () => {
    expect(code).toBe(1);
    expect(Object.fromEntries(summary.documents.map((d) => [d.input, [d.status, d.reason]]))).toEqual({
      'in/gridspan-bomb.docx': ['failed', expect.stringMatching(/^model too large: \d+ MB from a 2 KB input \(limit 8 MB\)$/)],
      'in/jiaoling-2022.txt': ['ok', null],
      'in/many-lines.txt': ['failed', expect.stringMatching(/^model too large: \d+ MB from a 586 KB input \(limit 37 MB\)$/)],
      'in/million-lines.txt': ['failed', 'too many lines: 2000001 (limit 200000)'],
      'in/nested-quotes.md': ['failed', 'nesting too deep: 10000 levels (limit 64)'],
      'in/numbering-bomb.docx': ['ok', null],
      'in/page-reuse.pdf': ['failed', 'corrupt PDF: pages 1 and 2 are the same page object (4 0 R)'],
    });
    expect(readFileSync(join(work, 'out/index.html'), 'utf8')).toContain('jiaoling-2022');
    expect(readFileSync(join(work, 'out/overview.csv'), 'utf8').length).toBeGreaterThan(0);
  });
});
