/**
 * Decode the bytes of a text file: BOMs first (UTF-8, UTF-16LE/BE), then strict
 * UTF-8, then a detected legacy encoding (GB18030 covers GBK and GB2312).
 */
import chardet from 'chardet';
import { ReadError } from './read-error.ts';

/** A decoded text and the encoding it was read with. */
export interface DecodedText {
  text: string;
  encoding: string;
  /** What was repaired on the way (invalid bytes replaced). */
  warnings: string[];
}

const CJK_LEGACY = new Set(['GB18030', 'GBK', 'GB2312', 'BIG5', 'EUC-KR', 'EUC-JP', 'SHIFT_JIS']);

/**
 * Decode text bytes.
 *
 * @param data
 *   The file's bytes.
 * @returns
 *   The text (BOM removed) and the encoding name.
 */
export function decodeText(data: Uint8Array): DecodedText {
  if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
    const body = data.subarray(3);
    const text = tryDecode('utf-8', body);
    if (text !== null) return { text, encoding: 'UTF-8 (BOM)', warnings: [] };
    const repaired = repairUtf8(body);
    if (repaired) return { ...repaired, encoding: 'UTF-8 (BOM)' };
    throw new ReadError('invalid UTF-8 text');
  }
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) {
    return { text: decodeWith('utf-16le', data.subarray(2)), encoding: 'UTF-16LE', warnings: [] };
  }
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) {
    return { text: decodeWith('utf-16be', data.subarray(2)), encoding: 'UTF-16BE', warnings: [] };
  }
  const utf8 = tryDecode('utf-8', data);
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8', warnings: [] };
  const repaired = repairUtf8(data);
  if (repaired) return repaired;
  const detected = String(chardet.detect(data) ?? '').toUpperCase();
  if (detected.startsWith('UTF-16')) {
    const label = detected === 'UTF-16BE' ? 'utf-16be' : 'utf-16le';
    return { text: decodeWith(label, data), encoding: detected, warnings: [] };
  }
  // Chinese plans that are not UTF-8 are almost always GB-family; chardet often
  // guesses another legacy CJK encoding for short GBK texts, so prefer GB18030.
  if (detected === '' || CJK_LEGACY.has(detected) || detected.startsWith('ISO-8859') || detected.startsWith('WINDOWS-')) {
    const gb = tryDecode('gb18030', data);
    if (gb !== null) return { text: gb, encoding: 'GB18030', warnings: [] };
  }
  throw new ReadError(`unknown text encoding${detected ? ` (detected ${detected})` : ''}`);
}

/**
 * A UTF-8 text with a few damaged bytes (a cut download, a stray byte) is read with
 * U+FFFD in their place and a warning, rather than refused or misread as another encoding.
 */
function repairUtf8(data: Uint8Array): DecodedText | null {
  const text = new TextDecoder('utf-8').decode(data);
  const replaced = text.length - text.replaceAll('\ufffd', '').length;
  const cjk = text.length - text.replace(/[\u4e00-\u9fff]/g, '').length;
  if (replaced === 0 || cjk === 0 || replaced > Math.max(8, text.length / 200)) return null;
  return { text, encoding: 'UTF-8', warnings: [`invalid UTF-8: ${replaced} damaged byte sequence${replaced === 1 ? '' : 's'} replaced with U+FFFD`] };
}

function decodeWith(label: string, data: Uint8Array): string {
  const text = tryDecode(label, data);
  if (text === null) throw new ReadError(`invalid ${label.toUpperCase()} text`);
  return text;
}

function tryDecode(label: string, data: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(data);
  } catch {
    return null;
  }
}
