/**
 * Responsibilities: which departments carry which task (spec/EXTRACTION.md §3).
 * Four sources count: a 责任单位：/牵头单位： line after a measure, a table row
 * (评估内容 | 责任部门), a duty paragraph (区财政局：负责…), and a sentence whose subject
 * is a department (县教育局要…).
 */
import type { Block, DocumentMetadata } from '../model/document.ts';
import type { Department, Responsibility } from '../model/plan.ts';
import { isGenericGroup } from './department-catalogue.ts';
import { parseDepartmentList, type ReadOptions } from './departments.ts';
import { findTaskIndicator } from './responsibility-indicators.ts';
import { findSentenceResponsibilities } from './responsibility-sentences.ts';
import { readTableRowResponsibility, scanFlattenedTables, TabTableTracker } from './responsibility-tables.ts';

const LABEL = /((?:主要)?(?:责任|牵头|配合|协办|协同|参与|主责|承办|实施)(?:单位|部门|主体|科室|股室|处室))\s*[：:]/g;
/** A parenthesis that only names who does the work: （县教育局牵头，县财政局、县人社局配合）. */
const INLINE_ROLES = /[（(]([^（）()：:]{2,80}?)(牵头|负责)(?:[，,；;、]\s*([^（）()：:]{2,80}?)(?:配合|协助|参与|协同))?[。]?[）)]/g;
const DUTY_NUMBER = /^(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、是])\s*/;
const DUTY = /^\s*([^，。；：:]{2,60}?)(?:的?职责)?\s*[：:]\s*(.+)$/s;
/** A duty whose unit ends in a full stop, as a numbered title does (（一）县教育局。负责…): the body must open with 负责/承担. */
const DUTY_TITLE = /^\s*([^，。；：:]{2,60}?)(?:的?职责)?\s*[。．.]\s*((?:主要)?(?:负责|承担).+)$/s;
const OPENS_PARENTHESIS = /[（(]\s*$/;
const FINAL_STOP = /[。；;]\s*$/;
const LEADS = /牵头/;
const SUPPORTS = /配合|协办|协助|协同|参与/;

/** The role a label gives its list: 牵头单位 lead, 配合单位 support, 责任单位 responsible. */
function roleOfLabel(label: string): Department['role'] {
  return LEADS.test(label) ? 'lead' : SUPPORTS.test(label) ? 'support' : 'responsible';
}
const SENTENCE_OR_CLAUSE_END = /[。；]/;
const FULL_STOP = /[。]/;
const TRAILING_COMMAS = /[；;，,]+$/;
const CLOSING_TAIL = /[）)]\s*[。；;]?\s*$/;
const LABEL_ANYWHERE = new RegExp(LABEL.source);
/** A label in brackets without a colon: 【责任单位】, 〔牵头单位〕. */
const BRACKETED_LABEL = /[【〔\[]((?:主要)?(?:责任|牵头|配合|协办|协同|参与|主责|承办|实施)(?:单位|部门|主体|科室|股室|处室))[】〕\]](?![：:])/g;
/** A list cut off after a separator (责任单位：县教育局、县财政局、): it goes on in the next line. */
const OPEN_LIST_END = /[、，,]\s*$/;

/** How many more parentheses a text opens than it closes. */
function openParentheses(text: string): number {
  let depth = 0;
  for (const c of text) {
    if (c === '（' || c === '(') depth++;
    else if (c === '）' || c === ')') depth = Math.max(0, depth - 1);
  }
  return depth;
}

/**
 * A 责任单位 label whose parenthesis a line break cut after a list separator
 * (（责任单位：县教育局、县财政局、⏎县住建局）) goes on in the next paragraph: the two
 * texts joined, or `undefined` when the block is whole.
 */
function joinBrokenLabel(blocks: Block[], index: number): string | undefined {
  const block = blocks[index]!;
  const next = blocks[index + 1];
  if (!next || next.kind !== 'paragraph' || next.outline !== undefined) return undefined;
  if (!OPEN_LIST_END.test(block.text) || openParentheses(block.text) === 0 || !hasColon(block.text)) return undefined;
  if (!LABEL_ANYWHERE.test(block.text)) return undefined;
  const rest = next.text.trim();
  const close = rest.search(/[）)]/);
  // The continuation is the list's end: names up to the closing parenthesis, nothing before it opens a new one.
  if (close <= 0 || /[（(：:。]/.test(rest.slice(0, close))) return undefined;
  return `${block.text.trimEnd()}${rest}`;
}

function hasColon(text: string): boolean {
  return text.includes('：') || text.includes(':');
}

/** Whether a text ends in a colon, white space after it aside (`/[：:]\s*$/`). */
function endsWithColon(text: string): boolean {
  const last = text.trimEnd().slice(-1);
  return last === '：' || last === ':';
}

function titleOf(block: Block): string {
  return block.outline ? `${block.outline.marker}${block.outline.title}` : block.text.split(SENTENCE_OR_CLAUSE_END)[0] ?? block.text;
}

/**
 * The section a label line closes: when the line stands after the last of two or more measures
 * of a section and before the section's end (a heading at the section's level or above, or the
 * end), and no measure of the section names units of its own, the line is the whole section's
 * (its task is the section's title); else `undefined`, and the line is its last measure's.
 */
function closedSection(blocks: Block[], index: number, last: Block, assigned: number[]): Block | undefined {
  const level = last.outline?.level;
  if (level === undefined || level < 2) return undefined;
  const next = blocks.slice(index + 1).find((b) => b.text.trim() !== '');
  if (next && !(next.outline && next.outline.level < level) && next.kind !== 'heading') return undefined;
  let measures = 0;
  for (let i = index - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.kind === 'tableRow') return undefined;
    if (b.outline && b.outline.level < level) {
      // A measure that already named its units keeps them: the line is the last measure's.
      return measures > 1 && !assigned.some((a) => a > i && a < index) ? b : undefined;
    }
    if (b.outline && b.outline.level === level) measures++;
  }
  return undefined;
}

function make(task: string, departments: Department[], quote: string, block: Block, indicator: string | null = null): Responsibility {
  const r: Responsibility = { task: task || quote, indicator, departments, quote, location: { ...block.location } };
  if (block.location.line !== undefined) r.line = block.location.line;
  return r;
}

/** The text up to the parenthesis that closes one opened before it. */
function cutAtClosing(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '（' || c === '(') depth++;
    else if (c === '）' || c === ')') {
      if (depth === 0) return text.slice(0, i);
      depth--;
    }
  }
  return text;
}

/** The departments after each label of a 责任单位 text (牵头单位：X；配合单位：Y), with roles. */
function readLabelled(written: string, options: ReadOptions): { departments: Department[]; start: number } | undefined {
  // 【责任单位】X: a label in brackets, read as 责任单位：X (same length, so offsets hold).
  const text = written.includes('】') || written.includes('〕') ? written.replace(BRACKETED_LABEL, (_, label: string) => ` ${label}：`) : written;
  // Every label ends in a colon.
  const labels = hasColon(text) ? [...text.matchAll(LABEL)] : [];
  if (labels.length === 0) return readInlineRoles(text, options);
  const departments: Department[] = [];
  labels.forEach((m, k) => {
    const from = m.index! + m[0].length;
    const to = k + 1 < labels.length ? labels[k + 1]!.index! : text.length;
    let body = text.slice(from, to);
    // An inline label (（责任单位：X）) ends at its closing parenthesis.
    if (OPENS_PARENTHESIS.test(text.slice(0, m.index!))) body = cutAtClosing(body);
    body = body.replace(FINAL_STOP, '');
    const role = roleOfLabel(m[1] ?? '');
    // A list under a label (责任股室：计财股、基础教育股) names units, known to the catalogue or not.
    for (const d of parseDepartmentList(body, role, { ...options, allowUnknown: true }).departments) {
      if (!departments.some((e) => e.name === d.name)) departments.push(d);
    }
  });
  return { departments, start: labels[0]!.index! };
}

/** The departments of a parenthesis that names who leads and who supports (（X牵头，Y配合）). */
function readInlineRoles(text: string, options: ReadOptions): { departments: Department[]; start: number } | undefined {
  if (!text.includes('牵头') && !text.includes('负责')) return undefined;
  for (const m of text.matchAll(INLINE_ROLES)) {
    const lead = parseDepartmentList(m[1] ?? '', m[2] === '牵头' ? 'lead' : 'responsible', options);
    const support = m[3] === undefined ? undefined : parseDepartmentList(m[3], 'support', options);
    if (!lead.complete || lead.departments.length === 0 || (support && !support.complete)) continue;
    const departments = [...lead.departments];
    for (const d of support?.departments ?? []) if (!departments.some((e) => e.name === d.name)) departments.push(d);
    return { departments, start: m.index! };
  }
  return undefined;
}

/** A duty paragraph (区财政局：负责…; 领导小组职责：…): the departments before the colon. */
function readDuty(block: Block, options: ReadOptions): Responsibility | undefined {
  const m = (hasColon(block.text) ? DUTY.exec(block.text) : null) ?? DUTY_TITLE.exec(block.text);
  if (!m) return undefined;
  // A numbered duty (1.县财政局：, （2）县人社局：, 一是县住建局：) names the unit after its number.
  const head = (m[1] ?? '').trim().replace(DUTY_NUMBER, '');
  const body = (m[2] ?? '').trim();
  if (body.length < 4 || isGenericGroup(head)) return undefined;
  const list = parseDepartmentList(head, 'responsible', { ...options, allowUnknown: true });
  if (!list.complete || list.departments.length === 0) return undefined;
  const first = (body.split(FULL_STOP)[0] ?? body).replace(TRAILING_COMMAS, '');
  if (LEADS.test(first)) for (const d of list.departments) d.role = 'lead';
  return make(first, list.departments, block.text.trim(), block);
}

/**
 * Extract the responsibilities of a plan: every task tied to the departments that
 * carry it, with the department's role (`lead` for 牵头) and canonical type, the quote
 * and where it is. Undefined generic groups (各部门, 有关单位) are dropped; a task that
 * names only them has no responsibility.
 *
 * @param blocks
 *   The document's blocks, in document order.
 * @param metadata
 *   The document's metadata: its `region` is the prefix its department names carry (optional).
 * @returns
 *   The responsibilities in document order.
 */
export function extractResponsibilities(blocks: Block[], metadata?: DocumentMetadata): Responsibility[] {
  const options: ReadOptions = { region: metadata?.region ?? null };
  const tables = scanFlattenedTables(blocks, options);
  const found: { index: number; order: number; responsibility: Responsibility }[] = tables.found.map((f, order) => ({ ...f, order }));
  const add = (index: number, responsibility: Responsibility) => found.push({ index, order: found.length, responsibility });
  let measure: Block | undefined;
  let lastRow: { table: number | undefined; row: Responsibility } | undefined;
  const tabTable = new TabTableTracker();
  let continued = -1;
  blocks.forEach((original, index) => {
    if (index === continued) return;
    const joined = original.kind === 'paragraph' ? joinBrokenLabel(blocks, index) : undefined;
    if (joined !== undefined) continued = index + 1;
    const block: Block = joined === undefined ? original : { ...original, text: joined };
    if (block.kind === 'tableRow') {
      const row = readTableRowResponsibility(block, options, lastRow?.table === block.table?.index ? lastRow?.row : undefined);
      if (row) add(index, row);
      lastRow = row ? { table: block.table?.index, row } : lastRow;
      return;
    }
    // A row of a table flattened to tab-separated lines is read as a table row.
    const tabRow = tabTable.observe(block, options);
    if (tabRow !== undefined) {
      if (tabRow) add(index, tabRow);
      return;
    }
    // An addressee line (各乡镇人民政府、街道办事处，区政府各部门：) assigns nothing.
    if (tables.inside.has(index) || endsWithColon(block.text)) return;
    const labelled = readLabelled(block.text, options);
    if (labelled) {
      if (labelled.departments.length > 0) {
        // A label line of its own belongs to the measure above; a label inside a measure, to it.
        const own = labelled.start > 0 && block.outline !== undefined;
        const owner = own ? block : measure;
        const quote = block.text.slice(labelled.start).replace(CLOSING_TAIL, '').trim();
        // A label line that closes a section whose measures name no units of their own applies to
        // every one of them (（二）…⏎1．…⏎2．…⏎责任单位：…⏎（三）…).
        const section = !own && owner ? closedSection(blocks, index, owner, found.map((f) => f.index)) : undefined;
        if (section) {
          add(index, make(titleOf(section), labelled.departments, quote, block, findTaskIndicator(titleOf(section))));
        } else {
          const task = owner ? titleOf(owner) : block.text.slice(0, labelled.start).split(SENTENCE_OR_CLAUSE_END)[0] ?? '';
          add(index, make(task || quote, labelled.departments, quote, block, findTaskIndicator(task)));
        }
      }
      if (labelled.start === 0) return;
    } else {
      const duty = readDuty(block, options);
      if (duty) {
        add(index, duty);
        return;
      }
    }
    const text = labelled ? block.text.slice(0, labelled.start) : block.text;
    for (const s of findSentenceResponsibilities(text, options)) {
      add(index, make(s.task, s.departments, s.quote, block, findTaskIndicator(s.quote)));
    }
    if (block.outline && block.outline.level >= 1) measure = block;
  });
  found.sort((a, b) => a.index - b.index || a.order - b.order);
  const seen = new Set<string>();
  const out: Responsibility[] = [];
  for (const { index, responsibility: r } of found) {
    const key = `${index}|${r.task}|${r.quote}|${r.departments.map((d) => d.name).join('、')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}
