/**
 * Open a .docx as a zip package and find the parts the reader needs: the main
 * document (through `_rels/.rels`, falling back to word/document.xml), its
 * numbering and its styles. Bad bytes become a `ReadError` with a reason.
 *
 * A .docx is untrusted: before anything is inflated, the zip's central
 * directory is read and the package is refused when it declares too many
 * entries or too many uncompressed bytes (a zip bomb). Entries are then
 * inflated here, each capped at its declared size, so a package that lies
 * about its sizes cannot inflate past the limit either; jszip only ever sees
 * the inflated bytes.
 */
import JSZip from 'jszip';
import * as zlib from 'node:zlib';
import { childElements, parseXmlPart, readAttribute } from './xml.ts';
import { checkDocxSize, DEFAULT_LIMITS, type Limits } from '../limits.ts';
import { ReadError } from '../read-error.ts';

const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const STRICT_RELATIONSHIP = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

/** An opened .docx: the zip, where its main part is, and the text of the parts numbering needs. */
export interface DocxPackage {
  zip: JSZip;
  /** Path of the main document part, usually `word/document.xml`. */
  documentPath: string;
  document: string;
  numbering?: string;
  styles?: string;
}

/**
 * Open a .docx package.
 *
 * @param data
 *   The file's bytes.
 * @param limits
 *   Entry count and uncompressed size limits (default: `DEFAULT_LIMITS`).
 * @returns
 *   The package and its parts.
 * @throws {ReadError}
 *   When the bytes are not a zip, the zip is too large unpacked, holds no
 *   document, or a part is corrupt.
 */
export async function openDocxPackage(data: Uint8Array, limits: Limits = DEFAULT_LIMITS): Promise<DocxPackage> {
  const zip = loadZip(data, limits);
  const documentPath = (await findRelationshipTarget(zip, '_rels/.rels', '', 'officeDocument')) ?? 'word/document.xml';
  const document = await readPart(zip, documentPath);
  if (document === undefined) throw new ReadError(`not a .docx: ${documentPath} is missing`);
  const result: DocxPackage = { zip, documentPath, document };
  const slash = documentPath.lastIndexOf('/');
  const folder = documentPath.slice(0, slash + 1);
  const relationships = `${folder}_rels/${documentPath.slice(slash + 1)}.rels`;
  const numberingPath = (await findRelationshipTarget(zip, relationships, folder, 'numbering')) ?? `${folder}numbering.xml`;
  const stylesPath = (await findRelationshipTarget(zip, relationships, folder, 'styles')) ?? `${folder}styles.xml`;
  const numbering = await readPart(zip, numberingPath);
  if (numbering !== undefined) result.numbering = numbering;
  const styles = await readPart(zip, stylesPath);
  if (styles !== undefined) result.styles = styles;
  return result;
}

/** One entry of a zip's central directory. */
interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const CORRUPT = 'unreadable .docx: corrupt zip archive';

/** Check the declared sizes, inflate every entry under its declared size, and hand the bytes to jszip. */
function loadZip(data: Uint8Array, limits: Limits): JSZip {
  if (data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) {
    throw new ReadError('not a .docx: an encrypted or legacy .doc file (OLE compound document)');
  }
  if (!(data[0] === 0x50 && data[1] === 0x4b)) throw new ReadError('not a .docx: not a zip archive');
  const entries = readCentralDirectory(data, limits);
  const names = new Set<string>();
  for (const entry of entries) {
    // Readers disagree on which copy of a twice-stored part counts: the package is ambiguous.
    if (names.has(entry.name)) throw new ReadError(`unreadable .docx: the zip holds ${entry.name} twice`);
    names.add(entry.name);
  }
  const zip = new JSZip();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    zip.file(entry.name, inflateEntry(data, entry), { binary: true, createFolders: false });
  }
  return zip;
}

/**
 * The entries listed in a zip's central directory, refused by `checkDocxSize`
 * before any is inflated: the count from the end record, then the sum of the
 * declared uncompressed sizes.
 */
function readCentralDirectory(data: Uint8Array, limits: Limits): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const end = findEndRecord(view);
  if (end < 0) throw new ReadError(CORRUPT);
  let count = view.getUint16(end + 10, true);
  let directorySize = view.getUint32(end + 12, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || directorySize === 0xffffffff || offset === 0xffffffff) {
    const zip64 = readZip64EndRecord(view, end);
    count = zip64.count;
    directorySize = zip64.directorySize;
    offset = zip64.offset;
  }
  checkDocxSize(count, 0, limits);
  if (offset + directorySize > data.length) throw new ReadError(CORRUPT);
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let index = 0; index < count; index++) {
    if (offset + 46 > data.length || view.getUint32(offset, true) !== 0x02014b50) throw new ReadError(CORRUPT);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const next = offset + 46 + nameLength + extraLength + commentLength;
    if (next > data.length) throw new ReadError(CORRUPT);
    const entry: ZipEntry = {
      name: new TextDecoder('utf-8').decode(data.subarray(offset + 46, offset + 46 + nameLength)),
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      crc: view.getUint32(offset + 16, true),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    };
    readZip64Extra(view, offset + 46 + nameLength, extraLength, entry);
    total += entry.uncompressedSize;
    checkDocxSize(count, total, limits);
    entries.push(entry);
    offset = next;
  }
  return entries;
}

/** Offset of the end-of-central-directory record, searched backwards over the longest comment; -1 when absent. */
function findEndRecord(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === 0x06054b50) return at;
  }
  return -1;
}

/** Count, size and offset of the central directory from the ZIP64 end record. */
function readZip64EndRecord(view: DataView, end: number): { count: number; directorySize: number; offset: number } {
  const locator = end - 20;
  if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) throw new ReadError(CORRUPT);
  const record = toSafeNumber(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== 0x06064b50) throw new ReadError(CORRUPT);
  return {
    count: toSafeNumber(view.getBigUint64(record + 32, true)),
    directorySize: toSafeNumber(view.getBigUint64(record + 40, true)),
    offset: toSafeNumber(view.getBigUint64(record + 48, true)),
  };
}

/** Replace the 32-bit sizes and offset saturated at 0xffffffff with those of the ZIP64 extra field. */
function readZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  const saturated = entry.uncompressedSize === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff;
  if (!saturated) return;
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const read = (): number => {
        if (field + 8 > at + 4 + size) throw new ReadError(CORRUPT);
        const value = toSafeNumber(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = read();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = read();
      if (entry.localOffset === 0xffffffff) entry.localOffset = read();
      return;
    }
    at += 4 + size;
  }
  throw new ReadError(CORRUPT);
}

function toSafeNumber(value: bigint): number {
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

/** An entry's bytes, inflated no further than its declared size and checked against its CRC. */
function inflateEntry(data: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.flags & 0x1) throw new ReadError('unreadable .docx: encrypted zip entries');
  const local = entry.localOffset;
  if (local + 30 > data.length) throw new ReadError(CORRUPT);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint32(local, true) !== 0x04034b50) throw new ReadError(CORRUPT);
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + entry.compressedSize > data.length) throw new ReadError(CORRUPT);
  const compressed = data.subarray(start, start + entry.compressedSize);
  let bytes: Uint8Array;
  if (entry.method === 0) {
    bytes = compressed;
  } else if (entry.method === 8) {
    try {
      bytes = zlib.inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ReadError(`unreadable .docx: ${entry.name} inflates past its declared size, a zip bomb?`);
      }
      throw new ReadError(CORRUPT);
    }
  } else {
    throw new ReadError(`unreadable .docx: unsupported zip compression method ${entry.method}`);
  }
  if (bytes.length !== entry.uncompressedSize) throw new ReadError(CORRUPT);
  // zlib.crc32 arrived in Node 20.15; older Nodes skip the check.
  const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  if (crc32 !== undefined && crc32(bytes) >>> 0 !== entry.crc) throw new ReadError(CORRUPT);
  return bytes;
}

/** A part's text; undefined when the package has no such part. */
async function readPart(zip: JSZip, path: string): Promise<string | undefined> {
  const file = zip.file(path);
  if (!file) return undefined;
  try {
    return await file.async('string');
  } catch {
    throw new ReadError(`unreadable .docx: ${path} is corrupt`);
  }
}

/** The target of the first relationship of a type in a relationships part. */
async function findRelationshipTarget(
  zip: JSZip,
  relationshipsPath: string,
  folder: string,
  type: string,
): Promise<string | undefined> {
  const xml = await readPart(zip, relationshipsPath);
  if (xml === undefined) return undefined;
  const root = childElements(parseXmlPart(xml)).at(-1);
  for (const relationship of childElements(root, 'Relationship')) {
    const relationshipType = readAttribute(relationship, 'Type');
    if (relationshipType !== RELATIONSHIP + type && relationshipType !== STRICT_RELATIONSHIP + type) continue;
    if (readAttribute(relationship, 'TargetMode') === 'External') continue;
    const target = readAttribute(relationship, 'Target');
    if (target === undefined) continue;
    return target.startsWith('/') ? target.slice(1) : resolvePath(folder, target);
  }
  return undefined;
}

function resolvePath(folder: string, target: string): string {
  const parts: string[] = [];
  for (const part of `${folder}${target}`.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}
