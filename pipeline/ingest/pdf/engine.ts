/**
 * What the PDF reader needs from a PDF engine: open a file, then page by page
 * the positioned text runs and, on request, the straight rules the page draws.
 * Lines, paragraphs, page furniture and tables are built above this, once for
 * every engine. Two engines: pdfjs (pdfjs-dist, JavaScript) and PDFium
 * (Chrome's engine compiled to WebAssembly).
 */
import type { PdfTextRun } from './lines.ts';
import type { PdfRulings } from './rulings.ts';

/** The engines a PDF can be read with. */
export const PDF_ENGINES = ['pdfjs', 'pdfium'] as const;

/** Name of a PDF engine. */
export type PdfEngineName = (typeof PDF_ENGINES)[number];

/** The engine used when none is chosen. */
export const DEFAULT_PDF_ENGINE: PdfEngineName = 'pdfium';

/** One page as an engine reads it, in page coordinates (points, origin top left, y downwards). */
export interface PdfEnginePage {
  /** The page's object in the file (`"12 0"`), or null where the engine cannot tell. */
  object: string | null;
  width: number;
  height: number;
  /** Horizontal text runs, in content order; rotated or vertical text is left out. */
  runs: PdfTextRun[];
  /** The page's rules, when the caller asked for them. */
  rulings?: PdfRulings;
}

/** A PDF open in an engine. */
export interface PdfEngineDocument {
  /** Number of pages. */
  pageCount: number;
  /**
   * Read one page.
   *
   * @param number
   *   1-based page number.
   * @param wantsRulings
   *   Called with the page's runs; the rules are read only when it returns true
   *   (they cost time and matter only where the text looks like a table).
   * @returns
   *   The page.
   */
  readPage(number: number, wantsRulings: (runs: readonly PdfTextRun[]) => boolean): Promise<PdfEnginePage>;
  /** Free what the document holds (again: nothing). */
  close(): Promise<void>;
}

/** A PDF engine. */
export interface PdfEngine {
  name: PdfEngineName;
  /**
   * Open a PDF.
   *
   * @param data
   *   The file's bytes (not modified).
   * @returns
   *   The open document.
   * @throws {ReadError}
   *   `encrypted PDF: …` or `corrupt PDF: …`.
   */
  open(data: Uint8Array): Promise<PdfEngineDocument>;
  /** How many pages the reader may read at the same time (pdfjs works off the main thread; PDFium does not). */
  pagesInFlight: number;
}

/**
 * Whether a string names a PDF engine.
 *
 * @param value
 *   The string (e.g. the value of `--pdf-engine`).
 */
export function isPdfEngineName(value: string): value is PdfEngineName {
  return (PDF_ENGINES as readonly string[]).includes(value);
}
