/**
 * School levels as plans name them: 小学, 初中 (中学 in a compulsory-education
 * plan), 九年一贯制, 十二年一贯制, and the joint words 中小学 / 义务教育学校.
 */
import type { Level } from '../model/plan.ts';

/** A level word found in a text. `both` stands for 中小学 (primary and junior together). */
export interface LevelMention {
  level: Exclude<Level, 'all'> | 'both';
  /** True for a vague joint word (义务教育学校) that only counts when nothing else names a level. */
  weak: boolean;
  word: string;
  start: number;
  end: number;
}

const LEVEL_PATTERN = /十二年一贯制|九年一贯制|中小学|义务教育(?:阶段)?学校|小学|初级中学|初中|高中|高完中|职业中学|中等职业|中学/g;

/**
 * Find the level words of a text, in order. 高中 and vocational schools are
 * skipped (they are not compulsory-education levels); 中学 reads as junior.
 *
 * @param text
 *   Text to scan.
 * @returns
 *   Level mentions in text order.
 */
export function scanLevels(text: string): LevelMention[] {
  const out: LevelMention[] = [];
  LEVEL_PATTERN.lastIndex = 0;
  for (let m = LEVEL_PATTERN.exec(text); m !== null; m = LEVEL_PATTERN.exec(text)) {
    const word = m[0];
    const start = m.index;
    const end = start + word.length;
    let level: LevelMention['level'] | undefined;
    let weak = false;
    if (word === '十二年一贯制') level = 'twelveYear';
    else if (word === '九年一贯制') level = 'nineYear';
    else if (word === '中小学') level = 'both';
    else if (word.startsWith('义务教育')) { level = 'both'; weak = true; }
    else if (word === '小学') level = 'primary';
    else if (word === '初中' || word === '初级中学' || word === '中学') level = 'junior';
    if (level) out.push({ level, weak, word, start, end });
  }
  return out;
}

/**
 * Expand level mentions to the distinct levels they name, in order (中小学 →
 * primary, junior).
 *
 * @param mentions
 *   Level mentions.
 * @returns
 *   Distinct levels.
 */
export function expandLevels(mentions: readonly LevelMention[]): Array<Exclude<Level, 'all'>> {
  const out: Array<Exclude<Level, 'all'>> = [];
  for (const m of mentions) {
    const levels: Array<Exclude<Level, 'all'>> = m.level === 'both' ? ['primary', 'junior'] : [m.level];
    for (const l of levels) if (!out.includes(l)) out.push(l);
  }
  return out;
}

/**
 * Whether a text distributes its figures over a list of levels (小学、初中分别…).
 *
 * @param text
 *   Text before a number.
 * @returns
 *   True when the text says 分别.
 */
export function isDistributive(text: string): boolean {
  return /分别/.test(text);
}
