/**
 * Qualitative coverage judged on the evidence: the model's coverage quote and
 * every other sentence of the plan the model holds are read against the parts of
 * the requirement; the sentence that states most parts is the evidence shown.
 * A quote that states no part (a heading, a word that happens to match) is not
 * coverage; a compound requirement with only some parts stated is 部分覆盖.
 */
import type { CoverageEntry, Location } from '../../model/plan.ts';
import type { CoverageItem, Evidence, VetoItem } from '../../model/diff.ts';
import { QUALITATIVE_PARTS } from './items.ts';
import type { StandardIndicator } from '../../model/standard.ts';

/** A sentence of the plan with its place. */
export interface Sentence {
  quote: string;
  location: Location | null;
}

/**
 * Judge one qualitative requirement.
 *
 * @param indicator
 *   The standard's item.
 * @param stated
 *   The model's coverage entry (may be absent).
 * @param sentences
 *   Other sentences of the plan (targets', responsibilities', deadlines' quotes).
 * @returns
 *   The coverage item.
 */
export function judgeCoverage(indicator: StandardIndicator, stated: CoverageEntry | undefined, sentences: Sentence[]): CoverageItem {
  const base = { indicator: indicator.id, name: indicator.name, area: indicator.area };
  const offered: Evidence | null = stated?.covered && stated.quote ? { quote: stated.quote, location: stated.location } : null;
  const parts = QUALITATIVE_PARTS[indicator.id];
  if (!parts) {
    // An item without a parts table: the model's word, with its quote.
    return { ...base, verdict: offered ? 'covered' : 'notCovered', quote: offered?.quote ?? null, location: offered?.location ?? null, parts: [{ label: indicator.name, stated: offered !== null }], rejected: null };
  }
  if (stated?.covered && !stated.quote) {
    // A model that says covered without a quote (a hand-made or gold model): its word, no evidence to weigh.
    return { ...base, verdict: 'covered', quote: null, location: null, parts: parts.map((part) => ({ label: part.label, stated: true })), rejected: null };
  }
  // Only when the model says the plan states the item do other sentences count, so a stray word elsewhere never adds coverage.
  const candidates = offered ? [offered, ...sentences] : [];
  let best: Evidence | null = null;
  let bestCount = 0;
  const union = new Set<number>();
  for (const candidate of candidates) {
    const matched = parts.map((part, index) => (part.pattern.test(candidate.quote) ? index : -1)).filter((index) => index !== -1);
    matched.forEach((index) => union.add(index));
    if (matched.length > bestCount || (matched.length === bestCount && matched.length > 0 && best !== null && isHeading(best.quote) && !isHeading(candidate.quote))) {
      best = candidate;
      bestCount = matched.length;
    }
  }
  const partViews = parts.map((part, index) => ({ label: part.label, stated: union.has(index) }));
  const verdict = union.size === 0 ? 'notCovered' : union.size === parts.length ? 'covered' : 'partial';
  return {
    ...base,
    verdict,
    quote: best?.quote ?? null,
    location: best?.location ?? null,
    parts: partViews,
    rejected: union.size === 0 ? offered : null,
  };
}

/**
 * Judge one 一票否决 item: 方案明令禁止 when the plan states it (the model's
 * coverage), 未提及 otherwise. Never a gap.
 *
 * @param indicator
 *   The standard's item.
 * @param stated
 *   The model's coverage entry.
 */
export function judgeVeto(indicator: StandardIndicator, stated: CoverageEntry | undefined): VetoItem {
  const quote = stated?.covered ? stated.quote : null;
  return {
    indicator: indicator.id,
    name: indicator.name,
    verdict: stated?.covered ? 'forbidden' : 'unmentioned',
    quote,
    location: stated?.covered ? stated.location : null,
  };
}

/** A numbered heading: short, starting with an outline number, one clause. */
function isHeading(quote: string): boolean {
  return quote.length <= 30 && /^(\*\*)?\s*([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[．.、]|（\d+）)/.test(quote) && !/[，。；]/.test(quote.slice(4));
}
