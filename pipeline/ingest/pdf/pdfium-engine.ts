/**
 * The PDFium engine: every character of a page with its box and font size
 * (`FPDFText_*`), grouped into runs of characters that sit side by side on one
 * baseline, and the page's rules from its path objects (`FPDFPath_*`).
 * Coordinates go through the page's display matrix, so they match pdfjs's
 * viewport at scale 1 (origin top left, rotation applied).
 */
import type { PdfTextRun } from './lines.ts';
import { addRule, apply, multiply, type Matrix, type PdfRulings } from './rulings.ts';
import { MAX_PDF_TEXT_RUNS } from '../expansion-caps.ts';
import { ReadError } from '../read-error.ts';
import type { PdfEngine, PdfEngineDocument, PdfEnginePage } from './engine.ts';
import { dropAfterTrap, openPdfium, type Pdfium, type PdfiumDocument } from '../pdfium.ts';

// FPDFPageObj_GetType values.
const OBJECT_PATH = 2;
const OBJECT_FORM = 5;
// FPDFPathSegment_GetType values.
const SEGMENT_LINETO = 0;
const SEGMENT_BEZIERTO = 1;
const SEGMENT_MOVETO = 2;
// Scale at which FPDF_PageToDevice's integer results resolve 1/1024 pt.
const DEVICE_SCALE = 1024;
// Characters this close (in em) to the end of the one before continue its run.
const RUN_GAP = 0.1;
// Form XObjects nested deeper than this are not searched for rules.
const MAX_FORM_DEPTH = 8;

/** PDFium behind the engine interface. */
export const pdfiumEngine: PdfEngine = {
  name: 'pdfium',
  // PDFium runs on this thread: one page at a time.
  pagesInFlight: 1,
  async open(data: Uint8Array): Promise<PdfEngineDocument> {
    const document = await openPdfium(data).catch((error: unknown) => {
      throw toReadError(error);
    });
    return {
      pageCount: document.pageCount,
      readPage: async (number, wantsRulings) => {
        try {
          return readPage(document, number - 1, wantsRulings);
        } catch (error) {
          throw toReadError(error);
        }
      },
      close: async () => {
        try {
          document.close();
        } catch (error) {
          dropAfterTrap(error);
        }
      },
    };
  },
};

function readPage(document: PdfiumDocument, index: number, wantsRulings: (runs: readonly PdfTextRun[]) => boolean): PdfEnginePage {
  const { pdfium } = document;
  const { exports } = pdfium;
  return document.withPage(index, (page) => {
    const width = exports.FPDF_GetPageWidthF(page);
    const height = exports.FPDF_GetPageHeightF(page);
    const device = displayMatrix(pdfium, page, width, height);
    const number = exports.EPDFPage_GetObjectNumber(page);
    const runs = readRuns(pdfium, page, device);
    const result: PdfEnginePage = { object: number > 0 ? `${number} 0` : null, width, height, runs };
    if (!wantsRulings(runs)) return result;
    return { ...result, rulings: readRulings(pdfium, page, device, height) };
  });
}

/** The matrix from PDF user space to the page as displayed at 72 dpi (origin top left), read off three mapped points. */
function displayMatrix(pdfium: Pdfium, page: number, width: number, height: number): Matrix {
  const { exports, scratch } = pdfium;
  const sizeX = Math.round(width * DEVICE_SCALE);
  const sizeY = Math.round(height * DEVICE_SCALE);
  const map = (x: number, y: number): [number, number] => {
    exports.FPDF_PageToDevice(page, 0, 0, sizeX, sizeY, 0, x, y, scratch, scratch + 4);
    const i32 = pdfium.memory().i32;
    return [i32[scratch >> 2]! / DEVICE_SCALE, i32[(scratch >> 2) + 1]! / DEVICE_SCALE];
  };
  const [e, f] = map(0, 0);
  const [ax, ay] = map(100, 0);
  const [cx, cy] = map(0, 100);
  return [(ax - e) / 100, (ay - f) / 100, (cx - e) / 100, (cy - f) / 100, e, f];
}

interface OpenRun {
  chars: string[];
  lefts: number[];
  right: number;
  y: number;
  size: number;
}

function readRuns(pdfium: Pdfium, page: number, device: Matrix): PdfTextRun[] {
  const { exports, scratch } = pdfium;
  const textPage = exports.FPDFText_LoadPage(page);
  if (textPage === 0) return [];
  const runs: PdfTextRun[] = [];
  let open: OpenRun | undefined;
  const flush = () => {
    if (open !== undefined) runs.push(closeRun(open));
    open = undefined;
  };
  try {
    const count = exports.FPDFText_CountChars(textPage);
    // Runs group characters: a page with more characters than a whole PDF may have runs is refused before they are read.
    if (count > MAX_PDF_TEXT_RUNS) throw new ReadError(`too many parts: over ${MAX_PDF_TEXT_RUNS} text runs (limit ${MAX_PDF_TEXT_RUNS})`);
    const { f32, f64 } = pdfium.memory();
    const s4 = scratch >> 2;
    const s8 = scratch >> 3;
    const [da, db, dc, dd, de, df] = device;
    for (let index = 0; index < count; index++) {
      const code = exports.FPDFText_GetUnicode(textPage, index);
      // Spaces and line breaks PDFium adds where it sees a gap are its guesses, not the file's text.
      if (code < 0x20 || code === 0xfffe || code === 0xffff || exports.FPDFText_IsGenerated(textPage, index) === 1) {
        flush();
        continue;
      }
      exports.FPDFText_GetMatrix(textPage, index, scratch);
      // The character's matrix through the display matrix, written out: this runs for every character.
      const ma = f32[s4]!;
      const mb = f32[s4 + 1]!;
      const mc = f32[s4 + 2]!;
      const md = f32[s4 + 3]!;
      const a = da * ma + dc * mb;
      const b = db * ma + dd * mb;
      // Rotated or vertical text (stamps, watermarks) is not body text.
      if (Math.abs(b) > 0.1 * Math.abs(a) || a <= 0) {
        flush();
        continue;
      }
      const size = exports.FPDFText_GetFontSize(textPage, index) * Math.hypot(da * mc + dc * md, db * mc + dd * md);
      exports.FPDFText_GetCharOrigin(textPage, index, scratch, scratch + 8);
      const ox = f64[s8]!;
      const oy = f64[s8 + 1]!;
      const x = da * ox + dc * oy + de;
      const y = db * ox + dd * oy + df;
      exports.FPDFText_GetLooseCharBox(textPage, index, scratch);
      const left = da * f32[s4]! + dc * f32[s4 + 1]! + de;
      const right = da * f32[s4 + 2]! + dc * f32[s4 + 3]! + de;
      const start = Math.min(x, left, right);
      const end = Math.max(start, left, right);
      const char = String.fromCodePoint(code);
      if (
        open !== undefined &&
        Math.abs(y - open.y) <= 0.01 * size &&
        Math.abs(size - open.size) <= 0.01 * size &&
        Math.abs(start - open.right) <= RUN_GAP * size
      ) {
        open.chars.push(char);
        open.lefts.push(start);
        open.right = end;
        continue;
      }
      flush();
      open = { chars: [char], lefts: [start], right: end, y, size };
    }
    flush();
  } finally {
    exports.FPDFText_ClosePage(textPage);
  }
  return runs;
}

function closeRun(run: OpenRun): PdfTextRun {
  const { chars, lefts, right } = run;
  const advances = lefts.map((left, k) => (k + 1 < lefts.length ? lefts[k + 1]! : right) - left);
  return { text: chars.join(''), x: lefts[0]!, y: run.y, width: right - lefts[0]!, size: run.size, advances };
}

function readRulings(pdfium: Pdfium, page: number, device: Matrix, height: number): PdfRulings {
  const { exports } = pdfium;
  const rulings: PdfRulings = { horizontal: [], vertical: [], pageHeight: height };
  const count = exports.FPDFPage_CountObjects(page);
  for (let index = 0; index < count; index++) addObject(pdfium, exports.FPDFPage_GetObject(page, index), device, rulings, 0);
  return rulings;
}

function addObject(pdfium: Pdfium, object: number, outer: Matrix, rulings: PdfRulings, depth: number): void {
  const { exports, scratch } = pdfium;
  const type = exports.FPDFPageObj_GetType(object);
  if (type !== OBJECT_PATH && (type !== OBJECT_FORM || depth >= MAX_FORM_DEPTH)) return;
  if (type === OBJECT_PATH) {
    exports.FPDFPath_GetDrawMode(object, scratch, scratch + 4);
    const { i32 } = pdfium.memory();
    // Neither filled nor stroked: a clipping path.
    if (i32[scratch >> 2] === 0 && i32[(scratch >> 2) + 1] === 0) return;
  }
  exports.FPDFPageObj_GetMatrix(object, scratch);
  const { f32 } = pdfium.memory();
  const s4 = scratch >> 2;
  const matrix = multiply(outer, [f32[s4]!, f32[s4 + 1]!, f32[s4 + 2]!, f32[s4 + 3]!, f32[s4 + 4]!, f32[s4 + 5]!]);
  if (type === OBJECT_FORM) {
    const count = exports.FPDFFormObj_CountObjects(object);
    for (let index = 0; index < count; index++) addObject(pdfium, exports.FPDFFormObj_GetObject(object, index), matrix, rulings, depth + 1);
    return;
  }
  addPath(pdfium, object, matrix, rulings);
}

function addPath(pdfium: Pdfium, path: number, matrix: Matrix, rulings: PdfRulings): void {
  const { exports, scratch } = pdfium;
  const count = exports.FPDFPath_CountSegments(path);
  let current: [number, number] = [0, 0];
  let start: [number, number] = [0, 0];
  for (let index = 0; index < count; index++) {
    const segment = exports.FPDFPath_GetPathSegment(path, index);
    exports.FPDFPathSegment_GetPoint(segment, scratch, scratch + 4);
    const { f32 } = pdfium.memory();
    const point = apply(matrix, f32[scratch >> 2]!, f32[(scratch >> 2) + 1]!);
    const type = exports.FPDFPathSegment_GetType(segment);
    if (type === SEGMENT_MOVETO) {
      start = point;
    } else if (type === SEGMENT_LINETO) {
      addRule(current, point, rulings);
    } else if (type !== SEGMENT_BEZIERTO) {
      return;
    }
    current = point;
    if (exports.FPDFPathSegment_GetClose(segment) !== 0) {
      addRule(current, start, rulings);
      current = start;
    }
  }
}

function toReadError(error: unknown): ReadError {
  if (error instanceof ReadError) return error;
  dropAfterTrap(error);
  const message = error instanceof Error ? error.message : String(error);
  const reason = message.split('\n')[0]!.trim().replace(/\.$/, '').slice(0, 120);
  return new ReadError(`corrupt PDF: PDFium failed (${reason || 'unknown error'})`);
}
