/**
 * What a Word document holds but does not show, or shows from elsewhere: hidden runs (`w:vanish`),
 * which are not plan text and are dropped before reading, and `w:altChunk` parts (content pasted
 * in another format, e.g. a web page) that the reader cannot read. Both are counted for a message.
 */

/** A run (`<w:r>` or `<w:r …>`, not `<w:rPr>`) whose own properties hide it; runs do not nest. */
const HIDDEN_RUN = /<w:r(?:\s[^>]*)?>(?:(?!<\/w:r>)[\s\S])*?<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*?<w:vanish(?:\s+w:val="(?:true|1|on)")?\s*\/>(?:(?!<\/w:r>)[\s\S])*?<\/w:r>/g;
const ALT_CHUNK = /<w:altChunk\b/g;

/**
 * Remove the hidden runs of a document part.
 *
 * @param xml
 *   The `word/document.xml` text.
 * @returns
 *   The part without its hidden runs, and how many were removed.
 */
export function dropHiddenRuns(xml: string): { xml: string; dropped: number } {
  let dropped = 0;
  const kept = xml.replace(HIDDEN_RUN, () => {
    dropped++;
    return '';
  });
  return { xml: kept, dropped };
}

/**
 * Count the `w:altChunk` parts a document part places.
 *
 * @param xml
 *   The `word/document.xml` text.
 */
export function countAltChunks(xml: string): number {
  return xml.match(ALT_CHUNK)?.length ?? 0;
}
