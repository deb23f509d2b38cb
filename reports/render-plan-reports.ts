/**
 * Every per-plan report, as file contents keyed by file name relative to
 * `out/<name>/`: report.html/.md, responsibilities.html/.csv/.xlsx,
 * checklists.html/.md. Pure apart from reading its own templates.
 */
import type { PlanDiff } from '../model/diff.ts';
import { anchorOf, buildChecklists } from './checklists.ts';
import { formatCsv } from './csv.ts';
import { describeLocations } from './docx-location.ts';
import { escapeMarkdown } from './escape-markdown.ts';
import { buildPlanView, rootOf, type Escape } from './plan-view.ts';
import { QuoteShower } from './quote-view.ts';
import { titleOf, type PlanReportOptions, type ReportInput } from './report-input.ts';
import { buildResponsibilityPlan } from './responsibility-plan.ts';
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
 *   The plan's model (with `places` for tasks tied to their measures).
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
  const plan = buildResponsibilityPlan(model);
  const table = tabulateResponsibilities(plan);
  const name = options.name ?? model.document;
  const describe = describeLocations(model);
  const header = (escape: Escape) => ({
    name: escape(name),
    title: escape(titleOf(model)),
    document: escape(model.document),
    root: rootOf(name),
    generatedAt: options.generatedAt === undefined ? null : escape(options.generatedAt),
    looser: diff.standard.looser.map(escape),
    assigned: model.responsibilities.length > 0,
  });
  const matrix = (escape: Escape) => {
    const quotes = new QuoteShower(escape, describe);
    return {
      ...header(escape),
      departments: plan.departments.map((department, index) => ({ name: escape(department.name), aliases: department.aliases.map(escape), anchor: `d${index + 1}` })),
      rows: plan.tasks.map((task, index) => ({
        number: index + 1,
        anchor: `t${index + 1}`,
        label: escape(task.label),
        detail: task.detail === null ? null : escape(task.detail),
        indicator: task.indicator === null ? null : escape(task.indicator),
        indicatorAnchor: task.indicator === null ? null : anchorOf(diff, task.indicator),
        deadline: task.deadline === null ? null : { ...task.deadline, label: escape(task.deadline.label), quote: escape(task.deadline.quote) },
        quote: quotes.show(task.quote, null, task.location, null),
        roles: task.roles,
      })),
    };
  };
  return {
    'report.html': html.render('report.html', buildPlanView(model, diff, options, asIs)),
    'report.md': md.render('report.md', buildPlanView(model, diff, options, escapeMarkdown)),
    'responsibilities.html': html.render('responsibilities.html', matrix(asIs)),
    'responsibilities.csv': formatCsv(table),
    'responsibilities.xlsx': await formatXlsx([{ name: '责任矩阵', table, frozenColumns: 2 }]),
    'checklists.html': html.render('checklists.html', { ...header(asIs), checklists: buildChecklists(plan, diff, asIs, describe) }),
    'checklists.md': md.render('checklists.md', { ...header(escapeMarkdown), checklists: buildChecklists(plan, diff, escapeMarkdown, describe) }),
  };
}
