/**
 * OFD reader: the text objects of every page placed as glyph runs, rebuilt
 * into lines, table cells and paragraphs by the same builder as a PDF's text
 * layer (`../pdf/page-tree.ts`), page furniture (running headers from template
 * pages, page numbers) dropped, every node anchored to its page.
 */
import type { Root } from 'mdast';
import type { Reader } from '../reader.ts';
import { buildPdfLines } from '../pdf/lines.ts';
import type { PdfPage } from '../pdf/furniture.ts';
import { MAX_PDF_TEXT_RUNS } from '../expansion-caps.ts';
import { DEFAULT_LIMITS, type Limits } from '../limits.ts';
import { ReadError } from '../read-error.ts';
import { buildPageTree } from '../pdf/page-tree.ts';
import { PT_PER_MM, readPageContent } from './content.ts';
import { openOfdPackage } from './package.ts';

/** The OFD reader behind the common signature. */
export const readOfdFile: Reader = async (data, options) => {
  const { tree, pages, warnings } = await readOfd(data, options.limits);
  return { tree, pages, notices: warnings };
};

/** What `readOfd` returns. */
export interface OfdReadResult {
  tree: Root;
  pages: number;
  /** What was not read, for the model's messages (a page whose content part is missing). */
  warnings: string[];
}

/**
 * Read an OFD document into an mdast tree.
 *
 * @param data
 *   The file's bytes.
 * @param limits
 *   Zip and page limits (default: DEFAULT_LIMITS).
 * @returns
 *   The tree (every node with `data.location.page`), the page count and warnings.
 * @throws {ReadError}
 *   When the package cannot be read, or holds only images.
 */
export async function readOfd(data: Uint8Array, limits: Limits = DEFAULT_LIMITS): Promise<OfdReadResult> {
  const ofd = await openOfdPackage(data, limits);
  const warnings: string[] = [];
  const pages: PdfPage[] = [];
  let runs = 0;
  let images = false;
  for (const part of ofd.pages) {
    if (part.content === undefined) warnings.push(`OFD page ${part.number}: ${part.path} is missing (the page is read as empty)`);
    const content = readPageContent(part.content === undefined ? part.templates : [...part.templates, part.content], part.size[1]);
    runs += content.runs.length;
    if (runs > MAX_PDF_TEXT_RUNS) throw new ReadError(`too many parts: over ${MAX_PDF_TEXT_RUNS} text runs (limit ${MAX_PDF_TEXT_RUNS})`);
    images ||= content.images;
    const lines = buildPdfLines(content.runs);
    const [width, height] = part.size;
    pages.push({ number: part.number, width: width * PT_PER_MM, height: height * PT_PER_MM, lines, rulings: content.rulings });
  }
  if (pages.every((page) => page.lines.length === 0)) {
    if (images) throw new ReadError('no text layer: the OFD holds only images (a scan); OCR reads scanned PDFs, not OFD');
    throw new ReadError('no text: the document is empty');
  }
  return { tree: buildPageTree(pages), pages: pages.length, warnings };
}
