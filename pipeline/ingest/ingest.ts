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
  const part = await readPart(data, extension, limits, options);
  return structureDocument(part, started);
}

/** One file read by its format's reader, its tables made one grid: what a bundle joins. */
export interface ReadPart {
  format: SourceFormat;
  tree: Root;
  warnings: string[];
  encoding?: string;
  pages?: number;
  pdfEngine?: PdfEngineName;
  /** What the reader found around the text (a web page's 发布时间 and 文号 lines), filling what the text lacks. */
  metadata?: Partial<DocumentMetadata>;
  /** The pages of a PDF read by OCR, and the seconds they took together. */
  ocr?: { pages: number[]; seconds: number };
}

/**
 * Read one file into its tree: sniff, read, check its shape, drop bidi
 * controls, and make its tables one grid (which depends on the format).
 *
 * @throws {ReadError}
 *   When the file cannot be read.
 */
export async function readPart(data: Uint8Array, extension: string, limits: Limits, options: IngestOptions): Promise<ReadPart> {
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
  // One grid for every table: header rows joined; merged cells filled where the format drops them.
  normalizeTables(tree, format === 'md' || format === 'csv');
  const part: ReadPart = { format, tree, warnings };
  if (read.encoding !== undefined) part.encoding = read.encoding;
  if (read.pages !== undefined) part.pages = read.pages;
  if (pdfEngine !== undefined) part.pdfEngine = pdfEngine;
  if (read.metadata !== undefined) part.metadata = read.metadata;
  if (read.ocr !== undefined) part.ocr = read.ocr;
  return part;
}

/**
 * A read tree made a document: outline, blocks, traditional characters, metadata.
 *
 * @param part
 *   The read file (or a bundle's joined files).
 * @param started
 *   When reading began (`performance.now()`), for the stage seconds.
 * @throws {ReadError}
 *   When the document has no text.
 */
export async function structureDocument(part: ReadPart, started: number): Promise<IngestedDocument> {
  const readEnd = performance.now();
  const { format, tree } = part;
  const warnings = [...part.warnings];
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
  const metadata = fillMetadata(extractMetadata(blocks), part.metadata ?? {});
  const seconds = { read: (readEnd - started) / 1000, tree: (performance.now() - readEnd) / 1000 };
  const result: IngestedDocument = { format, tree, blocks, metadata, warnings, seconds };
  if (part.encoding !== undefined) result.encoding = part.encoding;
  if (part.pages !== undefined) result.pages = part.pages;
  if (part.pdfEngine !== undefined) result.pdfEngine = part.pdfEngine;
  if (part.ocr !== undefined) result.ocr = part.ocr;
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
