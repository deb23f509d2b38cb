/**
 * Messages for the gaps of a diff, worded "Unexpected X, expected Y" and
 * pointing at the standard's clause.
 */
import type { Location, PlanMessage } from '../extractors/model.ts';
import type { CoverageItem, DiffEntry, PlanPoint } from './diff-types.ts';

/**
 * Turn the gaps of a diff into messages: one per weaker, conflicting or missing
 * entry and per qualitative item not covered.
 *
 * @param entries
 *   The numeric entries.
 * @param coverage
 *   The qualitative items.
 * @returns
 *   The messages, entries first, in the standard's order.
 */
export function describeGaps(entries: DiffEntry[], coverage: CoverageItem[]): PlanMessage[] {
  const messages: PlanMessage[] = [];
  for (const entry of entries) {
    const clause = `${entry.indicator} ${entry.name} (${entry.level})`;
    const expected = `${entry.expected.comparator} ${entry.expected.value}`;
    if (entry.verdict === 'weaker' && entry.actual) {
      messages.push(message(`Unexpected ${describePoint(entry.actual)} for ${clause}, expected ${expected}`, 'diff-weaker', entry.actual.location));
    } else if (entry.verdict === 'conflicting') {
      const values = entry.conflicting.map(describePoint).join(' / ');
      messages.push(message(`Unexpected different values ${values} for ${clause}, expected one value`, 'diff-conflicting', entry.conflicting[0]!.location));
    } else if (entry.verdict === 'missing') {
      messages.push(message(`Missing target for ${clause}, expected ${expected}`, 'diff-missing', null));
    }
  }
  for (const item of coverage) {
    if (item.verdict === 'notCovered') messages.push(message(`Missing ${item.indicator} ${item.name}`, 'diff-not-covered', null));
  }
  return messages;
}

function describePoint(point: PlanPoint): string {
  return `${point.comparator} ${point.value}${point.year === null ? '' : ` in ${point.year}`}`;
}

function message(reason: string, ruleId: string, location: Location | null): PlanMessage {
  return { reason, fatal: false, ruleId, source: 'plancheck:diff', line: location?.line ?? null, column: location?.column ?? null };
}
