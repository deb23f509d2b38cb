/**
 * Recognise the Chinese outline markers that open a section:
 * 一、 (level 1), （一） (2), 1． / 1. / 1、 (3), （1） (4), and 附件N (0).
 */
import type { OutlineMarker } from '../../model/document.ts';

const NUMERAL = '[一二三四五六七八九十]{1,3}';
const PATTERNS: Array<{ level: number; re: RegExp }> = [
  { level: 0, re: /^(附件\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})?)(?:[：:]|\s|$)/ },
  // Chapters and articles of a plan written as regulations: 第三章 opens like 一、, 第七条 sits between it and （一）.
  { level: 1, re: new RegExp(`^(第${NUMERAL}[章编])(?:\\s|　)`) },
  { level: 1.5, re: new RegExp(`^(第${NUMERAL}条)(?:\\s|　)`) },
  { level: 1, re: new RegExp(`^(${NUMERAL}[、．.])`) },
  { level: 2, re: new RegExp(`^([（(]${NUMERAL}[）)])`) },
  { level: 3, re: /^(\d{1,2}(?:[．、]|\.(?:(?!\d)|(?=(?:19|20)\d{2}\s*年))))/ },
  { level: 4, re: /^([（(]\d{1,2}[）)])/ },
];

/** Longest title kept: the text after the marker up to the first 。 ：or ；. */
const TITLE_END = /[。：:；;]/;

/**
 * Find the outline marker at the start of a text.
 *
 * @param text
 *   A paragraph's text.
 * @returns
 *   The marker, its level and the section title, or `undefined`.
 */
export function matchOutline(text: string): OutlineMarker | undefined {
  for (const { level, re } of PATTERNS) {
    const match = re.exec(text);
    if (!match) continue;
    const marker = match[1]!.trim();
    const rest = text.slice(match[1]!.length).trim().replace(/^[：:]\s*/, '');
    if (level === 0) return { level, marker, title: (rest.split(TITLE_END)[0] ?? '').trim() || marker };
    // Numbers followed by a unit or a year are not markers ("1.5万人", "2025.").
    // A year after the number is the item's text (1.2026年4月底前，完成…).
    if (level === 3 && /^(?:\d|万|亿|年|月|日|%|％)/.test(rest) && !/^(?:19|20)\d{2}\s*年/.test(rest)) continue;
    const title = (rest.split(TITLE_END)[0] ?? rest).trim();
    return { level, marker, title };
  }
  return undefined;
}

/**
 * Whether a paragraph that starts with an outline marker is a heading on its
 * own, rather than a measure whose first sentence is its title.
 *
 * @param text
 *   The paragraph's text.
 * @param marker
 *   Its outline marker.
 */
export function isHeadingOnly(text: string, marker: OutlineMarker): boolean {
  const body = text.slice(marker.marker.length).trim().replace(/[。：:]$/, '');
  return body.length <= 40 && !/[。；;]/.test(body);
}
