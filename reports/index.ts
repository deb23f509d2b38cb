/**
 * Report renderers: pure functions from models and diffs to file contents.
 */
export { renderPlanReports, type ReportFiles } from './render-plan-reports.ts';
export { renderBatchReports, type BatchItem, type BatchReportOptions } from './render-batch-reports.ts';
export type { PlanReportOptions, ReportInput } from './report-input.ts';
export { FORMATTERS, type Formatter } from './formatters.ts';
