/**
 * The plan model: what plancheck extracts from one document, as zod schemas
 * (validated before anything is written) and their inferred types.
 * Field meanings follow ../shared/spec/EXTRACTION.md.
 */
import { z } from 'zod';

/** Where an extracted item is in the source file (see `SourceLocation`). */
export const locationSchema = z.object({
  /** The annex file, for an item read from an annex of a bundle (`--bundle`). */
  file: z.string().min(1).optional(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  page: z.number().int().positive().optional(),
  paragraph: z.number().int().positive().optional(),
});

export const levelSchema = z.enum(['primary', 'junior', 'nineYear', 'twelveYear', 'all']);
export const comparatorSchema = z.enum(['>=', '>', '<=', '<', '≈', '=']);

/** A number the plan commits to, requires, or reports as the present state. */
export const targetSchema = z.object({
  indicator: z.string().nullable(),
  level: levelSchema,
  comparator: comparatorSchema,
  value: z.number().finite(),
  unit: z.string(),
  year: z.number().int().nullable(),
  kind: z.enum(['target', 'baseline']),
  quote: z.string().min(1),
  location: locationSchema,
  /** Line, for scorers that read a flat `line` (txt/md). */
  line: z.number().int().positive().optional(),
  /** The measured quantity as the plan names it (e.g. 体育艺术专任教师数). */
  quantity: z.string().optional(),
  /** The word that softens this commitment (基本, 原则上, 力争, 争取, 逐步, 努力), EXTRACTION.md §1. */
  hedge: z.string().nullable().optional(),
  /** A target stated only by reference to the standard (学校规模和班额达到国家标准要求): the standard's figure. */
  byReference: z.boolean().optional(),
  sectionPath: z.array(z.string()).optional(),
});

/** A time by which, or a period in which, something is to happen. */
export const deadlineSchema = z.object({
  start: z.string().regex(/^\d{4}(-\d{2})?$/).nullable(),
  end: z.string().regex(/^\d{4}(-\d{2})?$/).nullable(),
  label: z.string(),
  quote: z.string().min(1),
  location: locationSchema,
  line: z.number().int().positive().optional(),
});

export const departmentTypeSchema = z.string();

/** A department named for a task, with its role. */
export const departmentSchema = z.object({
  name: z.string().min(1),
  /** `lead` 牵头/★, `support` 配合/协助/参与/○, `responsible` otherwise (EXTRACTION.md §3). */
  role: z.enum(['lead', 'support', 'responsible']),
  /** Canonical department type from the catalogue (finance, education, …), or `other`. */
  type: departmentTypeSchema.optional(),
});

/** A task tied to the departments that carry it. */
export const responsibilitySchema = z.object({
  task: z.string().min(1),
  indicator: z.string().nullable(),
  departments: z.array(departmentSchema).min(1),
  quote: z.string().min(1),
  location: locationSchema,
  line: z.number().int().positive().optional(),
});

/** Whether the plan states a national requirement at all, with the evidence. */
export const coverageEntrySchema = z.object({
  covered: z.boolean(),
  quote: z.string().nullable(),
  location: locationSchema.nullable(),
});

export type Location = z.infer<typeof locationSchema>;
export type Level = z.infer<typeof levelSchema>;
export type Comparator = z.infer<typeof comparatorSchema>;
export type Target = z.infer<typeof targetSchema>;
export type Deadline = z.infer<typeof deadlineSchema>;
export type Department = z.infer<typeof departmentSchema>;
export type Responsibility = z.infer<typeof responsibilitySchema>;
export type CoverageEntry = z.infer<typeof coverageEntrySchema>;

/** One message about a document: a warning or an error with its place. */
export const messageSchema = z.object({
  reason: z.string(),
  fatal: z.boolean().nullable(),
  ruleId: z.string().nullable(),
  source: z.string().nullable(),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
});

/** What plancheck extracts from one plan. */
export const planExtractionSchema = z.object({
  targets: z.array(targetSchema),
  deadlines: z.array(deadlineSchema),
  responsibilities: z.array(responsibilitySchema),
  coverage: z.record(z.string(), coverageEntrySchema),
});

export type PlanExtraction = z.infer<typeof planExtractionSchema>;
export type PlanMessage = z.infer<typeof messageSchema>;
