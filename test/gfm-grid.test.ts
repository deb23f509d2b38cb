// @ts-expect-error: a plain JavaScript module of the rendition scripts
import { buildGrid } from '../scripts/renditions/gfm-grid.mjs';
import { describe, expect, it } from 'vitest';

interface Cell {
  text: string;
  span: number;
  merge: 'restart' | 'continue' | undefined;
}

/** A grid drawn compactly: each cell as its text, `>` for a position spanned from the left, `^` for a vertical continuation; `*` marks a merge's first cell. */
function draw(grid: Cell[][]): string[] {
  return grid.map((row) => row.map((cell) => (cell.span === 0 ? '>' : cell.merge === 'continue' ? '^' : `${cell.text}${cell.merge === 'restart' ? '*' : ''}${cell.span > 1 ? `(${cell.span})` : ''}`)).join(' | '));
}

describe('buildGrid: merged cells of a GFM table rebuilt', () => {
  it.each([
    {
      name: 'should continue empty cells of a grouping column (序号, 工作任务, 牵头单位, 完成时限) downwards',
      rows: [['序号', '工作任务', '具体措施', '牵头单位', '完成时限'], ['1', '优化布局', '修编规划', '县教育局', '2024年12月底前'], ['', '', '新建学校', '', '2025年8月底前'], ['', '', '控制班额', '', '']],
      headerRows: 1,
      drawn: ['序号 | 工作任务 | 具体措施 | 牵头单位 | 完成时限', '1* | 优化布局* | 修编规划 | 县教育局* | 2024年12月底前', '^ | ^ | 新建学校 | ^ | 2025年8月底前*', '^ | ^ | 控制班额 | ^ | ^'],
    },
    {
      name: 'should leave empty cells of other columns empty (a county-wide column without a figure)',
      rows: [['序號', '指標', '小學', '初中', '全縣'], ['1', '骨幹教師數', '0.93', '1.14', ''], ['2', '巩固率', '', '', '97']],
      headerRows: 1,
      drawn: ['序號 | 指標 | 小學 | 初中 | 全縣', '1 | 骨幹教師數 | 0.93 | 1.14 | ', '2 | 巩固率 |  |  | 97'],
    },
    {
      name: 'should read a header row with empty cells as a span over a second header row',
      rows: [['指标名称', '学段', '现状', '分年度目标', '', ''], ['', '', '**2023年**', '**2024年**', '**2025年**', '**2026年**'], ['每百名学生拥有高于规定学历教师数（人）', '小学', '3.92', '≥4.0', '≥4.2', '≥4.4'], ['', '初中', '5.01', '≥5.1', '≥5.3', '≥5.5']],
      headerRows: 2,
      drawn: ['指标名称* | 学段* | 现状 | 分年度目标(3) | > | >', '^ | ^ | **2023年** | **2024年** | **2025年** | **2026年**', '每百名学生拥有高于规定学历教师数（人）* | 小学 | 3.92 | ≥4.0 | ≥4.2 | ≥4.4', '^ | 初中 | 5.01 | ≥5.1 | ≥5.3 | ≥5.5'],
    },
    {
      name: 'should span a category row across the table and merge nothing into or out of it',
      rows: [['序号', '存在问题', '责任单位'], ['**（一）资源配置方面**', '', ''], ['1', '教师不足', '县教育局'], ['2', '场地不足', '']],
      headerRows: 1,
      drawn: ['序号 | 存在问题 | 责任单位', '**（一）资源配置方面**(3) | > | >', '1 | 教师不足 | 县教育局*', '2 | 场地不足 | ^'],
    },
    {
      name: 'should take a header with a unit in brackets by its name (学段（年级）)',
      rows: [['学段（年级）', '数值'], ['小学', '1'], ['', '2']],
      headerRows: 1,
      drawn: ['学段（年级） | 数值', '小学* | 1', '^ | 2'],
    },
  ])('$name', ({ rows, headerRows, drawn }) => {
    const result = buildGrid(rows);
    expect(result.headerRows).toBe(headerRows);
    expect(draw(result.grid)).toEqual(drawn);
  });
});
