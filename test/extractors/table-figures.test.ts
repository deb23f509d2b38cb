import { describe, expect, it } from 'vitest';
import { scanDates } from '../../extractors/date-scanner.ts';
import { extractResponsibilities } from '../../extractors/responsibilities.ts';
import { findSentenceResponsibilities } from '../../extractors/responsibility-sentences.ts';
import { isFigureCell, readColumnLabel, restateTableRow } from '../../extractors/target-table.ts';
import { extractTargets } from '../../extractors/targets.ts';
import type { Block } from '../../model/document.ts';

function lines(...texts: string[]): Block[] {
  return texts.map((text, i) => ({ kind: 'paragraph', text, location: { line: i + 1 }, sectionPath: [] }));
}

describe('table figures, tab tables, seasons and group heads', () => {
  it('should read 现状（2022年） as a baseline column of 2022', () => {
    expect(readColumnLabel('现状（2022年）')).toEqual({ year: 2022, kind: 'baseline', level: '' });
  });

  it('should read a column headed 初中 as a level column', () => {
    expect(readColumnLabel('初中')).toEqual({ year: null, kind: null, level: '初中' });
  });

  it('should take a figure wrapped in comparator words as a figure cell', () => {
    expect(['力争不低于4.2', '1以上', '控制在0.50以内', '保持在97%以上', '提高到95'].map(isFigureCell)).toEqual([true, true, true, true, true]);
    expect(isFigureCell('每百名学生拥有高于规定学历教师数4.2人以上')).toBe(false);
  });

  it('should give each figure under 小学 and 初中 columns its column level', () => {
    const found = restateTableRow(['音乐、美术专用教室', '每12个班级各1间以上', '每12个班级各1间以上'], ['项目', '小学', '初中']);
    expect(found.map((s) => s.columnLevel)).toEqual(['primary', 'junior']);
  });

  it('should read the figures of a tab-separated table with worded cells and a 现状 column', () => {
    const targets = extractTargets(lines(
      '指标\t学段\t现状（2022年）\t2024年\t2026年',
      '资源配置指标校际差异系数\t初中\t0.47\t0.46\t控制在0.45以内',
      '教师5年360学时培训完成率（%）\t全区\t96.5\t100\t100',
    ), { title: null, docNumber: null, issuer: null, date: '2023-08-16', region: null });
    const keys = targets.filter((t) => t.indicator).map((t) => `${t.indicator}|${t.level}|${t.comparator}|${t.value}|${t.year}|${t.kind}`);
    expect(keys).toEqual(expect.arrayContaining([
      'R8|junior|=|0.47|2022|baseline', 'R8|junior|<=|0.45|2026|target', 'G9|all|=|100|2024|target', 'G9|all|=|100|2026|target',
    ]));
  });

  it('should read a stage from 2025年秋季 to 2026年12月 as one period', () => {
    expect(scanDates('评估验收阶段（2025年秋季至2026年12月）').map((d) => [d.start, d.end])).toEqual([['2025', '2026-12']]);
  });

  it('should read the rows of a tab-separated task table with lead and support columns', () => {
    const found = extractResponsibilities(lines(
      '序号\t工作任务\t牵头单位\t责任单位\t完成时限',
      '1\t编制全区中小学布局专项规划\t区教育局\t区自然资源局、各街道办事处\t2023年12月',
    ), { title: null, docNumber: null, issuer: null, date: null, region: '临溪区' });
    expect(found).toHaveLength(1);
    expect(found[0]!.task).toBe('编制全区中小学布局专项规划');
    expect(found[0]!.departments.map((d) => `${d.name}:${d.role}`)).toEqual(['区教育局:lead', '区自然资源局:responsible', '各街道办事处:responsible']);
  });

  it('should not take 由县长任组长的领导小组 as a department given a task', () => {
    const found = findSentenceResponsibilities('县政府成立由县长任组长的创建工作领导小组，领导小组办公室设在县教育局，负责日常协调。', { region: '柘岭县' });
    expect(found.flatMap((r) => r.departments.map((d) => d.name))).toEqual(['领导小组办公室']);
  });
});
