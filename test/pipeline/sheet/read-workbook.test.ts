/**
 * The spreadsheet readers on files made here: merged cells filled and marked, formula cells
 * read as their cached results, CSV quoting and encodings, and sniffing by the bytes.
 */
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../pipeline/ingest/sheet/read-workbook.ts';
import { sniffSheet } from '../../../pipeline/ingest/sheet/sniff.ts';
import { sheetToTable } from '../../../pipeline/ingest/sheet/to-table.ts';
import { columnName } from '../../../pipeline/ingest/sheet/types.ts';
import { ReadError } from '../../../pipeline/ingest/read-error.ts';

async function xlsxOf(build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('表1'));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('readWorkbook', () => {
  it('should fill a merged range with its value and mark the copies', async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(['评估内容', '评估要点', '责任部门']);
      sheet.addRow(['资源配置', '要点一', '区教委']);
      sheet.addRow([null, '要点二', null]);
      sheet.mergeCells('A2:A3');
      sheet.mergeCells('C2:C3');
    });
    const book = await readWorkbook(bytes, '.xlsx');
    expect(book.sheets[0]!.rows).toEqual([
      { row: 1, values: ['评估内容', '评估要点', '责任部门'] },
      { row: 2, values: ['资源配置', '要点一', '区教委'] },
      { row: 3, values: ['资源配置', '要点二', '区教委'], spanned: [0, 2] },
    ]);
    const table = sheetToTable(book.sheets[0]!)!;
    expect(table.children[2]!.children[0]!.data).toEqual({ location: { line: 3, column: 1 }, spanned: true });
  });

  it('should read a formula cell as its cached result, and one without a result as empty with a warning', async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(['学生数', '合计']);
      sheet.addRow([300, { formula: 'A2*2', result: 600 }]);
      sheet.addRow([200, { formula: 'A3*2' } as ExcelJS.CellFormulaValue]);
    });
    const book = await readWorkbook(bytes, '.xlsx');
    expect(book.sheets[0]!.rows.map((row) => row.values)).toEqual([['学生数', '合计'], [300, 600], [200]]);
    expect(book.warnings).toEqual(['sheet 表1: 1 cell with a formula without a cached result (the file was not saved by a spreadsheet program), read as empty']);
  });

  it('should read an .xls merged range and formula values through SheetJS', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([['学校', '学生数'], ['一小', 300], [null, { f: 'B2*2', v: 600, t: 'n' } as unknown as number]]);
    sheet['!merges'] = [{ s: { r: 1, c: 0 }, e: { r: 2, c: 0 } }];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '学校');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
    expect(sniffSheet(bytes, '.bin')).toBe('xls');
    const read = await readWorkbook(bytes, '.xls');
    expect(read.format).toBe('xls');
    expect(read.sheets[0]!.rows).toEqual([
      { row: 1, values: ['学校', '学生数'] },
      { row: 2, values: ['一小', 300] },
      { row: 3, values: ['一小', 600], spanned: [0] },
    ]);
  });

  it.each([
    { text: '学校,学生数\r\n一小,300\r\n', rows: [['学校', '学生数'], ['一小', 300]] },
    { text: '学校\t学生数\n"一小\n（本部）"\t300\n', rows: [['学校', '学生数'], ['一小\n（本部）', 300]] },
    { text: '"学校,名称",学生数\n"他说""好""",1.5\n', rows: [['学校,名称', '学生数'], ['他说"好"', 1.5]] },
    { text: '学校;学生数\n一小;\n', rows: [['学校', '学生数'], ['一小']] },
  ])('should split the CSV $text', ({ text, rows }) => {
    return readWorkbook(new TextEncoder().encode(text), '.csv').then((book) => {
      expect(book.sheets[0]!.rows.map((row) => row.values)).toEqual(rows);
    });
  });

  it.each([
    { name: 'an empty file', bytes: new Uint8Array(), extension: '.csv', reason: 'empty file' },
    { name: 'a zip that is no workbook', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), extension: '.xlsx', reason: 'not a spreadsheet: expected .xlsx, .xls or .csv (got .xlsx)' },
    { name: 'a text named .xls', bytes: new TextEncoder().encode('学校,学生数'), extension: '.xls', reason: 'not a spreadsheet: expected .xlsx, .xls or .csv (got .xls)' },
    { name: 'binary data named .csv', bytes: new Uint8Array([0x41, 0, 0x42, 0, 0x43, 0]), extension: '.csv', reason: 'binary data, not text' },
  ])('should refuse $name with a reason', async ({ bytes, extension, reason }) => {
    const error = await readWorkbook(bytes, extension).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReadError);
    expect((error as Error).message).toBe(reason);
  });

  it.each([[1, 'A'], [26, 'Z'], [27, 'AA'], [703, 'AAA']])('should name column %i %s', (column, name) => {
    expect(columnName(column)).toBe(name);
  });
});
