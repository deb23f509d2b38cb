import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/ingest.ts';
import type { Block } from '../../model/document.ts';
import { clauseCovers, extractCoverage, indicatorIds, isBrokenParagraph } from '../../extractors/coverage.ts';
import type { Target } from '../../model/plan.ts';

const paragraph = (text: string, line: number): Block => ({ kind: 'paragraph', text, location: { line }, sectionPath: [] });

describe('clauseCovers', () => {
  it.each([
    ['R1', '小学、中学每百名学生拥有高于规定学历教师数分别达到4人以上'],
    ['R3', '为农村学校配齐配足心理、体育、音乐、美术、信息技术等紧缺学科教师'],
    ['R9', '7项指标中至少6项达到规定要求，余项不低于要求的85%'],
    ['G2', '县域内城乡义务教育学校建设标准统一、教师编制标准统一'],
    ['G3', '所有小学、初中每 12 个班级配备音乐、美术专用教室 1 间以上'],
    ['G3.music', '每间音乐专用教室面积不小于 96 平方米'],
    ['G5', '基本消除56人及以上大班额'],
    ['G6', '对在校生不足100人的公办小学按100人的1.5倍核定生均公用经费'],
    ['G7', '落实义务教育阶段残疾学生生均公用经费标准'],
    ['G8', '教师平均工资收入水平不低于当地公务员平均工资收入水平'],
    ['G11.backbone', '其中骨干教师不低于交流轮岗教师总数的20%'],
    ['G13', '坚持义务教育免试就近入学'],
    ['G14', '优质高中招生名额分配比例不低于50%，并向农村初中倾斜'],
    ['Q1', '全县初中三年巩固率达到95%以上'],
    ['Q8', '切实减轻学生过重课业负担'],
    ['Q9', '相关科目学生学业水平达到Ⅲ级以上'],
    ['Q9.gap', '且校际差异率低于0.15'],
    ['S1', '群众对教育的满意度达95%以上'],
    ['V1', '存在以考试方式招生'],
    ['V3', '严禁办重点校，严禁编重点班'],
    ['V3', '存在重点学校或重点班'],
    ['V4', '存在“有编不补”或长期聘用编外教师的情况'],
  ])('should find %s in %s', (id, clause) => {
    expect(clauseCovers(id, clause)).toBe(true);
  });

  it.each([
    ['Q1', '全县九年义务教育巩固率达到96%以上'],
    ['R1', '小学、中学专任教师本科及以上学历比例分别达到70%、90%'],
    ['G3', '不得挤占体育、音乐、美术等课程课时'],
    ['G3.music', '网络多媒体教室及音乐、美术、综合活动实践室等达标'],
    ['G4', '严控招生计划'],
    ['G12', '深入推进教师资格和定期注册制度改革'],
    ['V4', '探索聘请编外合同教师，实行人员总额管理'],
    ['Q8', '推进落实教师减负'],
    ['G5', '《梅州市消除义务教育学校大班额工作方案》'],
    ['V1', '推进考试招生制度改革'],
    ['R8', '校际差异率低于0.15'],
  ])('should not take %s from %s', (id, clause) => {
    expect(clauseCovers(id, clause)).toBe(false);
  });
});

describe('extractCoverage', () => {
  it('should answer every indicator of the national standard', () => {
    const coverage = extractCoverage([paragraph('一、指导思想', 1)]);
    expect(Object.keys(coverage)).toEqual(indicatorIds);
    expect(indicatorIds).toHaveLength(44);
    expect(Object.values(coverage).every((c) => c.covered === false && c.quote === null && c.location === null)).toBe(true);
  });

  it('should give the first clause that states the requirement and its location', () => {
    const coverage = extractCoverage([paragraph('一、工作目标', 1), paragraph('加强德育工作。全面加强校园文化建设。', 7)]);
    expect(coverage.Q6).toEqual({ covered: true, quote: '加强德育工作', location: { line: 7 } });
  });

  it('should count a target with the indicator as covering it', () => {
    const target: Target = {
      indicator: 'G9', level: 'all', comparator: '>=', value: 100, unit: '%', year: null, kind: 'target',
      quote: '教师学时培训达标100%', location: { line: 3 },
    };
    const coverage = extractCoverage([paragraph('一、工作目标', 1)], [target]);
    expect(coverage.G9).toEqual({ covered: true, quote: '教师学时培训达标100%', location: { line: 3 } });
    expect(coverage.G11.covered).toBe(false);
  });

  it('should read a sentence broken across two paragraphs', () => {
    const first = paragraph('二是加大政府保障力度。不足 100 名学生村小学和教学点按 100 名学生核定公用经费；特殊教', 31);
    const second = paragraph('育学校生均公用经费不低于 6000 元；全县义务教育学校教师平均工资收入水平不低于当地公务员', 33);
    expect(isBrokenParagraph(first, second)).toBe(true);
    expect(extractCoverage([first, second]).G7).toMatchObject({ covered: true, location: { line: 31 } });
  });

  it('should mark only what a partial plan states', async () => {
    const doc = await ingest(readFileSync(new URL('../fixtures/coverage/partial-plan.txt', import.meta.url)), '.txt');
    const coverage = extractCoverage(doc.blocks);
    const covered = Object.entries(coverage).filter(([, c]) => c.covered).map(([id]) => id).sort();
    expect(covered).toEqual(['G11', 'G13', 'G15', 'G5', 'G8', 'Q7', 'Q8', 'V1', 'V3'].sort());
  });
});
