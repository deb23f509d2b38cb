/**
 * CSV as spreadsheets read it: UTF-8 with a BOM (so Excel reads Chinese),
 * CRLF line ends and RFC 4180 quoting.
 */
import { formatNumber } from './formatters.ts';
import type { Cell, Table } from './table.ts';

/**
 * Serialise a table as CSV.
 *
 * @param table
 *   The table (its text cells already neutralised, see `makeTable`).
 * @returns
 *   The CSV text, starting with a BOM.
 */
export function formatCsv(table: Table): string {
  const lines = [table.columns.map((column) => column.header), ...table.rows].map((row) => row.map(quoteCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function quoteCell(cell: Cell): string {
  const text = cell === null ? '' : typeof cell === 'number' ? formatNumber(cell) : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Format rows as CSV lines (no BOM, no header), for a file written in parts.
 *
 * @param rows
 *   Rows of cells, already neutralised.
 * @returns
 *   The lines, each ending with CRLF.
 */
export function formatCsvRows(rows: Cell[][]): string {
  return rows.map((row) => `${row.map(quoteCell).join(',')}\r\n`).join('');
}
