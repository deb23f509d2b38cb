/**
 * XLSX workbooks through exceljs: one sheet per table, typed cells, a frozen
 * header row (and optionally leading columns), an autofilter, thin borders,
 * verdict colours, wrapped long text, and an A4 landscape page set-up that
 * repeats the header row on every printed page.
 */
import type ExcelJS from 'exceljs';
import { plainCell, type Table } from './table.ts';

/** One sheet of a workbook. */
export interface SheetSpec {
  name: string;
  table: Table;
  /** Leading columns to freeze besides the header row (default: 0). */
  frozenColumns?: number;
}

/** Fill colours of verdict and role labels (ARGB), as in the HTML reports. */
export const LABEL_FILLS: Record<string, string> = {
  未达标准: 'FFF6C9C9', 表述留有余地: 'FFFBE3C4', 前后不一: 'FFFFE0B2', 未设目标: 'FFE6E6E6',
  达到标准: 'FFC8E6C9', 严于标准: 'FFBBDEFB', 承诺达到国家标准: 'FFDCEDC8',
  已覆盖: 'FFDCEDC8', 部分覆盖: 'FFFFF3C4', 未覆盖: 'FFE6E6E6', 方案明令禁止: 'FFD1E7DD', 未提及: 'FFF1F3F4',
  牵头: 'FFFDE7C8', 负责: 'FFE3F2E1', 配合: 'FFE8F0FE',
  // The audit's labels (audit.xlsx).
  达标: 'FFC8E6C9', 未达标: 'FFF6C9C9', 达到: 'FFC8E6C9', 未达到: 'FFF6C9C9', 无数据: 'FFE6E6E6', 无法判定: 'FFE6E6E6',
};

const BORDER = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };

/**
 * Set up a sheet: columns, bold filled frozen header, autofilter, A4 landscape with repeated titles.
 *
 * @param worksheet
 *   The sheet (plain or streamed).
 * @param table
 *   Its columns (rows are added by the caller).
 */
export function setUpSheet(worksheet: ExcelJS.Worksheet, columns: Table['columns']): void {
  worksheet.columns = columns.map((column) => ({
    header: column.header,
    width: column.width,
    ...(column.width >= 30 ? { style: { alignment: { wrapText: true, vertical: 'top' as const } } } : { style: { alignment: { vertical: 'top' as const } } }),
  }));
  const header = worksheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9DDE3' } };
    cell.border = { top: BORDER, left: BORDER, bottom: BORDER, right: BORDER };
  });
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  worksheet.pageSetup = {
    ...worksheet.pageSetup, paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
    printTitlesRow: '1:1', margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
  worksheet.headerFooter = { oddFooter: '&L&A&R第 &P 页，共 &N 页' };
}

/**
 * Style one data row: borders, and the fill of a verdict or role label.
 *
 * @param row
 *   The row.
 */
export function styleRow(row: ExcelJS.Row): void {
  row.eachCell({ includeEmpty: false }, (cell) => {
    cell.border = { top: BORDER, left: BORDER, bottom: BORDER, right: BORDER };
    const fill = typeof cell.value === 'string' ? LABEL_FILLS[cell.value] : undefined;
    if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  });
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
    setUpSheet(worksheet, sheet.table.columns);
    for (const row of sheet.table.rows) styleRow(worksheet.addRow(row.map((cell) => plainCell(cell) ?? undefined)));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
