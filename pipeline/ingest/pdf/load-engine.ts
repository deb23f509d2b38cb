/**
 * The PDF engines by name, each imported only when first used (pdfjs and
 * PDFium are heavy).
 */
import type { PdfEngine, PdfEngineName } from './engine.ts';

/**
 * Load an engine by name (each is imported only when used).
 *
 * @param name
 *   `pdfjs` or `pdfium`.
 * @returns
 *   The engine.
 */
export async function loadPdfEngine(name: PdfEngineName): Promise<PdfEngine> {
  if (name === 'pdfjs') return (await import('./pdfjs-engine.ts')).pdfjsEngine;
  return (await import('./pdfium-engine.ts')).pdfiumEngine;
}
