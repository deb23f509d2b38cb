/**
 * The text and rules of one OFD page, in the shape the PDF reader gives its
 * line builder: glyph runs with their baseline, advance width and font size,
 * and horizontal and vertical rules, in points from the page's top left.
 *
 * A `TextObject` places its `TextCode`s in its own space: `X`/`Y` (the first
 * glyph's origin on the baseline) plus `DeltaX`/`DeltaY` (the advances between
 * glyphs; `g N d` repeats `d` N times), mapped by the object's `CTM` and then
 * moved to its `Boundary`'s corner; all in mm. A `PathObject`'s
 * `AbbreviatedData` draws in the same space.
 */
import type { Document, Element } from 'domhandler';
import { estimateCharWidth } from '../pdf/glyphs.ts';
import type { PdfTextRun } from '../pdf/lines.ts';
import { addRule, type PdfRulings } from '../pdf/rulings.ts';
import { attributeOf, childrenNamed, localName, textOf } from './xml.ts';

/** What one page draws. */
export interface OfdPageContent {
  runs: PdfTextRun[];
  rulings: PdfRulings;
  /** Whether the page holds images (a scanned page has images and no text). */
  images: boolean;
}

type Matrix = [number, number, number, number, number, number];

/** Points per millimetre. */
export const PT_PER_MM = 72 / 25.4;
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
// An advance larger than the glyph's usual width by this much (in em) is a gap: the run ends there.
const GAP = 0.5;

/**
 * Read the text runs and rules of a page.
 *
 * @param parts
 *   The page's content and the template pages it uses.
 * @param height
 *   The page's height in mm (for the rules' page frame test).
 * @returns
 *   Runs and rules in pt, origin top left, y downwards.
 */
export function readPageContent(parts: readonly Document[], height: number): OfdPageContent {
  const content: OfdPageContent = { runs: [], rulings: { horizontal: [], vertical: [], pageHeight: height * PT_PER_MM }, images: false };
  for (const part of parts) {
    // Objects sit in layers and page blocks nested to any depth: walked with a stack, not recursion.
    const stack: Element[] = childrenNamed(part).reverse();
    while (stack.length > 0) {
      const element = stack.pop()!;
      const name = localName(element);
      if (name === 'TextObject') readTextObject(element, content.runs);
      else if (name === 'PathObject') readPathObject(element, content.rulings);
      else if (name === 'ImageObject') content.images = true;
      else if (name !== 'Template' && name !== 'Area' && name !== 'Actions') stack.push(...childrenNamed(element).reverse());
    }
  }
  return content;
}

/** The object's placement: its CTM, then the Boundary's corner. */
function placementOf(element: Element): Matrix | undefined {
  const boundary = readNumbers(attributeOf(element, 'Boundary') ?? '');
  if (boundary.length < 4) return undefined;
  const ctm = readNumbers(attributeOf(element, 'CTM') ?? '');
  const [a, b, c, d, e, f] = ctm.length === 6 ? (ctm as Matrix) : IDENTITY;
  return [a, b, c, d, e + boundary[0]!, f + boundary[1]!];
}

function readTextObject(element: Element, runs: PdfTextRun[]): void {
  const placement = placementOf(element);
  const size = Number(attributeOf(element, 'Size'));
  if (placement === undefined || !(size > 0)) return;
  const [a, b, c, d] = placement;
  // Rotated, mirrored or vertical text (seals, stamps, side notes) is not body text.
  if (Math.abs(b) > 0.1 * Math.abs(a) || a <= 0 || d <= 0) return;
  if ((attributeOf(element, 'ReadDirection') ?? '0') !== '0' || (attributeOf(element, 'CharDirection') ?? '0') !== '0') return;
  // The glyph height on the page: the object's size through the CTM's vertical scale.
  const em = size * Math.hypot(c, d) * PT_PER_MM;
  let x = 0;
  let y = 0;
  for (const code of childrenNamed(element, 'TextCode')) {
    const chars = [...textOf(code)];
    const codeX = Number.parseFloat(attributeOf(code, 'X') ?? '');
    const codeY = Number.parseFloat(attributeOf(code, 'Y') ?? '');
    if (Number.isFinite(codeX)) x = codeX;
    if (Number.isFinite(codeY)) y = codeY;
    const deltaX = expandDeltas(attributeOf(code, 'DeltaX'), chars.length - 1);
    const deltaY = expandDeltas(attributeOf(code, 'DeltaY'), chars.length - 1);
    let run: (PdfTextRun & { advances: number[] }) | undefined;
    for (let k = 0; k < chars.length; k++) {
      const char = chars[k]!;
      const [pageX, pageY] = apply(placement, x, y);
      const usual = estimateCharWidth(char) * em;
      const advanceX = deltaX[k] ?? estimateCharWidth(char) * size;
      const advance = advanceX * a * PT_PER_MM;
      const left = pageX * PT_PER_MM;
      const baseline = pageY * PT_PER_MM;
      const continues = run !== undefined && Math.abs(baseline - run.y) < 0.1 * em && Math.abs(run.x + run.width - left) < 0.05 * em;
      if (!continues) {
        run = { text: '', x: left, y: baseline, width: 0, size: em, advances: [] };
        runs.push(run);
      }
      run!.text += char;
      // A gap after the glyph (a tab, a column) ends the run: the glyph keeps its usual width.
      const gap = advance > usual + GAP * em || advance <= 0 || (deltaY[k] ?? 0) !== 0;
      run!.width = left - run!.x + (gap ? usual : advance);
      // Where each glyph is, as written (the last one's advance is its usual width).
      run!.advances.push(gap ? usual : advance);
      if (gap) run = undefined;
      x += advanceX;
      y += deltaY[k] ?? 0;
    }
  }
}

/**
 * The advances of a `DeltaX`/`DeltaY` list: numbers, and `g N d` for N times d.
 * Missing advances stay undefined (the glyph's usual width is used).
 */
export function expandDeltas(value: string | undefined, count: number): Array<number | undefined> {
  const deltas: Array<number | undefined> = [];
  if (value === undefined) return deltas;
  const tokens = value.trim().split(/\s+/);
  for (let i = 0; i < tokens.length && deltas.length < count; i++) {
    if (tokens[i] === 'g') {
      const times = Number.parseInt(tokens[i + 1] ?? '', 10);
      const delta = Number.parseFloat(tokens[i + 2] ?? '');
      i += 2;
      if (!(times > 0) || !Number.isFinite(delta)) continue;
      for (let n = 0; n < times && deltas.length < count; n++) deltas.push(delta);
    } else {
      const delta = Number.parseFloat(tokens[i]!);
      deltas.push(Number.isFinite(delta) ? delta : undefined);
    }
  }
  return deltas;
}

function readPathObject(element: Element, rulings: PdfRulings): void {
  if (attributeOf(element, 'Stroke') === 'false' && attributeOf(element, 'Fill') !== 'true') return;
  const placement = placementOf(element);
  if (placement === undefined) return;
  const data = textOf(childrenNamed(element, 'AbbreviatedData')[0]).trim().split(/\s+/);
  const toPage = (x: number, y: number): [number, number] => {
    const [px, py] = apply(placement, x, y);
    return [px * PT_PER_MM, py * PT_PER_MM];
  };
  let current: [number, number] = [0, 0];
  let start: [number, number] = [0, 0];
  const take = (count: number, at: number): number[] | undefined => {
    const values = data.slice(at, at + count).map(Number);
    return values.length === count && values.every(Number.isFinite) ? values : undefined;
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === 'M' || op === 'S' || op === 'L') {
      const values = take(2, i);
      if (values === undefined) return;
      i += 2;
      const next = toPage(values[0]!, values[1]!);
      if (op === 'L') addRule(current, next, rulings);
      else start = next;
      current = next;
    } else if (op === 'Q' || op === 'B' || op === 'A') {
      const count = op === 'Q' ? 4 : op === 'B' ? 6 : 7;
      const values = take(count, i);
      if (values === undefined) return;
      i += count;
      current = toPage(values[count - 2]!, values[count - 1]!);
    } else if (op === 'C') {
      addRule(current, start, rulings);
      current = start;
    } else {
      return;
    }
  }
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function readNumbers(text: string): number[] {
  const values = text.trim() === '' ? [] : text.trim().split(/[\s,]+/).map(Number);
  return values.every(Number.isFinite) ? values : [];
}
