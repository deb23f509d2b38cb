/**
 * The PDF reader with OCR: pages without a text layer that draw an image are
 * recognised (`recognize-pages.ts`) and rebuilt by the PDF reader's builders,
 * unless `options.ocr` is false (`--no-ocr`).
 */
import { createPdfReader } from '../pdf/read-pdf.ts';
import type { Reader } from '../reader.ts';
import { recognizePages } from './recognize-pages.ts';

/** The reader of PDFs, scanned or not. */
export const readScannedPdf: Reader = createPdfReader((data, pages, onPage) => recognizePages(data, pages, onPage === undefined ? {} : { onPage }));
