/**
 * Reading department names: one name at a position (longest catalogue match after an
 * optional region prefix), and a list of names (责任单位：市发改局、教育局 …) with the
 * region prefix carried over to every name and undefined generic groups dropped.
 */
import type { Department } from '../model/plan.ts';
import { DEPARTMENT_NAMES, DEPARTMENT_NAMES_BY_FIRST, DEPARTMENT_SUFFIX, departmentType, isGenericGroup } from './department-catalogue.ts';

/** A department name found in a text. */
export interface FoundDepartment {
  name: string;
  /** Index one past the name's last character. */
  end: number;
}

/** Options shared by the readers. */
export interface ReadOptions {
  /** The plan's region (南川区): a prefix the plan may write before a name. */
  region?: string | null | undefined;
  /** Accept names the catalogue does not know when they end in a unit word (局, 中心, 办 …) and a separator follows. */
  allowUnknown?: boolean | undefined;
}

const LEVEL_PREFIXES = ['市委', '县委', '区委', '州委', '市政府', '县政府', '区政府', '县级', '市级', '区级', '市', '县', '区', '州', '旗'];
const GROUP_NAME = /[^\s，。；：:、（）()“”《》]{0,30}?领导小组(?:办公室)?/y;
const UNKNOWN_NAME = /[\u4e00-\u9fa5]{1,10}?(?:局|委员会|委|办公室|办|中心|督导室|督查室|教研室|学校|部|集团|公司|妇联|残联|侨联|科协|联合会|协会|小组|人民政府|政府|办事处|股|站|室|科)(?=$|[、，,；;：:。\s等和及（(])/y;

const GROUP_WORD = '领导小组';
/** The longest text GROUP_NAME reads before 领导小组. */
const GROUP_QUALIFIER_MAX = 30;
const NOT_A_GROUP_START = /^(?:成立|设立|组建|建立|由|在|将|把|对|向|为|经)/;

/** The prefixes a name may have (longest first), grouped by their first character, per region. */
const PREFIX_CACHE = new Map<string, ReadonlyMap<string, readonly string[]>>();

function prefixesOf(region: string | null | undefined): ReadonlyMap<string, readonly string[]> {
  const key = region || '';
  const cached = PREFIX_CACHE.get(key);
  if (cached) return cached;
  const out = new Set<string>();
  if (region) {
    out.add(region);
    for (const p of ['委', '政府']) out.add(region + p);
  }
  for (const p of LEVEL_PREFIXES) out.add(p);
  const byFirst = new Map<string, string[]>();
  for (const prefix of [...out].sort((a, b) => b.length - a.length)) {
    const group = byFirst.get(prefix[0]!);
    if (group) group.push(prefix);
    else byFirst.set(prefix[0]!, [prefix]);
  }
  if (PREFIX_CACHE.size >= 1000) PREFIX_CACHE.clear();
  PREFIX_CACHE.set(key, byFirst);
  return byFirst;
}

/** The length of the longest catalogue name that starts at `index`, or 0. */
function catalogueNameLengthAt(text: string, index: number): number {
  const group = index < text.length ? DEPARTMENT_NAMES_BY_FIRST.get(text[index]!) : undefined;
  if (group) for (const entry of group) if (text.startsWith(entry.name, index)) return entry.name.length;
  return 0;
}

function isHan(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fa5;
}

/**
 * Read the department name that starts at `index`, if any: an optional region prefix
 * (南川区, 市, 县委, 区政府) then a catalogue name (教育局, 住房城乡建委, 领导小组办公室),
 * a leading group with its qualifier (区创建工作领导小组办公室), or, with `allowUnknown`,
 * any short name ending in a unit word.
 *
 * @param text
 *   The text to read.
 * @param index
 *   Where the name must start (default: 0).
 * @param options
 *   Region and whether unknown names count (optional).
 * @returns
 *   The longest name found, or `undefined`.
 */
export function readDepartmentAt(text: string, index = 0, options: ReadOptions = {}): FoundDepartment | undefined {
  // The end of the longest name so far; `index` while there is none.
  let end = index + catalogueNameLengthAt(text, index);
  const prefixes = index < text.length ? prefixesOf(options.region).get(text[index]!) : undefined;
  for (const prefix of prefixes ?? []) {
    if (!text.startsWith(prefix, index)) continue;
    const at = index + prefix.length;
    const core = catalogueNameLengthAt(text, at);
    // A bare prefix is no name (区 alone), and 市政府 is the government, read as prefix 市 + 政府.
    if (core > 0 && at + core > end) end = at + core;
  }
  const groupAt = text.indexOf(GROUP_WORD, index);
  if (groupAt >= 0 && groupAt - index <= GROUP_QUALIFIER_MAX) {
    GROUP_NAME.lastIndex = index;
    const group = GROUP_NAME.exec(text);
    if (group && !NOT_A_GROUP_START.test(group[0]) && index + group[0].length > end) end = index + group[0].length;
  }
  // A catalogue match that runs straight into more of a name (区政府|采购中心) is only the
  // start of a unit the catalogue does not know.
  if (options.allowUnknown && (end === index || (end < text.length && isHan(text.charCodeAt(end))))) {
    UNKNOWN_NAME.lastIndex = index;
    const unknown = UNKNOWN_NAME.exec(text);
    if (unknown && index + unknown[0].length > end) end = index + unknown[0].length;
  }
  // A set of governments with its other kinds in brackets (各镇（区）, 各乡镇（街道）): one name.
  if (end > index && text[index] === '各') {
    const bracket = /^[（(](?:区|街道|场|园区|办事处|开发区|管委会|乡|镇)[）)]/.exec(text.slice(end));
    if (bracket) end += bracket[0].length;
  }
  return end > index ? { name: text.slice(index, end), end } : undefined;
}

const SEPARATORS = /[、，,；;\/／\s]+/;
/** A role mark after a name in a list: （牵头）, 牵头, （牵头单位）, 配合. */
const ROLE_MARK = /(?:[（(](?:牵头|主责|配合|协助|参与)(?:单位|部门)?[）)]|牵头|配合|协助|参与)$/;
/** Catalogue names written with a separator inside (各乡镇人民政府、街道办事处). */
const JOINED_NAMES = DEPARTMENT_NAMES.map((e) => e.name)
  .filter((n) => /[、，,]/.test(n))
  .map((name) => ({ name, hidden: name.replace(/[、，,]/g, '\uE000') }));
const LEVEL_PREFIX = /^(市|县|区|州)(?!政府$)/;
const NO_PREFIX_START = /^(?:各|团|当地|共青团)/;
const NO_PREFIX_END = /(?:集团|公司)$/;
const LIST_EDGE_END = /[。；;：:\s]+$/;
// A list may open with 由 left over from the sentence (由县教育局牵头): it names no department.
const LIST_EDGE_START = /^(?:[：:\s]+|由(?=[^，。；]{2}))/;
/** Where a piece goes on with a generic tail (教育局等相关部门): split before 等. */
const GENERIC_TAIL = /(?<=.)(?=等(?:相关|有关|其他|各|部门|单位|职能))/;
const CONJUNCTION = /^(?:和|及|以及|与)/;
const HIDDEN = /\uE000/g;
const LEAD_MARK = /牵头|主责/;
const STARTS_WITH_DENG = /^等/;
const DENG_ONLY = /^等(?:部门|单位)?$/;

/** Hide the separators inside catalogue names, so that splitting a list keeps them whole. */
function protectNames(text: string): string {
  let out = text;
  for (const { name, hidden } of JOINED_NAMES) if (out.includes(name)) out = out.split(name).join(hidden);
  return out;
}

function levelPrefixOf(name: string, region: string | null | undefined): string | undefined {
  if (region && name.startsWith(region)) return region;
  const m = LEVEL_PREFIX.exec(name);
  return m ? m[1] : undefined;
}

function needsPrefix(name: string): boolean {
  if (NO_PREFIX_START.test(name)) return false;
  if (NO_PREFIX_END.test(name)) return false;
  const type = departmentType(name);
  return type !== 'township' && type !== 'lower-government' && type !== 'leading-group';
}

/**
 * Give the names of a list that have no region prefix the prefix of the first name that
 * has one (市人社局 … 会同教育局 → 市教育局).
 *
 * @param departments
 *   The departments, in order; changed in place.
 * @param region
 *   The plan's region (optional).
 * @returns
 *   The same array.
 */
export function carryPrefix(departments: Department[], region?: string | null): Department[] {
  let carried: string | undefined;
  for (const d of departments) {
    const prefix = levelPrefixOf(d.name, region);
    if (prefix) carried ??= prefix;
    else if (carried && needsPrefix(d.name)) {
      d.name = carried + d.name;
      d.type = departmentType(d.name);
    }
  }
  return departments;
}

/** The departments of a list, and whether every piece of the text was read as a name. */
export interface DepartmentList {
  departments: Department[];
  /** False when some piece is neither a department nor a generic group. */
  complete: boolean;
  /** True when the list held a generic group that was dropped. */
  droppedGeneric: boolean;
}

/**
 * Read a list of departments (市发改局、教育局、财政局，团市委、关工委), carrying the region
 * prefix of the last prefixed name to the names without one (教育局 → 市教育局), dropping
 * undefined generic groups (各部门, 相关单位, …等相关职能部门) and typing every name.
 *
 * @param text
 *   The list, without its label (责任单位：).
 * @param role
 *   The role every name gets (default: `support`).
 * @param options
 *   Region, and whether unknown unit names count (optional; default: they do).
 * @returns
 *   The departments, in order, without duplicates.
 */
export function parseDepartmentList(text: string, role: Department['role'] = 'responsible', options: ReadOptions = {}): DepartmentList {
  const region = options.region;
  const allowUnknown = options.allowUnknown ?? true;
  const departments: Department[] = [];
  let complete = true;
  let droppedGeneric = false;
  let carried: string | undefined;
  const clean = protectNames(text.replace(LIST_EDGE_END, '').replace(LIST_EDGE_START, ''));
  const pieces: string[] = [];
  for (const separated of clean.split(SEPARATORS)) {
    if (separated.includes('等')) pieces.push(...separated.split(GENERIC_TAIL));
    else pieces.push(separated);
  }
  for (const raw of pieces) {
    let piece = raw.replace(CONJUNCTION, '');
    if (piece.includes('\uE000')) piece = piece.replace(HIDDEN, '、');
    if (piece === '') continue;
    // A role written after the name: 县教育局（牵头）, 县教育局牵头, 县财政局配合.
    const mark = ROLE_MARK.exec(piece);
    const pieceRole: Department['role'] = mark ? (LEAD_MARK.test(mark[0]) ? 'lead' : 'support') : role;
    if (mark && mark.index > 0) piece = piece.slice(0, mark.index);
    while (piece !== '') {
      if (isGenericGroup(piece) || STARTS_WITH_DENG.test(piece)) {
        droppedGeneric = droppedGeneric || isGenericGroup(piece.replace(STARTS_WITH_DENG, '')) || DENG_ONLY.test(piece);
        if (!DENG_ONLY.test(piece) && !isGenericGroup(piece.replace(STARTS_WITH_DENG, ''))) complete = false;
        break;
      }
      const found = readDepartmentAt(piece, 0, { region, allowUnknown });
      if (!found) { complete = false; break; }
      let name = found.name;
      const prefix = levelPrefixOf(name, region);
      if (prefix) carried = prefix;
      else if (carried && needsPrefix(name)) name = carried + name;
      const known = departments.find((d) => d.name === name);
      if (!known) departments.push({ name, role: pieceRole, type: departmentType(name) });
      else if (pieceRole === 'lead' || (pieceRole === 'responsible' && known.role === 'support')) known.role = pieceRole;
      piece = piece.slice(found.end).replace(CONJUNCTION, '');
    }
  }
  return { departments, complete: complete && departments.length + (droppedGeneric ? 1 : 0) > 0, droppedGeneric };
}

const LIST_STOP = /[。：:]/;
const FINAL_STOP = /[。]$/;
const GROUP_OR_UNIT = /部门|单位/;

/**
 * Tell whether a whole text is nothing but a department list (a table's 责任部门 cell).
 *
 * @param text
 *   The text.
 * @param options
 *   Region (optional).
 * @returns
 *   `true` when every piece is a department or a generic group and one at least is named.
 */
export function isDepartmentList(text: string, options: ReadOptions = {}): boolean {
  const t = text.trim();
  if (t === '' || LIST_STOP.test(t.replace(FINAL_STOP, '')) || t.length > 200) return false;
  const list = parseDepartmentList(t, 'responsible', { region: options.region, allowUnknown: true });
  return list.complete && (list.departments.length > 0 || list.droppedGeneric) && (list.departments.length > 0 || DEPARTMENT_SUFFIX.test(t) || GROUP_OR_UNIT.test(t));
}
