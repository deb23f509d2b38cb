/**
 * One verdict for an indicator judged at several levels: the worst of them,
 * so a grid cell never hides a level that falls short.
 */
import type { Verdict } from '../pipeline/diff-types.ts';

const RANK: Record<Verdict, number> = {
  weaker: 0,
  conflicting: 1,
  missing: 2,
  notCovered: 3,
  meets: 4,
  covered: 5,
  stricter: 6,
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
