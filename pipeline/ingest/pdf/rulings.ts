/**
 * The straight lines a PDF page draws (table borders), read from pdfjs's
 * operator list (or given stroke by stroke by another engine) and put in the same coordinates as the text runs (origin top
 * left, y downwards). Only horizontal and vertical strokes or thin fills
 * count; clipping paths and curves do not.
 */

/** A horizontal rule from `x0` to `x1` at height `y`. */
export interface PdfHorizontalRule {
  y: number;
  x0: number;
  x1: number;
}

/** A vertical rule from `y0` to `y1` at `x`. */
export interface PdfVerticalRule {
  x: number;
  y0: number;
  y1: number;
}

/** The rules of one page. */
export interface PdfRulings {
  horizontal: PdfHorizontalRule[];
  vertical: PdfVerticalRule[];
  /** Height of the page, to tell a page frame from a table cell. */
  pageHeight: number;
}

/** Operator codes the collector needs (pdfjs's `OPS`). */
export interface PdfOperatorCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  endPath: number;
}

/** A PDF matrix `[a b c d e f]`. */
export type Matrix = [number, number, number, number, number, number];

// Path operators of pdfjs's DrawOPS.
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_CURVE_TO = 3;
const CLOSE_PATH = 4;
// A rule is at most this far off the axis and at least this long (in pt).
const SKEW = 1;
const MIN_LENGTH = 3;

/**
 * Collect the horizontal and vertical rules of a page.
 *
 * @param fnArray
 *   The operator list's operators.
 * @param argsArray
 *   Their arguments.
 * @param codes
 *   pdfjs's operator codes.
 * @param viewport
 *   The viewport of the page at scale 1.
 * @returns
 *   The page's rules in viewport coordinates.
 */
export function collectRulings(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  codes: PdfOperatorCodes,
  viewport: { transform: readonly number[]; height: number },
): PdfRulings {
  const rulings: PdfRulings = { horizontal: [], vertical: [], pageHeight: viewport.height };
  const stack: Matrix[] = [];
  let ctm: Matrix = toMatrix(viewport.transform);
  fnArray.forEach((fn, index) => {
    const args = argsArray[index];
    if (fn === codes.save) stack.push(ctm);
    else if (fn === codes.restore) ctm = stack.pop() ?? ctm;
    else if (fn === codes.transform && Array.isArray(args)) ctm = multiply(ctm, toMatrix(args as number[]));
    else if (fn === codes.constructPath && Array.isArray(args) && args[0] !== codes.endPath) {
      const data = (args[1] as unknown[] | undefined)?.[0];
      if (data !== null && typeof data === 'object' && 'length' in data) {
        addPath(data as ArrayLike<number>, ctm, rulings);
      }
    }
  });
  return rulings;
}

function addPath(data: ArrayLike<number>, ctm: Matrix, rulings: PdfRulings): void {
  let current: [number, number] = [0, 0];
  let start: [number, number] = [0, 0];
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE_TO) {
      current = apply(ctm, data[i++]!, data[i++]!);
      start = current;
    } else if (op === LINE_TO) {
      const next = apply(ctm, data[i++]!, data[i++]!);
      addRule(current, next, rulings);
      current = next;
    } else if (op === CURVE_TO) {
      i += 4;
      current = apply(ctm, data[i++]!, data[i++]!);
    } else if (op === QUADRATIC_CURVE_TO) {
      i += 2;
      current = apply(ctm, data[i++]!, data[i++]!);
    } else if (op === CLOSE_PATH) {
      addRule(current, start, rulings);
      current = start;
    } else {
      return;
    }
  }
}

/**
 * Add one straight stroke to a page's rules when it runs along an axis and is
 * long enough to be a border.
 *
 * @param from
 *   Start point in page coordinates (origin top left).
 * @param to
 *   End point.
 * @param rulings
 *   The rules to add to.
 */
export function addRule(from: readonly [number, number], to: readonly [number, number], rulings: PdfRulings): void {
  const [x0, y0] = from;
  const [x1, y1] = to;
  if (Math.abs(y1 - y0) <= SKEW && Math.abs(x1 - x0) >= MIN_LENGTH) {
    rulings.horizontal.push({ y: (y0 + y1) / 2, x0: Math.min(x0, x1), x1: Math.max(x0, x1) });
  } else if (Math.abs(x1 - x0) <= SKEW && Math.abs(y1 - y0) >= MIN_LENGTH) {
    rulings.vertical.push({ x: (x0 + x1) / 2, y0: Math.min(y0, y1), y1: Math.max(y0, y1) });
  }
}

/**
 * A PDF matrix from six numbers (missing ones taken from the identity).
 *
 * @param values
 *   `[a b c d e f]`.
 */
export function toMatrix(values: readonly number[]): Matrix {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = values;
  return [a, b, c, d, e, f];
}

/**
 * Product of two PDF matrices `[a b c d e f]`: `inner` applied first, then `outer`.
 *
 * @param outer
 *   The matrix applied second.
 * @param inner
 *   The matrix applied first.
 */
export function multiply(outer: Readonly<Matrix>, inner: Readonly<Matrix>): Matrix {
  const [a1, b1, c1, d1, e1, f1] = outer;
  const [a2, b2, c2, d2, e2, f2] = inner;
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

/**
 * A point through a PDF matrix.
 *
 * @param m
 *   The matrix.
 * @param x
 *   The point's x.
 * @param y
 *   The point's y.
 */
export function apply(m: Readonly<Matrix>, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}
