/**
 * `.xlsx` through exceljs's streaming reader: every sheet's rows with their row numbers,
 * merged cells filled (a merged range's value repeated over the range, the copies marked),
 * a formula cell read as its cached result. The zip is checked first by `inflateZip`
 * (declared sizes, entry count, each entry inflated under its declared size and CRC), and
 * exceljs reads a package rebuilt from exactly those entries (stored, not compressed): an
 * entry the central directory does not list, or one that inflates past what it declares,
 * never reaches it. The streaming reader keeps a 100,000-row sheet to seconds; it does not
 * report merged ranges, so they are read from each sheet part's `<mergeCell ref>` here.
 */
import { Readable } from 'node:stream';
import { DEFAULT_LIMITS, type Limits } from '../limits.ts';
import { ReadError } from '../read-error.ts';
import { inflateZip } from '../zip.ts';
import { checkSheetCells, MAX_SHEET_COLUMNS } from './caps.ts';
import { toSheetValue } from './cell-value.ts';
import type { Sheet, SheetRow, SheetValue, Workbook } from './types.ts';

interface StreamedWorksheet extends AsyncIterable<{ number: number; values: unknown[] }> {
  id: number | string;
  name: string;
}

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
  if (!parts.has('xl/workbook.xml')) throw new ReadError('not an .xlsx: xl/workbook.xml is missing');
  const [{ default: ExcelJS }, { default: JSZip }] = await Promise.all([import('exceljs'), import('jszip')]);
  const stored = new JSZip();
  // The streaming reader reads entries in order and needs the workbook, its relationships and the
  // shared strings before the sheets (else it names sheets wrongly or parks them in temporary files).
  const first = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml'];
  const names = [...first.filter((name) => parts.has(name)), ...[...parts.keys()].filter((name) => !first.includes(name))];
  for (const name of names) stored.file(name, parts.get(name)!, { binary: true, createFolders: false });
  const bytes = await stored.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  const warnings: string[] = [];
  const sheets: Sheet[] = [];
  let cells = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
      sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore',
    });
    for await (const worksheet of reader as unknown as AsyncIterable<StreamedWorksheet>) {
      const id = Number(worksheet.id);
      const notes = new Map<string, number>();
      const note = (reason: string) => notes.set(reason, (notes.get(reason) ?? 0) + 1);
      const rows: SheetRow[] = [];
      for await (const row of worksheet) {
        const raw = row.values;
        const width = Math.min(raw.length - 1, MAX_SHEET_COLUMNS);
        const values: SheetValue[] = [];
        for (let c = 1; c <= width; c++) values.push(toSheetValue(raw[c], note));
        while (values.length > 0 && values.at(-1) === null) values.pop();
        if (values.length === 0) continue;
        cells += values.length;
        checkSheetCells(cells);
        rows.push({ row: row.number, values });
      }
      const part = parts.get(`xl/worksheets/sheet${id}.xml`);
      if (part) cells += fillMerged(rows, readMergedRanges(part));
      checkSheetCells(cells);
      for (const [reason, count] of notes) warnings.push(`sheet ${worksheet.name}: ${count} cell${count === 1 ? '' : 's'} with ${reason}, read as empty`);
      sheets.push({ name: worksheet.name, index: id, rows });
    }
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError(`unreadable .xlsx: ${String((error as Error).message ?? error).split('\n')[0]}`);
  }
  // The streaming reader gives the sheets in the zip's order; the workbook's order is their id.
  sheets.sort((a, b) => a.index - b.index);
  sheets.forEach((sheet, at) => (sheet.index = at + 1));
  return { format: 'xlsx', sheets, warnings };
}

/** A merged range, 1-based and inclusive. */
interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The `<mergeCell ref="A2:A3"/>` ranges of a sheet part. */
function readMergedRanges(part: Uint8Array): Range[] {
  const text = new TextDecoder().decode(part.subarray(Math.max(0, lastIndexOf(part, '<mergeCells'))));
  const ranges: Range[] = [];
  for (const match of text.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    ranges.push({ left: columnNumber(match[1]!), top: Number(match[2]), right: columnNumber(match[3]!), bottom: Number(match[4]) });
  }
  return ranges;
}

/** Where `<mergeCells` starts in a part (it follows the sheet data), or -1. */
function lastIndexOf(bytes: Uint8Array, needle: string): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).lastIndexOf(needle);
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const char of letters) n = n * 26 + (char.charCodeAt(0) - 64);
  return n;
}

/** Repeat each range's first value over the range (as far as the rows in use), marking the copies; the cells added. */
function fillMerged(rows: SheetRow[], ranges: Range[]): number {
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
