/**
 * The view of an audit for `templates/audit.html.hbs`: per 学段 the school × indicator grid
 * (value, meets or falls short), the 差异系数 table with R8's limits and a chart per indicator,
 * R9 per school, the plan's figures beside the actual ones, and the sheet's problems. Numbers
 * are formatted here; school names and quotes stay text for the template to escape.
 */
import type { AuditLevel, AuditModel } from '../model/audit.ts';
import { formatNumber } from './formatters.ts';

const LEVEL_NAMES: Record<AuditLevel, string> = { primary: '小学', junior: '初中' };

/** Schools listed in the grid per 学段; a larger list is in audit.csv and audit.xlsx whole. */
export const GRID_LIMIT = 1_000;
/** Dots drawn per chart; a larger 学段 is drawn by this many evenly spaced values of its sorted list. */
export const CHART_POINTS = 1_000;

/** Every value of a sorted list when it is short, else evenly spaced ones, first and last included. */
function sample<T>(items: T[], limit: number): T[] {
  if (items.length <= limit) return items;
  return Array.from({ length: limit }, (_, at) => items[Math.round((at * (items.length - 1)) / (limit - 1))]!);
}
const SYMBOLS: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '≈': '≈', '=': '=' };

/**
 * A figure rounded for display: 2 decimals, 0 for sums of money per student.
 *
 * @param value
 *   The figure.
 * @param digits
 *   Decimals (default: 2).
 */
export function formatFigure(value: number | null, digits = 2): string {
  return value === null ? '—' : formatNumber(Number(value.toFixed(digits)));
}

/**
 * A threshold as text: `≥ 4.2 人`.
 *
 * @param threshold
 *   The threshold, or null.
 * @param unit
 *   The unit.
 */
export function formatThreshold(threshold: { comparator: string; value: number } | null, unit: string): string {
  if (threshold === null) return '—';
  return `${SYMBOLS[threshold.comparator] ?? threshold.comparator} ${formatNumber(threshold.value)}${unit === '' ? '' : unit === '%' ? '%' : ` ${unit}`}`;
}

/** Decimals to show for an indicator's values (元 per student: whole). */
export function digitsOf(unit: string): number {
  return unit === '元' ? 0 : 2;
}

/**
 * Build the view.
 *
 * @param model
 *   The validated audit model.
 * @returns
 *   The data for the template.
 */
export function buildAuditView(model: AuditModel) {
  const indicators = model.indicators;
  const title = `学校资源配置审计：${model.source.file}`;
  const levels = (['primary', 'junior'] as const).map((level) => {
    const schools = model.schools.filter((school) => school.level === level);
    const statistics = model.statistics.filter((item) => item.level === level);
    return {
      level,
      label: LEVEL_NAMES[level],
      count: schools.length,
      listed: Math.min(schools.length, GRID_LIMIT),
      truncated: schools.length > GRID_LIMIT,
      limit: statistics[0]?.limit ? formatThreshold(statistics[0].limit, '') : '—',
      r8: model.summary.r8[level],
      headers: indicators.map((indicator) => ({ id: indicator.id, name: indicator.name, threshold: formatThreshold(indicator.thresholds[level], indicator.unit) })),
      schools: schools.slice(0, GRID_LIMIT).map((school, at) => ({
        anchor: `school-${level}-${at + 1}`,
        name: school.name,
        rows: school.rows.join('、'),
        levelText: school.levelText,
        split: school.split,
        students: formatNumber(Number(school.students.toFixed(2))),
        cells: school.values.map((value) => {
          const indicator = indicators.find((item) => item.id === value.indicator)!;
          return {
            indicator: value.indicator,
            text: formatFigure(value.value, digitsOf(indicator.unit)),
            state: value.met === null ? 'unknown' : value.met ? 'met' : 'short',
            label: value.met === null ? '无数据' : value.met ? '达标' : '未达标',
            sort: value.value === null ? '-1' : String(value.value),
          };
        }),
        metCount: school.metCount,
        known: school.known,
        r9: school.r9,
      })),
      statistics: statistics.map((item) => {
        const indicator = indicators.find((entry) => entry.id === item.indicator)!;
        const threshold = indicator.thresholds[level];
        return {
          indicator: item.indicator,
          name: indicator.name,
          threshold: formatThreshold(threshold, indicator.unit),
          schools: item.schools,
          students: formatNumber(Number(item.students.toFixed(2))),
          mean: formatFigure(item.mean, digitsOf(indicator.unit) === 0 ? 0 : 3),
          sd: formatFigure(item.sd, digitsOf(indicator.unit) === 0 ? 0 : 4),
          cv: formatFigure(item.cv, 4),
          limit: formatThreshold(item.limit, ''),
          withinLimit: item.withinLimit,
          short: item.short,
          chart: {
            points: sample(
              schools.map((school) => school.values.find((value) => value.indicator === item.indicator)!).filter((value) => value.value !== null)
                .map((value) => ({ value: value.value!, met: value.met })).sort((a, b) => a.value - b.value),
              CHART_POINTS,
            ),
            threshold: threshold?.value ?? null,
            mean: item.mean,
          },
        };
      }),
    };
  }).filter((level) => level.count > 0);
  const plan = model.plan === null ? null : {
    document: model.plan.document,
    title: model.plan.title,
    rows: model.plan.rows.map((row) => {
      const indicator = indicators.find((item) => item.id === row.indicator);
      const unit = row.indicator === 'R9' ? '%' : indicator?.unit ?? row.unit;
      return {
        indicator: row.indicator,
        name: indicator?.name ?? (row.indicator === 'R8' ? '资源配置指标校际差异系数（取 7 项中最大者）' : '达到 R9 要求的学校占比'),
        level: LEVEL_NAMES[row.level],
        promise: `${formatThreshold(row, row.unit)}${row.hedge ? `（${row.hedge}）` : ''}`,
        year: row.year === null ? '未注明' : String(row.year),
        quote: row.quote,
        actual: formatFigure(row.actual, row.indicator === 'R8' ? 4 : digitsOf(unit) === 0 ? 0 : 2),
        unit: row.indicator === 'R8' ? '' : unit,
        schoolsShort: row.schoolsShort,
        schools: row.schools,
        reached: row.reached,
      };
    }),
  };
  return {
    title,
    file: model.source.file,
    sheet: model.source.sheet,
    format: model.source.format,
    encoding: model.source.encoding,
    year: model.year,
    standards: model.standard.titles,
    summary: model.summary,
    levels,
    plan,
    messages: model.messages.map((message) => message.reason),
  };
}



