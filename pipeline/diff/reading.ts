/**
 * What the verdict layer reads from a target's own quote when the model does
 * not say: a softening word before the figure (when `hedge` is absent), and a
 * multiple of the figure (按100人的1.5倍核定 is 150). Conservative on purpose:
 * a hedge read where there is none costs a 达标, a hedge missed gives a false one.
 */
import { formatNumberText } from './number.ts';

/** Words that soften a commitment anywhere before its figure in the sentence. */
const SENTENCE_HEDGE = /原则上|力争|争取|努力|基本(?!均衡|装备|公共|办学条件|要求|原则|情况|技能|建设标准|配置)/g;
/** 逐步 softens only the clause it stands in (逐步提高…, 逐步配齐…). */
const CLAUSE_HEDGE = /逐步/g;

/**
 * The hedge word that softens the figure `value` in `quote`, or `null`.
 *
 * @param quote
 *   The target's sentence.
 * @param value
 *   The target's value.
 * @returns
 *   The word nearest before the figure in its sentence (or, for 逐步, its clause).
 */
export function inferHedge(quote: string, value: number): string | null {
  const at = findFigure(quote, value);
  const before = quote.slice(0, at === -1 ? quote.length : at);
  const sentence = before.slice(Math.max(before.lastIndexOf('。'), before.lastIndexOf('！')) + 1);
  const clause = sentence.slice(Math.max(sentence.lastIndexOf('，'), sentence.lastIndexOf('；'), sentence.lastIndexOf(','), sentence.lastIndexOf(';')) + 1);
  const last = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].pop();
  const inSentence = last(sentence, SENTENCE_HEDGE);
  const inClause = last(clause, CLAUSE_HEDGE);
  if (inSentence && inClause) return inClause.index! + (sentence.length - clause.length) > inSentence.index! ? inClause[0] : inSentence[0];
  return inSentence?.[0] ?? inClause?.[0] ?? null;
}

/**
 * A multiple stated right after the figure: `按100人的1.5倍核定` → 150.
 *
 * @param quote
 *   The target's sentence.
 * @param value
 *   The stated figure.
 * @param unit
 *   Its unit.
 * @returns
 *   The derived value and how it was derived, or `null`.
 */
export function readMultiple(quote: string, value: number, unit: string): { value: number; derivedFrom: string } | null {
  const figure = formatNumberText(value);
  const match = new RegExp(`${figure.replace('.', '\\.')}\\s*${unit}?的\\s*(\\d+(?:\\.\\d+)?)\\s*倍`).exec(quote);
  if (!match) return null;
  const factor = Number(match[1]);
  if (!(factor > 1)) return null;
  return { value: Number((value * factor).toPrecision(12)), derivedFrom: `${figure}${unit === '' ? '' : ` ${unit}`} 的 ${match[1]} 倍` };
}

/** Where the figure stands in the quote (its first occurrence as a number), or -1. */
export function findFigure(quote: string, value: number): number {
  const figure = formatNumberText(value).replace('.', '\\.');
  const match = new RegExp(`(?<![\\d.])${figure}(?:\\.0+)?(?![\\d.])`).exec(quote.replace(/\s+/g, (space) => ' '.repeat(space.length)));
  return match ? match.index : -1;
}
