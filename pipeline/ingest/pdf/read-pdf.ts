/**
 * PDF reader: the text layer of every page, rebuilt into lines, table cells
 * and paragraphs, page furniture dropped, each paragraph anchored to the page of
 * its first line. A PDF without a text layer, with a password or with broken
 * structure is refused with a `ReadError`.
 */
import type { Paragraph, Root, Table, TableCell } from 'mdast';
import type { Reader } from '../reader.ts';
import { MAX_PDF_TEXT_RUNS } from '../expansion-caps.ts';
import { ReadError } from '../read-error.ts';
import { checkPdfPages, DEFAULT_LIMITS, type Limits } from '../limits.ts';
import type { PdfTableRow } from './paragraphs.ts';
import { buildPdfLines, type PdfLine } from './lines.ts';
import { dropPageFurniture, type PdfPage } from './furniture.ts';
import { buildPdfParagraphs } from './paragraphs.ts';
import { rebuildTableCells } from './table-cells.ts';
import { joinSplitTables } from './table-joins.ts';
import { DEFAULT_PDF_ENGINE, type PdfEngineDocument, type PdfEngineName } from './engine.ts';
import { loadPdfEngine } from './load-engine.ts';

/** The PDF reader behind the common signature; `options.pdfEngine` picks the engine. */
export const readPdfFile: Reader = async (data, options) => {
  const { tree, pages } = await readPdf(data, options.limits, options.pdfEngine);
  return { tree, pages, notices: [] };
};

/** What `readPdf` returns: the tree and the number of pages. */
export interface PdfReadResult {
  tree: Root;
  pages: number;
}

/**
 * Read a PDF into an mdast tree of paragraphs and ruled tables.
 *
 * @param data
 *   The file's bytes (not modified; the engine gets a copy).
 * @param limits
 *   The page limit (default: DEFAULT_LIMITS).
 * @param engine
 *   The PDF engine that reads the pages (default: DEFAULT_PDF_ENGINE).
 * @returns
 *   The tree (paragraphs of one text node, and ruled tables, every node with
 *   `data.location.page`) and the page count.
 * @throws {ReadError}
 *   `encrypted PDF: …`, `no text layer: …` or `corrupt PDF: …`.
 */
export async function readPdf(data: Uint8Array, limits: Limits = DEFAULT_LIMITS, engine: PdfEngineName = DEFAULT_PDF_ENGINE): Promise<PdfReadResult> {
  const reader = await loadPdfEngine(engine);
  const document = await reader.open(data);
  try {
    if (isTruncated(data)) throw new ReadError('corrupt PDF: the file is truncated (no %%EOF after the last object)');
    checkPdfPages(document.pageCount, limits);
    const pages = await readPages(document, reader.pagesInFlight);
    if (pages.every((page) => page.lines.length === 0)) {
      throw new ReadError('no text layer: scanned PDF, OCR is not enabled');
    }
    const body = dropPageFurniture(pages).map((page) => ({ ...page, lines: rebuildTableCells(page.lines, page.rulings) }));
    const paragraphs = joinSplitTables(buildPdfParagraphs(body));
    const children = paragraphs.map(({ text, page, table }): Paragraph | Table =>
      table === undefined
        ? { type: 'paragraph', children: [{ type: 'text', value: text, data: { location: { page } } }], data: { location: { page } } }
        : toTable(table, page),
    );
    return { tree: { type: 'root', children }, pages: document.pageCount };
  } finally {
    await document.close();
  }
}

/** An mdast table; a merged cell's copies carry `data.spanned`, as from the docx reader. */
function toTable(rows: PdfTableRow[], page: number): Table {
  return {
    type: 'table',
    children: rows.map(({ cells, page }) => ({
      type: 'tableRow',
      children: cells.map(
        (cell): TableCell => ({
          type: 'tableCell',
          children: cell.text === '' ? [] : [{ type: 'text', value: cell.text, data: { location: { page } } }],
          data: cell.spanned ? { location: { page }, spanned: true } : { location: { page } },
        }),
      ),
      data: { location: { page } },
    })),
    data: { location: { page } },
  };
}

/**
 * Read every page, `inFlight` at a time, in page order; the first page (in
 * order) that fails gives the error, as when reading one page after the other.
 */
async function readPages(document: PdfEngineDocument, inFlight: number): Promise<PdfPage[]> {
  // A page tree may list one page object many times (each showing all of its text again): refused,
  // as no real plan does it; and all pages together may hold at most MAX_PDF_TEXT_RUNS runs.
  const pageOfObject = new Map<string, number>();
  let textRuns = 0;
  const start = async (number: number): Promise<PdfPage> => {
    let lines: PdfLine[] = [];
    const page = await document.readPage(number, (runs) => {
      textRuns += runs.length;
      if (textRuns > MAX_PDF_TEXT_RUNS) throw new ReadError(`too many parts: over ${MAX_PDF_TEXT_RUNS} text runs (limit ${MAX_PDF_TEXT_RUNS})`);
      lines = buildPdfLines(runs);
      // Borders matter only where the layout already looks like a table.
      return lines.some((line) => line.segments.length > 1);
    });
    const earlier = page.object === null ? undefined : pageOfObject.get(page.object);
    if (earlier !== undefined) throw new ReadError(`corrupt PDF: pages ${earlier} and ${number} are the same page object (${page.object} R)`);
    if (page.object !== null) pageOfObject.set(page.object, number);
    const result: PdfPage = { number, width: page.width, height: page.height, lines };
    return page.rulings === undefined ? result : { ...result, rulings: page.rulings };
  };
  const reading: Array<Promise<PdfPage>> = [];
  const begin = (number: number) => {
    const promise = start(number);
    // Pages after a failed one are not awaited; their failure is not the file's.
    promise.catch(() => undefined);
    reading.push(promise);
  };
  for (let number = 1; number <= Math.min(document.pageCount, inFlight); number++) begin(number);
  const pages: PdfPage[] = [];
  for (let number = 1; number <= document.pageCount; number++) {
    pages.push(await reading[number - 1]!);
    if (number + inFlight <= document.pageCount) begin(number + inFlight);
  }
  return pages;
}

/**
 * A PDF ends with `%%EOF`; pdfjs repairs a file cut short and reads what is
 * left, which would silently lose the end of a plan.
 */
function isTruncated(data: Uint8Array): boolean {
  const eof = lastIndexOf(data, '%%EOF');
  if (eof < 0) return true;
  return lastIndexOf(data.subarray(eof), 'endobj') >= 0;
}

function lastIndexOf(data: Uint8Array, needle: string): number {
  const first = needle.charCodeAt(0);
  search: for (let i = data.length - needle.length; i >= 0; i--) {
    if (data[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) {
      if (data[i + j] !== needle.charCodeAt(j)) continue search;
    }
    return i;
  }
  return -1;
}
