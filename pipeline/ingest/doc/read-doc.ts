/**
 * The .doc reader (Word 97–2003, and Kingsoft .wps files of the same format): the main
 * text through the piece table, cut into paragraphs at their marks, field codes dropped
 * and field results kept, table cells and rows rebuilt from the paragraphs' properties
 * (a cell's end, a row's end, a cell continuing a vertical merge, repeated and marked
 * `spanned` as the .docx reader does), Word's list numbers printed back into the text.
 * Every node carries `data.location.paragraph`:
 * the 1-based index of its paragraph in the document, table cells included.
 * Headers, footers, footnotes and text boxes are not part of the main text.
 */
import type { Paragraph, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import { cleanText } from '../clean-text.ts';
import type { Reader } from '../reader.ts';
import { labelListParagraphs, readLists } from './list-numbers.ts';
import { openWordBinary, type ParagraphProperties } from './word-binary.ts';

/** A read .doc. */
export interface DocReadResult {
  tree: Root;
  warnings: string[];
}

/** One paragraph of the main text. */
interface RawParagraph {
  text: string;
  /** The mark that ends it: `\r` a paragraph, `\x07` a cell or a row. */
  mark: string;
  /** 1-based paragraph index (row-end marks not counted). */
  index: number;
  properties: ParagraphProperties;
}

interface Cell {
  text: string;
  paragraph: number;
}

/** A row as read: its cells and its row-end mark's properties (merges, boundaries). */
interface RawRow {
  cells: Cell[];
  properties: ParagraphProperties;
}

type PlacedCell = Cell & { spanned: boolean };

/** Two boundaries closer than this (twips; 1/20 pt) are one grid line. */
const BOUNDARY_TOLERANCE = 30;

/**
 * Put a table's rows on one grid of columns, as the .docx reader does with gridSpan and vMerge: the
 * columns are the boundaries of every row's cells together, a cell as wide as several columns is
 * repeated in each (the copies marked `spanned`), as is a cell that continues a horizontal or a
 * vertical merge. Rows whose boundaries are unknown keep one column per cell.
 */
function placeOnGrid(rows: RawRow[]): PlacedCell[][] {
  const lines: number[] = [];
  for (const row of rows) {
    for (const boundary of row.properties.boundaries ?? []) {
      if (!lines.some((line) => Math.abs(line - boundary) < BOUNDARY_TOLERANCE)) lines.push(boundary);
    }
  }
  lines.sort((a, b) => a - b);
  const columnAt = (boundary: number): number => lines.findIndex((line) => Math.abs(line - boundary) < BOUNDARY_TOLERANCE);
  const placed: PlacedCell[][] = [];
  let previous: PlacedCell[] | undefined;
  for (const { cells, properties } of rows) {
    const boundaries = properties.boundaries;
    const row: PlacedCell[] = [];
    cells.forEach((cell, index) => {
      const start = boundaries ? columnAt(boundaries[index] ?? Number.NaN) : -1;
      const end = boundaries ? columnAt(boundaries[index + 1] ?? Number.NaN) : -1;
      const width = start >= 0 && end > start ? end - start : 1;
      const at = start >= 0 ? start : row.length;
      while (row.length < at) row.push({ text: '', paragraph: cell.paragraph, spanned: false });
      const left = row[row.length - 1];
      const above = previous?.[at];
      let own: PlacedCell = { ...cell, spanned: false };
      if (properties.verticalContinue?.[index] && cell.text === '' && above) own = { ...above, spanned: true };
      else if (properties.horizontalContinue?.[index] && cell.text === '' && left) own = { ...left, spanned: true };
      row.push(own);
      for (let column = 1; column < width; column++) row.push({ ...own, spanned: true });
    });
    placed.push(row);
    previous = row;
  }
  return placed;
}

/** The .doc/.wps reader behind the one reader signature; a `.wps` name words the reasons for .wps. */
export const readDocFile: Reader = async (data, options) => {
  const read = readDoc(data, options.extension === '.wps' ? '.wps' : '.doc');
  return { tree: read.tree, notices: read.warnings };
};

/**
 * Read a .doc or .wps.
 *
 * @param data
 *   The file's bytes.
 * @param kind
 *   The name the file's type goes by in reasons (default: `.doc`).
 * @returns
 *   The tree and warnings.
 * @throws {ReadError}
 *   When the file is damaged, encrypted, of another program or too old.
 */
export function readDoc(data: Uint8Array, kind = '.doc'): DocReadResult {
  const word = openWordBinary(data, kind);
  const shown = new Uint8Array(word.text.length).fill(1);
  for (const [from, to] of [...word.hidden.hidden, ...word.hidden.deleted]) shown.fill(0, from, Math.min(to, shown.length));
  const paragraphs = splitParagraphs(word.text, word.paragraphAt, shown);
  // Word's list numbers are not in the text: print them back, as the .docx reader does.
  const labels = labelListParagraphs(paragraphs.map((paragraph) => ({ index: paragraph.index, list: paragraph.properties.list })), readLists(word.table, word.lists));
  for (const paragraph of paragraphs) {
    const label = labels.get(paragraph.index);
    if (label !== undefined && !paragraph.properties.rowEnd && cleanText(paragraph.text) !== '') paragraph.text = label + paragraph.text.replace(/^\s+/, '');
  }
  const children: RootContent[] = [];
  let rows: RawRow[] = [];
  let cells: Cell[] = [];
  let lines: string[] = [];
  let cellStart: number | undefined;
  const closeTable = (): void => {
    if (rows.length > 0) children.push(toTable(placeOnGrid(rows).map(toRow)));
    rows = [];
  };
  for (const paragraph of paragraphs) {
    const inTable = paragraph.properties.inTable || paragraph.mark === '\x07';
    if (!inTable) {
      closeTable();
      const text = cleanText(paragraph.text);
      if (text !== '') children.push(toParagraph(text, paragraph.index));
      continue;
    }
    if (paragraph.properties.rowEnd) {
      if (cells.length > 0) rows.push({ cells, properties: paragraph.properties });
      cells = [];
      continue;
    }
    cellStart ??= paragraph.index;
    const text = cleanText(paragraph.text);
    if (text !== '') lines.push(text);
    if (paragraph.mark === '\x07') {
      cells.push({ text: lines.join('\n'), paragraph: cellStart });
      lines = [];
      cellStart = undefined;
    }
  }
  closeTable();
  const warnings: string[] = [];
  const { hidden, deleted } = word.hidden;
  if (hidden.length > 0) warnings.push(`hidden text not read: ${hidden.length} ${hidden.length === 1 ? 'run' : 'runs'}`);
  if (deleted.length > 0) warnings.push(`text deleted under tracked changes not read: ${deleted.length} ${deleted.length === 1 ? 'run' : 'runs'}`);
  return { tree: { type: 'root', children }, warnings };
}

/**
 * Cut the text at paragraph marks; field codes (between \x13 and \x14) are dropped, results kept,
 * and characters not `shown` (hidden, deleted) left out. Marks are kept: they end cells and rows.
 */
function splitParagraphs(text: string, paragraphAt: (cp: number) => ParagraphProperties, shown: Uint8Array): RawParagraph[] {
  const paragraphs: RawParagraph[] = [];
  let current = '';
  let index = 1;
  // A stack of open fields: true while in a field's code, false in its result.
  const fields: boolean[] = [];
  for (let cp = 0; cp < text.length; cp++) {
    const char = text[cp]!;
    if (char === '\x13') { fields.push(true); continue; }
    if (char === '\x14') { if (fields.length > 0) fields[fields.length - 1] = false; continue; }
    if (char === '\x15') { fields.pop(); continue; }
    if (char === '\r' || char === '\x07' || char === '\x0c') {
      const properties = paragraphAt(cp);
      paragraphs.push({ text: current, mark: char === '\x0c' ? '\r' : char, index, properties });
      if (!properties.rowEnd) index++;
      current = '';
      continue;
    }
    if (fields.includes(true) || shown[cp] === 0) continue;
    current += char === '\x0b' ? '\n' : char === '\x1e' || char === '\u2011' ? '-' : char === '\x1f' ? '' : char < ' ' && char !== '\t' ? '' : char;
  }
  if (cleanText(current) !== '') paragraphs.push({ text: current, mark: '\r', index, properties: { inTable: false, rowEnd: false } });
  return paragraphs;
}

function toParagraph(text: string, paragraph: number): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: text }], data: { location: { paragraph } } };
}

function toRow(cells: Array<Cell & { spanned: boolean }>): TableRow {
  const own = cells.filter((cell) => !cell.spanned);
  const paragraph = Math.min(...(own.length > 0 ? own : cells).map((cell) => cell.paragraph));
  return {
    type: 'tableRow',
    children: cells.map((cell): TableCell => ({
      type: 'tableCell',
      children: cell.text === '' ? [] : [{ type: 'text', value: cell.text }],
      data: cell.spanned ? { location: { paragraph: cell.paragraph }, spanned: true } : { location: { paragraph: cell.paragraph } },
    })),
    data: { location: { paragraph } },
  };
}

function toTable(rows: TableRow[]): Table {
  const width = Math.max(...rows.map((row) => row.children.length));
  for (const row of rows) {
    while (row.children.length < width) row.children.push({ type: 'tableCell', children: [], data: { ...row.data } });
  }
  return { type: 'table', children: rows, data: { location: { ...rows[0]!.data!.location! } } };
}
