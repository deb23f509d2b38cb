/**
 * The batch overview: one row per plan × indicator × level × year, with the
 * plan's value, the threshold, the verdict, the quote and its place.
 */
import type { PlanDiff, PlanPoint, Verdict } from '../pipeline/diff-types.ts';
import { formatBound, formatLocation, labelLevel, labelVerdict } from './formatters.ts';
import { makeTable, type Cell, type Table } from './table.ts';

/** One plan of the batch. */
export interface OverviewItem {
  name: string;
  diff: PlanDiff;
}

/** The overview's columns. */
export const OVERVIEW_COLUMNS = [
  { header: '方案', width: 18 },
  { header: '指标', width: 10 },
  { header: '指标名称', width: 30 },
  { header: '学段', width: 12 },
  { header: '年份', width: 8 },
  { header: '类型', width: 8 },
  { header: '方案表述', width: 14 },
  { header: '方案数值', width: 10 },
  { header: '单位', width: 8 },
  { header: '标准', width: 14 },
  { header: '标准数值', width: 10 },
  { header: '判定', width: 10 },
  { header: 'verdict', width: 12 },
  { header: '决定判定', width: 8 },
  { header: '原文', width: 60 },
  { header: '位置', width: 12 },
];

/**
 * Tabulate the batch overview.
 *
 * A numeric entry gives a row per target (the deciding one, or each conflicting
 * one, marked 是 in 决定判定), per baseline, or one empty row when missing; a
 * qualitative item one row.
 *
 * @param items
 *   The plans and their diffs.
 * @returns
 *   The table (text cells neutralised against formulas).
 */
export function tabulateOverview(items: OverviewItem[]): Table {
  const rows: Cell[][] = [];
  for (const { name, diff } of items) {
    for (const entry of diff.entries) {
      const standard = [formatBound(entry.expected.comparator, entry.expected.value, entry.expected.unit), entry.expected.value];
      const head = [name, entry.indicator, entry.name, labelLevel(entry.level)];
      const deciding = new Set<PlanPoint>(entry.conflicting.length > 0 ? entry.conflicting : entry.actual ? [entry.actual] : []);
      const point = (item: PlanPoint, verdict: Verdict | null): Cell[] => [
        ...head,
        item.year,
        item.kind === 'target' ? '目标' : '现状',
        formatBound(item.comparator, item.value, item.unit),
        item.value,
        item.unit,
        ...standard,
        verdict === null ? null : labelVerdict(verdict),
        verdict,
        deciding.has(item) ? '是' : '否',
        item.quote,
        formatLocation(item.location),
      ];
      if (entry.verdict === 'missing') {
        rows.push([...head, null, null, null, null, null, ...standard, labelVerdict('missing'), 'missing', '是', null, null]);
      }
      for (const item of entry.trajectory) rows.push(point(item, deciding.has(item) ? entry.verdict : item.verdict));
      for (const item of entry.baselines) rows.push(point(item, null));
    }
    for (const item of diff.coverage) {
      rows.push([
        name, item.indicator, item.name, labelLevel('all'), null, '定性', null, null, null, null, null,
        labelVerdict(item.verdict), item.verdict, '是', item.quote, item.location ? formatLocation(item.location) : null,
      ]);
    }
  }
  return makeTable(OVERVIEW_COLUMNS, rows);
}
