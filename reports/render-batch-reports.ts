/**
 * The batch reports, keyed by file name relative to `out/`: index.html (a link
 * to every plan's report and a grid of plans × indicators coloured by verdict),
 * overview.csv and overview.xlsx.
 */
import type { PlanDiff, Verdict } from '../pipeline/diff-types.ts';
import { formatCsv } from './csv.ts';
import { labelLevel, labelVerdict } from './formatters.ts';
import { tabulateOverview } from './overview-table.ts';
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

/**
 * Render the batch reports.
 *
 * @param items
 *   Every plan of the batch, in the order to list them.
 * @param options
 *   Footer (optional).
 * @returns
 *   File contents keyed by file name relative to `out/`.
 */
export async function renderBatchReports(items: BatchItem[], options: BatchReportOptions = {}): Promise<ReportFiles> {
  const html = await getTemplateEnv('html');
  const indicators = listIndicators(items.map((item) => item.diff));
  const table = tabulateOverview(items);
  const view = {
    generatedAt: options.generatedAt ?? null,
    standards: items[0]?.diff.standard.applied ?? [],
    legend: VERDICTS,
    indicators,
    plans: items.map(({ name, model, diff }) => ({
      name,
      href: `${name.split('/').map(encodeURIComponent).join('/')}/report.html`,
      title: titleOf(model),
      docNumber: model.metadata.docNumber,
      summary: VERDICTS.map((verdict) => ({ verdict, count: diff.summary[verdict] })),
      cells: indicators.map(({ id }) => describeCell(diff, id)),
    })),
  };
  return {
    'index.html': html.render('index.html', view),
    'overview.csv': formatCsv(table),
    'overview.xlsx': await formatXlsx([{ name: '总览', table, frozenColumns: 2 }]),
  };
}

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
