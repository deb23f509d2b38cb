/**
 * `.csv` (and tab-separated text) as one sheet: decoded like any text file (BOM, UTF-8,
 * else GB18030, which covers GBK: `decodeText`), split by RFC 4180 (quoted fields may
 * hold the separator, `""` and line breaks), the separator the header line uses most
 * (comma, tab or semicolon). A field that is a plain decimal number becomes a number,
 * as a spreadsheet program would read it; row numbers count records from 1, as a
 * spreadsheet shows them.
 */
import { decodeText } from '../decode-text.ts';
import { ReadError } from '../read-error.ts';
import { checkSheetCells, MAX_SHEET_COLUMNS } from './caps.ts';
import type { SheetRow, SheetValue, Workbook } from './types.ts';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Read a CSV file.
 *
 * @param data
 *   The file's bytes.
 * @returns
 *   A workbook of one sheet (named `''`) with the text's encoding.
 * @throws {ReadError}
 *   Undecodable bytes, binary data, too many cells.
 */
export function readCsv(data: Uint8Array): Workbook {
  const decoded = decodeText(data);
  const text = decoded.text;
  if (text.includes('\u0000')) throw new ReadError('binary data, not text');
  const separator = pickSeparator(text);
  const rows: SheetRow[] = [];
  let cells = 0;
  let record = 1;
  for (const fields of splitRecords(text, separator)) {
    const values: SheetValue[] = fields.slice(0, MAX_SHEET_COLUMNS).map(toValue);
    while (values.length > 0 && values.at(-1) === null) values.pop();
    if (values.length > 0) {
      cells += values.length;
      checkSheetCells(cells);
      rows.push({ row: record, values });
    }
    record++;
  }
  return { format: 'csv', sheets: [{ name: '', index: 1, rows }], encoding: decoded.encoding, warnings: decoded.warnings };
}

function toValue(field: string): SheetValue {
  const trimmed = field.trim();
  if (trimmed === '') return null;
  return NUMBER.test(trimmed) ? Number(trimmed) : field;
}

/** The separator the first line uses most, outside quotes. */
function pickSeparator(text: string): string {
  const end = text.search(/\r?\n/);
  const line = (end === -1 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  let best = ',';
  let most = 0;
  for (const candidate of [',', '\t', ';']) {
    const count = line.split(candidate).length - 1;
    if (count > most) [best, most] = [candidate, count];
  }
  return best;
}

/** The records of a CSV text, each as its fields (RFC 4180; CRLF, LF or CR line ends). */
function* splitRecords(text: string, separator: string): Generator<string[]> {
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let at = 0;
  const length = text.length;
  while (at < length) {
    const char = text[at]!;
    if (quoted) {
      if (char === '"') {
        if (text[at + 1] === '"') {
          field += '"';
          at += 2;
          continue;
        }
        quoted = false;
      } else {
        field += char;
      }
      at++;
      continue;
    }
    if (char === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (char === separator) {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      fields.push(field);
      yield fields;
      fields = [];
      field = '';
      if (char === '\r' && text[at + 1] === '\n') at++;
    } else {
      field += char;
    }
    at++;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    yield fields;
  }
}
