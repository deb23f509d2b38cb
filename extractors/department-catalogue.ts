/**
 * The department catalogue: the names county plans use for a unit, grouped by a
 * canonical type, so that plans of different counties can be compared
 * (财政局 and 财政部门 are both `finance`; 教育局, 教委 and 教体局 are `education`).
 * Names are cores, without the region prefix (市/县/区/南川区) a plan puts before them.
 */

/** One canonical department type and the core names that denote it. */
export interface DepartmentEntry {
  type: string;
  names: readonly string[];
}

/** Core names per type. Longer names first within a type is not required: matching sorts them. */
export const DEPARTMENT_CATALOGUE: readonly DepartmentEntry[] = [
  { type: 'township', names: ['各乡镇（街道）人民政府（办事处）', '各乡镇人民政府（街道办事处）', '各镇人民政府（街道办事处）', '各乡镇人民政府、街道办事处', '乡镇人民政府、街道办事处', '各乡镇（街道）', '乡镇（街道）', '各镇（街道）', '各镇街', '各乡镇人民政府', '各镇人民政府', '各乡镇', '各镇政府', '各镇', '各乡镇政府', '各乡（镇）人民政府', '各街道办事处', '各街道', '街道办事处', '乡镇人民政府'] },
  { type: 'lower-government', names: ['各县（市、区）人民政府', '各县（区）人民政府', '各县市区人民政府', '各县区人民政府', '各县市人民政府'] },
  { type: 'leading-group', names: ['领导小组办公室', '领导小组各成员单位', '领导小组成员单位', '领导小组', '各成员单位', '成员单位'] },
  { type: 'education-inspectorate', names: ['人民政府教育督导室', '政府教育督导室', '教育督导室', '督导室', '教育督导委员会办公室'] },
  { type: 'education', names: ['教育和体育局', '教育体育局', '教育委员会', '教育行政部门', '教育部门', '教育局', '教体局', '教委'] },
  { type: 'finance', names: ['财政部门', '财政局'] },
  { type: 'development-reform', names: ['发展和改革委员会', '发展和改革局', '发展改革委', '发展改革局', '发改委', '发改局', '发改部门'] },
  { type: 'human-resources', names: ['人力资源和社会保障局', '人力资源社会保障局', '人力社保局', '人社局', '人社部门'] },
  { type: 'natural-resources', names: ['规划和自然资源局', '规划自然资源局', '自然资源和规划局', '自然资源局', '国土资源局', '资源局'] },
  { type: 'housing', names: ['住房和城乡建设局', '住房城乡建设局', '住房城乡建委', '住建委', '住建局', '城乡建设局'] },
  { type: 'staffing', names: ['机构编制委员会办公室', '委编办', '编委办', '编办', '编制部门'] },
  { type: 'health', names: ['卫生健康委员会', '卫生健康委', '卫生健康局', '卫健委', '卫健局'] },
  { type: 'public-security', names: ['公安局', '公安部门'] },
  { type: 'civil-affairs', names: ['民政局'] },
  { type: 'justice', names: ['司法局'] },
  { type: 'market-regulation', names: ['市场监督管理局', '市场监管局', '市监局'] },
  { type: 'culture-tourism', names: ['文化广电旅游体育局', '文化广电体育和旅游局', '文化和旅游局', '文广旅体局', '文体旅局', '文旅局'] },
  { type: 'transport', names: ['交通运输局', '交通局'] },
  { type: 'ecology', names: ['生态环境局', '生态环境分局'] },
  { type: 'water', names: ['水利局', '水务局'] },
  { type: 'medical-insurance', names: ['医疗保障局', '医保局'] },
  { type: 'sports', names: ['体育局', '文体局'] },
  { type: 'administrative-approval', names: ['行政审批服务局', '行政审批局'] },
  { type: 'agriculture', names: ['农业农村局'] },
  { type: 'industry', names: ['工业和信息化局', '经济和信息化局', '科工商务局', '工信局', '经信局', '科学技术局', '科技局'] },
  { type: 'urban-management', names: ['城市管理局', '城管局'] },
  { type: 'audit', names: ['审计局'] },
  { type: 'statistics', names: ['统计局'] },
  { type: 'emergency', names: ['应急管理局', '应急局'] },
  { type: 'veterans', names: ['退役军人事务局', '退役军人局'] },
  { type: 'tax', names: ['税务局'] },
  { type: 'party-organization', names: ['组织部'] },
  { type: 'party-propaganda', names: ['宣传部'] },
  { type: 'party-united-front', names: ['统战部'] },
  { type: 'political-legal', names: ['政法委'] },
  { type: 'discipline', names: ['纪委监委', '纪委'] },
  { type: 'supervision', names: ['督查室'] },
  { type: 'media', names: ['融媒体中心'] },
  { type: 'civilization-office', names: ['文明办'] },
  { type: 'digital-office', names: ['数字办', '大数据局'] },
  { type: 'government-office', names: ['人民政府办公室', '政府办公室', '政府办'] },
  { type: 'government', names: ['当地人民政府', '当地政府', '人民政府', '政府'] },
  { type: 'teacher-training', names: ['教师进修学校', '教师发展中心', '教研室', '教师培训中心'] },
  { type: 'youth-league', names: ['团市委', '团县委', '团区委', '共青团', '团委'] },
  { type: 'women-federation', names: ['妇联'] },
  { type: 'disabled-federation', names: ['残联'] },
  { type: 'trade-union', names: ['总工会'] },
  { type: 'science-association', names: ['科协'] },
  { type: 'care-committee', names: ['关工委'] },
  { type: 'overseas-chinese', names: ['侨办', '侨联'] },
];

/** Every core name, longest first, with its type: the order a longest-match scan needs. */
export const DEPARTMENT_NAMES: readonly { name: string; type: string }[] = DEPARTMENT_CATALOGUE
  .flatMap((entry) => entry.names.map((name) => ({ name, type: entry.type })))
  .sort((a, b) => b.name.length - a.name.length);

/**
 * Every catalogue name grouped by its first character, each group in the order of
 * DEPARTMENT_NAMES (longest first), so that a scan tries only the names that can start there.
 */
export const DEPARTMENT_NAMES_BY_FIRST: ReadonlyMap<string, readonly { name: string; type: string }[]> = (() => {
  const out = new Map<string, { name: string; type: string }[]>();
  for (const entry of DEPARTMENT_NAMES) {
    const first = entry.name[0]!;
    const group = out.get(first);
    if (group) group.push(entry);
    else out.set(first, [entry]);
  }
  return out;
})();

/** Bound of the memo tables (names already typed), so that a long run cannot grow them without end. */
const CACHE_LIMIT = 20000;
const TYPE_CACHE = new Map<string, string>();
const GENERIC_CACHE = new Map<string, boolean>();

/** Words that end a unit's name when the catalogue does not know the unit. */
export const DEPARTMENT_SUFFIX = /(?:局|委员会|委|办公室|办|中心|督导室|督查室|学校|部|集团|公司|联|协|小组|政府|人民政府|办事处)$/;

const SCHOOL_SET = /^(?:各级各类|各|全[县市区]各?|有关|相关)(?:义务教育)?(?:中小学校?|中小学|学校|校|幼儿园)$/;
const GENERIC = /(?:部门|单位|机构)(?:（单位）|\(单位\))?$/;
const GENERIC_QUALIFIER = /(?:各|有关|相关|其他|职能|直属|市直|县直|区直|区级|市级|县级)/;
const LEADING_DENG = /^等/;
const WHITE_SPACE = /\s+/g;
const MEMBER_UNITS = /成员单位/;
const GENERIC_START = /^(?:各级|各|有关|相关|其他)/;
const OPENING_PARENTHESIS = /\(/g;
const CLOSING_PARENTHESIS = /\)/g;

/**
 * Tell whether a name is an undefined generic group (各部门, 有关单位, 其他有关部门（单位）),
 * which names nobody and so is dropped from a list. A defined body (各成员单位 of a
 * group the plan sets up) is not generic.
 *
 * @param name
 *   The name as written, with or without a region prefix.
 * @returns
 *   `true` for a generic group.
 */
export function isGenericGroup(name: string): boolean {
  const cached = GENERIC_CACHE.get(name);
  if (cached !== undefined) return cached;
  const generic = computeIsGenericGroup(name);
  if (GENERIC_CACHE.size >= CACHE_LIMIT) GENERIC_CACHE.clear();
  GENERIC_CACHE.set(name, generic);
  return generic;
}

function computeIsGenericGroup(name: string): boolean {
  const s = name.replace(LEADING_DENG, '').replace(WHITE_SPACE, '');
  if (s === '' || MEMBER_UNITS.test(s)) return false;
  if (GENERIC_START.test(s) && GENERIC.test(s)) return true;
  // The schools themselves, as a set (各中小学校, 各学校, 各级各类学校): nobody in particular.
  if (SCHOOL_SET.test(s)) return true;
  return GENERIC.test(s) && GENERIC_QUALIFIER.test(s) && departmentType(s) === 'other';
}

/**
 * Map a department name to its canonical type, so that plans of different counties
 * can be compared: 区财政局 and 财政部门 → `finance`, 县教体局 → `education`,
 * 各镇街 → `township`, 领导小组办公室 → `leading-group`; `other` when unknown.
 *
 * @param name
 *   The department name as the plan writes it (a region prefix is fine).
 * @returns
 *   The type, e.g. `education`, or `other`.
 */
export function departmentType(name: string): string {
  const cached = TYPE_CACHE.get(name);
  if (cached !== undefined) return cached;
  const type = computeDepartmentType(name);
  if (TYPE_CACHE.size >= CACHE_LIMIT) TYPE_CACHE.clear();
  TYPE_CACHE.set(name, type);
  return type;
}

function computeDepartmentType(name: string): string {
  const s = name.replace(WHITE_SPACE, '').replace(OPENING_PARENTHESIS, '（').replace(CLOSING_PARENTHESIS, '）');
  // The name that ends the string wins (区政府教育督导室 is the inspectorate, not the government);
  // among those, the longest. Every occurrence of every name is tried, by its first character.
  let bestEnd = -1;
  let bestLength = 0;
  let bestType = 'other';
  for (let at = 0; at < s.length; at++) {
    const group = DEPARTMENT_NAMES_BY_FIRST.get(s[at]!);
    if (!group) continue;
    for (const entry of group) {
      if (!s.startsWith(entry.name, at)) continue;
      const end = at + entry.name.length;
      if (end > bestEnd || (end === bestEnd && entry.name.length > bestLength)) {
        bestEnd = end;
        bestLength = entry.name.length;
        bestType = entry.type;
      }
    }
  }
  return bestType;
}
