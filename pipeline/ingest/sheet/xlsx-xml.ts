/**
 * The parts of an `.xlsx` read directly: the sheets in the workbook's order (workbook.xml and
 * its relationships), the shared strings, each sheet's rows and cells, and its merged ranges.
 * SpreadsheetML's sheet data is regular (`<row r>` → `<c r t>` → `<v>`/`<is>`), and reading it
 * with a few expressions takes a 100,000-row sheet in about a second, where exceljs's readers
 * take tens of seconds; exceljs still writes plancheck's own workbooks.
 */
import { ReadError } from '../read-error.ts';
import { checkSheetCells, MAX_SHEET_COLUMNS } from './caps.ts';
import type { SheetRow, SheetValue } from './types.ts';

/** A sheet of the workbook: its name and the path of its part. */
export interface SheetPart {
  name: string;
  path: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decode XML character references and the five entities.
 *
 * @param text
 *   Text as it stands in the XML.
 */
export function decodeXml(text: string): string {
  if (!text.includes('&') && !text.includes('_x')) return text;
  return text
    .replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (_, hex: string | undefined, decimal: string | undefined, name: string | undefined) =>
      name ? ENTITIES[name]! : String.fromCodePoint(Number.parseInt(hex ?? decimal!, hex ? 16 : 10)))
    // Excel's escape of characters XML cannot hold (_x000D_ for a carriage return).
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, code: string) => String.fromCharCode(Number.parseInt(code, 16)));
}

/**
 * The sheets listed in `xl/workbook.xml`, in order, with their parts.
 *
 * @param workbook
 *   The text of `xl/workbook.xml`.
 * @param relationships
 *   The text of `xl/_rels/workbook.xml.rels`, if any.
 */
export function listSheets(workbook: string, relationships: string | undefined): SheetPart[] {
  const targets = new Map<string, string>();
  for (const match of (relationships ?? '').matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(match[0], 'Id');
    const target = attribute(match[0], 'Target');
    if (id !== undefined && target !== undefined) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const sheets: SheetPart[] = [];
  for (const [at, match] of [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].entries()) {
    const id = attribute(match[0], 'r:id') ?? attribute(match[0], 'id');
    const path = (id !== undefined ? targets.get(id) : undefined) ?? `xl/worksheets/sheet${at + 1}.xml`;
    sheets.push({ name: decodeXml(attribute(match[0], 'name') ?? `Sheet${at + 1}`), path });
  }
  return sheets;
}

/**
 * The shared strings: each `<si>`'s text runs joined (phonetic runs left out).
 *
 * @param xml
 *   The text of `xl/sharedStrings.xml`.
 */
export function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  for (const match of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) strings.push(match[1] === undefined ? '' : textRuns(match[1]));
  return strings;
}

/** The text of the `<t>` runs of a string item, outside phonetic runs (`<rPh>`). */
function textRuns(xml: string): string {
  const body = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let text = '';
  for (const match of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t\/>/g)) text += match[1] ?? '';
  return decodeXml(text);
}

/**
 * The rows of a sheet part.
 *
 * @param xml
 *   The sheet part's text.
 * @param strings
 *   The shared strings.
 * @param note
 *   Called with a short reason when a cell's value is lost.
 * @param counted
 *   Cells counted so far in the workbook, for the cap.
 * @returns
 *   Rows with at least one value, and the cells counted.
 */
export function readSheetRows(xml: string, strings: string[], note: (reason: string) => void, counted: number): { rows: SheetRow[]; cells: number } {
  const rows: SheetRow[] = [];
  let cells = counted;
  let next = 1;
  for (const rowMatch of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const number = Number(attribute(rowMatch[1]!, 'r') ?? next);
    next = number + 1;
    if (rowMatch[2] === undefined) continue;
    const values: SheetValue[] = [];
    let column = 0;
    for (const cellMatch of rowMatch[2].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const reference = attribute(cellMatch[1]!, 'r');
      column = reference === undefined ? column + 1 : columnNumber(reference);
      if (column > MAX_SHEET_COLUMNS || cellMatch[2] === undefined) continue;
      const value = cellValue(attribute(cellMatch[1]!, 't'), cellMatch[2], strings, note);
      if (value === null) continue;
      while (values.length < column - 1) values.push(null);
      values[column - 1] = value;
    }
    if (values.length === 0) continue;
    cells += values.length;
    checkSheetCells(cells);
    rows.push({ row: number, values });
  }
  return { rows, cells };
}

/** One cell's value by its type: shared string, inline string, formula string, boolean, error, date or number. */
function cellValue(type: string | undefined, body: string, strings: string[], note: (reason: string) => void): SheetValue {
  if (type === 'inlineStr') return emptyToNull(textRuns(body));
  const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(body)?.[1];
  if (v === undefined) {
    if (body.includes('<f')) note('a formula without a cached result (the file was not saved by a spreadsheet program)');
    return null;
  }
  switch (type) {
    case 's': {
      const text = strings[Number(v)];
      if (text === undefined) throw new ReadError('unreadable .xlsx: a cell names a shared string that does not exist');
      return emptyToNull(text);
    }
    case 'str': return emptyToNull(decodeXml(v));
    case 'b': return v === '1' ? '是' : '否';
    case 'e': note(`an error value ${decodeXml(v)}`); return null;
    case 'd': return emptyToNull(decodeXml(v).slice(0, 10));
    default: {
      const number = Number(v);
      return v.trim() !== '' && Number.isFinite(number) ? number : emptyToNull(decodeXml(v));
    }
  }
}

function emptyToNull(text: string): string | null {
  return text === '' ? null : text;
}

/**
 * The merged ranges (`<mergeCell ref="A2:A3"/>`) of a sheet part, 1-based and inclusive.
 *
 * @param xml
 *   The sheet part's text.
 */
export function readMergedRanges(xml: string): Array<{ top: number; left: number; bottom: number; right: number }> {
  const at = xml.lastIndexOf('<mergeCells');
  if (at === -1) return [];
  const ranges = [];
  for (const match of xml.slice(at).matchAll(/<mergeCell\b[^>]*\bref="\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)"/g)) {
    ranges.push({ left: columnNumber(match[1]!), top: Number(match[2]), right: columnNumber(match[3]!), bottom: Number(match[4]) });
  }
  return ranges;
}

/** The 1-based column of a cell reference (`AB12` → 28). */
function columnNumber(reference: string): number {
  let n = 0;
  for (let at = 0; at < reference.length; at++) {
    const code = reference.charCodeAt(at);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n;
}

/** An attribute's value in a tag's text. */
function attribute(tag: string, name: string): string | undefined {
  const at = tag.indexOf(` ${name}="`);
  if (at === -1) return undefined;
  const start = at + name.length + 3;
  return tag.slice(start, tag.indexOf('"', start));
}
