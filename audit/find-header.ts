/**
 * Where a school list's header is, and which column holds what. The header is the row,
 * among the first 20, that names the most concepts; a header merged over two rows (教师
 * over 高于规定学历教师数 | 骨干教师数) also takes the row below when it names concepts the
 * first one does not. The sheet picked is the first whose header names a school and
 * the students.
 */
import type { Sheet, SheetRow } from '../pipeline/ingest/sheet/types.ts';
import { cellText } from '../pipeline/ingest/sheet/to-table.ts';
import { matchHeader, unitFactor, type Concept } from './columns.ts';

/** A column found: its 0-based index, the header text and its unit factor. */
export interface FoundColumn {
  index: number;
  header: string;
  factor: number;
}

/** The header of a school list. */
export interface SchoolHeader {
  sheet: Sheet;
  /** 1-based sheet rows that make up the header. */
  rows: number[];
  /** Index in `sheet.rows` of the first data row. */
  firstData: number;
  columns: Partial<Record<Concept, FoundColumn>>;
}

const SCAN = 20;

/**
 * Find the header of the school list in a workbook's sheets.
 *
 * @param sheets
 *   The sheets, in order.
 * @returns
 *   The header, or null when no sheet has a header naming the schools and their students.
 */
export function findHeader(sheets: Sheet[]): SchoolHeader | null {
  let best: SchoolHeader | null = null;
  let bestCount = 0;
  for (const sheet of sheets) {
    for (let at = 0; at < Math.min(sheet.rows.length, SCAN); at++) {
      const columns = readHeaderRow(sheet.rows[at]!, {});
      const rows = [sheet.rows[at]!.row];
      let firstData = at + 1;
      const below = sheet.rows[at + 1];
      // Only a row that names something itself continues onto the row below (a title row does not).
      if (Object.keys(columns).length > 0 && below && below.row === sheet.rows[at]!.row + 1) {
        const more = readHeaderRow(below, columns);
        if (Object.keys(more).length > 0) {
          Object.assign(columns, more);
          rows.push(below.row);
          firstData++;
        }
      }
      const count = Object.keys(columns).length;
      const usable = columns.name !== undefined && (columns.students !== undefined || columns.primaryStudents !== undefined || columns.juniorStudents !== undefined);
      if (usable && count > bestCount) {
        best = { sheet, rows, firstData, columns };
        bestCount = count;
      }
    }
    if (best) return best;
  }
  return best;
}

/** The concepts a row's cells name, not already found, each at its first column. */
function readHeaderRow(row: SheetRow, found: Partial<Record<Concept, FoundColumn>>): Partial<Record<Concept, FoundColumn>> {
  const columns: Partial<Record<Concept, FoundColumn>> = {};
  const taken = new Set(Object.values(found).map((column) => column.index));
  row.values.forEach((value, index) => {
    if (typeof value !== 'string' || taken.has(index)) return;
    const concept = matchHeader(value);
    if (concept === null || found[concept] !== undefined || columns[concept] !== undefined) return;
    const header = cellText(value);
    columns[concept] = { index, header, factor: unitFactor(header) };
  });
  return columns;
}
