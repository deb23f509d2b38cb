/**
 * Character classes the PDF reader needs to rebuild Chinese text from
 * positioned runs: which characters may be separated by a space, how wide a
 * character is (in em) when only a run's total width is known, and which
 * characters stick to their neighbour at a line break.
 */

/**
 * Whether a character is a Latin letter or an ASCII digit.
 *
 * @param char
 *   One character.
 * @returns
 *   True for `A-Z`, `a-z`, `0-9`.
 */
export function isLatinAlnum(char: string): boolean {
  if (char.length !== 1) return false;
  const code = char.charCodeAt(0);
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * Whether a character is printable ASCII other than the space. A space the
 * PDF itself has between two such characters is kept (`1000 Mbps`); next to
 * Chinese it is layout, not text (`51 号`).
 *
 * @param char
 *   One character.
 * @returns
 *   True for `!` to `~`.
 */
export function isAsciiGraphic(char: string): boolean {
  if (char.length !== 1) return false;
  const code = char.charCodeAt(0);
  return code >= 0x21 && code <= 0x7e;
}

/**
 * Estimated advance of a character in em: half for ASCII, full otherwise.
 * Used to place the characters of a run whose glyphs pdfjs reports together.
 *
 * @param char
 *   One character.
 * @returns
 *   The estimated width in em.
 */
export function estimateCharWidth(char: string): number {
  if (char === ' ') return 0.3;
  return char.charCodeAt(0) < 0x80 ? 0.5 : 1;
}

// CJK Radicals Supplement characters that stand for a whole simplified (or
// other) ideograph and have no NFKC mapping, with that ideograph (Unicode's
// EquivalentUnifiedIdeograph.txt). Chromium's PDFs map 民, 齐, 见… to them.
const LOOK_ALIKES: Record<string, string> = {
  '⺁': '厂', '⺄': '乙', '⺇': '几', '⺊': '卜', '⺌': '小', '⺎': '兀', '⺐': '尢', '⺒': '巳', '⺓': '幺',
  '⺗': '心', '⺝': '月', '⺟': '母', '⺠': '民', '⺧': '牛', '⺩': '王', '⺪': '疋', '⺫': '目', '⺬': '示',
  '⺮': '竹', '⺯': '糸', '⺳': '网', '⺶': '羊', '⺸': '羋', '⺻': '聿', '⺼': '肉', '⺽': '臼', '⻁': '虎',
  '⻄': '西', '⻅': '见', '⻆': '角', '⻉': '贝', '⻋': '车', '⻑': '長', '⻓': '长', '⻔': '门', '⻗': '雨',
  '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻢': '马', '⻣': '骨', '⻤': '鬼',
  '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻫': '斉', '⻬': '齐', '⻭': '歯',
  '⻮': '齿', '⻯': '竜', '⻰': '龙', '⻱': '龜', '⻲': '亀', '⻳': '龟',
  // Angle brackets, the wave dash and the dash as pdfjs reads Chromium's CJK fonts (one glyph serves
  // both code points; the text, and PDFium, which reads /ActualText, have 〈〉, ～ and —).
  '\u2329': '〈', '\u232a': '〉', '〜': '～', '\u2015': '—',
};

/**
 * Replace the look-alikes that CJK fonts' ToUnicode maps often produce
 * (Kangxi radicals, CJK radical supplement, compatibility ideographs) by the
 * ideographs they stand for, so `⼀` reads as `一` and `⺠` as `民` (and the
 * angle brackets and wave dash some fonts map to other code points).
 *
 * @param text
 *   Text of one run.
 * @returns
 *   The text with those characters normalised (NFKC, or the equivalent
 *   ideograph where NFKC leaves a radical as it is).
 */
export function normalizeIdeographs(text: string): string {
  return text.replace(/[\u2015\u2329\u232a\u301c\u2e80-\u2ef3\u2f00-\u2fd5\uf900-\ufaff]/g, (char) => LOOK_ALIKES[char] ?? char.normalize('NFKC'));
}

const OPENING = '（〔《“‘(\\[【「『〈［｛';
const CLOSING = '，。、；：？！）〕》”’),.;:?!\\]】」』〉％%］｝…—';
const LEADING_CHUNK = new RegExp(`^[${OPENING}]*(?:[A-Za-z0-9][A-Za-z0-9.,%/:+\\-]*|.)[${CLOSING}]*`, 'u');

/**
 * The unbreakable chunk that starts a line: the
 * opening brackets, then one Latin word or number, or one other character,
 * then the punctuation that may not start a line. If the chunk had fitted at
 * the end of the line before, that line ended its paragraph.
 *
 * @param text
 *   The line's text.
 * @returns
 *   The leading characters that move to another line together.
 */
export function matchLeadingChunk(text: string): string {
  const match = LEADING_CHUNK.exec(text);
  return match === null ? '' : match[0];
}
