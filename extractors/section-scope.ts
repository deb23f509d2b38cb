/**
 * What the enclosing sections of a block say about every statement under them:
 * a level (（一）小学, （三）九年一贯制学校) that figures of a per-level indicator
 * take when their own words name none. The statement's own words always win.
 */
import type { Level } from '../model/plan.ts';
import standard from './national-standard.json' with { type: 'json' };

/** Indicators whose threshold differs by level: only their figures take a heading's level. */
const PER_LEVEL = new Set(
  standard.indicators
    .filter((indicator) => 'thresholds' in indicator && new Set(indicator.thresholds.map((t) => t.level)).size > 1)
    .map((indicator) => indicator.id),
);

const MARKER = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|第[一二三四五六七八九十]+[章节部分]+\s*)/;
const LEVEL_TITLE: Array<[RegExp, Exclude<Level, 'all'>]> = [
  [/^(?:小学|普通小学)(?:学段|阶段|部)?(?:学校)?$/, 'primary'],
  [/^(?:初中|初级中学|普通初中)(?:学段|阶段|部)?(?:学校)?$/, 'junior'],
  [/^九年一贯制学校?$/, 'nineYear'],
  [/^十二年一贯制学校?$/, 'twelveYear'],
];

/**
 * The level the innermost section naming one gives to its statements.
 *
 * @param sectionPath
 *   Titles of the enclosing sections, outermost first.
 * @returns
 *   The level, or `null` when no enclosing section is titled by a level alone.
 */
export function readSectionLevel(sectionPath: readonly string[]): Exclude<Level, 'all'> | null {
  for (let i = sectionPath.length - 1; i >= 0; i--) {
    const title = sectionPath[i]!.replace(MARKER, '').replace(/[。：:\s]+$/, '').trim();
    for (const [pattern, level] of LEVEL_TITLE) if (pattern.test(title)) return level;
  }
  return null;
}

/**
 * The level a figure takes: its own, or the section's where it states none and its
 * indicator has a threshold per level.
 *
 * @param indicator
 *   The figure's indicator id, or `null`.
 * @param level
 *   The level its own words give (`all` when they name none).
 * @param sectionLevel
 *   The section's level (see `readSectionLevel`).
 */
export function scopeLevel(indicator: string | null, level: Level, sectionLevel: Exclude<Level, 'all'> | null): Level {
  if (level !== 'all' || sectionLevel === null || indicator === null) return level;
  const base = indicator.split('.')[0]!;
  if (!PER_LEVEL.has(base)) return level;
  // A 一贯制 school's size and class size keep its own level; its other figures are per 学段.
  if ((sectionLevel === 'nineYear' || sectionLevel === 'twelveYear') && base !== 'G4') return level;
  return sectionLevel;
}
