/**
 * The batch reports, keyed by file name relative to `out/`: index.html (a link
 * to every plan's report and a grid of plans × indicators coloured by verdict),
 * overview.csv and overview.xlsx.
 */
import type { PlanDiff, Verdict } from '../pipeline/diff-types.ts';
import { formatCsv } from './csv.ts';
import { labelLevel, labelVerdict } from './formatters.ts';
import { tabulateOverview } from './overview-table.ts';
import type { Cell } from './table.ts';
import type { AppliedStandard } from '../pipeline/standard.ts';
import { titleOf, type ReportInput } from './report-input.ts';
import type { ReportFiles } from './render-plan-reports.ts';
import { getTemplateEnv } from './shared-env.ts';
import { pickWorstVerdict } from './worst-verdict.ts';
import { formatXlsx } from './xlsx.ts';
import { VERDICTS } from '../pipeline/diff-types.ts';

/** One plan of a batch: its output name (`out/<name>/`), model and diff. */
export interface BatchItem {
  name: string;
  model: ReportInput;
  diff: PlanDiff;
}

/** Options of the batch renderer. */
export interface BatchReportOptions {
  /** When the batch was run, shown in the footer (default: none). */
  generatedAt?: string;
}

/** What the batch index shows of one plan: computed where the plan is processed, kept small. */
export interface BatchPlanSummary {
  name: string;
  href: string;
  title: string;
  docNumber: string | null;
  summary: Array<{ verdict: Verdict; count: number }>;
  cells: Array<{ indicator: string; verdict: Verdict | null; tooltip: string }>;
  indicators: Array<{ id: string; name: string }>;
  standards: AppliedStandard[];
}

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
    href: `${name.split('/').map(encodeURIComponent).join('/')}/report.html`,
    title: titleOf(model),
    docNumber: model.metadata.docNumber,
    summary: VERDICTS.map((verdict) => ({ verdict, count: diff.summary[verdict] })),
    cells: indicators.map(({ id }) => describeCell(diff, id)),
    indicators,
    standards: diff.standard.applied,
  };
}

/**
 * Render the batch index from the plans' summaries.
 *
 * @param plans
 *   One summary per plan, in the order to list them.
 * @param options
 *   Footer (optional).
 * @returns
 *   The HTML of index.html.
 */
export async function renderBatchIndex(plans: BatchPlanSummary[], options: BatchReportOptions = {}): Promise<string> {
  const html = await getTemplateEnv('html');
  const indicators = plans[0]?.indicators ?? [];
  const view = {
    generatedAt: options.generatedAt ?? null,
    standards: plans[0]?.standards ?? [],
    legend: VERDICTS,
    indicators,
    plans: plans.map((plan) => ({
      ...plan,
      // Plans share one standard; a plan without an indicator shows an empty cell.
      cells: indicators.map(({ id }) => plan.cells.find((cell) => cell.indicator === id) ?? { indicator: id, verdict: null, tooltip: id }),
    })),
  };
  return html.render('index.html', view);
}

/**
 * One plan's rows of the batch overview (text cells neutralised against formulas).
 *
 * @param name
 *   The plan's output name.
 * @param diff
 *   Its diff.
 */
export function overviewRowsOf(name: string, diff: PlanDiff): Cell[][] {
  return tabulateOverview([{ name, diff }]).rows;
}

/**
 * Render the batch reports in memory (for a small batch; the CLI streams the overview instead).
 *
 * @param items
 *   Every plan of the batch, in the order to list them.
 * @param options
 *   Footer (optional).
 * @returns
 *   File contents keyed by file name relative to `out/`.
 */
export async function renderBatchReports(items: BatchItem[], options: BatchReportOptions = {}): Promise<ReportFiles> {
  const table = tabulateOverview(items);
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
  for (const diff of diffs) for (const item of [...diff.entries, ...diff.coverage]) if (!seen.has(item.indicator)) seen.set(item.indicator, item.name);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** A grid cell: the worst verdict over the indicator's levels, each level in the tooltip. */
function describeCell(diff: PlanDiff, id: string): { indicator: string; verdict: Verdict | null; tooltip: string } {
  const entries = diff.entries.filter((entry) => entry.indicator === id);
  const coverage = diff.coverage.filter((item) => item.indicator === id);
  const verdict = pickWorstVerdict([...entries, ...coverage].map((item) => item.verdict));
  const parts = [
    ...entries.map((entry) => `${labelLevel(entry.level)}：${labelVerdict(entry.verdict)}`),
    ...coverage.map((item) => labelVerdict(item.verdict)),
  ];
  return { indicator: id, verdict, tooltip: `${id} ${parts.join('；')}` };
}
