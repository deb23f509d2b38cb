/**
 * The SpreadsheetML parts read directly: shared strings (runs joined, phonetic runs left out,
 * entities decoded), every cell type, cells and rows without references, merged ranges, and
 * the sheets in the workbook's order through its relationships.
 */
import { describe, expect, it } from 'vitest';
import { decodeXml, listSheets, readMergedRanges, readSharedStrings, readSheetRows } from '../../../pipeline/ingest/sheet/xlsx-xml.ts';

describe('xlsx parts', () => {
  it('should join a shared string’s runs, leave out phonetic runs and decode entities', () => {
    const xml = '<sst><si><t>学校名称</t></si><si><r><t>体育、</t></r><r><rPr/><t xml:space="preserve">艺术 </t></r><rPh><t>ゲイ</t></rPh></si><si/><si><t>A&amp;B &lt;1&gt; &#x4E00;_x000D_</t></si></sst>';
    expect(readSharedStrings(xml)).toEqual(['学校名称', '体育、艺术 ', '', 'A&B <1> 一\r']);
    expect(decodeXml('no entities')).toBe('no entities');
  });

  it.each([
    { cell: '<c r="A1" t="s"><v>1</v></c>', value: '二小' },
    { cell: '<c r="A1" t="inlineStr"><is><t>三小</t></is></c>', value: '三小' },
    { cell: '<c r="A1"><v>1.25</v></c>', value: 1.25 },
    { cell: '<c r="A1" t="n"><f>B1*2</f><v>600</v></c>', value: 600 },
    { cell: '<c r="A1" t="str"><f>B1&amp;"小"</f><v>城关小</v></c>', value: '城关小' },
    { cell: '<c r="A1" t="b"><v>1</v></c>', value: '是' },
    { cell: '<c r="A1" t="d"><v>2025-09-01T00:00:00</v></c>', value: '2025-09-01' },
    { cell: '<c r="A1" t="e"><v>#N/A</v></c>', value: undefined, note: 'an error value #N/A' },
    { cell: '<c r="A1"><f>B1*2</f></c>', value: undefined, note: 'a formula without a cached result (the file was not saved by a spreadsheet program)' },
    { cell: '<c r="A1" s="3"/>', value: undefined },
  ])('should read $cell', ({ cell, value, note }) => {
    const notes: string[] = [];
    const { rows } = readSheetRows(`<sheetData><row r="4">${cell}</row></sheetData>`, ['一小', '二小'], (reason) => notes.push(reason), 0);
    expect(rows).toEqual(value === undefined ? [] : [{ row: 4, values: [value] }]);
    expect(notes).toEqual(note ? [note] : []);
  });

  it('should place cells by their reference and count rows without one', () => {
    const xml = '<sheetData><row r="2"><c r="C2"><v>3</v></c><c r="AA2"><v>27</v></c></row><row><c><v>1</v></c><c><v>2</v></c></row><row r="9"/></sheetData>';
    const { rows, cells } = readSheetRows(xml, [], () => undefined, 10);
    expect(rows[0]!.values[2]).toBe(3);
    expect(rows[0]!.values[26]).toBe(27);
    expect(rows[1]).toEqual({ row: 3, values: [1, 2] });
    expect(cells).toBe(10 + 27 + 2);
  });

  it('should read merged ranges, absolute references included', () => {
    expect(readMergedRanges('<sheetData/><mergeCells count="2"><mergeCell ref="A2:A3"/><mergeCell ref="$D$1:$F$1"/></mergeCells>')).toEqual([
      { left: 1, top: 2, right: 1, bottom: 3 },
      { left: 4, top: 1, right: 6, bottom: 1 },
    ]);
  });

  it('should list the sheets in the workbook’s order through its relationships', () => {
    const workbook = '<workbook><sheets><sheet name="学校&amp;班级" sheetId="7" r:id="rId2"/><sheet name="说明" sheetId="1" r:id="rId1"/></sheets></workbook>';
    const rels = '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/data.xml"/></Relationships>';
    expect(listSheets(workbook, rels)).toEqual([{ name: '学校&班级', path: 'xl/worksheets/data.xml' }, { name: '说明', path: 'xl/worksheets/sheet1.xml' }]);
  });
});
