/**
 * The bytes of a text format (plain text, Markdown) as one checked string:
 * decoded, refused when it is binary data, its line count capped.
 */
import { decodeText, type DecodedText } from './decode-text.ts';
import { checkTextLines } from './expansion-caps.ts';
import { ReadError } from './read-error.ts';

/**
 * Decode a text document.
 *
 * @param data
 *   The file's bytes.
 * @returns
 *   The decoded text, its encoding and what was repaired.
 * @throws {ReadError}
 *   When the bytes are binary data or have more lines than a plan can.
 */
export function decodeTextDocument(data: Uint8Array): DecodedText {
  const decoded = decodeText(data);
  const nulls = decoded.text.replace(/[^\u0000]/g, '').length;
  if (nulls > 0 && nulls > decoded.text.length / 10) throw new ReadError('binary data, not text');
  checkTextLines(decoded.text);
  return decoded;
}
