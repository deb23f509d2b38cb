import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../extractors/targets.ts';
import { extractStatementTargets } from '../../extractors/target-statement.ts';
import { findYearMarkers, readSectionYear, readYearLabel } from '../../extractors/target-year.ts';
import type { Block } from '../../model/document.ts';

describe('readSectionYear', () => {
  const cases: Array<{ text: string; expected: number | null }> = [
    { text: '（二）第二阶段（2024年1月—2029年12月）集中攻坚，跨越发展', expected: 2029 },
    { text: '（一）第一阶段（2022年1月至2023年12月）部署推进', expected: 2023 },
    { text: '1.迎接市级综合督导评估（2026年9月—12月）', expected: 2026 },
    { text: '（四）巩固阶段（2027年以后）', expected: null },
    { text: '（一）到2025年的目标', expected: 2025 },
    { text: '（一）科学规划学校布局', expected: null },
    { text: '（一）2024年：夯实基础年', expected: 2024 },
    { text: '（三）第三年（2026年）：全面达标年', expected: 2026 },
    { text: '三、分类评估标准和达标要求（2025年12月底前）', expected: 2025 },
    { text: '（二）2025年目标任务', expected: 2025 },
    { text: '（一）2023年以来的工作成效', expected: null },
    { text: '二、2022年和2024年的对比', expected: null },
    { text: '落实《南安市教育布局专项规划（2020-2035年）》', expected: null },
  ];
  for (const c of cases) {
    it(`should read ${c.text} as ${String(c.expected)}`, () => expect(readSectionYear(c.text)).toBe(c.expected));
  }
});

describe('readYearLabel', () => {
  const cases: Array<{ text: string; expected: number | null }> = [
    { text: '二○二七年', expected: 2027 },
    { text: '二○二二', expected: 2022 },
    { text: '2021年', expected: 2021 },
    { text: '2025年度', expected: 2025 },
    { text: '2021年教育工作要点', expected: null },
  ];
  for (const c of cases) {
    it(`should read the label ${c.text} as ${String(c.expected)}`, () => expect(readYearLabel(c.text)).toBe(c.expected));
  }
});

describe('findYearMarkers', () => {
  it('should skip dates, revisions and years inside other documents’ titles', () => {
    expect(findYearMarkers('2022年8月19日印发，全面落实2022年新修订的《标准（2020—2025年）》').map((m) => m.year)).toEqual([]);
  });
  it('should mark 到2025年 as a deadline and 截至2021年 as a status year', () => {
    expect(findYearMarkers('到2025年，截至2021年').map((m) => [m.year, m.deadline])).toEqual([[2025, true], [2021, false]]);
  });
});

describe('target years and kinds', () => {
  const context = { year: null, kind: null, documentYear: 2022 } as const;
  it('should take the year of 到2025年 for the targets after it in the sentence only', () => {
    const found = extractStatementTargets('社会认可度达到85%以上。到2027年，群众满意度达到95%以上。', context);
    expect(found.map((t) => [t.value, t.year])).toEqual([[85, null], [95, 2027]]);
  });
  it('should switch years within a sentence at each 到YYYY年', () => {
    const found = extractStatementTargets('到2025年，基本消除56人及以上大班额；到2027年，小学、初中所有班级学生数分别不超过45人、50人。', context);
    expect(found.filter((t) => t.indicator === 'G5').map((t) => [t.level, t.value, t.year])).toEqual([
      ['all', 55, 2025], ['primary', 45, 2027], ['junior', 50, 2027],
    ]);
  });
  it('should read a status year before the document year as a baseline', () => {
    const [t] = extractStatementTargets('2021年，全县初中三年巩固率为96.5%。', context);
    expect(t).toMatchObject({ indicator: 'Q1', kind: 'baseline', year: 2021, comparator: '=' });
  });
});

const block = (text: string, extra: Partial<Block> = {}): Block => ({ kind: 'paragraph', text, location: { line: 1 }, sectionPath: [], ...extra });

describe('extractTargets', () => {
  it('should give targets the end year of an enclosing stage heading', () => {
    const [t] = extractTargets([block('四是社会认可度达到 85%以上。', { sectionPath: ['三、规划步骤', '（二）第二阶段（2024年1月—2029年12月）集中攻坚'] })]);
    expect(t).toMatchObject({ indicator: 'S1', year: 2029, line: 1, location: { line: 1 } });
  });
  it('should carry a flattened table’s year and status labels to the paragraphs under them', () => {
    const found = extractTargets([
      block('2021年'), block('教育现状及存在问题'),
      block('全市优质高中招生分配名额占比50%。'),
      block('发展目标'), block('二○二二'), block('年'),
      block('全市初中三年巩固率达到95%以上。'),
    ]);
    expect(found.map((t) => [t.indicator, t.kind, t.year])).toEqual([['G14', 'baseline', 2021], ['Q1', 'target', 2022]]);
  });
  it('should take the year of a table row from its year cell', () => {
    const row = block('二○二五年\t全县初中三年巩固率达到96%以上', {
      kind: 'tableRow', cells: ['二○二五年', '全县初中三年巩固率达到96%以上'], table: { index: 0, row: 1, header: ['年份', '目标'] },
    });
    expect(extractTargets([row])).toEqual([expect.objectContaining({ indicator: 'Q1', value: 96, year: 2025 })]);
  });
  it('should take the year of a table column from its header', () => {
    const row = block('全县初中三年巩固率\t95%以上\t96%以上', {
      kind: 'tableRow', cells: ['全县初中三年巩固率达到95%以上', '达到96%以上'], table: { index: 0, row: 1, header: ['2025年', '2027年'] },
    });
    expect(extractTargets([row]).map((t) => [t.indicator, t.value, t.year])).toEqual([['Q1', 95, 2025], [null, 96, 2027]]);
  });
  it('should read a line continued after a page break and repeated column titles', () => {
    const found = extractTargets([
      block('所有小学、初中规模不超过2000人，九年一贯制学校、十二年一贯制学校义务教育阶段规模不超'),
      block('一级指标'), block('责任部门'),
      block('过2500人；'),
    ]);
    expect(found.filter((t) => t.value === 2500).map((t) => [t.indicator, t.level, t.comparator])).toEqual([
      ['G4', 'nineYear', '<='], ['G4', 'twelveYear', '<='],
    ]);
  });
});
