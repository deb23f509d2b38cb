/**
 * Annual documents (棠溪县2025年义务教育优质均衡发展工作要点): the year in the title
 * applies to every figure, month and quarter the document states without a year
 * (DECISIONS.md), and the title is itself a deadline ending that year. A section
 * headed by one year (（一）2024年：启动实施年, 第二年（2025年）) does the same for
 * the months and quarters under it.
 */
import { normalizeNumberText } from './number-scanner.ts';

/** The title of an annual document: one year before 工作要点, 工作计划, 工作安排 (no span of years). */
const ANNUAL_TITLE = /((?:19|20)\d{2})年(?:度)?[^—–\-－~～至]{0,40}?(?:工作要点|工作计划|工作安排|工作任务|重点任务)/;

/**
 * The year of an annual document, from its title (棠溪县2025年义务教育优质均衡发展工作要点).
 *
 * @param title
 *   The document's title, if known.
 * @returns
 *   The year, or `null` for a title that is not an annual document's.
 */
export function readAnnualYear(title: string | null): number | null {
  if (!title) return null;
  const text = normalizeNumberText(title);
  if (/(?:19|20)\d{2}\s*[—–\-－~～至]\s*(?:19|20)?\d{2}/.test(text)) return null;
  const m = ANNUAL_TITLE.exec(text);
  return m ? Number(m[1]) : null;
}


/** Year-less times an annual document uses: a quarter, a half year, a month (10月底前). */
const YEARLESS = /(?<![年\d０-９])(第[一二三四]季度(?:末|底)?|[一二三四]季度(?:末|底)?|上半年|下半年|(?:1[0-2]|[1-9])月(?:份)?(?:上旬|中旬|下旬|底|末)?)/g;

/**
 * A text with the annual year written before each time that states none (第三季度 →
 * 2025年第三季度), so that the date scanner reads them; recurring times (每年9月) keep
 * theirs, since 年 already stands before them.
 *
 * @param text
 *   A block's text.
 * @param year
 *   The document's year.
 * @returns
 *   The text with the year supplied, and whether any was.
 */
export function supplyYear(text: string, year: number): { text: string; supplied: boolean } {
  let supplied = false;
  const out = text.replace(YEARLESS, (m, _g, offset: number) => {
    // 每月, 每季度 and 9月1日 of a date with its own year are left alone.
    if (text[offset - 1] === '每') return m;
    // After a point only as an item's number (2.9月—11月, 1.上半年), never inside a decimal.
    if (/[.．]$/.test(text.slice(0, offset)) && !/^\s*\d{1,2}[.．]$/.test(text.slice(0, offset))) return m;
    supplied = true;
    return `${year}年${m}`;
  });
  return { text: out, supplied };
}

/**
 * The year a section heading gives to the year-less times under it: the innermost enclosing
 * section whose title names a year, when it names exactly one and no period (（一）2024年：启动实施年,
 * 第二年（2025年）; not 第二阶段（2024年1月—2025年6月）, whose months belong to the period, nor 到2025年).
 *
 * @param sectionPath
 *   Titles of the enclosing sections, outermost first.
 * @returns
 *   The year, or `null`.
 */
export function readHeadingYear(sectionPath: readonly string[]): number | null {
  for (let i = sectionPath.length - 1; i >= 0; i--) {
    const title = normalizeNumberText(sectionPath[i]!).replace(/《[^》]*》/g, '');
    const years = new Set([...title.matchAll(/((?:19|20)\d{2})年/g)].map((m) => Number(m[1])));
    if (years.size === 0) continue;
    if (years.size > 1 || /(?:19|20)\d{2}年[^，。；]{0,12}?[—–\-－~～至到]|(?:到|至|截至)(?:19|20)\d{2}/.test(title)) return null;
    return [...years][0]!;
  }
  return null;
}
