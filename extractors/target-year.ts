/**
 * Years of targets: the year a sentence commits to (到2025年…), a table label
 * (a row or column headed 二○二五年), or an enclosing stage heading with a
 * period (第二阶段（2024年1月—2029年12月） → 2029).
 */
import { normalizeNumberText } from './number-scanner.ts';

/** A year named in a sentence. */
export interface YearMarker {
  year: number;
  /** Offset of the marker's end in the sentence. */
  end: number;
  /** True when a word marks it as a deadline (到, 至, 力争, 确保 …). */
  deadline: boolean;
}

const CHINESE_DIGITS: Record<string, string> = { 零: '0', 〇: '0', '○': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** Blank a matched part, keeping its length. */
function blank(s: string): string {
  return '　'.repeat(s.length);
}

/** What every masked part starts with: a text without any of these has nothing to mask. */
const MAY_HOLD_MASKED = /[《〈（(]/;

/**
 * Blank out the parts of a text that cannot carry a commitment year: titles of
 * other documents 《…》 and parenthesised year ranges （2020-2035年）. The
 * length is kept so offsets still agree.
 *
 * @param text
 *   Normalised text.
 * @returns
 *   The masked text.
 */
export function maskNonCommitmentYears(text: string): string {
  if (!MAY_HOLD_MASKED.test(text)) return text;
  return text
    .replace(/《[^》]*》/g, blank)
    .replace(/〈[^〉]*〉/g, blank)
    .replace(/[（(][^（）()]*\d{4}[^（）()]*[）)]/g, blank);
}

/**
 * Read a year written in digits or in Chinese (2027, 二○二七).
 *
 * @param text
 *   The year's digits.
 * @returns
 *   The year, or `null`.
 */
export function parseYear(text: string): number | null {
  if (/^\d{4}$/.test(text)) return Number(text);
  if (/^[一二三四五六七八九○〇零]{4}$/.test(text)) return Number([...text].map((c) => CHINESE_DIGITS[c]).join(''));
  return null;
}

/**
 * Find the years a sentence names as times (not dates of issue, not years of
 * other documents' titles, not year ranges in parentheses).
 *
 * @param sentence
 *   Normalised sentence.
 * @returns
 *   Year markers in order.
 */
export function findYearMarkers(sentence: string): YearMarker[] {
  const out: YearMarker[] = [];
  if (!sentence.includes('年')) return out; // every marker ends with 年
  const masked = maskNonCommitmentYears(sentence);
  const pattern = /(到|至|在|于|力争|争取|确保|截至|截止到?)?((?:19|20)\d{2}|[二][○〇零][一二三四五六七八九○〇零]{2})年(?:底|末|前|内|度)?/g;
  for (const m of masked.matchAll(pattern)) {
    const end = m.index! + m[0].length;
    const rest = masked.slice(end);
    // A date (2022年8月19日), a revision (2022年修订) or a range start (2022年至2023年) is not a target year.
    if (/^\d{1,2}月\d{1,2}日/.test(rest) || /^(?:新)?修订|^(?:印发|发布|颁布)/.test(rest)) continue;
    if (/^[—–\-－~～至到]/.test(rest)) continue;
    const year = parseYear(m[2]!);
    if (year === null) continue;
    const word = m[1] ?? '';
    out.push({ year, end, deadline: word !== '' && !word.startsWith('截') });
  }
  return out;
}

/**
 * The year a section heading gives to everything under it: the end of a
 * period it states (第二阶段（2024年1月—2029年12月）), or a 到YYYY年 in it.
 *
 * @param title
 *   A section title.
 * @returns
 *   The year, or `null`.
 */
export function readSectionYear(title: string): number | null {
  const text = normalizeNumberText(title)
    .replace(/《[^》]*》/g, '')
    .replace(/[二][○〇零][一二三四五六七八九○〇零]{2}(?=年)/g, (y) => String(parseYear(y) ?? y));
  const period = text.match(/((?:19|20)\d{2})年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:[—–\-－~～至到]|起至)((?:(?:19|20)\d{2})年)?(?:\d{1,2}月)?/);
  if (period) {
    if (period[2]) return Number(period[2].slice(0, 4));
    // 2026年9月—12月: the same year; 2027年以后: open, no end.
    if (/月/.test(period[0])) return Number(period[1]);
    return null;
  }
  const until = text.match(/(?:到|至)((?:19|20)\d{2})年/);
  if (until) return Number(until[1]);
  // A heading naming one year (（一）2024年目标, 第三年（2026年）, 达标要求（2025年12月底前））.
  const years = new Set([...text.matchAll(/((?:19|20)\d{2})年(?!\d{1,2}月\d{1,2}日|以后|以来|起)/g)].map((m) => Number(m[1])));
  if (years.size === 1) return [...years][0]!;
  return null;
}

/**
 * The year of the innermost enclosing section that states one.
 *
 * @param sectionPath
 *   Titles of the enclosing sections, outermost first.
 * @returns
 *   The year, or `null`.
 */
export function readSectionPathYear(sectionPath: readonly string[]): number | null {
  for (let i = sectionPath.length - 1; i >= 0; i--) {
    const year = readSectionYear(sectionPath[i]!);
    if (year !== null) return year;
  }
  return null;
}

/**
 * Read a label that is only a year (a table row or column headed 2021年, 二○二二,
 * 二○二七年度).
 *
 * @param text
 *   A short paragraph or a table cell.
 * @returns
 *   The year, or `null` when the text is not a bare year label.
 */
export function readYearLabel(text: string): number | null {
  // The label starts with 1, 2 or 二 (full-width digits normalise to ASCII); most texts do not.
  const first = text.trimStart().charAt(0);
  if (first !== '1' && first !== '2' && first !== '１' && first !== '２' && first !== '二') return null;
  const t = normalizeNumberText(text).replace(/\s+/g, '');
  const m = t.match(/^((?:19|20)\d{2}|[二][○〇零][一二三四五六七八九○〇零]{2})(?:年(?:度)?)?(?:[:：])?$/);
  return m ? parseYear(m[1]!) : null;
}

/**
 * The deadline year an introductory line gives to the list it opens
 * (（一）资源配置。到2025年，全县每所学校达到以下要求：), or `null`.
 *
 * @param text
 *   A paragraph or heading.
 * @returns
 *   The year of its last deadline marker when the line ends with a colon.
 */
export function readIntroYear(text: string): number | null {
  // Normalising only drops spaces and rewrites digits, so the colon test can go first.
  const last = text.trimEnd().slice(-1);
  if (last !== '：' && last !== ':') return null;
  const t = normalizeNumberText(text).trim();
  if (!/[：:]$/.test(t)) return null;
  const deadlines = findYearMarkers(t).filter((m) => m.deadline);
  return deadlines.length > 0 ? deadlines[deadlines.length - 1]!.year : null;
}

/**
 * Follows the year an introductory line (see `readIntroYear`) gives to the
 * items of its list: it holds for the blocks after it until an outline item
 * at its own level or above (or, for an intro without a marker, above its
 * first item's level).
 */
export class IntroYearTracker {
  private intro: { year: number; level: number | null } | undefined;

  /**
   * Take in the next block, before reading it.
   *
   * @param block
   *   The block's text and outline marker.
   */
  observe(block: { text: string; kind: string; outline?: { level: number } }): void {
    if (this.intro && block.outline) {
      if (this.intro.level === null) this.intro.level = block.outline.level - 0.5;
      else if (block.outline.level <= this.intro.level) this.intro = undefined;
    } else if (this.intro && block.kind === 'heading') {
      this.intro = undefined;
    }
    const year = block.kind === 'tableRow' ? null : readIntroYear(block.text);
    if (year !== null) this.intro = { year, level: block.outline?.level ?? null };
  }

  /** The year in force for the block last observed, if any. */
  current(): number | null {
    return this.intro?.year ?? null;
  }
}
