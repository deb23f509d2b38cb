/**
 * One table in every rendering: the indicator table of an extra plan (表2, levels as rows,
 * 现状 and three target years as a two-row header, merged indicator cells) as a Word table,
 * a PDF table, a GFM table, tab-separated lines and one cell per line gives the same targets,
 * with the years its header gives and the levels its rows give.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processDocument } from '../../pipeline/process-document.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root));

/** The targets of the table: R1–R8 figures dated 2023–2026. */
async function tableTargets(bytes: Uint8Array, name: string): Promise<string[]> {
  const outcome = await processDocument(bytes, name);
  if (!outcome.ok) throw new Error(outcome.reason);
  const keys = outcome.model.targets
    .filter((t) => /^R[1-8]$/.test(t.indicator ?? '') && t.year !== null && t.year >= 2023 && t.year <= 2026)
    .map((t) => `${t.indicator}|${t.level}|${t.comparator === '=' ? '=' : t.comparator}|${t.value}|${t.year}|${t.kind}`);
  return [...new Set(keys)].sort();
}

/** The GFM table of the Markdown rendition written as tab-separated lines. */
function asTabLines(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|[-\s|:]+\|$/.test(line))
    .map((line) => line.slice(1, -1).split('|').map((cell) => cell.replace(/\*\*/g, '').trim()).join('\t'))
    .join('\n');
}

describe('the same table in every rendering', () => {
  it('should give the same targets from Word, PDF, GFM, tab-separated lines and one cell per line', async () => {
    const text = await tableTargets(read('test/extra/corpus/x2-district-years.txt'), 'x2.txt');
    expect(text.length).toBeGreaterThanOrEqual(60);
    expect(text).toContain('R1|primary|=|3.92|2023|baseline');
    expect(text).toContain('R8|junior|<=|0.4|2026|target');
    const markdown = readFileSync(new URL('test/extra/corpus/x2-district-years.md', root), 'utf8');
    const renderings: Array<[string, Uint8Array, string]> = [
      ['Word', read('test/extra/corpus/docx/x2-district-years.docx'), 'x2.docx'],
      ['PDF', read('test/extra/corpus/pdf/x2-district-years.pdf'), 'x2.pdf'],
      ['GFM', new TextEncoder().encode(markdown), 'x2.md'],
      ['tab-separated', new TextEncoder().encode(`表2　到2026年主要指标\n${asTabLines(markdown.slice(markdown.indexOf('| 指标名称')))}\n`), 'x2-tab.txt'],
    ];
    for (const [label, bytes, name] of renderings) {
      const found = await tableTargets(bytes, name);
      expect(found, label).toEqual(text);
    }
  }, 120_000);
});
