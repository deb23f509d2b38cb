/**
 * Date scanner: finds the calendar expressions of a plan's text (2021年7月—12月,
 * 2030年底前, 二○二七年, 2027年以后, 2022—2035年) and reads each as a period.
 * It knows nothing of what the date means; `deadline-context.ts` judges that.
 */
import { parseChineseInteger } from '../model/chinese-numerals.ts';

/** One date expression found in a text. */
export interface DateMention {
  /** `YYYY` or `YYYY-MM` where the expression has a start (a period or an open stage), else `null`. */
  start: string | null;
  /** `YYYY` or `YYYY-MM`; `null` only for an open-ended stage (2027年以后). */
  end: string | null;
  /** Offset of the expression in the scanned text (UTF-16 units). */
  index: number;
  /** The expression as written. */
  raw: string;
  /** Whether a day is given (2021年11月5日): the mark of a document's own dates. */
  hasDay: boolean;
  /** Whether no 年 was written at all (a bare table cell like `二○二二`). */
  bare: boolean;
}

const CN_DIGIT = '〇○零Ｏ一二三四五六七八九';
const CN_DIGIT_VALUE: Record<string, number> = {
  〇: 0, '○': 0, 零: 0, Ｏ: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const YEAR_SOURCE = `(?:(?<![\\d.．])|(?<=(?:^|[^\\d.．])\\d{1,2}[.．])(?=(?:19|20)\\d{2}\\s*年))(?:19|20)\\d{2}(?![\\d.．%％])|(?<![${CN_DIGIT}十百千])[${CN_DIGIT}]{4}(?![${CN_DIGIT}十百千])`;
const YEAR_RE = new RegExp(YEAR_SOURCE, 'g');
const MONTH = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const DAY = '(\\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])';
const SEP = '\\s*(?:——|—|–|-|－|~|～|至|到)\\s*';
/** What may follow a year: 年, a month, a day, then a suffix (底, 末, 以后 …). */
const AFTER_YEAR = new RegExp(
  `^(\\s*年)?(?:\\s*${MONTH}\\s*月份?(?:\\s*${DAY}\\s*[日号])?)?`,
);
const SUFFIX = /^\s*(?:年)?\s*(底前|底以前|底之前|底|末|年底|年末|以后|之后|起(?![草步]))/;
const HALF = /^\s*(上半年|下半年)/;
const SEASON = /^\s*(?:春季|秋季|春|秋)(?:学期|开学)?(?:开学)?/;
/** A quarter of the year (第一季度, 一季度末): it ends in month 3, 6, 9 or 12. */
const QUARTER = /^\s*第?([一二三四1-4])季度(?:末|底)?/;
/** Before a term opens (2023年秋季学期前): the term's first month, 9 for autumn and 2 for spring. */
const BEFORE = /^\s*(?:前|以前|之前)/;
/** A year and month written with a dot, as tables do (2023.12, 2023.9—2024.6); not a decimal (2023.5万元). */
const DOTTED_POINT = '((?:19|20)\\d{2})[.．](0?[1-9]|1[0-2])(?![\\d.．%％万亿元人个所间平㎡])';
const DOTTED = new RegExp(`(?<![\\d.．])${DOTTED_POINT}(?:${SEP}${DOTTED_POINT})?(?:\\s*(底前|底|前|以前|之前))?`, 'g');

/** The dotted year-months of a text (2023.12前, 2023.9—2024.6). */
function scanDottedDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  DOTTED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DOTTED.exec(text))) {
    const first = ym(Number(m[1]), Number(m[2]));
    const second = m[3] !== undefined ? ym(Number(m[3]), Number(m[4])) : null;
    if (second !== null && second < first) continue;
    out.push({ start: second === null ? null : first, end: second ?? first, index: m.index, raw: m[0], hasDay: false, bare: false });
  }
  return out;
}

/**
 * Read a year written in Arabic or Chinese digits (`2027`, `二○二七`).
 *
 * @param text
 *   Four Arabic digits, or four Chinese digits written one by one.
 * @returns
 *   The year, or `null` when the text is not a year between 1900 and 2099.
 */
export function parseYear(text: string): number | null {
  const t = text.trim();
  let year: number | null = null;
  if (/^\d{4}$/.test(t)) year = Number(t);
  else if (new RegExp(`^[${CN_DIGIT}]{4}$`).test(t)) {
    year = [...t].reduce((n, c) => n * 10 + CN_DIGIT_VALUE[c]!, 0);
  }
  return year !== null && year >= 1900 && year <= 2099 ? year : null;
}

function parseMonth(text: string | undefined): number | null {
  if (text === undefined) return null;
  const m = parseChineseInteger(text);
  return m !== null && m >= 1 && m <= 12 ? m : null;
}

const ym = (year: number, month: number | null): string =>
  month === null ? String(year) : `${year}-${String(month).padStart(2, '0')}`;

interface Point {
  year: number;
  month: number | null;
  hasNian: boolean;
  hasDay: boolean;
  /** The term the point names (2023年秋季学期), if any. */
  season: 'spring' | 'autumn' | null;
  /** The months a quarter or a term covers, when the point names one as a time. */
  span: { from: number; to: number; nextYear: boolean } | null;
  /** Offset just past the point. */
  stop: number;
}

/** Read one point (year, optional 年, month, day) whose year token starts at `at`. */
function readPoint(text: string, at: number, yearText: string): Point | null {
  const year = parseYear(yearText);
  if (year === null) return null;
  const rest = text.slice(at + yearText.length);
  const m = AFTER_YEAR.exec(rest);
  const hasNian = Boolean(m?.[1]);
  let month = hasNian ? parseMonth(m?.[2]) : null;
  const hasDay = hasNian && month !== null && m?.[3] !== undefined;
  let used = hasNian ? (month !== null ? m![0].length : m![1]!.length) : 0;
  let season: Point['season'] = null;
  const quarter = hasNian && month === null ? QUARTER.exec(rest.slice(used)) : null;
  let span: Point['span'] = null;
  if (quarter) {
    month = parseMonth(quarter[1])! * 3;
    // 第三季度 is the quarter's three months; 第三季度末 is its last.
    if (!/[末底]$/.test(quarter[0])) span = { from: month - 2, to: month, nextYear: false };
    used += quarter[0].length;
  } else if (hasNian && month === null) {
    // A season or term names no month (2025年秋季): the point is the year, read past it.
    const term = SEASON.exec(rest.slice(used))?.[0] ?? '';
    if (term) season = term.includes('秋') ? 'autumn' : 'spring';
    // A term as a time (2024年秋季学期) is the term's months: autumn 9 to next January, spring 2 to 7.
    if (term.endsWith('学期') && !BEFORE.test(rest.slice(used + term.length))) {
      span = season === 'autumn' ? { from: 9, to: 1, nextYear: true } : { from: 2, to: 7, nextYear: false };
    }
    used += term.length;
  } else if (month !== null && !hasDay) {
    // 4月中旬—4月底: a part of the month is the month.
    const part = /^\s*(?:上旬|中旬|下旬|初)/.exec(rest.slice(used));
    if (part) used += part[0].length;
  }
  return { year, month, hasNian, hasDay, season, span, stop: at + yearText.length + used };
}

/**
 * Find every date expression in a text.
 *
 * Forms: `2021年7月—12月` (the year carries over), `2022年1月至2023年12月`,
 * `2022年至2023年`, `2022—2035年`, `2027年7月`, `2030年底前` and `2025年末` (month 12),
 * `2027年以后` (open: start 2027, end null), `2026年内`, `二○二七年`, `2023.12` and
 * `2023.9—2024.6` (dotted year-months, as tables write them), and a bare year
 * token (`二○二二`, `2031`) when it is the whole text. A four-digit number not followed
 * by 年 (2000人) is not a date. Full-width digits (２０２５年) read as ASCII ones.
 *
 * @param written
 *   The text of one block or cell.
 * @returns
 *   The mentions in text order.
 */
export function scanDates(written: string): DateMention[] {
  // Full-width digits (２０２５年) read as ASCII; one unit for one, so offsets stay.
  const text = written.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const out: DateMention[] = [];
  const whole = text.trim();
  YEAR_RE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = YEAR_RE.exec(text))) {
    const first = readPoint(text, match.index, match[0]);
    if (!first) continue;
    let stop = first.stop;
    let start: string | null = null;
    let end: string | null = ym(first.year, first.month);
    let hasDay = first.hasDay;
    // A period: SEP then a year point, or (same year) SEP then a month.
    const sep = new RegExp(`^${SEP}`).exec(text.slice(stop));
    let ranged = false;
    if (sep) {
      const after = stop + sep[0].length;
      const yearNext = new RegExp(`^(?:${YEAR_SOURCE})`).exec(text.slice(after));
      if (yearNext) {
        const second = readPoint(text, after, yearNext[0]);
        if (second && second.year >= first.year && (first.hasNian || second.hasNian)) {
          start = ym(first.year, first.month);
          end = ym(second.year, second.month);
          hasDay = hasDay || second.hasDay;
          stop = second.stop;
          ranged = true;
        }
      } else if (first.month !== null) {
        const monthNext = new RegExp(`^${MONTH}\\s*月份?`).exec(text.slice(after));
        const month = parseMonth(monthNext?.[1]);
        if (monthNext && month !== null && month >= first.month) {
          start = ym(first.year, first.month);
          end = ym(first.year, month);
          stop = after + monthNext[0].length;
          ranged = true;
        }
      }
    }
    if (!ranged && !first.hasNian) {
      // A bare year token is a date only when it is the whole text (a table cell).
      const isArabic = /^\d/.test(match[0]);
      if (whole !== match[0] || (isArabic && whole.length !== 4)) continue;
      out.push({ start: null, end, index: match.index, raw: written.slice(match.index, first.stop), hasDay: false, bare: true });
      YEAR_RE.lastIndex = first.stop;
      continue;
    }
    if (!ranged) {
      const tail = text.slice(stop);
      const suffix = SUFFIX.exec(tail);
      const half = HALF.exec(tail);
      if (suffix) {
        const word = suffix[1]!;
        if (/以后|之后|起/.test(word)) {
          // An open stage: 2027年以后, 2025年1月以后 → start there, no end.
          start = ym(first.year, first.month);
          end = null;
        } else if (/底|末/.test(word) && first.month === null) {
          end = ym(first.year, 12);
        }
        stop += suffix[0].length;
      } else if (first.season !== null && BEFORE.test(tail)) {
        end = ym(first.year, first.season === 'autumn' ? 9 : 2);
      } else if (half && first.month === null) {
        // 上半年 is January to June, 下半年 July to December; 上半年前 is its end.
        const upper = half[1] === '上半年';
        end = ym(first.year, upper ? 6 : 12);
        if (!BEFORE.test(tail.slice(half[0].length))) start = ym(first.year, upper ? 1 : 7);
        stop += half[0].length;
      } else if (first.span !== null && !BEFORE.test(tail)) {
        start = ym(first.year, first.span.from);
        end = ym(first.year + (first.span.nextYear ? 1 : 0), first.span.to);
      }
    }
    out.push({ start, end, index: match.index, raw: written.slice(match.index, stop), hasDay, bare: false });
    YEAR_RE.lastIndex = stop;
  }
  const dotted = scanDottedDates(text).map((d) => ({ ...d, raw: written.slice(d.index, d.index + d.raw.length) }));
  return dotted.length === 0 ? out : [...out, ...dotted].sort((a, b) => a.index - b.index);
}
