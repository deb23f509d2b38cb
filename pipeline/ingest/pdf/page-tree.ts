/**
 * Positioned text → document tree, one mechanism for every source that places
 * text on pages: a PDF's text layer, an OFD's text objects, recognised text
 * of a scanned page. Each source rebuilds its pages' lines (`buildPdfLines`
 * over its glyph runs) and rules; this drops page furniture, rebuilds table
 * cells and paragraphs, joins tables split by a page break, and anchors every
 * node to the page of its first line.
 */
import type { Paragraph, Root, Table, TableCell } from 'mdast';
import { dropPageFurniture, type PdfPage } from './furniture.ts';
import { buildPdfParagraphs, type PdfParagraph, type PdfTableRow } from './paragraphs.ts';
import { rebuildTableCells } from './table-cells.ts';
import { joinSplitTables } from './table-joins.ts';

/** How the pages were read. */
export interface PageTreeOptions {
  /** Pages whose text was recognised from an image: their nodes get `data.ocr` (default: none). */
  ocrPages?: ReadonlySet<number>;
}

/**
 * Build the tree of a document's pages.
 *
 * @param pages
 *   The pages in order, lines top to bottom, with their rules where read.
 * @param options
 *   Which pages were recognised (optional).
 * @returns
 *   Paragraphs of one text node, and ruled tables; every node has
 *   `data.location.page`, and a recognised paragraph also `data.ocr: true` and
 *   `data.confidence` (the engine's confidence in each of its lines, 0 to 1).
 */
export function buildPageTree(pages: readonly PdfPage[], options: PageTreeOptions = {}): Root {
  const ocrPages = options.ocrPages ?? new Set<number>();
  const body = dropPageFurniture(pages).map((page) => ({ ...page, lines: rebuildTableCells(page.lines, page.rulings) }));
  const paragraphs = joinSplitTables(buildPdfParagraphs(body));
  const children = paragraphs.map((paragraph): Paragraph | Table => {
    const data = toData(paragraph, ocrPages.has(paragraph.page));
    return paragraph.table === undefined
      ? { type: 'paragraph', children: [{ type: 'text', value: paragraph.text, data: { location: { page: paragraph.page } } }], data }
      : toTable(paragraph.table, data, ocrPages);
  });
  return { type: 'root', children };
}

function toData(paragraph: PdfParagraph, ocr: boolean): Paragraph['data'] {
  const data: Record<string, unknown> = { location: { page: paragraph.page } };
  if (ocr) data.ocr = true;
  if (paragraph.confidence !== undefined) data.confidence = paragraph.confidence.map((value) => Math.round(value * 1000) / 1000);
  return data;
}

/** An mdast table; a merged cell's copies carry `data.spanned`, as from the docx reader. */
function toTable(rows: PdfTableRow[], data: Table['data'], ocrPages: ReadonlySet<number>): Table {
  return {
    type: 'table',
    children: rows.map(({ cells, page }) => {
      const mark = ocrPages.has(page) ? { ocr: true } : {};
      return {
        type: 'tableRow',
        children: cells.map(
          (cell): TableCell => ({
            type: 'tableCell',
            children: cell.text === '' ? [] : [{ type: 'text', value: cell.text, data: { location: { page } } }],
            data: cell.spanned ? { location: { page }, spanned: true, ...mark } : { location: { page }, ...mark },
          }),
        ),
        data: { location: { page }, ...mark },
      };
    }),
    data,
  };
}
