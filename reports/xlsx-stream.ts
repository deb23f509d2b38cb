/**
 * One sheet written by exceljs's streaming writer into memory: the same set-up and row
 * styles as `formatXlsx`, but rows are committed as they are added, so a table of 700,000
 * rows (100,000 schools × 7 indicators) takes seconds and no workbook model in memory.
 */
import { PassThrough } from 'node:stream';
import { plainCell } from './table.ts';
import { setUpSheet, styleRow, type SheetSpec } from './xlsx.ts';

/**
 * Rows past which the sheet is written without styles (no fills, borders or bold header; the
 * frozen header and the autofilter stay): exceljs's style bookkeeping alone takes three times
 * as long as the rows themselves, minutes for 700,000 rows.
 */
export const STYLED_ROWS = 20_000;

/**
 * Write one table as an XLSX workbook, streamed.
 *
 * @param sheet
 *   The sheet.
 * @returns
 *   The workbook's bytes.
 */
export async function formatXlsxStreamed(sheet: SheetSpec): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const styled = sheet.table.rows.length <= STYLED_ROWS;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: styled, useSharedStrings: false });
  workbook.creator = 'plancheck';
  // A fixed date keeps the bytes reproducible from run to run.
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', xSplit: sheet.frozenColumns ?? 0, ySplit: 1 }] });
  setUpSheet(worksheet, sheet.table.columns);
  worksheet.getRow(1).commit();
  for (const row of sheet.table.rows) {
    const added = worksheet.addRow(row.map((cell) => plainCell(cell) ?? undefined));
    if (styled) styleRow(added);
    added.commit();
  }
  worksheet.commit();
  await workbook.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
