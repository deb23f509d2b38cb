/**
 * CSV as spreadsheets read it: UTF-8 with a BOM (so Excel reads Chinese),
 * CRLF line ends and RFC 4180 quoting. Only document text (`{ text }` cells,
 * document headers) is guarded against formulas; plancheck's own text such as
 * `= 0.52 人` is written as it is.
 */
import { formatNumber } from './formatters.ts';
import { guardFormula, type Cell, type Column, type Table } from './table.ts';

/**
 * Serialise a table as CSV.
 *
 * @param table
 *   The table.
 * @returns
 *   The CSV text, starting with a BOM.
 */
export function formatCsv(table: Table): string {
  return `\uFEFF${formatCsvHeader(table.columns)}${formatCsvRows(table.rows)}`;
}

/**
 * The header line of a CSV (no BOM).
 *
 * @param columns
 *   The columns.
 */
export function formatCsvHeader(columns: Column[]): string {
  return `${columns.map((column) => quoteText(column.document ? guardFormula(column.header) : column.header)).join(',')}\r\n`;
}

function quoteCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return formatNumber(cell);
  return quoteText(typeof cell === 'object' ? guardFormula(cell.text) : cell);
}

function quoteText(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Format rows as CSV lines (no BOM, no header), for a file written in parts.
 *
 * @param rows
 *   Rows of cells.
 * @returns
 *   The lines, each ending with CRLF.
 */
export function formatCsvRows(rows: Cell[][]): string {
  return rows.map((row) => `${row.map(quoteCell).join(',')}\r\n`).join('');
}
