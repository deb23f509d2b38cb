/**
 * Ingest: bytes of one file → its format, outline-marked tree, blocks and
 * metadata. The reader of each format is named in `readers.ts`.
 */
import type { Root } from 'mdast';
import { removeBidiControls } from './bidi-controls.ts';
import { toBlocks } from '../../model/blocks.ts';
import { checkTreeShape } from './expansion-caps.ts';
import { loadReader } from './readers.ts';
import type { ReadOptions } from './reader.ts';
import { extractMetadata } from '../tree/metadata.ts';
import { ReadError } from './read-error.ts';
import { checkFileSize, DEFAULT_LIMITS, type Limits } from './limits.ts';
import { sniffFormat } from './sniff.ts';
import { normalizeTables } from './table-grid.ts';
import { loadSimplify, mayBeTraditional, simplifyBlocks } from './traditional-script.ts';
import { markOutline } from '../tree/structure.ts';
import type { Block, DocumentMetadata, SourceFormat } from '../../model/document.ts';
import { DEFAULT_PDF_ENGINE, type PdfEngineName } from './pdf/engine.ts';

/** How documents are read, beyond the limits. */
export interface IngestOptions {
  /** The engine that reads PDFs (default: DEFAULT_PDF_ENGINE). */
  pdfEngine?: PdfEngineName;
  /** Recognise the text of PDF pages that have none (OCR) (default: true; false refuses a scanned PDF). */
  ocr?: boolean;
  /** Told when OCR starts (0 pages done) and after each page it recognises: pages done, pages to do, page number (optional). */
  onOcrPage?: (done: number, total: number, page: number) => void;
}

/** Everything ingest learns about one document. */
export interface IngestedDocument {
  format: SourceFormat;
  tree: Root;
  blocks: Block[];
  metadata: DocumentMetadata;
  encoding?: string;
  pages?: number;
  /** The engine that read a PDF. */
  pdfEngine?: PdfEngineName;
  /** The pages of a PDF read by OCR, and the seconds they took together. */
  ocr?: { pages: number[]; seconds: number };
  warnings: string[];
  /**
   * For a document in traditional characters, whose blocks and metadata were converted to
   * simplified ones for matching: gives a string found in them back the document's script.
   */
  restore?: (text: string) => string;
  /** Seconds spent reading the format into a tree, and structuring it into blocks and metadata. */
  seconds: { read: number; tree: number };
}

/**
 * Read one document.
 *
 * @param data
 *   The file's bytes.
 * @param extension
 *   The file's extension, lower case with the dot (`.txt`).
 * @param limits
 *   Size limits (default: DEFAULT_LIMITS).
 * @param options
 *   The PDF engine (optional).
 * @returns
 *   The ingested document.
 * @throws {ReadError}
 *   When the input cannot be read; the message is the reason.
 */
export async function ingest(data: Uint8Array, extension: string, limits: Limits = DEFAULT_LIMITS, options: IngestOptions = {}): Promise<IngestedDocument> {
  const started = performance.now();
  checkFileSize(data.length, limits);
  const format = sniffFormat(data, extension);
  const warnings: string[] = [];
  const reader = await loadReader(format);
  const pdfEngine = format === 'pdf' ? (options.pdfEngine ?? DEFAULT_PDF_ENGINE) : undefined;
  const readOptions: ReadOptions = { limits, extension, ocr: options.ocr ?? true };
  if (pdfEngine !== undefined) readOptions.pdfEngine = pdfEngine;
  if (options.onOcrPage !== undefined) readOptions.onOcrPage = options.onOcrPage;
  const read = await reader(data, readOptions);
  const tree = read.tree;
  warnings.push(...read.notices);
  checkTreeShape(tree);
  const bidi = removeBidiControls(tree);
  if (bidi > 0) warnings.push(`bidirectional control characters removed: ${bidi} (they make text display otherwise than it reads)`);
  const readEnd = performance.now();
  // One grid for every table: header rows joined; merged cells filled where the format drops them.
  normalizeTables(tree, format === 'md' || format === 'csv');
  markOutline(tree);
  let blocks = toBlocks(tree);
  if (blocks.length === 0) throw new ReadError('no text: the document is empty');
  let restore: ((text: string) => string) | undefined;
  if (mayBeTraditional(sampleText(blocks))) {
    const simplified = simplifyBlocks(blocks, await loadSimplify());
    if (simplified) {
      blocks = simplified.blocks;
      restore = simplified.restore;
      warnings.push(`traditional characters: read as simplified for matching (${simplified.changed} characters converted); quotes keep the original`);
    }
  }
  const metadata = fillMetadata(extractMetadata(blocks), read.metadata ?? {});
  const seconds = { read: (readEnd - started) / 1000, tree: (performance.now() - readEnd) / 1000 };
  const result: IngestedDocument = { format, tree, blocks, metadata, warnings, seconds };
  if (read.encoding !== undefined) result.encoding = read.encoding;
  if (read.pages !== undefined) result.pages = read.pages;
  if (pdfEngine !== undefined) result.pdfEngine = pdfEngine;
  if (read.ocr !== undefined) result.ocr = read.ocr;
  if (restore) result.restore = restore;
  return result;
}

/**
 * What the file states around the text (a web page's 发文字号, 成文日期, title) fills what the
 * text does not state; the text's own statements win.
 */
function fillMetadata(metadata: DocumentMetadata, around: Partial<DocumentMetadata>): DocumentMetadata {
  const filled = { ...metadata };
  for (const key of ['title', 'docNumber', 'date'] as const) {
    const value = around[key];
    if (filled[key] === null && value) filled[key] = value;
  }
  return filled;
}

/** The first 20,000 characters of a document's text, for cheap checks. */
function sampleText(blocks: Block[]): string {
  let text = '';
  for (const block of blocks) {
    text += block.text;
    if (text.length > 20_000) break;
  }
  return text;
}
