/**
 * The diff of one plan against the standard in force, as data: every entry
 * carries the plan's value, the standard's threshold, the quote and its place.
 */
import type { Comparator, Level, Location, PlanMessage } from '../extractors/model.ts';
import type { AppliedStandard, ThresholdComparator } from './standard.ts';

/** How one stated value compares with the threshold. */
export type PointVerdict = 'meets' | 'stricter' | 'weaker';

/** The verdict of a numeric indicator at one level. */
export type NumericVerdict = PointVerdict | 'missing' | 'conflicting';

/** The verdict of a qualitative indicator. */
export type CoverageVerdict = 'covered' | 'notCovered';

/** Every verdict a report can show. */
export type Verdict = NumericVerdict | CoverageVerdict;

/** Every verdict, in the order reports list them. */
export const VERDICTS: readonly Verdict[] = ['meets', 'stricter', 'weaker', 'conflicting', 'missing', 'covered', 'notCovered'];

/** One value the plan states for an indicator (a target or a baseline). */
export interface PlanPoint {
  year: number | null;
  comparator: Comparator;
  value: number;
  unit: string;
  /** The level the plan states it for (`all` applies to every level). */
  level: Level;
  kind: 'target' | 'baseline';
  quote: string;
  location: Location;
  /** Against the threshold; `null` for a baseline, which decides nothing. */
  verdict: PointVerdict | null;
}

/** What the standard requires at one level. */
export interface Expected {
  comparator: ThresholdComparator;
  value: number;
  unit: string;
  /** Id of the standard (base or overlay) that set this threshold. */
  source: string;
}

/** One numeric indicator at one level. */
export interface DiffEntry {
  indicator: string;
  /** The standard's clause: the indicator's name. */
  name: string;
  area: string;
  level: Level;
  verdict: NumericVerdict;
  expected: Expected;
  /** The target that decides the verdict (the first of them when they conflict); `null` when missing. */
  actual: PlanPoint | null;
  /** The deciding year (`null` when missing or undated). */
  year: number | null;
  /** Every target, dated ones by year, undated ones last. */
  trajectory: PlanPoint[];
  /** Targets other than the deciding ones that fall short of the threshold. */
  belowThreshold: PlanPoint[];
  /** The differing values of the deciding year, each with its quote (empty unless `conflicting`). */
  conflicting: PlanPoint[];
  /** Present-state figures the plan reports, shown but never deciding. */
  baselines: PlanPoint[];
  /** Whether the plan states the requirement at all (from `coverage`), with or without a number. */
  mentioned: boolean;
}

/** One qualitative indicator. */
export interface CoverageItem {
  indicator: string;
  name: string;
  area: string;
  verdict: CoverageVerdict;
  quote: string | null;
  location: Location | null;
}

/** The diff of one plan against the standard in force. */
export interface PlanDiff {
  document: string;
  standard: { id: string; applied: AppliedStandard[] };
  /** Numeric indicators, one per indicator and level, in the standard's order. */
  entries: DiffEntry[];
  /** Qualitative indicators, in the standard's order. */
  coverage: CoverageItem[];
  /** How many entries and coverage items have each verdict. */
  summary: Record<Verdict, number>;
  /** One message per gap (weaker, conflicting, missing, not covered), pointing at the standard's clause. */
  messages: PlanMessage[];
}
