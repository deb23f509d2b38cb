/**
 * One grid for every table, whatever rendering it came from (Word, GFM, tab-separated
 * lines, one cell per line, PDF cells): the header rows joined into one (a group
 * heading spread over the columns it spans: 现状 over 2023年 → 2023年现状), and, where
 * the rendering drops merged cells (text, Markdown), an empty cell of a column of
 * names filled from the row above.
 */
import type { Root, Table, TableCell, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** One cell of a grid, with the 1-based line it came from when the source has lines. */
export interface GridCell {
  text: string;
  line: number;
  /** The cell was empty in the source and repeats the merged cell above or to its left. */
  spanned?: boolean;
}

/** A figure cell: a number with at most a sign, comparator words and a unit (≥4.0, 95%, 2136, <0.15). */
export const FIGURE = /^(?:[≥≤＞＜<>]=?|不低于|不少于|不超过|不高于|达到|约)?\s*[+-]?[\d０-９]+(?:[.．][\d０-９]+)?\s*(?:%|％|人|名|平方米|㎡|m²|元|间|个|所|级|万元|亿元)?(?:以上|以下|以内|及以上|左右)?$/;
/** A cell that reports no value (—, 无, /). */
export const NONE = /^(?:[—\-–/／]+|无)$/;
export const MARK = /^[★☆●○◎√✓✔]$/;

export function isFigure(text: string): boolean {
  return FIGURE.test(text.replace(/\s+/g, ''));
}

export function isEmpty(text: string): boolean {
  return text.trim() === '';
}

/**
 * Join the header rows into one, and fill merged cells: a header cell left empty
 * after a group heading takes the heading (分年度目标 over 2024年 | 2025年), and an
 * empty cell of a column of text takes the text above it.
 */
export function finishGrid(grid: GridCell[][], fillDown = true): GridCell[][] {
  const width = grid[0]!.length;
  let headerRows = 1;
  while (headerRows < grid.length) {
    const row = grid[headerRows]!;
    // A header cell merged down over two rows (a Word table repeats it, marked) leaves the first
    // cell of the second header row a copy of the one above; a text leaves it empty.
    const continues = isEmpty(row[0]!.text) || (row[0]!.spanned === true && row[0]!.text === grid[headerRows - 1]![0]!.text);
    const adds = row.some((c, i) => !isEmpty(c.text) && c.text !== grid[headerRows - 1]![i]!.text);
    if (!continues || !adds || row.some((c) => isFigure(c.text))) break;
    headerRows++;
  }
  const header: GridCell[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (let r = 0; r < headerRows; r++) {
      let text = grid[r]![c]!.text;
      // A group heading spans the empty cells to its right that have a heading below them.
      if (isEmpty(text) && r < headerRows - 1) {
        for (let k = c - 1; k >= 0; k--) {
          const left = grid[r]![k]!.text;
          if (!isEmpty(left)) {
            text = left;
            break;
          }
        }
        if (grid.slice(r + 1, headerRows).every((row) => isEmpty(row[c]!.text))) text = '';
      }
      if (text !== '' && !parts.includes(text)) parts.push(text);
    }
    // The lower row is the more specific one (2023年 under 现状 → 2023年现状).
    header.push({ text: parts.reverse().join(''), line: grid[0]![c]!.line });
  }
  const body = grid.slice(headerRows).map((row) => row.map((cell) => ({ ...cell })));
  for (let c = 0; fillDown && c < width; c++) {
    const values = body.map((row) => row[c]!.text).filter((t) => !isEmpty(t) && !NONE.test(t));
    // Figures and matrix marks (★ ○ √) belong to their own cell: an empty one says nothing.
    if (values.length === 0 || values.some(isFigure) || values.every((v) => MARK.test(v.trim()))) continue;
    for (let r = 1; r < body.length; r++) {
      const cell = body[r]![c]!;
      const above = body[r - 1]![c]!;
      // A group row spans the whole table: nothing flows into it or out of it.
      if (isGroupRow(body[r]!) || isGroupRow(body[r - 1]!)) continue;
      if (isEmpty(cell.text) && !isEmpty(above.text)) body[r]![c] = { ...cell, text: above.text, spanned: true };
    }
  }
  return [header, ...body];
}

function isGroupRow(row: readonly GridCell[]): boolean {
  return row.length > 1 && row.slice(1).every((c) => c.spanned === true && c.text === row[0]!.text);
}

/**
 * Bring every table of a tree to one grid: header rows joined, and merged cells filled
 * down where the rendering drops them.
 *
 * @param tree
 *   A document tree (changed in place).
 * @param fillDown
 *   Whether empty cells of name columns repeat the cell above (text, Markdown); a Word or
 *   PDF reader marks its merged cells itself.
 */
export function normalizeTables(tree: Root, fillDown: boolean): void {
  const visit = (node: Root | Root['children'][number]): void => {
    if (node.type === 'table') {
      normalizeTable(node, fillDown);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Root['children'][number]);
  };
  visit(tree);
}

function normalizeTable(table: Table, fillDown: boolean): void {
  if (table.children.length < 2) return;
  const width = Math.max(...table.children.map((row) => row.children.length));
  const grid: GridCell[][] = table.children.map((row, r) =>
    Array.from({ length: width }, (_, c): GridCell => {
      const cell = row.children[c];
      const text = cell ? toString(cell).trim() : '';
      return cell?.data?.spanned === true ? { text, line: r, spanned: true } : { text, line: r };
    }),
  );
  const finished = finishGrid(grid, fillDown);
  const dropped = grid.length - finished.length;
  if (dropped === 0 && finished.every((row, r) => row.every((cell, c) => cell.text === grid[r]![c]!.text))) return;
  const rows = [table.children[0]!, ...table.children.slice(1 + dropped)];
  table.children = rows.map((row, r) => ({
    ...row,
    children: finished[r]!.map((cell, c): TableCell => {
      const original = row.children[c];
      const data = { ...(original?.data ?? {}) };
      if (cell.spanned) data.spanned = true;
      const same = original && toString(original).trim() === cell.text;
      // A rewritten cell's text is where its cell is.
      const text: Text = data.location === undefined ? { type: 'text', value: cell.text } : { type: 'text', value: cell.text, data: { location: data.location } };
      return { type: 'tableCell', children: same ? original.children : cell.text === '' ? [] : [text], data };
    }),
  }));
}
