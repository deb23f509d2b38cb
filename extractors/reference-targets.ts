/**
 * Targets stated by reference to the standard (EXTRACTION.md §1 `byReference`): a clause
 * that names indicators and commits them to the national standard (到2027年，学校规模和班额
 * 达到国家标准要求) gives each named indicator the standard's own comparator and value at every
 * level, with the clause's year. A blanket statement that names no indicator (各项指标全部达到
 * 国家标准) gives none (DECISIONS.md).
 */
import type { Level, Comparator } from '../model/plan.ts';
import { LEXICON } from './indicator-lexicon.ts';
import { normalizeNumberText } from './number-scanner.ts';
import { findYearMarkers } from './target-year.ts';
import standard from './national-standard.json' with { type: 'json' };

/** A target the clause states by reference, before it is located. */
export interface ReferenceTarget {
  indicator: string;
  level: Level;
  comparator: Comparator;
  value: number;
  unit: string;
  year: number | null;
  quote: string;
}

const TO_STANDARD = /(?:达到|符合|满足)(?:国家|国家规定|国家优质均衡|省定|国家督导评估)?(?:的)?(?:标准|规定标准|标准要求|规定要求|要求)/;
const CLAUSE_END = /[。；;！？]/;
/** Words naming the standard's requirements as a whole, not an indicator. */
const BLANKET = /各项|全部指标|所有指标|各类指标|四个方面|7项指标|七项指标|资源配置指标(?!校际)/;

const THRESHOLDS = new Map(
  standard.indicators.flatMap((indicator) => ('thresholds' in indicator ? [[indicator.id, { unit: indicator.unit ?? '', thresholds: indicator.thresholds }] as const] : [])),
);

/**
 * Find the targets a text states by reference to the standard.
 *
 * @param text
 *   A paragraph's text.
 * @param fallbackYear
 *   The year the paragraph's section or lead-in gives, when the clause states none.
 * @returns
 *   One target per named indicator and level of the standard.
 */
export function findReferenceTargets(text: string, fallbackYear: number | null): ReferenceTarget[] {
  if (!text.includes('标准') && !text.includes('要求')) return [];
  const out: ReferenceTarget[] = [];
  for (const sentence of text.split(CLAUSE_END)) {
    const m = TO_STANDARD.exec(sentence);
    if (!m) continue;
    // The clause that commits: from the last comma before 达到国家标准 that still names an indicator.
    const before = sentence.slice(0, m.index);
    const commas = [...before.matchAll(/[，,]/g)].map((c) => c.index! + 1);
    let named: string[] = [];
    let from = 0;
    for (const start of [commas.at(-1) ?? 0, ...commas.slice(0, -1).reverse(), 0]) {
      named = namesIn(before.slice(start));
      if (named.length > 0) {
        from = start;
        break;
      }
    }
    if (named.length === 0 || BLANKET.test(before.slice(from)) || namesAreas(before.slice(from))) continue;
    // A figure in the clause is a target of its own, not a reference.
    if (/\d/.test(normalizeNumberText(before.slice(from)).replace(/(?:19|20)\d{2}年/g, ''))) continue;
    const years = findYearMarkers(normalizeNumberText(sentence.slice(0, m.index + m[0].length)));
    const year = years.at(-1)?.year ?? fallbackYear;
    const quote = sentence.trim();
    for (const id of named) {
      const entry = THRESHOLDS.get(id);
      if (!entry) continue;
      for (const t of entry.thresholds) {
        out.push({ indicator: id, level: t.level as Level, comparator: t.comparator as Comparator, value: t.value, unit: entry.unit, year, quote });
      }
    }
  }
  return out;
}

/** Whether a clause lists the standard's areas (资源配置、政府保障程度、教育质量、社会认可度): a blanket statement. */
function namesAreas(clause: string): boolean {
  return ['资源配置', '政府保障', '教育质量', '社会认可'].filter((area) => clause.includes(area)).length >= 2;
}

/** The ids of the numeric indicators a clause names, in order, each once. */
function namesIn(clause: string): string[] {
  const ids: string[] = [];
  for (const entry of LEXICON) {
    if (entry.context && !entry.context.test(clause)) continue;
    const hit = entry.pattern.exec(clause);
    if (!hit) continue;
    if (entry.exclude && entry.exclude.test(clause.slice(0, hit.index + hit[0].length))) continue;
    if (!ids.includes(entry.id)) ids.push(entry.id);
  }
  // 音乐、美术专用教室 names G3; its rooms' sizes come with it only when named apart.
  return ids.filter((id) => !(id.startsWith('G3.') && ids.includes('G3')));
}
