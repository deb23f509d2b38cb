/**
 * Every per-plan report, as file contents keyed by file name relative to
 * `out/<name>/`: report.html/.md, responsibilities.html/.csv/.xlsx,
 * checklists.html/.md. Pure apart from reading its own templates.
 */
import type { PlanDiff } from '../pipeline/diff-types.ts';
import { formatCsv } from './csv.ts';
import { buildDepartmentChecklists } from './department-checklists.ts';
import { escapeMarkdown } from './escape-markdown.ts';
import { buildPlanView, type Escape } from './plan-view.ts';
import { titleOf, type PlanReportOptions, type ReportInput } from './report-input.ts';
import { buildResponsibilityMatrix } from './responsibility-matrix.ts';
import { tabulateResponsibilities } from './responsibility-table.ts';
import { getTemplateEnv } from './shared-env.ts';
import { formatXlsx } from './xlsx.ts';

/** Output files by name: text or bytes. */
export type ReportFiles = Record<string, string | Uint8Array>;

const asIs: Escape = (text) => text;

/**
 * Render every report of one plan.
 *
 * @param model
 *   The plan's model.
 * @param diff
 *   Its diff against the standard (`diffPlan`).
 * @param options
 *   Name and footer (optional).
 * @returns
 *   File contents keyed by file name relative to `out/<name>/`.
 */
export async function renderPlanReports(model: ReportInput, diff: PlanDiff, options: PlanReportOptions = {}): Promise<ReportFiles> {
  const html = await getTemplateEnv('html');
  const md = await getTemplateEnv('md');
  const matrix = buildResponsibilityMatrix(model.responsibilities);
  const table = tabulateResponsibilities(matrix);
  const header = (escape: Escape) => ({
    name: escape(options.name ?? model.document),
    title: escape(titleOf(model)),
    document: escape(model.document),
    generatedAt: options.generatedAt === undefined ? null : escape(options.generatedAt),
  });
  return {
    'report.html': html.render('report.html', buildPlanView(model, diff, options, asIs)),
    'report.md': md.render('report.md', buildPlanView(model, diff, options, escapeMarkdown)),
    'responsibilities.html': html.render('responsibilities.html', {
      ...header(asIs),
      departments: matrix.departments,
      rows: matrix.rows.map((row, index) => ({ ...row, number: index + 1 })),
    }),
    'responsibilities.csv': formatCsv(table),
    'responsibilities.xlsx': await formatXlsx([{ name: '责任矩阵', table, frozenColumns: 2 }]),
    'checklists.html': html.render('checklists.html', { ...header(asIs), checklists: buildDepartmentChecklists(model, diff, asIs) }),
    'checklists.md': md.render('checklists.md', { ...header(escapeMarkdown), checklists: buildDepartmentChecklists(model, diff, escapeMarkdown) }),
  };
}
