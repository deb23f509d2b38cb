/**
 * The reports as users get them, checked on the pipeline's own output for the
 * corpus plans (rendered HTML queried as a DOM, XLSX read back with exceljs),
 * and on hand-made models where the corpus has no such case. Numbers refer to
 * the points of issue #10.
 */
import { readdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffPlan } from '../../pipeline/diff/diff.ts';
import { loadStandard } from '../../model/standard.ts';
import { renderBatchIndex, renderPlanReports, summarizeForBatch, type ReportFiles } from '../../reports/index.ts';
import { formatCsv } from '../../reports/csv.ts';
import { makeTable } from '../../reports/table.ts';
import { loadNational, readProjectJson, toDocumentModel } from '../diff/load-gold.ts';
import { attr, byId, cells, parseHtml, query, text } from './dom.ts';
import { parseCsv } from './parse-csv.ts';
import { fileText, renderCorpus, renderCorpusBatch, TXT_PLANS, type Rendered } from './pipeline-reports.ts';

const national = loadNational();

async function readXlsx(bytes: string | Uint8Array | undefined): Promise<{ rows: string[][]; sheet: ExcelJS.Worksheet }> {
  if (!(bytes instanceof Uint8Array)) throw new Error('not bytes');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const width = sheet.columnCount;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: string[] = [];
    for (let column = 1; column <= width; column += 1) {
      const value = row.getCell(column).value;
      values.push(value === null || value === undefined ? '' : String(value));
    }
    rows.push(values);
  });
  return { rows, sheet };
}

const row = (html: string, id: string) => byId(parseHtml(html), id);
const verdictOf = (html: string, id: string) => attr(row(html, id), 'data-verdict');

describe('report.html on the corpus as extracted', () => {
  let nanan: Rendered;
  let qinxian: Rendered;
  let haicheng: Rendered;
  let jiaoling: Rendered;
  beforeAll(async () => {
    [nanan, qinxian, haicheng, jiaoling] = await Promise.all(['nanan-2022.txt', 'qinxian-2021.txt', 'haicheng.txt', 'jiaoling-2022.txt'].map((path) => renderCorpus(path)));
  });

  it('1: shows a hedged figure as 表述留有余地 with its word, never 达到标准', () => {
    const html = fileText(nanan.files, 'report.html');
    const g4 = row(html, 'v-G4-primary');
    expect(attr(g4, 'data-verdict')).toBe('hedged');
    expect(text(g4)).toContain('表述留有余地：“基本”');
    expect(text(cells(g4)[5]!)).toBe('表述留有余地');
    // The extractor's hedge as it is; a hedge the verdict layer read from the sentence is marked so.
    const g4Hedge = nanan.model.targets.find((t) => t.indicator === 'G4' && t.hedge)?.hedge;
    if (g4Hedge) expect(text(g4)).not.toContain('据原文判断');
    const r7 = row(fileText(qinxian.files, 'report.html'), 'v-R7-junior');
    expect(attr(r7, 'data-verdict')).toBe('hedged');
    const r7Hedge = qinxian.model.targets.find((t) => t.indicator === 'R7' && t.level === 'junior')!.hedge;
    expect(text(r7).includes('（据原文判断）')).toBe(r7Hedge === undefined);
    expect(verdictOf(fileText(haicheng.files, 'report.html'), 'v-G4-primary')).toBe('hedged');
    const q = parseHtml(fileText(qinxian.files, 'report.html'));
    const hedged = query(q, 'tr', { 'data-verdict': 'hedged' });
    expect(hedged.length).toBeGreaterThanOrEqual(16);
    for (const tr of hedged) expect(text(tr)).not.toMatch(/达到标准|严于标准/);
    // Counted apart in the summary.
    expect(text(byId(parseHtml(html), 'summary'))).toMatch(/表述留有余地 ?5/);
  });

  it('2: decides Nan’an’s G5 at 2027 by its commitment to the standard, with the quote', () => {
    const g5 = row(fileText(nanan.files, 'report.html'), 'v-G5-primary');
    expect(attr(g5, 'data-verdict')).toBe('byReference');
    const [, , standard, plan, year, verdict, quote] = cells(g5).map(text);
    expect(standard).toContain('≤ 45 人');
    expect(plan).toContain('方案承诺达到国家标准');
    expect(plan).toContain('此前未达标准：2025 ≤ 55 人');
    expect(year).toBe('2027');
    expect(verdict).toBe('承诺达到国家标准');
    expect(quote).toContain('学校规模和班额达到国家标准要求');
  });

  it('3: shows the 一票否决 items as 方案明令禁止 / 未提及, apart from coverage and the gap count', () => {
    const doc = parseHtml(fileText(jiaoling.files, 'report.html'));
    const v3 = byId(doc, 'c-V3');
    expect(text(v3)).toContain('方案明令禁止');
    expect(text(v3)).toContain('严禁办重点校');
    expect(text(byId(doc, 'c-V2'))).toContain('未提及');
    expect(query(byId(doc, 'coverage'), 'tr', { 'data-indicator': /^V/ })).toHaveLength(0);
    expect(query(byId(doc, 'vetoes'), 'tr', { 'data-indicator': /^V/ })).toHaveLength(6);
    expect(text(byId(doc, 'summary'))).toContain(`问题合计${jiaoling.diff.gaps}`);
    expect(text(byId(doc, 'problems'))).not.toMatch(/V\d/);
  });

  it('4: shows the evidence of a 未设目标 row and the plan’s own measure as 另设指标', () => {
    const html = fileText(nanan.files, 'report.html');
    const r4 = row(html, 'v-R4-primary');
    expect(attr(r4, 'data-verdict')).toBe('missing');
    expect(text(cells(r4)[3]!)).toContain('另设指标：2022 ≥ 76% → 2025 ≥ 80% → 2027 ≥ 85%');
    expect(text(cells(r4)[6]!)).toContain('达标率');
    const q4 = row(html, 'v-Q4-all');
    expect(text(q4)).toContain('另设指标');
    expect(text(q4)).toContain('工资总额');
    // Every 未设目标 row the model marks covered shows a quote.
    const doc = parseHtml(html);
    const missing = query(byId(doc, 'verdicts'), 'tr', { 'data-verdict': 'missing' })
      .filter((tr) => nanan.model.coverage[attr(tr, 'data-indicator')!]?.covered);
    expect(missing.length).toBeGreaterThan(5);
    for (const tr of missing) expect(query(cells(tr)[6]!, 'span', { class: 'quote' }).length, attr(tr, 'id')).toBeGreaterThan(0);
  });

  it('5: flags 前后不一 with the undated value read against the plan’s target year, and reads stricter wordings', () => {
    const q1 = row(fileText(qinxian.files, 'report.html'), 'v-Q1-all');
    expect(attr(q1, 'data-verdict')).toBe('conflicting');
    expect(text(q1)).toContain('未注明年份（方案总目标 2030） ≥ 99%');
    expect(query(cells(q1)[6]!, 'span', { class: 'quote' })).toHaveLength(2);
    const h = fileText(haicheng.files, 'report.html');
    expect(verdictOf(h, 'v-R9-all')).toBe('stricter');
    expect(text(row(h, 'v-R9-all'))).toContain('项项达标、校校达标');
    expect(text(row(h, 'v-R1-primary'))).toContain('未注明年份，方案总目标 2027');
    expect(text(parseHtml(h))).toContain('方案的目标均未注明年份，按方案总目标 2027 年判定');
    const g6 = row(fileText(nanan.files, 'report.html'), 'v-G6-all');
    expect(text(g6)).toContain('≥ 150 人按 100 人 的 1.5 倍 计');
    expect(attr(g6, 'data-verdict')).toBe('stricter');
  });

  it('6: words every verdict so that it reads right for ≤ and ≥ indicators', async () => {
    const all = [nanan, qinxian, haicheng, jiaoling, await renderCorpus('nanchuan-2021.txt')];
    for (const plan of all) {
      for (const [name, content] of Object.entries(plan.files)) {
        if (typeof content === 'string') expect(content, `${plan.name} ${name}`).not.toMatch(/(?<!不)低于标准|高于标准/);
      }
      const labels = new Set(query(parseHtml(fileText(plan.files, 'report.html')), 'span', { class: 'verdict' }).map(text));
      for (const label of labels) expect(['达到标准', '严于标准', '未达标准', '表述留有余地', '承诺达到国家标准', '前后不一', '未设目标', '已覆盖', '部分覆盖', '未覆盖', '方案明令禁止', '未提及']).toContain(label);
    }
    // 班额 ≤ 55 against ≤ 45 is 未达标准.
    const below = fileText(nanan.files, 'report.html');
    expect(text(row(below, 'v-G5-primary'))).toContain('此前未达标准：2025 ≤ 55 人');
  });

  it('8: does not count a quote that states neither part as coverage, and names the parts of a compound item', () => {
    const q3 = row(fileText(jiaoling.files, 'report.html'), 'c-Q3');
    expect(attr(q3, 'data-verdict')).toBe('notCovered');
    expect(text(q3)).toContain('所引原文未写明此项，不计覆盖');
    expect(text(q3)).toContain('班班通');
    // The best evidence, not the first match: Haicheng's model quotes a sentence without 章程.
    const h = row(fileText(haicheng.files, 'report.html'), 'c-Q3');
    expect(attr(h, 'data-verdict')).toBe('covered');
    expect(text(cells(h)[3]!)).toMatch(/章程.*信息化/);
    const nananQ3 = row(fileText(nanan.files, 'report.html'), 'c-Q3');
    expect(attr(nananQ3, 'data-verdict')).toBe('partial');
    expect(text(nananQ3)).toContain('学校制定章程：未写明');
    expect(text(nananQ3)).toContain('管理与教学信息化：已写明');
  });

  it('13: links each report back to the index and to its matrix and checklists', () => {
    const doc = parseHtml(fileText(nanan.files, 'report.html'));
    const links = query(doc, 'nav').flatMap((nav) => query(nav, 'a')).map((a) => attr(a, 'href'));
    expect(links).toEqual(['../index.html', 'report.html', 'responsibilities.html', 'checklists.html']);
  });

  it('14: puts the 问题清单 first, most serious first, in Chinese, linked to the rows', () => {
    const doc = parseHtml(fileText(nanan.files, 'report.html'));
    const sections = query(doc, 'section').map((section) => attr(section, 'id'));
    expect(sections[0]).toBe('problems');
    const items = query(byId(doc, 'problems'), 'li');
    expect(items).toHaveLength(nanan.diff.problems.length);
    const order = items.map((li) => text(query(li, 'span', { class: 'verdict' })[0]!));
    const weight = ['未达标准', '表述留有余地', '前后不一', '未设目标', '未覆盖', '部分覆盖'];
    expect(order.map((label) => weight.indexOf(label))).toEqual([...order.map((label) => weight.indexOf(label))].sort((a, b) => a - b));
    expect(order[0]).toBe('未达标准');
    for (const li of items) {
      const href = attr(query(li, 'a')[0]!, 'href')!;
      expect(byId(doc, href.slice(1))).toBeTruthy();
    }
    const messages = text(byId(doc, 'messages'));
    expect(messages).not.toMatch(/diff-|\[|Unexpected|Missing/);
    const md = fileText(nanan.files, 'report.md');
    const section = md.slice(md.indexOf('## 提示信息'));
    expect(section).not.toMatch(/&[a-z]+;|&#/);
    expect(md.slice(0, md.indexOf('## 概况'))).toContain('## 问题清单（32 项）');
  });

  it('17: draws each indicator’s values by year against the threshold as inline SVG', () => {
    const r3 = row(fileText(nanan.files, 'report.html'), 'v-R3-primary');
    const svg = query(r3, 'svg')[0]!;
    expect(attr(svg, 'role')).toBe('img');
    expect(query(svg, 'circle').map((circle) => text(circle))).toEqual(['2021 现状 0.52', '2022 目标 0.55', '2025 目标 0.75', '2027 目标 0.9']);
    expect(text(query(svg, 'text')[0]!)).toBe('标准 0.9');
    expect(fileText(nanan.files, 'report.html')).not.toMatch(/src="http|href="http|@import|<link/);
  });

  it('18: marks the figure, trims a long quote around it with the full sentence on demand, and does not repeat a quote', () => {
    const html = fileText(nanan.files, 'report.html');
    const r3 = row(html, 'v-R3-primary');
    expect(text(query(cells(r3)[6]!, 'mark')[0]!)).toBe('0.9');
    const g6 = row(html, 'v-G6-all');
    const quote = query(cells(g6)[6]!, 'span', { class: 'quote' })[0]!;
    const details = query(quote, 'details')[0]!;
    expect(text(details)).toContain('按300人的1.2倍核定公用经费');
    const shown = text(quote).replace(text(details), '');
    expect(shown.length).toBeLessThan(110);
    expect(shown).toContain('…');
    const junior = row(html, 'v-R3-junior');
    expect(text(cells(junior)[6]!)).toContain('同上');
    expect(attr(query(cells(junior)[6]!, 'a')[0]!, 'href')).toBe('#v-R3-primary');
  });

  it('19: prints with the plan’s name and page numbers on every page, without keeping tall rows whole', () => {
    const html = fileText(nanan.files, 'report.html');
    expect(html).toMatch(/@top-left \{ content: "\\5357 \\5b89 \\5e02 [^"]*";/);
    expect(html).toContain('counter(page)');
    expect(html).toContain('counter(pages)');
    expect(html).not.toMatch(/tr \{ break-inside: avoid/);
  });

  it('22: gives every table a caption and every header cell a scope, and badges a contrast of at least 4.5:1', () => {
    const doc = parseHtml(fileText(nanan.files, 'report.html'));
    for (const table of query(doc, 'table')) {
      expect(query(table, 'caption')).toHaveLength(1);
      for (const th of query(table, 'th')) expect(attr(th, 'scope')).toMatch(/^(col|row)$/);
    }
    const css = fileText(nanan.files, 'report.html');
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const colours = [...css.matchAll(/--(meets|stricter|weaker|hedged|byReference|conflicting|missing|covered|partial|notCovered|forbidden|unmentioned): (#[0-9a-f]{6})/g)];
    expect(colours).toHaveLength(12);
    for (const [, name, hex] of colours) expect((1.05) / (luminance(hex!) + 0.05), name).toBeGreaterThanOrEqual(4.5);
  });
});

describe('responsibilities and checklists on the corpus as extracted', () => {
  let nanan: Rendered;
  let qinxian: Rendered;
  let nananPdf: Rendered;
  beforeAll(async () => {
    [nanan, qinxian, nananPdf] = await Promise.all(['nanan-2022.txt', 'qinxian-2021.txt', 'pdf/nanan-2022.pdf'].map((path) => renderCorpus(path)));
  });

  it('9: labels roles 牵头 / 负责 / 配合, and says so when a plan assigns no 责任单位', async () => {
    const model = toDocumentModel({
      document: 'roles.txt', targets: [], deadlines: [], coverage: {},
      responsibilities: [{ task: '1．落实名额分配', indicator: 'G14', line: 3, quote: '县教育局牵头，县财政局负责，县人社局配合',
        departments: [{ name: '县教育局', role: 'lead' }, { name: '县财政局', role: 'responsible' }, { name: '县人社局', role: 'support' }] }],
    });
    const files = await renderPlanReports(model, diffPlan(model, national));
    const tr = byId(parseHtml(fileText(files, 'responsibilities.html')), 't1');
    expect(cells(tr).slice(4).map(text)).toEqual(['牵头', '负责', '配合']);
    expect(parseCsv(fileText(files, 'responsibilities.csv'))[1]!.slice(-3)).toEqual(['牵头', '负责', '配合']);
    expect(text(parseHtml(fileText(files, 'checklists.html')))).toContain('牵头 0 项负责 1 项配合 0 项');
    const none = toDocumentModel({ document: 'none.txt', targets: [], deadlines: [], coverage: {}, responsibilities: [] });
    const empty = await renderPlanReports(none, diffPlan(none, national));
    expect(fileText(empty, 'responsibilities.html')).toContain('方案未写明责任单位。');
    expect(fileText(empty, 'checklists.md')).toContain('方案未写明责任单位。');
    // The pipeline's own roles are shown with these labels.
    const labels = new Set(query(parseHtml(fileText(nanan.files, 'responsibilities.html')), 'td', { class: /role-/ }).map(text));
    expect([...labels].every((label) => ['牵头', '负责', '配合'].includes(label))).toBe(true);
  });

  it('10: gives every task a 完成时限 in responsibilities.html/.csv/.xlsx and the checklists', async () => {
    const csv = parseCsv(fileText(nanan.files, 'responsibilities.csv'));
    const column = csv[0]!.indexOf('完成时限');
    expect(column).toBe(4);
    const byTask = new Map(csv.slice(1).map((r) => [r[1], r[column]]));
    expect(byTask.get('2．全面消除大校额和大班额')).toBe('2027 前');
    const { rows } = await readXlsx(nanan.files['responsibilities.xlsx']);
    expect(rows[0]![column]).toBe('完成时限');
    expect(rows.map((r) => r[column])).toEqual(csv.map((r) => r[column]));
    const tr = byId(parseHtml(fileText(nanan.files, 'responsibilities.html')), 't2');
    expect(text(cells(tr)[3]!)).toContain('2027 前');
    expect(fileText(nanan.files, "checklists.md")).toMatch(/\| 2．全面消除大校额和大班额 \| (牵头|负责|配合) \| 2027 前 \|/);
    // Qinxian's one task takes its section's period.
    expect(parseCsv(fileText(qinxian.files, 'responsibilities.csv'))[1]![column]).toMatch(/^20\d\d(-\d\d)? 前/);
  });

  it('11: attaches to a task the targets of its own measure only, not those of its page or of the whole plan', () => {
    const q = parseHtml(fileText(qinxian.files, 'checklists.html'));
    const tasks = query(q, 'tbody').flatMap((tbody) => query(tbody, 'tr'));
    expect(tasks).toHaveLength(1);
    expect(query(cells(tasks[0]!)[3]!, 'b').map(text)).toEqual(['G10']);
    for (const rendered of [nanan, nananPdf]) {
      const md = fileText(rendered.files, 'checklists.md');
      const line = md.split('\n').find((l) => l.startsWith('| 2．全面消除大校额和大班额 |'))!;
      const targets = line.split(' | ')[4]!;
      expect(targets, rendered.name).toContain('G5 全部学段 ≤ 55 人（2025）');
      expect(targets, rendered.name).not.toMatch(/R\d|G14|S1|Q\d/);
    }
  });

  it('12: labels tasks with their measure’s numbered title, merges one department’s two names, and drops 当地政府', () => {
    const doc = parseHtml(fileText(nanan.files, 'responsibilities.html'));
    const headers = query(doc, 'th', { class: 'dept' }).map(text);
    expect(headers).toContain('市自然资源局');
    expect(headers).not.toContain('市资源局');
    expect(headers).not.toContain('当地政府');
    expect(headers.filter((name) => /领导小组/.test(name))).toHaveLength(1);
    const labels = query(doc, 'th', { class: 'task' }).map((th) => text(th));
    expect(labels.some((label) => label.startsWith('7．完善教师编制管理机制统筹选派部分优秀医务人员'))).toBe(true);
    expect(fileText(nanan.files, 'checklists.html')).toContain('方案中又作：市资源局');
  });

  it('13: links the matrix to the checklists and the report rows', () => {
    const doc = parseHtml(fileText(nanan.files, 'responsibilities.html'));
    const g5 = query(byId(doc, 't2'), 'a').map((a) => attr(a, 'href'));
    expect(g5).toContain('report.html#v-G5-primary');
    const report = parseHtml(fileText(nanan.files, 'report.html'));
    expect(byId(report, 'v-G5-primary')).toBeTruthy();
    const deptLinks = query(doc, 'th', { class: 'dept' }).map((th) => attr(query(th, 'a')[0]!, 'href')!);
    const checklists = parseHtml(fileText(nanan.files, 'checklists.html'));
    for (const href of deptLinks) expect(byId(checklists, href.split('#')[1]!)).toBeTruthy();
  });

  it('20: reads back responsibilities.xlsx with the rows of the CSV, typed, frozen, filtered, bordered, set up for A4 landscape', async () => {
    const csv = parseCsv(fileText(nanan.files, 'responsibilities.csv'));
    const { rows, sheet } = await readXlsx(nanan.files['responsibilities.xlsx']);
    expect(rows).toEqual(csv);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 2 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '1:1' });
    expect(sheet.getRow(2).getCell(1).value).toBe(1);
    expect(sheet.getRow(2).getCell(2).border?.top?.style).toBe('thin');
  });
});

describe('the batch on the corpus as extracted', () => {
  let files: ReportFiles;
  let csv: string[][];
  beforeAll(async () => {
    ({ files } = await renderCorpusBatch(TXT_PLANS, [{ input: 'in/empty.txt', reason: '空文件' }]));
    csv = parseCsv(fileText(files, 'overview.csv'));
  });
  const col = (name: string) => csv[0]!.indexOf(name);

  it('13: links every plan’s report, matrix and checklists, and every grid cell to the row of its evidence', async () => {
    const doc = parseHtml(fileText(files, 'index.html'));
    const hrefs = query(byId(doc, 'plans'), 'a').map((a) => attr(a, 'href'));
    for (const name of ['haicheng', 'jiaoling-2022', 'nanan-2022', 'nanchuan-2021', 'qinxian-2021']) {
      for (const page of ['report.html', 'responsibilities.html', 'checklists.html']) expect(hrefs).toContain(`${name}/${page}`);
    }
    const cellsWithLinks = query(byId(doc, 'grid'), 'td', { class: 'cell' });
    expect(cellsWithLinks).toHaveLength(5 * national.indicators.length);
    const nanan = await renderCorpus('nanan-2022.txt');
    const report = parseHtml(fileText(nanan.files, 'report.html'));
    let checked = 0;
    for (const td of cellsWithLinks) {
      const href = attr(query(td, 'a')[0]!, 'href')!;
      if (!href.startsWith('nanan-2022/')) continue;
      const target = byId(report, href.split('#')[1]!);
      expect(attr(target, 'data-indicator')).toBe(attr(td, 'data-indicator'));
      checked += 1;
    }
    expect(checked).toBe(national.indicators.length);
    // 22: each level's verdict is in the cell itself (read out, and shown on focus), not only in a mouse tooltip.
    const r3 = cellsWithLinks.find((td) => attr(td, 'data-indicator') === 'R3' && attr(query(td, 'a')[0]!, 'href')!.startsWith('nanan-2022/'))!;
    expect(text(query(r3, 'span', { class: 'sr' })[0]!)).toBe('R3 小学：未达标准；初中：未达标准');
  });

  it('14: shows each plan’s first shortfalls in the index', () => {
    const doc = parseHtml(fileText(files, 'index.html'));
    const nanan = query(byId(doc, 'plans'), 'tr').find((tr) => text(tr).includes('nanan-2022'))!;
    expect(text(nanan)).toContain('R3 每百名学生拥有体育、艺术（美术、音乐）专任教师数（小学）未达标准');
    expect(text(nanan)).toContain('另有 27 项');
  });

  it('15: lists the failed inputs with their reasons', () => {
    const failed = byId(parseHtml(fileText(files, 'index.html')), 'failed');
    const tr = query(query(failed, 'tbody')[0]!, 'tr');
    expect(tr.map((r) => cells(r).map(text))).toEqual([['in/empty.txt', '空文件']]);
  });

  it('16: sorts and filters with a small script, and gives region, 文号 and date in the grid and the overview', () => {
    const html = fileText(files, 'index.html');
    expect(html).toMatch(/<script>\n\/\* Sort and filter/);
    expect(html).not.toMatch(/<script[^>]+src=/);
    const grid = byId(parseHtml(html), 'grid');
    expect(query(query(grid, 'thead')[0]!, 'th').slice(0, 5).map(text)).toEqual(['方案', '省份', '地区', '文号', '日期']);
    expect(csv[0]!.slice(0, 5)).toEqual(['方案', '省份', '地区', '文号', '发文日期']);
    const nanan = csv.find((r) => r[0] === 'nanan-2022')!;
    // Nan'an names no province; 南安市 is in one province only in the national division codes.
    expect(nanan.slice(1, 5)).toEqual(['福建省', '南安市', '南政办〔2022〕45号', '2022-08-19']);
    // Nanchuan's issuer, 重庆市南川区人民政府办公室, names its province-level city.
    expect(csv.find((r) => r[0] === 'nanchuan-2021')!.slice(1, 3)).toEqual(['重庆市', '南川区']);
  });

  it('17: draws a bar per indicator of how many plans meet, fall short, or set nothing', () => {
    const chart = byId(parseHtml(fileText(files, 'index.html')), 'chart');
    const r3 = text(chart).match(/R3 达到 (\d) · 未达到 (\d) · 未设 (\d)/)!;
    expect(r3.slice(1).map(Number).reduce((a, b) => a + b, 0)).toBe(5);
    expect(Number(r3[2])).toBeGreaterThanOrEqual(2);
  });

  it('20: writes plancheck’s own text without an apostrophe, guards document text, and uses Chinese headers only', async () => {
    const r3 = csv.filter((r) => r[0] === 'nanan-2022' && r[col('指标')] === 'R3' && r[col('学段')] === '小学');
    expect(r3.find((r) => r[col('类型')] === '现状')![col('方案表述')]).toBe('= 0.52 人');
    expect(r3.filter((r) => r[col('类型')] === '目标').map((r) => [r[col('年份')], r[col('方案数值')], r[col('判定代码')], r[col('决定判定')]])).toEqual([
      ['2022', '0.55', 'weaker', '否'], ['2025', '0.75', 'weaker', '否'], ['2027', '0.9', 'weaker', '是'],
    ]);
    expect(csv[0]!.filter((header) => /^[A-Za-z]/.test(header))).toEqual([]);
    expect(csv[0]).toContain('判定代码');
    const { rows, sheet } = await readXlsx(files['overview.xlsx']);
    expect(rows).toEqual(csv);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '1:1' });
    const verdictColumn = col('判定') + 1;
    const weakerRow = rows.findIndex((r) => r[col('判定')] === '未达标准') + 1;
    expect(sheet.getRow(weakerRow).getCell(verdictColumn).fill).toMatchObject({ fgColor: { argb: 'FFF6C9C9' } });
  });
});

describe('overlays in the reports', () => {
  it('7: shows where each threshold comes from and the national figure beside an overlay’s', async () => {
    const standard = loadNational('test/fixtures/standards/overlay-g14-90.json');
    const { files } = await renderCorpus('qinxian-2021.txt', standard);
    const g14 = row(fileText(files, 'report.html'), 'v-G14-all');
    const sub = query(cells(g14)[2]!, 'span', { class: 'sub' }).map(text);
    expect(sub).toEqual(['来源：测试用地方标准：优质高中招生名额分配比例不低于90%', '国家标准 ≥ 50%']);
    expect(attr(g14, 'data-verdict')).toBe('weaker');
    expect(query(cells(row(fileText(files, 'report.html'), 'v-G5-primary'))[2]!, 'span', { class: 'sub' }).map(text)).toEqual(['来源：国家']);
  });

  it('7: marks an accepted looser overlay in every report', async () => {
    const standard = loadStandard(readProjectJson('corpus/standards/jiaodu-2017-6.json'), [readProjectJson('test/fixtures/standards/overlay-g14-40-looser.json')], { allowLooser: true });
    const { files, diff } = await renderCorpus('qinxian-2021.txt', standard);
    for (const name of ['report.html', 'report.md', 'responsibilities.html', 'checklists.html', 'checklists.md']) {
      expect(fileText(files, name), name).toContain('所用地方标准宽于国家标准');
    }
    expect(text(cells(row(fileText(files, 'report.html'), 'v-G14-all'))[2]!)).toContain('宽于国家标准');
    const index = await renderBatchIndex([summarizeForBatch({ name: 'qinxian-2021', model: (await renderCorpus('qinxian-2021.txt', standard)).model, diff })]);
    expect(index).toContain('所用地方标准宽于国家标准');
  });
});

describe('escaping document text', () => {
  let files: ReportFiles;
  beforeAll(async () => {
    const model = toDocumentModel(readProjectJson('test/fixtures/reports/hostile-plan.json'));
    files = await renderPlanReports(model, diffPlan(model, national));
  });

  it.each(['report.html', 'responsibilities.html', 'checklists.html'])('should render <script> in the plan as text in %s', (name) => {
    const html = fileText(files, name);
    expect(html).not.toMatch(/<script>alert|<script>\s*<\/|<img|<b>人民政府/i);
    expect(html).toContain('&lt;script&gt;');
    // The only script is plancheck's own sort/filter script.
    expect((html.match(/<script\b/g) ?? []).length).toBeLessThanOrEqual(1);
  });

  it('should render {{x}} in the plan as text, and keep the title inert in the print header', () => {
    expect(fileText(files, 'report.html')).toContain('{{x}}');
    expect(fileText(files, 'report.html')).toContain('{{#each x}}');
    expect(fileText(files, 'responsibilities.html')).toContain('{{&gt; partial}}');
    const top = /@top-left \{ content: ("[^"]*");/.exec(fileText(files, 'report.html'))![1]!;
    expect(top).not.toMatch(/[<>'{}]/);
    expect(top).toContain('\\3c script\\3e ');
  });

  it('should keep Markdown inert: no HTML, no emphasis, no links, no broken table', () => {
    const md = fileText(files, 'report.md');
    expect(md).not.toMatch(/<script|<img/i);
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;\\{\\{x\\}\\}');
    expect(md).toContain('\\*强调\\*与\\[链接\\](http://example.invalid)');
    const tableRows = md.split('\n').filter((line) => line.startsWith('| G14 '));
    expect(tableRows).toHaveLength(1);
    expect(tableRows[0]!.split(/(?<!\\)\|/)).toHaveLength(9);
    expect(fileText(files, 'checklists.md')).toContain('1．落实名额分配&lt;script&gt;alert(3)&lt;/script&gt;');
  });

  it('should guard document text a spreadsheet would run as a formula, in CSV only', async () => {
    const csv = parseCsv(fileText(files, 'responsibilities.csv'));
    expect(csv[0]).toContain("'+县财政局");
    expect(csv[0]).toContain("'@县人社局");
    const { rows } = await readXlsx(files['responsibilities.xlsx']);
    expect(rows[0]).toContain('+县财政局');
  });

  it('should never use triple-stash in a template', () => {
    const folder = new URL('../../templates/', import.meta.url);
    const names = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.hbs'));
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const name of names) expect(readFileSync(new URL(name, folder), 'utf8'), name).not.toMatch(/\{\{\{|\{\{&/);
  });
});

describe('formatCsv', () => {
  it('should write UTF-8 with a BOM, CRLF and RFC 4180 quoting, guarding only document text', () => {
    const table = makeTable([{ header: '甲', width: 5 }, { header: '乙', width: 5 }], [['a,b', 'say "hi"'], ['two\nlines', 0.55], [null, { text: '=1+1' }], ['= 0.52 人', -2]]);
    expect(formatCsv(table)).toBe('\uFEFF甲,乙\r\n"a,b","say ""hi"""\r\n"two\nlines",0.55\r\n,\'=1+1\r\n= 0.52 人,-2\r\n');
  });
});

describe('docx locations', () => {
  it('23: gives a docx quote’s place as its section path and the paragraph’s opening words, not a paragraph number', async () => {
    const { files, model } = await renderCorpus('docx/nanan-2022.docx');
    expect(model.format).toBe('docx');
    const r3 = row(fileText(files, 'report.html'), 'v-R3-primary');
    const where = text(query(cells(r3)[6]!, 'span', { class: 'loc' })[0]!);
    expect(where).toMatch(/^附件2，段首“[^”]+”$/);
    expect(where).not.toMatch(/第 \d+ 段/);
    const matrix = parseHtml(fileText(files, 'responsibilities.html'));
    expect(text(byId(matrix, 't2'))).toMatch(/1．优化中小学布局规划|2．全面消除大校额和大班额/);
    expect(text(byId(matrix, 't2'))).toContain('段首“');
    expect(fileText(files, 'checklists.md')).toContain('段首“');
  });
});

describe('messages of the reading stage', () => {
  it('21: shows them in Chinese', async () => {
    const model = toDocumentModel({
      document: 'warned.docx', format: 'docx', targets: [], deadlines: [], responsibilities: [], coverage: {},
      messages: [
        { reason: 'Dropped 3 piece(s) of text that belong to no paragraph of the document body', fatal: false, ruleId: 'ingest', source: 'plancheck', line: null, column: null },
        { reason: 'traditional characters: read as simplified for matching (12 characters converted); quotes keep the original', fatal: false, ruleId: 'ingest', source: 'plancheck', line: null, column: null },
      ],
    });
    const files = await renderPlanReports(model, diffPlan(model, national));
    const messages = text(byId(parseHtml(fileText(files, 'report.html')), 'messages'));
    expect(messages).toContain('有 3 处文字不属于正文段落，已略去');
    expect(messages).toContain('繁体字：匹配时按简体读取（转换 12 个字），引文保留原文');
    expect(messages).not.toMatch(/Dropped|traditional|ingest/);
  });
});
