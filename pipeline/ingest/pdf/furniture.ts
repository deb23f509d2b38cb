/**
 * Page furniture of a PDF: page numbers at the top or bottom of a page, and
 * running headers and footers (the same text, page numbers aside, in the top
 * or bottom band of most pages). None of it is document text.
 */
import type { PdfLine } from './lines.ts';
import type { PdfRulings } from './rulings.ts';

/** The lines of one page with the page's geometry. */
export interface PdfPage {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  /** Lines top to bottom. */
  lines: PdfLine[];
  /** Rules the page draws (table borders), when read. */
  rulings?: PdfRulings;
}

// Share of the page height that counts as its top or bottom band.
const BAND = 0.12;
// How many lines at each end of a page may be furniture.
const EDGE_LINES = 2;

const PAGE_NUMBER = [
  // OCR reads the dashes of — 3 — as 一 as often as not.
  /^[-—–－―~～\s]*\d+[-—–－―~～\s]*$/,
  /^一\s*\d+\s*一$/,
  /^第\s*\d+\s*页(?:\s*[,，/／]?\s*共\s*\d+\s*页)?$/,
  /^共\s*\d+\s*页\s*[,，]?\s*第\s*\d+\s*页$/,
  /^\d+\s*[/／]\s*\d+$/,
  /^page\s*\d+(?:\s*(?:of|\/)\s*\d+)?$/i,
];

/**
 * Whether a line reads as a page number (`— 3 —`, `- 3 -`, `第3页`, `3`, `3/12`).
 *
 * @param text
 *   The line's text.
 * @returns
 *   True when the whole line is a page number.
 */
export function isPageNumber(text: string): boolean {
  const trimmed = text.trim();
  return PAGE_NUMBER.some((pattern) => pattern.test(trimmed));
}

/**
 * Remove page numbers and running headers and footers.
 *
 * @param pages
 *   The pages, lines top to bottom.
 * @returns
 *   The same pages without their furniture lines.
 */
export function dropPageFurniture(pages: readonly PdfPage[]): PdfPage[] {
  const edges = pages.map(findEdgeLines);
  const seen = new Map<string, Set<number>>();
  edges.forEach((lines, index) => {
    for (const line of lines) {
      const key = toRunningKey(line.text);
      const onPages = seen.get(key) ?? new Set<number>();
      onPages.add(index);
      seen.set(key, onPages);
    }
  });
  const minimum = Math.max(2, pages.length / 2);
  return pages.map((page, index) => {
    const edge = edges[index] ?? new Set<PdfLine>();
    const lines = page.lines.filter((line) => {
      if (!edge.has(line)) return true;
      if (isPageNumber(line.text)) return false;
      return (seen.get(toRunningKey(line.text))?.size ?? 0) < minimum;
    });
    return { ...page, lines };
  });
}

/** The first and last lines of a page that lie in its top or bottom band. */
function findEdgeLines(page: PdfPage): Set<PdfLine> {
  const edge = new Set<PdfLine>();
  const { lines, height } = page;
  for (const line of lines.slice(0, EDGE_LINES)) {
    if (line.y - line.size <= height * BAND) edge.add(line);
  }
  for (const line of lines.slice(-EDGE_LINES)) {
    if (line.y >= height * (1 - BAND)) edge.add(line);
  }
  return edge;
}

/** The text a running header keeps from page to page: no spaces, numbers as `#`. */
function toRunningKey(text: string): string {
  return text.replace(/\s+/g, '').replace(/\d+/g, '#');
}
