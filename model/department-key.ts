/**
 * The comparison key of a department name used when scoring: region prefix
 * and common aliases folded (发改局 = 发展改革委 = 发改委), traditional
 * characters simplified, so that names written differently compare equal.
 */

/** Aliases, longest first within a group; each group folds to one token (the shared scorer's tokens, which `plancheck eval --verbose` prints). */
const ALIAS_GROUPS: Array<[RegExp, string]> = [
  [/各?乡镇（街道）人民政府（办事处）|各乡镇人民政府、?街道办事处|各乡镇（街道）|各镇街|各镇人民政府|各乡镇人民政府|各乡镇|各镇|乡镇（街道）/g, '«乡镇街道»'],
  [/各县（区）人民政府|各县（市、区）人民政府|各县市区人民政府|各县市人民政府|各县区人民政府/g, '«下级政府»'],
  [/发展和改革委员会|发展和改革局|发展改革局|发展改革委|发改委|发改局/g, '«发改»'],
  [/教育委员会|教育和体育局|教育体育局|教体局|教委|教育局/g, '«教育»'],
  [/人力资源和社会保障局|人力资源社会保障局|人力社保局|人社局/g, '«人社»'],
  [/规划和自然资源局|规划自然资源局|自然资源和规划局|自然资源局|资源局/g, '«自然资源»'],
  [/住房和城乡建设局|住房城乡建设局|住房城乡建委|住建委|住建局/g, '«住建»'],
  [/卫生健康委员会|卫生健康委|卫生健康局|卫健委|卫健局/g, '«卫健»'],
  [/市场监督管理局|市场监管局|市监局/g, '«市场监管»'],
  [/机构编制委员会办公室|编委办|委编办|编办/g, '«编办»'],
  [/文化广电旅游体育局|文化和旅游局|文体旅局|文旅局/g, '«文旅»'],
  [/团市委|团县委|团区委|共青团\S{0,3}委/g, '«团委»'],
  [/人民政府教育督导室|政府教育督导室|教育督导室|督导室/g, '«督导室»'],
  [/人民政府办公室|政府办公室|政府办/g, '«政府办»'],
  [/财政局/g, '«财政»'],
  [/公安局/g, '«公安»'],
  [/民政局/g, '«民政»'],
];

const TRADITIONAL = '縣區體發財資會劃規務衛業農場監辦編組織傳統戰設廳鄉鎮團聯殘婦關協與員導機構廣電視遊華僑營開經濟貿產總應急審計運輸園領義優質師學紀動勞創書記處網絡圖館藝術環護災險稅認證屬萬東門當專職責維號類黨執';
const SIMPLIFIED = '县区体发财资会划规务卫业农场监办编组织传统战设厅乡镇团联残妇关协与员导机构广电视游华侨营开经济贸产总应急审计运输园领义优质师学纪动劳创书记处网络图馆艺术环护灾险税认证属万东门当专职责维号类党执';
const toSimplified = (text: string) => [...text].map((c) => { const i = TRADITIONAL.indexOf(c); return i >= 0 ? SIMPLIFIED[i]! : c; }).join('');

/**
 * Fold a department name into its comparison key.
 *
 * @param name
 *   The name as written (`市发改局`).
 * @param region
 *   The plan's region (`南安市`), removed wherever it appears (optional).
 */
export function departmentKey(name: string, region?: string): string {
  let key = toSimplified(String(name ?? '').replace(/\s+/g, '').replace(/[（(]/g, '（').replace(/[）)]/g, '）'));
  if (region) key = key.split(toSimplified(region)).join('');
  key = key.replace(/^(重庆市|北京市|上海市|天津市)/, '').replace(/^[\u4e00-\u9fa5]{1,4}(省|自治区)/, '');
  for (const [pattern, token] of ALIAS_GROUPS) key = key.replace(pattern, token);
  const withoutLevel = key.replace(/^(自治县|自治州|自治旗|市委|县委|区委|州委|市|县|区|州|旗)/, '');
  return withoutLevel.length >= 2 ? withoutLevel : key;
}
