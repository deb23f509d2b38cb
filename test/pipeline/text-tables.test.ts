import { describe, expect, it } from 'vitest';
import { cleanText } from '../../pipeline/ingest/clean-text.ts';
import { findTextTables } from '../../pipeline/ingest/text-tables.ts';
import { parseText } from '../../pipeline/ingest/txt/read-txt.ts';

const grid = (text: string) => findTextTables(text.split('\n'), cleanText).map((t) => t.rows.map((row) => row.map((c) => c.text)));

/** One indicator table, written in the shapes a plain text gives it. */
const INDICATOR_ROWS = [
  ['指标名称', '学段', '2023年现状', '2026年目标'],
  ['生均教学及辅助用房面积（平方米）', '小学', '4.12', '≥4.8'],
  ['生均教学及辅助用房面积（平方米）', '初中', '6.35', '≥6.5'],
];

describe('findTextTables', () => {
  it.each([
    ['tab-separated, merged cell left empty', '表1　主要指标\n指标名称\t学段\t2023年现状\t2026年目标\n生均教学及辅助用房面积（平方米）\t小学\t4.12\t≥4.8\n\t初中\t6.35\t≥6.5\n　　正文继续。'],
    ['tab-separated, continuation row without its leading tab', '指标名称\t学段\t2023年现状\t2026年目标\n生均教学及辅助用房面积（平方米）\t小学\t4.12\t≥4.8\n初中\t6.35\t≥6.5'],
    ['one cell per line under a caption, empty cell as an empty line', '表1　主要指标\n指标名称\n学段\n2023年现状\n2026年目标\n生均教学及辅助用房面积（平方米）\n小学\n4.12\n≥4.8\n\n初中\n6.35\n≥6.5\n注：现状为2023年数据。'],
    ['one cell per line, two header rows', '表2　到2026年主要指标\n指标名称\n学段\n现状\n目标\n\n\n2023年\n2026年\n生均教学及辅助用房面积（平方米）\n小学\n4.12\n≥4.8\n\n初中\n6.35\n≥6.5\n　　正文继续。'],
  ])('should rebuild the grid of a table %s', (_, text) => {
    const [table] = grid(text);
    expect(table?.slice(1)).toEqual(INDICATOR_ROWS.slice(1));
    expect(table?.[0]?.[2]).toMatch(/2023年现状/);
    expect(table?.[0]?.[3]).toMatch(/2026年目标/);
  });

  it('should choose the number of columns that keeps each column to one kind of cell', () => {
    const text = '三、责任清单表\n指标\n标准要求\n责任单位\n每百名学生拥有高于规定学历教师数\n小学4.2人以上、初中5.3人以上\n区教育局、区人社局\n生均教学仪器设备值\n小学2000元以上、初中2500元以上\n区教育局、区财政局\n四、进度安排';
    expect(grid(text)[0]?.[0]).toEqual(['指标', '标准要求', '责任单位']);
  });

  it.each([
    ['an outline heading over numbered sentences', '三、任务清单\n1.优化学校布局。修订完善布局规划，确保学校规划布局合理。\n2.改善办学条件。生均教学及辅助用房面积达标。\n3.加强教师队伍建设。'],
    ['a single tab-led cell per line (a Word table saved as text)', '\t一级指标\n\t二级指标\n\t责任部门'],
    ['prose lines', '　　第一段文字。\n　　第二段文字。'],
  ])('should find no table in %s', (_, text) => {
    expect(grid(text)).toEqual([]);
  });

  it('should keep a group row of a tab table as a row spanning the table, not merged into the rows around it', () => {
    const text = '序号\t存在问题\t整改措施\t责任单位\n（一）资源配置方面\n1\t教师不足\t补充教师\t县教育局\n2\t场地不足\t新建运动场\t县财政局';
    const [table] = grid(text);
    expect(table?.[1]).toEqual(['（一）资源配置方面', '（一）资源配置方面', '（一）资源配置方面', '（一）资源配置方面']);
    expect(table?.[2]).toEqual(['1', '教师不足', '补充教师', '县教育局']);
  });

  it('should give the table rows of a text their lines', () => {
    const tree = parseText('标题\n指标\t2023年\t2026年\n班额（人）\t48\t45\n结尾。');
    const table = tree.children.find((n) => n.type === 'table');
    expect(table?.type).toBe('table');
    if (table?.type !== 'table') return;
    expect(table.children.map((row) => row.data?.location?.line)).toEqual([2, 3]);
  });
});

describe('one grid for Markdown tables', () => {
  it('should join a second header row written in the body of a GFM table and fill its merged cells', async () => {
    const { parseMarkdown } = await import('../../pipeline/ingest/md/read-md.ts');
    const { normalizeTables } = await import('../../pipeline/ingest/table-grid.ts');
    const { toString } = await import('mdast-util-to-string');
    const tree = parseMarkdown([
      '| 指标名称 | 学段 | 现状 | 分年度目标 |  |',
      '|---|---|---|---|---|',
      '|  |  | **2023年** | **2024年** | **2026年** |',
      '| 生均教学及辅助用房面积（平方米） | 小学 | 4.12 | ≥4.3 | ≥4.8 |',
      '|  | 初中 | 6.35 |  | ≥6.5 |',
    ].join('\n'));
    normalizeTables(tree, true);
    const table = tree.children.find((n) => n.type === 'table');
    if (table?.type !== 'table') throw new Error('no table');
    const rows = table.children.map((row) => row.children.map((cell) => toString(cell)));
    expect(rows).toEqual([
      ['指标名称', '学段', '2023年现状', '2024年分年度目标', '2026年分年度目标'],
      ['生均教学及辅助用房面积（平方米）', '小学', '4.12', '≥4.3', '≥4.8'],
      ['生均教学及辅助用房面积（平方米）', '初中', '6.35', '', '≥6.5'],
    ]);
  });
});
