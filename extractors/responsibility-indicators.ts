/**
 * The national standard's items (教督〔2017〕6号) as the key phrases a plan's task list
 * repeats, so that a row of a 责任清单 can name the indicator it is about.
 */

/** Key phrase of each national indicator, in the order the standard lists them. */
const INDICATOR_PHRASES: readonly [string, RegExp][] = [
  ['R1', /高于规定学历(?:的)?教师数/],
  ['R2', /县级以上骨干教师数/],
  ['R3', /(?:体育、?艺术|体音美|体育、?音乐、?美术).{0,12}专任教师数/],
  ['R4', /教学及辅助用房面积/],
  ['R5', /体育运动场馆面积/],
  ['R6', /教学仪器设备值/],
  ['R7', /网络多媒体教室数/],
  ['R9', /至少\s*6\s*项指标/],
  ['R8', /校际差异系数/],
  ['G1', /规划布局合理/],
  ['G2', /建设标准统一.{0,12}编制标准统一/],
  ['G3', /音乐、?美术专用教室/],
  ['G4', /规模(?:原则上)?不超过\s*2000\s*人/],
  ['G5', /班级学生数|班额/],
  ['G6', /不足\s*100\s*名学生/],
  ['G7', /特殊教育学校生均公用经费/],
  ['G8', /公务员平均工资/],
  ['G9', /360\s*学时/],
  ['G10', /统筹分配各校教职工编制/],
  ['G11', /交流轮岗教师的?比例/],
  ['G12', /教师资格证上岗率/],
  ['G13', /就近划片入学比例/],
  ['G14', /优质高中招生名额分配/],
  ['G15', /随迁子女.{0,30}就读的?比例/],
  ['Q1', /初中三年巩固率/],
  ['Q2', /残疾儿童(?:少年)?入学率/],
  ['Q3', /制定章程/],
  ['Q4', /教师培训经费/],
  ['Q5', /信息化手段组织教学/],
  ['Q6', /德育工作、?校园文化建设/],
  ['Q7', /课程开齐开足/],
  ['Q8', /过重课业负担/],
  ['Q9', /学业水平达到/],
  ['S1', /社会认可度/],
];

/** Any of the key phrases: most tasks state none, and one scan tells. */
const ANY_PHRASE = new RegExp(INDICATOR_PHRASES.map(([, phrase]) => `(?:${phrase.source})`).join('|'));
const WHITE_SPACE = /\s+/g;

/**
 * Name the national indicator a task states, by the standard's own wording.
 *
 * @param task
 *   The task text (a row's 评估内容).
 * @returns
 *   The indicator id (`R1` … `S1`), or `null` when the task is none of them.
 */
export function findTaskIndicator(task: string): string | null {
  const t = task.replace(WHITE_SPACE, '');
  if (!ANY_PHRASE.test(t)) return null;
  for (const [id, phrase] of INDICATOR_PHRASES) if (phrase.test(t)) return id;
  return null;
}
