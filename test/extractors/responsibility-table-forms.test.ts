import { describe, expect, it } from 'vitest';
import { extractResponsibilities } from '../../extractors/responsibilities.ts';
import { parseText } from '../../pipeline/ingest/txt/read-txt.ts';
import { markOutline } from '../../pipeline/tree/structure.ts';
import { toBlocks } from '../../model/blocks.ts';

const metadata = { title: null, docNumber: null, issuer: null, date: null, region: '青梧县' };
const read = (text: string) => {
  const tree = parseText(text);
  markOutline(tree);
  return extractResponsibilities(toBlocks(tree), metadata).map((r) => `${r.task}: ${r.departments.map((d) => `${d.name}/${d.role}`).join(' ')}`);
};

describe('responsibility tables in every form a text gives them', () => {
  const matrix = ['序号\t重点任务\t县教育局\t县财政局\t县住建局', '1\t学校布局规划编制\t★\t\t○', '2\t教师工资待遇保障\t○\t★\t'];
  it.each([
    ['tab-separated', `附件3 重点任务责任矩阵\n${matrix.join('\n')}\n注：★表示牵头单位，○表示配合单位。`],
    ['one cell per line', `附件3 重点任务责任矩阵\n${matrix.map((row) => row.split('\t').join('\n')).join('\n')}\n注：★表示牵头单位，○表示配合单位。`],
  ])('should read a ★/○ matrix written %s, an unmarked cell assigning nothing', (_, text) => {
    expect(read(text)).toEqual(['学校布局规划编制: 县教育局/lead 县住建局/support', '教师工资待遇保障: 县教育局/support 县财政局/lead']);
  });

  it('should read a department-duty table, lead where the duties say 牵头', () => {
    const text = '部门职责清单\n序号\t单位\t主要职责\n1\t县教育局\t牵头负责全县攻坚工作；负责迎评资料收集。\n2\t县财政局\t负责落实义务教育经费保障机制。';
    expect(read(text)).toEqual(['牵头负责全县攻坚工作；负责迎评资料收集: 县教育局/lead', '负责落实义务教育经费保障机制: 县财政局/responsible']);
  });
});

describe('a note closing a work item of a bureau', () => {
  it('should read 责任股室 as responsible (牵头 as lead), 配合部门 as support, units the catalogue does not know included', () => {
    const found = read('1.加快学校建设和学位扩容。完成布局专项规划修编。（责任股室：计财股（牵头）、基础教育股；配合部门：县发展改革局、县住建局；完成时间：2025年8月）');
    expect(found).toEqual(['1.加快学校建设和学位扩容: 计财股/lead 基础教育股/responsible 县发展改革局/support 县住建局/support']);
  });
});

describe('labels in brackets', () => {
  it.each([
    ['【责任单位】县财政局（牵头），县人社局、县教育局'],
    ['〔责任单位〕县财政局（牵头），县人社局、县教育局'],
    ['责任单位:县财政局(牵头),县人社局,县教育局'],
  ])('should read %s after a measure', (line) => {
    expect(read(`8．保障教师工资待遇。建立工资收入同步调整机制。\n${line}`)).toEqual(['8．保障教师工资待遇: 县财政局/lead 县人社局/responsible 县教育局/responsible']);
  });
});

describe('names and duty tables of other hands', () => {
  it('should keep the other kinds of a set of governments in its name (各镇（区）)', () => {
    expect(read('各镇（区）要切实履行属地责任，做好学校建设用地保障和控辍保学等工作。')).toEqual(['切实履行属地责任，做好学校建设用地保障和控辍保学等工作: 各镇（区）/responsible']);
  });

  it('should read a duty table whose units stand under 责任单位, lead where the duty says 牵头', () => {
    const text = '部门职责清单\n序号\t责任单位\t工作职责\n1\t县财政局\t牵头落实义务教育经费投入。\n2\t县残疾人联合会\t配合做好残疾儿童少年入学安置。';
    expect(read(text)).toEqual(['牵头落实义务教育经费投入: 县财政局/lead', '配合做好残疾儿童少年入学安置: 县残疾人联合会/responsible']);
  });
});

describe('quotes and partners', () => {
  it('should quote a table row whole, its cells tab-separated', () => {
    const text = '重点项目计划表\n序号\t项目名称\t建设内容\t完成时间\t责任单位\n2\t县第二初级中学扩建工程\t扩建教学综合楼，改造运动场\t2024年12月\t县教育局、县财政局';
    const tree = parseText(text);
    markOutline(tree);
    const [r] = extractResponsibilities(toBlocks(tree), metadata);
    expect(r?.quote).toBe('2\t县第二初级中学扩建工程\t扩建教学综合楼，改造运动场\t2024年12月\t县教育局、县财政局');
  });

  it('should read the units after 牵头，会同 as supporting the lead', () => {
    expect(read('第十九条　县人社局牵头，会同县教育局、县委编办制定义务教育教师公开招聘计划。')).toEqual(['制定义务教育教师公开招聘计划: 县人社局/lead 县教育局/support 县委编办/support']);
  });
});

describe('responsibility forms (issue 9, class 5)', () => {
  it.each([
    ['ASCII punctuation', '1.优化布局。修编规划。\n责任单位:县教育局,县发改局', '1.优化布局: 县教育局/responsible 县发改局/responsible'],
    ['a lead in brackets', '1.优化布局。修编规划。\n责任单位：县教育局(牵头),县委编办', '1.优化布局: 县教育局/lead 县委编办/responsible'],
    ['a parenthesis of labels', '1.优化布局。修编规划。（牵头单位：县教育局　责任单位：县财政局、县住建局）', '1.优化布局: 县教育局/lead 县财政局/responsible 县住建局/responsible'],
    ['由X负责', '新建住宅小区配套学校由县住建局负责监管。', '负责监管: 县住建局/responsible'],
    ['X要…', '县财政局要足额落实生均公用经费。', '足额落实生均公用经费: 县财政局/responsible'],
    ['X会同Y…', '县教育局会同县财政局制定教师培训计划。', '制定教师培训计划: 县教育局/responsible 县财政局/support'],
    ['a region prefix carried across a list', '1.优化布局。修编规划。\n责任单位：县发改局、教育局、财政局', '1.优化布局: 县发改局/responsible 县教育局/responsible 县财政局/responsible'],
  ])('should read %s', (_, text, expected) => {
    expect(read(text)).toEqual([expected]);
  });
});

describe('a 责任单位 line that closes a section', () => {
  it('should be the whole section\'s when none of its measures names its own units', () => {
    const text = '（二）改善办学条件\n1．补齐校舍缺口。新建教学楼。\n2．配齐教学装备。更新实验设备。\n责任单位：县教育局、县财政局\n（三）加强教师队伍建设\n1．补充教师。';
    expect(read(text)).toEqual(['（二）改善办学条件: 县教育局/responsible 县财政局/responsible']);
  });

  it('should stay the last measure\'s when a measure before it names its own units', () => {
    const text = '（二）改善办学条件\n1．补齐校舍缺口。新建教学楼。\n责任单位：县住建局\n2．配齐教学装备。更新实验设备。\n责任单位：县教育局\n（三）加强教师队伍建设';
    expect(read(text)).toEqual(['1．补齐校舍缺口: 县住建局/responsible', '2．配齐教学装备: 县教育局/responsible']);
  });
});
