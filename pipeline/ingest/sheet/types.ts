/**
 * The grid a spreadsheet reader gives: sheets → rows → cells, each cell a string, a
 * number or empty, every row with its 1-based row number in the sheet. Cells are
 * dense from column A: the value at index i is column i + 1.
 */

/** A cell's value: text, a number (a formula's cached result, a date as its ISO text), or empty. */
export type SheetValue = string | number | null;

/** One row of a sheet that holds at least one value. */
export interface SheetRow {
  /** 1-based row number in the sheet, as the spreadsheet shows it. */
  row: number;
  /** Values from column A on; index i is column i + 1. */
  values: SheetValue[];
  /** Indexes of cells that repeat a merged cell (copies, not the cell where the value is written). */
  spanned?: number[];
}

/** One sheet of a workbook. */
export interface Sheet {
  /** The sheet's name (`Sheet1`, `学校明细`); a CSV's single sheet is named after nothing: `''`. */
  name: string;
  /** 1-based position of the sheet in the workbook. */
  index: number;
  rows: SheetRow[];
}

/** The spreadsheet formats read. */
export type SheetFormat = 'xlsx' | 'xls' | 'csv';

/** A read workbook. */
export interface Workbook {
  format: SheetFormat;
  sheets: Sheet[];
  /** The text encoding of a CSV (`UTF-8`, `GB18030`), else undefined. */
  encoding?: string;
  /** What was noticed on the way (a formula cell without a cached result, an error cell). */
  warnings: string[];
}

/**
 * The spreadsheet name of a 1-based column (1 → A, 27 → AA).
 *
 * @param column
 *   The column number.
 * @returns
 *   Its letters.
 */
export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
