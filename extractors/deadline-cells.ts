/**
 * Deadline cells: dates that stand alone in a table cell or block (二○二二, 2031年)
 * rather than inside a sentence. Such a date is a target year only when the row (or
 * the text after the block) commits something for it; an empty year row, a table's
 * overall span beside a row's own dates, and a status-report year are not.
 */
import { scanDates, type DateMention } from './date-scanner.ts';

const STATUS_WORDS = /现状|存在问题|存在的问题|基本情况/;
/** A column of planned times: 计划通过省级评估年份, 完成时间, 时间节点. */
const TIME_COLUMN = /年份|时间|时限|节点|期限|日期/;

/**
 * The one date of a text that holds nothing but a date (`2031年`, `二○二二`, `2022—2035年：`).
 *
 * @param text
 *   A cell or block text.
 * @returns
 *   The mention, or `null` when the text says more than a date.
 */
export function readDateOnly(text: string): DateMention | null {
  const mentions = scanDates(text);
  if (mentions.length !== 1) return null;
  const m = mentions[0]!;
  const rest = (text.slice(0, m.index) + text.slice(m.index + m.raw.length)).replace(/[\s年：:、，,。．.（）()]/g, '');
  return rest.length === 0 ? m : null;
}

/**
 * Whether a text has substance: a few Chinese characters, not only numbers or punctuation.
 *
 * @param text
 *   A cell or block text.
 * @returns
 *   `true` when it says something.
 */
export function hasSubstance(text: string): boolean {
  return (text.match(/[\u4e00-\u9fff]/g) ?? []).length >= 4;
}

/**
 * Whether a row or following text reads as a status report (教育现状及存在问题).
 *
 * @param text
 *   The text to test.
 * @returns
 *   `true` for status wording.
 */
export function isStatusText(text: string): boolean {
  return STATUS_WORDS.test(text);
}

/** A date-only cell of a row that the row's other cells give content to. */
export interface CellDate {
  cell: number;
  mention: DateMention;
  /** The row's first content cell, for the label. */
  content: string;
}

/**
 * The date-only cells of a table row that stand for target years: kept only when no
 * other cell of the row carries its own date inside text (that date wins: a merged
 * 2022—2035年 span beside 2022年至2023年 进一步…), and the row has content that is
 * not a status report. A header row of several date-only cells names year columns.
 *
 * @param cells
 *   The row's cell texts.
 * @param isHeader
 *   Whether the row is its table's first row.
 * @returns
 *   The cells whose dates are target years.
 */
export function pickRowDates(cells: string[], isHeader = false, header?: readonly string[]): CellDate[] {
  // Columns of planned times (计划通过省级评估年份 | 完成时间): each dated cell is the row's deadline
  // for that column's milestone, whatever else the row says.
  if (header && !isHeader) {
    const label = cells.find((c) => /[\u4e00-\u9fff]/.test(c) && readDateOnly(c) === null && scanDates(c).length === 0)?.trim() ?? '';
    const timed = cells.flatMap((c, i) => {
      // A first column of years labels the rows (年份 | …): the rules below read those.
      if (i === 0 || label === '' || !TIME_COLUMN.test(header[i] ?? '') || /^(?:实际|已)/.test(header[i] ?? '')) return [];
      const m = readDateOnly(c);
      return m && !m.bare ? [{ cell: i, mention: m, content: `${label}${(header[i] ?? '').trim()}` }] : [];
    });
    if (timed.length > 0) return timed;
  }
  // A bare four-digit cell beside other plain numbers (1800 | 1900 | 2000) is a value, not a year.
  const hasFigures = cells.some((c) => /^\s*\d+(?:\.\d+)?\s*$/.test(c) && readDateOnly(c) === null);
  const dateOnly = cells.map((c) => {
    const m = readDateOnly(c);
    return m && m.bare && hasFigures ? null : m;
  });
  const textDates = cells.some((c, i) => dateOnly[i] === null && scanDates(c).length > 0);
  if (textDates) return [];
  const indexes = dateOnly.flatMap((m, i) => (m ? [i] : []));
  if (indexes.length === 0) return [];
  const contentCells = cells.filter((c, i) => dateOnly[i] === null && hasSubstance(c));
  if (contentCells.some((c) => isStatusText(c))) return [];
  if (contentCells.length === 0 && !(isHeader && indexes.length > 1)) return [];
  const content = contentCells[0] ?? '';
  return indexes.map((cell) => ({ cell, mention: dateOnly[cell]!, content }));
}
