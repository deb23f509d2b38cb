/**
 * The audit as one table for `audit.csv` and `audit.xlsx`: one row per school, 学段 and
 * indicator, with the value, the threshold, whether it is met, the count met and R9. School
 * names are document text (`{ text }`), guarded against formulas in the CSV.
 */
import type { AuditModel } from '../model/audit.ts';
import { formatThreshold } from './audit-view.ts';
import type { Cell, Table } from './table.ts';

/** The columns of audit.csv and audit.xlsx. */
export const AUDIT_COLUMNS = [
  { header: '学校', width: 24 },
  { header: '学段', width: 6 },
  { header: '原表学段', width: 10 },
  { header: '行', width: 6 },
  { header: '学生数', width: 8 },
  { header: '指标', width: 6 },
  { header: '指标名称', width: 30 },
  { header: '数值', width: 10 },
  { header: '单位', width: 6 },
  { header: '标准', width: 12 },
  { header: '标准数值', width: 8 },
  { header: '判定', width: 8 },
  { header: '达标项数', width: 8 },
  { header: 'R9', width: 8 },
  { header: '按学生数拆分', width: 8 },
];

const LEVELS = { primary: '小学', junior: '初中' } as const;

/**
 * Build the table.
 *
 * @param model
 *   The audit model.
 * @returns
 *   The table (values unrounded, as computed).
 */
export function auditTable(model: AuditModel): Table {
  const rows: Cell[][] = [];
  for (const school of model.schools) {
    for (const value of school.values) {
      const indicator = model.indicators.find((item) => item.id === value.indicator)!;
      rows.push([
        { text: school.name },
        LEVELS[school.level],
        { text: school.levelText },
        school.rows.join('、'),
        school.students,
        value.indicator,
        indicator.name,
        value.value === null ? null : Number(value.value.toPrecision(12)),
        indicator.unit,
        formatThreshold(value.threshold, indicator.unit),
        value.threshold?.value ?? null,
        value.met === null ? '无数据' : value.met ? '达标' : '未达标',
        school.metCount,
        school.r9 === null ? '无法判定' : school.r9 ? '达到' : '未达到',
        school.split ? '是' : '否',
      ]);
    }
  }
  return { columns: AUDIT_COLUMNS, rows };
}
