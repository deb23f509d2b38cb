/**
 * Report renderers: pure functions from models and diffs to file contents.
 */
export { renderPlanReports, type ReportFiles } from './render-plan-reports.ts';
export {
  OVERVIEW_SHEET,
  overviewPlanOf,
  overviewRowsOf,
  renderBatchIndex,
  renderBatchReports,
  summarizeForBatch,
  type BatchItem,
  type BatchPlanSummary,
  type BatchReportOptions,
  type FailedInput,
} from './render-batch-reports.ts';
export { OVERVIEW_COLUMNS } from './overview-table.ts';
export { formatCsvHeader, formatCsvRows } from './csv.ts';
export { plainCell } from './table.ts';
export { setUpSheet, styleRow } from './xlsx.ts';
export type { PlanReportOptions, ReportInput } from './report-input.ts';
export { FORMATTERS, type Formatter } from './formatters.ts';
