/**
 * The responsibility matrix as a table for CSV and XLSX: task, its text,
 * indicator, 完成时限, place, quote, then one column per department with
 * 牵头 / 负责 / 配合.
 */
import { formatDeadline, formatLocation, roleLabel } from './formatters.ts';
import type { ResponsibilityPlan } from './responsibility-plan.ts';
import { makeTable, type Table } from './table.ts';

/**
 * Tabulate a plan's division of labour.
 *
 * @param plan
 *   The tasks and departments.
 * @returns
 *   The table (document text guarded against formulas in CSV).
 */
export function tabulateResponsibilities(plan: ResponsibilityPlan): Table {
  const columns = [
    { header: '序号', width: 6 },
    { header: '任务', width: 30 },
    { header: '任务内容', width: 40 },
    { header: '指标', width: 10 },
    { header: '完成时限', width: 14 },
    { header: '位置', width: 12 },
    { header: '原文', width: 50 },
    ...plan.departments.map((department) => ({ header: department.name, width: Math.max(8, Math.min(24, department.name.length * 2 + 2)), document: true })),
  ];
  const rows = plan.tasks.map((task, index) => [
    index + 1,
    { text: task.label },
    task.detail === null ? null : { text: task.detail },
    task.indicator,
    task.deadline === null ? '未写明' : formatDeadline(task.deadline),
    formatLocation(task.location),
    { text: task.quote },
    ...task.roles.map((role) => (role === null ? null : roleLabel(role))),
  ]);
  return makeTable(columns, rows);
}
