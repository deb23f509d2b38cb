/**
 * The batch overview: one row per plan × indicator × level × year, with the
 * plan's value, the threshold, the verdict, the quote and its place; then the
 * qualitative items and the 一票否决 items, one row each. Columns are documented
 * one by one in the README (Output, overview.csv).
 */
import type { PlanDiff, PlanPoint, Verdict } from '../model/diff.ts';
import { formatBound, formatLocation, labelLevel, labelVerdict } from './formatters.ts';
import { makeTable, type Cell, type Table } from './table.ts';

/** What the overview says about the plan itself. */
export interface OverviewPlan {
  name: string;
  region: string | null;
  /** The province the plan names (issuer, region, title), else `null`. */
  province: string | null;
  docNumber: string | null;
  date: string | null;
}

/** One plan of the batch. */
export interface OverviewItem {
  plan: OverviewPlan;
  diff: PlanDiff;
}

/** The overview's columns. */
export const OVERVIEW_COLUMNS = [
  { header: '方案', width: 18 },
  { header: '省份', width: 10 },
  { header: '地区', width: 10 },
  { header: '文号', width: 18 },
  { header: '发文日期', width: 11 },
  { header: '指标', width: 10 },
  { header: '指标名称', width: 30 },
  { header: '学段', width: 12 },
  { header: '年份', width: 8 },
  { header: '方案总目标年份', width: 10 },
  { header: '类型', width: 8 },
  { header: '方案表述', width: 14 },
  { header: '方案数值', width: 10 },
  { header: '单位', width: 8 },
  { header: '留有余地', width: 8 },
  { header: '引用国家标准', width: 8 },
  { header: '标准', width: 14 },
  { header: '标准数值', width: 10 },
  { header: '标准来源', width: 14 },
  { header: '国家标准', width: 12 },
  { header: '判定', width: 12 },
  { header: '判定代码', width: 12 },
  { header: '决定判定', width: 8 },
  { header: '原文', width: 60 },
  { header: '位置', width: 12 },
];

/**
 * Tabulate the batch overview.
 *
 * A numeric entry gives a row per target (the deciding one, or each conflicting
 * one, marked 是 in 决定判定), per baseline, per other measure (另设指标), or one
 * empty row when missing; a qualitative item and a 一票否决 item one row each.
 *
 * @param items
 *   The plans and their diffs.
 * @returns
 *   The table; document text is `{ text }`, guarded in CSV.
 */
export function tabulateOverview(items: OverviewItem[]): Table {
  const rows: Cell[][] = [];
  const doc = (text: string | null): Cell => (text === null ? null : { text });
  for (const { plan, diff } of items) {
    const who: Cell[] = [plan.name, plan.province, doc(plan.region), doc(plan.docNumber), plan.date];
    for (const entry of diff.entries) {
      const standard: Cell[] = [
        formatBound(entry.expected.comparator, entry.expected.value, entry.expected.unit),
        entry.expected.value,
        entry.expected.sourceLabel === '国家' ? '国家' : { text: entry.expected.sourceLabel },
        entry.expected.national ? formatBound(entry.expected.national.comparator, entry.expected.national.value, entry.expected.unit) : null,
      ];
      const head: Cell[] = [...who, entry.indicator, entry.name, labelLevel(entry.level)];
      const deciding = new Set<PlanPoint>(entry.conflicting.length > 0 ? entry.conflicting : entry.actual ? [entry.actual] : []);
      const point = (item: PlanPoint, type: string, verdict: Verdict | null, decides: boolean): Cell[] => [
        ...head,
        item.year,
        item.year === null && item.kind === 'target' ? item.impliedYear : null,
        type,
        formatBound(item.comparator, item.value, item.unit),
        item.value,
        item.unit,
        item.hedge === null ? null : { text: item.hedge },
        item.byReference ? '是' : '否',
        ...standard,
        verdict === null ? null : labelVerdict(verdict),
        verdict,
        decides ? '是' : '否',
        { text: item.quote },
        formatLocation(item.location),
      ];
      if (entry.verdict === 'missing') {
        rows.push([...head, null, null, null, null, null, null, null, null, ...standard, labelVerdict('missing'), 'missing', '是',
          entry.evidence ? { text: entry.evidence.quote } : null, entry.evidence ? formatLocation(entry.evidence.location) : null]);
      }
      for (const item of entry.trajectory) rows.push(point(item, '目标', deciding.has(item) ? entry.verdict : item.verdict, deciding.has(item)));
      for (const item of entry.otherMeasures) rows.push(point(item, '另设指标', null, false));
      for (const item of entry.baselines) rows.push(point(item, '现状', null, false));
    }
    for (const item of [...diff.coverage, ...diff.vetoes]) {
      const veto = !('parts' in item);
      rows.push([
        ...who, item.indicator, item.name, labelLevel('all'), null, null, veto ? '一票否决' : '定性', null, null, null, null, null,
        null, null, null, null, labelVerdict(item.verdict), item.verdict, '是', doc(item.quote), item.location ? formatLocation(item.location) : null,
      ]);
    }
  }
  return makeTable(OVERVIEW_COLUMNS, rows);
}

