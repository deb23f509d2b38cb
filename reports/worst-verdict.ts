/**
 * One verdict for an indicator judged at several levels: the worst of them,
 * so a grid cell never hides a level that falls short.
 */
import type { Verdict } from '../model/diff.ts';

const RANK: Record<Verdict, number> = {
  weaker: 0,
  hedged: 1,
  conflicting: 2,
  missing: 3,
  notCovered: 4,
  partial: 5,
  byReference: 6,
  meets: 7,
  covered: 8,
  stricter: 9,
  unmentioned: 10,
  forbidden: 11,
};

/**
 * Pick the worst verdict.
 *
 * @param verdicts
 *   Verdicts of one indicator's levels.
 * @returns
 *   The worst, or `null` for none.
 */
export function pickWorstVerdict(verdicts: Verdict[]): Verdict | null {
  let worst: Verdict | null = null;
  for (const verdict of verdicts) if (worst === null || RANK[verdict] < RANK[worst]) worst = verdict;
  return worst;
}
