/**
 * The audit of one county's school list: the header found, the schools read, R1–R7 and
 * R9 per school and 学段, the weighted mean and 差异系数 per 学段 and indicator (R8), and
 * with a plan the plan's figures beside the actual ones. Pure: the caller reads the
 * files, loads the standard and validates and writes the model.
 */
import type { AuditLevel, AuditModel, AuditSchool, AuditStatistic, SchoolValue } from '../model/audit.ts';
import type { Target } from '../model/plan.ts';
import type { Standard } from '../model/standard.ts';
import type { Workbook } from '../pipeline/ingest/sheet/types.ts';
import { columnName } from '../pipeline/ingest/sheet/types.ts';
import { CONCEPTS, type Concept } from './columns.ts';
import { comparePlan } from './compare-plan.ts';
import { findHeader } from './find-header.ts';
import { cvLimits, meets, resourceIndicators, type ResourceIndicator } from './indicators.ts';
import { readSchools, type SchoolRecord } from './read-schools.ts';
import { weightedStatistics } from './weighted-statistics.ts';

/** R9: at least this many of the seven indicators met … */
export const R9_MINIMUM_MET = 6;
/** … and every other one at least this share of its threshold. */
export const R9_FLOOR = 0.85;

/** What the audit needs besides the workbook. */
export interface AuditOptions {
  /** The school list's file name, for the model. */
  file: string;
  standard: Standard;
  /** The audit year (the plan's figures for it, or the nearest later year, are compared). */
  year: number;
  /** A plan to compare with (its document name, title and targets). */
  plan?: { document: string; title: string | null; targets: readonly Target[] };
}

/** A school list without a usable header. */
export class AuditError extends Error {
  override name = 'AuditError';
}

/**
 * Audit a school list.
 *
 * @param workbook
 *   The read spreadsheet.
 * @param options
 *   File name, standard, year and plan.
 * @returns
 *   The audit model (not yet validated).
 * @throws {AuditError}
 *   When no sheet has a header naming the schools and their students.
 */
export function auditCounty(workbook: Workbook, options: AuditOptions): AuditModel {
  const header = findHeader(workbook.sheets);
  if (!header) {
    throw new AuditError('找不到学校名单的表头：前 20 行中没有同时写明“学校名称”（或“学校”）和“学生数”（或“在校生数”）的一行');
  }
  const read = readSchools(header);
  const indicators = resourceIndicators(options.standard);
  const schools = read.schools.map((school) => judgeSchool(school, indicators));
  const limits = cvLimits(options.standard);
  const statistics: AuditStatistic[] = [];
  for (const level of ['primary', 'junior'] as const) {
    const own = schools.filter((school) => school.level === level);
    for (const [at, indicator] of indicators.entries()) {
      // A school's values are in the order of the indicators.
      const measured = own.map((school) => ({ school, value: school.values[at]!.value }))
        .filter((item): item is { school: AuditSchool; value: number } => item.value !== null);
      const computed = weightedStatistics(measured.map((item) => item.value), measured.map((item) => item.school.students));
      const limit = limits[level];
      const cv = computed?.cv ?? null;
      statistics.push({
        level,
        indicator: indicator.id,
        schools: measured.length,
        students: measured.reduce((sum, item) => sum + item.school.students, 0),
        mean: computed?.mean ?? null,
        sd: computed?.sd ?? null,
        cv,
        limit,
        withinLimit: cv === null || limit === null ? null : meets(cv, limit),
        short: measured.filter((item) => item.school.values[at]!.met === false).length,
      });
    }
  }
  const r8 = (level: AuditLevel): boolean | null => {
    const own = statistics.filter((item) => item.level === level);
    if (own.every((item) => item.schools === 0)) return null;
    if (own.some((item) => item.withinLimit === false)) return false;
    return own.some((item) => item.withinLimit === null) ? null : true;
  };
  const columns = (Object.entries(header.columns) as Array<[Concept, { index: number; header: string; factor: number }]>)
    .sort((a, b) => a[1].index - b[1].index)
    .map(([concept, column]) => ({ concept, label: CONCEPTS[concept].label, header: column.header, column: columnName(column.index + 1), factor: column.factor }));
  return {
    source: { file: options.file, format: workbook.format, sheet: header.sheet.name, encoding: workbook.encoding ?? null, headerRows: header.rows },
    year: options.year,
    standard: { id: options.standard.id, titles: options.standard.applied.map((item) => item.title) },
    columns,
    indicators: indicators.map((indicator) => ({ id: indicator.id, name: indicator.name, unit: indicator.unit, per: indicator.per, thresholds: indicator.thresholds })),
    schools,
    statistics,
    summary: {
      schools: new Set(schools.map((school) => school.name)).size,
      primary: schools.filter((school) => school.level === 'primary').length,
      junior: schools.filter((school) => school.level === 'junior').length,
      r9Met: schools.filter((school) => school.r9 === true).length,
      r9NotMet: schools.filter((school) => school.r9 === false).length,
      r9Unknown: schools.filter((school) => school.r9 === null).length,
      r8: { primary: r8('primary'), junior: r8('junior') },
    },
    plan: options.plan ? { document: options.plan.document, title: options.plan.title, rows: comparePlan(options.plan.targets, options.year, schools, statistics) } : null,
    messages: read.messages,
  };
}

/** A school's seven values against their thresholds, the count met and R9. */
function judgeSchool(school: SchoolRecord, indicators: ResourceIndicator[]): AuditSchool {
  const values: SchoolValue[] = indicators.map((indicator) => {
    const amount = school.resources[indicator.resource];
    const threshold = indicator.thresholds[school.level];
    if (amount === undefined) return { indicator: indicator.id, value: null, threshold, met: null, ratio: null };
    const value = (amount / school.students) * indicator.per;
    return {
      indicator: indicator.id,
      value,
      threshold,
      met: threshold === null ? null : meets(value, threshold),
      ratio: threshold === null || threshold.value === 0 ? null : value / threshold.value,
    };
  });
  const known = values.filter((value) => value.met !== null);
  const metCount = known.filter((value) => value.met).length;
  const short = known.filter((value) => !value.met);
  let r9: boolean | null = null;
  // Two short, or one below 85 % of its threshold, fail R9 whatever a missing value would be.
  if (short.length > values.length - R9_MINIMUM_MET || short.some((value) => value.ratio === null || value.ratio < R9_FLOOR - 1e-10)) r9 = false;
  else if (known.length === values.length) r9 = true;
  return {
    name: school.name,
    level: school.level,
    rows: school.rows,
    levelText: school.levelText,
    split: school.split,
    students: school.students,
    values,
    metCount,
    known: known.length,
    r9,
  };
}
