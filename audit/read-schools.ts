/**
 * The rows of a school list as schools per 学段, with a Chinese message for every cell
 * that cannot be used, naming its row and cell; the rest of the file is still read.
 *
 * A 九年一贯制 school is given either as two rows (学段 小学 and 初中, each with its own
 * students and resources) or as one row whose 学段 is 九年一贯制 with two student counts
 * (小学学生数, 初中学生数): its resources are then divided between the two 学段 in
 * proportion to their students, so both parts have the school's own per-student figures.
 */
import type { AuditLevel, AuditMessage } from '../model/audit.ts';
import { columnName, type SheetValue } from '../pipeline/ingest/sheet/types.ts';
import { cellText } from '../pipeline/ingest/sheet/to-table.ts';
import { CONCEPTS, type Concept } from './columns.ts';
import type { SchoolHeader } from './find-header.ts';

/** The resources a school reports, by concept. */
export type Resource = 'qualified' | 'backbone' | 'peArt' | 'teachingArea' | 'sportsArea' | 'equipment' | 'multimedia';

/** The resources, in the order of R1–R7. */
export const RESOURCES: Resource[] = ['qualified', 'backbone', 'peArt', 'teachingArea', 'sportsArea', 'equipment', 'multimedia'];

/** One school in one 学段, as read. */
export interface SchoolRecord {
  name: string;
  level: AuditLevel;
  levelText: string;
  rows: number[];
  split: boolean;
  students: number;
  /** A resource is absent when its column is missing or its cell is bad. */
  resources: Partial<Record<Resource, number>>;
}

/** The schools read, and the messages. */
export interface ReadSchools {
  schools: SchoolRecord[];
  messages: AuditMessage[];
}

const LEVELS: Array<[RegExp, AuditLevel | 'nineYear']> = [
  [/九年一贯|九年制|一贯制/, 'nineYear'],
  [/小学|完小|村小|教学点|小学部/, 'primary'],
  [/初中|初级中学|中学|初中部/, 'junior'],
];

/**
 * Read the schools below a header.
 *
 * @param header
 *   The header found by `findHeader`.
 * @returns
 *   Schools (one per school and 学段) and messages.
 */
export function readSchools(header: SchoolHeader): ReadSchools {
  const { columns } = header;
  const messages: AuditMessage[] = [];
  const schools: SchoolRecord[] = [];
  const seen = new Map<string, number>();
  const peArtParts = (['pe', 'music', 'art'] as const).filter((concept) => columns[concept] !== undefined);
  const usePeArtParts = columns.peArt === undefined && peArtParts.length > 0;
  for (const concept of ['qualified', 'backbone', 'teachingArea', 'sportsArea', 'equipment', 'multimedia'] as const) {
    if (columns[concept] === undefined) messages.push(missingColumn(concept));
  }
  if (columns.peArt === undefined && peArtParts.length === 0) messages.push(missingColumn('peArt'));
  else if (usePeArtParts && peArtParts.length < 3) {
    const absent = (['pe', 'music', 'art'] as const).filter((concept) => columns[concept] === undefined).map((concept) => `“${CONCEPTS[concept].label}”`);
    messages.push({ row: null, column: null, reason: `未找到${absent.join('、')}列：体育、艺术专任教师数只按已有的${peArtParts.map((concept) => `“${CONCEPTS[concept].label}”`).join('、')}列相加` });
  }
  if (columns.level === undefined) {
    messages.push({ row: null, column: null, reason: '未找到“学段”列：按学校名称判断学段（…小学为小学，…中学、…初中为初中）' });
  }

  for (const row of header.sheet.rows.slice(header.firstData)) {
    const cell = (concept: Concept): SheetValue => {
      const column = columns[concept];
      return column === undefined ? null : (row.values[column.index] ?? null);
    };
    const place = (concept: Concept) => {
      const column = columns[concept]!;
      return { row: row.row, column: columnName(column.index + 1), label: `第 ${row.row} 行 ${columnName(column.index + 1)} 列（${column.header}）` };
    };
    const name = cellText(cell('name'));
    if (name === '') {
      if (row.values.some((value) => value !== null)) {
        const where = place('name');
        messages.push({ row: row.row, column: where.column, reason: `${where.label}：学校名称为空，该行未计入` });
      }
      continue;
    }
    // A total line (合计, 全县, 总计) sums the schools: it is no school.
    if (/^(?:(?:全县|全区|全市|全旗)?(?:合\s*计|总\s*计|小\s*计)|全县|全区|全市|全旗)$/.test(name)) continue;
    const levelText = columns.level === undefined ? name : cellText(cell('level'));
    const kind = LEVELS.find(([pattern]) => pattern.test(levelText))?.[1];
    if (kind === undefined) {
      const where = columns.level === undefined ? place('name') : place('level');
      messages.push({ row: row.row, column: where.column, reason: `${where.label}：无法判断学段“${levelText}”（应为小学、初中或九年一贯制），该校未计入` });
      continue;
    }
    const number = (concept: Concept, required: boolean, suffix = ''): number | null => {
      const column = columns[concept];
      if (column === undefined) return null;
      const parsed = readNumber(row.values[column.index] ?? null);
      if (parsed === 'empty') {
        if (required) messages.push({ row: row.row, column: place(concept).column, reason: `${place(concept).label}：单元格为空${suffix}` });
        return null;
      }
      if (parsed === 'text') {
        const text = cellText(row.values[column.index] ?? null);
        messages.push({ row: row.row, column: place(concept).column, reason: `${place(concept).label}：“${text.slice(0, 40)}”不是数字${suffix}` });
        return null;
      }
      if (parsed < 0) {
        messages.push({ row: row.row, column: place(concept).column, reason: `${place(concept).label}：${parsed} 为负数${suffix}` });
        return null;
      }
      return parsed * column.factor;
    };
    const resources: Partial<Record<Resource, number>> = {};
    for (const concept of ['qualified', 'backbone', 'teachingArea', 'sportsArea', 'equipment', 'multimedia'] as const) {
      const value = number(concept, true);
      if (value !== null) resources[concept] = value;
    }
    if (columns.peArt !== undefined) {
      const value = number('peArt', true);
      if (value !== null) resources.peArt = value;
    } else if (usePeArtParts) {
      const parts = peArtParts.map((concept) => number(concept, true));
      if (parts.every((value) => value !== null)) resources.peArt = parts.reduce((sum, value) => sum + value!, 0);
    }

    const parts: Array<{ level: AuditLevel; students: number | null; concept: Concept }> = [];
    if (kind === 'nineYear') {
      if (columns.primaryStudents === undefined || columns.juniorStudents === undefined) {
        const where = columns.level === undefined ? place('name') : place('level');
        messages.push({ row: row.row, column: where.column, reason: `${where.label}：九年一贯制学校写在一行时须有“小学学生数”和“初中学生数”两列（或分作小学、初中两行），该校未计入` });
        continue;
      }
      parts.push({ level: 'primary', students: number('primaryStudents', true, `，${name}（小学）未计入`), concept: 'primaryStudents' });
      parts.push({ level: 'junior', students: number('juniorStudents', true, `，${name}（初中）未计入`), concept: 'juniorStudents' });
    } else {
      const concept: Concept = columns.students !== undefined ? 'students' : kind === 'primary' ? 'primaryStudents' : 'juniorStudents';
      if (columns[concept] === undefined) {
        messages.push({ row: row.row, column: null, reason: `第 ${row.row} 行：没有${CONCEPTS[concept].label}列，该校未计入` });
        continue;
      }
      parts.push({ level: kind, students: number(concept, true, `，${name}（${levelName(kind)}）未计入`), concept });
    }
    const total = parts.reduce((sum, part) => sum + (part.students ?? 0), 0);
    for (const part of parts) {
      // Its cell's message already says why.
      if (part.students === null) continue;
      if (part.students === 0) {
        messages.push({ row: row.row, column: place(part.concept).column, reason: `${place(part.concept).label}：学生数为 0，${name}（${levelName(part.level)}）未计入（无法计算每百名学生和生均指标）` });
        continue;
      }
      const key = `${name}\u0000${part.level}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        const where = place('name');
        messages.push({ row: row.row, column: where.column, reason: `${where.label}：学校“${name}”（${levelName(part.level)}）与第 ${earlier} 行重复，本行未计入` });
        continue;
      }
      seen.set(key, row.row);
      const share = parts.length > 1 ? part.students / total : 1;
      const own: Partial<Record<Resource, number>> = {};
      for (const [resource, value] of Object.entries(resources) as Array<[Resource, number]>) own[resource] = value * share;
      schools.push({ name, level: part.level, levelText, rows: [row.row], split: parts.length > 1, students: part.students, resources: own });
    }
  }
  return { schools, messages };
}

/** 小学 or 初中. */
export function levelName(level: AuditLevel): string {
  return level === 'primary' ? '小学' : '初中';
}

function missingColumn(concept: Concept): AuditMessage {
  const { label, aliases } = CONCEPTS[concept];
  const also = aliases.filter((alias) => alias !== label).slice(0, 3);
  return { row: null, column: null, reason: `未找到“${label}”列${also.length ? `（也可写作${also.map((alias) => `“${alias}”`).join('、')}）` : ''}：依赖此列的指标不计算` };
}

/**
 * A cell as a number: a number, or text that is one (1,234 · １２３ · 300 with spaces).
 *
 * @param value
 *   The cell's value.
 * @returns
 *   The number, `'empty'`, or `'text'` when the cell holds something else.
 */
export function readNumber(value: SheetValue): number | 'empty' | 'text' {
  if (value === null) return 'empty';
  if (typeof value === 'number') return value;
  const text = value.replace(/[０-９．]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).replace(/[\s,，]/g, '');
  if (text === '') return 'empty';
  if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text)) return Number(text);
  return 'text';
}
