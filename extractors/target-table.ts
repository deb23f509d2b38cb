/**
 * Tables of indicator × year: a row names the indicator (and its unit in
 * brackets) and the school level in its first cells, and gives bare figures
 * under columns headed by a year or by 现状/目标 (2021年现状 | 2024年 | 2025年).
 * A bare figure says nothing by itself; this module rewrites it as a statement
 * with the row's label (每百名学生拥有高于规定学历教师数小学4.1人) and the
 * column's year and kind. It also follows such tables when a plain text
 * flattens them into tab-separated lines, whose continuation rows drop their
 * empty leading cells.
 */
import type { Level } from '../model/plan.ts';
import { scanLevels } from './levels.ts';
import { normalizeNumberText } from './number-scanner.ts';
import { readKindLabel } from './target-context.ts';
import { parseYear } from './target-year.ts';

/** What a column header says about the figures under it. */
export interface ColumnLabel {
  year: number | null;
  kind: 'target' | 'baseline' | null;
  /** Level words the header names (小学 in 小学现状), or `""`. */
  level: string;
}

/** A figure of a table row, restated with its row label, and the column's year and kind. */
export interface TableStatement {
  /** The statement to extract from (label, level and figure with its unit). */
  text: string;
  /** Index of the figure's cell in the row. */
  cell: number;
  year: number | null;
  kind: 'target' | 'baseline' | null;
  /**
   * The level of the figure's column, when the row gives figures under columns of two or
   * more levels (小学 | 初中): the row states them separately, so each keeps its level.
   */
  columnLevel?: Exclude<Level, 'all'>;
}

const BARE_VALUE = /^(?:≥|≤|>=|<=)?\d+(?:\.\d+)?(?:%|人|名|平方米|㎡|m²|元|间|级)?$/;
/** Words that may wrap a figure in a cell of its own (力争不低于4.2, 控制在0.50以内, 95以上). */
const FIGURE_LEAD = /^(?:(?:力争|争取|确保|基本|全部|均)?(?:保持在|控制在|稳定在|提高到|提升到|提高至|提升至|增加到|降低到|降至|达到|达|不低于|不少于|不超过|不高于|不大于|不小于|低于|高于|超过|小于|大于))/;
const FIGURE_TAIL = /(?:及以上|以上|以内|以下|左右)$/;
const FIGURE_HEDGE = /^(?:力争|争取|确保)/;
/** A column restating the standard's figures (国家标准, 标准要求, 省级标准值). */
export const STANDARD_COLUMN = /^(?:国家|省级?|市级?)?(?:评估)?标准(?:要求|值)?$/;
/** A cell of figures per level: 小学≥4.3；初中≥5.4, 小学4.06；初中5.21. */
const LEVEL_FIGURES = /^(?:(?:小学|初中|中学|九年一贯制(?:学校)?|十二年一贯制(?:学校)?)[:：]?(?:≥|≤|>=|<=|>|<|＞|＜)?\d+(?:\.\d+)?(?:%|人|名|平方米|㎡|元|间)?(?:以上|以下|以内)?[；;，,、]?)+$/;
const YEAR_HEADER = /^(?:年度|年份|年|时间|时段)$/;
/** Columns whose cells never name the row's quantity: remarks, times, departments, numbers. */
const NOT_A_LABEL = /备注|说明|完成时[间限]|时限|责任|牵头|配合|序号|编号/;
const COUNT_UNIT = /[（(]\s*(?:个|所|项|次)\s*[）)]/;
/**
 * A cell of figures in words of its own that names no quantity (小学≥4.3；初中≥5.4, 小学、初中均≥1人,
 * 至少6项指标达标，余项不低于要求的85%): the row's label says what they measure.
 */
function isWordedFigures(cell: string): boolean {
  const t = normalizeNumberText(cell).replace(/\s+/g, '');
  if (LEVEL_FIGURES.test(t)) return true;
  return /\d/.test(t) && t.length <= 60 && !QUANTITY_HEADER.test(t) && !/[。]/.test(t);
}

/** A column that gives each row's unit (单位, 计量单位). */
const UNIT_HEADER = /^(?:计量)?单位$/;
const UNIT_CELL = /^(?:人|名|%|平方米|㎡|m²|元|间|级)$/;
/** A column header that names a quantity (每百名学生拥有…（人）, 生均…, …比例, …率). */
const QUANTITY_HEADER = /(?:每百名|生均|比例|率|系数|班额|规模|经费|面积|设备值|教室|人数|学生数|认可度|满意度)/;
const NOT_A_QUANTITY = /^(?:序号|编号|备注|单位|计量单位)$/;
const LABEL_UNIT = /[（(]\s*(人|名|%|％|平方米|㎡|m²|元|间|级)\s*[）)]/;

/**
 * Read a column header that heads figures of one year or kind: 2025年,
 * 2021年现状, 二○二五年目标值, 现状, 目标.
 *
 * @param cell
 *   The header cell.
 * @returns
 *   The year and kind, or `null` when the header names neither.
 */
export function readColumnLabel(cell: string): ColumnLabel | null {
  const full = normalizeNumberText(cell).replace(/\s+/g, '');
  // A level word before or after the year or kind (小学现状, 2025年初中目标).
  const level = scanLevels(full).filter((l) => !l.weak).map((l) => l.word).join('、');
  const t = full.replace(/十二年一贯制|九年一贯制|中小学|小学|初级中学|初中|中学/g, '');
  // A column headed by a level alone (小学 | 初中) gives the level of the figures under it.
  if (t === '' && level !== '') return { year: null, kind: null, level };
  // A county-wide column (全县 | 全区 | 合计) beside level columns holds figures for all levels.
  if (level === '' && /^(?:全县|全区|全市|全旗|全州|县域|区域|合计|总体|全部)$/.test(t)) return { year: null, kind: null, level: t };
  if (t === '' || t.length > 14) return null;
  const m = t.match(/^((?:19|20)\d{2}|二[○〇零][一二三四五六七八九○〇零]{2})(?:年)?(?:底|末|度)?(.*)$/);
  if (m) {
    const rest = m[2]!.replace(/^[（(]|[）)]$/g, '');
    const kind = rest === '' ? null : readKindLabel(rest);
    if (rest !== '' && kind === null && !/^(?:值|数|数据|年度?)$/.test(rest)) return null;
    return { year: parseYear(m[1]!), kind, level };
  }
  // A kind with its year in brackets (现状（2022年）, 目标值(2026年)).
  const bracketed = t.match(/^(\D{1,8}?)[（(]((?:19|20)\d{2})年?(?:底|末|度)?[）)]$/);
  if (bracketed) {
    const kind = readKindLabel(bracketed[1]!);
    return kind === null ? null : { year: parseYear(bracketed[2]!), kind, level };
  }
  if (/\d/.test(t)) return null;
  // A column restating the standard (国家标准, 标准要求) holds requirements.
  if (STANDARD_COLUMN.test(t)) return { year: null, kind: 'target', level };
  const kind = readKindLabel(t);
  return kind === null ? null : { year: null, kind, level };
}

/**
 * Whether a cell is a bare figure (4.1, 95%, ≥2000元).
 *
 * @param cell
 *   The cell text.
 * @returns
 *   True for a figure with at most a unit and a sign.
 */
export function isBareValue(cell: string): boolean {
  return BARE_VALUE.test(normalizeNumberText(cell).replace(/\s+/g, ''));
}

/**
 * Whether a cell is a figure with at most its comparator words around it
 * (4.1, 力争不低于4.2, 1以上, 控制在0.50以内, 保持在97%以上, 不超过2000).
 *
 * @param cell
 *   The cell text.
 * @returns
 *   True for a figure that names no quantity of its own.
 */
export function isFigureCell(cell: string): boolean {
  const t = normalizeNumberText(cell).replace(/\s+/g, '');
  if (BARE_VALUE.test(t)) return true;
  const core = t.replace(FIGURE_HEDGE, '').replace(FIGURE_LEAD, '').replace(FIGURE_TAIL, '');
  return core !== t && BARE_VALUE.test(core);
}

/** A figure cell with the row's unit after its number when the cell gives none (1以上 → 1人以上). */
function attachUnit(figure: string, unit: string): string {
  if (unit === '') return figure;
  return figure.replace(/(\d+(?:\.\d+)?)(?![\d.]|%|人|名|平方米|㎡|m²|元|间|级)/, `$1${unit}`);
}

/**
 * Restate the bare figures of a row under year or 现状/目标 columns.
 *
 * @param cells
 *   The row's cells, aligned with the header.
 * @param header
 *   The header's cells.
 * @returns
 *   One statement per figure under a labelled column; none when the row has no label.
 */
export function restateTableRow(cells: readonly string[], header: readonly string[]): TableStatement[] {
  const out: TableStatement[] = [];
  const columns = header.map(readColumnLabel);
  const unitColumn = header.findIndex((h) => UNIT_HEADER.test(h.replace(/\s+/g, '')));
  // A column headed 年度 holds years, bare ones too (2023, 2021（基数）).
  const yearColumn = (i: number) => YEAR_HEADER.test((header[i] ?? '').replace(/\s+/g, ''));
  const labelCells = cells.filter((cell, i) => cell.trim() !== '' && (!isFigureCell(cell) || yearColumn(i)) && columns[i] === null && i !== unitColumn
    && !NOT_A_LABEL.test(header[i] ?? '') && !LEVEL_FIGURES.test(normalizeNumberText(cell).replace(/\s+/g, '')));
  if (labelCells.length === 0) return out;
  // A row of counts (56人及以上大班额（个）, 学校数（所）) reports how many, not a level of an indicator.
  if (COUNT_UNIT.test(labelCells.join(''))) return out;
  const joined = labelCells.map((c) => c.replace(/\s+/g, '')).join('');
  const unitCell = unitColumn >= 0 ? normalizeNumberText(cells[unitColumn] ?? '').replace(/\s+/g, '') : '';
  const unit = joined.match(LABEL_UNIT)?.[1] ?? (UNIT_CELL.test(unitCell) ? unitCell : '');
  const label = joined.replace(new RegExp(LABEL_UNIT.source, 'g'), '');
  // Transposed: quantities head the columns, a row names its year or kind (2023年（现状）) and level.
  const rowLabels = cells.map((cell, i) => (columns[i] === null && (!isFigureCell(cell) || yearColumn(i)) ? readColumnLabel(cell) : null));
  const rowYear = rowLabels.find((l) => l?.year != null)?.year ?? null;
  const rowKind = rowLabels.find((l) => l?.kind != null)?.kind ?? null;
  const rowLevel = rowLabels.filter((l) => l !== null && l.year === null && l.kind === null && l.level !== '').map((l) => l!.level).join('');
  cells.forEach((cell, i) => {
    const head = (header[i] ?? '').replace(/\s+/g, '');
    if (columns[i] !== null || i === unitColumn || yearColumn(i) || !isFigureCell(cell) || !QUANTITY_HEADER.test(head) || NOT_A_QUANTITY.test(head)) return;
    const headUnit = head.match(LABEL_UNIT)?.[1] ?? unit;
    const quantity = head.replace(new RegExp(LABEL_UNIT.source, 'g'), '');
    const figure = attachUnit(normalizeNumberText(cell).replace(/\s+/g, ''), headUnit);
    out.push({ text: `${quantity}${rowLevel}${figure}`, cell: i, year: rowYear, kind: rowKind });
  });
  cells.forEach((cell, i) => {
    const column = columns[i];
    if (!column) return;
    // Under a column that names only a level, a short cell with a number is a figure in words
    // of its own (每12个班级各1间以上).
    const levelOnly = column.year === null && column.kind === null && column.level !== '';
    // A cell of figures per level (小学≥4.3；初中≥5.4) under a year or kind column: the row's label states them.
    if (!isFigureCell(cell) && isWordedFigures(cell)) {
      out.push({ text: `${label}${normalizeNumberText(cell).replace(/\s+/g, '').replace(/[；;]/g, '，')}`, cell: i, year: column.year, kind: column.kind });
      return;
    }
    if (!isFigureCell(cell) && !(levelOnly && /\d/.test(cell) && cell.replace(/\s+/g, '').length <= 24)) return;
    const figure = normalizeNumberText(cell).replace(/\s+/g, '');
    const withUnit = attachUnit(figure, unit);
    // A column may name the level itself (小学现状 | 初中目标).
    out.push({ text: `${label}${column.level}${withUnit}`, cell: i, year: column.year, kind: column.kind });
  });
  const levelOf = (i: number) => {
    const found = scanLevels(columns[i]?.level ?? '').filter((l) => !l.weak);
    return found.length === 1 && found[0]!.level !== 'both' ? found[0]!.level : undefined;
  };
  const levels = new Set(out.map((s) => levelOf(s.cell)).filter((l) => l !== undefined));
  if (levels.size >= 2) {
    for (const s of out) {
      const level = levelOf(s.cell);
      if (level !== undefined) s.columnLevel = level;
    }
  }
  return out;
}

/**
 * Follows a table flattened into tab-separated lines: finds its header (a line
 * with year or 现状/目标 columns) and aligns the later rows to it, filling the
 * leading cells a continuation row leaves out from the row before.
 */
export class FlatTableTracker {
  private header: string[] | null = null;
  private previous: string[] = [];

  /** Forget the table (at a line that is not part of it). */
  reset(): void {
    this.header = null;
    this.previous = [];
  }

  /**
   * Take in a line; returns its statements when it is a data row of a table
   * whose header is known, else an empty list (a header line, or a line of no table).
   *
   * @param text
   *   The line's text.
   * @returns
   *   The restated figures of the row.
   */
  observe(text: string): TableStatement[] {
    if (!text.includes('\t')) {
      this.reset();
      return [];
    }
    const cells = text.split('\t').map((c) => c.trim());
    const labels = cells.map(readColumnLabel);
    const labelled = labels.filter((l) => l?.year != null || l?.kind != null).length;
    // A header of levels alone (项目 | 小学 | 初中): every cell after the first names a level.
    const levelHeader = cells.length >= 3 && labels.slice(1).every((l) => l !== null && l.year === null && l.kind === null && l.level !== '');
    if ((labelled >= 1 || levelHeader) && !cells.some(isFigureCell)) {
      this.header = cells;
      this.previous = [];
      return [];
    }
    if (!this.header) return [];
    let row = cells;
    const missing = this.header.length - cells.length;
    if (missing > 0 && missing < this.header.length) row = [...this.previous.slice(0, missing), ...cells];
    if (row.length !== this.header.length) return [];
    this.previous = row;
    return restateTableRow(row, this.header);
  }
}
