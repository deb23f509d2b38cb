import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, DocumentMetadata } from '../../model/document.ts';
import { ingest } from '../../pipeline/ingest/ingest.ts';
import { extractResponsibilities } from '../../extractors/responsibilities.ts';
import { responsibilitySchema, type Responsibility } from '../../model/plan.ts';

const metadata: DocumentMetadata = { title: null, docNumber: null, issuer: null, date: null, region: '某县' };

function paragraph(text: string, line: number, outline?: Block['outline']): Block {
  const block: Block = { kind: 'paragraph', text, location: { line }, sectionPath: [] };
  if (outline) block.outline = outline;
  return block;
}

const names = (r: Responsibility) => r.departments.map((d) => d.name);
const pairs = (rs: Responsibility[]) => rs.map((r) => `${r.departments.map((d) => d.name + (d.role === 'lead' ? '*' : '')).join('、')}`);

describe('extractResponsibilities on sentences and lines', () => {
  const cases: { name: string; text: string; expected: string[] }[] = [
    { name: 'a subject with 要', text: '县教育局要综合人口变化趋势，科学测算学位需求。', expected: ['县教育局'] },
    { name: 'a subject with 在…时要', text: '县自然资源局在编制国土空间规划时要统筹考虑基础教育需求。', expected: ['县自然资源局'] },
    { name: 'two subjects in one sentence', text: '县委编办按编制标准核定编制总量，县人社局按岗位结构比例核定岗位总量。', expected: ['县委编办', '县人社局'] },
    { name: 'a list as subject', text: '县教育局、县财政局要按照“两为主”要求，强化流入地政府责任。', expected: ['县教育局、县财政局'] },
    { name: 'X牵头，Y配合', text: '区创建工作领导小组办公室牵头，区财政局配合，开展模拟自查。', expected: ['区创建工作领导小组办公室*、区财政局'] },
    { name: '牵头会同 a list', text: '县教育局牵头会同县财政局、县公安局等部门，落实职责分工。', expected: ['县教育局*、县财政局、县公安局'] },
    { name: '由X统筹', text: '老城区配套不足的，由当地政府统筹新建配套学校。', expected: ['当地政府'] },
    { name: 'a duty paragraph', text: '区财政局：负责建立教育投入保障机制。配合完善迎检档案。', expected: ['区财政局'] },
    { name: 'a duty paragraph that leads', text: '区教委：负责日常工作运行，牵头开展资源配置工作。', expected: ['区教委*'] },
    { name: 'a group set up to do a task', text: '成立创建工作领导小组，负责创建工作的组织、部署和检查。', expected: ['创建工作领导小组'] },
    { name: 'a group office', text: '领导小组下设办公室，挂靠在县教育局，负责开展日常工作。', expected: ['领导小组办公室'] },
    { name: 'only generic groups', text: '各部门、各单位要按照教育职责，认真研究制定年度工作计划。', expected: [] },
    { name: 'generic groups dropped from a subject', text: '区级有关部门、各乡镇（街道）分工负责，密切合作。', expected: ['各乡镇（街道）'] },
    { name: 'a bare mention', text: '在编制规划时应充分征求县教育局意见。', expected: [] },
    { name: 'an office that is only placed', text: '领导小组办公室设在教育局，主任由县教育局长兼任。', expected: [] },
    { name: 'an addressee line', text: '各乡镇人民政府，县直各单位：', expected: [] },
    { name: 'a subject with 会同 and no modal', text: '县教育局会同县财政局制定生均公用经费拨付办法。', expected: ['县教育局、县财政局'] },
    { name: 'a subject whose verb starts like a unit word', text: '县教育局部署开展校园安全专项检查。', expected: ['县教育局'] },
    { name: 'a named set of sub-district offices', text: '各街道办事处要积极支持辖区学校建设。', expected: ['各街道办事处'] },
    { name: 'a catalogue name with a separator inside', text: '各乡镇人民政府、街道办事处要落实属地责任。', expected: ['各乡镇人民政府、街道办事处'] },
    { name: 'the schools as a set dropped from a subject', text: '县教育局、各中小学校要落实课后服务。', expected: ['县教育局'] },
    { name: 'a named group set up with a task not written with 负责', text: '成立义务教育优质均衡发展创建工作领导小组，统筹推进创建工作。', expected: ['义务教育优质均衡发展创建工作领导小组'] },
    { name: 'an unnamed group set up as a step', text: '成立工作领导小组，明确工作职责和任务。', expected: [] },
    { name: 'a group whose make-up is all that follows', text: '成立区义务教育优质均衡发展工作领导小组，由区长任组长，领导小组办公室设在区教育局。', expected: [] },
    { name: 'an office placed in a unit and given work', text: '领导小组办公室设在县教育局，承担日常工作。', expected: ['领导小组办公室'] },
    { name: 'a numbered duty paragraph', text: '（2）县人社局：负责做好教师招聘工作。', expected: ['县人社局'] },
    { name: 'a duty paragraph numbered with 一是', text: '一是县住建局：负责校舍安全鉴定。', expected: ['县住建局'] },
    { name: '由X牵头，会同a list, then the work', text: '由县教育局牵头，会同县发展和改革局、县自然资源局抓好落实。', expected: ['县教育局*、县发展和改革局、县自然资源局'] },
    { name: '由X牵头，Y配合 (no 由 in the name)', text: '由县教育局牵头，县财政局配合，完成学校建设。', expected: ['县教育局*、县财政局'] },
  ];
  for (const { name, text, expected } of cases) {
    it(`should read ${name}: ${text}`, () => {
      expect(pairs(extractResponsibilities([paragraph(text, 1)], metadata))).toEqual(expected);
    });
  }

  it('should give a 责任单位 line the title of the measure above it', () => {
    const blocks = [
      paragraph('1．优化中小学布局规划。综合考虑城镇化规划。', 1, { level: 3, marker: '1．', title: '优化中小学布局规划' }),
      paragraph('责任单位：各乡镇（街道）人民政府（办事处），市发改局、教育局', 2),
    ];
    const [r] = extractResponsibilities(blocks, metadata);
    expect(r?.task).toBe('1．优化中小学布局规划');
    expect(r?.quote).toBe('责任单位：各乡镇（街道）人民政府（办事处），市发改局、教育局');
    expect(r?.line).toBe(2);
    expect(r?.departments.map((d) => d.name)).toEqual(['各乡镇（街道）人民政府（办事处）', '市发改局', '市教育局']);
  });

  it('should read 牵头单位 as lead and 配合单位 as support', () => {
    const blocks = [
      paragraph('3．消除大班额。', 1, { level: 3, marker: '3．', title: '消除大班额' }),
      paragraph('牵头单位：县教育局；配合单位：县发改局、财政局', 2),
    ];
    const [r] = extractResponsibilities(blocks, metadata);
    expect(r?.departments.map((d) => `${d.name}:${d.role}`)).toEqual(['县教育局:lead', '县发改局:support', '县财政局:support']);
  });

  it('should read a parenthesis that only names who leads and who supports as the measure\'s own', () => {
    const text = '（三）实施教育装备达标行动。按标准配齐教学仪器设备。（区教育局牵头，区财政局、区政府采购中心配合）';
    const rs = extractResponsibilities([paragraph(text, 4, { level: 2, marker: '（三）', title: '实施教育装备达标行动' })], metadata);
    expect(rs.map((r) => r.task)).toEqual(['（三）实施教育装备达标行动']);
    expect(rs[0]?.departments.map((d) => `${d.name}:${d.role}`)).toEqual(['区教育局:lead', '区财政局:support', '区政府采购中心:support']);
  });

  it('should read a role written after a name in a 责任单位 list', () => {
    const blocks = [
      paragraph('2.扩充城区学位供给。', 1, { level: 3, marker: '2.', title: '扩充城区学位供给' }),
      paragraph('责任单位：县教育局（牵头）、县发改局、县财政局', 2),
    ];
    const [r] = extractResponsibilities(blocks, metadata);
    expect(r?.departments.map((d) => `${d.name}:${d.role}`)).toEqual(['县教育局:lead', '县发改局:responsible', '县财政局:responsible']);
  });

  it('should read a flattened table with a 牵头单位 and a 配合单位 column into one row each', () => {
    const lines = ['序号', '重点任务', '牵头单位', '配合单位', '完成时限',
      '1', '新建城南九年一贯制学校，新增学位2700个', '县教育局', '县发改局、县自然资源局', '2024年8月',
      '2', '按标准核定并动态调整中小学教职工编制', '县委编办', '县教育局、县人社局', '2023年6月'];
    const rs = extractResponsibilities(lines.map((t, i) => paragraph(t, i + 1)), metadata);
    expect(rs.map((r) => [r.line, r.departments.map((d) => `${d.name}:${d.role}`).join('、')])).toEqual([
      [7, '县教育局:lead、县发改局:support、县自然资源局:support'],
      [12, '县委编办:lead、县教育局:support、县人社局:support'],
    ]);
  });

  it('should not take a task that holds a header word for a header cell of a flattened table', () => {
    const lines = ['工作任务', '责任单位', '完成时间', '完成全县学校功能室标准化改造', '县教育局、县财政局', '2024年12月底前'];
    const rs = extractResponsibilities(lines.map((t, i) => paragraph(t, i + 1)), metadata);
    expect(rs.map((r) => [r.line, names(r)])).toEqual([[4, ['县教育局', '县财政局']]]);
  });

  it('should read an inline 责任单位 in parentheses as the measure\'s own', () => {
    const text = '5．改善办学条件。加强标准化学校建设。（责任单位：各乡镇（街道），县教育局）';
    const [r] = extractResponsibilities([paragraph(text, 7, { level: 3, marker: '5．', title: '改善办学条件' })], metadata);
    expect(r?.task).toBe('5．改善办学条件');
    expect(r?.departments.map((d) => d.name)).toEqual(['各乡镇（街道）', '县教育局']);
  });

  it('should read a table row: task from the 评估要点 cell, indicator, departments from the 责任 cell', () => {
    const header = ['评估内容', '评估要点', '责任部门', '备注'];
    const row: Block = {
      kind: 'tableRow',
      text: '',
      cells: ['（一）资源配置', '4.生均教学及辅助用房面积：小学、初中分别达到4.5㎡以上、5.8㎡以上。', '区发展改革委、区教委、区财政局', ''],
      table: { index: 0, row: 4, header },
      location: { paragraph: 120 },
      sectionPath: [],
    };
    const headerRow: Block = { ...row, cells: header, table: { index: 0, row: 0, header } };
    const rs = extractResponsibilities([headerRow, row], metadata);
    expect(rs).toHaveLength(1);
    expect(rs[0]?.task).toBe('生均教学及辅助用房面积：小学、初中分别达到4.5㎡以上、5.8㎡以上');
    expect(rs[0]?.indicator).toBe('R4');
    expect(rs[0]?.location).toEqual({ paragraph: 120 });
    expect(rs[0]?.line).toBeUndefined();
    expect(rs[0]?.departments.map((d) => d.name)).toEqual(['区发展改革委', '区教委', '区财政局']);
  });

  it('should give a numbered row with an empty 责任 cell the departments of the numbered row above (a Markdown merged cell)', () => {
    const header = ['评估内容', '评估要点', '责任部门', '备注'];
    const row = (r: number, cells: string[]): Block => ({ kind: 'tableRow', text: cells.join('\t'), cells, table: { index: 0, row: r, header }, location: { line: 10 + r }, sectionPath: [] });
    const rs = extractResponsibilities([
      row(1, ['资源配置', '1.每百名学生拥有高于规定学历教师数：小学、初中分别达到4.2人以上。', '区教委、区人力社保局', '']),
      row(2, ['', '2.每百名学生拥有县级以上骨干教师数：小学、初中均达到1人以上。', '', '']),
      row(3, ['', '7项指标均要达到要求', '', '']),
    ], metadata);
    expect(rs.map((r) => [r.indicator, names(r)])).toEqual([['R1', ['区教委', '区人力社保局']], ['R2', ['区教委', '区人力社保局']]]);
  });

  it('should skip a table without a 责任 column', () => {
    const header = ['年份', '规划工作与达标学校名称'];
    const row: Block = { kind: 'tableRow', text: '', cells: ['2024年', '县教育局完成验收'], table: { index: 0, row: 1, header }, location: { paragraph: 3 }, sectionPath: [] };
    expect(extractResponsibilities([row], metadata)).toEqual([]);
  });
});

describe('extractResponsibilities on a plain-text plan with a flattened table', async () => {
  const doc = await ingest(readFileSync(new URL('../fixtures/responsibilities/flattened-table.txt', import.meta.url)), '.txt');
  const rs = extractResponsibilities(doc.blocks, { ...doc.metadata, region: '某县' });
  const byLine = new Map(rs.map((r) => [r.line, r]));

  it('should return only entries that pass the schema', () => {
    for (const r of rs) expect(responsibilitySchema.safeParse(r).success).toBe(true);
  });

  it('should carry the county prefix across the 责任单位 list', () => {
    expect(byLine.get(5)?.departments.map((d) => d.name)).toEqual(['县发改局', '县教育局', '县财政局', '各乡镇人民政府']);
  });

  it('should add the unit named after 会同 to the subject', () => {
    expect(rs.filter((r) => r.line === 6).map((r) => r.departments.map((d) => d.name).join('、'))).toEqual(['县人社局、县教育局', '县委编办']);
  });

  it('should read 由X牵头，Y配合 with roles', () => {
    expect(byLine.get(8)?.departments.map((d) => `${d.name}:${d.role}`)).toEqual(['县教育局:lead', '县财政局:support']);
  });

  it('should tie each table task line to the 责任 cell after it', () => {
    expect(byLine.get(18)?.departments.map((d) => d.name)).toEqual(['县教育局', '县人社局']);
    expect(byLine.get(18)?.indicator).toBe('R1');
  });

  it('should give a task line without a 责任 cell the merged cell above it', () => {
    expect(byLine.get(21)?.departments.map((d) => d.name)).toEqual(['县教育局', '县人社局']);
  });

  it('should join a 责任 cell that wraps over two lines', () => {
    expect(byLine.get(22)?.departments.map((d) => d.name)).toEqual(['县发改局', '县财政局', '县住建局']);
  });

  it('should not take a note or a category cell for a task', () => {
    expect(byLine.has(20)).toBe(false);
    expect(byLine.has(17)).toBe(false);
  });
});
