/**
 * Test helpers of the audit: the national standard as loaded by the CLI, and a school list
 * run through the reader and the audit.
 */
import { readFileSync } from 'node:fs';
import { auditCounty } from '../../audit/audit-county.ts';
import type { Target } from '../../model/plan.ts';
import { auditModelSchema, type AuditModel } from '../../model/audit.ts';
import { readWorkbook } from '../../pipeline/ingest/sheet/read-workbook.ts';
import type { Sheet, Workbook } from '../../pipeline/ingest/sheet/types.ts';
import { loadStandard, type Standard } from '../../model/standard.ts';

/** The national standard file, parsed. */
export const NATIONAL = JSON.parse(readFileSync(new URL('../../corpus/standards/jiaodu-2017-6.json', import.meta.url), 'utf8')) as {
  indicators: Array<{ id: string; name: string; thresholds?: Array<{ level: string; comparator: string; value: number }> }>;
};

/** The national standard in force. */
export const STANDARD: Standard = loadStandard(NATIONAL, []);

/**
 * Audit a workbook and validate the model.
 *
 * @param workbook
 *   The workbook.
 * @param plan
 *   Targets of a plan (optional).
 */
export function audit(workbook: Workbook, plan?: Target[], year = 2025): AuditModel {
  return auditModelSchema.parse(auditCounty(workbook, { file: 'test.xlsx', standard: STANDARD, year, ...(plan ? { plan: { document: 'plan.txt', title: null, targets: plan } } : {}) }));
}

/**
 * Audit a file.
 *
 * @param path
 *   A path relative to the repository root.
 */
export async function auditFile(path: string): Promise<AuditModel> {
  const bytes = readFileSync(new URL(`../../${path}`, import.meta.url));
  return audit(await readWorkbook(new Uint8Array(bytes), path.slice(path.lastIndexOf('.'))));
}

/**
 * A workbook of one sheet from rows of values (row 1 first).
 *
 * @param rows
 *   The rows.
 */
export function sheetOf(rows: Array<Array<string | number | null>>): Workbook {
  const sheet: Sheet = { name: '学校', index: 1, rows: rows.map((values, at) => ({ row: at + 1, values })) };
  return { format: 'xlsx', sheets: [sheet], warnings: [] };
}

/** The standard header of a school list. */
export const HEADER = ['学校名称', '学段', '学生数', '高于规定学历教师数', '县级以上骨干教师数', '体育、艺术专任教师数', '教学及辅助用房面积', '体育运动场馆面积', '教学仪器设备值', '网络多媒体教室数'];

/** A school row that meets every indicator for 小学 (500 students). */
export function goodPrimary(name: string): Array<string | number> {
  return [name, '小学', 500, 25, 6, 5, 2500, 4000, 1_100_000, 12];
}
