/**
 * The responsibility matrix as a table for CSV and XLSX: task, indicator,
 * place, quote, then one column per department with 牵头/配合.
 */
import { formatLocation } from './formatters.ts';
import type { ResponsibilityMatrix } from './responsibility-matrix.ts';
import { makeTable, type Table } from './table.ts';

/**
 * Tabulate a responsibility matrix.
 *
 * @param matrix
 *   The matrix.
 * @returns
 *   The table (text cells neutralised against formulas).
 */
export function tabulateResponsibilities(matrix: ResponsibilityMatrix): Table {
  const columns = [
    { header: '序号', width: 6 },
    { header: '任务', width: 40 },
    { header: '指标', width: 10 },
    { header: '位置', width: 12 },
    { header: '原文', width: 50 },
    ...matrix.departments.map((name) => ({ header: name, width: Math.max(8, Math.min(24, name.length * 2 + 2)) })),
  ];
  const rows = matrix.rows.map((row, index) => [
    index + 1,
    row.task,
    row.indicator,
    formatLocation(row.location),
    row.quote,
    ...row.roles.map((role) => (role === 'lead' ? '牵头' : role === 'support' ? '配合' : null)),
  ]);
  return makeTable(columns, rows);
}
