/**
 * The pdfjs engine (pdfjs-dist, the reference): a page's text content as
 * runs, and its rules from the operator list.
 */
import { createRequire } from 'node:module';
import type { PdfTextRun } from './lines.ts';
import { loadPdfjs } from './pdfjs-loader.ts';
import { collectRulings, multiply, toMatrix } from './rulings.ts';
import { ReadError } from '../read-error.ts';
import type { PdfEngine, PdfEngineDocument, PdfEnginePage } from './engine.ts';

// Longest wait for any one step of pdfjs (opening, one page) before giving up.
const STEP_TIMEOUT_MS = 30_000;

const PDFJS_ROOT = createRequire(import.meta.url).resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');

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

/** pdfjs behind the engine interface. */
export const pdfjsEngine: PdfEngine = {
  name: 'pdfjs',
  // pdfjs decompresses streams off the main thread, and another page's text can be rebuilt meanwhile.
  pagesInFlight: 4,
  async open(data: Uint8Array): Promise<PdfEngineDocument> {
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
    let document: PdfjsDocument;
    try {
      document = await withTimeout(task.promise);
    } catch (error) {
      await task.destroy().catch(() => undefined);
      throw toReadError(error);
    }
    return {
      pageCount: document.numPages,
      async readPage(number, wantsRulings) {
        try {
          const page = await withTimeout(document.getPage(number));
          return await withTimeout(readPage(page, OPS, wantsRulings));
        } catch (error) {
          throw toReadError(error);
        }
      },
      close: () => task.destroy().catch(() => undefined),
    };
  },
};

async function readPage(
  page: PdfjsPage,
  codes: Parameters<typeof collectRulings>[2],
  wantsRulings: (runs: readonly PdfTextRun[]) => boolean,
): Promise<PdfEnginePage> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const runs: PdfTextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item) || !('transform' in item)) continue;
    const { str, transform, width } = item as PdfjsTextItem;
    const [a, b, c, d, e, f] = multiply(toMatrix(viewport.transform), toMatrix(transform));
    // Rotated or vertical text (stamps, watermarks) is not body text.
    if (Math.abs(b) > 0.1 * Math.abs(a) || a <= 0) continue;
    runs.push({ text: str, x: e, y: f, width, size: Math.hypot(c, d) });
  }
  const object = page.ref === null ? null : `${page.ref.num} ${page.ref.gen}`;
  const result: PdfEnginePage = { object, width: viewport.width, height: viewport.height, runs };
  if (!wantsRulings(runs)) return result;
  const operators = await page.getOperatorList();
  return { ...result, rulings: collectRulings(operators.fnArray, operators.argsArray, codes, viewport) };
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
