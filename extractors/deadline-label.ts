/**
 * Deadline labels and quotes: the short name of a stage (准备阶段) or the verb phrase
 * of a milestone (通过国家督导评估认定), and the sentence that holds the date.
 */
import type { DateMention } from './date-scanner.ts';

const MAX_LABEL = 40;
const OUTLINE_PREFIX = /^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、．.]|\d+[、．.]|第[一二三四五六七八九十]+[，、,]?)\s*/;
const LEAD_WORDS = /^(?:[，,、:：\s]|前|以前|之前|内|期间|年|底|末|力争|确保|争取|要|将|全面|基本上)+/;

function clip(text: string, max = MAX_LABEL): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/** How far around a date its sentence is looked for: keeps a paragraph of a million characters linear. */
const WINDOW = 2000;

/**
 * The sentence of `text` that holds the mention (cut at 。；), trimmed.
 *
 * @param text
 *   The block or cell text.
 * @param mention
 *   The date mention in it.
 * @returns
 *   The quote; never empty.
 */
export function quoteAround(text: string, mention: DateMention): string {
  const from = Math.max(0, mention.index - WINDOW);
  const window = text.slice(from, mention.index);
  const cut = Math.max(window.lastIndexOf('。'), window.lastIndexOf('；'));
  const startCut = cut < 0 ? from - 1 : from + cut;
  // A window around the date keeps this linear on a paragraph of a million characters.
  const rest = text.slice(mention.index, mention.index + WINDOW);
  const stopRel = rest.search(/[。；]/);
  const stop = stopRel < 0 ? text.length : mention.index + stopRel;
  const quote = text.slice(startCut + 1, stop).replace(/\s+$/u, '').replace(/^\s+/u, '');
  return quote.length > 0 ? quote : mention.raw;
}

/**
 * The label of a date in its sentence: the stage name when the date is in brackets
 * after it (（一）准备阶段（2021年7月—12月） → 准备阶段, with a short title after the
 * brackets appended), else the clause the date governs (2027年通过国家督导评估认定 →
 * 通过国家督导评估认定).
 *
 * @param text
 *   The block or cell text.
 * @param mention
 *   The date mention in it.
 * @returns
 *   A short label.
 */
export function labelDate(text: string, mention: DateMention): string {
  const before = text.slice(Math.max(0, mention.index - WINDOW), mention.index);
  const afterAll = text.slice(mention.index + mention.raw.length, mention.index + mention.raw.length + WINDOW);
  const sentenceStart = Math.max(before.lastIndexOf('。'), before.lastIndexOf('；')) + 1;
  if (/[（(]\s*$/.test(before)) {
    const name = before.slice(sentenceStart).replace(/[（(]\s*$/, '').replace(OUTLINE_PREFIX, '').trim();
    const title = afterAll.replace(/^\s*[）)]/, '').split(/[。；]/, 1)[0]!.trim();
    const label = title.length > 0 && title.length <= 24 ? `${name}：${title}` : name;
    if (label.length > 0) return clip(label);
  }
  const clause = afterAll.replace(LEAD_WORDS, '').split(/[。；;]/, 1)[0] ?? '';
  const firstPart = clause.split(/[，,]/, 1)[0] ?? '';
  const label = firstPart.length >= 6 ? firstPart : clause;
  if (label.trim().length > 0) return clip(label);
  const name = before.slice(sentenceStart).replace(OUTLINE_PREFIX, '').replace(/[（(\s]+$/, '');
  return clip(name.length > 0 ? name : mention.raw);
}
