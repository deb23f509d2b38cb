/**
 * Which reader reads which format. Readers for binary formats load lazily
 * (pdfjs and mammoth are heavy), so a run over text files never loads them.
 */
import type { SourceFormat } from '../../model/document.ts';
import type { Reader } from './reader.ts';

const READERS: Record<SourceFormat, () => Promise<Reader>> = {
  txt: async () => (await import('./txt/read-txt.ts')).readTxt,
  md: async () => (await import('./md/read-md.ts')).readMd,
  docx: async () => (await import('./docx/read-docx.ts')).readDocxFile,
  // The PDF reader with OCR of scanned pages; it loads tesseract.js only when a page has no text.
  pdf: async () => (await import('./ocr/read-scanned-pdf.ts')).readScannedPdf,
  ofd: async () => (await import('./ofd/read-ofd.ts')).readOfdFile,
  xlsx: async () => (await import('./sheet/read-sheet.ts')).readSheet,
  xls: async () => (await import('./sheet/read-sheet.ts')).readSheet,
  csv: async () => (await import('./sheet/read-sheet.ts')).readSheet,
  html: async () => (await import('./html/read-html.ts')).readHtmlFile,
  doc: async () => (await import('./doc/read-doc.ts')).readDocFile,
};

/**
 * The reader of a format.
 *
 * @param format
 *   A format `sniffFormat` returned.
 * @returns
 *   Its reader.
 */
export function loadReader(format: SourceFormat): Promise<Reader> {
  return READERS[format]();
}
