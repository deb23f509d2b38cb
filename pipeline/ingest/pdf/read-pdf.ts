/**
 * PDF reader: the text layer of every page, rebuilt into lines, table cells
 * and paragraphs, page furniture dropped, each paragraph anchored to the page of
 * its first line. A PDF without a text layer, with a password or with broken
 * structure is refused with a `ReadError`.
 */
import type { Reader } from '../reader.ts';
import { createRequire } from 'node:module';
import type { Paragraph, Root, Table, TableCell } from 'mdast';
import { MAX_PDF_TEXT_RUNS } from '../expansion-caps.ts';
import { ReadError } from '../read-error.ts';
import { checkPdfPages, DEFAULT_LIMITS, type Limits } from '../limits.ts';
import { loadPdfjs } from './pdfjs-loader.ts';
import type { PdfOperatorCodes } from './rulings.ts';
import type { PdfTableRow } from './paragraphs.ts';
import { buildPdfLines, type PdfTextRun } from './lines.ts';
import { dropPageFurniture, type PdfPage } from './furniture.ts';
import { buildPdfParagraphs } from './paragraphs.ts';
import { rebuildTableCells } from './table-cells.ts';
import { collectRulings, multiply, toMatrix } from './rulings.ts';
import { joinSplitTables } from './table-joins.ts';

/** The PDF reader behind the common signature. */
export const readPdfFile: Reader = async (data, options) => {
  const { tree, pages } = await readPdf(data, options.limits);
  return { tree, pages, notices: [] };
};

/** What `readPdf` returns: the tree and the number of pages. */
export interface PdfReadResult {
  tree: Root;
  pages: number;
}

// Longest wait for any one step of pdfjs (opening, one page) before giving up.
const STEP_TIMEOUT_MS = 30_000;
// Pages read at the same time: pdfjs decompresses streams off the main thread, and another page's text can be rebuilt meanwhile.
const PAGES_IN_FLIGHT = 4;

const PDFJS_ROOT = createRequire(import.meta.url).resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');

/**
 * Read a PDF into an mdast tree of paragraphs and ruled tables.
 *
 * @param data
 *   The file's bytes (not modified; pdfjs gets a copy).
 * @param limits
 *   The page limit (default: DEFAULT_LIMITS).
 * @returns
 *   The tree (paragraphs of one text node, and ruled tables, every node with
 *   `data.location.page`) and the page count.
 * @throws {ReadError}
 *   `encrypted PDF: …`, `no text layer: …` or `corrupt PDF: …`.
 */
export async function readPdf(data: Uint8Array, limits: Limits = DEFAULT_LIMITS): Promise<PdfReadResult> {
  const { getDocument, OPS } = await loadPdfjs();
  const task = getDocument({
    data: new Uint8Array(data),
    cMapUrl: `${PDFJS_ROOT}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${PDFJS_ROOT}standard_fonts/`,
    isEvalSupported: false,
    useSystemFonts: false,
    // Images are neither text nor rules: pdfjs leaves them out of the operator list instead of decoding them.
    maxImageSize: 0,
    verbosity: 0,
  });
  try {
    const document = await withTimeout(task.promise);
    if (isTruncated(data)) throw new ReadError('corrupt PDF: the file is truncated (no %%EOF after the last object)');
    checkPdfPages(document.numPages, limits);
    const pages = await readPages(document, OPS);
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
    return { tree: { type: 'root', children }, pages: document.numPages };
  } catch (error) {
    throw toReadError(error);
  } finally {
    await task.destroy().catch(() => undefined);
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

interface PdfjsDocument {
  numPages: number;
  getPage(number: number): Promise<PdfjsPage>;
}

interface PdfjsPage {
  /** The page's object in the file (`null` for a page made up by pdfjs's repair). */
  ref: { num: number; gen: number } | null;
  getViewport(options: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(): Promise<{ items: ReadonlyArray<object> }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
}

interface PdfjsTextItem {
  str: string;
  transform: number[];
  width: number;
}

/**
 * Read every page, a few at a time, in page order; the first page (in order)
 * that fails gives the error, as when reading one page after the other.
 */
async function readPages(document: PdfjsDocument, codes: PdfOperatorCodes): Promise<PdfPage[]> {
  // A page tree may list one page object many times (each showing all of its text again): refused,
  // as no real plan does it; and all pages together may hold at most MAX_PDF_TEXT_RUNS runs.
  const pageOfObject = new Map<string, number>();
  const textRuns = { seen: 0 };
  const start = (number: number): Promise<PdfPage> => {
    const reading = withTimeout(document.getPage(number))
      .then((page) => {
        const object = page.ref === null ? null : `${page.ref.num} ${page.ref.gen}`;
        const earlier = object === null ? undefined : pageOfObject.get(object);
        if (earlier !== undefined) throw new ReadError(`corrupt PDF: pages ${earlier} and ${number} are the same page object (${object} R)`);
        if (object !== null) pageOfObject.set(object, number);
        return withTimeout(readPage(page, number, codes, textRuns));
      });
    // Pages after a failed one are not awaited; their failure is not the file's.
    reading.catch(() => undefined);
    return reading;
  };
  const reading: Array<Promise<PdfPage>> = [];
  for (let number = 1; number <= Math.min(document.numPages, PAGES_IN_FLIGHT); number++) reading.push(start(number));
  const pages: PdfPage[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    pages.push(await reading[number - 1]!);
    if (number + PAGES_IN_FLIGHT <= document.numPages) reading.push(start(number + PAGES_IN_FLIGHT));
  }
  return pages;
}

async function readPage(page: PdfjsPage, number: number, codes: PdfOperatorCodes, textRuns: { seen: number }): Promise<PdfPage> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  textRuns.seen += content.items.length;
  if (textRuns.seen > MAX_PDF_TEXT_RUNS) throw new ReadError(`too many parts: over ${MAX_PDF_TEXT_RUNS} text runs (limit ${MAX_PDF_TEXT_RUNS})`);
  const runs: PdfTextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !('transform' in item)) continue;
    const { str, transform, width } = item as PdfjsTextItem;
    const [a, b, c, d, e, f] = multiply(toMatrix(viewport.transform), toMatrix(transform));
    // Rotated or vertical text (stamps, watermarks) is not body text.
    if (Math.abs(b) > 0.1 * Math.abs(a) || a <= 0) continue;
    runs.push({ text: str, x: e, y: f, width, size: Math.hypot(c, d) });
  }
  const lines = buildPdfLines(runs);
  // Borders matter only where the layout already looks like a table.
  if (!lines.some((line) => line.segments.length > 1)) {
    return { number, width: viewport.width, height: viewport.height, lines };
  }
  const operators = await page.getOperatorList();
  const rulings = collectRulings(operators.fnArray, operators.argsArray, codes, viewport);
  return { number, width: viewport.width, height: viewport.height, lines, rulings };
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

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ReadError('corrupt PDF: pdfjs did not answer in time')), STEP_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function toReadError(error: unknown): ReadError {
  if (error instanceof ReadError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new ReadError('encrypted PDF: a password is required');
  const message = error instanceof Error ? error.message : String(error);
  const reason = message.split('\n')[0]!.trim().replace(/\.$/, '').slice(0, 120);
  return new ReadError(`corrupt PDF: ${reason.charAt(0).toLowerCase()}${reason.slice(1) || 'unreadable file'}`);
}
