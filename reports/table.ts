/**
 * A plain table shared by the CSV and XLSX writers, so both carry the same
 * rows. Text cells are neutralised against formula injection here, once.
 */

/** A cell: text, a number, or empty. */
export type Cell = string | number | null;

/** A column: its header and its width in characters (for XLSX). */
export interface Column {
  header: string;
  width: number;
}

/** A table: columns and rows of cells. */
export interface Table {
  columns: Column[];
  rows: Cell[][];
}

/**
 * Neutralise a text cell that a spreadsheet would read as a formula: one that
 * starts with `=`, `+`, `-`, `@` (or a tab or carriage return) gets a leading `'`.
 *
 * @param cell
 *   The cell.
 * @returns
 *   The cell, prefixed when needed; numbers and empty cells as they are.
 */
export function neutraliseFormula(cell: Cell): Cell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * Build a table, neutralising every header and text cell.
 *
 * @param columns
 *   The columns.
 * @param rows
 *   The rows, as long as `columns`.
 * @returns
 *   The table.
 */
export function makeTable(columns: Column[], rows: Cell[][]): Table {
  return {
    columns: columns.map((column) => ({ ...column, header: neutraliseFormula(column.header) as string })),
    rows: rows.map((row) => row.map(neutraliseFormula)),
  };
}
