/**
 * The .doc/.wps reader on the corpus renditions (LibreOffice's "MS Word 97" export of the .docx
 * renditions, scripts/renditions/make-doc.mjs) and on the Kingsoft-style .wps fixtures.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { readDoc } from '../../../pipeline/ingest/doc/read-doc.ts';
import { sniffFormat } from '../../../pipeline/ingest/sniff.ts';
import { compareItems, modelOf } from '../same-model.ts';

const root = new URL('../../../', import.meta.url).pathname;
const DOCS = readdirSync(`${root}corpus/doc`).filter((name) => name.endsWith('.doc')).sort();
const bytesOf = (path: string) => new Uint8Array(readFileSync(`${root}${path}`));

describe('the corpus .doc renditions', () => {
  it('should find a .doc of each of the five plans, made by Word 97 export', () => {
    expect(DOCS).toEqual(['haicheng.doc', 'jiaoling-2022.doc', 'nanan-2022.doc', 'nanchuan-2021.doc', 'qinxian-2021.doc']);
    for (const name of DOCS) expect([...bytesOf(`corpus/doc/${name}`).subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
  });

  it.each(DOCS)('should give %s the targets, deadlines and responsibilities of its txt, quotes included', async (name) => {
    const [doc, txt] = await Promise.all([modelOf(`corpus/doc/${name}`), modelOf(`corpus/${name.replace(/\.doc$/, '.txt')}`)]);
    expect(doc.format).toBe('doc');
    expect(compareItems(doc, txt)).toEqual([]);
    expect(doc.metadata).toEqual(txt.metadata);
  }, 60_000);

  it.each(DOCS)('should locate every block and every extracted item of %s by its paragraph', async (name) => {
    const { tree } = readDoc(bytesOf(`corpus/doc/${name}`));
    let last = 0;
    for (const node of tree.children) {
      const paragraph = node.data?.location?.paragraph;
      expect(paragraph, toString(node).slice(0, 20)).toBeGreaterThan(last);
      last = paragraph!;
    }
    const model = await modelOf(`corpus/doc/${name}`);
    for (const item of [...model.targets, ...model.deadlines, ...model.responsibilities]) expect(item.location.paragraph).toBeGreaterThan(0);
  });

  it('should rebuild the tables row by row, a cell of several paragraphs kept whole and a merged cell repeated', () => {
    const { tree } = readDoc(bytesOf('corpus/doc/haicheng.doc'));
    const tables = tree.children.filter((node) => node.type === 'table');
    expect(tables.map((table) => table.children.length)).toEqual([34, 2]);
    const rows = tables[0]!.children.map((row) => row.children.map((cell) => toString(cell)));
    expect(rows[0]).toEqual(['一级指标', '二级指标', '责任部门', '备注']);
    expect(rows[8]!.slice(0, 3)).toEqual(['政府保障\n程度评估', '县域内义务教育学校规划布局合理，符合国家规定要求；', '教育局、自然资源局']);
    expect(rows[9]![0]).toBe('政府保障\n程度评估');
    expect(tables[0]!.children[9]!.children[0]!.data?.spanned).toBe(true);
    expect(tables[0]!.children[8]!.children[0]!.data?.spanned).toBeUndefined();
  });

  it('should print Word\'s list numbers back into the text, counted as LibreOffice shows the file', () => {
    // jiaoling's （一） headings are Word list numbers in the .docx; LibreOffice's .doc export puts the first
    // heading of each group in a list of its own, and LibreOffice itself shows the file as counted here.
    const { tree } = readDoc(bytesOf('corpus/doc/jiaoling-2022.doc'));
    const labels = tree.children.map((node) => /^（[一二三四五六七八九十]+）/.exec(toString(node))?.[0]).filter(Boolean);
    expect(labels).toEqual(['（一）', '（一）', '（二）', '（三）', '（四）', '（五）', '（一）', '（一）', '（二）']);
    expect(tree.children.map((node) => toString(node))).toContain('（一）加快学位扩容，保障学位供给充足');
  });

  it('should find the row ends of a table of many cells, whose properties Word keeps in the Data stream', () => {
    // y1-symbols' first table has 9 columns: its row-end properties (sprmPHugePapx) do not fit their page.
    const { tree } = readDoc(bytesOf('test/extra/corpus/doc/y1-symbols.doc'));
    const table = tree.children.find((node) => node.type === 'table')!;
    expect(table.children.map((row) => row.children.length)).toEqual([9, 9, 9, 9, 9, 9, 9]);
    expect(table.children[2]!.children.map((cell) => toString(cell))).toEqual(['小学', '2024年', '≥4.0', '≥1.0', '≥0.85', '≥4.4', '≥7.0', '≥1900', '≥2.2']);
  });

  it('should read a table nested in a cell as lines of that cell, the outer rows kept', () => {
    const { tree } = readDoc(bytesOf('test/fixtures/doc/nested-table.doc'));
    const table = tree.children.find((node) => node.type === 'table')!;
    expect(table.children.map((row) => row.children.map((cell) => toString(cell)))).toEqual([
      ['工作任务', '责任单位'],
      ['到2025年，每百名学生拥有体育、艺术专任教师数达到以下标准：\n小学\n≥0.9\n初中\n≥0.9', '县教育局、县人社局'],
      ['到2025年，残疾儿童少年入学率达到95%以上。', '县教育局、县残联'],
    ]);
  });

  it('should read a .doc named .docx, or with no extension, by its bytes', async () => {
    const bytes = bytesOf('corpus/doc/jiaoling-2022.doc');
    expect(sniffFormat(bytes, '.docx')).toBe('doc');
    expect(sniffFormat(bytes, '')).toBe('doc');
  });
});

describe('what a .doc holds but does not show', () => {
  it.each([
    ['hidden-text.doc', 'hidden text not read: 1 run', '10%'],
    ['tracked-deletion.doc', 'text deleted under tracked changes not read: 1 run', '10%'],
  ])('should not read %s\'s hidden run as text, and say so', async (name, message, hidden) => {
    const model = await modelOf(`test/fixtures/doc/${name}`);
    expect(model.targets.map((t) => t.value)).toEqual([95]);
    expect(JSON.stringify(model.tree)).not.toContain(hidden);
    expect(model.messages.map((m) => m.reason)).toContain(message);
  });

  it('should read the corpus .docs without a hidden or deleted run', async () => {
    for (const name of DOCS) expect((await modelOf(`corpus/doc/${name}`)).messages).toEqual([]);
  }, 60_000);
});

describe('Kingsoft .wps files', () => {
  it('should read a .wps of the Word format (WPS Office adds its own streams) as the .doc it is', async () => {
    const [wps, txt] = await Promise.all([modelOf('test/fixtures/doc/kingsoft.wps'), modelOf('corpus/qinxian-2021.txt')]);
    expect(wps.format).toBe('doc');
    expect(compareItems(wps, txt)).toEqual([]);
  }, 60_000);

  it('should refuse a .wps without a WordDocument stream with the reason and what to do', async () => {
    await expect(modelOf('test/fixtures/doc/kingsoft-old.wps')).rejects.toThrow(
      'unsupported .wps: no WordDocument stream (an older Kingsoft or a Microsoft Works file; save it as .doc or .docx)',
    );
  });
});
