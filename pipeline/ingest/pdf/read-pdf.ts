/**
 * PDF reader: the text layer of every page, rebuilt into lines, table cells
 * and paragraphs, page furniture dropped, each paragraph anchored to the page of
 * its first line. A PDF without a text layer, with a password or with broken
 * structure is refused with a `ReadError`.
 */
import type { Root } from 'mdast';
import type { Reader } from '../reader.ts';
import { MAX_PDF_TEXT_RUNS } from '../expansion-caps.ts';
import { ReadError } from '../read-error.ts';
import { checkPdfPages, DEFAULT_LIMITS, type Limits } from '../limits.ts';
import { buildPdfLines, type PdfLine } from './lines.ts';
import type { PdfPage } from './furniture.ts';
import type { PdfRulings } from './rulings.ts';
import { buildPageTree } from './page-tree.ts';
import { DEFAULT_PDF_ENGINE, type PdfEngineDocument, type PdfEngineName } from './engine.ts';
import { loadPdfEngine } from './load-engine.ts';

/**
 * Recognise the text of some pages (OCR): the PDF's bytes, the 1-based numbers
 * of its pages without text, and a hook told as pages are done; gives back each
 * recognised page's lines (a page without any image is left out).
 */
export type PageRecognizer = (
  data: Uint8Array,
  pages: readonly number[],
  onPage?: (done: number, total: number, page: number) => void,
) => Promise<Map<number, { lines: PdfLine[]; rulings?: PdfRulings; seconds: number }>>;

/**
 * A PDF reader behind the common signature: `options.pdfEngine` picks the
 * engine, `options.ocr` whether pages without text go to `recognize`.
 *
 * @param recognize
 *   The OCR of pages without text (optional: without it, a PDF without any
 *   text layer is refused).
 * @returns
 *   The reader.
 */
export function createPdfReader(recognize?: PageRecognizer): Reader {
  return async (data, options) => {
    const ocr: PdfOcrSetting = { enabled: (options.ocr ?? true) && recognize !== undefined };
    if (recognize !== undefined) ocr.recognize = recognize;
    if (options.onOcrPage !== undefined) ocr.onPage = options.onOcrPage;
    const read = await readPdf(data, options.limits, options.pdfEngine, ocr);
    if (read.unread !== undefined) {
      return { tree: read.tree, pages: read.pages, notices: [`pages without a text layer not read (OCR is off): ${formatPages(read.unread)}`] };
    }
    if (read.ocr === undefined) return { tree: read.tree, pages: read.pages, notices: [] };
    const notice = `text recognised by OCR on ${read.ocr.pages.length} of ${read.pages} pages (${formatPages(read.ocr.pages)}): check quotes against the scan`;
    return { tree: read.tree, pages: read.pages, notices: [notice], ocr: read.ocr };
  };
}

/** The PDF reader without OCR (`../ocr/read-scanned-pdf.ts` adds it). */
export const readPdfFile: Reader = createPdfReader();

/** What `readPdf` returns: the tree and the number of pages. */
export interface PdfReadResult {
  tree: Root;
  pages: number;
  /** The pages read by OCR, and the seconds they took together. */
  ocr?: { pages: number[]; seconds: number };
  /** Pages without a text layer left unread, OCR being off. */
  unread?: number[];
}

/** Whether pages without a text layer are recognised (OCR), and how. */
export interface PdfOcrSetting {
  /** False: a PDF without any text layer is refused, as before OCR (`--no-ocr`). */
  enabled: boolean;
  /** The OCR (needed when enabled). */
  recognize?: PageRecognizer;
  /** Told when OCR starts and after each page (optional). */
  onPage?: (done: number, total: number, page: number) => void;
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
 * @param ocr
 *   Whether and how pages without a text layer are recognised (default: not);
 *   only those pages are, in a mixed PDF.
 * @returns
 *   The tree (paragraphs of one text node, and ruled tables, every node with
 *   `data.location.page`; recognised ones with `data.ocr` and the confidence
 *   of each line), the page count, and which pages were recognised.
 * @throws {ReadError}
 *   `encrypted PDF: …`, `no text layer: …`, `OCR is not available: …` or `corrupt PDF: …`.
 */
export async function readPdf(
  data: Uint8Array,
  limits: Limits = DEFAULT_LIMITS,
  engine: PdfEngineName = DEFAULT_PDF_ENGINE,
  ocr: PdfOcrSetting = { enabled: false },
): Promise<PdfReadResult> {
  const reader = await loadPdfEngine(engine);
  const document = await reader.open(data);
  try {
    if (isTruncated(data)) throw new ReadError('corrupt PDF: the file is truncated (no %%EOF after the last object)');
    checkPdfPages(document.pageCount, limits);
    const pages = await readPages(document, reader.pagesInFlight);
    const untexted = pages.filter((page) => page.lines.length === 0).map((page) => page.number);
    const recognize = ocr.enabled ? ocr.recognize : undefined;
    if (untexted.length === pages.length && recognize === undefined) {
      throw new ReadError('no text layer: scanned PDF, OCR is not enabled');
    }
    const result: PdfReadResult = { tree: { type: 'root', children: [] }, pages: document.pageCount };
    const ocrPages = new Set<number>();
    if (untexted.length > 0 && recognize === undefined) result.unread = untexted;
    if (untexted.length > 0 && recognize !== undefined) {
      const recognized = await recognize(data, untexted, ocr.onPage);
      let seconds = 0;
      for (const [number, page] of recognized) {
        const { rulings, ...read } = pages[number - 1]!;
        pages[number - 1] = page.rulings === undefined ? { ...read, lines: page.lines } : { ...read, lines: page.lines, rulings: page.rulings };
        ocrPages.add(number);
        seconds += page.seconds;
      }
      if (ocrPages.size > 0) result.ocr = { pages: [...ocrPages], seconds };
    }
    if (pages.every((page) => page.lines.length === 0)) {
      throw new ReadError(ocrPages.size > 0 ? 'no text layer: scanned PDF, OCR found no text in it' : 'no text: the document is empty');
    }
    result.tree = buildPageTree(pages, { ocrPages });
    return result;
  } finally {
    await document.close();
  }
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

/** Page numbers as ranges: `1–3, 5`. */
function formatPages(pages: readonly number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    ranges.push(j === i ? String(pages[i]) : `${pages[i]}–${pages[j]}`);
    i = j + 1;
  }
  return ranges.join(', ');
}
