/**
 * `.xlsx`: every sheet's rows with their row numbers, merged cells filled (a merged range's
 * value repeated over the range, the copies marked), a formula cell read as its cached result.
 * The zip is checked and inflated by `inflateZip` (declared sizes, entry count, each entry
 * inflated under its declared size and CRC) and its parts are read by `xlsx-xml.ts`.
 */
import { DEFAULT_LIMITS, type Limits } from '../limits.ts';
import { ReadError } from '../read-error.ts';
import { inflateZip } from '../zip.ts';
import { checkSheetCells, MAX_SHEET_COLUMNS } from './caps.ts';
import type { Sheet, SheetRow, Workbook } from './types.ts';
import { listSheets, readMergedRanges, readSharedStrings, readSheetRows } from './xlsx-xml.ts';

/**
 * Read an `.xlsx` workbook.
 *
 * @param data
 *   The file's bytes.
 * @param limits
 *   Zip limits (default: `DEFAULT_LIMITS`; the .docx limits apply).
 * @returns
 *   The workbook's sheets, in the workbook's order.
 * @throws {ReadError}
 *   `not an .xlsx: xl/workbook.xml is missing`, a zip bomb, a corrupt package, too many cells.
 */
export async function readXlsx(data: Uint8Array, limits: Limits = DEFAULT_LIMITS): Promise<Workbook> {
  const parts = inflateZip(data, '.xlsx', limits);
  const text = (path: string): string | undefined => {
    const bytes = parts.get(path);
    return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
  };
  const workbook = text('xl/workbook.xml');
  if (workbook === undefined) throw new ReadError('not an .xlsx: xl/workbook.xml is missing');
  const strings = readSharedStrings(text('xl/sharedStrings.xml') ?? '');
  const warnings: string[] = [];
  const sheets: Sheet[] = [];
  let cells = 0;
  for (const [at, part] of listSheets(workbook, text('xl/_rels/workbook.xml.rels')).entries()) {
    const xml = text(part.path);
    // A chart sheet or a missing part holds no cells.
    if (xml === undefined || !xml.includes('<sheetData')) continue;
    const notes = new Map<string, number>();
    const note = (reason: string) => notes.set(reason, (notes.get(reason) ?? 0) + 1);
    const read = readSheetRows(xml, strings, note, cells);
    cells = read.cells + fillMerged(read.rows, readMergedRanges(xml));
    checkSheetCells(cells);
    for (const [reason, count] of notes) warnings.push(`sheet ${part.name}: ${count} cell${count === 1 ? '' : 's'} with ${reason}, read as empty`);
    sheets.push({ name: part.name, index: at + 1, rows: read.rows });
  }
  return { format: 'xlsx', sheets, warnings };
}

/** Repeat each range's first value over the range (as far as the rows in use), marking the copies; the cells added. */
function fillMerged(rows: SheetRow[], ranges: Array<{ top: number; left: number; bottom: number; right: number }>): number {
  if (ranges.length === 0) return 0;
  const byNumber = new Map(rows.map((row) => [row.row, row]));
  const last = rows.at(-1)?.row ?? 0;
  let added = 0;
  for (const range of ranges) {
    const value = byNumber.get(range.top)?.values[range.left - 1] ?? null;
    for (let r = range.top; r <= Math.min(range.bottom, last); r++) {
      let row = byNumber.get(r);
      if (!row) {
        row = { row: r, values: [] };
        byNumber.set(r, row);
        rows.push(row);
      }
      for (let c = range.left; c <= Math.min(range.right, MAX_SHEET_COLUMNS); c++) {
        if (r === range.top && c === range.left) continue;
        while (row.values.length < c) row.values.push(null);
        row.values[c - 1] = value;
        (row.spanned ??= []).push(c - 1);
        added++;
      }
      checkSheetCells(added);
    }
  }
  rows.sort((a, b) => a.row - b.row);
  for (const row of rows) if (row.spanned) row.spanned = [...new Set(row.spanned)].sort((a, b) => a - b);
  return added;
}
