/**
 * One entry for every spreadsheet format: bytes → the workbook's sheets and rows.
 * The format is decided by the bytes (`sniffSheet`), the extension only for CSV.
 */
import { checkFileSize, DEFAULT_LIMITS, type Limits } from '../limits.ts';
import { ReadError } from '../read-error.ts';
import { readCsv } from './read-csv.ts';
import { readXls } from './read-xls.ts';
import { readXlsx } from './read-xlsx.ts';
import { sniffSheet } from './sniff.ts';
import type { Workbook } from './types.ts';

/**
 * Read a spreadsheet.
 *
 * @param data
 *   The file's bytes.
 * @param extension
 *   Its extension, lower case with the dot (`.xlsx`), or `''`.
 * @param limits
 *   File and zip limits (default: `DEFAULT_LIMITS`).
 * @returns
 *   The workbook.
 * @throws {ReadError}
 *   When the file is empty, no spreadsheet, or cannot be read; the message is the reason.
 */
export async function readWorkbook(data: Uint8Array, extension: string, limits: Limits = DEFAULT_LIMITS): Promise<Workbook> {
  checkFileSize(data.length, limits);
  if (data.length === 0) throw new ReadError('empty file');
  const format = sniffSheet(data, extension);
  if (format === 'xlsx') return readXlsx(data, limits);
  if (format === 'xls') return readXls(data);
  if (format === 'csv') return readCsv(data);
  throw new ReadError(`not a spreadsheet: expected .xlsx, .xls or .csv${extension ? ` (got ${extension})` : ''}`);
}
