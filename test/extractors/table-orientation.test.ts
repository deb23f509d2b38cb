import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../extractors/targets.ts';
import type { Block } from '../../model/document.ts';

/** A table as the readers give it: a header row and data rows, each a block with its cells. */
function table(rows: string[][]): Block[] {
  const header = rows[0]!;
  return rows.map((cells, row) => ({ kind: 'tableRow', text: cells.join('\t'), cells, table: { index: 0, row, header }, location: { line: row + 1 }, sectionPath: [] }));
}

const keys = (blocks: Block[]) => extractTargets(blocks).filter((t) => t.indicator).map((t) => `${t.indicator}|${t.level}|${t.comparator}|${t.value}|${t.unit}|${t.year}|${t.kind}`);

describe('one grid read by what its headers mean, in either orientation', () => {
  const expected = ['R1|primary|=|3.87|人|2023|baseline', 'R1|primary|>=|4.2|人|2025|target', 'R4|primary|=|4.36|平方米|2023|baseline', 'R4|primary|>=|4.5|平方米|2025|target'];
  it.each([
    ['years as columns, indicators as rows', [
      ['指标', '学段', '2023年现状', '2025年目标'],
      ['每百名学生拥有高于规定学历教师数（人）', '小学', '3.87', '≥4.2'],
      ['生均教学及辅助用房面积（平方米）', '小学', '4.36', '≥4.5'],
    ]],
    ['indicators as columns, years as rows', [
      ['学段', '年度', '每百名学生拥有高于规定学历教师数（人）', '生均教学及辅助用房面积（平方米）'],
      ['小学', '2023年（现状）', '3.87', '4.36'],
      ['小学', '2025年', '≥4.2', '≥4.5'],
    ]],
  ])('should read a table with %s', (_, rows) => {
    const found = keys(table(rows));
    expect(found.sort()).toEqual([...expected].sort());
  });

  it('should take a row\'s unit from a 单位 column', () => {
    const found = keys(table([
      ['序号', '评估指标', '单位', '现状（2023年）', '2025年目标'],
      ['1', '特殊教育学校生均公用经费', '元', '6000', '≥6000'],
      ['2', '初中三年巩固率', '%', '97.4', '≥97.5'],
    ]));
    expect(found).toEqual(['G7|all|=|6000|元|2023|baseline', 'G7|all|>=|6000|元|2025|target', 'Q1|all|=|97.4|%|2023|baseline', 'Q1|all|>=|97.5|%|2025|target']);
  });
});

describe('annual documents and columns of figures per level', () => {
  const metadata = { title: '棠溪县2025年义务教育优质均衡发展工作要点', docNumber: null, issuer: null, date: '2025-02-21', region: '棠溪县' };
  it('should read figures per level in a cell, a 实际 column as the state, and a 国家标准 column without a year', () => {
    const found = extractTargets(table([
      ['指标', '2024年实际', '2025年目标', '国家标准'],
      ['每百名学生拥有高于规定学历教师数（人）', '小学4.06；初中5.21', '小学≥4.3；初中≥5.4', '小学≥4.2；初中≥5.3'],
    ]), metadata).map((t) => `${t.indicator}|${t.level}|${t.value}|${t.year}|${t.kind}`);
    expect(found.sort()).toEqual([
      'R1|junior|5.21|2024|baseline', 'R1|junior|5.3|null|target', 'R1|junior|5.4|2025|target',
      'R1|primary|4.06|2024|baseline', 'R1|primary|4.2|null|target', 'R1|primary|4.3|2025|target',
    ]);
  });

  it.each([
    ['棠溪县2025年义务教育优质均衡发展工作要点', 2025],
    ['关于印发2024年度教育督导工作计划的通知', 2024],
    ['丹溪区义务教育优质均衡发展三年行动计划（2024—2026年）', null],
    ['南安市统筹推进义务教育优质均衡发展实施方案', null],
  ])('should read the year of the annual document %s as %s', async (title, year) => {
    const { readAnnualYear } = await import('../../extractors/annual-year.ts');
    expect(readAnnualYear(title)).toBe(year);
  });

  it('should give an annual document\'s year to a figure that states none', () => {
    const found = extractTargets([{ kind: 'paragraph', text: '教师5年360学时培训完成率达到100%。', location: { line: 3 }, sectionPath: ['二、工作要点'] }], metadata);
    expect(found.map((t) => `${t.indicator}|${t.year}`)).toEqual(['G9|2025']);
  });
});

describe('supplyYear', () => {
  it.each([
    ['第三季度：确保新建学校投入使用', '2025年第三季度：确保新建学校投入使用'],
    ['10月底前完成县级自评', '2025年10月底前完成县级自评'],
    ['每年9月开展满意度调查', '每年9月开展满意度调查'],
    ['2026年6月前完成', '2026年6月前完成'],
    ['每季度通报一次', '每季度通报一次'],
  ])('should read %s in a 2025 annual document as %s', async (text, expected) => {
    const { supplyYear } = await import('../../extractors/annual-year.ts');
    expect(supplyYear(text, 2025).text).toBe(expected);
  });

  it('should make an annual document\'s year-less quarters and months its deadlines, quoted as written', async () => {
    const { extractDeadlines } = await import('../../extractors/deadlines.ts');
    const metadata = { title: '棠溪县2025年义务教育优质均衡发展工作要点', docNumber: null, issuer: null, date: '2025-02-21', region: '棠溪县' };
    const found = extractDeadlines([
      { kind: 'paragraph', text: '棠溪县2025年义务教育优质均衡发展工作要点', location: { line: 1 }, sectionPath: [] },
      { kind: 'paragraph', text: '第三季度：确保新建学校投入使用；10月底前完成县级自评。', location: { line: 2 }, sectionPath: [] },
    ], metadata);
    expect([...new Set(found.map((d) => `${d.start}..${d.end}`))]).toEqual(['null..2025', '2025-07..2025-09', 'null..2025-10']);
    expect(found.every((d) => !d.quote.includes('2025年第三') && !d.quote.includes('2025年10月'))).toBe(true);
  });
});

describe('captions, remarks and county-wide columns', () => {
  const blocks = (caption: string, rows: string[][]) => [
    { kind: 'paragraph' as const, text: caption, location: { line: 1 }, sectionPath: [] },
    ...table(rows).map((b) => ({ ...b, location: { line: (b.location.line ?? 0) + 1 } })),
  ];
  it('should give cells the caption\'s year and kind, keep remarks out of the label, read a 全县 column, and skip rows of counts', () => {
    const found = extractTargets(blocks('表1　主要指标现状（2023年）', [
      ['序号', '指标', '小学', '初中', '全县', '备注'],
      ['1', '每百名学生拥有高于规定学历教师数（人）', '3.86', '5.12', '', '小学达标18所，初中达标8所'],
      ['2', '56人及以上大班额（个）', '4', '2', '', '集中在城区学校'],
      ['3', '特殊教育学校生均公用经费（元）', '', '', '7000', ''],
    ])).filter((t) => t.indicator).map((t) => `${t.indicator}|${t.level}|${t.value}|${t.year}|${t.kind}`);
    expect(found).toEqual(['R1|primary|3.86|2023|baseline', 'R1|junior|5.12|2023|baseline', 'G7|all|7000|2023|baseline']);
  });
});

describe('cells of figures in words of their own', () => {
  it('should restate a worded cell under a labelled column with the row\'s quantity', () => {
    const found = keys(table([
      ['序号', '评估指标', '标准要求', '目标值（2026年）'],
      ['2', '每百名学生拥有县级以上骨干教师数', '小学、初中均≥1人', '小学、初中均≥1.2人'],
    ]));
    expect(found).toEqual(['R2|primary|>=|1|人|null|target', 'R2|junior|>=|1|人|null|target', 'R2|primary|>=|1.2|人|2026|target', 'R2|junior|>=|1.2|人|2026|target']);
  });
});

describe('a completion time with words around its date', () => {
  it.each([
    ['2025年秋季学期开学前', 2025],
    ['立行立改，2025年7月底前完成', 2025],
    ['2025年第三季度', 2025],
    ['长期坚持', null],
    ['每年9月', null],
  ])('should give the figures of a row completed %s the year %s', (time, year) => {
    const found = extractTargets(table([
      ['序号', '整改措施', '整改目标', '责任单位', '整改时限'],
      ['1', '补充体育、艺术教师', '每百名学生拥有体育、艺术（美术、音乐）专任教师数小学、初中均达到0.95人', '县教育局', time],
    ]));
    expect(found.filter((t) => t.indicator === 'R3').map((t) => t.year)).toEqual([year, year]);
  });
});

describe('an item number before a year', () => {
  it.each([
    ['1.2026年4月底前，完成全县评估指标摸底测算', [null, '2026-04']],
    ['2.2027年上半年，开展县级自评', ['2027-01', '2027-06']],
  ])('should read %s as an item dated %j', async (text, period) => {
    const { scanDates } = await import('../../extractors/date-scanner.ts');
    const { matchOutline } = await import('../../pipeline/tree/outline.ts');
    expect(scanDates(text).map((d) => [d.start, d.end])).toEqual([period]);
    expect(matchOutline(text)?.level).toBe(3);
  });

  it('should still read 1.2026亿元 as a decimal', async () => {
    const { scanDates } = await import('../../extractors/date-scanner.ts');
    expect(scanDates('投入1.2026亿元')).toEqual([]);
  });
});

describe('a table with one row per county', () => {
  it('should make each dated cell under a planned-time column a deadline, and a result already achieved none', async () => {
    const { extractDeadlines } = await import('../../extractors/deadlines.ts');
    const found = extractDeadlines(table([
      ['序号', '县（市、区）', '学校数（所）', '计划通过省级评估年份', '计划通过国家认定年份'],
      ['1', '嵘城区', '58', '已通过（2023年）', '2025年'],
      ['7', '沙埠县', '57', '2027年', '2028年上半年'],
    ]));
    expect(found.map((d) => [d.start, d.end, d.label])).toEqual([
      [null, '2025', '2025年：嵘城区计划通过国家认定年份'],
      [null, '2027', '2027年：沙埠县计划通过省级评估年份'],
      ['2028-01', '2028-06', '2028年上半年：沙埠县计划通过国家认定年份'],
    ]);
  });
});

describe('a 年度 column of bare years', () => {
  it('should date each row by its year, 基数 as the state', () => {
    const found = keys(table([
      ['年度', '初中三年巩固率（%）', '社会认可度（%）'],
      ['2021（基数）', '95.6', '83.5'],
      ['2023', '≥96', '≥85'],
    ]));
    expect(found).toEqual(['Q1|all|=|95.6|%|2021|baseline', 'S1|all|=|83.5|%|2021|baseline', 'Q1|all|>=|96|%|2023|target', 'S1|all|>=|85|%|2023|target']);
  });
});
