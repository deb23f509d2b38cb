/**
 * Tables of a PDF read from their borders: the text between the same four
 * rules is one cell, whatever its lines look like; the rules the cells share
 * give the rows and columns, and a cell merged over several of them is
 * repeated into each, as the docx reader does.
 */
import type { PdfGridCell, PdfLine, PdfSegment } from './lines.ts';
import type { PdfRulings } from './rulings.ts';
import { joinCellSegments, type PlacedSegment } from './segments.ts';

/** The rectangle of rules around a piece of text. */
interface CellBox {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A piece of a line that lies in one ruled cell. */
export interface RuledPiece {
  segment: PlacedSegment;
  box: CellBox;
}

// Rules this close (pt) to a segment's edge still enclose it.
const SLACK = 1;
// A box taller than this share of the page is a frame, not a cell, unless it is one column of a table.
const MAX_CELL_HEIGHT = 0.6;

/**
 * Cut a line at the vertical rules it crosses and find the cell of each
 * piece.
 *
 * @param line
 *   One line of the page.
 * @param rulings
 *   The page's rules.
 * @returns
 *   The pieces with their cells, or `null` when some of the line lies in no
 *   ruled cell (running text).
 */
export function readRuledLine(line: PdfLine, rulings: PdfRulings): RuledPiece[] | null {
  if (rulings.horizontal.length < 2 || rulings.vertical.length < 2) return null;
  const middle = line.y - 0.3 * line.size;
  const crossing = rulings.vertical
    .filter((rule) => rule.y0 - SLACK <= middle && middle <= rule.y1 + SLACK)
    .map((rule) => rule.x)
    .sort((a, b) => a - b);
  const pieces: RuledPiece[] = [];
  for (const segment of line.segments.flatMap((part) => splitAtRules(part, crossing))) {
    const placed: PlacedSegment = { ...segment, y: line.y, size: line.size };
    const box = findBox(placed, rulings, crossing);
    if (box === null) return null;
    pieces.push({ segment: placed, box });
  }
  return pieces.length > 0 ? pieces : null;
}

/**
 * Join the pieces of consecutive ruled lines into a table.
 *
 * @param pieces
 *   The pieces of a run of ruled lines, in reading order.
 * @returns
 *   One line standing for the table (its `table` holds the grid, each merged
 *   cell repeated into the positions it covers); or, for a lone framed box,
 *   one cell line.
 */
export function buildRuledCells(pieces: readonly RuledPiece[]): PdfLine[] {
  const cells = new Map<string, RuledPiece[]>();
  for (const piece of pieces) {
    const key = boxKey(piece.box);
    const cell = cells.get(key) ?? [];
    cell.push(piece);
    cells.set(key, cell);
  }
  const boxes = [...cells.values()].map((cell) => ({
    box: cell[0]!.box,
    line: joinCellSegments(cell.map((piece) => piece.segment)),
    open: fillsColumn(cell, pieces),
  }));
  const rowEdges = collectEdges(boxes.flatMap(({ box }) => [box.top, box.bottom]));
  const columnEdges = collectEdges(boxes.flatMap(({ box }) => [box.left, box.right]));
  if (rowEdges.length < 3 && columnEdges.length < 3) return boxes.map(({ line }) => line);
  const rows: PdfGridCell[][] = [];
  for (let row = 0; row + 1 < rowEdges.length; row++) {
    const line: PdfGridCell[] = [];
    let starts = false;
    for (let column = 0; column + 1 < columnEdges.length; column++) {
      const y = (rowEdges[row]! + rowEdges[row + 1]!) / 2;
      const x = (columnEdges[column]! + columnEdges[column + 1]!) / 2;
      const found = boxes.find(({ box }) => box.top < y && y < box.bottom && box.left < x && x < box.right);
      if (found === undefined) {
        line.push({ text: '', spanned: false, open: false });
        continue;
      }
      const spanned = Math.abs(found.box.top - rowEdges[row]!) > EDGE || Math.abs(found.box.left - columnEdges[column]!) > EDGE;
      if (!spanned) starts = true;
      line.push({ text: found.line.text, spanned, open: found.open });
    }
    if (starts) rows.push(line);
  }
  const first = boxes.reduce((top, cell) => (cell.line.y < top.line.y ? cell : top)).line;
  const text = rows.map((row) => row.filter((cell) => !cell.spanned).map((cell) => cell.text).join('\t')).join('\n');
  return [{ ...first, text, x: columnEdges[0]!, end: columnEdges[columnEdges.length - 1]!, table: rows }];
}

/** Whether the last line of a cell reaches as far right as any text in its column. */
function fillsColumn(cell: readonly RuledPiece[], pieces: readonly RuledPiece[]): boolean {
  const last = cell[cell.length - 1]!;
  let edge = last.segment.end;
  for (const piece of pieces) {
    if (Math.abs(piece.box.right - last.box.right) <= EDGE) edge = Math.max(edge, piece.segment.end);
  }
  return edge - last.segment.end <= 1.5 * last.segment.size;
}

// Edges closer than this (pt) are one.
const EDGE = 2;

function boxKey(box: CellBox): string {
  return [box.top, box.bottom, box.left, box.right].map((value) => Math.round(value)).join(',');
}

/** Distinct positions, ascending, near ones merged. */
function collectEdges(values: number[]): number[] {
  const edges: number[] = [];
  for (const value of [...values].sort((a, b) => a - b)) {
    if (edges.length === 0 || value - edges[edges.length - 1]! > EDGE) edges.push(value);
  }
  return edges;
}

function findBox(segment: PlacedSegment, rulings: PdfRulings, crossing: readonly number[]): CellBox | null {
  const center = (segment.x + segment.end) / 2;
  let top = Number.NEGATIVE_INFINITY;
  let bottom = Number.POSITIVE_INFINITY;
  for (const rule of rulings.horizontal) {
    if (rule.x0 - SLACK > center || rule.x1 + SLACK < center) continue;
    if (rule.y <= segment.y - 0.6 * segment.size) top = Math.max(top, rule.y);
    else if (rule.y >= segment.y - 0.1 * segment.size) bottom = Math.min(bottom, rule.y);
  }
  const left = Math.max(...crossing.filter((x) => x <= segment.x + SLACK), Number.NEGATIVE_INFINITY);
  const right = Math.min(...crossing.filter((x) => x >= segment.end - SLACK), Number.POSITIVE_INFINITY);
  const box = { top, bottom, left, right };
  if (!Object.values(box).every(Number.isFinite)) return null;
  // A tall box between the only two rules the line crosses is a frame; one column of several is a merged cell.
  if (bottom - top > MAX_CELL_HEIGHT * rulings.pageHeight && crossing.length <= 2) return null;
  return box;
}

/** Cut a segment at the vertical rules inside it (a cell's text may run up to the border). */
function splitAtRules(segment: PdfSegment, rules: readonly number[]): PdfSegment[] {
  for (const rule of rules) {
    if (segment.x >= rule - SLACK || segment.end <= rule + SLACK) continue;
    const index = segment.starts.findIndex((x) => x >= rule - SLACK);
    if (index <= 0) continue;
    const head: PdfSegment = {
      text: segment.text.slice(0, index).trimEnd(),
      x: segment.x,
      end: Math.min(rule, segment.starts[index]!),
      starts: segment.starts.slice(0, index),
    };
    head.starts.length = head.text.length;
    const tail: PdfSegment = {
      text: segment.text.slice(index).trimStart(),
      x: segment.starts[index]!,
      end: segment.end,
      starts: segment.starts.slice(segment.text.length - segment.text.slice(index).trimStart().length),
    };
    if (head.text === '' || tail.text === '') continue;
    return [head, ...splitAtRules(tail, rules)];
  }
  return [segment];
}
