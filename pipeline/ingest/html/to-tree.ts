/**
 * An article's HTML (hast) → the document tree (mdast) through hast-util-to-mdast
 * (what rehype-remark runs), so headings, paragraphs and tables keep their kinds;
 * tables by our own handler, which repeats a merged cell into every row and column
 * it spans (marked `spanned`, as the Word reader does) instead of leaving it empty.
 * A paragraph broken by `<br>` becomes one paragraph per line, as a plan's lines are
 * paragraphs in every other format; every block carries `data.location`, its line and
 * column in the source file.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toMdast, type State } from 'hast-util-to-mdast';
import { toText } from 'hast-util-to-text';
import type { Heading, Nodes, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { Position } from 'unist';
import { cleanText } from '../clean-text.ts';
import { MAX_TABLE_SPAN, MAX_TREE_NODES } from '../expansion-caps.ts';
import { ReadError } from '../read-error.ts';

/**
 * Convert an article to the document tree.
 *
 * @param article
 *   The article: a root whose children are the article element's children.
 * @returns
 *   The tree: headings, paragraphs and tables, each with `data.location`.
 */
export function toDocumentTree(article: HastRoot): Root {
  const converted = toMdast(article, { handlers: { table: tableHandler } }) as Root;
  const children: RootContent[] = [];
  collectBlocks(converted, children);
  return { type: 'root', children };
}

/** Lift blocks out of containers (lists, quotes) and cut paragraphs at their line breaks. */
function collectBlocks(node: Nodes, out: RootContent[]): void {
  if (node.type === 'table') {
    if (node.children.length > 0) out.push(locate(node));
    return;
  }
  if (node.type === 'paragraph' || node.type === 'heading') {
    for (const piece of splitAtBreaks(node)) {
      cleanPhrasing(piece.children);
      if (piece.children.length > 0 && cleanText(phrasingText(piece.children)) !== '') out.push(locate(piece));
    }
    return;
  }
  if (node.type === 'code' || node.type === 'html') {
    const value = cleanText(node.value);
    if (value !== '') out.push(locate({ type: 'paragraph', children: [{ type: 'text', value }], ...(node.position ? { position: node.position } : {}) }));
    return;
  }
  if ('children' in node) for (const child of node.children) collectBlocks(child as Nodes, out);
}

/** One paragraph per run between `<br>`s, a `<br>` inside `<strong>` or a link included. */
function splitAtBreaks<T extends Paragraph | Heading>(node: T): T[] {
  if (!hasBreak(node.children)) return [node];
  return splitRuns(node.children).filter((run) => run.length > 0).map((run) => ({ ...node, children: run, position: spanOf(run) ?? node.position }));
}

function hasBreak(nodes: PhrasingContent[]): boolean {
  return nodes.some((node) => node.type === 'break' || ('children' in node && hasBreak(node.children as PhrasingContent[])));
}

/** Runs of phrasing content between breaks; a wrapper (strong, emphasis, link) cut by a break is repeated on each side. */
function splitRuns(nodes: PhrasingContent[]): PhrasingContent[][] {
  const runs: PhrasingContent[][] = [[]];
  for (const node of nodes) {
    if (node.type === 'break') {
      runs.push([]);
    } else if ('children' in node && hasBreak(node.children as PhrasingContent[])) {
      const inner = splitRuns(node.children as PhrasingContent[]);
      inner.forEach((run, index) => {
        if (index > 0) runs.push([]);
        if (run.length > 0) runs.at(-1)!.push({ ...node, children: run, position: spanOf(run) ?? node.position } as PhrasingContent);
      });
    } else {
      runs.at(-1)!.push(node);
    }
  }
  return runs;
}

/** Trim a paragraph's text at both ends and fold runs of spaces, as `cleanText` does a line. */
function cleanPhrasing(children: PhrasingContent[]): void {
  const texts: Array<{ value: string }> = [];
  const visit = (nodes: PhrasingContent[]): void => {
    for (const node of nodes) {
      if ('value' in node && (node.type === 'text' || node.type === 'inlineCode')) texts.push(node);
      else if ('children' in node) visit(node.children as PhrasingContent[]);
    }
  };
  visit(children);
  for (const text of texts) text.value = text.value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200d\ufeff]/g, '').replace(/[ \t\n\u00a0\u3000]{2,}|\n/g, ' ');
  if (texts.length > 0) {
    texts[0]!.value = texts[0]!.value.replace(/^[\s\u00a0\u3000]+/, '');
    texts.at(-1)!.value = texts.at(-1)!.value.replace(/[\s\u00a0\u3000]+$/, '');
  }
}

function phrasingText(children: PhrasingContent[]): string {
  return children.map((child) => ('value' in child ? child.value : 'children' in child ? phrasingText(child.children as PhrasingContent[]) : '')).join('');
}

/** The span of a run of nodes: the first start to the last end that are known. */
function spanOf(nodes: Array<{ position?: Position | undefined }>): Position | undefined {
  const first = nodes.find((node) => node.position)?.position;
  const last = [...nodes].reverse().find((node) => node.position)?.position;
  return first && last ? { start: first.start, end: last.end } : undefined;
}

/** Give a block (and a table's rows and cells) `data.location` from its position or its first positioned descendant. */
function locate<T extends RootContent>(node: T): T {
  const position = node.position ?? firstPosition(node);
  if (position) {
    node.position ??= position;
    node.data = { ...node.data, location: { line: position.start.line, column: position.start.column } };
  }
  return node;
}

function firstPosition(node: Nodes): Position | undefined {
  if (node.position) return node.position;
  if ('children' in node) {
    for (const child of node.children) {
      const found = firstPosition(child as Nodes);
      if (found) return found;
    }
  }
  return undefined;
}

/** One grid cell: its text and the element it came from. */
interface GridCell {
  text: string;
  element: Element;
  spanned: boolean;
}

/** Block elements a cell of a layout table holds, and a data table's cell does not hold many of. */
const CELL_BLOCKS = new Set(['p', 'div', 'table', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre']);

/**
 * A table that lays out a page rather than tabulating the plan: one column, or a cell that holds
 * another table, more than 8 blocks or more than 1,000 characters (a data table's cell holds a few
 * short paragraphs).
 */
function isLayoutTable(rows: Element[]): boolean {
  if (rows.every((row) => cellsOf(row).length <= 1)) return true;
  return rows.some((row) => cellsOf(row).some((cell) => {
    let blocks = 0;
    let nested = false;
    const visit = (element: Element): void => {
      for (const child of element.children) {
        if (child.type !== 'element') continue;
        if (child.tagName === 'table') nested = true;
        else if (CELL_BLOCKS.has(child.tagName)) blocks++;
        visit(child);
      }
    };
    visit(cell);
    return nested || blocks > 8 || toText(cell as ElementContent).replace(/\s+/g, '').length > 1000;
  }));
}

/**
 * A table with its merged cells repeated; a layout table (`isLayoutTable`) is read as the flow
 * its cells hold, cell after cell.
 */
function tableHandler(state: State, node: Element): Table | RootContent[] {
  const rows = findRows(node);
  if (isLayoutTable(rows)) {
    return state.toFlow(rows.flatMap((row) => cellsOf(row).flatMap((cell) => state.all(cell)))) as RootContent[];
  }
  const grid: GridCell[][] = [];
  // Spans repeat a cell into the grid: cap the grid itself, before it is built, as the tree is capped.
  let filled = 0;
  rows.forEach((row, r) => {
    const line = (grid[r] ??= []);
    let column = 0;
    for (const cell of cellsOf(row)) {
      while (line[column] !== undefined) column++;
      const text = cellText(cell);
      const rowSpan = readSpan(cell.properties.rowSpan);
      const colSpan = readSpan(cell.properties.colSpan);
      for (let down = 0; down < rowSpan && r + down < rows.length; down++) {
        const target = (grid[r + down] ??= []);
        filled += colSpan;
        if (filled > MAX_TREE_NODES) throw new ReadError(`too many parts: over ${MAX_TREE_NODES} nodes (limit ${MAX_TREE_NODES})`);
        for (let across = 0; across < colSpan; across++) target[column + across] = { text, element: cell, spanned: down > 0 || across > 0 };
      }
      column += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((line) => line.length));
  const tableRows: TableRow[] = [];
  grid.forEach((line, r) => {
    const row = rows[r]!;
    if (line.every((cell) => cell === undefined || cell.text === '')) return;
    const rowLocation = at(row.position) ?? at(line.find(Boolean)?.element.position);
    const cells = Array.from({ length: width }, (_, c): TableCell => {
      const cell = line[c];
      const location = at(cell?.element.position) ?? rowLocation;
      const data: TableCell['data'] = location ? { location } : {};
      if (cell?.spanned) data.spanned = true;
      const children: TableCell['children'] = !cell || cell.text === '' ? [] : [{ type: 'text', value: cell.text }];
      const result: TableCell = { type: 'tableCell', children, data };
      if (cell?.element.position) result.position = cell.element.position;
      return result;
    });
    const tableRow: TableRow = { type: 'tableRow', children: cells, data: rowLocation ? { location: rowLocation } : {} };
    if (row.position) tableRow.position = row.position;
    tableRows.push(tableRow);
  });
  const table: Table = { type: 'table', children: tableRows };
  if (node.position) table.position = node.position;
  return table;
}

function at(position: Position | undefined): { line: number; column: number } | undefined {
  return position ? { line: position.start.line, column: position.start.column } : undefined;
}

/** Rows of this table, not of tables nested in its cells. */
function findRows(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (node: Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'tr') rows.push(child);
      else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

function cellsOf(row: Element): Element[] {
  return row.children.filter((child): child is Element => child.type === 'element' && (child.tagName === 'td' || child.tagName === 'th'));
}

/** A cell's text: its lines (paragraphs, `<br>`s, nested tables flattened) cleaned and joined with newlines. */
function cellText(cell: Element): string {
  return toText(cell as ElementContent)
    .split(/\n+/)
    .map(cleanText)
    .filter((line) => line !== '')
    .join('\n');
}

function readSpan(value: unknown): number {
  const span = typeof value === 'number' ? value : Number.parseInt(String(value ?? '1'), 10);
  return Number.isFinite(span) && span > 1 ? Math.min(span, MAX_TABLE_SPAN) : 1;
}
