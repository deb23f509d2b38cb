/**
 * Report renderers: pure functions from models and diffs to file contents.
 */
export { renderPlanReports, type ReportFiles } from './render-plan-reports.ts';
export {
  OVERVIEW_SHEET,
  overviewRowsOf,
  renderBatchIndex,
  renderBatchReports,
  summarizeForBatch,
  type BatchItem,
  type BatchPlanSummary,
  type BatchReportOptions,
} from './render-batch-reports.ts';
export { OVERVIEW_COLUMNS } from './overview-table.ts';
export { formatCsvRows } from './csv.ts';
export type { PlanReportOptions, ReportInput } from './report-input.ts';
export { FORMATTERS, type Formatter } from './formatters.ts';
