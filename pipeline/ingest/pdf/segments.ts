/**
 * Operations on line segments shared by the two table readers: cutting a
 * segment at column edges, and joining the segments of one cell.
 */
import type { PdfLine, PdfSegment } from './lines.ts';

/** A segment with the baseline and font size of its line. */
export interface PlacedSegment extends PdfSegment {
  y: number;
  size: number;
}

/**
 * Cut a segment where it runs over a column start: a cell filled to its edge
 * leaves no column-wide gap before the next cell's text.
 *
 * @param segment
 *   The segment.
 * @param columns
 *   Left edges of columns (or x of vertical rules).
 * @param size
 *   Font size of the segment's line.
 * @returns
 *   The segment, or its parts left to right.
 */
export function splitAtColumns(segment: PdfSegment, columns: readonly number[], size: number): PdfSegment[] {
  for (const column of columns) {
    if (segment.x >= column - 0.5 * size || segment.end <= column + 0.5 * size) continue;
    const index = segment.starts.findIndex((x) => x >= column - 0.25 * size);
    if (index <= 0 || Math.abs(segment.starts[index]! - column) > 0.5 * size) continue;
    const head: PdfSegment = {
      text: segment.text.slice(0, index).trimEnd(),
      x: segment.x,
      end: segment.starts[index]!,
      starts: segment.starts.slice(0, index),
    };
    head.starts.length = head.text.length;
    const tail: PdfSegment = {
      text: segment.text.slice(index),
      x: segment.starts[index]!,
      end: segment.end,
      starts: segment.starts.slice(index),
    };
    return [head, ...splitAtColumns(tail, columns, size)];
  }
  return [segment];
}

/**
 * Join the segments of one table cell, top to bottom, into a line of its own.
 *
 * @param segments
 *   The cell's segments in reading order (at least one).
 * @returns
 *   A line marked `cell`, at the first segment's baseline.
 */
export function joinCellSegments(segments: readonly PlacedSegment[]): PdfLine {
  const first = segments[0]!;
  let text = '';
  for (const segment of segments) {
    const joint = /[A-Za-z]$/.test(text) && /^[A-Za-z]/.test(segment.text) ? ' ' : '';
    text += joint + segment.text;
  }
  const x = Math.min(...segments.map((segment) => segment.x));
  const end = Math.max(...segments.map((segment) => segment.end));
  const starts = segments.flatMap((segment) => segment.starts);
  return { text, x, end, y: first.y, size: first.size, leadWidth: 0, segments: [{ text, x, end, starts }], cell: true };
}
