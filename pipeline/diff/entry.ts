/**
 * One numeric indicator at one level: the plan's trajectory of targets, sorted
 * by year, with the verdict decided by the latest year.
 */
import type { Level, Target } from '../../model/plan.ts';
import { compareWithThreshold } from './compare.ts';
import { inferHedge, readMultiple } from './reading.ts';
import type { DiffEntry, Evidence, Expected, PlanPoint, PointVerdict } from '../../model/diff.ts';
import type { StandardIndicator, Threshold } from '../../model/standard.ts';

/** What an entry knows of the plan beyond its targets. */
export interface EntryContext {
  /** Whether the plan's coverage says it states the requirement. */
  mentioned: boolean;
  /** The plan's overall target year, against which undated targets are read. */
  targetYear: number | null;
  /** The coverage quote, shown when the plan gives no number. */
  evidence: Evidence | null;
  /** Targets of another measure of the same item (另设指标). */
  otherMeasures: Target[];
}

/** Worst first: the verdict a set of equal values gets is the worst of theirs. */
const POINT_RANK: Record<PointVerdict, number> = { weaker: 0, hedged: 1, byReference: 2, meets: 3, stricter: 4 };

/**
 * Turn a target into a point judged against a threshold.
 *
 * The verdict of a target: `weaker` when its figure falls short; else `hedged`
 * when a word softens it (never `meets`); else `byReference` when stated only by
 * reference to the standard; else `meets` or `stricter`.
 *
 * @param target
 *   The plan's target or baseline.
 * @param threshold
 *   The threshold in force.
 * @param targetYear
 *   The plan's overall target year (for an undated target).
 */
export function toPoint(target: Target, threshold: Pick<Threshold, 'comparator' | 'value'>, targetYear: number | null): PlanPoint {
  const multiple = target.kind === 'target' ? readMultiple(target.quote, target.value, target.unit) : null;
  const value = multiple?.value ?? target.value;
  // A target without a `hedge` field still has the softening word before its figure read from its sentence
  // (a lead-in such as 基本完成…7项指标，即… covers every figure after it), so that a hedge the extractor did not
  // attach never lets a figure pass as 达到标准; the report marks such a hedge as read from the quote.
  const inferred = target.hedge === undefined && target.kind === 'target' && target.byReference !== true;
  const hedge = inferred ? inferHedge(target.quote, target.value) : (target.hedge ?? null);
  const byReference = target.byReference === true;
  let verdict: PointVerdict | null = null;
  if (target.kind === 'target') {
    const raw = compareWithThreshold({ comparator: target.comparator, value }, threshold);
    verdict = raw === 'weaker' ? 'weaker' : hedge !== null ? 'hedged' : byReference ? 'byReference' : raw;
  }
  return {
    year: target.year,
    impliedYear: target.year === null && target.kind === 'target' ? targetYear : null,
    comparator: target.comparator,
    value,
    unit: target.unit,
    level: target.level,
    kind: target.kind,
    quote: target.quote,
    location: target.location,
    hedge,
    hedgeInferred: inferred && hedge !== null,
    byReference,
    derivedFrom: multiple?.derivedFrom ?? (target.quantity === '项项达标、校校达标' ? '项项达标、校校达标（七项指标全部达标）' : null),
    verdict,
  };
}

/**
 * Build the diff entry of one indicator at one level.
 *
 * Only `kind: 'target'` decides. The latest dated year decides, together with
 * the undated targets (read against the plan's overall target year); different
 * values among them make the entry `conflicting` (前后不一). Equal values take the
 * worst verdict among them, so one hedged statement of a figure is enough to keep
 * it from 达到标准. Baselines are carried along for display.
 *
 * @param indicator
 *   The standard's indicator.
 * @param level
 *   The level of this entry.
 * @param threshold
 *   The threshold in force at that level.
 * @param targets
 *   The plan's targets and baselines that apply to that level (its own level or `all`).
 * @param context
 *   Coverage, the plan's target year, evidence and other measures.
 * @returns
 *   The entry.
 */
export function buildDiffEntry(
  indicator: StandardIndicator,
  level: Level,
  threshold: Threshold,
  targets: Target[],
  context: EntryContext,
): DiffEntry {
  const point = (target: Target) => toPoint(target, threshold, context.targetYear);
  const trajectory = sortByYear(dedupe(targets.filter((target) => target.kind === 'target').map(point)));
  const baselines = sortByYear(dedupe(targets.filter((target) => target.kind === 'baseline').map(point)));
  const expected: Expected = {
    comparator: threshold.comparator,
    value: threshold.value,
    unit: indicator.unit,
    source: threshold.source,
    sourceLabel: threshold.national === undefined ? '国家' : (threshold.sourceTitle ?? threshold.source),
    national: threshold.national ?? null,
    looser: threshold.looser === true,
  };
  const otherMeasures = trajectory.length > 0 ? [] : sortByYear(dedupe(context.otherMeasures.map((target) => ({ ...point(target), verdict: null }))));
  const base = {
    indicator: indicator.id, name: indicator.name, area: indicator.area, level, expected, trajectory, baselines,
    mentioned: context.mentioned, impliedYear: context.targetYear,
    evidence: trajectory.length === 0 ? context.evidence : null, otherMeasures,
  };
  if (trajectory.length === 0) {
    return { ...base, verdict: 'missing', actual: null, year: null, belowThreshold: [], conflicting: [] };
  }
  const dated = trajectory.filter((item) => item.year !== null);
  const year = dated.length > 0 ? Math.max(...dated.map((item) => item.year!)) : null;
  // A figure stated for this very level decides over a county-wide one.
  const prefer = (points: PlanPoint[]) => {
    const specific = points.filter((item) => item.level === level);
    return specific.length > 0 ? specific : points;
  };
  const inYear = year === null ? [] : prefer(trajectory.filter((item) => item.year === year));
  const undated = prefer(trajectory.filter((item) => item.year === null));
  const deciding = [...inYear, ...undated];
  // Earlier means an earlier year: undated targets decide with the latest year, they are not earlier shortfalls.
  const belowThreshold = trajectory.filter((item) => item.year !== null && year !== null && item.year < year && item.verdict === 'weaker');
  // Conflicting means different final values; the same value with another wording (达到 4.2 / 4.2 以上) is not.
  const values = new Set(deciding.map((item) => item.value));
  if (values.size > 1) {
    return { ...base, verdict: 'conflicting', actual: deciding[0]!, year, belowThreshold, conflicting: deciding };
  }
  const actual = [...deciding].sort((a, b) => POINT_RANK[a.verdict!] - POINT_RANK[b.verdict!])[0]!;
  return { ...base, verdict: actual.verdict!, actual, year, belowThreshold, conflicting: [] };
}

/** The same year, comparator, value and reading stated twice is one target: keep the first place. */
function dedupe(points: PlanPoint[]): PlanPoint[] {
  const seen = new Set<string>();
  return points.filter((item) => {
    const key = `${item.year}|${item.comparator}|${item.value}|${item.hedge}|${item.byReference}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Dated points by year, undated ones last; the sort is stable, so ties keep document order. */
function sortByYear(points: PlanPoint[]): PlanPoint[] {
  return [...points].sort((a, b) => (a.year ?? Number.POSITIVE_INFINITY) - (b.year ?? Number.POSITIVE_INFINITY));
}
