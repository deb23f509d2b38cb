/**
 * Plain-text reader: one paragraph per non-empty line, each with its unist
 * position and `data.location` (line, column). A plain-text table (cells one
 * per line, or tab-separated) stays text here.
 */
import type { Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { Position } from 'unist';
import { cleanText } from '../clean-text.ts';
import type { Reader } from '../reader.ts';
import { decodeTextDocument } from '../text-document.ts';
import { findTextTables, type TextTable } from '../text-tables.ts';

/** The plain-text reader: bytes decoded (encoding detected), then `parseText`. */
export const readTxt: Reader = async (data) => {
  const decoded = decodeTextDocument(data);
  return { tree: parseText(decoded.text), notices: decoded.warnings, encoding: decoded.encoding };
};

/**
 * Build the tree of a decoded plain text.
 *
 * @param text
 *   The decoded text.
 * @returns
 *   An mdast root whose children are positioned paragraphs.
 */
export function parseText(text: string): Root {
  const children: RootContent[] = [];
  let offset = 0;
  const lines = text.split(/\r\n|\r|\n/);
  const breaks = [...text.matchAll(/\r\n|\r|\n/g)].map((m) => m[0].length);
  const starts: number[] = [];
  for (let index = 0; index < lines.length; index++) {
    starts.push(offset);
    offset += lines[index]!.length + (breaks[index] ?? 0);
  }
  const tables = findTextTables(lines, cleanText);
  let next = 0;
  for (let index = 0; index < lines.length; index++) {
    const table = tables[next];
    if (table && index === table.from) {
      children.push(toTableNode(table, lines, starts));
      index = table.to - 1;
      next++;
      continue;
    }
    const raw = lines[index]!;
    const value = cleanText(raw);
    if (value === '') continue;
    const position = linePosition(raw, index, starts[index]!);
    children.push({
      type: 'paragraph',
      // The paragraph carries the position; its one text node does not repeat it (a model stays small per line).
      children: [{ type: 'text', value }],
      position,
      data: { location: { line: index + 1, column: position.start.column } },
    });
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text, lines) } };
}

/** The position of a line's text without its leading and trailing spaces. */
function linePosition(raw: string, index: number, lineStart: number): Position {
  const leading = raw.length - raw.trimStart().length;
  const trimmedEnd = raw.trimEnd().length;
  const line = index + 1;
  return {
    start: { line, column: leading + 1, offset: lineStart + leading },
    end: { line, column: trimmedEnd + 1, offset: lineStart + trimmedEnd },
  };
}

/** A table rebuilt from lines as an mdast table: every row and cell located at its line. */
function toTableNode(table: TextTable, lines: readonly string[], starts: readonly number[]): Table {
  const rows: TableRow[] = table.rows.map((row) => {
    const line = row[0]!.line;
    const cells: TableCell[] = row.map((cell) => {
      const data: { location: { line: number; column: number }; spanned?: boolean } = { location: { line: cell.line, column: 1 } };
      if (cell.spanned) data.spanned = true;
      return { type: 'tableCell', children: cell.text === '' ? [] : [{ type: 'text', value: cell.text }], data };
    });
    return { type: 'tableRow', children: cells, data: { location: { line, column: 1 } } };
  });
  const first = linePosition(lines[table.from]!, table.from, starts[table.from]!);
  const last = linePosition(lines[table.to - 1]!, table.to - 1, starts[table.to - 1]!);
  return { type: 'table', children: rows, position: { start: first.start, end: last.end }, data: { location: { line: table.from + 1, column: 1 } } };
}

function endPoint(text: string, lines: string[]) {
  const last = lines[lines.length - 1] ?? '';
  return { line: lines.length, column: last.length + 1, offset: text.length };
}
