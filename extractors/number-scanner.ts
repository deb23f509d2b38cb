/**
 * Number scanner: finds the numbers a plan writes in raw text (not tokens) —
 * Arabic and full-width digits, decimals, percentages, 百分之八十五, Chinese
 * numerals before a unit, years (2025年, 二○二七年), ranges (51～55人, 1至2项,
 * 1万～1.5万), Roman levels (Ⅲ级) — with their unit, normalised.
 */
import { parseChineseDecimal } from '../model/chinese-numerals.ts';

/** One number found in a text. Offsets are into the text given to `scanNumbers`. */
export interface NumberMention {
  /** The value (the low end of a range); 85 for 85%, 2027 for 二○二七年, 3 for Ⅲ级. */
  value: number;
  /** The high end of a range (51～55人 → 55), when the mention is a range. */
  high?: number;
  /** Normalised unit: 人, 平方米, 元, 间, %, 级, 所, 项, 个, 年, 月, 日, 小时, 学时 … or `""`. */
  unit: string;
  /** The mention as written, number and unit. */
  raw: string;
  start: number;
  end: number;
  /** True for a calendar year (2025年, 二○二七年). */
  isYear: boolean;
}

const FULL_WIDTH_DIGITS = /[０-９]/g;
/** Any character that one of `normalizeNumberText`'s rewrites touches; most texts have none. */
const NEEDS_NORMALIZING = /[０-９％．\^* \u00a0\u3000\u2002\u2003\u2009\r\f\v]/;

/**
 * Normalise text for number work: full-width digits and signs to ASCII, spaces
 * dropped (plans write 达到 4.2 人以上), a stray mark between a number and % removed.
 * Tabs and newlines are kept: they separate cells and lines.
 *
 * @param text
 *   Raw text.
 * @returns
 *   The normalised text.
 */
export function normalizeNumberText(text: string): string {
  if (!NEEDS_NORMALIZING.test(text)) return text;
  return text
    .replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/％/g, '%')
    .replace(/(\d)．(\d)/g, '$1.$2')
    .replace(/[ \u00a0\u3000\u2002\u2003\u2009\r\f\v]+/g, '')
    .replace(/(\d)[\^*](?=%)/g, '$1');
}

/** Units, longest first, with their normal form. */
const UNITS: Array<[string, string]> = [
  ['个百分点', '个百分点'],
  ['平方米', '平方米'],
  ['平方', '平方米'],
  ['㎡', '平方米'],
  ['m²', '平方米'],
  ['m2', '平方米'],
  ['元/生', '元'],
  ['人/百名学生', '人'],
  ['间/百名学生', '间'],
  ['人/百生', '人'],
  ['万元', '万元'],
  ['元', '元'],
  ['%', '%'],
  ['‰', '‰'],
  ['名', '人'],
  ['人', '人'],
  ['间', '间'],
  ['级', '级'],
  ['所', '所'],
  ['项', '项'],
  ['个', '个'],
  ['小时', '小时'],
  ['学时', '学时'],
  ['课时', '课时'],
  ['年', '年'],
  ['月', '月'],
  ['日', '日'],
  ['号', '号'],
  ['倍', '倍'],
  ['次', '次'],
  ['天', '天'],
  ['周', '周'],
  ['条', '条'],
  ['班', '班'],
  ['套', '套'],
  ['台', '台'],
  ['本', '本'],
  ['册', '册'],
  ['M', 'M'],
  ['G', 'G'],
];

const ARABIC = String.raw`\d+(?:\.\d+)?`;
const CHINESE = '[零〇○一二两三四五六七八九十百千]+';
/** A Chinese decimal: 九十九点五, 一点五. */
const CHINESE_DECIMAL = `${CHINESE}点[零〇○一二三四五六七八九]+`;
const RANGE_SEP = '[～~〜\\-—–－至到]';
const ROMAN: Record<string, number> = { Ⅰ: 1, Ⅱ: 2, Ⅲ: 3, Ⅳ: 4, Ⅴ: 5, I: 1, II: 2, III: 3, IV: 4, V: 5 };

/** Every form of number `scanNumbers` reads, one alternative each (capture groups 1–11). */
const NUMBER_PATTERN = new RegExp(
  [
    // 百分之八十五, 百分之九十九点五, 百分之85
    `百分之(${CHINESE_DECIMAL}|${CHINESE}|${ARABIC})`,
    // Arabic, optional 万, optional range
    `(${ARABIC})(万)?(?:(${RANGE_SEP})(${ARABIC})(万)?)?`,
    // Chinese year 二○二七(年)
    `([一二三四五六七八九][○〇零一二三四五六七八九]{3})(?=年|$|\\s)`,
    // Roman level before 级
    '(III|II|IV|Ⅲ|Ⅱ|Ⅰ|Ⅳ|Ⅴ|I|V)(?=级)',
    // Chinese numeral or decimal (range) before a unit
    `(${CHINESE_DECIMAL}|${CHINESE})(?:(${RANGE_SEP})(${CHINESE_DECIMAL}|${CHINESE}))?(?=[名人间元所项个级年]|平方米)`,
  ].join('|'),
  'g',
);

/** Read the unit starting at `index`, if any. */
function readUnit(text: string, index: number): [string, string] | undefined {
  for (const [written, normal] of UNITS) {
    if (!text.startsWith(written, index)) continue;
    if (written === '人' && text[index + 1] === '口') return undefined; // 1.5万人口 is a population, not a unit of people
    return [written, normal];
  }
  return undefined;
}

/** Parse an Arabic number with an optional 万 multiplier. */
function parseArabic(digits: string, wan: string | undefined): number {
  const value = Number(digits);
  return wan ? Math.round(value * 10_000 * 1e6) / 1e6 : value;
}

/** A Chinese year written digit by digit (二○二七) → 2027. */
function parseChineseYear(text: string): number | null {
  if (!/^[一二三四五六七八九○〇零]{4}$/.test(text)) return null;
  const digits: Record<string, string> = { 零: '0', 〇: '0', '○': '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
  return Number([...text].map((c) => digits[c]).join(''));
}

/**
 * Find every number in a text, in order.
 *
 * @param text
 *   Text, best normalised with `normalizeNumberText` first.
 * @returns
 *   The mentions, in text order, not overlapping.
 */
export function scanNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  const pattern = NUMBER_PATTERN;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    let value: number | null = null;
    let high: number | undefined;
    let unit = '';
    let isYear = false;
    if (m[1] !== undefined) {
      value = /\d/.test(m[1]) ? Number(m[1]) : parseChineseDecimal(m[1]);
      unit = '%';
    } else if (m[2] !== undefined) {
      // A number glued to a letter before it (V2) is a code, not a quantity.
      if (start > 0 && /[A-Za-z]/.test(text[start - 1]!)) continue;
      // An item number before a year (1.2026年4月底前): read the year on its own.
      if (/^\d{1,2}\.(?:19|20)\d{2}$/.test(m[2]) && m[3] === undefined && m[4] === undefined && text[end] === '年') {
        pattern.lastIndex = start + m[2].indexOf('.') + 1;
        continue;
      }
      value = parseArabic(m[2], m[3]);
      if (m[4] !== undefined && m[5] !== undefined) {
        // 1万～1.5万: the 万 of either end applies to both.
        high = parseArabic(m[5], m[6] ?? m[3]);
        if (m[3] === undefined && m[6] !== undefined) value = parseArabic(m[2], '万');
      }
    } else if (m[7] !== undefined) {
      value = parseChineseYear(m[7]);
      isYear = true;
      unit = text[end] === '年' ? '年' : '';
      if (unit) end += 1;
    } else if (m[8] !== undefined) {
      value = ROMAN[m[8]] ?? null;
    } else if (m[9] !== undefined) {
      // 每百名学生, /百名学生: the base of a ratio, not a figure.
      if (m[9] === '百' && (text[start - 1] === '每' || text[start - 1] === '/' || text[start - 1] === '／')) continue;
      value = parseChineseDecimal(m[9]);
      if (m[11] !== undefined) high = parseChineseDecimal(m[11]) ?? undefined;
    }
    if (value === null || !Number.isFinite(value)) continue;
    if (!isYear && unit === '') {
      const read = readUnit(text, end);
      if (read) {
        unit = read[1];
        end += read[0].length;
        if (unit === '万元') {
          unit = '元';
          value *= 10_000;
          if (high !== undefined) high *= 10_000;
        }
      }
    }
    // 90%—95%: a range whose ends both carry the unit.
    if (!isYear && unit !== '' && unit !== '年' && high === undefined && m[2] !== undefined) {
      const second = new RegExp(`^${RANGE_SEP}(${ARABIC})${unit === '平方米' ? '(?:平方米|㎡|m²)' : unit.replace('%', '[%％]')}`).exec(text.slice(end));
      if (second) {
        high = Number(second[1]);
        end += second[0].length;
        pattern.lastIndex = end;
      }
    }
    if (!isYear && unit === '年' && Number.isInteger(value) && value >= 1900 && value <= 2100 && high === undefined) isYear = true;
    if (!isYear && unit === '年' && high !== undefined && value >= 1900 && value <= 2100) isYear = true;
    const mention: NumberMention = { value, unit, raw: text.slice(start, end), start, end, isYear };
    if (high !== undefined) mention.high = high;
    out.push(mention);
  }
  return out;
}
