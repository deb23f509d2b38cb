/**
 * The diff of one plan against the standard in force, as data: every entry
 * carries the plan's value, the standard's threshold, the quote and its place.
 */
import type { Comparator, Level, Location, PlanMessage } from './plan.ts';
import type { AppliedStandard, ThresholdComparator } from './standard.ts';

/**
 * How one stated value compares with the threshold: `meets` 达到标准, `stricter`
 * 严于标准, `weaker` 未达标准, `hedged` 表述留有余地 (a softened figure that is not
 * short of the threshold: never counted as meeting it), `byReference` 承诺达到国家标准
 * (a target stated only by reference to the standard).
 */
export type PointVerdict = 'meets' | 'stricter' | 'weaker' | 'hedged' | 'byReference';

/** The verdict of a numeric indicator at one level. */
export type NumericVerdict = PointVerdict | 'missing' | 'conflicting';

/** The verdict of a qualitative indicator: every part stated, some parts, none. */
export type CoverageVerdict = 'covered' | 'partial' | 'notCovered';

/** The verdict of a 一票否决 item (V1–V6): the plan forbids it, or does not mention it. */
export type VetoVerdict = 'forbidden' | 'unmentioned';

/** Every verdict a report can show. */
export type Verdict = NumericVerdict | CoverageVerdict | VetoVerdict;

/** Every verdict, in the order reports list them. */
export const VERDICTS: readonly Verdict[] = [
  'weaker', 'hedged', 'conflicting', 'missing', 'meets', 'stricter', 'byReference',
  'covered', 'partial', 'notCovered', 'forbidden', 'unmentioned',
];

/** The verdicts that are gaps of the plan (counted in 问题 counts); vetoes never are. */
export const GAP_VERDICTS: readonly Verdict[] = ['weaker', 'hedged', 'conflicting', 'missing', 'partial', 'notCovered'];

/** One value the plan states for an indicator (a target or a baseline). */
export interface PlanPoint {
  year: number | null;
  /** For an undated target: the plan's overall target year it is read against (方案总目标年份), else `null`. */
  impliedYear: number | null;
  comparator: Comparator;
  value: number;
  unit: string;
  /** The level the plan states it for (`all` applies to every level). */
  level: Level;
  kind: 'target' | 'baseline';
  quote: string;
  location: Location;
  /** The word that softens the commitment (基本, 原则上, 力争 …), or `null`. */
  hedge: string | null;
  /** Whether `hedge` was read from the quote by the verdict layer because the model did not say. */
  hedgeInferred: boolean;
  /** Stated only by reference to the standard (学校规模和班额达到国家标准要求). */
  byReference: boolean;
  /** How the value was derived from the text when it is not the stated figure (`100 人的 1.5 倍`). */
  derivedFrom: string | null;
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
  /** `国家` for the national standard, else the overlay's title. */
  sourceLabel: string;
  /** The national threshold beside an overlay's (`null` for a national threshold, or where the base has none). */
  national: { comparator: ThresholdComparator; value: number } | null;
  /** The overlay loosens or flips the national threshold (accepted with --allow-looser). */
  looser: boolean;
}

/** A sentence the plan states about an item, with its place. */
export interface Evidence {
  quote: string;
  location: Location | null;
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
  /** The plan's overall target year, shown for an undated decision (未注明年份，方案总目标 2027). */
  impliedYear: number | null;
  /** Every target, dated ones by year, undated ones last. */
  trajectory: PlanPoint[];
  /** Targets other than the deciding ones that fall short of the threshold. */
  belowThreshold: PlanPoint[];
  /** The differing values that make the entry `conflicting`, each with its quote (empty otherwise). */
  conflicting: PlanPoint[];
  /** Present-state figures the plan reports, shown but never deciding. */
  baselines: PlanPoint[];
  /** Whether the plan states the requirement at all (from `coverage`), with or without a number. */
  mentioned: boolean;
  /** The plan's own sentence about the item when it gives no number for it (from `coverage`). */
  evidence: Evidence | null;
  /** A different measure the plan sets for the item instead (达标率, 占工资总额): 另设指标. */
  otherMeasures: PlanPoint[];
}

/** One part of a compound qualitative requirement, and whether the plan states it. */
export interface CoveragePart {
  label: string;
  stated: boolean;
}

/** One qualitative indicator. */
export interface CoverageItem {
  indicator: string;
  name: string;
  area: string;
  verdict: CoverageVerdict;
  /** The best evidence found (the sentence stating most parts); `null` when none counts. */
  quote: string | null;
  location: Location | null;
  /** The parts of the requirement (one for a simple item). */
  parts: CoveragePart[];
  /** Evidence the model offered that does not state the requirement (a heading, a word that happens to match). */
  rejected: Evidence | null;
}

/** One 一票否决 item (V1–V6). */
export interface VetoItem {
  indicator: string;
  name: string;
  verdict: VetoVerdict;
  quote: string | null;
  location: Location | null;
}

/** One line of a plan's 问题清单: a shortfall in Chinese, with its place. */
export interface Problem {
  verdict: Verdict;
  indicator: string;
  /** The row's anchor in report.html (`v-R3-primary`, `c-Q3`). */
  anchor: string;
  text: string;
  location: Location | null;
}

/** The diff of one plan against the standard in force. */
export interface PlanDiff {
  document: string;
  standard: { id: string; applied: AppliedStandard[]; looser: string[] };
  /** The plan's overall target year (its 优质均衡/评估认定 deadline, else its latest target year), or `null`. */
  targetYear: number | null;
  /** The plan states targets but none carries a year. */
  undatedOnly: boolean;
  /** Numeric indicators, one per indicator and level, in the standard's order. */
  entries: DiffEntry[];
  /** Qualitative indicators, in the standard's order. */
  coverage: CoverageItem[];
  /** 一票否决 items, in the standard's order; never counted as gaps. */
  vetoes: VetoItem[];
  /** How many entries, coverage items and vetoes have each verdict. */
  summary: Record<Verdict, number>;
  /** Entries and coverage items that are gaps (`GAP_VERDICTS`). */
  gaps: number;
  /** The shortfalls, most serious first (未达标准, 表述留有余地, 前后不一, 未设目标, coverage). */
  problems: Problem[];
  /** One message per gap, in Chinese, pointing at the plan's place. */
  messages: PlanMessage[];
}
