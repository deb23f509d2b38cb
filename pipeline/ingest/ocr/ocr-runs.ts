/**
 * Recognised lines → the positioned glyph runs the PDF line builder reads:
 * one run per recognised word, in points, every word of a line on that line's
 * baseline (a scan a little askew keeps its lines), the font size measured
 * from the height of the line's Chinese characters, and the engine's
 * confidence carried along. Lines too unsure to be text (a speck, a page
 * number the model cannot read) are left out.
 */
import type { PdfTextRun } from '../pdf/lines.ts';
import type { OcrLine } from './tesseract.ts';

// A Chinese character's ink is about this share of its em.
const INK_PER_EM = 0.92;
// A line of at most SHORT characters needs at least SHORT_CONFIDENCE (0-100) to count as text.
const SHORT = 4;
const SHORT_CONFIDENCE = 70;
// Any line needs at least this.
const MIN_CONFIDENCE = 40;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
// Half-width marks the model reads for the full-width ones of Chinese text.
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/**
 * Turn a page's recognised lines into text runs.
 *
 * @param lines
 *   The lines, as the engine gives them (pixels).
 * @param scale
 *   Points per pixel (72 / dpi).
 * @returns
 *   The runs, in page coordinates (points, origin top left).
 */
export function toTextRuns(lines: readonly OcrLine[], scale: number): PdfTextRun[] {
  const runs: PdfTextRun[] = [];
  for (const line of lines) {
    const words = line.words.filter((word) => word.text.trim() !== '');
    const characters = words.reduce((sum, word) => sum + [...word.text.trim()].length, 0);
    if (words.length === 0 || line.confidence < MIN_CONFIDENCE) continue;
    if (characters <= SHORT && line.confidence < SHORT_CONFIDENCE) continue;
    const size = measureSize(line) * scale;
    // The baseline where the line starts: words lower down a skewed line stay on it.
    const y = Math.min(line.baseline.y0, line.baseline.y1, line.box.y1) * scale;
    words.forEach((word, index) => {
      const text = toFullWidth(word.text.trim(), words[index - 1]?.text, words[index + 1]?.text);
      runs.push({
        text,
        x: word.box.x0 * scale,
        y: Math.max(y, line.box.y0 * scale + 0.5 * size),
        width: Math.max(1, word.box.x1 - word.box.x0) * scale,
        size,
        // The engine's confidence in the line (the words of a Chinese line are single characters, too noisy alone).
        confidence: line.confidence / 100,
      });
    });
  }
  return runs;
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

/** A lone half-width mark beside Chinese text is the full-width mark of Chinese typesetting. */
function toFullWidth(text: string, before: string | undefined, after: string | undefined): string {
  const full = FULL_WIDTH[text];
  if (full === undefined) return text;
  return CJK.test(before ?? '') || CJK.test(after ?? '') ? full : text;
}
