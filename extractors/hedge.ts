/**
 * Hedges (EXTRACTION.md §1 `hedge`): the word by which a plan softens a figure it commits
 * to (基本达到, 原则上不超过, 力争, 争取, 逐步, 努力). 基本 inside a term (基本装备配置标准,
 * 基本均衡) is no hedge (DECISIONS.md).
 */
import { normalizeNumberText } from './number-scanner.ts';

const HEDGE = /原则上|力争|争取|逐步|努力|基本(?!装备|均衡|情况|公共|建设标准|办学条件|原则|要求|保障|医疗|养老|知识|技能|药物|国策|单位|条件|标准|制度|框架|要点|方略|路线|理论|经验|特征|定型)/g;
const CLAUSE_START = /[。；;！？]/g;

/**
 * The hedge word before a figure in its quote, if any.
 *
 * @param quote
 *   The sentence or cell the figure comes from.
 * @param value
 *   The figure's value, to find where it stands.
 * @returns
 *   The word as written, or `null`.
 */
export function findHedge(quote: string, value: number): string | null {
  const text = normalizeNumberText(quote);
  if (!HEDGE_WORDS.test(text)) return null;
  const figure = new RegExp(`(?<![\\d.])${String(value).replace('.', '\\.')}(?:\\.0+)?(?![\\d])`);
  const at = figure.exec(text)?.index ?? text.length;
  let from = 0;
  CLAUSE_START.lastIndex = 0;
  for (let m = CLAUSE_START.exec(text); m && m.index < at; m = CLAUSE_START.exec(text)) from = m.index + 1;
  let word: string | null = null;
  HEDGE.lastIndex = from;
  for (let m = HEDGE.exec(text); m && m.index < at; m = HEDGE.exec(text)) word = m[0];
  if (word !== null) return word;
  // A hedge before a list's lead (基本完成7项指标，即…；…；…) softens every item of the list.
  let sentence = 0;
  SENTENCE_START.lastIndex = 0;
  for (let m = SENTENCE_START.exec(text); m && m.index < at; m = SENTENCE_START.exec(text)) sentence = m.index + 1;
  const lead = LIST_LEAD.exec(text.slice(sentence, from));
  return lead ? lead[1]! : null;
}

const SENTENCE_START = /[。！？]/g;
/** A hedge, then the words that open an enumeration (即, 如下, a colon), before the clause of the figure. */
const LIST_LEAD = new RegExp(`(${HEDGE.source})[^。；;]*?(?:即|如下|[：:])`);

const HEDGE_WORDS = /原则上|力争|争取|逐步|努力|基本/;
