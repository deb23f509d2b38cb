/**
 * Tables in plain text. A table reaches a .txt file in two shapes: tab-separated
 * lines (a row per line, a merged cell left empty), or one cell per line, as a
 * table copied from a web page is pasted (a header of N cells, then every row as
 * N lines, an empty cell as an empty line). Both are rebuilt here into one grid:
 * rows of cells with their lines, the header rows joined into one (a group
 * heading spread over the columns it spans: 现状 over 2023年 → 2023年现状), and
 * a merged cell of a column of names filled down from the row above. The grid
 * becomes an mdast table, so every extractor reads it as it reads a Word table.
 */

import { finishGrid, isEmpty, isFigure, MARK, NONE, type GridCell } from './table-grid.ts';

/** One cell of a rebuilt table, with the 1-based line it came from. */
export type TextCell = GridCell;

/** A table found in the lines of a text. */
export interface TextTable {
  /** 0-based index of the first and one past the last line the table takes. */
  from: number;
  to: number;
  /** The rows, the (joined) header first. */
  rows: TextCell[][];
}

/** The first line under a caption or lead-in of a table. */
const CAPTION = /^(?:附?表\s*[\d一二三四五六七八九十]+|.{0,60}(?:表|清单|一览表|名单|矩阵|分工)\s*$|.{0,60}(?:如下|下表)[：:]?\s*$)/;
/** Lines that end a one-cell-per-line run: a note, an outline heading, a sentence. */
const RUN_END = /^(?:注[：:\d１-９]|备注[：:]|说明[：:]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]\S{4,}|\d+[.．、]\S{6,}|第[一二三四五六七八九十]+[章节条]|附件\s*\d*\s*$)/;
const MAX_CELL = 120;

const MAX_COLUMNS = 12;

/** A line that may title a table below it (表1　…, 三、责任清单, …如下：). */
function isCaption(text: string): boolean {
  return CAPTION.test(text);
}

/**
 * Find the tables in the lines of a text: runs of tab-separated lines, and
 * one-cell-per-line runs under a caption.
 *
 * @param lines
 *   The raw lines of the text (tabs kept, not trimmed).
 * @param clean
 *   How a cell's text is cleaned (control characters, spaces).
 * @returns
 *   The tables, in order, not overlapping.
 */
export function findTextTables(lines: readonly string[], clean: (text: string) => string): TextTable[] {
  const tables: TextTable[] = [];
  let i = 0;
  while (i < lines.length) {
    const tabbed = readTabRun(lines, i, clean);
    if (tabbed) {
      tables.push(tabbed);
      i = tabbed.to;
      continue;
    }
    if (isCaption(clean(lines[i]!)) && !lines[i]!.includes('\t')) {
      const flat = readCellPerLineRun(lines, i + 1, clean);
      if (flat) {
        tables.push(flat);
        i = flat.to;
        continue;
      }
    }
    i++;
  }
  return tables;
}

/**
 * A line of a tab-separated table: two or more cells with text. A line of one cell
 * behind a tab is a table written one cell per line, not a row.
 */
function isTabRow(line: string): boolean {
  if (!line.includes('\t')) return false;
  let filled = 0;
  for (const cell of line.split('\t')) if (cell.trim() !== '' && ++filled >= 2) return true;
  return false;
}

/** A run of two or more tab-separated lines; a line of one cell between rows is a group row. */
function readTabRun(lines: readonly string[], start: number, clean: (text: string) => string): TextTable | undefined {
  if (!isTabRow(lines[start]!)) return undefined;
  let end = start;
  const rows: TextCell[][] = [];
  while (end < lines.length) {
    const raw = lines[end]!;
    // Inside a table, a row may have one filled cell (\t\t更新多媒体教学设备…).
    if (isTabRow(raw) || (rows.length > 0 && raw.includes('\t') && raw.trim() !== '')) {
      rows.push(raw.replace(/^[ \u3000]+/, '').split('\t').map((t) => ({ text: clean(t), line: end + 1 })));
      end++;
      continue;
    }
    // A group row (（一）资源配置方面) between two rows of the table.
    const text = clean(raw);
    const following = lines[end + 1] ?? '';
    if (text !== '' && text.length <= 30 && rows.length > 0 && !CAPTION.test(text) && isTabRow(following) && following.split('\t').length === rows[0]!.length) {
      rows.push([{ text, line: end + 1 }]);
      end++;
      continue;
    }
    break;
  }
  if (rows.filter((r) => r.length > 1).length < 2) return undefined;
  const width = Math.max(...rows.map((r) => r.length));
  let previous: TextCell[] | undefined;
  const grid = rows.map((row) => {
    if (row.length === 1) {
      const label = row[0]!;
      return Array.from({ length: width }, (_, k): TextCell => (k > 0 ? { ...label, spanned: true } : label));
    }
    let padded = [...row];
    // A continuation row written without its empty leading cells takes them from the row above.
    const missing = width - row.length;
    if (missing > 0 && previous && !isEmpty(row[0]!.text)) {
      padded = [...previous.slice(0, missing).map((c): TextCell => ({ text: c.text, line: row[0]!.line, spanned: true })), ...row];
    }
    while (padded.length < width) padded.push({ text: '', line: row[0]!.line });
    previous = padded;
    return padded;
  });
  return { from: start, to: end, rows: finishGrid(grid) };
}

/**
 * A one-cell-per-line table under a caption: the number of columns is the one whose
 * rows keep each column to one kind of cell (figures, names) best.
 */
function readCellPerLineRun(lines: readonly string[], start: number, clean: (text: string) => string): TextTable | undefined {
  let first = start;
  while (first < lines.length && isEmpty(lines[first]!)) first++;
  // A caption repeated as a title line (附件 / title / table).
  if (first < lines.length && isCaption(clean(lines[first]!)) && !isFigure(clean(lines[first]!))) {
    const next = readCellPerLineRun(lines, first + 1, clean);
    if (next) return next;
  }
  const cells: TextCell[] = [];
  let end = first;
  while (end < lines.length) {
    const raw = lines[end]!;
    const text = clean(raw);
    if (raw.includes('\t') || text.length > MAX_CELL || RUN_END.test(text) || /^[　 ]{2}/.test(raw)) break;
    if (text.endsWith('。') && text.length > 40) break;
    cells.push({ text, line: end + 1 });
    end++;
  }
  if (cells.length < 4 || isEmpty(cells[0]!.text) || isFigure(cells[0]!.text)) return undefined;
  let best: { width: number; score: number } | undefined;
  for (let width = 2; width <= MAX_COLUMNS && width * 2 <= cells.length; width++) {
    const score = scoreWidth(cells, width);
    if (score > (best?.score ?? 0) + 1e-9) best = { width, score };
  }
  if (!best || best.score < 0.85) return undefined;
  const rowCount = Math.floor(cells.length / best.width);
  const grid: TextCell[][] = [];
  for (let r = 0; r < rowCount; r++) grid.push(cells.slice(r * best.width, (r + 1) * best.width));
  const used = rowCount * best.width;
  const lastLine = cells[used - 1]!.line;
  return { from: start, to: lastLine, rows: finishGrid(grid) };
}

/**
 * How well `width` columns explain a run of cells: the header row has no figure,
 * every data column holds one kind of cell (figures or text), and some column holds
 * figures or names in every row. 0 when the width is impossible.
 */
function scoreWidth(cells: readonly TextCell[], width: number): number {
  const rowCount = Math.floor(cells.length / width);
  // Lines left after the last whole row (a signature, a date) are not the table's; they cost a little.
  const left = cells.slice(rowCount * width).some((c) => !isEmpty(c.text)) ? 0.9 : 1;
  const header = cells.slice(0, width);
  if (header.some((c) => isFigure(c.text)) || isEmpty(header[0]!.text)) return 0;
  const headerRows = countHeaderRows(cells, width, rowCount);
  if (rowCount - headerRows < 1) return 0;
  let consistent = 0;
  let figureColumns = 0;
  for (let c = 0; c < width; c++) {
    const counts = new Map<string, number>();
    let filled = 0;
    for (let r = headerRows; r < rowCount; r++) {
      const text = cells[r * width + c]!.text;
      if (isEmpty(text) || NONE.test(text)) continue;
      const kind = cellKind(text);
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
      filled++;
    }
    consistent += filled === 0 ? 0.5 : Math.max(...counts.values()) / filled;
    if (filled > 0 && counts.get('figure') === filled) figureColumns++;
  }
  return left * (consistent / width) * (figureColumns > 0 || rowCount - headerRows >= 2 ? 1 : 0.5);
}

const DEPARTMENT_END = /(?:局|委|办|部|院|会|队|中心|政府|办事处|街道|乡镇|镇|股|室|站|联|团)(?:[（(][^）)]{1,6}[）)])?$/;
const LEVEL_CELL = /^(?:小学|初中|中学|九年一贯制(?:学校)?|十二年一贯制(?:学校)?|全县|全区|全市|全部|合计|小计)$/;

/** What sort of cell a text is, to tell columns apart: figure, level, department, label or sentence. */
function cellKind(text: string): string {
  if (isFigure(text)) return 'figure';
  const t = text.replace(/\s+/g, '');
  if (LEVEL_CELL.test(t)) return 'level';
  if (DEPARTMENT_END.test(t) && t.length <= 80 && !/\d/.test(t)) return 'department';
  return t.length <= 40 ? 'label' : 'sentence';
}

/** Header rows: the first row, and rows after it that hold no figure and leave their first cell empty. */
function countHeaderRows(cells: readonly TextCell[], width: number, rowCount: number): number {
  let rows = 1;
  while (rows < rowCount) {
    const row = cells.slice(rows * width, (rows + 1) * width);
    if (!isEmpty(row[0]!.text) || row.some((c) => isFigure(c.text)) || row.every((c) => isEmpty(c.text))) break;
    rows++;
  }
  return rows;
}

