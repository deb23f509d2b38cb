/**
 * What a spreadsheet may expand into: a small file must not cost gigabytes. Far above any
 * county's school list (a few hundred rows) and above the 100,000-row sheet the bench audits.
 */
import { ReadError } from '../read-error.ts';

/** Most cells (rows × columns in use) read from one workbook. */
export const MAX_SHEET_CELLS = 5_000_000;

/** Most columns read from one sheet (a 任务分工表 or school list has a few dozen). */
export const MAX_SHEET_COLUMNS = 1_000;

/**
 * Count cells against the cap.
 *
 * @param total
 *   Cells counted so far in the workbook.
 * @returns
 *   Nothing.
 * @throws {ReadError}
 *   `too many cells: over 5000000 (limit 5000000)`.
 */
export function checkSheetCells(total: number): void {
  if (total > MAX_SHEET_CELLS) throw new ReadError(`too many cells: over ${MAX_SHEET_CELLS} (limit ${MAX_SHEET_CELLS})`);
}
