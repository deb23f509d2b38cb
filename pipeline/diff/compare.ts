/**
 * Compare one stated value with a threshold, minding direction: for `>=`/`>`
 * a bigger value is stricter, for `<=`/`<` a smaller one is.
 */
import type { Comparator } from '../../model/plan.ts';
import type { PointVerdict } from '../../model/diff.ts';
import type { ThresholdComparator } from '../../model/standard.ts';

type Direction = 'min' | 'max';

const DIRECTIONS: Record<Comparator, Direction | null> = {
  '>=': 'min',
  '>': 'min',
  '<=': 'max',
  '<': 'max',
  '≈': null,
  '=': null,
};

/**
 * Compare a plan's value with the standard's threshold.
 *
 * `=` (a value stated with no comparator) counts as a bound in the standard's
 * direction. `≈` (接近或达到) is never `meets`: at or short of the threshold it is
 * `weaker`, beyond it `stricter`. A bound in the opposite direction guarantees
 * nothing and is `weaker`.
 *
 * @param plan
 *   The plan's comparator and value.
 * @param threshold
 *   The standard's comparator and value.
 * @returns
 *   `meets`, `stricter` or `weaker`.
 */
export function compareWithThreshold(
  plan: { comparator: Comparator; value: number },
  threshold: { comparator: ThresholdComparator; value: number },
): PointVerdict {
  const direction = DIRECTIONS[threshold.comparator]!;
  const planDirection = DIRECTIONS[plan.comparator];
  if (planDirection !== null && planDirection !== direction) return 'weaker';
  const equal = Math.abs(plan.value - threshold.value) <= 1e-9 * Math.max(1, Math.abs(threshold.value));
  const tighter = (direction === 'min' ? plan.value - threshold.value : threshold.value - plan.value) > 0;
  if (plan.comparator === '≈') return !equal && tighter ? 'stricter' : 'weaker';
  if (!equal) return tighter ? 'stricter' : 'weaker';
  const planExclusive = plan.comparator === '>' || plan.comparator === '<';
  const thresholdExclusive = threshold.comparator === '>' || threshold.comparator === '<';
  if (planExclusive === thresholdExclusive) return 'meets';
  return planExclusive ? 'stricter' : 'weaker';
}
