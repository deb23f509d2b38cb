/**
 * The formatters templates call by name (`{{levelLabel level}}`): small pure
 * functions from values to display text. Their output is escaped by the
 * template engine like any other value.
 */
import type { Comparator, Level, Location } from '../model/plan.ts';
import type { Verdict } from '../model/diff.ts';

/** A formatter: values in, display text out. */
export type Formatter = (...args: any[]) => string;

const VERDICT_LABELS: Record<Verdict, string> = {
  meets: '达到标准',
  stricter: '严于标准',
  weaker: '未达标准',
  hedged: '表述留有余地',
  byReference: '承诺达到国家标准',
  conflicting: '前后不一',
  missing: '未设目标',
  covered: '已覆盖',
  partial: '部分覆盖',
  notCovered: '未覆盖',
  forbidden: '方案明令禁止',
  unmentioned: '未提及',
};

const VERDICT_SHORT: Record<Verdict, string> = {
  meets: '达',
  stricter: '严',
  weaker: '未',
  hedged: '余',
  byReference: '承',
  conflicting: '冲',
  missing: '缺',
  covered: '有',
  partial: '部',
  notCovered: '无',
  forbidden: '禁',
  unmentioned: '—',
};

const LEVEL_LABELS: Record<Level, string> = {
  all: '全部学段',
  primary: '小学',
  junior: '初中',
  nineYear: '九年一贯制',
  twelveYear: '十二年一贯制',
};

const COMPARATOR_LABELS: Record<Comparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '≈': '≈', '=': '=' };

/**
 * Format a number without float noise (0.1 + 0.2 → 0.3).
 *
 * @param value
 *   The number.
 * @returns
 *   Its shortest faithful decimal text.
 */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/**
 * Format a bound as the plan or the standard states it: `≥ 0.9 人`, `≤ 55 人`, `≥ 85%`.
 *
 * @param comparator
 *   The comparator.
 * @param value
 *   The number.
 * @param unit
 *   The unit (`%` sticks to the number).
 * @returns
 *   The text.
 */
export function formatBound(comparator: Comparator, value: number, unit: string): string {
  const number = formatNumber(value);
  const withUnit = unit === '' ? number : unit === '%' ? `${number}%` : `${number} ${unit}`;
  return `${COMPARATOR_LABELS[comparator] ?? comparator} ${withUnit}`;
}

/**
 * Format where a quote is: `第 352 行`, `第 3 页`, `第 12 段`; in an annex of a bundle `附件《任务分工.xlsx》，第 5 行`.
 *
 * @param location
 *   The location (`null` or empty gives `—`).
 * @returns
 *   The text.
 */
export function formatLocation(location: Location | null | undefined): string {
  if (!location) return '—';
  const parts: string[] = [];
  if (location.file !== undefined) parts.push(`附件《${location.file}》`);
  if (location.page !== undefined) parts.push(`第 ${location.page} 页`);
  if (location.paragraph !== undefined) parts.push(`第 ${location.paragraph} 段`);
  if (location.line !== undefined) parts.push(`第 ${location.line} 行`);
  return parts.length > 0 ? parts.join('，') : '—';
}

/**
 * Format a period of a deadline: `2022-07 — 2023-07`, `— 2027`, `2027 —`.
 *
 * @param start
 *   `YYYY`, `YYYY-MM` or `null`.
 * @param end
 *   `YYYY`, `YYYY-MM` or `null`.
 * @returns
 *   The text.
 */
export function formatPeriod(start: string | null, end: string | null): string {
  if (start === null) return end === null ? '—' : `至 ${end}`;
  return end === null ? `${start} 起` : `${start} — ${end}`;
}

/** The formatters, by the name templates use. */
export const FORMATTERS: Record<string, Formatter> = {
  verdictLabel: (verdict: Verdict) => VERDICT_LABELS[verdict] ?? String(verdict),
  verdictShort: (verdict: Verdict) => VERDICT_SHORT[verdict] ?? String(verdict),
  levelLabel: (level: Level) => LEVEL_LABELS[level] ?? String(level),
  comparatorLabel: (comparator: Comparator) => COMPARATOR_LABELS[comparator] ?? String(comparator),
  formatNumber,
  formatBound: (point: { comparator: Comparator; value: number; unit: string } | null) =>
    point ? formatBound(point.comparator, point.value, point.unit) : '—',
  formatLocation,
  formatYear: (year: number | null) => (year === null || year === undefined ? '未注明年份' : String(year)),
  formatPeriod,
  roleLabel: (role: Role | null) => (role === null ? '' : roleLabel(role)),
  formatDeadline: (deadline: DeadlineLike | null) => (deadline ? formatDeadline(deadline) : '未写明'),
  formatUndated: (impliedYear: number | null) => (impliedYear === null ? '未注明年份' : `未注明年份，方案总目标 ${impliedYear}`),
  formatPointYear: (point: { year: number | null; impliedYear?: number | null }) =>
    point.year !== null ? String(point.year) : point.impliedYear ? `未注明年份（方案总目标 ${point.impliedYear}）` : '未注明年份',
};

type Role = 'lead' | 'responsible' | 'support';
const ROLE_LABELS: Record<Role, string> = { lead: '牵头', responsible: '负责', support: '配合' };

/**
 * The Chinese label of a department's role: 牵头, 负责, 配合.
 *
 * @param role
 *   The role.
 */
export function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ?? String(role);
}

/** A deadline as a task's 完成时限 uses it. */
interface DeadlineLike {
  start: string | null;
  end: string | null;
  from?: 'measure' | 'section';
}

/**
 * A 完成时限: the end of the period (`2027-12 前`), marked when it is the enclosing section's (`所在阶段`).
 *
 * @param deadline
 *   The deadline.
 */
export function formatDeadline(deadline: DeadlineLike): string {
  const text = deadline.end === null ? (deadline.start === null ? '未写明' : `${deadline.start} 起`) : `${deadline.end} 前`;
  return deadline.from === 'section' ? `${text}（所在阶段）` : text;
}

/**
 * Look up a verdict's Chinese label outside templates (CSV, XLSX).
 *
 * @param verdict
 *   The verdict.
 * @returns
 *   The label.
 */
export function labelVerdict(verdict: Verdict): string {
  return VERDICT_LABELS[verdict];
}

/**
 * Look up a level's Chinese label outside templates.
 *
 * @param level
 *   The level.
 * @returns
 *   The label.
 */
export function labelLevel(level: Level): string {
  return LEVEL_LABELS[level];
}

/**
 * Text as a CSS string literal, every character outside ASCII letters and digits
 * written as a CSS escape, so no document text can end the string or the
 * `<style>` element (and HTML escaping leaves it as it is).
 *
 * @param text
 *   The text (a plan's title).
 */
export function cssString(text: string): string {
  return `"${[...String(text)].map((char) => (/[A-Za-z0-9]/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `)).join('')}"`;
}
