/**
 * Recognised lines → the positioned glyph runs the PDF line builder reads:
 * one run per recognised word, in points, every word of a line on that line's
 * baseline (a scan a little askew keeps its lines), the font size measured
 * from the height of the line's Chinese characters, and the engine's
 * confidence carried along. Lines too unsure to be text (a speck, a page
 * number the model cannot read) are left out.
 */
import type { PdfTextRun } from '../pdf/lines.ts';
import { fixDepartmentNames } from './lexicon-fixes.ts';
import type { OcrLine, OcrWord } from './tesseract.ts';

// A Chinese character's ink is about this share of its em.
const INK_PER_EM = 0.92;
// A line of at most SHORT characters needs at least SHORT_CONFIDENCE (0-100) to count as text.
const SHORT = 4;
const SHORT_CONFIDENCE = 70;
// Any line needs at least this.
const MIN_CONFIDENCE = 40;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
const BORDER = /^[|丨[\]]+$/u;
// Half-width marks the model reads for the full-width ones of Chinese text.
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/**
 * How far a scan is turned: the median slope of the baselines of its long lines,
 * in radians (positive when lines run down to the right).
 *
 * @param lines
 *   The page's recognised lines.
 * @returns
 *   The angle; 0 for a page without long lines.
 */
export function measureSkew(lines: readonly OcrLine[]): number {
  const slopes = lines
    .filter((line) => line.baseline.x1 - line.baseline.x0 >= 300 && line.confidence >= MIN_CONFIDENCE)
    .map((line) => Math.atan2(line.baseline.y1 - line.baseline.y0, line.baseline.x1 - line.baseline.x0))
    .sort((a, b) => a - b);
  return slopes[Math.floor(slopes.length / 2)] ?? 0;
}

/**
 * Turn a page's recognised lines into text runs.
 *
 * @param lines
 *   The lines, as the engine gives them (pixels).
 * @param scale
 *   Points per pixel (72 / dpi).
 * @param skew
 *   How far the scan is turned (radians, `measureSkew`; default: 0): positions are turned back, so
 *   that the lines of a page a little askew start at one margin and end at the other.
 * @returns
 *   The runs, in page coordinates (points, origin top left).
 */
export function toTextRuns(lines: readonly OcrLine[], scale: number, skew = 0): PdfTextRun[] {
  const cos = Math.cos(skew);
  const sin = Math.sin(skew);
  // Turned back about the page's top left corner.
  const straightX = (x: number, y: number) => x * cos + y * sin;
  const straightY = (x: number, y: number) => -x * sin + y * cos;
  const runs: PdfTextRun[] = [];
  const kept: OcrWord[] = [];
  for (const line of lines) {
    // A table's vertical border reads as | or 丨: no text. A word found twice (in a table cell the
    // model may see one line as two) is kept once, the surer reading.
    const words = line.words.filter((word) => word.text.trim() !== '' && !BORDER.test(word.text.trim()) && !isSeenBetter(word, kept));
    kept.push(...words);
    const characters = words.reduce((sum, word) => sum + [...word.text.trim()].length, 0);
    if (words.length === 0 || line.confidence < MIN_CONFIDENCE) continue;
    if (characters <= SHORT && line.confidence < SHORT_CONFIDENCE) continue;
    const size = measureSize(line) * scale;
    // The baseline where the line starts, turned back: every word of the line stays on it.
    const y = Math.max(straightY(line.baseline.x0, line.baseline.y0), straightY(line.box.x0, line.box.y0) + 0.5 * size / scale) * scale;
    const texts = normalizeLine(words.map((word) => word.text.trim()));
    words.forEach((word, index) => {
      const text = texts[index]!;
      runs.push({
        text,
        x: straightX(word.box.x0, (word.box.y0 + word.box.y1) / 2) * scale,
        y,
        width: Math.max(1, word.box.x1 - word.box.x0) * scale,
        size,
        // The engine's confidence in the line (the words of a Chinese line are single characters, too noisy alone).
        confidence: line.confidence / 100,
      });
    });
  }
  return runs;
}

/** Whether a surer word already read covers most of this word's box. */
function isSeenBetter(word: OcrWord, kept: readonly OcrWord[]): boolean {
  const area = (box: OcrWord['box']) => Math.max(0, box.x1 - box.x0) * Math.max(0, box.y1 - box.y0);
  const own = area(word.box);
  if (own === 0) return false;
  return kept.some((other) => {
    const overlap = area({
      x0: Math.max(word.box.x0, other.box.x0),
      y0: Math.max(word.box.y0, other.box.y0),
      x1: Math.min(word.box.x1, other.box.x1),
      y1: Math.min(word.box.y1, other.box.y1),
    });
    return overlap > 0.5 * Math.min(own, area(other.box)) && other.confidence >= word.confidence;
  });
}

/** The em of a line in pixels: the median height of its Chinese characters, else of the line. */
function measureSize(line: OcrLine): number {
  const heights = line.words
    .filter((word) => CJK.test(word.text) && [...word.text].length === 1)
    .map((word) => word.box.y1 - word.box.y0)
    .sort((a, b) => a - b);
  const median = heights[Math.floor(heights.length / 2)];
  if (median !== undefined && median > 0) return median / INK_PER_EM;
  return Math.max(1, line.box.y1 - line.box.y0) / 1.15;
}

/**
 * Misreadings of the per cent sign by the Chinese model, with what the line
 * said: `100%6` and `96%6` (a 6 after it), `9606以上` (the sign read as 06
 * before 以上, a comma or a stop), `980%` (a 0 before it, past 100).
 */
const PERCENT_FIXES: Array<[RegExp, (match: string, ...groups: string[]) => string]> = [
  [/(\d)%6(?!\d)/g, (_, digit) => `${digit}%`],
  [/(?<![\d.])(\d{1,3})06(?=以上|以下|以内|左右|[，。；、）]|$)/g, (_, number) => `${number}%`],
  [/(?<![\d.])(\d{2,3})0%/g, (match, number) => (Number(`${number}0`) > 100 && Number(number) <= 100 ? `${number}%` : match)],
];

/**
 * The marks of a Chinese line as Chinese typesetting has them, where the model
 * reads look-alikes: half-width punctuation in a line of Chinese is full-width
 * (not between digits), 一 between a date or number and a number is the dash of
 * a range (2024年1月—2029年12月), a department name misread in one character is
 * the department (`lexicon-fixes.ts`), and a per cent sign misread is put back.
 *
 * @param words
 *   The words of one line, in order.
 * @returns
 *   The words, corrected (a character dropped or added stays in its word).
 */
export function normalizeLine(words: readonly string[]): string[] {
  const line = words.join('');
  if (!CJK.test(line)) return [...words];
  // Each character with the word it belongs to, so the words can be given back.
  let chars = [...line];
  let owners = words.flatMap((word, index) => [...word].map(() => index));
  chars = chars.map((char, index) => {
    const before = chars[index - 1] ?? '';
    const after = chars[index + 1] ?? '';
    if (char === '一' && /[\d年月日]/.test(before) && /\d/.test(after)) return '—';
    const full = FULL_WIDTH[char];
    if (full === undefined) return char;
    // Between digits a comma or colon stays half-width (1,000 and 10:30).
    return /\d/.test(before) && /\d/.test(after) && (char === ',' || char === ':') ? char : full;
  });
  chars = fixDepartmentNames(chars);
  for (const [pattern, replace] of PERCENT_FIXES) {
    const text = chars.join('');
    const nextChars: string[] = [];
    const nextOwners: number[] = [];
    let at = 0;
    for (const match of text.matchAll(pattern)) {
      const start = [...text.slice(0, match.index)].length;
      const length = [...match[0]].length;
      nextChars.push(...chars.slice(at, start));
      nextOwners.push(...owners.slice(at, start));
      const replacement = [...replace(match[0], ...match.slice(1).map(String))];
      nextChars.push(...replacement);
      nextOwners.push(...replacement.map(() => owners[start]!));
      at = start + length;
    }
    nextChars.push(...chars.slice(at));
    nextOwners.push(...owners.slice(at));
    chars = nextChars;
    owners = nextOwners;
  }
  return words.map((_, index) => chars.filter((__, k) => owners[k] === index).join(''));
}
