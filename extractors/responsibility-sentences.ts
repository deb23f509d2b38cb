/**
 * Responsibilities stated in running text: a sentence whose subject is a department and
 * whose verb gives it the task (县教育局要…, 县自然资源局在编制…时要…), a department that
 * leads (X牵头，Y配合; X牵头会同Y、Z), a task given through 由 (由市卫健局统筹选派…), and
 * a group set up to do something (成立…领导小组，负责…; 领导小组下设办公室，…负责…).
 */
import type { Department } from '../model/plan.ts';
import { departmentType, isGenericGroup } from './department-catalogue.ts';
import { carryPrefix, parseDepartmentList, readDepartmentAt, type ReadOptions } from './departments.ts';
import { tagWords } from './jieba.ts';

/** A responsibility found in a sentence, before it is tied to a block's location. */
export interface SentenceResponsibility {
  task: string;
  departments: Department[];
  quote: string;
}

/** What follows a department without giving it a task (设在, 主任, 的 …). */
const NOT_A_PREDICATE = /^(?:\s|\d|[^\s，。；]{0,3}?(?:长|主任|书记|主席)(?:[、，。；]|$)|办公室|办(?!理)|室|部(?!署)|局|委(?!托)|中心|小组|学校|会(?!同|商)|各部门|各单位|有关|相关|所属|下属|直属|的|之|和|与|及|等|或|、|，|。|；|：|:|）|\)|主任|副主任|局长|组长|副组长|成员|主要负责人|负责人|工作人员|系统|领导|干部|设在|设于|挂靠|下设|由|意见|职责|任组长|兼任|担任|为组长|印发|关于|文件|同意|审核|报|备案|长(?!期)|$)/;
const MODAL = /^(?:要|将|应当|应|须|必须|需|需要|务必)/;
const GENERIC_AT = /(?:其他|各级|各|有关|相关|区级|市级|县级|市直|县直|区直|职能|区政府|市政府|县政府|政府)+(?:部门|单位)(?:（单位）|\(单位\))?(?:和|及|、)?/y;
/** The schools as a set after a named subject (县教育局、各中小学校要…): dropped like a generic group. */
const SCHOOLS_AT = /(?:各级各类|各)(?:义务教育)?(?:中小学校?|学校)(?:和|及|、)?/y;
const UNIT_END = /(?:局|委员会|委|办公室|办|中心|督导室|督查室|学校|小组|政府|办事处|联|协)$/;
const TRAILING_PUNCTUATION = /[。；;，,\s]+$/;
const GROUP_TAIL = /[和及、]$/;
/** A parenthesised alias after a name: 区教委（区政府教育督导室）. */
const ALIAS_AT = /[（(][^）)]{1,20}[）)]/y;
const LIST_SEPARATOR_AT = /(?:、|和|及|与)/y;
const LOCAL_LEVEL = /^(?:市|县|区|州)/;
const SUBJECT_END_WORD = /^(?:要|将|应|须|负责|牵头)$/;
/** 政府 with no level or place before it: it opens compound nouns (政府保障程度, 政府购买服务). */
const BARE_GOVERNMENT = /^(?:人民)?政府$/;
/** What must follow a bare 政府 for it to be a subject: a modal, 负责 or 牵头. */
const SUBJECT_VERB = /^(?:要|将|应当|应|须|必须|需|需要|务必|负责|牵头)/;
/** A unit word right before a modal or 负责/牵头: without it, no unknown subject is there to segment. */
const UNIT_THEN_VERB = /(?:局|委员会|委|办公室|办|中心|督导室|督查室|学校|小组|政府|办事处|联|协)(?:要|将|应|须|负责|牵头)/;
const PUNCTUATION_WORD = /^[，。；、：\s]/;
const PARTNERS = /^(?:牵头[，,]?)?(?:会同|联合)([^，。；]*?)(?:等(?:部门|单位|相关部门|有关部门))?(?=[，。；]|$)/;
const LEADING_COMMA = /^[，,]/;
/** How a comma part may open before its subject: a number, 同时, 其中 … */
const PART_LEAD_AT = /(?:第[一二三四五六七八九十百]+条[\s　]*|\d+[.．、]\s*|[（(][一二三四五六七八九十\d]+[)）]\s*|[一二三四五六七八九十]+、|[一二三四五六七八九十]+是[，,]?|同时[，,]?|其中[，,]?|此外[，,]?|另外[，,]?)/y;
const SUPPORT_ONLY = /^(?:配合|协助|参与)(?:[，,。；]|$)/;
const LEADS = /^牵头/;
const LEADS_COMMA = /^牵头[，,]?/;
const SUPPORT_PART = /^(.*?)(?:配合|协助|参与)[，,]?$/;
const HEAD_TITLE = /^(?:主要负责人|负责人|[^\s，。；]{0,3}?(?:长|主任|书记|主席))/;
const NOT_A_BY_TASK = /^(?:任|兼任|担任|为|的|和|、)/;
/** A 由 phrase that says who heads a group (由县长任组长的…领导小组) names no department. */
const HEADS_A_GROUP = /(?:任|兼任|担任)副?(?:组长|主任|指挥长|召集人)/;
const BY_SUPPORT = /^(.*?)(?:配合|协助|参与)[，,]/;
const OFFICE_WORD = /办公室/;
/** The group's office as the subject of a comma part (领导小组办公室负责…, 办公室要…). */
const OFFICE_SUBJECT = /^(?:领导小组)?办公室(?:要|将|具体)?(?=负责|承担)/;
const GROUP_SUFFIX = /领导小组$/;
const GROUP_QUALIFIERS = /工作|创建|推进|专项|[市县区]$/g;
const IN_CHARGE = /^负责/;
const LEADS_ANYWHERE = /牵头/;
const CLAUSE_START = /^[\s*]+/;
const BOLD = /\*\*/g;

function stripEnd(s: string): string {
  return s.replace(TRAILING_PUNCTUATION, '');
}

const COMMAS = /[，,]/g;
const SENTENCE_ENDS = /[。！？!?]/g;
const SEMICOLONS = /[；;]/g;

/**
 * Split a text after every mark (one character) that `marks` (a global pattern) finds,
 * but one that ends the text, as `text.split(/(?<=[marks])/)` does.
 */
function splitAfter(text: string, marks: RegExp): string[] {
  const out: string[] = [];
  let from = 0;
  marks.lastIndex = 0;
  for (let m = marks.exec(text); m !== null; m = marks.exec(text)) {
    const cut = m.index + 1;
    if (cut >= text.length) break;
    out.push(text.slice(from, cut));
    from = cut;
  }
  out.push(text.slice(from));
  return out;
}

/** The departments written at `index` as a subject (县教育局、县财政局), generic groups skipped. */
function readSubject(clause: string, index: number, options: ReadOptions): { names: string[]; end: number; generic: boolean } | undefined {
  const names: string[] = [];
  let generic = false;
  let at = index;
  for (;;) {
    GENERIC_AT.lastIndex = at;
    const g = GENERIC_AT.exec(clause);
    if (g && g[0].length > 0 && isGenericGroup(g[0].replace(GROUP_TAIL, ''))) {
      generic = true;
      at += g[0].length;
      continue;
    }
    SCHOOLS_AT.lastIndex = at;
    const schools = SCHOOLS_AT.exec(clause);
    if (schools && names.length > 0) {
      generic = true;
      at += schools[0].length;
      continue;
    }
    const found = readDepartmentAt(clause, at, options);
    if (!found) break;
    names.push(found.name);
    at = found.end;
    // A parenthesised alias: 区教委（区政府教育督导室）.
    ALIAS_AT.lastIndex = at;
    const alias = ALIAS_AT.exec(clause);
    if (alias) at += alias[0].length;
    LIST_SEPARATOR_AT.lastIndex = at;
    const sep = LIST_SEPARATOR_AT.exec(clause);
    if (!sep) break;
    // A list that goes on with a name the catalogue does not know is a list, not a subject.
    GENERIC_AT.lastIndex = at + sep[0].length;
    SCHOOLS_AT.lastIndex = at + sep[0].length;
    if (!readDepartmentAt(clause, at + sep[0].length, options) && !GENERIC_AT.test(clause) && !SCHOOLS_AT.test(clause)) return undefined;
    at += sep[0].length;
  }
  if (names.length === 0 && !generic) {
    const unknown = readUnknownSubject(clause.slice(index));
    if (unknown) return { names: [unknown], end: index + unknown.length, generic: false };
    return undefined;
  }
  return { names, end: at, generic };
}

/** A subject the catalogue does not know (县退役军人服务中心要…): jieba's words up to the verb. */
function readUnknownSubject(text: string): string | undefined {
  const head = text.slice(0, 24);
  if (!LOCAL_LEVEL.test(head) || !UNIT_THEN_VERB.test(head)) return undefined;
  let name = '';
  for (const { word } of tagWords(head)) {
    // Only a modal or 负责/牵头 right after the name makes it a subject.
    if (SUBJECT_END_WORD.test(word)) return name.length >= 3 && UNIT_END.test(name) ? name : undefined;
    if (PUNCTUATION_WORD.test(word)) return undefined;
    name += word;
    if (name.length > 16) return undefined;
  }
  return undefined;
}

function toDepartments(names: string[], role: Department['role'], options: ReadOptions): Department[] {
  const list = parseDepartmentList(names.join('、'), role, options);
  return list.departments;
}

/** Departments named after 会同/联合 in a predicate, up to 等部门 or the next comma. */
function readPartners(predicate: string, options: ReadOptions): { departments: Department[]; rest: string } {
  const m = PARTNERS.exec(predicate);
  if (!m) return { departments: [], rest: predicate };
  const list = parseDepartmentList(m[1] ?? '', 'support', options);
  if (!list.complete) {
    // 会同教育局实行…: the list ends where the catalogue stops reading.
    const found = readSubject(m[1] ?? '', 0, options);
    if (!found) return { departments: [], rest: predicate };
    return { departments: toDepartments(found.names, 'support', options), rest: (m[1] ?? '').slice(found.end) + predicate.slice(m[0].length) };
  }
  return { departments: list.departments, rest: predicate.slice(m[0].length).replace(LEADING_COMMA, '') };
}

function subjectResponsibilities(clause: string, options: ReadOptions): SentenceResponsibility[] {
  const hits: { at: number; departments: Department[]; predicate: string }[] = [];
  const parts = splitAfter(clause, COMMAS);
  let offset = 0;
  for (let i = 0; i < parts.length; i++) {
    const start = offset;
    offset += parts[i]!.length;
    PART_LEAD_AT.lastIndex = start;
    const lead = PART_LEAD_AT.exec(clause);
    const at = start + (lead ? lead[0].length : 0);
    const subject = readSubject(clause, at, options);
    if (!subject || subject.names.length === 0) continue;
    let predicate = clause.slice(subject.end);
    if (NOT_A_PREDICATE.test(predicate) || stripEnd(predicate).length < 4) continue;
    if (subject.names.length === 1 && BARE_GOVERNMENT.test(subject.names[0]!) && !SUBJECT_VERB.test(predicate)) continue;
    // Y配合，…: the supporting half of X牵头，Y配合, read with its lead.
    if (SUPPORT_ONLY.test(predicate)) continue;
    const modal = MODAL.exec(predicate);
    predicate = predicate.slice(modal ? modal[0].length : 0);
    const role: Department['role'] = LEADS.test(predicate) ? 'lead' : 'responsible';
    const departments = toDepartments(subject.names, role, options);
    const partners = readPartners(predicate, options);
    departments.push(...partners.departments.filter((d) => !departments.some((e) => e.name === d.name)));
    predicate = partners.rest;
    if (role === 'lead') {
      predicate = predicate.replace(LEADS_COMMA, '');
      // X牵头，Y配合，…: the next comma part names the supporting units.
      const next = parts[i + 1];
      const support = next ? SUPPORT_PART.exec(next) : null;
      if (support) {
        const list = parseDepartmentList(support[1] ?? '', 'support', options);
        if (list.complete) {
          departments.push(...list.departments.filter((d) => !departments.some((e) => e.name === d.name)));
          predicate = predicate.slice(next!.length);
          offset += next!.length;
          i++;
        }
      }
    }
    if (departments.length === 0) continue;
    hits.push({ at, departments: carryPrefix(departments, options.region), predicate });
  }
  // Each subject's work runs to where the next subject starts.
  return hits.map((hit, k) => {
    const end = k + 1 < hits.length ? hits[k + 1]!.at : clause.length;
    const quote = stripEnd(clause.slice(hit.at, end));
    const cut = hit.predicate.length - (clause.length - end);
    const task = stripEnd(hit.predicate.slice(0, Math.max(0, cut))) || quote;
    return { task, departments: hit.departments, quote };
  });
}

const BY = /(或|并)?由/g;

function byResponsibilities(clause: string, options: ReadOptions): SentenceResponsibility[] {
  const out: SentenceResponsibility[] = [];
  if (!clause.includes('由')) return out;
  for (const m of clause.matchAll(BY)) {
    const at = m.index! + m[0].length;
    const subject = readSubject(clause, at, options);
    if (!subject || subject.generic || subject.names.length === 0) continue;
    if (subject.names.some((n) => HEADS_A_GROUP.test(n))) continue;
    let rest = clause.slice(subject.end).replace(HEAD_TITLE, '');
    if (NOT_A_BY_TASK.test(rest) || stripEnd(rest).length < 2) continue;
    const role: Department['role'] = LEADS.test(rest) ? 'lead' : 'responsible';
    const departments = toDepartments(subject.names, role, options);
    if (role === 'lead') {
      rest = rest.replace(LEADS_COMMA, '');
      // 由X牵头，Y配合，…
      const support = BY_SUPPORT.exec(rest);
      const partners = readPartners(rest, options);
      if (support) {
        const list = parseDepartmentList(support[1] ?? '', 'support', options);
        if (list.complete) {
          departments.push(...list.departments.filter((d) => !departments.some((e) => e.name === d.name)));
          rest = rest.slice(support[0].length);
        }
      } else if (partners.departments.length > 0) {
        // 由X牵头，会同Y、Z抓好落实
        departments.push(...partners.departments.filter((d) => !departments.some((e) => e.name === d.name)));
        rest = partners.rest;
      }
    }
    if (departments.length === 0) continue;
    carryPrefix(departments, options.region);
    const partStart = Math.max(clause.lastIndexOf('，', m.index!), clause.lastIndexOf(',', m.index!)) + 1;
    out.push({ task: stripEnd(rest), departments, quote: stripEnd(clause.slice(partStart)) });
  }
  return out;
}

/** A comma part that says how a group is made up or housed, not what it does. */
const COMPOSITION = /^(?:由|以)|组长|主任|成员|设在|设于|挂靠|下设/;
const SET_UP = /成立([^，。；]*?领导小组)[，,](下设办公室[，,])?(?:具体)?([^。；]*)/;
const OFFICE = /([^，。；]*?领导小组)下设办公室[，,](?:[^，。；由]*[，,])?(?:具体)?(负责[^。；]*)/;
const HOUSED = /(领导小组办公室)(?:设在|设于)[^，。；]{2,30}[，,](?:具体)?([^。；]*)/;

/** The task of a group: its first comma part that is not about its make-up, and what follows. */
function groupTask(text: string): { task: string; byOffice: boolean } | undefined {
  const parts = splitAfter(text, COMMAS);
  const first = parts.findIndex((p) => !COMPOSITION.test(p));
  if (first < 0) return undefined;
  // 成立…领导小组，领导小组办公室负责…: the work that follows is the office's.
  const office = OFFICE_SUBJECT.exec(parts[first]!);
  const task = stripEnd(parts.slice(first).join('').slice(office ? office[0].length : 0));
  // After 领导小组办公室设在…, the work that follows is the office's.
  const byOffice = office !== null || parts.slice(0, first).some((p) => OFFICE_WORD.test(p));
  return task.length >= 4 ? { task, byOffice } : undefined;
}

function groupResponsibilities(clause: string): SentenceResponsibility[] {
  // Every pattern below needs 领导小组: a clause without it has no group.
  if (!clause.includes('领导小组')) return [];
  const setUp = clause.includes('成立') ? SET_UP.exec(clause) : null;
  const setUpTask = setUp ? groupTask(setUp[3] ?? '') : undefined;
  const group = (setUp?.[1] ?? '').split('的').pop()!;
  // A group set up with no name of its own (成立工作领导小组，明确工作职责) is a step, not a
  // body given a task, unless the text says it is in charge (负责).
  const named = group.replace(GROUP_SUFFIX, '').replace(GROUP_QUALIFIERS, '').length >= 2;
  if (setUp && setUpTask && (named || IN_CHARGE.test(setUpTask.task))) {
    const name = setUp[2] || setUpTask.byOffice ? '领导小组办公室' : group;
    const role: Department['role'] = LEADS_ANYWHERE.test(setUpTask.task) ? 'lead' : 'responsible';
    return [{ task: setUpTask.task, departments: [{ name, role, type: departmentType(name) }], quote: stripEnd(clause.slice(setUp.index)) }];
  }
  const office = clause.includes('领导小组下设办公室') ? OFFICE.exec(clause) : null;
  if (office) {
    const name = '领导小组办公室';
    return [{ task: stripEnd(office[2] ?? ''), departments: [{ name, role: 'responsible', type: departmentType(name) }], quote: stripEnd(clause.slice(office.index)) }];
  }
  // 领导小组办公室设在县教育局，承担日常工作: the office does what follows.
  const housed = clause.includes('领导小组办公室设') ? HOUSED.exec(clause) : null;
  const housedTask = housed ? groupTask(housed[2] ?? '') : undefined;
  if (housed && housedTask) {
    const name = housed[1]!;
    return [{ task: housedTask.task, departments: [{ name, role: 'responsible', type: departmentType(name) }], quote: stripEnd(clause.slice(housed.index)) }];
  }
  return [];
}

/**
 * Find the responsibilities a paragraph's sentences give: one per clause (a sentence,
 * or a part of it between ；) whose subject is a department.
 *
 * @param text
 *   The paragraph, its outline marker and title included or not.
 * @param options
 *   The plan's region (optional).
 * @returns
 *   The responsibilities, in text order.
 */
export function findSentenceResponsibilities(text: string, options: ReadOptions = {}): SentenceResponsibility[] {
  const out: SentenceResponsibility[] = [];
  for (const sentence of splitAfter(text, SENTENCE_ENDS)) {
    for (const clause of splitAfter(sentence, SEMICOLONS)) {
      const c = clause.replace(CLAUSE_START, '').replace(BOLD, '');
      if (c.length < 6) continue;
      const found = [...groupResponsibilities(c), ...subjectResponsibilities(c, options), ...byResponsibilities(c, options)];
      const seen = new Set<string>();
      for (const r of found) {
        const key = r.departments.map((d) => d.name).join('|');
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(r);
      }
    }
  }
  return out;
}
