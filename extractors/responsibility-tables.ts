/**
 * Responsibilities listed in a table (评估内容 | 责任部门, 二级指标 | 责任科室): real table
 * rows, and tables that a plain-text rendition flattened to one cell per line.
 */
import type { Block } from '../model/document.ts';
import type { Department, Responsibility } from '../model/plan.ts';
import { isDepartmentList, parseDepartmentList, type ReadOptions } from './departments.ts';
import { findTaskIndicator } from './responsibility-indicators.ts';

const RESPONSIBLE_HEADER = /责任|牵头|配合|协办|承办/;
const CONTENT_HEADER = /要点|内容|标准|二级指标|任务|指标|措施|事项|目标/;
const OTHER_HEADER = /备注|序号|时限|时间|完成|进度|情况|举措|一级指标|类别|分类|年份|学校数/;
/** How a header cell ends (工作任务, 责任单位（部门）, 完成时限); a task that only holds such a word (标准化改造) does not. */
const HEADER_END = /(?:指标|内容|要点|部门|单位|科室|备注|序号|时限|时间|任务|措施|标准|情况|举措|事项|目标|责任|节点|进度|项目|清单|要求|主体|分工|类别|年份)$/;

const REMARK = /备注/;
const LEADS = /牵头/;
const CELL_PUNCTUATION = /[。，；]/;
const FINAL_PARENTHESIS = /[（(][^（）()]*[）)]$/;
const TASK_MARKS = /[，。；：:、%\d]/;
const LIST_CONTINUES = /[、，,]$/;

/** Where a table's cells are: the responsible columns and the task columns. */
interface TableColumns {
  responsible: number[];
  content: number[];
}

function columnsOf(header: string[]): TableColumns | undefined {
  const responsible = header.flatMap((h, i) => (RESPONSIBLE_HEADER.test(h) && !REMARK.test(h) ? [i] : []));
  if (responsible.length === 0) return undefined;
  const rest = header.flatMap((h, i) => (responsible.includes(i) || OTHER_HEADER.test(h) ? [] : [i]));
  const preferred = rest.filter((i) => CONTENT_HEADER.test(header[i] ?? ''));
  return { responsible, content: preferred.length > 0 ? preferred : rest };
}

function roleOf(header: string): Department['role'] {
  return LEADS.test(header) ? 'lead' : /配合|协办|协助|协同|参与/.test(header) ? 'support' : 'responsible';
}

/** The numbering style of a task (1. → 'n.', （一） → '(c)'), if it is numbered. */
function numberingOf(text: string): string | undefined {
  const t = text.trim();
  if (/^\d+[.．、]/.test(t)) return 'n.';
  if (/^[（(]\d+[)）]/.test(t)) return '(n)';
  if (/^[（(][一二三四五六七八九十]+[)）]/.test(t)) return '(c)';
  if (/^[一二三四五六七八九十]+、/.test(t)) return 'c、';
  return undefined;
}

function stripMarker(text: string): string {
  return text
    .replace(/^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|[一二三四五六七八九十]+、)\s*/, '')
    .replace(/[；;。，,\s]+$/, '');
}

function toResponsibility(task: string, departments: Department[], block: Block): Responsibility {
  const text = task.replace(/\n+/g, '').trim();
  // A table row is quoted whole, its cells tab-separated (DECISIONS.md): the task is one cell of it.
  const quote = block.kind === 'tableRow' && block.cells ? block.cells.map((c) => c.replace(/\s*\n+\s*/g, '')).join('\t').trim() : text;
  const r: Responsibility = {
    task: stripMarker(text) || text,
    indicator: findTaskIndicator(text),
    departments,
    quote,
    location: { ...block.location },
  };
  if (block.location.line !== undefined) r.line = block.location.line;
  return r;
}

/**
 * Read the responsibility of one table row: the task from the row's 评估内容/评估要点 cell
 * (the longest of the task columns), the departments from its 责任 cells.
 *
 * @param block
 *   A `tableRow` block with its table header.
 * @param options
 *   The plan's region (optional).
 * @param previous
 *   The responsibility of the row above in the same table (optional): a row whose 责任 cell
 *   is empty and whose task is numbered like the one above shares its departments, as a
 *   format without merged cells (Markdown) writes a merged cell.
 * @returns
 *   The responsibility, or `undefined` for a header row, a table without a 责任 column,
 *   or a row without a task or a named department.
 */
export function readTableRowResponsibility(block: Block, options: ReadOptions = {}, previous?: Responsibility): Responsibility | undefined {
  const header = block.table?.header;
  const cells = block.cells;
  if (!header || !cells) return undefined;
  if (cells.every((c, i) => c.trim() === (header[i] ?? '').trim())) return undefined;
  const matrix = readMatrixRow(header, cells, block, options);
  if (matrix !== null) return matrix;
  const duty = readDutyRow(header, cells, block, options);
  if (duty !== null) return duty;
  const columns = columnsOf(header);
  if (!columns) return undefined;
  const departments: Department[] = [];
  for (const i of columns.responsible) {
    const list = parseDepartmentList(cells[i] ?? '', roleOf(header[i] ?? ''), options);
    for (const d of list.departments) if (!departments.some((e) => e.name === d.name)) departments.push(d);
  }
  const task = columns.content.map((i) => cells[i] ?? '').sort((a, b) => b.length - a.length)[0] ?? '';
  if (task.trim().length < 2) return undefined;
  // An empty 牵头 cell beside named 配合 units: a lead merged down from the row above, which
  // a PDF draws once (a real merged cell is repeated by the docx reader).
  const emptyLead = columns.responsible.some((i) => LEADS.test(header[i] ?? '') && (cells[i] ?? '').trim() === '');
  if (emptyLead && departments.length > 0 && previous) {
    const leads = previous.departments.filter((d) => d.role === 'lead' && !departments.some((e) => e.name === d.name));
    departments.unshift(...leads.map((d) => ({ ...d })));
  }
  if (departments.length === 0 && previous && columns.responsible.every((i) => (cells[i] ?? '').trim() === '')) {
    const level = numberingOf(task);
    if (level !== undefined && previous.quote.split('\t').some((cell) => numberingOf(cell) === level)) departments.push(...previous.departments.map((d) => ({ ...d })));
  }
  if (departments.length === 0) return undefined;
  return toResponsibility(task, departments, block);
}

/** A mark in a task × department matrix: ★ leads, ○ supports, √ is responsible. */
const MATRIX_MARK: Record<string, Department['role']> = { '★': 'lead', '☆': 'support', '●': 'lead', '○': 'support', '◎': 'support', '√': 'responsible', '✓': 'responsible', '✔': 'responsible' };
const MARK_CELL = /^[★☆●○◎√✓✔]$/;
/** The header of a column of units in a duty table (单位 | 主要职责). */
const UNIT_COLUMN = /^(?:单位|部门|单位名称|部门名称|成员单位)$/;
const DUTY_COLUMN = /职责|任务|分工|工作内容/;

/**
 * A row of a task × department matrix (departments head the columns, marks fill the cells):
 * the row's task with every unit whose column is marked. `null` when the table is no matrix;
 * `undefined` for a matrix row that marks no unit.
 */
function readMatrixRow(header: string[], cells: string[], block: Block, options: ReadOptions): Responsibility | undefined | null {
  const unitColumns = header.flatMap((h, i) => (h.trim() !== '' && !OTHER_HEADER.test(h) && isDepartmentList(h, options) && parseDepartmentList(h, 'responsible', options).departments.length === 1 ? [i] : []));
  if (unitColumns.length < 3) return null;
  const departments: Department[] = [];
  for (const i of unitColumns) {
    const mark = (cells[i] ?? '').replace(/\s+/g, '');
    if (!MARK_CELL.test(mark)) continue;
    const [unit] = parseDepartmentList(header[i] ?? '', MATRIX_MARK[mark] ?? 'responsible', options).departments;
    if (unit && !departments.some((d) => d.name === unit.name)) departments.push(unit);
  }
  const task = cells
    .filter((c, i) => !unitColumns.includes(i) && !OTHER_HEADER.test(header[i] ?? '') && c.trim() !== '' && !/^\d+$/.test(c.trim()))
    .sort((a, b) => b.length - a.length)[0];
  if (!task || departments.length === 0) return undefined;
  return toResponsibility(task, departments, block);
}

/**
 * A row of a department-duty table (序号 | 单位 | 主要职责): the unit carries the duties of its
 * row, `lead` where they say 牵头. `null` when the table is no duty table.
 */
function readDutyRow(header: string[], cells: string[], block: Block, options: ReadOptions): Responsibility | undefined | null {
  const duty = header.findIndex((h) => DUTY_COLUMN.test(h) && !RESPONSIBLE_HEADER.test(h));
  // The units are under 单位/部门, or under the table's one 责任单位 column beside a 职责 column.
  const named = header.flatMap((h, i) => (UNIT_COLUMN.test(h.replace(/\s+/g, '')) || (RESPONSIBLE_HEADER.test(h) && !REMARK.test(h)) ? [i] : []));
  const unit = named.length === 1 ? named[0]! : -1;
  if (unit < 0 || duty < 0 || unit === duty || !/职责/.test(header[duty] ?? '') && !UNIT_COLUMN.test((header[unit] ?? '').replace(/\s+/g, ''))) return null;
  const task = (cells[duty] ?? '').trim();
  if (task.length < 4) return undefined;
  const list = parseDepartmentList(cells[unit] ?? '', LEADS.test(task.split(/[；;。]/)[0] ?? '') ? 'lead' : 'responsible', { ...options, allowUnknown: true });
  if (list.departments.length === 0) return undefined;
  return toResponsibility(task, list.departments, block);
}

/** The header of a flattened table starting at `index`: its length, if the blocks there are one. */
function flattenedHeaderAt(blocks: Block[], index: number): number {
  let n = 0;
  while (index + n < blocks.length && n < 8) {
    const t = blocks[index + n]!.text.trim();
    if (t.length > 16 || CELL_PUNCTUATION.test(t) || !HEADER_END.test(t.replace(FINAL_PARENTHESIS, ''))) break;
    n++;
  }
  if (n < 2) return 0;
  const cells = blocks.slice(index, index + n).map((b) => b.text.trim());
  return cells.some((c) => RESPONSIBLE_HEADER.test(c)) && cells.some((c) => CONTENT_HEADER.test(c)) ? n : 0;
}

/** A line that states a task rather than naming a category (资源配置, 政府保障程度). */
function isTaskLike(text: string): boolean {
  const t = text.trim();
  return t.length > 8 || TASK_MARKS.test(t);
}

/** Blocks a flattened table ends at: a new top-level section or an attachment. */
function endsTable(block: Block): boolean {
  return block.outline !== undefined && (block.outline.level === 0 || block.outline.level === 1);
}

/**
 * Read the tables that a plain-text rendition flattened to one cell per line: after a
 * header run (评估内容 / 评估要点 / 责任部门 / 备注), a line that is only department names is
 * the 责任 cell of the task line before it; a numbered task line with no 责任 cell of its
 * own shares the cell above (a merged cell). Other lines (category cells, notes) assign
 * nothing.
 *
 * @param blocks
 *   The document's blocks.
 * @param options
 *   The plan's region (optional).
 * @returns
 *   The responsibilities with the index of their task block, and the indexes of every
 *   block inside a table (for other rules to skip).
 */
export function scanFlattenedTables(blocks: Block[], options: ReadOptions = {}): { found: { index: number; responsibility: Responsibility }[]; inside: Set<number> } {
  const found: { index: number; responsibility: Responsibility }[] = [];
  const inside = new Set<number>();
  let inTable = false;
  /** Lines since the last 责任 cell: task lines, category cells, notes. */
  let candidates: number[] = [];
  let lastDepartments: Department[] = [];
  let lastLevel: number | undefined;
  /** The roles of the header's 责任 columns, in order (牵头单位 | 配合单位 → lead, support). */
  let columnRoles: Department['role'][] = [];
  /** How many 责任 cells the current row has had, and the row's responsibility. */
  let rowCells = 0;
  let rowResponsibility: Responsibility | undefined;
  const emit = (index: number, departments: Department[]) => {
    const block = blocks[index]!;
    const responsibility = toResponsibility(block.text, departments.map((d) => ({ ...d })), block);
    found.push({ index, responsibility });
    lastLevel = block.outline?.level ?? -1;
    return responsibility;
  };
  // A numbered task line at the level of the last task, with no 责任 cell of its own: a merged cell.
  const isMerged = (index: number) => {
    const level = blocks[index]!.outline?.level;
    return level !== undefined && level >= 3 && level === lastLevel && lastDepartments.length > 0;
  };
  const flush = (upTo = candidates.length) => {
    for (const c of candidates.slice(0, upTo)) if (isMerged(c)) emit(c, lastDepartments);
    candidates = [];
  };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind === 'tableRow') continue;
    const header = flattenedHeaderAt(blocks, i);
    if (header > 0) {
      flush();
      inTable = true;
      lastDepartments = [];
      lastLevel = undefined;
      columnRoles = blocks.slice(i, i + header).map((b) => b.text.trim()).filter((t) => RESPONSIBLE_HEADER.test(t) && !REMARK.test(t)).map(roleOf);
      rowCells = 0;
      rowResponsibility = undefined;
      for (let k = 0; k < header; k++) inside.add(i + k);
      i += header - 1;
      continue;
    }
    if (!inTable) continue;
    if (endsTable(block)) {
      flush();
      inTable = false;
      continue;
    }
    inside.add(i);
    if (isDepartmentList(block.text, options)) {
      let text = block.text.trim();
      while (i + 1 < blocks.length && LIST_CONTINUES.test(text) && isDepartmentList(blocks[i + 1]!.text, options)) {
        i++;
        inside.add(i);
        text += blocks[i]!.text.trim();
      }
      // The next 责任 cell of the same row (牵头单位, then 配合单位): it adds to the row.
      if (candidates.length === 0 && rowResponsibility && rowCells < columnRoles.length) {
        const more = parseDepartmentList(text, columnRoles[rowCells] ?? 'responsible', options).departments;
        for (const d of more) if (!rowResponsibility.departments.some((e) => e.name === d.name)) rowResponsibility.departments.push(d);
        lastDepartments = [...lastDepartments, ...more.filter((d) => !lastDepartments.some((e) => e.name === d.name))];
        rowCells++;
        continue;
      }
      const list = parseDepartmentList(text, columnRoles[0] ?? 'responsible', options);
      // The task is the last line that reads as one; a short category cell (资源配置) that a
      // renderer placed between the task and its 责任 cell is not.
      // Once the table's task lines are known to be numbered at one level, a line numbered at
      // another level (a note: （一）7项指标…) is not the task.
      let k = candidates.length - 1;
      const atTaskLevel = (c: number) => {
        const level = blocks[c]!.outline?.level;
        return lastLevel === undefined || lastLevel < 0 || level === undefined || level === lastLevel;
      };
      while (k > 0 && !(isTaskLike(blocks[candidates[k]!]!.text) && atTaskLevel(candidates[k]!))) k--;
      if (k >= 0 && !isTaskLike(blocks[candidates[k]!]!.text)) k = candidates.length - 1;
      const task = k >= 0 ? candidates[k] : undefined;
      flush(Math.max(k, 0));
      lastDepartments = list.departments;
      rowResponsibility = task !== undefined && list.departments.length > 0 ? emit(task, list.departments) : undefined;
      rowCells = 1;
      continue;
    }
    candidates.push(i);
  }
  flush();
  return { found, inside };
}

/**
 * Follows a table that a plain-text rendition flattened to one tab-separated line per
 * row (序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限): a line whose cells are column
 * titles with a 责任/牵头 column is the header; each later tab-separated line is a row
 * of it, read as a real table row would be.
 */
export class TabTableTracker {
  private header: string[] | null = null;
  private tables = 0;
  private row = 0;
  private previous: Responsibility | undefined;

  /**
   * Take in a block that is not a table row.
   *
   * @param block
   *   The block.
   * @param options
   *   The plan's region (optional).
   * @returns
   *   `undefined` when the block is no line of such a table (the table then ends);
   *   `null` for its header or a row that assigns nothing; else the row's responsibility.
   */
  observe(block: Block, options: ReadOptions = {}): Responsibility | null | undefined {
    if (!block.text.includes('\t')) {
      this.header = null;
      return undefined;
    }
    const cells = block.text.split('\t').map((c) => c.trim());
    const titles = cells.filter((c) => c !== '');
    const isHeader = titles.length >= 2
      && titles.every((c) => c.length <= 16 && !CELL_PUNCTUATION.test(c) && HEADER_END.test(c.replace(FINAL_PARENTHESIS, '')))
      && columnsOf(cells) !== undefined;
    if (isHeader) {
      this.header = cells;
      this.tables++;
      this.row = 0;
      this.previous = undefined;
      return null;
    }
    if (!this.header) return undefined;
    const header = this.header;
    const row: Block = { ...block, kind: 'tableRow', cells, table: { index: -this.tables, row: ++this.row, header } };
    const found = readTableRowResponsibility(row, options, this.previous);
    if (found) {
      found.location = { ...block.location };
      this.previous = found;
    }
    return found ?? null;
  }
}
