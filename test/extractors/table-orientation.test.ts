import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../extractors/targets.ts';
import type { Block } from '../../pipeline/types.ts';

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
