/**
 * The audit model: what `plancheck audit` finds in a county's school list, as zod schemas
 * (validated before anything is written as `audit.json`) and their inferred types.
 * Per school and 学段 the seven resource indicators R1–R7 against the standard, R9; per
 * 学段 and indicator the student-weighted mean and 差异系数 (R8); with a plan, the plan's
 * figure beside the county's actual one.
 */
import { z } from 'zod';

/** The two 学段 the resource indicators are judged for. */
export const auditLevelSchema = z.enum(['primary', 'junior']);

const thresholdSchema = z.object({
  comparator: z.enum(['>=', '>', '<=', '<']),
  value: z.number().finite(),
  /** Title of the standard that set it (the national one or an overlay). */
  source: z.string(),
});

/** One indicator of one school: its value, the threshold and whether it is met. */
export const schoolValueSchema = z.object({
  indicator: z.string(),
  /** The value per 100 students or per student, as the standard defines the indicator; null when a cell was missing or bad. */
  value: z.number().finite().nullable(),
  threshold: thresholdSchema.nullable(),
  met: z.boolean().nullable(),
  /** value / threshold (1 = exactly the threshold), for R9's 85 % rule. */
  ratio: z.number().finite().nullable(),
});

/** One school in one 学段 (a 九年一贯制 school appears twice). */
export const auditSchoolSchema = z.object({
  name: z.string().min(1),
  level: auditLevelSchema,
  /** 1-based row(s) of the sheet the figures come from. */
  rows: z.array(z.number().int().positive()).min(1),
  /** The sheet's 学段 text (小学, 初中, 九年一贯制 …). */
  levelText: z.string(),
  /** A 九年一贯制 school on one row, its resources divided between the two 学段 by their students. */
  split: z.boolean(),
  students: z.number().positive(),
  values: z.array(schoolValueSchema),
  /** Indicators met, of those whose value is known. */
  metCount: z.number().int().nonnegative(),
  known: z.number().int().nonnegative(),
  /** R9: at least 6 of 7 met and the others ≥ 85 % of their threshold; null when a value is missing. */
  r9: z.boolean().nullable(),
});

/** The county's figures for one indicator in one 学段. */
export const auditStatisticSchema = z.object({
  level: auditLevelSchema,
  indicator: z.string(),
  /** Schools with a value (weights: their students). */
  schools: z.number().int().nonnegative(),
  students: z.number().nonnegative(),
  /** X̄ = Σ PᵢXᵢ / P. */
  mean: z.number().finite().nullable(),
  /** S = √(Σ Pᵢ(Xᵢ − X̄)² / P). */
  sd: z.number().finite().nullable(),
  /** 差异系数 CV = S / X̄ (student-weighted, as 教督〔2017〕6号 defines it). */
  cv: z.number().finite().nullable(),
  /** R8's limit for this 学段 (0.50 小学, 0.45 初中). */
  limit: thresholdSchema.nullable(),
  withinLimit: z.boolean().nullable(),
  /** Schools whose value falls short of the indicator's threshold. */
  short: z.number().int().nonnegative(),
});

/** One figure a plan sets for an indicator, beside the county's actual figure. */
export const planComparisonSchema = z.object({
  indicator: z.string(),
  level: auditLevelSchema,
  comparator: z.enum(['>=', '>', '<=', '<', '≈', '=']),
  value: z.number().finite(),
  unit: z.string(),
  /** The target's year; null for an undated target. */
  year: z.number().int().nullable(),
  hedge: z.string().nullable(),
  quote: z.string(),
  /** The county's actual figure: the weighted mean (R1–R7), the 差异系数 (R8), the share of schools meeting R9 (%). */
  actual: z.number().finite().nullable(),
  /** Schools whose own value falls short of the plan's figure (R1–R7; R9: schools not meeting R9). */
  schoolsShort: z.number().int().nonnegative().nullable(),
  schools: z.number().int().nonnegative(),
  /** Whether the actual figure reaches the plan's. */
  reached: z.boolean().nullable(),
});

/** A problem with the sheet: a missing column, a bad cell, a school left out. */
export const auditMessageSchema = z.object({
  /** 1-based sheet row, when the problem is in a row. */
  row: z.number().int().positive().nullable(),
  /** The cell's column letter (`E`), when the problem is in a cell. */
  column: z.string().nullable(),
  reason: z.string().min(1),
});

/** A column found by its header. */
export const auditColumnSchema = z.object({
  concept: z.string(),
  label: z.string(),
  header: z.string(),
  column: z.string(),
  /** What the header's unit multiplies the cells by (万元 → 10000). */
  factor: z.number().positive(),
});

/** The whole audit of one school list. */
export const auditModelSchema = z.object({
  source: z.object({
    file: z.string(),
    format: z.enum(['xlsx', 'xls', 'csv']),
    sheet: z.string(),
    encoding: z.string().nullable(),
    headerRows: z.array(z.number().int().positive()),
  }),
  year: z.number().int(),
  standard: z.object({ id: z.string(), titles: z.array(z.string()) }),
  columns: z.array(auditColumnSchema),
  indicators: z.array(z.object({
    id: z.string(),
    name: z.string(),
    unit: z.string(),
    /** 100 for 每百名学生, 1 for 生均. */
    per: z.union([z.literal(100), z.literal(1)]),
    thresholds: z.object({ primary: thresholdSchema.nullable(), junior: thresholdSchema.nullable() }),
  })),
  schools: z.array(auditSchoolSchema),
  statistics: z.array(auditStatisticSchema),
  summary: z.object({
    schools: z.number().int().nonnegative(),
    primary: z.number().int().nonnegative(),
    junior: z.number().int().nonnegative(),
    r9Met: z.number().int().nonnegative(),
    r9NotMet: z.number().int().nonnegative(),
    r9Unknown: z.number().int().nonnegative(),
    /** Per 学段: whether every indicator's 差异系数 is within R8's limit (null when one cannot be computed). */
    r8: z.object({ primary: z.boolean().nullable(), junior: z.boolean().nullable() }),
  }),
  plan: z.object({
    document: z.string(),
    title: z.string().nullable(),
    rows: z.array(planComparisonSchema),
  }).nullable(),
  messages: z.array(auditMessageSchema),
});

export type AuditLevel = z.infer<typeof auditLevelSchema>;
export type AuditThreshold = z.infer<typeof thresholdSchema>;
export type SchoolValue = z.infer<typeof schoolValueSchema>;
export type AuditSchool = z.infer<typeof auditSchoolSchema>;
export type AuditStatistic = z.infer<typeof auditStatisticSchema>;
export type PlanComparison = z.infer<typeof planComparisonSchema>;
export type AuditMessage = z.infer<typeof auditMessageSchema>;
export type AuditColumn = z.infer<typeof auditColumnSchema>;
export type AuditModel = z.infer<typeof auditModelSchema>;
