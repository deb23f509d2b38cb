import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanNumbers } from '../../extractors/number-scanner.ts';
import { parseChineseDecimal } from '../../model/chinese-numerals.ts';
import { dropHiddenRuns } from '../../pipeline/ingest/docx/hidden-content.ts';
import { processDocument, type DocumentModel } from '../../pipeline/process-document.ts';

const root = new URL('../..', import.meta.url).pathname;

async function modelOf(name: string): Promise<DocumentModel> {
  const outcome = await processDocument(new Uint8Array(readFileSync(join(root, 'test/fixtures/hostile', name))), name);
  if (!outcome.ok) throw new Error(`${name} failed: ${outcome.reason}`);
  return outcome.model;
}
const targetsOf = (model: DocumentModel) => model.targets.map((t) => [t.indicator, t.value, t.unit]);
const reasonsOf = (model: DocumentModel) => model.messages.map((m) => m.reason);

describe('text that shows otherwise than it reads', () => {
  it('should drop Word\'s hidden runs, keep the visible 95 % for S1 alone, and say how many were dropped', async () => {
    const model = await modelOf('hidden-text.docx');
    expect(targetsOf(model)).toEqual([['S1', 95, '%']]);
    expect(reasonsOf(model)).toEqual(['hidden text (w:vanish) not read: 1 run']);
    expect(JSON.stringify(model.tree)).not.toContain('10%');
  });

  it.each([
    ['<w:r><w:rPr><w:vanish/></w:rPr><w:t>10%</w:t></w:r>', 1],
    ['<w:r w:rsidR="00A1"><w:rPr><w:b/><w:vanish w:val="true"/></w:rPr><w:t>10%</w:t></w:r>', 1],
    ['<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>10%</w:t></w:r>', 0],
    ['<w:r><w:t>95%</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>以上</w:t></w:r>', 0],
    ['<w:r><w:t>95%</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>10%</w:t></w:r><w:r><w:t>以上</w:t></w:r>', 1],
  ])('should drop the hidden runs of %s (%i)', (xml, dropped) => {
    const result = dropHiddenRuns(`<w:p>${xml}</w:p>`);
    expect(result.dropped).toBe(dropped);
    expect(result.xml.includes('10%')).toBe(dropped === 0 && xml.includes('10%'));
  });

  it('should remove bidi controls before extraction, with a message', async () => {
    const model = await modelOf('bidi.txt');
    expect(reasonsOf(model)).toEqual(['bidirectional control characters removed: 2 (they make text display otherwise than it reads)']);
    expect(JSON.stringify(model)).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/);
  });

  it('should name an altChunk part it cannot read, and refuse a package holding its document twice', async () => {
    const model = await modelOf('altchunk.docx');
    expect(targetsOf(model)).toEqual([['Q1', 95, '%']]);
    expect(reasonsOf(model)).toEqual(['embedded content in another format (w:altChunk) not read: 1 part']);
    const two = await processDocument(new Uint8Array(readFileSync(join(root, 'test/fixtures/hostile/two-documents.docx'))), 'two-documents.docx');
    expect(two).toEqual({ ok: false, reason: 'unreadable .docx: the zip holds word/document.xml twice' });
  });
});

describe('Chinese-numeral decimals and impossible values', () => {
  it.each([
    ['九十九点五', 99.5],
    ['一点五', 1.5],
    ['四点五', 4.5],
    ['四点零五', 4.05],
    ['十二', 12],
    ['点五', null],
    ['一点五点五', null],
  ])('should read %s as %s', (text, value) => {
    expect(parseChineseDecimal(text)).toBe(value);
  });

  it.each([
    ['巩固率达到百分之九十九点五', [99.5, '%']],
    ['骨干教师数达到一点五人以上', [1.5, '人']],
    ['面积达到四点五平方米以上', [4.5, '平方米']],
    ['班额三十五至四十五人', [35, '人']],
  ])('should scan %s', (text, [value, unit]) => {
    expect(scanNumbers(text).map((m) => [m.value, m.unit])).toEqual([[value, unit]]);
  });

  it('should extract the decimals of a plan, and keep impossible values with a message each', async () => {
    const model = await modelOf('chinese-decimals.txt');
    expect(targetsOf(model)).toEqual([
      ['Q1', 99.5, '%'],
      ['R2', 1.5, '人'],
      ['G3.music', 4.5, '平方米'],
      ['Q2', 120, '%'],
      ['G12', 1e20, '%'],
    ]);
    expect(reasonsOf(model)).toEqual([
      'implausible value kept as written: Q2 120%, a share above 100 % (line 6)',
      'implausible value kept as written: G12 100000000000000000000%, a figure of impossible magnitude (line 7)',
    ]);
  });
});
