/**
 * Deadline context: decides whether a date the scanner found is a time the plan
 * commits to, or one of the dates that are not deadlines — the document's own dates
 * (印发, 成文, the signature), years inside the titles of other documents
 * (《…规划（2020-2035年）》), the year of a status report (2021年教育现状, 截至2021年底),
 * historical facts (已于2019年…), forecasts (到2022年…会出现…) and past years.
 */
import type { Block, DocumentMetadata } from '../model/document.ts';
import { scanDates, type DateMention } from './date-scanner.ts';

/** Why a date is not a deadline, or `null` when it is one. */
export type DateRejection =
  | 'title' | 'own-date' | 'issued' | 'status' | 'history' | 'forecast' | 'past' | null;

const OPEN_CLOSE: Array<[string, string]> = [['《', '》'], ['〈', '〉'], ['〔', '〕'], ['<', '>'], ['＜', '＞']];

/**
 * Whether an offset lies inside a document title (《…》, 〈…〉) or a document number's
 * year bracket (〔…〕). An unclosed 《 runs to the end of the text.
 *
 * @param text
 *   The text.
 * @param index
 *   The offset to test.
 * @returns
 *   `true` inside such brackets.
 */
export function isInsideTitle(text: string, index: number): boolean {
  return titleMask(text)[index] === 1;
}

/** The last text's mask: a paragraph has many dates, and each asks about the same text. */
let lastMask: { text: string; mask: Uint8Array } | undefined;

/** For each offset of a text, 1 when an earlier bracket of OPEN_CLOSE is still open there. */
function titleMask(text: string): Uint8Array {
  if (lastMask?.text === text) return lastMask.mask;
  const mask = new Uint8Array(text.length + 1);
  const depths = OPEN_CLOSE.map(() => 0);
  for (let i = 0; i <= text.length; i++) {
    if (depths.some((depth) => depth > 0)) mask[i] = 1;
    const char = text[i];
    OPEN_CLOSE.forEach(([open, close], k) => {
      if (char === open) depths[k]!++;
      else if (char === close && depths[k]! > 0) depths[k]!--;
    });
  }
  lastMask = { text, mask };
  return mask;
}

/** Characters of context read on each side of a date. */
const CONTEXT = 300;

const yearOf = (value: string | null): number | null => (value === null ? null : Number(value.slice(0, 4)));

/**
 * Judge one date mention in its text.
 *
 * @param text
 *   The block or cell text the mention was found in.
 * @param mention
 *   The mention.
 * @param documentYear
 *   The year the document was issued, when known: dates ending before it are past.
 * @returns
 *   The reason it is not a deadline, or `null` when it is one.
 */
export function judgeDate(text: string, mention: DateMention, documentYear: number | null): DateRejection {
  // Only the words near a date decide; windows keep a very long paragraph linear.
  const before = text.slice(Math.max(0, mention.index - CONTEXT), mention.index);
  const after = text.slice(mention.index + mention.raw.length, mention.index + mention.raw.length + CONTEXT);
  if (isInsideTitle(text, mention.index)) return 'title';
  if (mention.hasDay && !/^\s*(前|之前|以前|止)/.test(after)) return 'own-date';
  if (/^\s*[新重]?(印发|发布|修订|颁布|出台|成文|版[）)》]|制定的|编制的)/.test(after)) return 'issued';
  if (/(截至|截止|截止到|截至到)\s*$/.test(before)) return 'status';
  if (/^[^，,。；;]{0,8}(现状|基本情况|存在问题|存在的问题|统计数据|底数|情况如下)/.test(after)) return 'status';
  if (/(已|已经|曾|曾经)(于|在)?\s*$/.test(before) || /^\s*(以来|已|已经|曾)/.test(after)) return 'history';
  const clause = after.split(/[。；;]/, 1)[0] ?? '';
  if (/会出现|预计|预测|将会出现|可能出现/.test(clause)) return 'forecast';
  if (!/(到|至|前|力争|确保|争取)\s*$/.test(before) && /^[，,\s]*(全[县市区]|我[县市区])?(共有|现有)/.test(clause)) return 'status';
  const last = yearOf(mention.end) ?? yearOf(mention.start);
  if (documentYear !== null && last !== null && last < documentYear) return 'past';
  return null;
}

/**
 * The year the document was issued: from its date, else its document number
 * (南川府办〔2021〕51号), else the latest full date (年月日) written in it.
 *
 * @param blocks
 *   The document's blocks.
 * @param metadata
 *   What ingest learned about the document, if anything.
 * @returns
 *   The year, or `null` when the document gives none.
 */
export function findDocumentYear(blocks: Block[], metadata?: DocumentMetadata): number | null {
  const fromDate = metadata?.date ? /^(\d{4})/.exec(metadata.date) : null;
  if (fromDate) return Number(fromDate[1]);
  const fromNumber = metadata?.docNumber ? /[〔［[（(](\d{4})[〕］\]）)]/.exec(metadata.docNumber) : null;
  if (fromNumber) return Number(fromNumber[1]);
  let latest: number | null = null;
  for (const block of blocks) {
    for (const m of scanDates(block.text)) {
      const y = yearOf(m.end);
      if (m.hasDay && y !== null && (latest === null || y > latest)) latest = y;
    }
  }
  return latest;
}
