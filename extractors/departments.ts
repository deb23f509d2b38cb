/**
 * Reading department names: one name at a position (longest catalogue match after an
 * optional region prefix), and a list of names (责任单位：市发改局、教育局 …) with the
 * region prefix carried over to every name and undefined generic groups dropped.
 */
import type { Department } from './model.ts';
import { DEPARTMENT_NAMES, DEPARTMENT_SUFFIX, departmentType, isGenericGroup } from './department-catalogue.ts';

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
const UNKNOWN_NAME = /[\u4e00-\u9fa5]{1,10}?(?:局|委员会|委|办公室|办|中心|督导室|督查室|学校|部|集团|公司|妇联|残联|侨联|科协|小组|人民政府|政府|办事处)(?=$|[、，,；;：:。\s等和及（(])/y;

function prefixesOf(region: string | null | undefined): string[] {
  const out = new Set<string>();
  if (region) {
    out.add(region);
    for (const p of ['委', '政府']) out.add(region + p);
  }
  for (const p of LEVEL_PREFIXES) out.add(p);
  return [...out].sort((a, b) => b.length - a.length);
}

function catalogueNameAt(text: string, index: number): string | undefined {
  for (const entry of DEPARTMENT_NAMES) if (text.startsWith(entry.name, index)) return entry.name;
  return undefined;
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
  let best: FoundDepartment | undefined;
  const consider = (end: number) => {
    if (end > index && (!best || end > best.end)) best = { name: text.slice(index, end), end };
  };
  for (const prefix of ['', ...prefixesOf(options.region)]) {
    if (prefix && !text.startsWith(prefix, index)) continue;
    const at = index + prefix.length;
    const core = catalogueNameAt(text, at);
    // A bare prefix is no name (区 alone), and 市政府 is the government, read as prefix 市 + 政府.
    if (core) consider(at + core.length);
  }
  GROUP_NAME.lastIndex = index;
  const group = GROUP_NAME.exec(text);
  if (group && !/^(?:成立|设立|组建|建立|由|在|将|把|对|向|为|经)/.test(group[0])) consider(index + group[0].length);
  // A catalogue match that runs straight into more of a name (区政府|采购中心) is only the
  // start of a unit the catalogue does not know.
  const current = best as FoundDepartment | undefined;
  if (options.allowUnknown && (!current || /^[\u4e00-\u9fa5]/.test(text.slice(current.end)))) {
    UNKNOWN_NAME.lastIndex = index;
    const unknown = UNKNOWN_NAME.exec(text);
    if (unknown) consider(index + unknown[0].length);
  }
  return best;
}

const SEPARATORS = /[、，,；;\/／\s]+/;
/** A role mark after a name in a list: （牵头）, 牵头, （牵头单位）, 配合. */
const ROLE_MARK = /(?:[（(](?:牵头|主责|配合|协助|参与)(?:单位|部门)?[）)]|牵头|配合|协助|参与)$/;
/** Catalogue names written with a separator inside (各乡镇人民政府、街道办事处). */
const JOINED_NAMES = DEPARTMENT_NAMES.map((e) => e.name).filter((n) => /[、，,]/.test(n));

/** Hide the separators inside catalogue names, so that splitting a list keeps them whole. */
function protectNames(text: string): string {
  let out = text;
  for (const name of JOINED_NAMES) out = out.split(name).join(name.replace(/[、，,]/g, '\uE000'));
  return out;
}

function levelPrefixOf(name: string, region: string | null | undefined): string | undefined {
  if (region && name.startsWith(region)) return region;
  const m = /^(市|县|区|州)(?!政府$)/.exec(name);
  return m ? m[1] : undefined;
}

function needsPrefix(name: string): boolean {
  if (/^(?:各|团|当地|共青团)/.test(name)) return false;
  if (/(?:集团|公司)$/.test(name)) return false;
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
export function parseDepartmentList(text: string, role: Department['role'] = 'support', options: ReadOptions = {}): DepartmentList {
  const region = options.region;
  const allowUnknown = options.allowUnknown ?? true;
  const departments: Department[] = [];
  let complete = true;
  let droppedGeneric = false;
  let carried: string | undefined;
  const clean = protectNames(text.replace(/[。；;：:\s]+$/, '').replace(/^[：:\s]+/, ''));
  const pieces = clean.split(SEPARATORS).flatMap((raw) => raw.split(/(?<=.)(?=等(?:相关|有关|其他|各|部门|单位|职能))/));
  for (const raw of pieces) {
    let piece = raw.replace(/^(?:和|及|以及|与)/, '').replace(/\uE000/g, '、');
    if (piece === '') continue;
    // A role written after the name: 县教育局（牵头）, 县教育局牵头, 县财政局配合.
    const mark = ROLE_MARK.exec(piece);
    const pieceRole: Department['role'] = mark && /牵头|主责/.test(mark[0]) ? 'lead' : role;
    if (mark && mark.index > 0) piece = piece.slice(0, mark.index);
    while (piece !== '') {
      if (isGenericGroup(piece) || /^等/.test(piece)) {
        droppedGeneric = droppedGeneric || isGenericGroup(piece.replace(/^等/, '')) || /^等(?:部门|单位)?$/.test(piece);
        if (!/^等(?:部门|单位)?$/.test(piece) && !isGenericGroup(piece.replace(/^等/, ''))) complete = false;
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
      else if (pieceRole === 'lead') known.role = 'lead';
      piece = piece.slice(found.end).replace(/^(?:和|及|以及|与)/, '');
    }
  }
  return { departments, complete: complete && departments.length + (droppedGeneric ? 1 : 0) > 0, droppedGeneric };
}

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
  if (t === '' || /[。：:]/.test(t.replace(/[。]$/, '')) || t.length > 200) return false;
  const list = parseDepartmentList(t, 'support', { region: options.region, allowUnknown: true });
  return list.complete && (list.departments.length > 0 || list.droppedGeneric) && (list.departments.length > 0 || DEPARTMENT_SUFFIX.test(t) || /部门|单位/.test(t));
}
