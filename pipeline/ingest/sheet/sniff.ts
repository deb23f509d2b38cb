/**
 * Tell a spreadsheet by its bytes: a zip whose directory lists `xl/workbook.xml` is an
 * .xlsx (whatever its name), an OLE compound file (D0 CF 11 E0) with a `Workbook` (BIFF8)
 * or `Book` (BIFF5) stream is an .xls; a `.csv` is known by its extension, as text.
 */
import CFB from 'cfb';
import { listZipNames } from '../zip.ts';
import type { SheetFormat } from './types.ts';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Find the spreadsheet format of a file.
 *
 * @param data
 *   The file's bytes.
 * @param extension
 *   Its extension, lower case with the dot (`.csv`), or `''`.
 * @returns
 *   The format, or `null` when the file is no spreadsheet.
 */
export function sniffSheet(data: Uint8Array, extension: string): SheetFormat | null {
  if (data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04) {
    return listZipNames(data)?.includes('xl/workbook.xml') ? 'xlsx' : null;
  }
  if (isOle(data)) return hasWorkbookStream(data) ? 'xls' : null;
  if (extension === '.csv' || extension === '.tsv') return 'csv';
  return null;
}

/**
 * Whether the bytes open with the OLE compound file signature.
 *
 * @param data
 *   The file's bytes.
 */
export function isOle(data: Uint8Array): boolean {
  return OLE.every((byte, at) => data[at] === byte);
}

/**
 * Whether an OLE file's directory holds a stream named `Workbook` (BIFF8) or `Book` (BIFF5),
 * read with `cfb` as the Word sniffing does; a file whose directory cannot be read holds none.
 */
function hasWorkbookStream(data: Uint8Array): boolean {
  try {
    const container = CFB.read(data, { type: 'buffer' });
    return container.FileIndex.some((entry) => entry.type === 2 && /^(?:workbook|book)$/i.test(entry.name));
  } catch {
    return false;
  }
}
