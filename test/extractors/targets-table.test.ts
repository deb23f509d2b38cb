import { describe, expect, it } from 'vitest';
import { FlatTableTracker, readColumnLabel, restateTableRow } from '../../extractors/target-table.ts';
import { extractTargets } from '../../extractors/targets.ts';
import type { Block } from '../../model/document.ts';

const paragraph = (text: string, line: number, sectionPath: string[] = [], outline?: Block['outline']): Block => {
  const block: Block = { kind: 'paragraph', text, location: { line }, sectionPath };
  if (outline) block.outline = outline;
  return block;
};
const key = (t: { indicator: string | null; level: string; value: number; year: number | null; kind: string }) =>
  `${t.indicator}|${t.level}|${t.value}|${t.year}|${t.kind}`;

describe('indicator × year tables', () => {
  it('should read 2021年现状 as a 2021 baseline column and 小学目标 as a target column of primary', () => {
    expect(readColumnLabel('2021年现状')).toEqual({ year: 2021, kind: 'baseline', level: '' });
    expect(readColumnLabel('小学目标')).toEqual({ year: null, kind: 'target', level: '小学' });
    expect(readColumnLabel('2025年')).toEqual({ year: 2025, kind: null, level: '' });
    expect(readColumnLabel('指标名称')).toBeNull();
  });

  it('should restate a bare figure with the row label and the unit in brackets', () => {
    const [figure] = restateTableRow(['生均教学仪器设备值（元）', '小学', '1850'], ['指标', '学段', '2021年现状']);
    expect(figure).toEqual({ text: '生均教学仪器设备值小学1850元', cell: 2, year: 2021, kind: 'baseline' });
  });

  it('should fill the leading cells a continuation line leaves out from the row before', () => {
    const tracker = new FlatTableTracker();
    expect(tracker.observe('指标名称\t学段\t2021年现状\t2025年')).toEqual([]);
    tracker.observe('每百名学生拥有网络多媒体教室数（间）\t小学\t1.9\t2.3');
    expect(tracker.observe('初中\t2.0\t2.4').map((f) => f.text)).toEqual([
      '每百名学生拥有网络多媒体教室数初中2.0间',
      '每百名学生拥有网络多媒体教室数初中2.4间',
    ]);
  });

  it('should extract a flattened table of indicator × year into baselines and yearly targets', () => {
    const blocks = [
      paragraph('指标名称\t学段\t2021年现状\t2024年\t2025年', 1),
      paragraph('资源配置指标校际差异系数\t小学\t0.56\t0.52\t0.50', 2),
      paragraph('初中\t0.51\t0.48\t0.45', 3),
    ];
    const keys = extractTargets(blocks, { title: null, docNumber: null, issuer: null, date: '2022-06-20', region: null }).map(key);
    expect(keys).toEqual([
      'R8|primary|0.56|2021|baseline', 'R8|primary|0.52|2024|target', 'R8|primary|0.5|2025|target',
      'R8|junior|0.51|2021|baseline', 'R8|junior|0.48|2024|target', 'R8|junior|0.45|2025|target',
    ]);
  });
});

describe('context of a list', () => {
  it('should give the year of an introductory line ending in a colon to the items of its list', () => {
    const blocks = [
      paragraph('（一）资源配置。到2025年，全县每所义务教育学校达到以下要求：', 1, [], { level: 2, marker: '（一）', title: '资源配置' }),
      paragraph('1.每百名学生拥有高于规定学历教师数：小学≥4.2人，初中≥5.3人；', 2, ['（一）资源配置'], { level: 3, marker: '1.', title: '每百名学生拥有高于规定学历教师数' }),
      paragraph('（二）政府保障。小学班额不超过45人。', 3, [], { level: 2, marker: '（二）', title: '政府保障' }),
    ];
    expect(extractTargets(blocks).map(key)).toEqual(['R1|primary|4.2|2025|target', 'R1|junior|5.3|2025|target', 'G5|primary|45|null|target']);
  });

  it('should read the figures of a 基本情况 section as baselines', () => {
    const blocks = [paragraph('全县小学、初中每百名学生拥有高于规定学历教师数分别为3.86人、5.02人。', 5, ['一、基本情况'])];
    expect(extractTargets(blocks).map(key)).toEqual(['R1|primary|3.86|null|baseline', 'R1|junior|5.02|null|baseline']);
  });
});
