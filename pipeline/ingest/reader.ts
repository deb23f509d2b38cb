/**
 * The one signature every format's reader has: bytes and options in, a
 * positioned mdast tree and the reader's notices out. `ingest.ts` sniffs the
 * format once and calls the reader `readers.ts` names for it; what comes after
 * (tables, outline, blocks, metadata) is the same for every format.
 */
import type { Root } from 'mdast';
import type { DocumentMetadata } from '../../model/document.ts';
import type { Limits } from './limits.ts';
import type { PdfEngineName } from './pdf/engine.ts';

/** What a reader is told besides the bytes. */
export interface ReadOptions {
  /** Size and time limits. */
  limits: Limits;
  /** The file's extension, lower case with the dot (`.txt`), or `''`. */
  extension: string;
  /** The engine that reads a PDF (default: DEFAULT_PDF_ENGINE). */
  pdfEngine?: PdfEngineName;
  /** Recognise the text of PDF pages that have none (OCR) (default: true; false refuses a scanned PDF). */
  ocr?: boolean;
  /** Told when OCR starts (0 pages done) and after each page it recognises: pages done, pages to do, page number (optional). */
  onOcrPage?: (done: number, total: number, page: number) => void;
}

/** What a reader gives back. */
export interface ReadResult {
  /** The document as mdast; every node that carries text has `data.location`. */
  tree: Root;
  /** Things the reader noticed that the user should know (one line each). */
  notices: string[];
  /** Pages, for paged formats. */
  pages?: number;
  /** The character encoding, for text formats. */
  encoding?: string;
  /**
   * What the file states about the document outside its text (a web page's 发文字号 and
   * 成文日期 lines around the article): fills the metadata the text does not state.
   */
  metadata?: Partial<DocumentMetadata>;
  /** The pages of a PDF read by OCR, and the seconds they took together. */
  ocr?: { pages: number[]; seconds: number };
}

/** A format's reader. Throws `ReadError` with a one-line reason when the bytes cannot be read. */
export type Reader = (data: Uint8Array, options: ReadOptions) => Promise<ReadResult>;
