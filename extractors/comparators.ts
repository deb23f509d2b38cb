/**
 * Comparators: the words around a number that say whether it is a floor, a
 * ceiling, an approximation or a plain value (以上, 不低于, 达到, 不超过, 以内,
 * 低于, 接近或达到, ≥ …).
 */
import type { Comparator } from '../model/plan.ts';

/** Words before a number, longest first, with the comparator they give. */
const PREFIXES: Array<[RegExp, Comparator]> = [
  [/小于或等于|小于等于|不大于|不高于|不多于|不超过|不超出|不得超过|不能超过|不应超过|不宜超过|最多|至多|≤|≦|<=/, '<='],
  [/大于或等于|大于等于|不低于|不少于|不小于|不得低于|不能低于|不应低于|不宜低于|不得少于|不能少于|至少|≥|≧|>=/, '>='],
  [/接近或达到|接近或超过|接近/, '≈'],
  [/控制在|降低到|降至|减少到|压缩到/, '<='],
  [/低于|小于|少于|＜|</, '<'],
  [/高于|超过|大于|多于|＞|>/, '>'],
  [/达到|提高到|提升到|提高至|提升至|增加到|达/, '>='],
];

/** The prefix patterns with the `g` flag, built once (callers reset `lastIndex`). */
const GLOBAL_PREFIXES: Array<[RegExp, Comparator]> = PREFIXES.map(([pattern, comparator]) => [new RegExp(pattern.source, 'g'), comparator]);
/** Matches where any prefix word does: a text it does not match has no comparator word. */
const ANY_PREFIX = new RegExp(PREFIXES.map(([pattern]) => `(?:${pattern.source})`).join('|'));

/** Words after a number (and its unit). */
const SUFFIXES: Array<[RegExp, Comparator]> = [
  [/^(?:及|或)?以上/, '>='],
  [/^(?:及|或)?以下|^以内|^之内/, '<='],
  [/^左右|^上下/, '≈'],
];

/** A comparator word found before a number. */
export interface ComparatorMention {
  comparator: Comparator;
  word: string;
  /** Offset of the word's end in the text searched. */
  end: number;
}

/**
 * Find the comparator word nearest before the end of a text (the text between
 * the previous number, or the clause start, and this number).
 *
 * @param before
 *   Text before the number.
 * @returns
 *   The last comparator word in it, or `undefined`.
 */
export function findPrefixComparator(before: string): ComparatorMention | undefined {
  const found: Array<{ start: number; end: number; comparator: Comparator; word: string }> = [];
  if (!ANY_PREFIX.test(before)) return undefined;
  for (const [pattern, comparator] of GLOBAL_PREFIXES) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(before); m !== null; m = pattern.exec(before)) {
      if (m[0].length === 0) pattern.lastIndex++;
      found.push({ start: m.index, end: m.index + m[0].length, comparator, word: m[0] });
    }
  }
  // A word inside a longer one (低于 in 不低于, 达 in 达到) does not count on its own.
  const kept = found.filter((f) => !found.some((o) => o !== f && o.start <= f.start && o.end >= f.end && o.end - o.start > f.end - f.start));
  kept.sort((a, b) => b.start - a.start || b.end - a.end);
  const best = kept[0];
  return best ? { comparator: best.comparator, word: best.word, end: best.end } : undefined;
}

/**
 * Read the comparator word right after a number and its unit (以上, 以内, 左右).
 *
 * @param after
 *   Text right after the number and unit.
 * @returns
 *   The comparator, or `undefined`.
 */
export function findSuffixComparator(after: string): Comparator | undefined {
  for (const [pattern, comparator] of SUFFIXES) if (pattern.test(after)) return comparator;
  return undefined;
}

/**
 * Combine the word before and the word after a number into one comparator.
 * A ceiling or approximation word wins over 以上 (控制在…以内, 接近或达到…以上);
 * 超过…以上 stays strict.
 *
 * @param prefix
 *   Comparator from before the number.
 * @param suffix
 *   Comparator from after it.
 * @returns
 *   The comparator, or `undefined` when neither says anything.
 */
export function combineComparators(prefix: Comparator | undefined, suffix: Comparator | undefined): Comparator | undefined {
  if (prefix === '≈' || suffix === '≈') return '≈';
  if (suffix === '<=') return prefix === '<' ? '<' : '<=';
  if (prefix === '<=' || prefix === '<') return prefix;
  if (suffix === '>=') return prefix === '>' ? '>' : '>=';
  return prefix ?? suffix;
}

/**
 * The comparator of a number from the text around it.
 *
 * @param before
 *   Text before the number (from the previous number or the clause start).
 * @param after
 *   Text right after the number and its unit.
 * @returns
 *   The comparator, or `undefined` when no word says.
 */
export function readComparator(before: string, after: string): Comparator | undefined {
  return combineComparators(findPrefixComparator(before)?.comparator, findSuffixComparator(after));
}
