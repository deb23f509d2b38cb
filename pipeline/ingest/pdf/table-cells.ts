/**
 * Tables in a PDF are only text placed in columns. Read line by line, a cell
 * that wraps over two lines gets interleaved with the cell beside it, which is
 * centred between those lines. This module finds table regions and returns
 * their cells, each one a line of its own: cells enclosed by drawn borders
 * (see pdf-ruled-cells.ts), else cells guessed from the layout (lines cut by
 * column-wide gaps, segments stacked in a column at the wrap pitch).
 */
import { matchLeadingChunk } from './glyphs.ts';
import type { PdfLine, PdfSegment } from './lines.ts';
import type { PdfRulings } from './rulings.ts';
import { joinCellSegments, splitAtColumns, type PlacedSegment } from './segments.ts';
import { buildRuledCells, readRuledLine } from './ruled-cells.ts';

interface Cell {
  segments: PlacedSegment[];
}

// A table region ends at a vertical gap wider than this (in em).
const REGION_GAP = 3;
// Intra-cell line pitch may vary by this factor before it counts as a new row.
const PITCH_SLACK = 1.2;

/**
 * Replace the table regions of a page by their cells.
 *
 * @param lines
 *   The page's lines, top to bottom.
 * @param rulings
 *   The page's drawn rules (optional).
 * @returns
 *   The lines with each table region replaced by one line per cell (marked
 *   `cell`), row by row and left to right; other lines unchanged.
 */
export function rebuildTableCells(lines: readonly PdfLine[], rulings?: PdfRulings): PdfLine[] {
  const ruled = lines.map((line) => (rulings === undefined ? null : readRuledLine(line, rulings)));
  const out: PdfLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (ruled[i] != null) {
      let j = i;
      while (j < lines.length && ruled[j] != null) j++;
      out.push(...buildRuledCells(ruled.slice(i, j).flatMap((pieces) => pieces ?? [])));
      i = j;
      continue;
    }
    if (line.segments.length < 2) {
      out.push(line);
      i += 1;
      continue;
    }
    const gaps = findGaps(line);
    let tabular = 1;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const next = lines[j]!;
      if (ruled[j] != null || next.y - lines[j - 1]!.y > REGION_GAP * next.size) break;
      if (next.segments.length >= 2) {
        gaps.push(...findGaps(next));
        tabular += 1;
      } else if (gaps.some(([from, to]) => next.x < from && next.end > to)) {
        break;
      }
    }
    const region = lines.slice(i, j);
    if (tabular >= 2) out.push(...buildCells(region));
    else out.push(...region);
    i = j;
  }
  return out;
}

function findGaps(line: PdfLine): Array<[number, number]> {
  const gaps: Array<[number, number]> = [];
  for (let k = 1; k < line.segments.length; k++) {
    gaps.push([line.segments[k - 1]!.end, line.segments[k]!.x]);
  }
  return gaps;
}

function overlaps(a: PdfSegment, b: PdfSegment): boolean {
  return a.x < b.end && b.x < a.end;
}

function buildCells(region: readonly PdfLine[]): PdfLine[] {
  const columns = findColumnStarts(region);
  const segments: PlacedSegment[] = region
    .flatMap((line) =>
      line.segments.flatMap((segment) =>
        splitAtColumns(segment, columns, line.size).map((part) => ({ ...part, y: line.y, size: line.size })),
      ),
    )
    .sort((a, b) => a.y - b.y || a.x - b.x);
  const pitch = findWrapPitch(segments);
  const cells: Cell[] = [];
  for (const segment of segments) {
    const above = cells
      .filter((cell) => {
        const last = cell.segments[cell.segments.length - 1]!;
        return last.y < segment.y && overlaps(last, segment);
      })
      .sort((a, b) => b.segments[b.segments.length - 1]!.y - a.segments[a.segments.length - 1]!.y)[0];
    const last = above?.segments[above.segments.length - 1];
    if (
      above !== undefined &&
      last !== undefined &&
      segment.y - last.y <= pitch * PITCH_SLACK &&
      wrapsInto(last, segment, findColumnEdge(last, segments))
    ) {
      above.segments.push(segment);
    } else {
      cells.push({ segments: [segment] });
    }
  }
  return cells.map((cell) => joinCellSegments(cell.segments));
}

/**
 * Left edges of the columns after the first: where segments that follow a
 * column-wide gap start, seen on at least two lines.
 */
function findColumnStarts(region: readonly PdfLine[]): number[] {
  const starts = region.flatMap((line) => line.segments.slice(1).map((segment) => ({ x: segment.x, size: line.size })));
  const columns: number[] = [];
  for (const start of starts) {
    const near = starts.filter((other) => Math.abs(other.x - start.x) <= 0.5 * start.size);
    if (near.length >= 2 && !columns.some((x) => Math.abs(x - start.x) <= 0.5 * start.size)) {
      columns.push(Math.min(...near.map((other) => other.x)));
    }
  }
  return columns;
}

/**
 * The baseline distance of a cell wrapping onto its next line: the smallest
 * distance between stacked segments, if some stacked segments are clearly
 * further apart (rows); otherwise no cell wraps and every segment is a cell.
 */
function findWrapPitch(segments: readonly PlacedSegment[]): number {
  const distances: number[] = [];
  segments.forEach((segment, index) => {
    for (let k = index - 1; k >= 0; k--) {
      const other = segments[k]!;
      if (other.y < segment.y && overlaps(other, segment)) {
        distances.push(segment.y - other.y);
        break;
      }
    }
  });
  if (distances.length === 0) return 0;
  // The lower quartile, not the minimum: fallback glyphs make some lines a little taller.
  const pitch = [...distances].sort((a, b) => a - b)[Math.floor(distances.length / 4)]!;
  return distances.some((distance) => distance > pitch * PITCH_SLACK * 1.05) ? pitch : 0;
}

/** The right edge of a segment's column: the furthest end of the segments that start where it starts. */
function findColumnEdge(segment: PlacedSegment, segments: readonly PlacedSegment[]): number {
  let edge = segment.end;
  for (const other of segments) {
    if (Math.abs(other.x - segment.x) <= 0.5 * segment.size) edge = Math.max(edge, other.end);
  }
  return edge;
}

/** A cell line wraps when the next line's first chunk would not have fitted after it. */
function wrapsInto(last: PlacedSegment, next: PlacedSegment, edge: number): boolean {
  const chunk = matchLeadingChunk(next.text).length;
  const chunkEnd = next.starts[chunk] ?? next.end;
  return edge - last.end <= chunkEnd - next.x + 0.3 * next.size;
}

