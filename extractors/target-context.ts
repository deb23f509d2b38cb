/**
 * Context that a statement inherits from the blocks around it: the year and
 * kind of a table's row or column label (二○二五年, 教育现状), written as short
 * paragraphs in txt/pdf renditions or as cells in docx; and the tail of a line
 * broken mid-word (特殊教 | 育学校生均公用经费…).
 */
import type { Block } from '../model/document.ts';
import { normalizeNumberText } from './number-scanner.ts';
import { readYearLabel } from './target-year.ts';
import { readDateOnly } from './deadline-cells.ts';
import { scanDates } from './date-scanner.ts';

/** A column header of completion dates (完成时限, 完成时间, 时间节点). */
const DEADLINE_HEADER = /时限|完成时间|时间节点|截止时间|完成期限/;

/** What a label says about the statements under it. */
export interface LabelContext {
  year: number | null;
  kind: 'target' | 'baseline' | null;
}

/**
 * Read a short label that sets the kind of what follows: 现状 (the present
 * state) → baseline; 目标, 措施, 任务 → target.
 *
 * @param text
 *   A short paragraph or cell.
 * @returns
 *   The kind, or `null` when the text is not such a label.
 */
export function readKindLabel(text: string): 'target' | 'baseline' | null {
  const t = text.replace(/\s+/g, '');
  if (t.length === 0 || t.length > 14 || /\d+(?:\.\d+)?[%人元间]/.test(t)) return null;
  if (/现状|基本情况|现有基础|存在问题|^实际(?:值|数)?$|^实际完成(?:值)?$|^完成值$|^基数$|^基础值$/.test(t)) return 'baseline';
  if (/目标|措施|任务|举措|计划/.test(t)) return 'target';
  return null;
}

/**
 * Follows the label paragraphs of a table flattened into paragraphs (txt,
 * pdf): a bare year or a 现状/目标 label applies to the paragraphs after it
 * until the next label or heading.
 */
export class LabelTracker {
  private state: LabelContext = { year: null, kind: null };

  /** Forget the labels (at a heading or a new table). */
  reset(): void {
    this.state = { year: null, kind: null };
  }

  /**
   * Take in a paragraph; returns true when it was a label (and holds no statement).
   *
   * @param text
   *   The paragraph's text.
   * @returns
   *   Whether the paragraph is a label.
   */
  observe(text: string): boolean {
    const year = readYearLabel(text);
    if (year !== null) {
      this.state = { ...this.state, year };
      return true;
    }
    // Neither a one-word joiner nor a kind label (at most 14 characters) can be longer.
    if (isLongerThan(text, 14)) return false;
    const t = text.replace(/\s+/g, '');
    if (t === '年' || t === '与' || t === '和') return true;
    const kind = readKindLabel(t);
    if (kind !== null) {
      // A new 现状/目标 label starts a new row: its year comes with it or after it.
      this.state = { year: this.state.kind !== null && kind !== this.state.kind ? null : this.state.year, kind };
      return true;
    }
    return false;
  }

  /** The labels in force. */
  current(): LabelContext {
    return { ...this.state };
  }
}

/**
 * The year and kind that a table row's cells give to the row (a cell that is a
 * bare year, a cell labelled 现状 or 目标, a 完成时限 cell's date), and the year its
 * column header gives.
 *
 * @param block
 *   A table row.
 * @param cellIndex
 *   The cell being read.
 * @returns
 *   The row's context.
 */
export function readRowContext(block: Block, cellIndex: number): LabelContext {
  const cells = block.cells ?? [];
  let year: number | null = null;
  let kind: LabelContext['kind'] = null;
  cells.forEach((cell, i) => {
    if (i === cellIndex) return;
    for (const part of cell.split(/\n+/)) {
      const y = readYearLabel(part);
      if (y !== null && year === null) year = y;
      const k = readKindLabel(part);
      if (k !== null && kind === null) kind = k;
    }
    if (year === null) {
      const joined = cell.replace(/\s+/g, '');
      // A kind label glued to the year (发展目标与措施2025年, 现状2021).
      const y = readYearLabel(joined.replace(/^[\u4e00-\u9fff]{0,6}?(?:目标|措施|任务|计划|现状)(?:[与和及][\u4e00-\u9fff]{0,4}?(?:目标|措施|任务|计划))?/, ''));
      if (y !== null) year = y;
    }
  });
  // A row's own completion date (完成时限 | 2025年12月) dates the figures the row commits.
  if (year === null) {
    cells.forEach((cell, i) => {
      if (year !== null || i === cellIndex || !DEADLINE_HEADER.test(block.table?.header?.[i] ?? '')) return;
      // The time may carry words (2025年秋季学期开学前, 立行立改，2025年7月底前完成); a recurring
      // or open one (每年9月, 长期坚持) has no year and gives none.
      const time = readDateOnly(cell) ?? (cell.length <= 40 ? scanDates(cell).find((m) => !m.bare) : undefined);
      const end = time?.end ?? time?.start;
      if (end) year = Number(end.slice(0, 4));
    });
  }
  const header = block.table?.header?.[cellIndex];
  if (year === null && header) year = readYearLabel(header);
  if (kind === null && header) kind = readKindLabel(header);
  return { year, kind };
}

/**
 * The tail of a paragraph that is a line broken in mid-sentence (long, ending
 * without punctuation): the words it left unfinished, for the next line. A line
 * broken inside a list of figures (分别为1856元、⏎2310元) leaves its whole last
 * clause, the figures before the break and the closing 、 included.
 *
 * @param previous
 *   The block before.
 * @returns
 *   The unfinished tail (at most 30 characters; 40 for a list), or `""`.
 */
export function readBrokenLineTail(previous: Block | undefined): string {
  if (!previous || previous.kind === 'tableRow') return '';
  // Normalising only drops spaces and rewrites digits and ％: it neither lengthens
  // the text nor changes its last character, so these tests can go first.
  const written = previous.text.trimEnd();
  if (written.length < 20) return '';
  if (written.endsWith('、')) return readListTail(normalizeNumberText(previous.text).trimEnd());
  if (/[。；！？：:;!?，,、）)”"》]/.test(written.slice(-1))) return '';
  const text = normalizeNumberText(previous.text).trimEnd();
  if (text.length < 20 || /[。；！？：:;!?，,、）)”"》]$/.test(text)) return '';
  const tail = text.split(/[，。；：,;:！？\t\n]/).pop() ?? '';
  return tail.length <= 30 ? tail : '';
}

/** The last clause of a line cut after a figure and 、 (…分别为1856元、), or `""` when no figure ends it. */
function readListTail(text: string): string {
  const tail = text.split(/[，。；：,;:！？\t\n]/).pop() ?? '';
  return tail.length <= 40 && /\d[^\d、]{0,4}、$/.test(tail) ? tail : '';
}

/**
 * Whether a block is a short label that a page break repeats (a table's
 * column titles) and that a broken line's continuation may come after.
 *
 * @param block
 *   A block.
 * @returns
 *   True for a short text without digits.
 */
export function isShortLabel(block: Block): boolean {
  if (block.kind === 'tableRow' || isLongerThan(block.text, 8)) return false;
  return !/\d/.test(block.text); // at most 8 characters besides whitespace, none a digit
}

/**
 * Whether a text has more than `limit` characters other than whitespace (what
 * `\s` matches), counting no further than needed.
 */
function isLongerThan(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isWhitespaceCode(text.charCodeAt(i)) && ++count > limit) return true;
  }
  return false;
}

/** Whether a UTF-16 code unit is whitespace as `\s` defines it. */
function isWhitespaceCode(code: number): boolean {
  return (code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0xa0 || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f ||
    code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * The kind a section title gives to the statements under it: a section on the
 * present state (一、基本情况, 现状分析) makes its figures baselines.
 *
 * @param sectionPath
 *   Titles of the enclosing sections, outermost first.
 * @returns
 *   `baseline` under such a section (the innermost titled section that says), else `null`.
 */
export function readSectionKind(sectionPath: readonly string[]): 'baseline' | null {
  for (let i = sectionPath.length - 1; i >= 0; i--) {
    const title = sectionPath[i]!.replace(/^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/, '');
    if (/目标|任务|措施|举措|计划|要求|标准/.test(title)) return null;
    if (readKindLabel(title) === 'baseline') return 'baseline';
  }
  return null;
}
