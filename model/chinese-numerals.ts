/**
 * Chinese numbers as written in plans: integers (十二, 二十五, 一百零五, 两千, 三万) and
 * decimals with 点 (九十九点五, 一点五, 四点零五).
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, '○': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Parse a Chinese or Arabic integer.
 *
 * @param text
 *   `12`, `十二`, `一百零五`, `两千`, `三万五千`.
 * @returns
 *   The number, or `null` when the text is not one.
 */
export function parseChineseInteger(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '' || !/^[零〇○一二两三四五六七八九十百千万亿]+$/.test(text)) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const char of text) {
    if (char in DIGITS) {
      digit = DIGITS[char]!;
    } else if (char in UNITS) {
      section += (digit ?? 1) * UNITS[char]!;
      digit = null;
    } else if (char === '万' || char === '亿') {
      total += (section + (digit ?? 0)) * (char === '万' ? 10_000 : 100_000_000);
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

/**
 * Parse a Chinese number with an optional decimal part after 点, digit by digit.
 *
 * @param text
 *   `九十九点五`, `一点五`, `四点零五`, or an integer as for `parseChineseInteger`.
 * @returns
 *   The number (99.5, 1.5, 4.05), or `null` when the text is not one.
 */
export function parseChineseDecimal(text: string): number | null {
  const [whole, fraction, ...rest] = text.split('点');
  if (rest.length > 0 || whole === undefined) return null;
  const integer = parseChineseInteger(whole);
  if (integer === null || fraction === undefined) return integer;
  if (!/^[零〇○一二三四五六七八九]+$/.test(fraction)) return null;
  const digits = [...fraction].map((char) => DIGITS[char]!).join('');
  return Number(`${integer}.${digits}`);
}
