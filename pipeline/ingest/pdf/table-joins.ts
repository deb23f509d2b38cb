/**
 * A table that runs over a page break comes out of the page reader as two
 * tables. Join them: the second page's repeated header row goes, and a row
 * the break cut in two is put back together.
 */
import type { PdfGridCell } from './lines.ts';
import type { PdfParagraph, PdfTableRow } from './paragraphs.ts';

const TERMINAL = /[。；;！？!?]$/;

/**
 * Join each table that continues one on the page before.
 *
 * @param items
 *   Paragraphs and tables in reading order.
 * @returns
 *   The same items, continued tables joined to the table they continue.
 */
export function joinSplitTables(items: readonly PdfParagraph[]): PdfParagraph[] {
  const out: PdfParagraph[] = [];
  for (const item of items) {
    const previous = out[out.length - 1];
    if (item.table !== undefined && previous?.table !== undefined && continuesTable(previous.table, item)) {
      appendRows(previous.table, item.table);
      continue;
    }
    out.push(item.table === undefined ? { ...item } : { ...item, table: item.table.map((row) => ({ ...row })) });
  }
  return out;
}

function continuesTable(rows: readonly PdfTableRow[], next: PdfParagraph): boolean {
  const last = rows[rows.length - 1];
  const first = next.table?.[0];
  return last !== undefined && first !== undefined && next.page === last.page + 1 && first.cells.length === last.cells.length;
}

function appendRows(rows: PdfTableRow[], more: readonly PdfTableRow[]): void {
  let rest = [...more];
  const header = rows[0];
  if (header !== undefined && rest[0] !== undefined && sameTexts(header.cells, rest[0].cells)) rest = rest.slice(1);
  const last = rows[rows.length - 1];
  const first = rest[0];
  if (last !== undefined && first !== undefined && isCutRow(last.cells, first.cells)) {
    last.cells = last.cells.map((cell, index) => {
      const tail = first.cells[index]?.text ?? '';
      const joint = /[A-Za-z]$/.test(cell.text) && /^[A-Za-z]/.test(tail) ? ' ' : '';
      return { ...cell, text: cell.text + joint + tail };
    });
    rest = rest.slice(1);
  }
  rows.push(...rest);
}

function sameTexts(a: readonly PdfGridCell[], b: readonly PdfGridCell[]): boolean {
  return a.length === b.length && a.every((cell, index) => cell.text === b[index]?.text);
}

/**
 * A row cut by the page break: its second part only continues cells whose
 * last line filled the column and stopped mid-sentence.
 */
function isCutRow(before: readonly PdfGridCell[], after: readonly PdfGridCell[]): boolean {
  let continues = false;
  for (const [index, cell] of after.entries()) {
    if (cell.text === '') continue;
    const above = before[index];
    if (above === undefined || above.text === '' || !above.open || TERMINAL.test(above.text)) return false;
    continues = true;
  }
  return continues;
}
