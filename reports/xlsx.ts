/**
 * XLSX workbooks through exceljs: one sheet per table, a frozen header row
 * (and optionally frozen leading columns), column widths, wrapped long text.
 */
import type { Table } from './table.ts';

/** One sheet of a workbook. */
export interface SheetSpec {
  name: string;
  table: Table;
  /** Leading columns to freeze besides the header row (default: 0). */
  frozenColumns?: number;
}

/**
 * Write tables as an XLSX workbook.
 *
 * @param sheets
 *   The sheets, in order.
 * @returns
 *   The workbook's bytes.
 */
export async function formatXlsx(sheets: SheetSpec[]): Promise<Uint8Array> {
  // exceljs takes ~0.5 s to load: only when a workbook is written.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'plancheck';
  // A fixed date keeps the bytes reproducible from run to run.
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  for (const sheet of sheets) {
    const frozen = sheet.frozenColumns ?? 0;
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), {
      views: [{ state: 'frozen', xSplit: frozen, ySplit: 1 }],
    });
    worksheet.columns = sheet.table.columns.map((column) => ({ header: column.header, width: column.width }));
    worksheet.getRow(1).font = { bold: true };
    worksheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F3F4' } };
    for (const row of sheet.table.rows) worksheet.addRow(row.map((cell) => cell ?? undefined));
    worksheet.columns.forEach((column, index) => {
      if ((sheet.table.columns[index]?.width ?? 0) >= 30) column.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
