/**
 * The columns of a school list, found by their Chinese headers. Each concept has aliases;
 * a header matches the concept whose alias it contains, the longest alias winning (县级以上
 * 骨干教师数 is the backbone column, not a 教师数 column), after dropping spaces, punctuation
 * and bracketed notes (体育、艺术（美术、音乐）专任教师数 → 体育艺术专任教师数). A unit in the header
 * scales the cells: 教学仪器设备值（万元） multiplies by 10,000.
 */

/** What a column holds. */
export type Concept =
  | 'name' | 'level' | 'students' | 'primaryStudents' | 'juniorStudents'
  | 'qualified' | 'backbone' | 'peArt' | 'pe' | 'music' | 'art'
  | 'teachingArea' | 'sportsArea' | 'equipment' | 'multimedia';

/** The aliases of each concept, and its Chinese label for messages. */
export const CONCEPTS: Record<Concept, { label: string; aliases: string[] }> = {
  name: { label: '学校名称', aliases: ['学校名称', '学校', '校名', '学校全称', '单位名称'] },
  level: { label: '学段', aliases: ['学段', '学校类型', '办学类型', '学校类别'] },
  students: { label: '学生数', aliases: ['学生数', '在校生数', '在校学生数', '学生人数', '在校生人数'] },
  primaryStudents: { label: '小学学生数', aliases: ['小学学生数', '小学在校生数', '小学部学生数', '小学段学生数', '小学在校学生数'] },
  juniorStudents: { label: '初中学生数', aliases: ['初中学生数', '初中在校生数', '初中部学生数', '初中段学生数', '初中在校学生数'] },
  qualified: { label: '高于规定学历教师数', aliases: ['高于规定学历教师数', '高于规定学历专任教师数', '高学历教师数'] },
  backbone: { label: '县级以上骨干教师数', aliases: ['县级以上骨干教师数', '县级及以上骨干教师数', '骨干教师数'] },
  peArt: { label: '体育、艺术专任教师数', aliases: ['体育艺术专任教师数', '体艺专任教师数', '体育艺术教师数'] },
  pe: { label: '体育专任教师数', aliases: ['体育专任教师数', '体育教师数'] },
  music: { label: '音乐专任教师数', aliases: ['音乐专任教师数', '音乐教师数'] },
  art: { label: '美术专任教师数', aliases: ['美术专任教师数', '美术教师数'] },
  teachingArea: { label: '教学及辅助用房面积', aliases: ['教学及辅助用房面积', '教学及教学辅助用房面积', '教学辅助用房面积'] },
  sportsArea: { label: '体育运动场馆面积', aliases: ['体育运动场馆面积', '运动场馆面积', '体育场馆面积'] },
  equipment: { label: '教学仪器设备值', aliases: ['教学仪器设备值', '教学仪器设备总值', '仪器设备值'] },
  multimedia: { label: '网络多媒体教室数', aliases: ['网络多媒体教室数', '多媒体教室数', '网络多媒体教室'] },
};

const ALIASES: Array<{ concept: Concept; alias: string }> = (Object.entries(CONCEPTS) as Array<[Concept, { aliases: string[] }]>)
  .flatMap(([concept, { aliases }]) => aliases.map((alias) => ({ concept, alias })))
  .sort((a, b) => b.alias.length - a.alias.length);

/**
 * A header without spaces, punctuation and bracketed notes.
 *
 * @param header
 *   The header as written.
 */
export function normalizeHeader(header: string): string {
  return header
    .replace(/[（(【\[][^）)】\]]*[）)】\]]/g, '')
    .replace(/[\s、，,/／·.。：:;；_\-—]+/g, '');
}

/**
 * The concept a header names, if any.
 *
 * @param header
 *   The header as written.
 * @returns
 *   The concept, or null.
 */
export function matchHeader(header: string): Concept | null {
  const text = normalizeHeader(header);
  if (text === '' || text.length > 40) return null;
  for (const { concept, alias } of ALIASES) {
    if (text === alias || text.includes(alias)) {
      // 学校 alone matches many headers (学校类型, 学校名称): only as the whole header.
      if (alias === '学校' && text !== alias) continue;
      return concept;
    }
  }
  return null;
}

/**
 * What a header's unit multiplies its cells by: 万元 → 10,000, 千元 → 1,000, else 1.
 *
 * @param header
 *   The header as written.
 */
export function unitFactor(header: string): number {
  if (/万元/.test(header)) return 10_000;
  if (/千元/.test(header)) return 1_000;
  return 1;
}
