/**
 * The model of one document as the pipeline writes it to `out/<name>.json`:
 * the extraction with the document's name, format, metadata, messages and tree.
 */
import type { Root } from 'mdast';
import type { DocumentMetadata, SourceFormat } from './document.ts';
import type { PlanExtraction, PlanMessage } from './plan.ts';

/** The model of one document as written to `out/<name>.json`. */
export interface DocumentModel extends PlanExtraction {
  document: string;
  format: SourceFormat;
  encoding: string | null;
  pages: number | null;
  /** The engine that read a PDF, else null. */
  pdfEngine: 'pdfjs' | 'pdfium' | null;
  metadata: DocumentMetadata;
  region: string | null;
  docNumber: string | null;
  messages: PlanMessage[];
  tree: Root;
}
