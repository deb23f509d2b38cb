/**
 * Values no plan can mean: a share of the national standard above 100 %, or a figure of absurd
 * magnitude (10²⁰ %). They are kept in the model as written, with a message each, so that a reader
 * sees them rather than a verdict resting on them silently.
 */
import type { Target } from '../model/plan.ts';

/** Past this, a figure in a county plan is a typing error or a trap, whatever its unit. */
const LARGEST_PLAUSIBLE = 1e12;

/** One finding about a target's value, with the target's position. */
export interface ValueFinding {
  reason: string;
  line: number | null;
  column: number | null;
}

/**
 * Find the targets whose values cannot be meant.
 *
 * @param targets
 *   The extracted targets.
 * @returns
 *   One finding per implausible target, in target order.
 */
export function findImplausibleValues(targets: readonly Target[]): ValueFinding[] {
  const findings: ValueFinding[] = [];
  for (const target of targets) {
    const shown = `${target.value}${target.unit === '%' ? '%' : target.unit}`;
    const where = target.location.line ?? target.location.page ?? target.location.paragraph;
    const at = where === undefined ? '' : ` (${target.location.line !== undefined ? 'line' : target.location.page !== undefined ? 'page' : 'paragraph'} ${where})`;
    let why: string | null = null;
    if (Math.abs(target.value) > LARGEST_PLAUSIBLE) why = 'a figure of impossible magnitude';
    else if (target.unit === '%' && target.indicator !== null && target.value > 100) why = 'a share above 100 %';
    if (why === null) continue;
    findings.push({
      reason: `implausible value kept as written: ${target.indicator ?? 'target'} ${shown}, ${why}${at}`,
      line: target.location.line ?? null,
      column: target.location.column ?? null,
    });
  }
  return findings;
}
