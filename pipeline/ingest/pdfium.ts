/**
 * PDFium, Chrome's PDF engine, compiled to WebAssembly (`@embedpdf/pdfium`,
 * the wasm shipped in the package): one instance per process, loaded on first
 * use. A document opened here lives in wasm memory until `close()`; pages are
 * opened and closed around each use so that memory stays flat.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ReadError } from './read-error.ts';

/** The raw PDFium functions this module and the PDFium engine call (C signatures, pointers as numbers). */
export interface PdfiumExports {
  malloc(size: number): number;
  free(pointer: number): void;
  FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  FPDF_CloseDocument(document: number): void;
  FPDF_GetLastError(): number;
  FPDF_GetPageCount(document: number): number;
  FPDF_LoadPage(document: number, index: number): number;
  FPDF_ClosePage(page: number): void;
  FPDF_GetPageWidthF(page: number): number;
  FPDF_GetPageHeightF(page: number): number;
  FPDF_PageToDevice(page: number, x: number, y: number, width: number, height: number, rotate: number, pageX: number, pageY: number, deviceX: number, deviceY: number): number;
  FPDF_RenderPageBitmap(bitmap: number, page: number, x: number, y: number, width: number, height: number, rotate: number, flags: number): void;
  FPDFBitmap_Create(width: number, height: number, alpha: number): number;
  FPDFBitmap_FillRect(bitmap: number, left: number, top: number, width: number, height: number, color: number): number;
  FPDFBitmap_GetBuffer(bitmap: number): number;
  FPDFBitmap_GetStride(bitmap: number): number;
  FPDFBitmap_Destroy(bitmap: number): void;
  EPDFPage_GetObjectNumber(page: number): number;
  FPDFText_LoadPage(page: number): number;
  FPDFText_ClosePage(textPage: number): void;
  FPDFText_CountChars(textPage: number): number;
  FPDFText_GetUnicode(textPage: number, index: number): number;
  FPDFText_IsGenerated(textPage: number, index: number): number;
  FPDFText_GetTextObject(textPage: number, index: number): number;
  FPDFText_GetFontSize(textPage: number, index: number): number;
  FPDFText_GetLooseCharBox(textPage: number, index: number, rect: number): number;
  FPDFText_GetCharOrigin(textPage: number, index: number, x: number, y: number): number;
  FPDFText_GetMatrix(textPage: number, index: number, matrix: number): number;
  FPDFPage_CountObjects(page: number): number;
  FPDFPage_GetObject(page: number, index: number): number;
  FPDFPageObj_GetType(object: number): number;
  FPDFPageObj_GetMatrix(object: number, matrix: number): number;
  FPDFFormObj_CountObjects(form: number): number;
  FPDFFormObj_GetObject(form: number, index: number): number;
  FPDFPath_GetDrawMode(path: number, fillMode: number, stroke: number): number;
  FPDFPath_CountSegments(path: number): number;
  FPDFPath_GetPathSegment(path: number, index: number): number;
  FPDFPathSegment_GetPoint(segment: number, x: number, y: number): number;
  FPDFPathSegment_GetType(segment: number): number;
  FPDFPathSegment_GetClose(segment: number): number;
}

/** The loaded module: its functions and views of its memory (re-read after each call that may grow it). */
export interface Pdfium {
  exports: PdfiumExports;
  memory(): { u8: Uint8Array; i32: Int32Array; f32: Float32Array; f64: Float64Array };
  /** 64 bytes of wasm memory for out-parameters, 8-aligned. */
  scratch: number;
}

/** A page drawn as pixels. */
export interface PdfBitmap {
  width: number;
  height: number;
  /** Rows top to bottom, no padding: one byte a pixel (gray) or four (RGBA). */
  data: Uint8ClampedArray;
  channels: 1 | 4;
}

/** Options of `renderPage`. */
export interface RenderOptions {
  /** 1 for gray (default), 4 for RGBA. */
  channels?: 1 | 4;
}

// FPDF_GetLastError codes.
const ERROR_PASSWORD = 4;
const ERROR_SECURITY = 5;
const ERROR_REASONS: Record<number, string> = {
  1: 'unknown error',
  2: 'file not found or could not be opened',
  3: 'invalid PDF structure',
  6: 'page not found or content error',
};
// FPDF_RenderPageBitmap flag FPDF_ANNOT: annotations (stamps, filled-in forms) are drawn with the page.
const RENDER_ANNOTATIONS = 0x01;
// Largest bitmap a page may be rendered to (pixels): an A0 sheet at 300 dpi.
const MAX_BITMAP_PIXELS = 150_000_000;

// Emscripten's views of wasm memory, replaced when memory grows.
interface EmscriptenHeaps {
  HEAPU8: Uint8Array;
  HEAP32: Int32Array;
  HEAPF32: Float32Array;
  HEAPF64: Float64Array;
}

let loading: Promise<Pdfium> | undefined;

/**
 * Load PDFium (first call) or return it (later calls).
 *
 * @returns
 *   The module's raw functions and memory.
 */
export function loadPdfium(): Promise<Pdfium> {
  loading ??= instantiate().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function instantiate(): Promise<Pdfium> {
  const { init } = await import('@embedpdf/pdfium');
  const wasm = readFileSync(createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm'));
  const wrapped = await init({
    wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength),
    print: () => undefined,
    printErr: () => undefined,
  } as Parameters<typeof init>[0]);
  wrapped.PDFiumExt_Init();
  const module = wrapped.pdfium as unknown as EmscriptenHeaps;
  const exports = wrapped.pdfium.wasmExports as unknown as PdfiumExports;
  const scratch = exports.malloc(64);
  return {
    exports,
    memory: () => ({ u8: module.HEAPU8, i32: module.HEAP32, f32: module.HEAPF32, f64: module.HEAPF64 }),
    scratch,
  };
}

/**
 * Forget the loaded module after it aborted (a wasm trap leaves it unusable);
 * the next `loadPdfium` loads a fresh one.
 *
 * @param error
 *   What the call into PDFium threw.
 * @returns
 *   Whether the module was dropped (the error was a wasm trap).
 */
export function dropAfterTrap(error: unknown): boolean {
  if (!(error instanceof WebAssembly.RuntimeError) && !(error instanceof Error && /^Aborted\(/.test(error.message))) return false;
  loading = undefined;
  return true;
}

/** A PDF open in PDFium. */
export class PdfiumDocument {
  /** The module the document lives in. */
  readonly pdfium: Pdfium;
  /** `FPDF_DOCUMENT` handle. */
  readonly handle: number;
  /** Number of pages. */
  readonly pageCount: number;
  #data: number;
  #closed = false;

  /**
   * @param pdfium
   *   The loaded module.
   * @param handle
   *   The open document.
   * @param data
   *   Where the file's bytes are in wasm memory (PDFium reads them lazily; freed on close).
   */
  constructor(pdfium: Pdfium, handle: number, data: number) {
    this.pdfium = pdfium;
    this.handle = handle;
    this.#data = data;
    this.pageCount = pdfium.exports.FPDF_GetPageCount(handle);
  }

  /**
   * Open one page, run `use` on it, close it.
   *
   * @param index
   *   0-based page index.
   * @param use
   *   Reads the page (`FPDF_PAGE` handle); must not keep it.
   * @returns
   *   What `use` returns.
   * @throws {ReadError}
   *   `corrupt PDF: …` when the page cannot be loaded.
   */
  withPage<T>(index: number, use: (page: number) => T): T {
    const { exports } = this.pdfium;
    const page = exports.FPDF_LoadPage(this.handle, index);
    if (page === 0) throw new ReadError(`corrupt PDF: page ${index + 1} cannot be read`);
    try {
      return use(page);
    } finally {
      exports.FPDF_ClosePage(page);
    }
  }

  /**
   * Render one page to a bitmap, white background, annotations drawn.
   *
   * @param index
   *   0-based page index.
   * @param dpi
   *   Resolution (72 gives one pixel per point).
   * @param options
   *   `channels` (default: 1, gray).
   * @returns
   *   The pixels, copied out of wasm memory.
   */
  renderPage(index: number, dpi: number, options: RenderOptions = {}): PdfBitmap {
    const channels = options.channels ?? 1;
    const { exports } = this.pdfium;
    return this.withPage(index, (page) => {
      const width = Math.max(1, Math.round((exports.FPDF_GetPageWidthF(page) * dpi) / 72));
      const height = Math.max(1, Math.round((exports.FPDF_GetPageHeightF(page) * dpi) / 72));
      if (width * height > MAX_BITMAP_PIXELS) {
        throw new ReadError(`too large: page ${index + 1} at ${dpi} dpi is ${width} × ${height} pixels (limit ${MAX_BITMAP_PIXELS})`);
      }
      const bitmap = exports.FPDFBitmap_Create(width, height, 0);
      if (bitmap === 0) throw new ReadError(`too large: no memory for page ${index + 1} at ${dpi} dpi`);
      try {
        exports.FPDFBitmap_FillRect(bitmap, 0, 0, width, height, 0xffffffff);
        exports.FPDF_RenderPageBitmap(bitmap, page, 0, 0, width, height, 0, RENDER_ANNOTATIONS);
        const stride = exports.FPDFBitmap_GetStride(bitmap);
        const buffer = exports.FPDFBitmap_GetBuffer(bitmap);
        return { width, height, channels, data: copyPixels(this.pdfium.memory().u8, buffer, stride, width, height, channels) };
      } finally {
        exports.FPDFBitmap_Destroy(bitmap);
      }
    });
  }

  /** Free the document and its bytes in wasm memory (again: nothing). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.pdfium.exports.FPDF_CloseDocument(this.handle);
    this.pdfium.exports.free(this.#data);
  }
}

/** PDFium's BGRx rows into gray (ITU-R BT.601 luma) or RGBA without padding. */
function copyPixels(heap: Uint8Array, buffer: number, stride: number, width: number, height: number, channels: 1 | 4): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * height * channels);
  let o = 0;
  for (let y = 0; y < height; y++) {
    let i = buffer + y * stride;
    for (let x = 0; x < width; x++, i += 4) {
      const b = heap[i]!;
      const g = heap[i + 1]!;
      const r = heap[i + 2]!;
      if (channels === 1) {
        out[o++] = (r * 299 + g * 587 + b * 114 + 500) / 1000;
      } else {
        out[o++] = r;
        out[o++] = g;
        out[o++] = b;
        out[o++] = 255;
      }
    }
  }
  return out;
}

/**
 * Open a PDF in PDFium.
 *
 * @param data
 *   The file's bytes (copied into wasm memory; not modified).
 * @returns
 *   The open document; call `close()` when done.
 * @throws {ReadError}
 *   `encrypted PDF: …` or `corrupt PDF: …`.
 */
export async function openPdfium(data: Uint8Array): Promise<PdfiumDocument> {
  const pdfium = await loadPdfium();
  const { exports } = pdfium;
  const pointer = exports.malloc(Math.max(1, data.length));
  if (pointer === 0) throw new ReadError(`too large: no memory for a PDF of ${data.length} bytes`);
  pdfium.memory().u8.set(data, pointer);
  const handle = exports.FPDF_LoadMemDocument(pointer, data.length, 0);
  if (handle === 0) {
    exports.free(pointer);
    const code = exports.FPDF_GetLastError();
    if (code === ERROR_PASSWORD || code === ERROR_SECURITY) throw new ReadError('encrypted PDF: a password is required');
    throw new ReadError(`corrupt PDF: ${ERROR_REASONS[code] ?? 'unreadable file'}`);
  }
  return new PdfiumDocument(pdfium, handle, pointer);
}
