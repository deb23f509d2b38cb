/**
 * Indicator lexicon: the ways plans name each numeric indicator of the national
 * standard (教督〔2017〕6号), and the related measures that are NOT it
 * (达标率, 九年巩固率, 本科学历比例, 继续教育经费占工资总额 …).
 */
/** One way of naming an indicator. */
export interface LexiconEntry {
  id: string;
  /** The indicator's unit; a number with another unit cannot measure it. */
  unit: string;
  /** The name as plans write it. */
  pattern: RegExp;
  /** The sentence must also say this (e.g. 交流 for the backbone share of rotating teachers). */
  context?: RegExp;
  /** The matched name (or what precedes it) must not say this. */
  exclude?: RegExp;
  /** The name may follow the number (拥有1名区级以上骨干教师). */
  after?: boolean;
}

/** Indicators whose standard sets separate thresholds for 小学 and 初中. */
export const PER_LEVEL_INDICATORS: ReadonlySet<string> = new Set(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'G4', 'G5', 'G13']);

/** The lexicon, one entry per way of naming; order does not decide, nearness to the number does. */
export const LEXICON: readonly LexiconEntry[] = [
  { id: 'R1', unit: '人', pattern: /高于规定学历(?:的)?(?:专任)?教师|高一级学历(?:的)?教师/ },
  { id: 'R2', unit: '人', pattern: /骨干教师/, exclude: /交流|轮岗/, after: true },
  { id: 'R3', unit: '人', pattern: /(?:体育|艺术|音乐|美术|体音美|体、音|体、美|音、体|音体美)[^，。；：]{0,12}?专任教师|体育艺术(?:类)?教师/ },
  { id: 'R4', unit: '平方米', pattern: /教学及辅助用房|教学辅助用房/ },
  { id: 'R5', unit: '平方米', pattern: /(?:体育)?运动场馆|体育运动场地|运动场地/ },
  { id: 'R6', unit: '元', pattern: /生均(?:教学)?仪器设备/ },
  { id: 'R7', unit: '间', pattern: /多媒体教室|多媒体网络教室/ },
  { id: 'R8', unit: '', pattern: /差异系数/ },
  { id: 'R9', unit: '%', pattern: /余项|其余(?:各项|指标|项目|项)/ },
  { id: 'G3', unit: '间', pattern: /(?:音乐|美术)(?:[、和及](?:音乐|美术))?(?:专用)?(?:教)?室/, context: /每\d+个?班/ },
  // 音乐、美术专用教室: the list shares its noun, so 音乐 names the music room too.
  { id: 'G3.music', unit: '平方米', pattern: /音乐(?:[、和及]美术)?(?:专用)?(?:教)?室/ },
  { id: 'G3.art', unit: '平方米', pattern: /美术(?:专用)?(?:教)?室/ },
  { id: 'G4', unit: '人', pattern: /(?<!人口|小|大|招生)规模(?!化|学校)/ },
  { id: 'G5', unit: '人', pattern: /班额|班级学生数|班级人数|每班(?:学生)?人数/ },
  { id: 'G7', unit: '元', pattern: /特殊教育[^，。；]{0,8}生均公用经费|特教[^，。；]{0,8}生均公用经费/ },
  { id: 'G9', unit: '%', pattern: /培训完成率|学时完成率/ },
  { id: 'G11', unit: '%', pattern: /符合交流(?:轮岗)?条件(?:的)?教师总数|(?:交流轮岗|轮岗交流)(?:教师)?(?:的)?(?:比例|比率|占)/ },
  { id: 'G11.backbone', unit: '%', pattern: /骨干教师[^，。；]{0,12}?(?:交流轮岗|轮岗交流)教师总数|骨干教师(?:交流)?(?:比例|占比)/, context: /交流|轮岗/ },
  { id: 'G12', unit: '%', pattern: /持证上岗率|持证率|资格证?上岗率|资格证书?持有率/ },
  { id: 'G13', unit: '%', pattern: /就近(?:划片)?入学(?:的)?比例|划片入学(?:的)?比例|就近入学率/ },
  { id: 'G14', unit: '%', pattern: /高中[^，。；]{0,8}?(?:名额|指标)[^，。；]{0,6}?(?:分配|到校|占比|比例)/ },
  // 优质高中招生名额的50%以上分配到初中: the name is split around the number.
  { id: 'G14', unit: '%', pattern: /高中[^，。；]{0,8}?(?:名额|指标)(?:的)?$/, context: /分配|到校/ },
  { id: 'G15', unit: '%', pattern: /随迁子女/ },
  { id: 'Q1', unit: '%', pattern: /三年巩固率|初中(?:阶段)?巩固率/, exclude: /九年/ },
  { id: 'Q2', unit: '%', pattern: /残疾(?:儿童|少年|学生)[^，。；]{0,8}?入学率/ },
  { id: 'Q4', unit: '%', pattern: /公用经费(?:预算)?总额|公用经费(?:预算)?的/, context: /培训/ },
  { id: 'Q9', unit: '级', pattern: /学业水平/ },
  { id: 'Q9.gap', unit: '', pattern: /校际差异率/ },
  { id: 'S1', unit: '%', pattern: /满意度|认可度|满意率/ },
];

/** Each entry's pattern with the `g` flag, built once (callers reset `lastIndex`). */
const GLOBAL_PATTERNS = new Map<LexiconEntry, RegExp>(LEXICON.map((entry) => [entry, new RegExp(entry.pattern.source, 'g')]));

/** The `g` form of an entry's pattern. */
function globalPatternOf(entry: LexiconEntry): RegExp {
  return GLOBAL_PATTERNS.get(entry) ?? new RegExp(entry.pattern.source, 'g');
}

/** Matches where any entry's pattern matches: a text it does not match holds no name at all. */
const ANY_NAME = new RegExp(LEXICON.map((entry) => `(?:${entry.pattern.source})`).join('|'));

/** Words that name some measured quantity: a clause that has one measures that, not an earlier one. */
const MEASURE_NOUN = /率|比例|占比|比重|系数|面积|经费|带宽|时间|人数|学生数|规模|班额|总额|数量|均值|人口|名额/;

/** A name found in a text. */
export interface LexiconHit {
  entry: LexiconEntry;
  start: number;
  end: number;
}

/**
 * Whether a number of this unit can measure this indicator (a bare number can
 * measure anything; otherwise the units must agree).
 *
 * @param entry
 *   The lexicon entry.
 * @param unit
 *   The number's normalised unit.
 * @returns
 *   True when compatible.
 */
export function isUnitCompatible(entry: LexiconEntry, unit: string): boolean {
  if (unit === '') return true;
  return entry.unit === unit;
}

/**
 * Find the indicator names in a text whose unit fits a number.
 *
 * @param text
 *   Text to search (the clause before the number, or after it).
 * @param unit
 *   The number's unit.
 * @param sentence
 *   The whole sentence, for entries that need context.
 * @param position
 *   `before` to find names preceding the number, `after` for names following it.
 * @returns
 *   Hits, in text order.
 */
export function findIndicatorNames(text: string, unit: string, sentence: string, position: 'before' | 'after' = 'before'): LexiconHit[] {
  const hits: LexiconHit[] = [];
  if (!ANY_NAME.test(text)) return hits;
  for (const entry of LEXICON) {
    if (position === 'after' && !entry.after) continue;
    if (!isUnitCompatible(entry, unit)) continue;
    if (entry.context && !entry.context.test(sentence)) continue;
    const pattern = globalPatternOf(entry);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length === 0) pattern.lastIndex++;
      if (entry.exclude && entry.exclude.test(text.slice(Math.max(0, start - 4), end + 2))) continue;
      hits.push({ entry, start, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Pick the name that a number measures: the one nearest before it (the
 * latest end; on a tie, the longer).
 *
 * @param hits
 *   Hits in the text before the number.
 * @returns
 *   The nearest hit.
 */
export function pickNearestHit(hits: readonly LexiconHit[]): LexiconHit | undefined {
  let best: LexiconHit | undefined;
  for (const h of hits) {
    if (!best || h.end > best.end || (h.end === best.end && h.start < best.start)) best = h;
  }
  return best;
}

/**
 * Whether a text names a measured quantity of its own (…率, …比例, …面积), so
 * that a number after it measures that and not an indicator named earlier.
 *
 * @param text
 *   Clause text before a number.
 * @returns
 *   True when it names a quantity.
 */
export function hasMeasureNoun(text: string): boolean {
  return MEASURE_NOUN.test(text);
}

/**
 * Whether the words between an indicator's name and its number turn the
 * number into a rate of schools meeting the indicator (达标率, 达标学校比例, 已达标达83%).
 *
 * @param between
 *   Text between the name and the number.
 * @returns
 *   True when the number is not the indicator itself.
 */
export function isComplianceRate(between: string): boolean {
  return /达标|合格率|覆盖率|知晓率|参与率|参训率/.test(between);
}

/**
 * Blank out indicator names in a text (keeping its length), so that words
 * inside a name (高于 in 高于规定学历教师数) are not read as comparators.
 *
 * @param text
 *   Text before a number.
 * @returns
 *   The text with names replaced by spaces.
 */
export function maskIndicatorNames(text: string): string {
  if (!ANY_NAME.test(text)) return text; // nothing to blank: no entry matches the text
  let out = text;
  for (const entry of LEXICON) out = out.replace(globalPatternOf(entry), (m) => ' '.repeat(m.length));
  return out;
}
