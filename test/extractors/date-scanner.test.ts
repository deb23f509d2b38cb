import { describe, expect, it } from 'vitest';
import { parseYear, scanDates } from '../../extractors/date-scanner.ts';

const read = (text: string) => scanDates(text).map((m) => [m.start, m.end]);

describe('scanDates', () => {
  it.each([
    ['（一）准备阶段（2021年7月—12月）。', [['2021-07', '2021-12']]],
    ['（二）创建阶段（2022年1月—2026年8月）。', [['2022-01', '2026-08']]],
    ['（一）第一阶段（2022年1月至2023年12月）部署推进', [['2022-01', '2023-12']]],
    ['2022年至2023年 进一步巩固提高', [['2022', '2023']]],
    ['3.申报国家审核认定（2027年7月）。', [[null, '2027-07']]],
    ['（四）巩固阶段（2027年以后）。', [['2027', null]]],
    ['第三阶段（2025年1月以后）：巩固提升', [['2025-01', null]]],
    ['2025年9月起，全面实施新课程方案', [['2025-09', null]]],
    ['2023.12前完成布局规划修编', [[null, '2023-12']]],
    ['2023.9—2024.6 全面推进', [['2023-09', '2024-06']]],
    ['累计投入2023.5万元', []],
    ['力争2030年底前，全县26所学校', [[null, '2030-12']]],
    ['至 2029 年底，全县所有中小学校', [[null, '2029-12']]],
    ['争取在2025年末全市所有学校', [[null, '2025-12']]],
    ['确保2026年内通过市级督导评估，2027年通过国家督导评估认定。', [[null, '2026'], [null, '2027']]],
    ['到 2025 年，全县残疾儿童少年义务教育入学率', [[null, '2025']]],
    ['二○二七年', [[null, '2027']]],
    ['二〇二五年发展目标', [[null, '2025']]],
    ['2022—2035年', [['2022', '2035']]],
  ])('should read %s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('should read 二○二七年 as 2027', () => {
    expect(parseYear('二○二七')).toBe(2027);
    expect(parseYear('2027')).toBe(2027);
    expect(parseYear('一二三四')).toBeNull();
  });

  it('should take a bare year token only when it is the whole text', () => {
    expect(scanDates('二○二二')).toMatchObject([{ end: '2022', bare: true }]);
    expect(scanDates('2031')).toMatchObject([{ end: '2031', bare: true }]);
    expect(scanDates('第二○二二号')).toEqual([]);
  });

  it.each([
    ['所有小学、初中规模不超过2000人'],
    ['生均教学仪器设备值小学、初中分别达到2000元以上、2500元以上'],
    ['南川府办〔2021〕51号'],
    ['十四五期间'],
    ['2022—2023学年'],
  ])('should find no date in %s', (text) => {
    expect(scanDates(text)).toEqual([]);
  });

  it('should mark a date with a day', () => {
    expect(scanDates('2021年11月28日印发')).toMatchObject([{ end: '2021-11', hasDay: true }]);
  });

  it('should give each mention its offset and text', () => {
    const text = '确保2026年内通过';
    const [m] = scanDates(text);
    expect(m).toMatchObject({ index: 2, raw: '2026年' });
  });
});
