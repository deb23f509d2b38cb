/**
 * Completion dates of a table that a plain-text rendition flattened to one cell per line
 * (序号 | 任务 | 目标要求 | 牵头单位 | 配合单位 | 完成时限): each row's 完成时限 cell comes after
 * the figures it dates, so the year is read ahead of the targets.
 */
import type { Block } from '../model/document.ts';
import { readDateOnly } from './deadline-cells.ts';

/** A column header of completion dates (完成时限, 完成时间, 时间节点). */
const DEADLINE_HEADER = /时限|完成时间|时间节点|截止时间|完成期限/;
const HEADER_CELL = /^[\u4e00-\u9fff（）()]{2,8}$/;

/** The length of a flattened header run at `index` with a completion-date column, and that column. */
function readHeaderAt(blocks: readonly Block[], index: number): { size: number; column: number } | undefined {
  let size = 0;
  while (index + size < blocks.length && size < 10) {
    const b = blocks[index + size]!;
    if (b.kind !== 'paragraph' || !HEADER_CELL.test(b.text.trim())) break;
    size++;
  }
  if (size < 3) return undefined;
  const column = blocks.slice(index, index + size).findIndex((b) => DEADLINE_HEADER.test(b.text));
  return column < 0 ? undefined : { size, column };
}

/**
 * The year each cell of a flattened table's row takes from the row's completion-date cell.
 *
 * @param blocks
 *   The document's blocks, in order.
 * @returns
 *   The year of every cell block of a row whose completion-date cell is a bare date; rows
 *   are read while each one's date cell holds a date (a row that breaks the pattern ends it).
 */
export function readFlatRowYears(blocks: readonly Block[]): Map<Block, number> {
  const years = new Map<Block, number>();
  for (let i = 0; i < blocks.length; i++) {
    const header = readHeaderAt(blocks, i);
    if (!header) continue;
    let start = i + header.size;
    while (start + header.size <= blocks.length) {
      const row = blocks.slice(start, start + header.size);
      if (row.some((b) => b.kind !== 'paragraph')) break;
      const end = readDateOnly(row[header.column]!.text.trim())?.end;
      if (!end) break;
      for (const b of row) years.set(b, Number(end.slice(0, 4)));
      start += header.size;
    }
    i = start - 1;
  }
  return years;
}
