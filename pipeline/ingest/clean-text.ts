/**
 * Normalise the text of one paragraph or cell: control characters and NULs
 * removed, Word bookmark artefacts dropped, runs of spaces folded, trimmed.
 * Full-width characters are kept as written: quotes must stand as they stand.
 */

// C0 controls except tab, plus DEL and C1 controls; also zero-width and BOM characters.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200d\ufeff]/g;
const BOOKMARK = /\[bookmark: [^\]]*\]/g;

/**
 * Clean one line or paragraph of document text.
 *
 * @param value
 *   Raw text.
 * @returns
 *   The cleaned text; empty when nothing readable is left.
 */
export function cleanText(value: string): string {
  return value
    .replace(CONTROL, '')
    .replace(BOOKMARK, '')
    .replace(/[ \u00a0\u3000]{2,}/g, ' ')
    .trim();
}
