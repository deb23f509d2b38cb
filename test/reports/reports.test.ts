import { readdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffPlan } from '../../pipeline/diff.ts';
import { renderBatchReports, renderPlanReports, type ReportFiles } from '../../reports/index.ts';
import { formatCsv } from '../../reports/csv.ts';
import { makeTable } from '../../reports/table.ts';
import { GOLD_NAMES, loadGoldModel, loadNational, readProjectJson, toDocumentModel } from '../diff/load-gold.ts';
import { parseCsv } from './parse-csv.ts';

const national = loadNational();
const text = (files: ReportFiles, name: string): string => {
  const value = files[name];
  if (typeof value !== 'string') throw new Error(`${name} is not text`);
  return value;
};

async function readXlsx(bytes: string | Uint8Array | undefined): Promise<{ rows: string[][]; sheet: ExcelJS.Worksheet }> {
  if (!(bytes instanceof Uint8Array)) throw new Error('not bytes');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const width = sheet.columnCount;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column += 1) {
      const value = row.getCell(column).value;
      cells.push(value === null || value === undefined ? '' : String(value));
    }
    rows.push(cells);
  });
  return { rows, sheet };
}

describe('renderPlanReports', () => {
  let nanan: ReportFiles;
  beforeAll(async () => {
    const model = loadGoldModel('nanan-2022');
    nanan = await renderPlanReports(model, diffPlan(model, national), { name: 'nanan-2022' });
  });

  it('should render every per-plan file', () => {
    expect(Object.keys(nanan).sort()).toEqual([
      'checklists.html', 'checklists.md', 'report.html', 'report.md',
      'responsibilities.csv', 'responsibilities.html', 'responsibilities.xlsx',
    ]);
  });

  it('should put the R3 trajectory and its verdict in report.md', () => {
    const md = text(nanan, 'report.md');
    const row = md.split('\n').find((line) => line.startsWith('| R3 ') && line.includes('| 小学 |'));
    expect(row).toContain('进程：2022 ≥ 0.55 人 → 2025 ≥ 0.75 人 → 2027 ≈ 0.9 人');
    expect(row).toContain('| 2027 | 低于标准 |');
    expect(row).toContain('（第 352 行）');
    expect(md).toContain('| 低于标准 | 4 |');
    expect(md).toContain('## 时间节点');
  });

  it('should make a self-contained A4 HTML report with a CJK font stack', () => {
    const html = text(nanan, 'report.html');
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(/font-family:[^;]*"Noto Sans CJK SC"/);
    expect(html).not.toMatch(/<(link|script)\b|src="http|href="http|@import/);
    expect(html).toMatch(/<tr data-indicator="G5" data-level="primary" data-verdict="weaker">/);
  });

  it('should list a department’s tasks with the targets and deadlines of their passage', () => {
    const md = text(nanan, 'checklists.md');
    expect(md).toContain('## 市教育局');
    const row = md.split('\n').find((line) => line.startsWith('| 2．全面消除大校额和大班额 |'));
    expect(row).toContain('G5 班额（所有班级学生数）（低于标准）');
    expect(row).toContain('G5 全部学段 ≤ 55 人（2025）');
  });

  it('should read back responsibilities.xlsx with the rows of responsibilities.csv and a frozen header', async () => {
    const csv = parseCsv(text(nanan, 'responsibilities.csv'));
    const { rows, sheet } = await readXlsx(nanan['responsibilities.xlsx']);
    expect(rows).toEqual(csv);
    expect(csv[0]!.slice(0, 5)).toEqual(['序号', '任务', '指标', '位置', '原文']);
    expect(csv[1]).toContain('配合');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 2 });
  });
});

describe('escaping document text', () => {
  let files: ReportFiles;
  beforeAll(async () => {
    const model = toDocumentModel(readProjectJson('test/fixtures/reports/hostile-plan.json'));
    files = await renderPlanReports(model, diffPlan(model, national));
  });

  it.each(['report.html', 'responsibilities.html', 'checklists.html'])('should render <script> in the plan as text in %s', (name) => {
    const html = text(files, name);
    expect(html).not.toMatch(/<script|<img|<b>人民政府/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('should render {{x}} in the plan as text', () => {
    expect(text(files, 'report.html')).toContain('{{x}}');
    expect(text(files, 'report.html')).toContain('{{#each x}}');
    expect(text(files, 'checklists.html')).toContain('{{&gt; partial}}');
  });

  it('should keep Markdown inert: no HTML, no emphasis, no links, no broken table', () => {
    const md = text(files, 'report.md');
    expect(md).not.toMatch(/<script|<img/i);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;\\{\\{x\\}\\}');
    expect(md).toContain('\\*强调\\*与\\[链接\\](http://example.invalid)');
    expect(md).toContain('\\| 名额分配比例达到70%');
    const tableRows = md.split('\n').filter((line) => line.startsWith('| G14 '));
    expect(tableRows).toHaveLength(1);
    expect(tableRows[0]!.split(/(?<!\\)\|/)).toHaveLength(9);
    expect(text(files, 'checklists.md')).toContain('1．落实名额分配&lt;script&gt;alert(3)&lt;/script&gt;');
  });

  it('should neutralise cells that a spreadsheet would run as formulas', () => {
    const csv = parseCsv(text(files, 'responsibilities.csv'));
    expect(csv[0]).toContain("'+县财政局");
    expect(csv[0]).toContain("'@县人社局");
  });

  it('should never use triple-stash in a template', () => {
    const folder = new URL('../../templates/', import.meta.url);
    const names = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.hbs'));
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const name of names) expect(readFileSync(new URL(name, folder), 'utf8'), name).not.toMatch(/\{\{\{|\{\{&/);
  });
});

describe('formatCsv', () => {
  it('should write UTF-8 with a BOM, CRLF and RFC 4180 quoting', () => {
    const table = makeTable([{ header: '甲', width: 5 }, { header: '乙', width: 5 }], [['a,b', 'say "hi"'], ['two\nlines', 0.55], [null, '=1+1'], ['-2', -2]]);
    expect(formatCsv(table)).toBe('\uFEFF甲,乙\r\n"a,b","say ""hi"""\r\n"two\nlines",0.55\r\n,\'=1+1\r\n\'-2,-2\r\n');
  });
});

describe('renderBatchReports', () => {
  let batch: ReportFiles;
  beforeAll(async () => {
    batch = await renderBatchReports(GOLD_NAMES.map((name) => {
      const model = loadGoldModel(name);
      return { name, model, diff: diffPlan(model, national) };
    }));
  });

  it('should link every plan’s report and colour a grid of plans × indicators', () => {
    const html = text(batch, 'index.html');
    for (const name of GOLD_NAMES) expect(html).toContain(`href="${name}/report.html"`);
    const cells = html.match(/<td class="cell[^"]*"/g) ?? [];
    expect(cells).toHaveLength(GOLD_NAMES.length * national.indicators.length);
    expect(html).toContain('data-indicator="G14" data-verdict="stricter"');
  });

  it('should write one overview row per plan × indicator × level × year', () => {
    const csv = parseCsv(text(batch, 'overview.csv'));
    const header = csv[0]!;
    const column = (name: string) => header.indexOf(name);
    const r3 = csv.filter((row) => row[0] === 'nanan-2022' && row[1] === 'R3' && row[3] === '小学' && row[column('类型')] === '目标');
    expect(r3.map((row) => [row[column('年份')], row[column('方案数值')], row[column('verdict')], row[column('决定判定')]])).toEqual([
      ['2022', '0.55', 'weaker', '否'],
      ['2025', '0.75', 'weaker', '否'],
      ['2027', '0.9', 'weaker', '是'],
    ]);
    const g14 = csv.find((row) => row[0] === 'qinxian-2021' && row[1] === 'G14')!;
    expect([g14[column('标准数值')], g14[column('判定')], g14[column('原文')], g14[column('位置')]]).toEqual(['50', '高于标准', '全县优质高中招生名额分配比例不低于 80%', '第 33 行']);
  });

  it('should read back overview.xlsx with the same rows as overview.csv', async () => {
    const csv = parseCsv(text(batch, 'overview.csv'));
    const { rows, sheet } = await readXlsx(batch['overview.xlsx']);
    expect(rows).toEqual(csv);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(15).width).toBe(60);
  });
});
