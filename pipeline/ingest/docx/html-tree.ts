/**
 * Turn mammoth's HTML of a paragraph-tagged .docx into an mdast tree. Each
 * paragraph's text starts at the `<a id="plancheck-p-N">` mammoth wrote for our
 * bookmark, so every node knows its `w:p` index without counting HTML blocks.
 * Headings keep their depth, list items become paragraphs, tables stay tables
 * with merged cells repeated into every row and column they cover.
 */
import type { AnyNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { Heading, Paragraph, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import { cleanText } from '../clean-text.ts';
import { PARAGRAPH_BOOKMARK_PREFIX } from './paragraphs.ts';
import { isElement } from './xml.ts';
import { MAX_TABLE_SPAN } from '../expansion-caps.ts';
import type { SourceLocation } from '../../../model/document.ts';

/** What a docx node carries in `data`. */
export interface DocxNodeData {
  location: SourceLocation;
  /** On a table cell: a copy of a merged cell in a row or column it spans. */
  spanned?: true;
}

/** The text of one paragraph as found in the HTML. */
interface Segment {
  /** 1-based `w:p` index; undefined for text outside the body (footnotes). */
  paragraph: number | undefined;
  /** Heading depth when the paragraph is a heading. */
  depth: number | undefined;
  text: string;
  /** In-document links met in the segment (a footnote's link back to its reference). */
  links: string[];
}

type Item = { kind: 'segment'; segment: Segment } | { kind: 'table'; element: Element };

const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'td', 'th', 'tr', 'table', 'blockquote', 'div', 'pre']);

/** What the tree builder knows from word/document.xml itself. */
export interface DocxTreeOptions {
  /** Numbering labels by paragraph index (from `labelParagraphs`). */
  labels: ReadonlyMap<number, string>;
  /** For paragraphs in tables: index of the first paragraph of their row. */
  rowStarts: ReadonlyMap<number, number>;
}

/**
 * Build the tree from mammoth's HTML.
 *
 * @param html
 *   mammoth's output for the bookmarked document.
 * @param options
 *   Labels and row starts from the document part.
 * @returns
 *   The tree and warnings about text that could not be placed.
 */
export function buildDocxTree(html: string, options: DocxTreeOptions): { tree: Root; warnings: string[] } {
  const { labels } = options;
  const document = parseDocument(html);
  const items: Item[] = [];
  const anchors = new Map<string, number>();
  collect(document.children, items, anchors, { depth: undefined, flattenTables: false });

  const warnings: string[] = [];
  const children: RootContent[] = [];
  let dropped = 0;
  for (const item of items) {
    if (item.kind === 'table') {
      const table = buildTable(item.element, anchors, options);
      if (table) children.push(table);
      continue;
    }
    const segment = item.segment;
    const paragraph = segment.paragraph ?? resolveLinks(segment.links, anchors);
    const text = cleanText(segment.text);
    if (text === '') continue;
    if (paragraph === undefined) {
      dropped++;
      continue;
    }
    children.push(toBlock(segment.depth, (labels.get(paragraph) ?? '') + text, paragraph));
  }
  if (dropped > 0) warnings.push(`Dropped ${dropped} piece(s) of text that belong to no paragraph of the document body`);
  // Footnotes come last in the HTML; a stable sort puts each after the paragraph that cites it.
  const at = (node: RootContent): number => (node.data as DocxNodeData | undefined)?.location.paragraph ?? 0;
  children.sort((a, b) => at(a) - at(b));
  return { tree: { type: 'root', children }, warnings };
}

interface Context {
  depth: number | undefined;
  flattenTables: boolean;
}

/** Walk HTML nodes, cutting text into segments at paragraph anchors and block boundaries. */
function collect(nodes: AnyNode[], items: Item[], anchors: Map<string, number>, context: Context): void {
  const current = (): Segment => {
    const last = items.at(-1);
    if (last?.kind === 'segment') return last.segment;
    const segment: Segment = { paragraph: undefined, depth: context.depth, text: '', links: [] };
    items.push({ kind: 'segment', segment });
    return segment;
  };
  const startSegment = (paragraph: number | undefined, depth: number | undefined): void => {
    items.push({ kind: 'segment', segment: { paragraph, depth, text: '', links: [] } });
  };

  for (const node of nodes) {
    if (node.type === 'text') {
      current().text += node.data;
      continue;
    }
    if (!isElement(node)) continue;
    const name = node.name;
    if (name === 'table' && !context.flattenTables) {
      items.push({ kind: 'table', element: node });
      continue;
    }
    if (name === 'br') {
      current().text += '\n';
      continue;
    }
    if (name === 'a') {
      const id = node.attribs.id;
      const href = node.attribs.href;
      if (id?.startsWith(PARAGRAPH_BOOKMARK_PREFIX)) {
        const index = Number(id.slice(PARAGRAPH_BOOKMARK_PREFIX.length));
        startSegment(index, context.depth);
        continue;
      }
      if (id !== undefined) {
        const owner = current().paragraph;
        if (owner !== undefined) anchors.set(id, owner);
      }
      // Note references ([1]) and back links (↑) are navigation, not text.
      if (href !== undefined && /^#(footnote|endnote|comment)-/.test(href)) {
        current().links.push(href.slice(1));
        continue;
      }
    }
    const heading = /^h([1-6])$/.exec(name);
    const inner: Context = heading ? { ...context, depth: Number(heading[1]) } : context;
    if (BLOCK.has(name)) startSegment(undefined, inner.depth);
    collect(node.children, items, anchors, inner);
    if (BLOCK.has(name)) startSegment(undefined, context.depth);
  }
}

/** Locate a footnote at the paragraph that refers to it. */
function resolveLinks(links: string[], anchors: Map<string, number>): number | undefined {
  for (const link of links) {
    const found = anchors.get(link);
    if (found !== undefined) return found;
  }
  return undefined;
}

function toBlock(depth: number | undefined, text: string, paragraph: number): Heading | Paragraph {
  const data: DocxNodeData = { location: { paragraph } };
  const children: Paragraph['children'] = [{ type: 'text', value: text, data: { location: { paragraph } } }];
  if (depth !== undefined) return { type: 'heading', depth: depth as Heading['depth'], children, data };
  return { type: 'paragraph', children, data };
}

interface GridCell {
  text: string;
  paragraph: number | undefined;
  spanned: boolean;
}

/** A table with every merged cell repeated into the grid positions it covers. */
function buildTable(
  element: Element,
  anchors: Map<string, number>,
  options: DocxTreeOptions,
): Table | undefined {
  const grid: GridCell[][] = [];
  const rows = findRows(element);
  rows.forEach((row, rowIndex) => {
    const line = (grid[rowIndex] ??= []);
    let column = 0;
    for (const cell of row.children.filter((child): child is Element => isElement(child, 'td') || isElement(child, 'th'))) {
      while (line[column] !== undefined) column++;
      const content = readCell(cell, anchors, options.labels);
      const rowSpan = readSpan(cell.attribs.rowspan);
      const colSpan = readSpan(cell.attribs.colspan);
      for (let down = 0; down < rowSpan && rowIndex + down < rows.length; down++) {
        const target = (grid[rowIndex + down] ??= []);
        for (let across = 0; across < colSpan; across++) {
          target[column + across] = { ...content, spanned: down > 0 || across > 0 };
        }
      }
      column += colSpan;
    }
  });

  const tableRows: TableRow[] = [];
  for (const line of grid) {
    // A row starts at its first w:p, which may sit in a merged-away cell; a row made only of copies at theirs.
    const own = firstParagraph(line.filter((cell) => !cell?.spanned));
    const paragraph = (own === undefined ? undefined : options.rowStarts.get(own) ?? own) ?? firstParagraph(line);
    if (paragraph === undefined) continue;
    const cells = Array.from(line, (cell): TableCell => {
      const at = cell?.paragraph ?? paragraph;
      const text = cell?.text ?? '';
      const data: DocxNodeData = cell?.spanned ? { location: { paragraph: at }, spanned: true } : { location: { paragraph: at } };
      const children: TableCell['children'] = text === '' ? [] : [{ type: 'text', value: text, data: { location: { paragraph: at } } }];
      return { type: 'tableCell', children, data };
    });
    tableRows.push({ type: 'tableRow', children: cells, data: { location: { paragraph } } });
  }
  const first = tableRows[0];
  if (!first) return undefined;
  return { type: 'table', children: tableRows, data: { location: { ...(first.data as DocxNodeData).location } } };
}

function firstParagraph(cells: Array<GridCell | undefined>): number | undefined {
  let first: number | undefined;
  for (const cell of cells) {
    if (cell?.paragraph !== undefined && (first === undefined || cell.paragraph < first)) first = cell.paragraph;
  }
  return first;
}

/** Rows of this table, not of tables nested in its cells. */
function findRows(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (node: Element): void => {
    for (const child of node.children) {
      if (!isElement(child)) continue;
      if (child.name === 'tr') rows.push(child);
      else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') visit(child);
    }
  };
  visit(table);
  return rows;
}

/** A cell's text: its paragraphs (nested tables flattened) joined with newlines. */
function readCell(
  cell: Element,
  anchors: Map<string, number>,
  labels: ReadonlyMap<number, string>,
): { text: string; paragraph: number | undefined } {
  const items: Item[] = [];
  collect(cell.children, items, anchors, { depth: undefined, flattenTables: true });
  const lines: string[] = [];
  let paragraph: number | undefined;
  for (const item of items) {
    if (item.kind !== 'segment') continue;
    const index = item.segment.paragraph;
    if (index !== undefined) paragraph ??= index;
    const text = cleanText(item.segment.text);
    if (text !== '') lines.push((index === undefined ? '' : (labels.get(index) ?? '')) + text);
  }
  return { text: lines.join('\n'), paragraph };
}

function readSpan(value: string | undefined): number {
  const span = value === undefined ? 1 : Number.parseInt(value, 10);
  return Number.isFinite(span) && span > 1 ? Math.min(span, MAX_TABLE_SPAN) : 1;
}
