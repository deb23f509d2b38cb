/**
 * A sheet as a table of the document tree, so that a 任务分工表 or 指标表 attached as a
 * spreadsheet is read by the same table model as a Word or Markdown table: one mdast
 * table per sheet, a row per sheet row, every row and cell positioned by its row
 * (`line`) and column in the sheet, merged-cell copies marked `spanned`. Leading rows that
 * hold one text only (附件2, a title merged over the table's width) are the sheet's title,
 * not its header: they become paragraphs before the table. A workbook of several sheets
 * gives each table a heading with the sheet's name.
 */
import type { Heading, Paragraph, Root, Table, TableCell, TableRow } from 'mdast';
import type { Sheet, SheetRow, SheetValue, Workbook } from './types.ts';

/**
 * Make a table of a sheet.
 *
 * @param sheet
 *   The sheet.
 * @returns
 *   The table, or `null` when the sheet holds no value.
 */
export function sheetToTable(sheet: Sheet): Table | null {
  if (sheet.rows.length === 0) return null;
  const width = Math.max(...sheet.rows.map((row) => row.values.length));
  const children: TableRow[] = sheet.rows.map((row) => {
    const spanned = new Set(row.spanned ?? []);
    const cells: TableCell[] = [];
    for (let c = 0; c < width; c++) {
      const text = cellText(row.values[c] ?? null);
      const location = { line: row.row, column: c + 1 };
      const data = spanned.has(c) ? { location, spanned: true } : { location };
      cells.push({ type: 'tableCell', children: text === '' ? [] : [{ type: 'text', value: text, data: { location } }], data, position: place(row.row, c + 1, text) });
    }
    return { type: 'tableRow', children: cells, data: { location: { line: row.row } }, position: place(row.row, 1, '') };
  });
  const first = sheet.rows[0]!.row;
  return { type: 'table', align: Array.from({ length: width }, () => null), children, data: { location: { line: first } } };
}

/**
 * Make a document tree of a workbook: each sheet with a value becomes a table, preceded
 * by a heading with its name when the workbook has more than one such sheet.
 *
 * @param workbook
 *   The workbook.
 * @returns
 *   The tree.
 */
export function workbookToTree(workbook: Workbook): Root {
  const children: Root['children'] = [];
  const used = workbook.sheets.filter((sheet) => sheet.rows.length > 0);
  for (const sheet of used) {
    if (used.length > 1 && sheet.name !== '') {
      const heading: Heading = { type: 'heading', depth: 2, children: [{ type: 'text', value: sheet.name }], data: { location: { line: sheet.rows[0]!.row } } };
      children.push(heading);
    }
    const titles = titleRows(sheet.rows);
    for (const row of sheet.rows.slice(0, titles)) {
      const text = cellText(row.values.find((value) => value !== null) ?? null);
      const location = { line: row.row, column: 1 };
      const paragraph: Paragraph = { type: 'paragraph', children: [{ type: 'text', value: text, data: { location } }], data: { location }, position: place(row.row, 1, text) };
      children.push(paragraph);
    }
    const table = sheetToTable({ ...sheet, rows: sheet.rows.slice(titles) });
    if (table) children.push(table);
  }
  return { type: 'root', children };
}

/** How many leading rows hold one text only (or copies of it), while at least two rows follow. */
function titleRows(rows: SheetRow[]): number {
  let count = 0;
  while (count < rows.length - 2) {
    const texts = new Set(rows[count]!.values.filter((value) => value !== null).map(String));
    if (texts.size !== 1) break;
    count++;
  }
  return count;
}

/**
 * A cell's text: numbers without float noise, line breaks inside a cell kept as spaces.
 *
 * @param value
 *   The cell's value.
 */
export function cellText(value: SheetValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(Number(value.toPrecision(12)));
  // A line break inside a cell wraps Chinese text (区委编办、⏎区人力社保局): nothing is put in its place there.
  return value.replace(/(?<=[\u3000-\u9fff\uff00-\uffef])[ \t]*(?:\r\n?|\n)\s*(?=[\u3000-\u9fff\uff00-\uffef])/g, '').replace(/\s*(?:\r\n?|\n)\s*/g, ' ').trim();
}

function place(line: number, column: number, text: string) {
  return { start: { line, column }, end: { line, column: column + Math.max(text.length, 0) } };
}
