/**
 * Hostile school lists: formula cells, a header merged over two rows, text in numeric cells,
 * a sheet of 100,000 rows (made here, not committed) and zip bombs. Each is audited or
 * refused with a one-line reason.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../pipeline/ingest/sheet/read-workbook.ts';
import { ReadError } from '../../pipeline/ingest/read-error.ts';
import { generateCounty, toSheetRows, COUNTY_HEADERS } from '../../scripts/fixtures/school-county.mjs';
import { audit, goodPrimary, HEADER } from './helpers.ts';

async function xlsxOf(build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('学校'));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Change the uncompressed size an entry declares in the zip's central directory. */
function declareSize(bytes: Uint8Array, entry: string, size: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = Buffer.from(bytes).indexOf(Buffer.from('504b0102', 'hex'));
  let found = false;
  while (at >= 0 && at + 46 <= bytes.length && view.getUint32(at, true) === 0x02014b50) {
    const length = view.getUint16(at + 28, true);
    if (new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + length)) === entry) {
      view.setUint32(at + 24, size, true);
      found = true;
    }
    at += 46 + length + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  if (!found) throw new Error(`declareSize: no entry ${entry}`);
}

describe('hostile school lists', () => {
  it('should audit formula cells by their cached results', async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(HEADER);
      sheet.addRow(goodPrimary('一小'));
      // 学生数 = 250 * 2, 教学及辅助用房面积 = 5 * 学生数: the cached results are what a spreadsheet shows.
      sheet.addRow(['二小', '小学', { formula: '250*2', result: 500 }, 25, 6, 5, { formula: 'C3*5', result: 2500 }, 4000, 1_100_000, 12]);
    });
    const model = audit(await readWorkbook(bytes, '.xlsx'));
    expect(model.messages).toEqual([]);
    expect(model.schools.map((school) => [school.name, school.students, school.values[3]!.value])).toEqual([['一小', 500, 5], ['二小', 500, 5]]);
  });

  it('should read a header merged over two rows (教师 over its three columns)', async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(['学校名称', '学段', '学生数', '教师', null, null, '校舍（平方米）', null, '设备', null]);
      sheet.addRow([null, null, null, '高于规定学历教师数', '县级以上骨干教师数', '体育、艺术专任教师数', '教学及辅助用房面积', '体育运动场馆面积', '教学仪器设备值（元）', '网络多媒体教室数']);
      for (const [from, to] of [['A1', 'A2'], ['B1', 'B2'], ['C1', 'C2'], ['D1', 'F1'], ['G1', 'H1'], ['I1', 'J1']] as const) sheet.mergeCells(`${from}:${to}`);
      sheet.addRow(goodPrimary('一小'));
    });
    const model = audit(await readWorkbook(bytes, '.xlsx'));
    expect(model.source.headerRows).toEqual([1, 2]);
    expect(model.columns.map((column) => column.column)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    expect(model.messages).toEqual([]);
    expect(model.schools[0]!.r9).toBe(true);
  });

  it('should read numbers written as text (1,234 · full-width digits) and name cells of other text', async () => {
    const bytes = await xlsxOf((sheet) => {
      sheet.addRow(HEADER);
      sheet.addRow(['一小', '小学', '1,000', '５０', 12, 10, 5000, 8000, 2_200_000, 24]);
      sheet.addRow(['二小', '小学', 500, '二十五', 6, 5, 2500, 4000, '#DIV/0!', 12]);
    });
    const model = audit(await readWorkbook(bytes, '.xlsx'));
    expect(model.schools[0]!.students).toBe(1000);
    expect(model.schools[0]!.values[0]!.value).toBe(5);
    expect(model.messages.map((message) => message.reason)).toEqual([
      '第 3 行 D 列（高于规定学历教师数）：“二十五”不是数字',
      '第 3 行 I 列（教学仪器设备值）：“#DIV/0!”不是数字',
    ]);
    expect(model.schools[1]!.r9).toBeNull();
  });

  it('should audit a sheet of 100,000 school rows', async () => {
    const rows = toSheetRows(generateCounty(88_000, 11)).map((row, at) => [row[0], `${row[1]}${at}`, ...row.slice(2)]);
    expect(rows.length).toBeGreaterThanOrEqual(100_000);
    const csv = `${[COUNTY_HEADERS, ...rows].map((row) => row.join(',')).join('\n')}\n`;
    const model = audit(await readWorkbook(new TextEncoder().encode(csv), '.csv'));
    expect(model.messages).toEqual([]);
    expect(model.schools).toHaveLength(rows.length);
    expect(model.statistics.every((item) => item.cv !== null && item.cv > 0)).toBe(true);
  }, 120_000);

  it('should refuse an .xlsx that declares more than the limit uncompressed, before inflating', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData/></worksheet>');
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    // Claim 4 GB for the sheet in the central directory.
    declareSize(bytes, 'xl/worksheets/sheet1.xml', 0xfffffffe);
    const error = await readWorkbook(bytes, '.xlsx').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReadError);
    expect((error as Error).message).toBe('.xlsx too large: 4096 MB uncompressed (limit 200 MB), a zip bomb?');
  });

  it('should refuse an .xlsx whose sheet inflates past its declared size', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', `<worksheet><sheetData>${'<row/>'.repeat(200_000)}</sheetData></worksheet>`);
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    declareSize(bytes, 'xl/worksheets/sheet1.xml', 1000);
    const error = await readWorkbook(bytes, '.xlsx').catch((caught: unknown) => caught);
    expect((error as Error).message).toBe('unreadable .xlsx: xl/worksheets/sheet1.xml inflates past its declared size, a zip bomb?');
  });
});
