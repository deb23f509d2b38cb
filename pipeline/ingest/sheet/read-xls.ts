/**
 * `.xls` (BIFF5/BIFF8 in an OLE compound file) through SheetJS (`@e965/xlsx`, SheetJS
 * 0.20 as published on npm; see the README's dependency table for why not `xlsx@0.18.5`):
 * every sheet's rows with their row numbers, merged cells filled and marked, a formula
 * cell read as the value the file stores for it. Only OLE files with a Workbook stream
 * reach it (`sniffSheet`); SheetJS is never asked to guess a format.
 */
import { ReadError } from '../read-error.ts';
import { checkSheetCells, MAX_SHEET_COLUMNS } from './caps.ts';
import { toSheetValue } from './cell-value.ts';
import type { Sheet, SheetRow, SheetValue, Workbook } from './types.ts';

interface XlsCell {
  t?: string;
  v?: unknown;
  w?: string;
}

interface Range {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

/**
 * Read an `.xls` workbook.
 *
 * @param data
 *   The file's bytes (an OLE compound file).
 * @returns
 *   The workbook's sheets.
 * @throws {ReadError}
 *   `unreadable .xls: …` for a file SheetJS cannot parse (encrypted, truncated), too many cells.
 */
export async function readXls(data: Uint8Array): Promise<Workbook> {
  const [XLSX, cptable] = await Promise.all([import('@e965/xlsx'), import('@e965/xlsx/dist/cpexcel.full.mjs')]);
  // BIFF5 files store text in the workbook's code page (936 for GBK): SheetJS needs the tables to decode it.
  XLSX.set_cptable(cptable);
  let book;
  try {
    book = XLSX.read(data, { type: 'array', dense: true, cellDates: true, cellFormula: false, cellHTML: false, cellStyles: false, bookVBA: false });
  } catch (error) {
    const reason = String((error as Error).message ?? error).split('\n')[0]!;
    if (/password|encrypt/i.test(reason)) throw new ReadError('encrypted .xls: a password is required');
    throw new ReadError(`unreadable .xls: ${reason}`);
  }
  const warnings: string[] = [];
  const sheets: Sheet[] = [];
  let cells = 0;
  book.SheetNames.forEach((name, at) => {
    const worksheet = book.Sheets[name] as unknown as Record<string, unknown> | undefined;
    const data = (worksheet?.['!data'] ?? []) as Array<Array<XlsCell | undefined> | undefined>;
    const notes = new Map<string, number>();
    const note = (reason: string) => notes.set(reason, (notes.get(reason) ?? 0) + 1);
    const grid: SheetValue[][] = [];
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      if (!row) continue;
      const values: SheetValue[] = [];
      for (let c = 0; c < Math.min(row.length, MAX_SHEET_COLUMNS); c++) {
        const cell = row[c];
        values.push(cell === undefined || cell.t === 'z' ? null : cell.t === 'e' ? (note(`an error value ${cell.w ?? ''}`.trim()), null) : toSheetValue(cell.v, note));
      }
      grid[r] = values;
    }
    const spanned = new Map<number, Set<number>>();
    for (const range of (worksheet?.['!merges'] ?? []) as Range[]) {
      const value = grid[range.s.r]?.[range.s.c] ?? null;
      const bottom = Math.min(range.e.r, data.length - 1);
      const right = Math.min(range.e.c, MAX_SHEET_COLUMNS - 1);
      for (let r = range.s.r; r <= bottom; r++) {
        for (let c = range.s.c; c <= right; c++) {
          if (r === range.s.r && c === range.s.c) continue;
          const row = (grid[r] ??= []);
          while (row.length < c) row.push(null);
          row[c] = value;
          let marks = spanned.get(r);
          if (!marks) spanned.set(r, (marks = new Set()));
          marks.add(c);
        }
        checkSheetCells(cells + (grid[r]?.length ?? 0));
      }
    }
    const rows: SheetRow[] = [];
    grid.forEach((values, r) => {
      if (!values) return;
      const kept = values.map((value) => value ?? null);
      while (kept.length > 0 && kept.at(-1) === null) kept.pop();
      if (kept.length === 0) return;
      cells += kept.length;
      checkSheetCells(cells);
      const read: SheetRow = { row: r + 1, values: kept };
      const marks = [...(spanned.get(r) ?? [])].filter((c) => c < kept.length).sort((a, b) => a - b);
      if (marks.length > 0) read.spanned = marks;
      rows.push(read);
    });
    for (const [reason, count] of notes) warnings.push(`sheet ${name}: ${count} cell${count === 1 ? '' : 's'} with ${reason}, read as empty`);
    sheets.push({ name, index: at + 1, rows });
  });
  return { format: 'xls', sheets, warnings };
}
