/**
 * A zip package (.docx, .xlsx) opened as untrusted input: before anything is inflated,
 * the central directory is read and the package is refused when it declares too many
 * entries or too many uncompressed bytes (a zip bomb); each entry is then inflated here,
 * capped at its declared size and checked against its CRC, so a package that lies about
 * its sizes cannot inflate past the limit either. Reasons name the format (`.docx`, `.xlsx`).
 */
import * as zlib from 'node:zlib';
import { checkZipSize, DEFAULT_LIMITS, type Limits } from './limits.ts';
import { ReadError } from './read-error.ts';

/**
 * The entries of a zip, inflated under the limits.
 *
 * @param data
 *   The file's bytes.
 * @param label
 *   The format named in reasons (`.docx`, `.xlsx`).
 * @param limits
 *   Entry count and uncompressed size limits (default: `DEFAULT_LIMITS`).
 * @returns
 *   Every file entry's name and bytes, in directory order.
 * @throws {ReadError}
 *   When the bytes are not a zip, declare or inflate past the limits, hold a name twice, or are corrupt.
 */
export function inflateZip(data: Uint8Array, label: string, limits: Limits = DEFAULT_LIMITS): Map<string, Uint8Array> {
  if (!(data[0] === 0x50 && data[1] === 0x4b)) throw new ReadError(`not a ${label}: not a zip archive`);
  const entries = readCentralDirectory(data, label, limits);
  const names = new Set<string>();
  for (const entry of entries) {
    // Readers disagree on which copy of a twice-stored part counts: the package is ambiguous.
    if (names.has(entry.name)) throw new ReadError(`unreadable ${label}: the zip holds ${entry.name} twice`);
    names.add(entry.name);
  }
  const files = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (!entry.name.endsWith('/')) files.set(entry.name, inflateEntry(data, entry, label));
  }
  return files;
}

/**
 * The names a zip's central directory lists, without inflating anything; `null` when the
 * bytes are no readable zip. For sniffing (an .xlsx holds `xl/workbook.xml`).
 *
 * @param data
 *   The file's bytes.
 */
export function listZipNames(data: Uint8Array): string[] | null {
  try {
    return readCentralDirectory(data, 'zip', { ...DEFAULT_LIMITS, maxDocxEntries: Number.MAX_SAFE_INTEGER, maxDocxUncompressedBytes: Number.MAX_SAFE_INTEGER }).map((entry) => entry.name);
  } catch {
    return null;
  }
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

const corrupt = (label: string) => `unreadable ${label}: corrupt zip archive`;

/**
 * The entries listed in a zip's central directory, refused by `checkZipSize`
 * before any is inflated: the count from the end record, then the sum of the
 * declared uncompressed sizes.
 */
function readCentralDirectory(data: Uint8Array, label: string, limits: Limits): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const end = findEndRecord(view);
  if (end < 0) throw new ReadError(corrupt(label));
  let count = view.getUint16(end + 10, true);
  let directorySize = view.getUint32(end + 12, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || directorySize === 0xffffffff || offset === 0xffffffff) {
    const zip64 = readZip64EndRecord(view, end, label);
    count = zip64.count;
    directorySize = zip64.directorySize;
    offset = zip64.offset;
  }
  checkZipSize(label, count, 0, limits);
  if (offset + directorySize > data.length) throw new ReadError(corrupt(label));
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let index = 0; index < count; index++) {
    if (offset + 46 > data.length || view.getUint32(offset, true) !== 0x02014b50) throw new ReadError(corrupt(label));
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const next = offset + 46 + nameLength + extraLength + commentLength;
    if (next > data.length) throw new ReadError(corrupt(label));
    const entry: ZipEntry = {
      name: new TextDecoder('utf-8').decode(data.subarray(offset + 46, offset + 46 + nameLength)),
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      crc: view.getUint32(offset + 16, true),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    };
    readZip64Extra(view, offset + 46 + nameLength, extraLength, entry, label);
    total += entry.uncompressedSize;
    checkZipSize(label, count, total, limits);
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
function readZip64EndRecord(view: DataView, end: number, label: string): { count: number; directorySize: number; offset: number } {
  const locator = end - 20;
  if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) throw new ReadError(corrupt(label));
  const record = toSafeNumber(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== 0x06064b50) throw new ReadError(corrupt(label));
  return {
    count: toSafeNumber(view.getBigUint64(record + 32, true)),
    directorySize: toSafeNumber(view.getBigUint64(record + 40, true)),
    offset: toSafeNumber(view.getBigUint64(record + 48, true)),
  };
}

/** Replace the 32-bit sizes and offset saturated at 0xffffffff with those of the ZIP64 extra field. */
function readZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry, label: string): void {
  const saturated = entry.uncompressedSize === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff;
  if (!saturated) return;
  for (let at = start; at + 4 <= start + length; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const read = (): number => {
        if (field + 8 > at + 4 + size) throw new ReadError(corrupt(label));
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
  throw new ReadError(corrupt(label));
}

function toSafeNumber(value: bigint): number {
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

/** An entry's bytes, inflated no further than its declared size and checked against its CRC. */
function inflateEntry(data: Uint8Array, entry: ZipEntry, label: string): Uint8Array {
  if (entry.flags & 0x1) throw new ReadError(`unreadable ${label}: encrypted zip entries`);
  const local = entry.localOffset;
  if (local + 30 > data.length) throw new ReadError(corrupt(label));
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (view.getUint32(local, true) !== 0x04034b50) throw new ReadError(corrupt(label));
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (start + entry.compressedSize > data.length) throw new ReadError(corrupt(label));
  const compressed = data.subarray(start, start + entry.compressedSize);
  let bytes: Uint8Array;
  if (entry.method === 0) {
    bytes = compressed;
  } else if (entry.method === 8) {
    try {
      bytes = zlib.inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ReadError(`unreadable ${label}: ${entry.name} inflates past its declared size, a zip bomb?`);
      }
      throw new ReadError(corrupt(label));
    }
  } else {
    throw new ReadError(`unreadable ${label}: unsupported zip compression method ${entry.method}`);
  }
  if (bytes.length !== entry.uncompressedSize) throw new ReadError(corrupt(label));
  // zlib.crc32 arrived in Node 20.15; older Nodes skip the check.
  const crc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
  if (crc32 !== undefined && crc32(bytes) >>> 0 !== entry.crc) throw new ReadError(corrupt(label));
  return bytes;
}
