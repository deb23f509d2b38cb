/**
 * MHTML (a page saved by a browser as one file, RFC 2557): a MIME message whose
 * `text/html` part is the page, in quoted-printable or base64, with its charset on
 * the part's `Content-Type`. The part is decoded to bytes with, for every byte, the
 * offset in the file it came from, so positions in the page point into the .mhtml.
 */
import { ReadError } from '../read-error.ts';

/** The page inside an MHTML file. */
export interface MhtmlPage {
  /** The HTML part's bytes, transfer encoding undone. */
  bytes: Uint8Array;
  /** The charset of the part's `Content-Type`, lower case, when it has one. */
  charset?: string;
  /** For each byte of `bytes` (and one past the end), its offset in the .mhtml file. */
  sourceOffsets: Uint32Array;
}

/**
 * Whether bytes look like an MHTML file: a MIME header block that names a multipart
 * message or an HTML body.
 *
 * @param data
 *   The file's first bytes (a few kilobytes are enough).
 */
export function isMhtml(data: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(data.subarray(0, 4096));
  const end = head.search(/\r?\n\r?\n/);
  const headers = end < 0 ? head : head.slice(0, end);
  return /^MIME-Version:\s*1\.0/im.test(headers) && /^Content-Type:\s*(?:multipart\/related|text\/html)/im.test(headers);
}

/**
 * Find and decode the page of an MHTML file.
 *
 * @param data
 *   The file's bytes.
 * @returns
 *   The first `text/html` part.
 * @throws {ReadError}
 *   When the file holds no HTML part.
 */
export function readMhtml(data: Uint8Array): MhtmlPage {
  const text = new TextDecoder('latin1').decode(data);
  const top = splitHeaders(text, 0);
  const contentType = top.headers.get('content-type') ?? '';
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
  if (!boundary) {
    if (/^text\/html/i.test(contentType)) return decodePart(text, top.headers, top.bodyStart, text.length);
    throw new ReadError('unreadable MHTML: no multipart boundary and no HTML body');
  }
  const delimiter = `--${boundary[1] ?? boundary[2]}`;
  let at = text.indexOf(delimiter, top.bodyStart);
  while (at >= 0) {
    const lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0 || text.startsWith(`${delimiter}--`, at)) break;
    const part = splitHeaders(text, lineEnd + 1);
    const next = text.indexOf(`\n${delimiter}`, part.bodyStart);
    const bodyEnd = next < 0 ? text.length : text[next - 1] === '\r' ? next - 1 : next;
    if (/^text\/html/i.test(part.headers.get('content-type') ?? '')) return decodePart(text, part.headers, part.bodyStart, bodyEnd);
    at = next < 0 ? -1 : next + 1;
  }
  throw new ReadError('unreadable MHTML: no text/html part');
}

/** A header block from `start` to its blank line: names lower case, folded lines joined. */
function splitHeaders(text: string, start: number): { headers: Map<string, string>; bodyStart: number } {
  const blank = /\r?\n\r?\n/g;
  blank.lastIndex = start;
  const found = blank.exec(text);
  const end = found ? found.index : text.length;
  const bodyStart = found ? found.index + found[0].length : text.length;
  const headers = new Map<string, string>();
  for (const line of text.slice(start, end).replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, bodyStart };
}

function decodePart(text: string, headers: Map<string, string>, from: number, to: number): MhtmlPage {
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(headers.get('content-type') ?? '')?.[1]?.toLowerCase();
  const decoded = encoding === 'quoted-printable' ? decodeQuotedPrintable(text, from, to) : encoding === 'base64' ? decodeBase64(text, from, to) : copyBytes(text, from, to);
  return charset === undefined ? decoded : { ...decoded, charset };
}

/** Quoted-printable: `=XX` is a byte, `=` at a line's end joins it to the next (a soft break). */
function decodeQuotedPrintable(text: string, from: number, to: number): MhtmlPage {
  const bytes = new Uint8Array(to - from);
  const offsets = new Uint32Array(to - from + 1);
  let length = 0;
  for (let i = from; i < to; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x3d) {
      if (text[i + 1] === '\r' && text[i + 2] === '\n') { i += 2; continue; }
      if (text[i + 1] === '\n') { i += 1; continue; }
      const hex = text.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        offsets[length] = i;
        bytes[length++] = Number.parseInt(hex, 16);
        i += 2;
        continue;
      }
    }
    if (char === 0x0d && text.charCodeAt(i + 1) === 0x0a) continue;
    offsets[length] = i;
    bytes[length++] = char;
  }
  offsets[length] = to;
  return { bytes: bytes.slice(0, length), sourceOffsets: offsets.slice(0, length + 1) };
}

/** Base64 has no place for each byte: every byte is placed at the part's first line. */
function decodeBase64(text: string, from: number, to: number): MhtmlPage {
  const bytes = Uint8Array.from(atob(text.slice(from, to).replace(/[^A-Za-z0-9+/]/g, "")), (c) => c.charCodeAt(0));
  return { bytes, sourceOffsets: new Uint32Array(bytes.length + 1).fill(from) };
}

function copyBytes(text: string, from: number, to: number): MhtmlPage {
  const bytes = new Uint8Array(to - from);
  const offsets = new Uint32Array(to - from + 1);
  for (let i = from; i < to; i++) {
    bytes[i - from] = text.charCodeAt(i);
    offsets[i - from] = i;
  }
  offsets[to - from] = to;
  return { bytes, sourceOffsets: offsets };
}

/**
 * A function from an offset in the decoded page (UTF-16 units) to its line and column in the
 * .mhtml file, through the page's bytes.
 *
 * @param text
 *   The decoded page.
 * @param page
 *   The page's part (`readMhtml`).
 * @param encoding
 *   The encoding the page was decoded with (`UTF-8`, `GB18030 …`): how many bytes each character took.
 * @param file
 *   The .mhtml file's bytes.
 */
export function makeSourceMapper(text: string, page: MhtmlPage, encoding: string, file: Uint8Array): (offset: number) => { line: number; column: number; offset: number } {
  const { bytes, sourceOffsets } = page;
  const gb = /^GB/i.test(encoding);
  const utf8 = /^UTF-8/i.test(encoding);
  // Byte offset of each UTF-16 unit of the text.
  const byteOf = new Uint32Array(text.length + 1);
  let b = 0;
  for (let i = 0; i < text.length; i++) {
    byteOf[i] = Math.min(b, bytes.length);
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      byteOf[++i] = Math.min(b, bytes.length);
      b += 4;
    } else if (utf8) b += code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
    else if (gb) b += code < 0x80 ? 1 : bytes[b + 1] !== undefined && bytes[b + 1]! >= 0x30 && bytes[b + 1]! <= 0x39 ? 4 : 2;
    else b += 1;
  }
  byteOf[text.length] = Math.min(b, bytes.length);
  const lineStarts = [0];
  for (let i = 0; i < file.length; i++) if (file[i] === 0x0a) lineStarts.push(i + 1);
  return (offset) => {
    const source = sourceOffsets[byteOf[Math.max(0, Math.min(offset, text.length))]!] ?? file.length;
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= source) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: source - lineStarts[low]! + 1, offset: source };
  };
}
