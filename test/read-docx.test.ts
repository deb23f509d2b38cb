import { readFileSync } from 'node:fs';
import type { Root, RootContent, TableCell } from 'mdast';
import { describe, expect, it } from 'vitest';
import { listParagraphs, markParagraphs } from '../pipeline/ingest/docx/paragraphs.ts';
import { parseXmlPart } from '../pipeline/ingest/docx/xml.ts';
import { readDocx, readDocxWithMessages } from '../pipeline/ingest/docx/read-docx.ts';
import { ReadError } from '../pipeline/ingest/read-error.ts';
import type { SourceLocation } from '../model/document.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`fixtures/docx/${name}`, import.meta.url)));

const locationOf = (node: { data?: unknown }): SourceLocation | undefined =>
  (node.data as { location?: SourceLocation } | undefined)?.location;

const textOf = (node: { children: unknown[] }): string =>
  (node.children as Array<{ type: string; value?: string }>).map((child) => child.value ?? '').join('');

/** A compact view of the tree: kind, paragraph anchor and text of every block. */
function summarize(tree: Root): unknown[] {
  return tree.children.map((node: RootContent) => {
    if (node.type === 'heading') return { heading: node.depth, at: locationOf(node)?.paragraph, text: textOf(node) };
    if (node.type === 'paragraph') return { at: locationOf(node)?.paragraph, text: textOf(node) };
    if (node.type === 'table') {
      return {
        table: locationOf(node)?.paragraph,
        rows: node.children.map((row) => ({
          at: locationOf(row)?.paragraph,
          cells: row.children.map((cell: TableCell) => {
            const spanned = (cell.data as { spanned?: boolean } | undefined)?.spanned === true;
            return `${spanned ? '*' : ''}${textOf(cell)}@${locationOf(cell)?.paragraph}`;
          }),
        })),
      };
    }
    return { unexpected: node.type };
  });
}

describe('readDocx', () => {
  it('should keep a table as a table and anchor every block at its w:p, empty paragraphs counted', async () => {
    const tree = await readDocx(fixture('tables.docx'));
    expect(summarize(tree)).toEqual([
      { at: 1, text: '一、总体要求。' },
      { at: 3, text: '主要指标见下表：' },
      {
        table: 4,
        rows: [
          { at: 4, cells: ['年份@4', '指标@5', '责任单位@6'] },
          { at: 7, cells: ['2025年@7', '小学达到4.2人以上@8', '教育局\n财政局@9'] },
          // The row starts at p11, the empty paragraph of the cell merged into 2025年.
          { at: 11, cells: ['*2025年@7', '初中达到5.3人以上@12', '人社局@13'] },
          { at: 14, cells: ['合计@14', '*合计@14', '各镇街@15'] },
        ],
      },
      { at: 16, text: '表后说明。' },
    ]);
  });

  it('should anchor the text nodes inside blocks and cells too', async () => {
    const tree = await readDocx(fixture('tables.docx'));
    const table = tree.children[2];
    if (table?.type !== 'table') throw new Error('expected a table');
    const cell = table.children[1]!.children[2]!;
    expect(cell.children).toEqual([{ type: 'text', value: '教育局\n财政局', data: { location: { paragraph: 9 } } }]);
    expect(tree.children[0]).toEqual({
      type: 'paragraph',
      children: [{ type: 'text', value: '一、总体要求。', data: { location: { paragraph: 1 } } }],
      data: { location: { paragraph: 1 } },
    });
  });

  it('should print Word numbering labels back into the text, restarting the lower level', async () => {
    const tree = await readDocx(fixture('numbering.docx'));
    expect(summarize(tree)).toEqual([
      { at: 1, text: '二、主要任务' },
      { at: 2, text: '（一）扩充学位供给' },
      { at: 3, text: '1.新建学校' },
      { at: 4, text: '2.改扩建学校' },
      { at: 5, text: '以上两项同步推进。' },
      { at: 6, text: '3.消除大班额' },
      { at: 7, text: '（二）加强教师队伍' },
      { at: 8, text: '1.补充教师' },
      { at: 9, text: '（一）另一清单' },
    ]);
  });

  it('should read Word heading styles as headings with their depth', async () => {
    const tree = await readDocx(fixture('headings.docx'));
    expect(summarize(tree)).toEqual([
      { heading: 1, at: 1, text: '县域义务教育优质均衡发展实施方案' },
      { at: 2, text: '为推进义务教育优质均衡发展，制定本方案。' },
      { heading: 2, at: 3, text: '一、工作目标' },
      { at: 4, text: '到2027年，全县通过国家督导评估。' },
    ]);
  });

  it('should place a footnote after the paragraph citing it and drop the reference mark', async () => {
    const tree = await readDocx(fixture('footnotes.docx'));
    expect(summarize(tree)).toEqual([
      { heading: 1, at: 1, text: '一、工作目标' },
      { at: 2, text: '巩固率达到95%以上。' },
      { at: 2, text: '数据来自2023年教育统计。' },
      { at: 3, text: '二、保障措施' },
    ]);
  });

  it('should report no warnings for a clean document', async () => {
    const { warnings } = await readDocxWithMessages(fixture('tables.docx'));
    expect(warnings).toEqual([]);
  });

  it.each([
    ['not-a-zip.docx', 'not a .docx: not a zip archive'],
    ['no-document.docx', 'not a .docx: word/document.xml is missing'],
    ['truncated.docx', 'unreadable .docx: corrupt zip archive'],
    ['malformed-xml.docx', 'unreadable .docx: malformed XML in the document'],
  ])('should refuse %s with a ReadError', async (name, reason) => {
    const error = await readDocx(fixture(name)).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).message).toBe(reason);
  });

  it('should refuse an OLE file (legacy .doc or encrypted .docx) with its own reason', async () => {
    const ole = new Uint8Array(64);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readDocx(ole)).rejects.toThrow('not a .docx: an encrypted or legacy .doc file (OLE compound document)');
  });
});

describe('markParagraphs', () => {
  it('should tag every w:p after its properties, opening self-closing ones', () => {
    const xml =
      '<w:document xmlns:w="x"><w:body><w:p><w:pPr><w:pStyle w:val="A"/></w:pPr><w:r><w:t>一</w:t></w:r></w:p>' +
      '<w:p/><w:p w:rsidR="1"><w:r><w:t>二</w:t></w:r></w:p></w:body></w:document>';
    const paragraphs = listParagraphs(parseXmlPart(xml));
    expect(paragraphs.map(({ index, styleId }) => ({ index, styleId }))).toEqual([
      { index: 1, styleId: 'A' },
      { index: 2, styleId: undefined },
      { index: 3, styleId: undefined },
    ]);
    expect(markParagraphs(xml, paragraphs)).toBe(
      '<w:document xmlns:w="x"><w:body><w:p><w:pPr><w:pStyle w:val="A"/></w:pPr>' +
        '<w:bookmarkStart w:id="900000001" w:name="plancheck-p-1"/><w:r><w:t>一</w:t></w:r></w:p>' +
        '<w:p><w:bookmarkStart w:id="900000002" w:name="plancheck-p-2"/></w:p>' +
        '<w:p w:rsidR="1"><w:bookmarkStart w:id="900000003" w:name="plancheck-p-3"/><w:r><w:t>二</w:t></w:r></w:p>' +
        '</w:body></w:document>',
    );
  });
});
