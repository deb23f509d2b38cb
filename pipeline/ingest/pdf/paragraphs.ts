/**
 * Rebuild paragraphs from the lines of a PDF. A line wraps into the next
 * unless the layout says the paragraph ended: the line stops short of the
 * right margin by more than the next line's first word, the next line is
 * indented, changes size, follows a wider gap, or opens with an outline
 * marker. A table cell, or a whole ruled table, stands on its own. A paragraph may run on over a page break; it keeps its first page.
 */
import type { PdfGridCell, PdfLine } from './lines.ts';
import type { PdfPage } from './furniture.ts';

/** One row of a ruled table. */
export interface PdfTableRow {
  /** 1-based page the row starts on. */
  page: number;
  /** The row's cells, a merged cell repeated into each position it covers. */
  cells: PdfGridCell[];
}

/** One rebuilt paragraph, or a ruled table. */
export interface PdfParagraph {
  text: string;
  /** 1-based page of its first line. */
  page: number;
  /** For a table: its rows. */
  table?: PdfTableRow[];
  /** For recognised text (OCR): the engine's confidence in each of its lines, 0 to 1. */
  confidence?: number[];
}

interface Margins {
  left: number;
  right: number;
  /** Usual distance between two baselines of a paragraph. */
  pitch: number;
  /** Font size of most of the text. */
  bodySize: number;
}

interface PlacedLine extends PdfLine {
  page: number;
  margins: Margins;
}

const OUTLINE_MARKER =
  /^(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)]|\d+[．.、](?!\d)|[（(]\d+[）)]|附件)/;
const TERMINAL = /[。；：！？!?;:]$/;
// Indentation (in em) that starts a paragraph.
const INDENT = 1.5;
// Font size ratio beyond which two lines belong to different paragraphs.
const SIZE_CHANGE = 0.15;
// Gap between baselines, in multiples of the usual pitch, that separates paragraphs.
const WIDE_GAP = 1.7;

/**
 * Join the lines of all pages into paragraphs.
 *
 * @param pages
 *   Pages without furniture, lines top to bottom.
 * @returns
 *   The paragraphs in reading order.
 */
export function buildPdfParagraphs(pages: readonly PdfPage[]): PdfParagraph[] {
  const margins = measureMargins(pages);
  const lines: PlacedLine[] = pages.flatMap((page) =>
    page.lines.map((line) => ({ ...line, page: page.number, margins: margins.get(pageKey(page))! })),
  );
  const paragraphs: PdfParagraph[] = [];
  let previous: PlacedLine | undefined;
  for (const line of lines) {
    const open = paragraphs[paragraphs.length - 1];
    if (previous === undefined || open === undefined || startsParagraph(previous, line)) {
      const { text, page, table } = line;
      const paragraph: PdfParagraph = table === undefined ? { text, page } : { text, page, table: table.map((cells) => ({ page, cells })) };
      if (line.confidence !== undefined) paragraph.confidence = [line.confidence];
      paragraphs.push(paragraph);
    } else {
      const joint = /[A-Za-z]$/.test(open.text) && /^[A-Za-z]/.test(line.text) ? ' ' : '';
      open.text += joint + line.text;
      if (line.confidence !== undefined) (open.confidence ??= []).push(line.confidence);
    }
    previous = line;
  }
  return paragraphs;
}

function startsParagraph(before: PlacedLine, line: PlacedLine): boolean {
  const em = line.size;
  if (line.cell === true || before.cell === true) return true;
  if (Math.abs(line.size - before.size) > SIZE_CHANGE * Math.max(line.size, before.size)) return true;
  if (isTitleWrap(before, line)) return false;
  if (line.x - line.margins.left >= INDENT * em) return true;
  if (before.margins.right - before.end > line.leadWidth + 0.3 * before.size) return true;
  if (OUTLINE_MARKER.test(line.text)) {
    const short = line.margins.right - line.end > 2 * em;
    if (short || TERMINAL.test(before.text)) return true;
  }
  return line.page === before.page && line.y - before.y > WIDE_GAP * line.margins.pitch;
}

/**
 * A title set larger than the body and centred wraps onto a centred line; its
 * first line may fill the measure.
 */
function isTitleWrap(before: PlacedLine, line: PlacedLine): boolean {
  if (line.page !== before.page || line.size < 1.15 * line.margins.bodySize) return false;
  if (TERMINAL.test(before.text) || line.y - before.y > 2.5 * line.size) return false;
  const [left, right] = measureSides(line);
  const [beforeLeft, beforeRight] = measureSides(before);
  return (
    left >= 0.5 * line.size &&
    Math.abs(left - right) <= line.size &&
    beforeLeft >= 0.5 * before.size &&
    Math.abs(beforeLeft - beforeRight) <= before.size
  );
}

function measureSides(line: PlacedLine): [number, number] {
  return [line.x - line.margins.left, line.margins.right - line.end];
}

/** Pages of one size share their margins (portrait and landscape pages differ). */
function pageKey(page: PdfPage): string {
  return `${Math.round(page.width)}x${Math.round(page.height)}`;
}

function measureMargins(pages: readonly PdfPage[]): Map<string, Margins> {
  const bySize = new Map<string, PdfPage[]>();
  for (const page of pages) {
    const group = bySize.get(pageKey(page)) ?? [];
    group.push(page);
    bySize.set(pageKey(page), group);
  }
  const margins = new Map<string, Margins>();
  for (const [key, group] of bySize) {
    const lines = group.flatMap((page) => page.lines.filter((line) => line.cell !== true));
    const pitches: number[] = [];
    for (const page of group) {
      page.lines.forEach((line, i) => {
        const next = page.lines[i + 1];
        if (next !== undefined && Math.abs(next.size - line.size) < 0.01) pitches.push(next.y - line.y);
      });
    }
    margins.set(key, {
      left: findCommonEdge(lines.map((line) => line.x), 'min'),
      right: findCommonEdge(lines.map((line) => line.end), 'max'),
      pitch: pitches.length >= 3 ? median(pitches) : Number.POSITIVE_INFINITY,
      bodySize: findBodySize(lines),
    });
  }
  return margins;
}

/**
 * The edge most lines share: the position with the most lines within 1.5 pt,
 * the outermost one on a tie; the outermost position when no two lines agree.
 */
function findCommonEdge(values: number[], side: 'min' | 'max'): number {
  const sorted = [...values].sort((a, b) => (side === 'min' ? a - b : b - a));
  let best = sorted[0] ?? 0;
  let bestCount = 1;
  // The values within 1.5 pt of sorted[i] are the run sorted[from..to) around it.
  let from = 0;
  let to = 0;
  for (let i = 0; i < sorted.length; i++) {
    const value = sorted[i]!;
    while (Math.abs(sorted[from]! - value) > 1.5) from++;
    if (to < i) to = i;
    while (to < sorted.length && Math.abs(sorted[to]! - value) <= 1.5) to++;
    const count = to - from;
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

function findBodySize(lines: readonly PdfLine[]): number {
  const weights = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    weights.set(size, (weights.get(size) ?? 0) + line.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, weight] of weights) {
    if (weight > bestWeight) {
      best = size;
      bestWeight = weight;
    }
  }
  return best;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
