/**
 * Decide a file's real format from its bytes first and its extension second,
 * so a PDF named .docx is read as a PDF and random bytes named .pdf are refused.
 */
import { ReadError } from './read-error.ts';
import type { SourceFormat } from '../../model/document.ts';
import { sniffSheet } from './sheet/sniff.ts';

const TEXT_EXTENSIONS: Record<string, SourceFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
};

/**
 * Find the format to read a file with.
 *
 * @param data
 *   The file's bytes.
 * @param extension
 *   Its extension, lower case with the dot (`.pdf`), or `''`.
 * @returns
 *   The format.
 * @throws {ReadError}
 *   When the file is empty, or neither its bytes nor its extension name a known format.
 */
export function sniffFormat(data: Uint8Array, extension: string): SourceFormat {
  if (data.length === 0) throw new ReadError('empty file');
  if (startsWithPdf(data)) return 'pdf';
  // A spreadsheet by its bytes: a zip listing xl/workbook.xml, an OLE file with a Workbook stream; .csv by name.
  const sheet = sniffSheet(data, extension);
  if (sheet !== null) return sheet;
  if (data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04) return 'docx';
  if (extension === '.pdf') throw new ReadError('not a PDF: the file has no %PDF header');
  if (extension === '.docx') throw new ReadError('not a .docx: not a zip archive');
  if (extension === '.xlsx') throw new ReadError('not an .xlsx: not a zip archive with xl/workbook.xml');
  if (extension === '.xls') throw new ReadError('not an .xls: no OLE compound file with a Workbook stream');
  if (extension === '.doc') throw new ReadError('unsupported format: legacy .doc (save it as .docx)');
  const text = TEXT_EXTENSIONS[extension];
  if (!text) {
    throw new ReadError(`unsupported file type: ${extension || 'no extension'} (expected .txt, .md, .docx, .pdf, .xlsx, .xls or .csv)`);
  }
  return text;
}

/** `%PDF-` within the first 1024 bytes, where readers accept it. */
function startsWithPdf(data: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(data.subarray(0, 1024));
  return head.includes('%PDF-');
}
