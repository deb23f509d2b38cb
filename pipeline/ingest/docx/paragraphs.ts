/**
 * The paragraphs (`w:p`) of word/document.xml in document order, with what
 * numbering needs (style, `w:numPr`), and a way to tag each one with a bookmark
 * so that mammoth's HTML says which paragraph every piece of text came from.
 * Counting the `w:p` ourselves, rather than counting mammoth's output, keeps
 * anchors right when mammoth merges, drops or reorders paragraphs.
 */
import type { Document, Element } from 'domhandler';
import { childElements, findElements, firstChild, readAttribute, readInteger } from './xml.ts';

/** Prefix of the bookmark names that tag paragraphs; mammoth turns them into `<a id>`. */
export const PARAGRAPH_BOOKMARK_PREFIX = 'plancheck-p-';

/** One `w:p` of the main document part. */
export interface DocxParagraph {
  /** 1-based index of the `w:p` in document order (table cells and empty paragraphs included). */
  index: number;
  /** `w:pStyle` of the paragraph, if set. */
  styleId?: string;
  /** `w:numPr/w:numId` set directly on the paragraph. */
  numId?: string;
  /** `w:numPr/w:ilvl` set directly on the paragraph. */
  ilvl?: number;
  /**
   * In a table: the index of the first `w:p` of the enclosing `w:tr`. mammoth
   * drops the cells that continue a vertical merge, so the HTML alone cannot
   * tell where a row starts.
   */
  rowStart?: number;
  /** The element, with its offsets in the part's text. */
  element: Element;
}

/**
 * List the paragraphs of a parsed main document part.
 *
 * @param document
 *   word/document.xml parsed with `parseXmlPart`.
 * @returns
 *   Every `w:p` in document order.
 */
export function listParagraphs(document: Document): DocxParagraph[] {
  const elements = findElements(document, 'w:p');
  const indexOf = new Map(elements.map((element, position) => [element, position + 1]));
  const rowStarts = new Map<Element, number | undefined>();
  return elements.map((element, position) => {
    const paragraph: DocxParagraph = { index: position + 1, element };
    const row = findAncestor(element, 'w:tr');
    if (row) {
      if (!rowStarts.has(row)) rowStarts.set(row, indexOf.get(findElements(row, 'w:p')[0]!));
      const rowStart = rowStarts.get(row);
      if (rowStart !== undefined) paragraph.rowStart = rowStart;
    }
    const properties = firstChild(element, 'w:pPr');
    const styleId = readAttribute(firstChild(properties, 'w:pStyle'));
    if (styleId !== undefined) paragraph.styleId = styleId;
    const numPr = firstChild(properties, 'w:numPr');
    const numId = readAttribute(firstChild(numPr, 'w:numId'));
    if (numId !== undefined) paragraph.numId = numId;
    const ilvl = readInteger(firstChild(numPr, 'w:ilvl'));
    if (ilvl !== undefined) paragraph.ilvl = ilvl;
    return paragraph;
  });
}

function findAncestor(element: Element, name: string): Element | undefined {
  for (let parent = element.parent; parent && parent.type !== 'root'; parent = parent.parent) {
    if ((parent as Element).name === name) return parent as Element;
  }
  return undefined;
}

/**
 * The bookmark name that tags a paragraph.
 *
 * @param index
 *   1-based paragraph index.
 */
export function toBookmarkName(index: number): string {
  return `${PARAGRAPH_BOOKMARK_PREFIX}${index}`;
}

/**
 * Insert a bookmark at the start of every paragraph (after its `w:pPr`),
 * editing the part's text in place so nothing else about it changes.
 *
 * @param xml
 *   The text of word/document.xml.
 * @param paragraphs
 *   Its paragraphs, from `listParagraphs` on the same text.
 * @returns
 *   The edited text.
 */
export function markParagraphs(xml: string, paragraphs: DocxParagraph[]): string {
  const pieces: string[] = [];
  let cursor = 0;
  for (const { index, element } of paragraphs) {
    const bookmark = `<w:bookmarkStart w:id="${900_000_000 + index}" w:name="${toBookmarkName(index)}"/>`;
    const start = element.startIndex;
    const end = element.endIndex;
    if (start === null || end === null || start < cursor) continue;
    const properties = childElements(element, 'w:pPr')[0];
    const openEnd = xml.indexOf('>', start);
    if (openEnd === -1) continue;
    if (xml[openEnd - 1] === '/') {
      // `<w:p/>`: open it so it can hold the bookmark.
      pieces.push(xml.slice(cursor, openEnd - 1).trimEnd(), '>', bookmark, '</w:p>');
      cursor = openEnd + 1;
      continue;
    }
    const at = properties?.endIndex != null ? properties.endIndex + 1 : openEnd + 1;
    pieces.push(xml.slice(cursor, at), bookmark);
    cursor = at;
  }
  pieces.push(xml.slice(cursor));
  return pieces.join('');
}
