/**
 * A plain table shared by the CSV and XLSX writers, so both carry the same
 * rows. Text plancheck writes itself is a string; text quoted from a document
 * is `{ text }`, so the CSV writer can guard exactly that against formulas.
 */

/** A cell: plancheck's text, a number, document text (`{ text }`), or empty. */
export type Cell = string | number | null | { text: string };

/** A column: its header and its width in characters (for XLSX). */
export interface Column {
  header: string;
  width: number;
  /** The header is document text (a department's name). */
  document?: boolean;
}

/** A table: columns and rows of cells. */
export interface Table {
  columns: Column[];
  rows: Cell[][];
}

/**
 * Guard document text that a spreadsheet would read as a formula: one that starts
 * with `=`, `+`, `-`, `@` (or a tab or carriage return) gets a leading `'`.
 *
 * @param text
 *   Document text.
 * @returns
 *   The text, prefixed when needed.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The plain value of a cell (document text unwrapped, unguarded): for XLSX,
 * whose typed string cells are never formulas.
 *
 * @param cell
 *   The cell.
 */
export function plainCell(cell: Cell): string | number | null {
  return cell !== null && typeof cell === 'object' ? cell.text : cell;
}

/**
 * Build a table.
 *
 * @param columns
 *   The columns.
 * @param rows
 *   The rows, as long as `columns`.
 * @returns
 *   The table.
 */
export function makeTable(columns: Column[], rows: Cell[][]): Table {
  return { columns, rows };
}
