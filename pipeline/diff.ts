/**
 * The diff of a plan against the standard in force: per numeric indicator and
 * level a verdict (meets, stricter, weaker, missing, conflicting), per
 * qualitative indicator its coverage. Pure data, rendered by reports/.
 */
import type { Level, Target } from '../extractors/model.ts';
import { buildDiffEntry } from './diff-entry.ts';
import { describeGaps } from './diff-messages.ts';
import type { CoverageItem, DiffEntry, PlanDiff, Verdict } from './diff-types.ts';
import { VERDICTS } from './diff-types.ts';
import type { DocumentModel } from './process-document.ts';
import type { Standard, StandardIndicator } from './standard.ts';

export type * from './diff-types.ts';
export { VERDICTS } from './diff-types.ts';

/** The parts of a document model the diff reads. */
export type DiffInput = Pick<DocumentModel, 'document' | 'targets' | 'coverage'>;

/**
 * Compare a plan with the standard.
 *
 * @param model
 *   The plan's model (a `DocumentModel`, or any object with its `document`,
 *   `targets` and `coverage`).
 * @param standard
 *   The standard in force (see `loadStandard`).
 * @returns
 *   The diff, entries and coverage in the standard's order.
 */
export function diffPlan(model: DiffInput, standard: Standard): PlanDiff {
  const entries: DiffEntry[] = [];
  const coverage: CoverageItem[] = [];
  for (const indicator of standard.indicators) {
    const stated = model.coverage[indicator.id];
    if (indicator.kind === 'qualitative') {
      coverage.push({
        indicator: indicator.id,
        name: indicator.name,
        area: indicator.area,
        verdict: stated?.covered ? 'covered' : 'notCovered',
        quote: stated?.quote ?? null,
        location: stated?.location ?? null,
      });
      continue;
    }
    const targets = model.targets.filter((target) => target.indicator === indicator.id);
    const mentioned = stated?.covered ?? targets.length > 0;
    for (const level of selectLevels(indicator, targets)) {
      const threshold = indicator.thresholds.find((item) => item.level === level)
        ?? indicator.thresholds.find((item) => item.level === 'all')!;
      // A county-wide row shows baselines of any level: they are for display and decide nothing.
      const applicable = targets.filter((target) =>
        target.level === level || target.level === 'all' || (level === 'all' && target.kind === 'baseline'));
      entries.push(buildDiffEntry(indicator, level, threshold, applicable, mentioned));
    }
  }
  const summary = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
  for (const item of [...entries, ...coverage]) summary[item.verdict] += 1;
  return {
    document: model.document,
    standard: { id: standard.id, applied: standard.applied },
    entries,
    coverage,
    summary,
    messages: describeGaps(entries, coverage),
  };
}

/**
 * The levels to judge: the standard's own, and where the standard gives one
 * county-wide (`all`) figure but the plan states levels separately, the plan's
 * target levels (each judged against the `all` threshold; `all` itself stays
 * only when the plan also states an `all` target, or states none).
 */
function selectLevels(indicator: StandardIndicator, targets: Target[]): Level[] {
  const own = indicator.thresholds.map((threshold) => threshold.level);
  if (!own.includes('all')) return own;
  const planLevels = [...new Set(targets.filter((target) => target.kind === 'target').map((target) => target.level))];
  const extra = planLevels.filter((level) => !own.includes(level));
  if (extra.length === 0) return own;
  const levels = new Set<Level>([...own.filter((level) => level !== 'all'), ...extra]);
  if (planLevels.includes('all')) levels.add('all');
  return LEVEL_ORDER.filter((level) => levels.has(level));
}

const LEVEL_ORDER: readonly Level[] = ['all', 'primary', 'junior', 'nineYear', 'twelveYear'];
