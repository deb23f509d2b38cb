import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/ingest.ts';
import type { Block } from '../../model/document.ts';
import { judgeDate, findDocumentYear } from '../../extractors/deadline-context.ts';
import { scanDates } from '../../extractors/date-scanner.ts';
import { extractDeadlines } from '../../extractors/deadlines.ts';

const paragraph = (text: string, line: number): Block => ({ kind: 'paragraph', text, location: { line }, sectionPath: [] });
const pairs = (blocks: Block[], year?: string) =>
  extractDeadlines(blocks, year ? { title: null, docNumber: null, issuer: null, region: null, date: `${year}-06-01` } : undefined)
    .map((d) => [d.start, d.end]);
const judge = (text: string, documentYear: number | null = 2022) => judgeDate(text, scanDates(text)[0]!, documentYear);

describe('judgeDate', () => {
  it.each([
    ['《南安市全市教育布局专项规划（2020-2035年）》', 'title'],
    ['落实《梅州市消除大班额工作方案（2020—2025 年）的通知》', 'title'],
    ['2022年2月18日印发', 'own-date'],
    ['实施方案（2022年修订）', 'issued'],
    ['全面落实2022年新修订的《装备标准》', 'issued'],
    ['截至2022年底，全县共有学校40所', 'status'],
    ['2022年教育现状及存在问题', 'status'],
    ['2022年，全县共有义务教育学校45所', 'status'],
    ['二〇二二年八月十九日', 'own-date'],
    ['我县已于2022年通过基本均衡评估', 'history'],
    ['到2022年，市区会出现个别初中校规模超过2000人的情况', 'forecast'],
    ['2020年小学、初中参加全省质量监测', 'past'],
  ])('should reject %s as %s', (text, reason) => {
    expect(judge(text)).toBe(reason);
  });

  it.each([
    ['力争到2027年，实现义务教育优质均衡发展'],
    ['（一）准备阶段（2021年7月—12月）'],
    ['确保2026年内通过市级督导评估'],
    ['2022年1月至2023年12月完成整改'],
  ])('should accept %s', (text) => {
    expect(judge(text, 2021)).toBeNull();
  });

  it('should keep a deadline whose day is followed by 前', () => {
    expect(judge('2027年6月30日前完成申报')).toBeNull();
  });
});

describe('findDocumentYear', () => {
  it('should fall back to the latest full date when metadata gives none', () => {
    expect(findDocumentYear([paragraph('到2027年完成', 1), paragraph('2021年11月28日', 2)])).toBe(2021);
    expect(findDocumentYear([paragraph('到2027年完成', 1)])).toBeNull();
  });
});

describe('extractDeadlines', () => {
  it.each([
    ['a year heading', ['（一）2024年：启动实施年'], '1.3月底前，成立领导小组。', [[null, '2024-03']]],
    ['a year heading, a range of months after an item number', ['三、年度工作安排', '（一）2024年：启动实施年'], '2.9月—11月，开展县域自评。', [['2024-09', '2024-11']]],
    ['a year heading, a half year', ['第二年（2025年）'], '1.上半年，完成运动场地改造。', [['2025-01', '2025-06']]],
    ['a year heading, a quarter', ['（三）2026年'], '第四季度，启动建设项目。', [['2026-10', '2026-12']]],
    ['a stage heading: its months are not the heading year’s', ['第二阶段（2024年1月—2025年6月）'], '3月底前，完成摸底。', []],
    ['a heading aiming at a year', ['到2025年主要目标'], '3月底前，完成摸底。', []],
    ['a decimal is no item number', ['（一）2024年'], '生均达到1.5月均标准。', []],
  ])('should give months and quarters under %s the heading’s year', (_, sectionPath, text, expected) => {
    const found = extractDeadlines([{ kind: 'paragraph', text, location: { line: 9 }, sectionPath }]);
    expect(found.map((d) => [d.start, d.end])).toEqual(expected);
  });

  it('should read a stage with its year carried over and label it by its name', () => {
    const [d] = extractDeadlines([paragraph('（一）准备阶段（2021年7月—12月）。', 46)]);
    expect(d).toMatchObject({ start: '2021-07', end: '2021-12', label: '准备阶段', line: 46, location: { line: 46 } });
  });

  it('should label a milestone by the verb phrase after its year', () => {
    const found = extractDeadlines([paragraph('确保2026年通过市级督导评估，2027年通过国家督导评估认定。', 29)]);
    expect(found.map((d) => [d.end, d.label])).toEqual([['2026', '通过市级督导评估'], ['2027', '通过国家督导评估认定']]);
  });

  it('should read an open stage as a start without an end', () => {
    expect(pairs([paragraph('（四）巩固阶段（2027年以后）。', 55)])).toEqual([['2027', null]]);
  });

  it('should skip years of the past, of titles and of the document itself', () => {
    const blocks = [
      paragraph('根据《某省教育规划（2020-2035年）》，2020年全市参加质量监测。', 1),
      paragraph('2022年8月19日', 2),
      paragraph('到2025年，基本消除大班额。', 3),
    ];
    expect(pairs(blocks, '2022')).toEqual([[null, '2025']]);
  });

  it('should deduplicate a repeated label and keep the first quote', () => {
    const found = extractDeadlines([paragraph('到2025年，全面消除大班额。', 1), paragraph('到2025年，全面消除大班额。', 9)]);
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(1);
  });

  it('should take a year row with content and skip an empty year row', () => {
    const row = (cells: string[], index: number): Block => ({
      kind: 'tableRow', text: cells.join('\t'), cells, table: { index: 0, row: index }, location: { paragraph: index + 1 }, sectionPath: [],
    });
    const blocks = [
      row(['年份', '规划工作', '学校数'], 0),
      row(['2022—2035年', '2022年至2023年 进一步巩固提高基本均衡水平', ''], 1),
      row(['2022—2035年', '2024年 新店小学、向升小学', '2'], 2),
      row(['2022—2035年', '2031年', ''], 3),
    ];
    expect(pairs(blocks)).toEqual([['2022', '2023'], [null, '2024']]);
  });

  it('should take a lone year cell that heads target text, but not a status year or an empty year', () => {
    const blocks = [
      paragraph('2021年', 1), paragraph('教育现状及存在问题', 2), paragraph('每百名学生拥有骨干教师数全市均值1.02人。', 3),
      paragraph('二○二二', 4), paragraph('年', 5), paragraph('全面落实教师队伍建设改革意见，骨干教师数达到1人以上。', 6),
      paragraph('2031年', 7), paragraph('2032年', 8),
    ];
    expect(pairs(blocks, '2021')).toEqual([[null, '2022']]);
  });

  it('should take a lone date that ends a flattened row when the next line starts another row or section', () => {
    const blocks = [
      paragraph('1', 1), paragraph('新建城南九年一贯制学校，新增学位2700个', 2), paragraph('县教育局', 3), paragraph('2024年8月', 4),
      paragraph('2', 5), paragraph('推进城区学校集团化办学', 6), paragraph('县教育局', 7), paragraph('2025年8月', 8),
      { ...paragraph('五、实施步骤', 9), outline: { level: 1, marker: '五、', title: '实施步骤' } },
    ];
    expect(pairs(blocks, '2023')).toEqual([[null, '2024-08'], [null, '2025-08']]);
  });

  it('should skip a table span flattened right before a row date', () => {
    expect(pairs([paragraph('学校数2022—2035年2022年至2023年进一步巩固提高', 1)])).toEqual([['2022', '2023']]);
  });

  it('should read every form of a plan read from a file', async () => {
    const doc = await ingest(readFileSync(new URL('../fixtures/deadlines/stages.txt', import.meta.url)), '.txt');
    const found = extractDeadlines(doc.blocks, doc.metadata);
    expect(found.map((d) => [d.start, d.end])).toEqual([
      [null, '2028'],
      ['2023-03', '2023-08'],
      ['2023-09', '2027-12'],
      [null, '2027-12'],
      ['2028-01', '2028-12'],
      [null, '2028'],
      ['2029', null],
    ]);
    expect(found.every((d) => typeof d.line === 'number' && d.quote.length > 0)).toBe(true);
  });
});
