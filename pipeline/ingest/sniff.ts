/**
 * Decide a file's real format from its bytes first and its extension second,
 * so a PDF named .docx is read as a PDF and random bytes named .pdf are refused.
 */
import CFB from 'cfb';
import { isMhtml } from './html/mhtml.ts';
import { ReadError } from './read-error.ts';
import type { SourceFormat } from '../../model/document.ts';
import { sniffSheet } from './sheet/sniff.ts';
import { listZipNames } from './zip.ts';

const TEXT_EXTENSIONS: Record<string, SourceFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.shtml': 'html',
  '.xhtml': 'html',
  '.mhtml': 'html',
  '.mht': 'html',
};

/** Extensions of Word's binary format and Kingsoft's, read by the .doc reader. */
const WORD_EXTENSIONS = new Set(['.doc', '.dot', '.wps', '.wpt']);

/** The magic bytes of an OLE compound file (.doc, .wps, .xls, encrypted Office files). */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

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
  if (data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04) {
    // An OFD package is a zip with OFD.xml at its root; a zip named .ofd is read as OFD, to be refused with a reason.
    return extension === '.ofd' || (listZipNames(data) ?? []).includes('OFD.xml') ? 'ofd' : 'docx';
  }
  if (isCompoundFile(data)) return sniffCompoundFile(data, extension);
  if (isMhtml(data) || startsWithHtml(data)) return 'html';
  if (extension === '.ofd') throw new ReadError('not an OFD: not a zip archive');
  if (extension === '.pdf') throw new ReadError('not a PDF: the file has no %PDF header');
  if (extension === '.docx') throw new ReadError('not a .docx: not a zip archive');
  if (extension === '.xlsx') throw new ReadError('not an .xlsx: not a zip archive with xl/workbook.xml');
  if (extension === '.xls') throw new ReadError('not an .xls: no OLE compound file with a Workbook stream');
  if (WORD_EXTENSIONS.has(extension)) throw new ReadError(`not a Word document: the file has no OLE header (D0 CF 11 E0)`);
  const text = TEXT_EXTENSIONS[extension];
  if (!text) {
    throw new ReadError(`unsupported file type: ${extension || 'no extension'} (expected .txt, .md, .docx, .pdf, .ofd, .xlsx, .xls, .csv, .html, .doc or .wps)`);
  }
  return text;
}

/**
 * Whether bytes start with the OLE compound file signature (D0 CF 11 E0 A1 B1 1A E1).
 *
 * @param data
 *   The file's bytes.
 */
export function isCompoundFile(data: Uint8Array): boolean {
  return CFB_MAGIC.every((byte, index) => data[index] === byte);
}

/**
 * Whether an OLE compound file is a Word document (a .doc, or a Kingsoft .wps of the same
 * format): it holds a `WordDocument` stream. A workbook (.xls) holds a `Workbook` stream
 * instead and is the spreadsheet reader's. A file whose directory cannot be read is not.
 *
 * @param data
 *   The file's bytes.
 */
export function isWordCompoundFile(data: Uint8Array): boolean {
  return compoundStreams(data)?.has('worddocument') ?? false;
}

/** The lower-case names of a compound file's streams, or undefined when its directory is unreadable. */
function compoundStreams(data: Uint8Array): Set<string> | undefined {
  if (!isCompoundFile(data)) return undefined;
  try {
    const container = CFB.read(data, { type: 'buffer' });
    return new Set(container.FileIndex.filter((entry) => entry.type === 2).map((entry) => entry.name.toLowerCase()));
  } catch {
    return undefined;
  }
}

function sniffCompoundFile(data: Uint8Array, extension: string): SourceFormat {
  const streams = compoundStreams(data);
  if (streams?.has('worddocument')) return 'doc';
  if (streams?.has('encryptedpackage') || streams?.has('encryptioninfo')) throw new ReadError('encrypted document: a password is required');
  // An unreadable directory, or a file of another program: the .doc reader gives the reason.
  if (streams === undefined || WORD_EXTENSIONS.has(extension)) return 'doc';
  if (extension === '.docx') throw new ReadError('not a .docx: an encrypted or legacy .doc file (OLE compound document)');
  throw new ReadError('not a Word document: an OLE file without a WordDocument stream');
}

/** A page: `<!doctype html`, `<html`, `<head` or `<meta` first, after a BOM, white space and comments. */
function startsWithHtml(data: Uint8Array): boolean {
  let head = new TextDecoder('latin1').decode(data.subarray(0, 2048));
  if (data[0] === 0xff && data[1] === 0xfe) head = new TextDecoder('utf-16le').decode(data.subarray(2, 4096));
  else if (data[0] === 0xfe && data[1] === 0xff) head = new TextDecoder('utf-16be').decode(data.subarray(2, 4096));
  head = head.replace(/^(?:\u00ef\u00bb\u00bf)?(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*\?>)*/, '');
  return /^<(?:!doctype\s+html|html[\s>]|head[\s>]|meta\s)/i.test(head);
}

/** `%PDF-` within the first 1024 bytes, where readers accept it. */
function startsWithPdf(data: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(data.subarray(0, 1024));
  return head.includes('%PDF-');
}
