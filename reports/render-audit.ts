/**
 * The audit's files: `audit.html` (rendered from `templates/audit.html.hbs` with the plan
 * reports' style), `audit.csv` and `audit.xlsx` (one row per school × indicator, coloured by
 * meets/falls short), and `audit.json` (the validated model). Pure: the caller writes them.
 */
import type { AuditModel } from '../model/audit.ts';
import { auditTable } from './audit-table.ts';
import { buildAuditView } from './audit-view.ts';
import { formatCsv } from './csv.ts';
import { getTemplateEnv } from './shared-env.ts';
import { formatXlsxStreamed } from './xlsx-stream.ts';

const JSON_INDENT_LIMIT = 5_000;

/**
 * Render the audit's files.
 *
 * @param model
 *   The validated audit model.
 * @returns
 *   File names and contents.
 */
export async function renderAudit(model: AuditModel): Promise<Record<string, string | Uint8Array>> {
  const env = await getTemplateEnv('html');
  const table = auditTable(model);
  return {
    'audit.html': env.render('audit.html', buildAuditView(model)),
    'audit.csv': formatCsv(table),
    'audit.xlsx': await formatXlsxStreamed({ name: '学校指标', table, frozenColumns: 2 }),
    // Indented for reading; a list of thousands of schools compact, so its JSON stays a fraction of its size.
    'audit.json': `${JSON.stringify(model, null, model.schools.length > JSON_INDENT_LIMIT ? undefined : 2)}\n`,
  };
}
