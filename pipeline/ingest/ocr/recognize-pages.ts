/**
 * OCR of the pages of a PDF that have no text layer: each page that draws an
 * image is rendered by PDFium at 300 dpi in gray, recognised by Tesseract, and
 * its words rebuilt into lines by the same line builder as a text page; the
 * rules it shows are found in the bitmap, for the ruled-table builder.
 */
import { buildPdfLines, type PdfLine } from '../pdf/lines.ts';
import { ReadError } from '../read-error.ts';
import { openPdfium, type PdfiumDocument } from '../pdfium.ts';
import type { PdfRulings } from '../pdf/rulings.ts';
import { findImageRules } from './image-rules.ts';
import { measureSkew, toTextRuns } from './ocr-runs.ts';
import { startOcrEngine, type OcrEngine } from './tesseract.ts';

/** How pages are recognised. */
export interface OcrOptions {
  /** Resolution pages are rendered at (default: 300). */
  dpi?: number;
  /**
   * Told when the engine is ready (0 pages done) and after each page is recognised
   * (optional): pages done, pages to do, and the 1-based page number. The CLI
   * reports progress and restarts the time limit with it.
   */
  onPage?: (done: number, total: number, page: number) => void;
}

/** A recognised page. */
export interface RecognizedPage {
  lines: PdfLine[];
  /** The rules (table borders) the scan shows, when it is straight. */
  rulings?: PdfRulings;
  /** Seconds spent rendering and recognising it (loading the model apart). */
  seconds: number;
}

const DEFAULT_DPI = 300;
// Turned further than this (radians, 0.2°), a scan's borders are read as no table.
const MAX_RULED_SKEW = 0.0035;
// FPDFPageObj_GetType: an image, and a form XObject (which may hold images).
const OBJECT_IMAGE = 3;
const OBJECT_FORM = 5;

/**
 * Recognise the text of some pages of a PDF.
 *
 * @param data
 *   The PDF's bytes.
 * @param pages
 *   1-based numbers of the pages to recognise (those without a text layer).
 * @param options
 *   Resolution and progress (optional).
 * @returns
 *   The recognised pages by number; a page that draws no image (a blank page) is left out.
 * @throws {ReadError}
 *   `OCR is not available: …`, or PDFium's reasons for a PDF it cannot open.
 */
export async function recognizePages(data: Uint8Array, pages: readonly number[], options: OcrOptions = {}): Promise<Map<number, RecognizedPage>> {
  const dpi = options.dpi ?? DEFAULT_DPI;
  const recognized = new Map<number, RecognizedPage>();
  const document = await openPdfium(data);
  let engine: OcrEngine | undefined;
  try {
    const scanned = pages.filter((number) => document.withPage(number - 1, (page) => drawsImage(document, page)));
    for (const [index, number] of scanned.entries()) {
      if (engine === undefined) {
        engine = await startOcrEngine();
        // Loading the model takes a while: the clock of the first page starts now.
        options.onPage?.(0, scanned.length, number);
      }
      const started = performance.now();
      const bitmap = document.renderPage(number - 1, dpi, { channels: 1 });
      const words = await engine.recognize(bitmap);
      const skew = measureSkew(words);
      const lines = buildPdfLines(toTextRuns(words, 72 / dpi, skew));
      // The borders of a scan turned more than a little are not straight enough to read cells by.
      const page: RecognizedPage = { lines, seconds: (performance.now() - started) / 1000 };
      if (Math.abs(skew) < MAX_RULED_SKEW) page.rulings = findImageRules(bitmap, 72 / dpi);
      recognized.set(number, page);
      options.onPage?.(index + 1, scanned.length, number);
    }
    return recognized;
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError(`OCR failed: ${String(error instanceof Error ? error.message : error).split('\n')[0]}`);
  } finally {
    await engine?.terminate().catch(() => undefined);
    document.close();
  }
}

/** Whether a page draws an image, directly or inside a form XObject. */
function drawsImage(document: PdfiumDocument, page: number): boolean {
  const { exports } = document.pdfium;
  const objects: number[] = [];
  for (let index = exports.FPDFPage_CountObjects(page) - 1; index >= 0; index--) objects.push(exports.FPDFPage_GetObject(page, index));
  // Forms nest: walked with a stack, a bounded number of objects.
  for (let seen = 0; objects.length > 0 && seen < 100_000; seen++) {
    const object = objects.pop()!;
    const type = exports.FPDFPageObj_GetType(object);
    if (type === OBJECT_IMAGE) return true;
    if (type === OBJECT_FORM) {
      for (let index = exports.FPDFFormObj_CountObjects(object) - 1; index >= 0; index--) objects.push(exports.FPDFFormObj_GetObject(object, index));
    }
  }
  return false;
}
