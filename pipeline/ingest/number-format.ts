/**
 * Render a list counter the way Word prints it for a `w:numFmt`: decimal,
 * Chinese counting (一 … 十一 … 二十), heavenly stems (甲乙丙), enclosed digits (①),
 * letters and Roman numerals. Unknown formats fall back to decimal.
 */

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const LEGAL_TRADITIONAL_DIGITS = ['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'];
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/**
 * Format one counter value.
 *
 * @param value
 *   The counter (Word counters start at `w:start`, usually 1; 0 is possible).
 * @param format
 *   The level's `w:numFmt` value, e.g. `decimal`, `chineseCounting`.
 * @returns
 *   The printed number; empty for `none`.
 */
export function formatCounter(value: number, format: string): string {
  switch (format) {
    case 'none':
      return '';
    case 'decimalZero':
      return value < 10 && value >= 0 ? `0${value}` : String(value);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(value).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return toChineseNumber(value, CHINESE_DIGITS, ['', '十', '百', '千']);
    case 'chineseLegalSimplified':
    case 'japaneseLegal':
      return toChineseNumber(value, LEGAL_DIGITS, ['', '拾', '佰', '仟']);
    case 'ideographLegalTraditional':
      return toChineseNumber(value, LEGAL_TRADITIONAL_DIGITS, ['', '拾', '佰', '仟']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(value).replace(/\d/g, (d) => (d === '0' ? '〇' : CHINESE_DIGITS[Number(d)]!));
    case 'ideographTraditional':
      return cycle(STEMS, value);
    case 'ideographZodiac':
      return cycle(BRANCHES, value);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return enclosedCircle(value);
    case 'decimalEnclosedParen':
      return value >= 1 && value <= 20 ? String.fromCodePoint(0x2474 + value - 1) : `(${value})`;
    case 'decimalEnclosedFullstop':
      return value >= 1 && value <= 20 ? String.fromCodePoint(0x2488 + value - 1) : `${value}.`;
    case 'upperLetter':
      return toLetters(value).toUpperCase();
    case 'lowerLetter':
      return toLetters(value);
    case 'upperRoman':
      return toRoman(value);
    case 'lowerRoman':
      return toRoman(value).toLowerCase();
    default:
      return String(value);
  }
}

/** 十, 十一, 二十, 一百零五: the way Chinese documents count. */
function toChineseNumber(value: number, digits: string[], units: string[]): string {
  if (!Number.isInteger(value) || value < 0 || value >= 10_000) return String(value);
  if (value === 0) return digits[0]!;
  const places = String(value).split('').map(Number).reverse();
  let text = '';
  let pendingZero = false;
  for (let place = places.length - 1; place >= 0; place--) {
    const digit = places[place]!;
    if (digit === 0) {
      pendingZero = text !== '';
      continue;
    }
    if (pendingZero) text += digits[0];
    pendingZero = false;
    // 十一 rather than 一十一 when the number starts in the tens.
    const omitOne = digit === 1 && place === 1 && text === '';
    text += (omitOne ? '' : digits[digit]) + units[place];
  }
  return text;
}

function cycle(symbols: string, value: number): string {
  if (value < 1) return String(value);
  return symbols[(value - 1) % symbols.length]!;
}

function enclosedCircle(value: number): string {
  if (value >= 1 && value <= 20) return String.fromCodePoint(0x2460 + value - 1);
  if (value >= 21 && value <= 35) return String.fromCodePoint(0x3251 + value - 21);
  if (value >= 36 && value <= 50) return String.fromCodePoint(0x32b1 + value - 36);
  return String(value);
}

/** a … z, aa … zz: Word repeats the letter rather than counting in base 26. */
function toLetters(value: number): string {
  if (value < 1) return String(value);
  const letter = String.fromCharCode(97 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function toRoman(value: number): string {
  if (value < 1 || value >= 4000) return String(value);
  const numerals: Array<[number, string]> = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let rest = value;
  let text = '';
  for (const [amount, numeral] of numerals) {
    while (rest >= amount) {
      text += numeral;
      rest -= amount;
    }
  }
  return text;
}
