/**
 * Coverage: for every indicator of the national standard, whether the plan states
 * that requirement at all (with or without a number), with the evidence. See
 * ../shared/spec/EXTRACTION.md §5.
 */
import { toLocation } from './location.ts';
import type { Block } from '../model/document.ts';
import { coverageLexicon, type LexiconEntry } from './coverage-lexicon.ts';
import type { CoverageEntry, Target } from '../model/plan.ts';
import standard from './national-standard.json' with { type: 'json' };

/** The ids of the national standard's indicators, in the standard's order. */
export const indicatorIds: string[] = standard.indicators.map((i) => i.id);

const MAX_QUOTE = 160;

/**
 * Whether a paragraph was broken mid-sentence (a page break in the source) and goes
 * on in the next block: a long paragraph that stops on a character, followed by a
 * paragraph that opens no outline item.
 *
 * @param block
 *   The paragraph.
 * @param next
 *   The block after it.
 * @returns
 *   `true` when the two blocks are one sentence.
 */
export function isBrokenParagraph(block: Block, next: Block): boolean {
  return block.kind === 'paragraph' && next.kind === 'paragraph' && next.outline === undefined &&
    block.text.trim().length >= 30 && /[\u4e00-\u9fff]$/.test(block.text.trim());
}

/**
 * Split a block's text into clauses (cut at 。；！？ and between table cells).
 *
 * @param text
 *   The block text.
 * @returns
 *   The clauses, trimmed and non-empty.
 */
export function splitClauses(text: string): string[] {
  return text.split(/[。；;！？!?\t\n]/).map((c) => c.trim()).filter((c) => c.length > 0);
}

/**
 * The form a clause is matched in: whitespace removed (每 12 个班级 → 每12个班级)
 * and the titles of other documents blanked (《…》 → 《》).
 *
 * @param clause
 *   The clause as written.
 * @returns
 *   The normalised clause.
 */
export function normaliseClause(clause: string): string {
  return clause.replace(/\s+/g, '').replace(/《[^《》]*》/g, '《》').replace(/ⅲ/g, 'Ⅲ');
}

/**
 * Whether a clause states an indicator's requirement, by the lexicon.
 *
 * @param id
 *   The indicator id (`Q1`).
 * @param clause
 *   The clause as written.
 * @returns
 *   `true` when a pattern of the id matches and its exception does not.
 */
export function clauseCovers(id: string, clause: string): boolean {
  const entry = coverageLexicon[id];
  if (!entry) return false;
  return entryCovers(entry, normaliseClause(clause));
}

/** Whether a normalised clause states an entry's requirement. */
function entryCovers(entry: LexiconEntry, text: string): boolean {
  if (entry.except?.test(text)) return false;
  return entry.patterns.some((p) => p.test(text));
}

/** Matches wherever any pattern of the lexicon does: a clause it does not match covers no indicator. */
const ANY_PATTERN = new RegExp(
  Object.values(coverageLexicon).flatMap((entry) => entry.patterns.map((p) => `(?:${p.source})`)).join('|'),
);

/** A clause as written and in its matching form (`null` when no pattern can match it). */
interface PreparedClause {
  clause: string;
  text: string | null;
}

/** Normalise each clause once, for all indicators. */
function prepareClauses(clauses: readonly string[]): PreparedClause[] {
  return clauses.map((clause) => {
    const text = normaliseClause(clause);
    return { clause, text: ANY_PATTERN.test(text) ? text : null };
  });
}

/**
 * Check the plan against every indicator of the national standard.
 *
 * @param blocks
 *   The document's blocks, in order.
 * @param targets
 *   The document's extracted targets, if any: a target with an indicator covers it.
 * @returns
 *   One entry per indicator id; the first evidence found is kept.
 */
export function extractCoverage(blocks: Block[], targets?: Target[]): Record<string, CoverageEntry> {
  const result: Record<string, CoverageEntry> = {};
  for (const id of indicatorIds) result[id] = { covered: false, quote: null, location: null };
  blocks.forEach((block, index) => {
    const clauses = splitClauses(block.text);
    const next = blocks[index + 1];
    // A paragraph broken mid-sentence (a page break in the source) continues in the next block.
    if (next && isBrokenParagraph(block, next)) {
      const tail = clauses.pop() ?? '';
      clauses.push(tail + (splitClauses(next.text)[0] ?? ''));
    }
    let prepared: PreparedClause[] | undefined;
    for (const id of indicatorIds) {
      if (result[id]!.covered) continue;
      const entry = coverageLexicon[id];
      if (!entry) continue;
      prepared ??= prepareClauses(clauses).filter((c) => c.text !== null);
      const hit = prepared.find((c) => entryCovers(entry, c.text!));
      if (hit) result[id] = { covered: true, quote: hit.clause.slice(0, MAX_QUOTE), location: toLocation(block) };
    }
  });
  for (const t of targets ?? []) {
    if (t.indicator === null || !(t.indicator in result) || result[t.indicator]!.covered) continue;
    result[t.indicator] = { covered: true, quote: t.quote.slice(0, MAX_QUOTE), location: t.location };
  }
  return result;
}
