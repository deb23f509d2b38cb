/**
 * Targets of one statement (a paragraph's text or a table cell): every number
 * that measures something, with the indicator it measures, its levels,
 * comparator, year and kind. Block-independent: the caller supplies the
 * context a table row, label or heading gives.
 */
import type { Comparator, Level } from '../model/plan.ts';
import { combineComparators, findPrefixComparator, findSuffixComparator } from './comparators.ts';
import {
  findIndicatorNames,
  hasMeasureNoun,
  isComplianceRate,
  maskIndicatorNames,
  PER_LEVEL_INDICATORS,
  pickNearestHit,
  type LexiconHit,
} from './indicator-lexicon.ts';
import { expandLevels, isDistributive, scanLevels, type LevelMention } from './levels.ts';
import { normalizeNumberText, scanNumbers, type NumberMention } from './number-scanner.ts';
import { findYearMarkers, maskNonCommitmentYears, type YearMarker } from './target-year.ts';

/** What the surroundings of a statement say. */
export interface StatementContext {
  /** Year from a table row/column label or an enclosing stage heading. */
  year: number | null;
  /** Kind from a 现状/目标 label. */
  kind: 'target' | 'baseline' | null;
  /** Year the document was issued, to tell past status years from targets. */
  documentYear: number | null;
  /** Unfinished words of the previous line when the statement continues it. */
  prefix?: string;
}

/** A target found in a statement, before it is tied to a block. */
export interface StatementTarget {
  indicator: string | null;
  level: Level;
  comparator: Comparator;
  value: number;
  unit: string;
  year: number | null;
  kind: 'target' | 'baseline';
  quote: string;
  quantity?: string;
}

/** Units a target can have; other units (年, 所, 项, 个 …) are counts, dates or durations. */
const TARGET_UNITS = new Set(['', '%', '人', '平方米', '元', '间', '级']);
const CLAUSE_END = /[，,：:]/;
/** Sentence ends; a tab separates cells of a flattened table row; a newline separates lines of a cell. */
const SENTENCE_ENDS = /[。！？!?\t\n]/g;
/** Segment ends within a sentence. */
const SEGMENT_ENDS = /[；;]/g;

const BASELINE_WORDS = /现状|均值|平均值|平均水平|截至|截止|目前|现阶段/;
/** A sentence without any of these holds no number `scanNumbers` could read. */
const MAY_HOLD_NUMBER = /\d|[一二三四五六七八九十百两]|Ⅲ|III/;
/** The gap between two numbers of one list (、5.3人以上; 和0.45). */
const LIST_GAP = /^[、和及与，,]*$/;

/** Whether the words before a number say it is a present state (目前, 现状 …), not 达到…均值. */
function isBaselineBefore(sentenceBefore: string): boolean {
  return BASELINE_WORDS.test(sentenceBefore) && !/达到[^，。；]*均值/.test(sentenceBefore);
}

/** Split a text at separator characters (a global one-character pattern), keeping offsets. */
function splitSpans(text: string, separators: RegExp, offset = 0): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let start = 0;
  separators.lastIndex = 0;
  for (let m = separators.exec(text); m !== null; m = separators.exec(text)) {
    out.push({ text: text.slice(start, m.index), start: offset + start });
    start = m.index + 1;
  }
  out.push({ text: text.slice(start), start: offset + start });
  return out;
}

/** The start of the clause holding a position: just after the last clause end before it. */
function clauseStartOf(segment: string, position: number): number {
  if (position <= 0) return 0;
  const from = position - 1;
  return Math.max(segment.lastIndexOf('，', from), segment.lastIndexOf(',', from), segment.lastIndexOf('：', from), segment.lastIndexOf(':', from)) + 1;
}

/**
 * A range of values is one figure (DECISIONS.md): its lower end (达到90%—95%), or its upper end where
 * the range is a ceiling (控制在40—45人, 不超过…). A range of counts (1至2项) stays a range.
 */
function readRange(n: NumberMention, segment: string): NumberMention {
  if (n.high === undefined || n.isYear || !TARGET_UNITS.has(n.unit) || n.high <= n.value) return n;
  const around = segment.slice(Math.max(0, n.start - 6), n.start) + '|' + segment.slice(n.end, n.end + 4);
  // A range that names a category (51～55人班额) qualifies what follows: it is no figure.
  if (!/(?:达到|达|为|在|至|到|提高|提升|保持|控制)[|]|[|](?:以上|以内|以下|之间|左右|[，。；,;]|$)/.test(around.replace(/^.*?(?=.{0,4}[|])/, ''))) return n;
  const ceiling = /控制在|不超过|不高于|不大于|[|](?:以内|以下)/.test(around);
  const { high, ...rest } = n;
  return { ...rest, value: ceiling ? high : n.value };
}

/** Whether a number is a count, date, denominator, qualifier or reference rather than a measured value. */
function isNotAValue(n: NumberMention, segment: string, masked: string): boolean {
  if (n.isYear || !TARGET_UNITS.has(n.unit)) return true;
  if (n.high !== undefined) return true;
  if (/万/.test(n.raw) && n.unit === '元') return true;
  if (masked[n.start] !== segment[n.start]) return true; // inside 《…》 or a parenthesised year range
  const before = segment.slice(Math.max(0, n.start - 2), n.start);
  const after = segment.slice(n.end, n.end + 6);
  if (/每$|第$|不足$/.test(before)) return true;
  if (/[:：]$/.test(before) && /\d/.test(segment[n.start - 2] ?? '')) return true;
  if (/^[:：]\d/.test(after)) return true;
  if (/^[A-Za-z]/.test(after)) return true;
  // 超过2000人的小学, 5人以上的学校: the number qualifies what follows.
  if (n.unit !== '%' && /^(?:(?:及|或)?以[上下内])?的/.test(after)) return true;
  return false;
}

/** Remove level words, comparator words and fillers; what is left names the clause's own quantity, if any. */
function ownQuantity(text: string): string {
  return text
    .replace(/十二年一贯制|九年一贯制|中小学|小学|初中|中学/g, '')
    .replace(/小于或等于|大于或等于|不大于|不高于|不超过|不低于|不少于|不小于|接近或达到|控制在|至少|达到|低于|小于|高于|超过|达|为|是|占|均|分别|其中|全市|全县|全区|全镇|全省|所有|[≤≥<>、（）()\s]/g, '');
}

/** Whether a clause names a quantity of its own (not just 占比 or 比例 after a level word). */
function clauseHasOwnMeasure(text: string): boolean {
  const rest = ownQuantity(text);
  if (/^(?:占比|比例|比重|均值)?$/.test(rest)) return false;
  // 每间面积, 其使用面积: the area of the rooms named before, not a quantity of its own.
  // Earlier numbers of the list (每间面积分别不小于96平方米、) do not change that.
  if (/^(?:每间|每个|每所|其)?(?:建筑|使用)?面积(?:各)?$/.test(rest.replace(/\d+(?:\.\d+)?(?:平方米|㎡|m²)?/g, ''))) return false;
  return hasMeasureNoun(rest);
}

/** Special forms of the class-size and small-school indicators. */
function readSpecialForm(segment: string, n: NumberMention): { indicator: string; comparator: Comparator; value: number } | undefined {
  const after = segment.slice(n.end);
  const before = segment.slice(clauseStartOf(segment, n.start), n.start);
  // 基本消除56人及以上大班额, 56人以上大班额全部消除 → G5 ≤ 55.
  const large = after.match(/^(?:及|或)?以上(?:的)?(?:超)?大班额([^，。；]{0,8})/);
  if (n.unit === '人' && large && (/消除|化解|杜绝|不得有|无/.test(before) || /消除|化解|清零/.test(large[1]!))) {
    return { indicator: 'G5', comparator: '<=', value: n.value - 1 };
  }
  // 不足100名学生的村小学和教学点按100名学生核定公用经费 → G6 ≥ 100.
  // Also 村小学和教学点在校生不足100人的，按100人核定: the condition may stand in an earlier clause.
  const small = segment.slice(0, n.start).match(/不足(\d+)(?:名学生|名|人)?([^。；]*?)按$/);
  const schools = segment.slice(0, n.start);
  if (small && Number(small[1]) === n.value && /村小|小学|教学点/.test(schools) && /^(?:名学生|名|人)?[^，。；]*?核定/.test(after)) {
    return { indicator: 'G6', comparator: '>=', value: n.value };
  }
  return undefined;
}

/** Per-sentence state for levels named once and distributed over several numbers. */
interface LevelState {
  lastList: Array<Exclude<Level, 'all'>>;
  queue: Array<Exclude<Level, 'all'>>;
  lastComparator: Comparator | undefined;
  /** The comparator last written before a number of each unit, for parallel items of one clause. */
  byUnit: Map<string, Comparator>;
}

/** How a number's levels were read: named for it alone, distributed (分别), jointly, weakly (义务教育学校) or not at all. */
type LevelSource = 'own' | 'distributed' | 'joint' | 'weak' | 'none';

/** Resolve the levels of one number from the level words before it. */
function resolveLevels(gapMentions: LevelMention[], gapText: string, state: LevelState): { levels: Array<Exclude<Level, 'all'>>; source: LevelSource } {
  const strong = gapMentions.filter((m) => !m.weak);
  const levels = expandLevels(strong);
  if (isDistributive(gapText)) {
    const list = levels.length >= 2 ? levels : state.lastList;
    if (list.length >= 2) {
      state.queue = [...list];
      return { levels: [state.queue.shift()!], source: 'distributed' };
    }
  }
  if (levels.length === 0 && state.queue.length > 0) return { levels: [state.queue.shift()!], source: 'distributed' };
  state.queue = [];
  // 小学、初中…，每百名学生拥有骨干教师数均达到1人以上: 均 takes the levels named earlier in the sentence.
  if (levels.length === 0 && isJointAll(gapText) && state.lastList.length >= 2) return { levels: [...state.lastList], source: 'joint' };
  if (levels.length === 1) return { levels, source: 'own' };
  if (levels.length >= 2) return { levels, source: 'joint' };
  if (gapMentions.some((m) => m.weak)) return { levels: ['primary', 'junior'], source: 'weak' };
  return { levels: [], source: 'none' };
}

/** Whether a text says that a figure holds for every level named before (均, 都), not 生均 or 均值. */
function isJointAll(text: string): boolean {
  return /(?<![生人平])均(?![值衡])|都/.test(text);
}

/**
 * The levels a sentence names as its head (小学：生均…≥4.5㎡，…): a short lead
 * of level words only, before a colon, that applies to every number of the
 * sentence without levels of its own.
 */
function readHeadLevels(sentence: string): Array<Exclude<Level, 'all'>> {
  const m = sentence.match(/^(?:\d{1,2}[.、)）]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)?([^，,。；;：:]{1,12})[：:]/);
  if (!m) return [];
  const mentions = scanLevels(m[1]!).filter((l) => !l.weak);
  if (mentions.length === 0 || ownQuantity(m[1]!).replace(/学校|阶段|学段|部分/g, '') !== '') return [];
  return expandLevels(mentions);
}

/**
 * The name a number of a 分别 list measures when the clause lists several names
 * (音乐、美术专用教室每间分别不小于96平方米、90平方米): the `ordinal`-th distinct one, in
 * text order; `undefined` when the number is not in such a list or the names are fewer.
 */
function pickListedHit(hits: readonly LexiconHit[], ordinal: number): LexiconHit | undefined {
  if (ordinal < 0) return undefined;
  const distinct: LexiconHit[] = [];
  for (const h of [...hits].sort((a, b) => a.start - b.start)) {
    if (!distinct.some((d) => d.entry.id === h.entry.id)) distinct.push(h);
  }
  return distinct.length >= 2 ? distinct[ordinal] : undefined;
}

/** Find the indicator a number measures, from its clause and, when the clause names nothing, the clauses before it. */
function resolveIndicator(segment: string, sentence: string, n: NumberMention, ordinal = -1): { hit?: LexiconHit; text?: string } {
  const clauseStart = clauseStartOf(segment, n.start);
  const own = segment.slice(clauseStart, n.start);
  const pick = (hits: LexiconHit[]): LexiconHit | undefined => pickListedHit(hits, ordinal) ?? pickNearestHit(hits);
  const ownHit = pick(findIndicatorNames(own, n.unit, sentence));
  if (ownHit) {
    return isComplianceRate(own.slice(ownHit.end)) ? {} : { hit: ownHit, text: own };
  }
  const afterText = segment.slice(n.end).split(CLAUSE_END)[0] ?? '';
  const afterHit = findIndicatorNames(afterText, n.unit, sentence, 'after')[0];
  if (afterHit && afterHit.start <= 8) return { hit: afterHit, text: afterText };
  if (clauseHasOwnMeasure(own)) return {};
  // Look back through the earlier clauses of the segment, nearest first.
  let end = clauseStart - 1;
  while (end > 0) {
    const start = clauseStartOf(segment, end);
    const clause = segment.slice(start, end);
    const hit = pick(findIndicatorNames(clause, n.unit, sentence));
    if (hit) {
      const between = clause.slice(hit.end) + segment.slice(end, n.start);
      return isComplianceRate(between) ? {} : { hit, text: clause };
    }
    if (clauseHasOwnMeasure(clause)) return {};
    end = start - 1;
  }
  return {};
}

/**
 * Extract the targets of one statement.
 *
 * @param raw
 *   The statement's text as written.
 * @param context
 *   What the surroundings say (label year and kind, document year, broken-line prefix).
 * @returns
 *   The targets, in text order; a statement can hold several.
 */
export function extractStatementTargets(raw: string, context: StatementContext): StatementTarget[] {
  const prefix = normalizeNumberText(context.prefix ?? '');
  const { text: body, rawMap } = normalizeWithMap(raw);
  const text = prefix + body;
  /** The statement's own words for a span of `text`, as written (prefix left out). */
  const quoteOf = (start: number, end: number): string => {
    const from = Math.max(start - prefix.length, 0);
    const to = end - prefix.length;
    if (to <= from) return raw.trim();
    return rawMap ? raw.slice(toRawOffset(rawMap, from), toRawOffset(rawMap, to - 1) + 1).trim() : raw.slice(from, to).trim();
  };
  const out: StatementTarget[] = [];
  for (const sentenceSpan of splitSpans(text, SENTENCE_ENDS)) {
    const sentence = sentenceSpan.text;
    if (!MAY_HOLD_NUMBER.test(sentence)) continue;
    // Read only when a number needs them: most sentences hold none worth keeping.
    let markers: YearMarker[] | undefined;
    let headLevels: Array<Exclude<Level, 'all'>> | undefined;
    let quote: string | undefined;
    // A word found in a prefix of the sentence is found in the sentence: without it there, no prefix has it.
    const mayHaveJointWord = sentence.includes('中小学') || sentence.includes('义务教育');
    const mayHaveBaselineWord = BASELINE_WORDS.test(sentence);
    const state: LevelState = { lastList: [], queue: [], lastComparator: undefined, byUnit: new Map() };
    const found: Array<StatementTarget & { source: LevelSource; segmentIndex: number }> = [];
    let previousEnd = 0; // in sentence offsets: end of the previous kept number
    splitSpans(sentence, SEGMENT_ENDS).forEach((segmentSpan, segmentIndex) => {
      const segment = segmentSpan.text;
      const numbers = scanNumbers(segment).map((n) => readRange(n, segment));
      let keptEnd = 0;
      /** Where a number stands in a list after 分别 whose levels are not what it distributes; -1 outside one. */
      let ordinal = -1;
      state.queue = [];
      if (numbers.length === 0) return;
      let masked: string | undefined;
      for (const n of numbers) {
        // A number in the previous line's tail was read there: it only sets the state (levels, list) for the next.
        const inPrefix = sentenceSpan.start + segmentSpan.start + n.start < prefix.length;
        const special = readSpecialForm(segment, n);
        if (!special && isNotAValue(n, segment, (masked ??= maskNonCommitmentYears(segment)))) continue;
        const clauseStart = clauseStartOf(segment, n.start);
        const gapStart = Math.max(clauseStart, keptEnd);
        const gapText = segment.slice(gapStart, n.start);
        // Level lists named anywhere since the previous number stay in mind for a later 分别.
        const wideGap = sentence.slice(Math.max(previousEnd, 0), segmentSpan.start + gapStart);
        const wideList = expandLevels(scanLevels(wideGap).filter((m) => !m.weak));
        if (wideList.length >= 2) state.lastList = wideList;
        const gapMentions = scanLevels(gapText);
        const gapLevels = expandLevels(gapMentions.filter((m) => !m.weak));
        if (gapLevels.length >= 2) state.lastList = gapLevels;
        // Weak joint words (义务教育学校) count from anywhere earlier in the sentence.
        const weakSeen = mayHaveJointWord && scanLevels(sentence.slice(0, segmentSpan.start + n.start)).some((m) => m.weak || m.level === 'both');
        let { levels, source } = resolveLevels(
          weakSeen && gapMentions.length === 0 ? [{ level: 'both', weak: true, word: '', start: 0, end: 0 }] : gapMentions,
          gapText,
          state,
        );

        if (source === 'none' && (headLevels ??= readHeadLevels(sentence)).length > 0) {
          levels = [...headLevels];
          source = headLevels.length === 1 ? 'own' : 'joint';
        }

        const afterUnit = segment.slice(n.end);
        const prefixComparator = findPrefixComparator(maskIndicatorNames(gapText))?.comparator;
        const suffixComparator = findSuffixComparator(afterUnit);
        let comparator = combineComparators(prefixComparator, suffixComparator);
        // A list goes on (、5.3人以上; 和0.45) or a parallel item repeats the unit in the same clause (音乐室1间…、美术室1间).
        const isListGap = LIST_GAP.test(gapText);
        const continuesList = keptEnd > 0 && (isListGap || (keptEnd > clauseStart && n.unit !== '' && state.byUnit.has(n.unit)));
        const inherited = isListGap ? state.lastComparator : state.byUnit.get(n.unit);
        if (!prefixComparator && continuesList && inherited) {
          comparator = combineComparators(inherited, suffixComparator);
        }
        // 百分之九十五 is a percentage as plainly as 95% is; other Chinese numerals need a comparator.
        const isChinese = !/\d|[ⅠⅡⅢⅣⅤIV]/.test(n.raw) && !n.raw.startsWith('百分之');
        if (!special && (n.unit === '' || isChinese) && comparator === undefined && source !== 'own' && source !== 'distributed') continue;
        if (!special && isChinese && comparator === undefined) continue;

        let indicator: string | null = null;
        let quantity: string | undefined;
        if (special) {
          indicator = special.indicator;
          comparator = special.comparator;
        } else {
          if (source === 'distributed' || source === 'own') ordinal = -1;
          else if (isDistributive(gapText)) ordinal = 0;
          else if (ordinal >= 0 && keptEnd > 0 && isListGap) ordinal++;
          else ordinal = -1;
          const { hit, text: hitText } = resolveIndicator(segment, sentence, n, ordinal);
          if (hit && hitText !== undefined) {
            indicator = hit.entry.id;
            quantity = hitText.slice(hit.start, hit.end);
          }
        }
        if (indicator === null && comparator === undefined && n.unit !== '%') {
          keptEnd = n.end;
          continue;
        }

        // Kind and year.
        const at = segmentSpan.start + n.start;
        const before = (markers ??= findYearMarkers(sentence)).filter((m) => m.end <= at);
        const marker = before[before.length - 1];
        let kind: 'target' | 'baseline' = context.kind ?? 'target';
        if (marker?.deadline) kind = 'target';
        else if (mayHaveBaselineWord && isBaselineBefore(sentence.slice(0, at))) kind = 'baseline';
        else if (marker && context.documentYear !== null && marker.year < context.documentYear) kind = 'baseline';
        const year = marker?.year ?? context.year;

        const value = special ? special.value : n.value;
        const unit = n.unit === '' && indicator ? unitOf(indicator) : n.unit;
        quote ??= (quoteOf(sentenceSpan.start, sentenceSpan.start + sentence.length) || raw.trim()).slice(0, 500);
        const base = { indicator, comparator: comparator ?? '=', value, unit, year, kind, quote } as const;
        const levelList: Level[] = inPrefix ? [] : levels.length > 0 ? levels : ['all'];
        for (const level of levelList) {
          // Written out rather than spread from `base`: spreading here was a hot spot.
          const t: StatementTarget & { source: LevelSource; segmentIndex: number } = {
            indicator: base.indicator, comparator: base.comparator, value: base.value, unit: base.unit,
            year: base.year, kind: base.kind, quote: base.quote, level, source, segmentIndex,
          };
          if (quantity !== undefined) t.quantity = quantity;
          found.push(t);
          // 音乐、美术专用教室面积 with one figure (not one each after 分别): the list shares its
          // noun, so the figure is the art room's too.
          if (indicator === 'G3.music' && ordinal < 0 && quantity !== undefined && /音乐[、和及]美术/.test(quantity)) found.push({ ...t, indicator: 'G3.art' });
        }
        state.lastComparator = prefixComparator ?? state.lastComparator;
        if (prefixComparator) state.byUnit.set(n.unit, prefixComparator);
        keptEnd = n.end;
        previousEnd = at + (n.end - n.start);
      }
    });
    out.push(...settleLevels(found));
  }
  return out;
}

/**
 * Where the characters of a normalised text come from in the raw text: the
 * text is a series of pieces, each copied from one place of the raw text.
 */
interface RawMap {
  /** Offset in the text where each piece starts, ascending. */
  starts: number[];
  /** Offset in the raw text of each piece's first character. */
  origins: number[];
}

/** The raw offset of a text offset. */
function toRawOffset(map: RawMap, offset: number): number {
  let low = 0;
  let high = map.starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (map.starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return map.origins[low]! + (offset - map.starts[low]!);
}

/**
 * Normalise a statement (see `normalizeNumberText`) and join lines broken
 * inside a sentence, keeping where each character of the result is in the
 * raw text, so quotes can be given as written (no map when the text is the
 * raw text unchanged).
 */
function normalizeWithMap(raw: string): { text: string; rawMap: RawMap | undefined } {
  // Nothing to drop or rewrite: the text is the raw text, index for index.
  if (!NEEDS_MAP.test(raw)) return { text: raw, rawMap: undefined };
  // Runs of ordinary characters are copied whole; only the characters of
  // NEEDS_LOOK are looked at one by one. The last character is tracked rather
  // than tested with `…$` patterns on a growing string.
  const pieces: string[] = [];
  const map: RawMap = { starts: [], origins: [] };
  let length = 0;
  let last = '';
  const append = (piece: string, origin: number): void => {
    map.starts.push(length);
    map.origins.push(origin);
    pieces.push(piece);
    length += piece.length;
    last = piece.charAt(piece.length - 1);
  };
  let from = 0;
  NEEDS_LOOK.lastIndex = 0;
  for (;;) {
    const m = NEEDS_LOOK.exec(raw);
    const i = m ? m.index : raw.length;
    if (i > from) append(raw.slice(from, i), from);
    if (!m) break;
    from = i + 1;
    const c = m[0];
    if (c === '\n') {
      // A line broken inside a sentence continues on the next line.
      if (SENTENCE_STOP.has(last)) append(c, i);
      continue;
    }
    if (c === '\t') { append(c, i); continue; }
    if (WHITESPACE.test(c)) continue;
    if ((c === '^' || c === '*') && isAsciiDigit(last) && /^\s*[%％]/.test(raw.slice(i + 1))) continue;
    if (c === '．' && isAsciiDigit(last) && /^[0-9０-９]/.test(raw.charAt(i + 1))) { append('.', i); continue; }
    append(normalizeNumberChar(c), i);
  }
  return { text: pieces.join(''), rawMap: map };
}

/** Characters `normalizeWithMap` treats one by one; every other character is kept as it is. */
const NEEDS_LOOK = /[\s０-９％．^*]/g;
/** Characters that `normalizeWithMap` drops or rewrites: whitespace other than a tab, full-width digits, ％, ．, ^ and *. */
const NEEDS_MAP = /[^\S\t]|[０-９％．^*]/;
/** Characters after which a newline ends a sentence rather than breaking a line. */
const SENTENCE_STOP = new Set([...'。；！？：:;!?']);
const WHITESPACE = /\s/;

/** Whether a one-character string is an ASCII digit (what `\d` matches). */
function isAsciiDigit(c: string): boolean {
  return c >= '0' && c <= '9' && c.length === 1;
}

/** `normalizeNumberText` of one non-space character: a full-width digit or ％ to ASCII. */
function normalizeNumberChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xfee0);
  if (c === '％') return '%';
  return c;
}

/** The unit an indicator is measured in. */
function unitOf(indicator: string): string {
  const entry = findUnit.get(indicator);
  return entry ?? '';
}
const findUnit = new Map<string, string>([
  ['R1', '人'], ['R2', '人'], ['R3', '人'], ['R4', '平方米'], ['R5', '平方米'], ['R6', '元'], ['R7', '间'], ['R8', ''], ['R9', '%'],
  ['G3', '间'], ['G3.music', '平方米'], ['G3.art', '平方米'], ['G4', '人'], ['G5', '人'], ['G6', '人'], ['G7', '元'], ['G9', '%'],
  ['G11', '%'], ['G11.backbone', '%'], ['G12', '%'], ['G13', '%'], ['G14', '%'], ['G15', '%'], ['Q1', '%'], ['Q2', '%'], ['Q4', '%'],
  ['Q9', '级'], ['Q9.gap', ''], ['S1', '%'],
]);

/**
 * Apply the level conventions per indicator: an indicator the standard gives
 * county-wide keeps per-level figures only when the plan states separate
 * figures for different levels; joint or weak level words make it `all`.
 * Weak joint words (义务教育学校) count for per-level indicators in targets only.
 */
function settleLevels(found: Array<StatementTarget & { source: LevelSource; segmentIndex: number }>): StatementTarget[] {
  const out: StatementTarget[] = [];
  const seen = new Set<string>();
  for (const t of found) {
    let level = t.level;
    if (t.indicator !== null && !PER_LEVEL_INDICATORS.has(t.indicator)) {
      const separate = (t.source === 'own' || t.source === 'distributed') &&
        found.some((o) => o !== t && o.indicator === t.indicator && o.segmentIndex === t.segmentIndex && o.level !== t.level && o.level !== 'all' && (o.source === 'own' || o.source === 'distributed'));
      if (!separate) level = 'all';
    } else if (t.source === 'weak' && (t.kind === 'baseline' || t.indicator === null)) {
      level = 'all';
    }
    const target: StatementTarget = {
      indicator: t.indicator, comparator: t.comparator, value: t.value, unit: t.unit,
      year: t.year, kind: t.kind, quote: t.quote, level,
    };
    if (t.quantity !== undefined) target.quantity = t.quantity;
    // Values are finite numbers and ids never contain the separator, so this key tells targets apart as JSON would.
    const key = `${target.indicator ?? '\u0000'}\u0001${target.level}\u0001${target.comparator}\u0001${target.value}\u0001${target.year ?? '\u0000'}\u0001${target.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(target);
  }
  return out;
}
