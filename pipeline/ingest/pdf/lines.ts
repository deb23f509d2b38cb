/**
 * Rebuild the text lines of one PDF page from the short runs a PDF engine reports:
 * runs on one baseline form a line, read left to right, joined without the
 * spaces that layout (not text) put between Chinese and numbers.
 */
import {
  estimateCharWidth,
  isAsciiGraphic,
  isLatinAlnum,
  matchLeadingChunk,
  normalizeIdeographs,
} from './glyphs.ts';

/** One run of text in page coordinates (origin top left, y growing downwards). */
export interface PdfTextRun {
  text: string;
  /** Left edge. */
  x: number;
  /** Baseline. */
  y: number;
  /** Advance width of the whole run. */
  width: number;
  /** Font size, the em the other measures are compared with. */
  size: number;
  /**
   * Advance of each character of `text` (by code point), when the engine
   * knows where every glyph is; otherwise they are estimated from `width`.
   */
  advances?: readonly number[];
  /** For recognised text (OCR): the engine's confidence in the run, 0 to 1. */
  confidence?: number;
}

/** A stretch of a line without a column-wide gap: the line itself, or one table cell's part of it. */
export interface PdfSegment {
  text: string;
  x: number;
  end: number;
  /** Left edge of the glyph behind each UTF-16 unit of `text` (an added space takes the next glyph's). */
  starts: number[];
}

/** One position of a table grid read from a PDF; a merged cell repeats its text. */
export interface PdfGridCell {
  text: string;
  /** Set on the copies of a merged cell, not on the cell where it starts. */
  spanned: boolean;
  /** Whether the cell's last line fills the column, so its text may go on past a page break. */
  open: boolean;
}

/** One rebuilt line of a page. */
export interface PdfLine {
  text: string;
  /** Left edge of the first visible character. */
  x: number;
  /** Right edge of the last visible character. */
  end: number;
  /** Baseline. */
  y: number;
  /** Font size of most of the line's characters. */
  size: number;
  /** Width of the chunk that starts the line and cannot be split from it at a line break. */
  leadWidth: number;
  /** The line cut at column-wide gaps; one segment for running text. */
  segments: PdfSegment[];
  /** Set on a table cell rebuilt from several lines: it is a paragraph of its own. */
  cell?: boolean;
  /** Set on a stand-in for a whole ruled table: its rows of cells. */
  table?: PdfGridCell[][];
  /** For recognised text (OCR): the lowest confidence of its runs, 0 to 1. */
  confidence?: number;
}

interface Glyph {
  char: string;
  x0: number;
  x1: number;
  /** Index of the run the glyph comes from. */
  run: number;
}

// Items closer than this (in em) on the same baseline with the same text are
// one run drawn twice (fake bold), not two.
const DUPLICATE_DISTANCE = 0.3;
// Baselines closer than this (in em) are one line.
const BASELINE_TOLERANCE = 0.4;
// A gap wider than this (in em) between two Latin characters of different runs is a space.
const SPACE_GAP = 0.15;
// A gap at least this wide (in em) separates table columns; justified text never has one.
const COLUMN_GAP = 1;

/**
 * Group the runs of one page into lines, top to bottom.
 *
 * @param runs
 *   The page's text runs, in any order.
 * @returns
 *   Its lines, top to bottom, each with text and geometry; lines without
 *   visible text are left out.
 */
export function buildPdfLines(runs: readonly PdfTextRun[]): PdfLine[] {
  const visible = runs
    .filter((run) => run.size > 0 && run.text.trim() !== '')
    .sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PdfTextRun[][] = [];
  let current: PdfTextRun[] = [];
  let anchor: PdfTextRun | undefined;
  for (const run of visible) {
    if (anchor !== undefined && Math.abs(run.y - anchor.y) <= BASELINE_TOLERANCE * Math.max(run.size, anchor.size)) {
      current.push(run);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [run];
    anchor = run;
  }
  if (current.length > 0) groups.push(current);
  return groups.map(composeLine).filter((line): line is PdfLine => line !== null);
}

function composeLine(group: PdfTextRun[]): PdfLine | null {
  const runs = dropDuplicates([...group].sort((a, b) => a.x - b.x));
  const glyphs: Glyph[] = [];
  // Indexes of glyphs that whitespace precedes, within a run or across runs.
  const spaced = new Set<number>();
  let maxChars = 0;
  let size = runs[0]?.size ?? 0;
  for (let index = 0; index < runs.length; index++) {
    const run = runs[index]!;
    const chars = [...normalizeIdeographs(run.text)];
    const blank = chars.map(isBlank);
    const advances = estimateAdvances(chars, blank, run);
    let x = run.x;
    let visibleChars = 0;
    for (let k = 0; k < chars.length; k++) {
      const advance = advances[k]!;
      if (blank[k]) {
        spaced.add(glyphs.length);
      } else {
        glyphs.push({ char: chars[k]!, x0: x, x1: x + advance, run: index });
        visibleChars += 1;
      }
      x += advance;
    }
    if (visibleChars > maxChars) {
      maxChars = visibleChars;
      size = run.size;
    }
  }
  const first = glyphs[0];
  const last = glyphs[glyphs.length - 1];
  if (first === undefined || last === undefined) return null;
  let text = first.char;
  let plain = first.char;
  const segments: PdfSegment[] = [startSegment(first)];
  let segment = segments[0]!;
  for (let i = 1; i < glyphs.length; i++) {
    const before = glyphs[i - 1]!;
    const after = glyphs[i]!;
    const space = needsSpace(before, after, spaced.has(i), size) ? ' ' : '';
    text += space + after.char;
    plain += after.char;
    if (after.x0 - before.x1 >= COLUMN_GAP * size) {
      segment = startSegment(after);
      segments.push(segment);
    } else {
      segment.text += space + after.char;
      for (let unit = space.length + after.char.length; unit > 0; unit--) segment.starts.push(after.x0);
      segment.end = after.x1;
    }
  }
  const chunk = [...matchLeadingChunk(plain)].length;
  const chunkEnd = glyphs[Math.max(0, chunk - 1)] ?? first;
  let baselines = 0;
  for (const run of runs) baselines += run.y;
  const line: PdfLine = {
    text,
    x: first.x0,
    end: last.x1,
    y: baselines / runs.length,
    size,
    leadWidth: chunkEnd.x1 - first.x0,
    segments,
  };
  const confidences = runs.flatMap((run) => (run.confidence === undefined ? [] : [run.confidence]));
  if (confidences.length > 0) line.confidence = Math.min(...confidences);
  return line;
}

function isBlank(char: string): boolean {
  return /\s/.test(char);
}

/**
 * Advance of each character of a run: as the engine measured them, or, where
 * it reports only the run's width (pdfjs), estimated; a
 * space inside a run may stand for a wide gap (between table cells), so the
 * characters keep their usual width and the spaces take what is left.
 */
function estimateAdvances(chars: readonly string[], blank: readonly boolean[], run: PdfTextRun): readonly number[] {
  if (run.advances !== undefined && run.advances.length === chars.length) return run.advances;
  const ems = chars.map(estimateCharWidth);
  let visible = 0;
  let total = 0;
  let spaces = 0;
  for (let k = 0; k < chars.length; k++) {
    if (blank[k]) spaces += 1;
    else visible += ems[k]! * run.size;
    total += ems[k]!;
  }
  const space = spaces > 0 ? (run.width - visible) / spaces : 0;
  if (space >= 2 * COLUMN_GAP * run.size) {
    return ems.map((em, k) => (blank[k] ? space : em * run.size));
  }
  const scale = total > 0 && run.width > 0 ? run.width / total : run.size;
  return ems.map((em) => em * scale);
}

function startSegment(glyph: Glyph): PdfSegment {
  const starts: number[] = [];
  for (let unit = 0; unit < glyph.char.length; unit++) starts.push(glyph.x0);
  return { text: glyph.char, x: glyph.x0, end: glyph.x1, starts };
}

function needsSpace(before: Glyph, after: Glyph, hadSpace: boolean, size: number): boolean {
  if (hadSpace && isAsciiGraphic(before.char) && isAsciiGraphic(after.char)) return true;
  return (
    before.run !== after.run &&
    isLatinAlnum(before.char) &&
    isLatinAlnum(after.char) &&
    after.x0 - before.x1 > SPACE_GAP * size
  );
}

function dropDuplicates(runs: PdfTextRun[]): PdfTextRun[] {
  const kept: PdfTextRun[] = [];
  // Kept runs by text: only a run with the same text can be a twin.
  const byText = new Map<string, PdfTextRun[]>();
  for (const run of runs) {
    const same = byText.get(run.text);
    const twin = same?.some(
      (other) =>
        Math.abs(other.x - run.x) < DUPLICATE_DISTANCE * run.size &&
        Math.abs(other.y - run.y) < DUPLICATE_DISTANCE * run.size,
    );
    if (twin === true) continue;
    kept.push(run);
    if (same === undefined) byText.set(run.text, [run]);
    else same.push(run);
  }
  return kept;
}
