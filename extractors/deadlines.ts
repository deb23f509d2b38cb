/**
 * Deadlines: the explicit times by which, or periods in which, a plan commits
 * something — stages (准备阶段（2021年7月—12月）), milestones (2026年通过市级督导评估,
 * 力争2030年底前…), target years (到2025年…, a table row for 2027). See
 * ../shared/spec/EXTRACTION.md §2.
 */
import { toLocation } from './location.ts';
import type { Block, DocumentMetadata } from '../model/document.ts';
import { readAnnualYear, readHeadingYear, supplyYear } from './annual-year.ts';
import { pickRowDates, readDateOnly, hasSubstance, isStatusText } from './deadline-cells.ts';
import { findDocumentYear, judgeDate } from './deadline-context.ts';
import { labelDate, quoteAround } from './deadline-label.ts';
import { scanDates, type DateMention } from './date-scanner.ts';
import type { Deadline } from '../model/plan.ts';

const ACHIEVED = /已(?:于|经|在|通过|完成|实现)?[（(]?$/;

function makeDeadline(block: Block, mention: DateMention, label: string, quote: string): Deadline {
  const deadline: Deadline = { start: mention.start, end: mention.end, label, quote, location: toLocation(block) };
  if (block.location.line !== undefined) deadline.line = block.location.line;
  return deadline;
}

/** The cells of a block: a table row's cells, or a paragraph's tab-separated parts. */
function cellsOf(block: Block): string[] {
  if (block.cells && block.cells.length > 0) return block.cells;
  return block.text.includes('\t') ? block.text.split('\t') : [block.text];
}

/**
 * Whether a row opens its table: a table's first row, or a tab-separated paragraph
 * (a flattened table row) right after one that is not.
 */
function isFirstRow(blocks: Block[], index: number): boolean {
  const block = blocks[index]!;
  if (block.table) return block.table.row === 0;
  const previous = blocks[index - 1];
  return previous === undefined || cellsOf(previous).length <= 1;
}

/**
 * A period written right before another date inside it (2022—2035年 2022年至2023年 …,
 * a table's overall span flattened beside a row's own date) labels a column; it
 * commits nothing itself.
 */
function isSpanLabel(text: string, mention: DateMention, next: DateMention | undefined): boolean {
  if (!next || mention.start === null || mention.end === null) return false;
  const gap = text.slice(mention.index + mention.raw.length, next.index);
  const nextFirst = next.start ?? next.end;
  return /^[\s:：、，,]*$/.test(gap) && nextFirst !== null && nextFirst.slice(0, 4) >= mention.start.slice(0, 4) &&
    (next.end ?? nextFirst).slice(0, 4) <= mention.end.slice(0, 4);
}

/** Dates written inside text: every mention that the context does not reject. */
function sentenceDeadlines(block: Block, text: string, documentYear: number | null): Deadline[] {
  if (readDateOnly(text)) return [];
  const out: Deadline[] = [];
  const mentions = scanDates(text);
  mentions.forEach((mention, i) => {
    if (mention.bare || judgeDate(text, mention, documentYear) !== null) return;
    // A result already achieved (已于2023年12月通过, 已通过（2023年）) is a historical fact.
    if (ACHIEVED.test(text.slice(Math.max(0, mention.index - 5), mention.index))) return;
    if (isSpanLabel(text, mention, mentions[i + 1])) return;
    out.push(makeDeadline(block, mention, labelDate(text, mention), quoteAround(text, mention)));
  });
  return out;
}

/** The title of an annual document as a deadline ending in its year, quoted from the block that holds it. */
function annualDeadline(blocks: Block[], title: string, year: number): Deadline[] {
  const bare = title.replace(/[《》]/g, '');
  const block = blocks.find((b) => b.text.includes(bare));
  if (!block) return [];
  const deadline: Deadline = { start: null, end: String(year), label: bare, quote: block.text.trim(), location: toLocation(block) };
  if (block.location.line !== undefined) deadline.line = block.location.line;
  return [deadline];
}

/** A quote or label taken from a text whose year was supplied, as the document wrote it. */
function withoutSupplied(text: string, original: string, year: number): string {
  let out = text;
  const written = `${year}年`;
  while (!original.includes(out) && out.includes(written)) {
    // Drop the supplied years one at a time until the text is the document's own again.
    const at = out.lastIndexOf(written);
    const candidate = out.slice(0, at) + out.slice(at + written.length);
    if (candidate === out) break;
    out = candidate;
  }
  return out;
}

/** The next block after `index` that says something (a lone 年 left by a split cell is skipped). */
function nextContent(blocks: Block[], index: number): Block | undefined {
  for (let i = index + 1; i < blocks.length; i++) {
    if (blocks[i]!.text.replace(/[\s年]/g, '').length > 0) return blocks[i];
  }
  return undefined;
}

/** The block before `index` that says something. */
function previousContent(blocks: Block[], index: number): Block | undefined {
  for (let i = index - 1; i >= 0; i--) {
    if (blocks[i]!.text.replace(/[\s年]/g, '').length > 0) return blocks[i];
  }
  return undefined;
}

/** Whether a block gives a lone date something to commit: a substantive text that is no date and no status report. */
function givesContent(block: Block | undefined, minLength: number): boolean {
  if (block === undefined || readDateOnly(block.text) || !hasSubstance(block.text) || block.text.trim().length < minLength) return false;
  return !isStatusText(block.text.slice(0, 20));
}

/**
 * A block that is only a date (a table cell flattened into its own line). The row's
 * content is usually the text after it (a year heading its tasks); when a row ends with
 * its date (任务 | 责任单位 | 完成时限) and the next line starts another row with its number,
 * a new section or nothing, the content is the row before it.
 */
function loneDateDeadline(blocks: Block[], index: number, documentYear: number | null): Deadline | null {
  const block = blocks[index]!;
  const mention = readDateOnly(block.text);
  if (!mention || mention.hasDay) return null;
  const next = nextContent(blocks, index);
  let content: Block | undefined;
  if (givesContent(next, 12)) content = next;
  else if (!next || /^\s*\d{1,3}\s*$/.test(next.text) || (next.outline !== undefined && next.outline.level <= 1)) {
    const previous = previousContent(blocks, index);
    if (previous && givesContent(previous, 4) && !/[：:]\s*$/.test(previous.text)) content = previous;
  }
  if (!content) return null;
  if (judgeDate(block.text, mention, documentYear) !== null) return null;
  const label = content.text.split(/[。；]/, 1)[0]!.slice(0, 30);
  return makeDeadline(block, mention, `${mention.raw.trim()}：${label}`, block.text.trim());
}

/**
 * Extract the deadlines of one document.
 *
 * Deduplicated by (start, end, label), keeping the first quote.
 *
 * @param blocks
 *   The document's blocks, in order.
 * @param metadata
 *   The document's metadata; its date tells which years are already past.
 * @returns
 *   The deadlines in document order.
 */
export function extractDeadlines(blocks: Block[], metadata?: DocumentMetadata): Deadline[] {
  const documentYear = findDocumentYear(blocks, metadata);
  const found: Deadline[] = [];
  const annualYear = readAnnualYear(metadata?.title ?? null);
  if (annualYear !== null) found.push(...annualDeadline(blocks, metadata!.title!, annualYear));
  let lastPath: readonly string[] | undefined;
  let headingYear: number | null = null;
  blocks.forEach((block, index) => {
    if (block.sectionPath !== lastPath) {
      lastPath = block.sectionPath;
      headingYear = readHeadingYear(block.sectionPath);
    }
    // The year of the enclosing year heading, else of an annual document's title, for months and quarters without one.
    const scopeYear = headingYear ?? annualYear;
    if (scopeYear !== null && block.kind !== 'tableRow') {
      const supplied = supplyYear(block.text, scopeYear);
      if (supplied.supplied) {
        const own = sentenceDeadlines(block, supplied.text, documentYear).map((d) => ({ ...d, quote: withoutSupplied(d.quote, block.text, scopeYear), label: withoutSupplied(d.label, block.text, scopeYear) }));
        found.push(...own);
        return;
      }
    }
    const cells = cellsOf(block);
    if (cells.length > 1) {
      for (const { mention, content } of pickRowDates(cells, isFirstRow(blocks, index), block.table?.header)) {
        if (mention.hasDay || judgeDate(mention.raw, mention, documentYear) !== null) continue;
        const label = `${mention.raw.trim()}：${content.split(/[。；]/, 1)[0]!.slice(0, 30)}`;
        found.push(makeDeadline(block, mention, label, cells.join(' ').trim()));
      }
      for (const cell of cells) found.push(...sentenceDeadlines(block, cell, documentYear));
      return;
    }
    const lone = loneDateDeadline(blocks, index, documentYear);
    if (lone) found.push(lone);
    else found.push(...sentenceDeadlines(block, block.text, documentYear));
  });
  const seen = new Set<string>();
  return found.filter((d) => {
    const key = `${d.start}|${d.end}|${d.label}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
