/**
 * The rules of a scanned page (table borders), found in its bitmap: runs of
 * dark pixels long enough to be no letter's stroke, joined where they touch
 * (a rule is a few pixels thick, and a scan a little askew draws it as steps),
 * in the coordinates of the text runs, so the PDF reader's ruled-table builder
 * reads a scanned table as it reads a drawn one.
 */
import type { PdfRulings } from '../pdf/rulings.ts';
import type { GrayBitmap } from './tesseract.ts';

// Darker than this (0 black, 255 white) is ink.
const INK = 140;
// A rule is at least this long (pt): longer than any stroke of a character of body or title size.
const MIN_RULE = 25;
// Pieces this close (px) across the rule, and this close along it, are one rule.
const THICKNESS = 3;
const STEP = 4;
// More pieces than this: the page is a picture, not ruled text.
const MAX_PIECES = 20_000;

interface Piece {
  /** Position across the rule (y of a horizontal one). */
  at: number;
  from: number;
  to: number;
}

interface Rule {
  sum: number;
  count: number;
  last: number;
  from: number;
  to: number;
}

/**
 * Find the horizontal and vertical rules of a page bitmap.
 *
 * @param bitmap
 *   The page in gray.
 * @param scale
 *   Points per pixel.
 * @returns
 *   The rules in points, origin top left.
 */
export function findImageRules(bitmap: GrayBitmap, scale: number): PdfRulings {
  const { width, height, data } = bitmap;
  const least = Math.round(MIN_RULE / scale);
  const horizontal = joinPieces(collectPieces(height, width, least, (row, column) => data[row * width + column]!));
  const vertical = joinPieces(collectPieces(width, height, least, (column, row) => data[row * width + column]!));
  return {
    horizontal: horizontal.map((rule) => ({ y: (rule.sum / rule.count) * scale, x0: rule.from * scale, x1: rule.to * scale })),
    vertical: vertical.map((rule) => ({ x: (rule.sum / rule.count) * scale, y0: rule.from * scale, y1: rule.to * scale })),
    pageHeight: height * scale,
  };
}

/** Runs of ink at least `least` long along each line of pixels (rows, or columns). */
function collectPieces(lines: number, length: number, least: number, pixel: (line: number, along: number) => number): Piece[] {
  const pieces: Piece[] = [];
  for (let line = 0; line < lines; line++) {
    let start = -1;
    for (let along = 0; along <= length; along++) {
      const ink = along < length && pixel(line, along) < INK;
      if (ink && start < 0) start = along;
      if (!ink && start >= 0) {
        if (along - start >= least) pieces.push({ at: line, from: start, to: along });
        start = -1;
      }
    }
    if (pieces.length > MAX_PIECES) return [];
  }
  return pieces;
}

/** Pieces on neighbouring lines that overlap or continue one another, as one rule each. */
function joinPieces(pieces: readonly Piece[]): Rule[] {
  const rules: Rule[] = [];
  for (const piece of pieces) {
    const rule = rules.find((open) => piece.at - open.last <= THICKNESS && piece.from <= open.to + STEP && piece.to >= open.from - STEP);
    if (rule === undefined) {
      rules.push({ sum: piece.at, count: 1, last: piece.at, from: piece.from, to: piece.to });
      continue;
    }
    rule.sum += piece.at;
    rule.count += 1;
    rule.last = piece.at;
    rule.from = Math.min(rule.from, piece.from);
    rule.to = Math.max(rule.to, piece.to);
  }
  return rules;
}
