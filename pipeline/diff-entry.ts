/**
 * One numeric indicator at one level: the plan's trajectory of targets, sorted
 * by year, with the verdict decided by the latest year.
 */
import type { Level, Target } from '../extractors/model.ts';
import { compareWithThreshold } from './diff-compare.ts';
import type { DiffEntry, PlanPoint } from './diff-types.ts';
import type { StandardIndicator, Threshold } from './standard.ts';

/**
 * Build the diff entry of one indicator at one level.
 *
 * Only `kind: 'target'` decides: the latest dated year decides (undated targets
 * decide only when no target is dated); different values stated for the deciding
 * year make the entry `conflicting`. Baselines are carried along for display.
 *
 * @param indicator
 *   The standard's indicator.
 * @param level
 *   The level of this entry.
 * @param threshold
 *   The threshold in force at that level.
 * @param targets
 *   The plan's targets and baselines that apply to that level (its own level or `all`).
 * @param mentioned
 *   Whether the plan's coverage says it states the requirement.
 * @returns
 *   The entry.
 */
export function buildDiffEntry(
  indicator: StandardIndicator,
  level: Level,
  threshold: Threshold,
  targets: Target[],
  mentioned: boolean,
): DiffEntry {
  const toPoint = (target: Target): PlanPoint => ({
    year: target.year,
    comparator: target.comparator,
    value: target.value,
    unit: target.unit,
    level: target.level,
    kind: target.kind,
    quote: target.quote,
    location: target.location,
    verdict: target.kind === 'target' ? compareWithThreshold(target, threshold) : null,
  });
  const trajectory = sortByYear(dedupe(targets.filter((target) => target.kind === 'target').map(toPoint)));
  const baselines = sortByYear(dedupe(targets.filter((target) => target.kind === 'baseline').map(toPoint)));
  const expected = { comparator: threshold.comparator, value: threshold.value, unit: indicator.unit, source: threshold.source };
  const base = { indicator: indicator.id, name: indicator.name, area: indicator.area, level, expected, trajectory, baselines, mentioned };
  if (trajectory.length === 0) {
    return { ...base, verdict: 'missing', actual: null, year: null, belowThreshold: [], conflicting: [] };
  }
  const dated = trajectory.filter((point) => point.year !== null);
  const year = dated.length > 0 ? Math.max(...dated.map((point) => point.year!)) : null;
  const inYear = trajectory.filter((point) => point.year === year);
  // A figure stated for this very level decides over a county-wide one for the same year.
  const specific = inYear.filter((point) => point.level === level);
  const deciding = specific.length > 0 ? specific : inYear;
  const actual = deciding[0]!;
  // Earlier means an earlier year: undated targets are listed in the trajectory, not as earlier shortfalls.
  const belowThreshold = trajectory.filter((point) => point.year !== null && year !== null && point.year < year && point.verdict === 'weaker');
  // Conflicting means different final values; the same value with another wording (达到 4.2 / 4.2 以上) is not.
  const conflicting = new Set(deciding.map((point) => point.value)).size > 1 ? deciding : [];
  return { ...base, verdict: conflicting.length > 0 ? 'conflicting' : actual.verdict!, actual, year, belowThreshold, conflicting };
}

/** The same year, comparator and value stated twice is one target: keep the first place. */
function dedupe(points: PlanPoint[]): PlanPoint[] {
  const seen = new Set<string>();
  return points.filter((point) => {
    const key = `${point.year}|${point.comparator}|${point.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Dated points by year, undated ones last; the sort is stable, so ties keep document order. */
function sortByYear(points: PlanPoint[]): PlanPoint[] {
  return [...points].sort((a, b) => (a.year ?? Number.POSITIVE_INFINITY) - (b.year ?? Number.POSITIVE_INFINITY));
}
