/**
 * The batch reports, keyed by file name relative to `out/`: index.html (every
 * plan with its shortfalls and links, a grid of plans × indicators whose cells
 * link to the evidence rows, a chart per indicator, the failed inputs),
 * overview.csv and overview.xlsx.
 */
import type { PlanDiff, Verdict } from '../model/diff.ts';
import { VERDICTS } from '../model/diff.ts';
import { coverageAnchor, entryAnchor } from '../pipeline/diff/problems.ts';
import type { AppliedStandard } from '../model/standard.ts';
import { formatCsv } from './csv.ts';
import { labelLevel, labelVerdict } from './formatters.ts';
import { tabulateOverview, type OverviewPlan } from './overview-table.ts';
import type { Cell } from './table.ts';
import { titleOf, type ReportInput } from './report-input.ts';
import type { ReportFiles } from './render-plan-reports.ts';
import { getTemplateEnv } from './shared-env.ts';
import { provinceOf } from './province.ts';
import { pickWorstVerdict } from './worst-verdict.ts';
import { formatXlsx } from './xlsx.ts';

/** One plan of a batch: its output name (`out/<name>/`), model and diff. */
export interface BatchItem {
  name: string;
  model: ReportInput;
  diff: PlanDiff;
}

/** An input that failed, with its one-line reason. */
export interface FailedInput {
  input: string;
  reason: string;
}

/** Options of the batch renderer. */
export interface BatchReportOptions {
  /** When the batch was run, shown in the footer (default: none). */
  generatedAt?: string;
  /** Inputs that failed, listed on the index. */
  failed?: FailedInput[];
}

/** A grid cell: the worst verdict over the indicator's levels, each level spelled out. */
export interface BatchCell {
  indicator: string;
  verdict: Verdict | null;
  /** `小学：未达标准；初中：达到标准` (also read out by screen readers). */
  detail: string;
  /** The row of the worst level in the plan's report. */
  anchor: string | null;
}

/** What the batch index shows of one plan: computed where the plan is processed, kept small. */
export interface BatchPlanSummary {
  name: string;
  /** The plan's folder relative to `out/` (URL-encoded), ending with `/`. */
  folder: string;
  title: string;
  province: string | null;
  region: string | null;
  docNumber: string | null;
  date: string | null;
  summary: Array<{ verdict: Verdict; count: number }>;
  gaps: number;
  /** The first shortfalls (most serious first), for the index's 问题清单 column. */
  problems: Array<{ verdict: Verdict; text: string; anchor: string }>;
  cells: BatchCell[];
  indicators: Array<{ id: string; name: string }>;
  standards: AppliedStandard[];
  looser: string[];
}

/** Shortfalls shown per plan in the index (all are in its report). */
const PROBLEMS_SHOWN = 5;

/**
 * Summarise one plan for the batch index.
 *
 * @param item
 *   The plan's output name, model and diff.
 * @returns
 *   Its row of the index and grid.
 */
export function summarizeForBatch({ name, model, diff }: BatchItem): BatchPlanSummary {
  const indicators = listIndicators([diff]);
  return {
    name,
    folder: `${name.split('/').map(encodeURIComponent).join('/')}/`,
    title: titleOf(model),
    province: provinceOf(model.metadata),
    region: model.metadata.region,
    docNumber: model.metadata.docNumber,
    date: model.metadata.date,
    summary: VERDICTS.map((verdict) => ({ verdict, count: diff.summary[verdict] })),
    gaps: diff.gaps,
    problems: diff.problems.slice(0, PROBLEMS_SHOWN).map((problem) => ({ verdict: problem.verdict, text: problem.text, anchor: problem.anchor })),
    cells: indicators.map(({ id }) => describeCell(diff, id)),
    indicators,
    standards: diff.standard.applied,
    looser: diff.standard.looser,
  };
}

/** Plans (and failed inputs) listed on the index; above it the page summarises and points to the overview. */
export const INDEX_PLANS_SHOWN = 1000;

/**
 * Render the batch index from the plans' summaries.
 *
 * @param plans
 *   One summary per plan, in the order to list them.
 * @param options
 *   Footer and failed inputs (optional).
 * @returns
 *   The HTML of index.html.
 */
export async function renderBatchIndex(plans: BatchPlanSummary[], options: BatchReportOptions = {}): Promise<string> {
  const html = await getTemplateEnv('html');
  const indicators = plans[0]?.indicators ?? [];
  const rows = plans.map((plan) => ({
    ...plan,
    // Plans share one standard; a plan without an indicator shows an empty cell.
    cells: indicators.map(({ id }) => plan.cells.find((cell) => cell.indicator === id) ?? { indicator: id, verdict: null, detail: '', anchor: null }),
    more: Math.max(0, plan.gaps - plan.problems.length),
  }));
  const legend = VERDICTS.filter((verdict) => plans.some((plan) => plan.summary.some((item) => item.verdict === verdict && item.count > 0)));
  const view = {
    title: '方案对照总览',
    generatedAt: options.generatedAt ?? null,
    standards: plans[0]?.standards ?? [],
    looser: plans[0]?.looser ?? [],
    legend,
    indicators,
    // A batch of thousands of plans is summarised: the chart counts every plan, the tables list the
    // first INDEX_PLANS_SHOWN (the overview and each plan's folder have them all).
    plans: rows.slice(0, INDEX_PLANS_SHOWN),
    totalPlans: rows.length,
    hiddenPlans: Math.max(0, rows.length - INDEX_PLANS_SHOWN),
    failed: (options.failed ?? []).slice(0, INDEX_PLANS_SHOWN),
    hiddenFailed: Math.max(0, (options.failed ?? []).length - INDEX_PLANS_SHOWN),
    chart: chartIndicators(rows, indicators),
  };
  return html.render('index.html', view);
}

/** Per indicator, how many plans meet it, fall short, or set nothing (for the index's bar chart). */
function chartIndicators(plans: Array<{ cells: BatchCell[] }>, indicators: Array<{ id: string; name: string }>) {
  const total = Math.max(1, plans.length);
  return indicators.map(({ id, name }) => {
    const verdicts = plans.map((plan) => plan.cells.find((cell) => cell.indicator === id)?.verdict ?? null);
    const count = (set: readonly (Verdict | null)[]) => verdicts.filter((verdict) => set.includes(verdict)).length;
    const meet = count(['meets', 'stricter', 'byReference', 'covered', 'forbidden']);
    const none = count(['missing', 'notCovered', 'unmentioned', null]);
    const short = plans.length - meet - none;
    const pct = (n: number) => Math.round((n / total) * 1000) / 10;
    return { id, name, meet, short, none, meetPct: pct(meet), shortPct: pct(short), nonePct: pct(none) };
  });
}

/** The overview's facts about a plan. */
export function overviewPlanOf(name: string, model: ReportInput): OverviewPlan {
  return { name, province: provinceOf(model.metadata), region: model.metadata.region, docNumber: model.metadata.docNumber, date: model.metadata.date };
}

/**
 * One plan's rows of the batch overview.
 *
 * @param plan
 *   The plan's name and metadata.
 * @param diff
 *   Its diff.
 */
export function overviewRowsOf(plan: OverviewPlan, diff: PlanDiff): Cell[][] {
  return tabulateOverview([{ plan, diff }]).rows;
}

/**
 * Render the batch reports in memory (for a small batch; the CLI streams the overview instead).
 *
 * @param items
 *   Every plan of the batch, in the order to list them.
 * @param options
 *   Footer and failed inputs (optional).
 * @returns
 *   File contents keyed by file name relative to `out/`.
 */
export async function renderBatchReports(items: BatchItem[], options: BatchReportOptions = {}): Promise<ReportFiles> {
  const table = tabulateOverview(items.map((item) => ({ plan: overviewPlanOf(item.name, item.model), diff: item.diff })));
  return {
    'index.html': await renderBatchIndex(items.map(summarizeForBatch), options),
    'overview.csv': formatCsv(table),
    'overview.xlsx': await formatXlsx([{ name: OVERVIEW_SHEET, table, frozenColumns: 2 }]),
  };
}

/** The overview sheet's name in overview.xlsx. */
export const OVERVIEW_SHEET = '总览';

/** Indicator ids in the standard's order, over every diff of the batch. */
function listIndicators(diffs: PlanDiff[]): Array<{ id: string; name: string }> {
  const seen = new Map<string, string>();
  for (const diff of diffs) for (const item of [...diff.entries, ...diff.coverage, ...diff.vetoes]) if (!seen.has(item.indicator)) seen.set(item.indicator, item.name);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** A grid cell: the worst verdict over the indicator's levels, each level spelled out. */
function describeCell(diff: PlanDiff, id: string): BatchCell {
  const entries = diff.entries.filter((entry) => entry.indicator === id);
  const others = [...diff.coverage, ...diff.vetoes].filter((item) => item.indicator === id);
  const verdict = pickWorstVerdict([...entries, ...others].map((item) => item.verdict));
  const worst = entries.find((entry) => entry.verdict === verdict) ?? entries[0];
  const anchor = worst ? entryAnchor(worst.indicator, worst.level) : others.length > 0 ? coverageAnchor(id) : null;
  const parts = [
    ...entries.map((entry) => `${labelLevel(entry.level)}：${labelVerdict(entry.verdict)}`),
    ...others.map((item) => labelVerdict(item.verdict)),
  ];
  return { indicator: id, verdict, detail: parts.join('；'), anchor };
}

