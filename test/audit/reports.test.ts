/**
 * The audit's files as users get them: audit.html queried as a DOM (the grid coloured by
 * meets/falls short with the values, the CV table with R8's limits, R9 per school, plan vs
 * reality, a chart per indicator), audit.xlsx read back with exceljs, audit.csv parsed, and
 * document text (school names) escaped everywhere.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditModelSchema, type AuditModel } from '../../model/audit.ts';
import { readWorkbook } from '../../pipeline/ingest/sheet/read-workbook.ts';
import { processDocument } from '../../pipeline/process-document.ts';
import { AUDIT_COLUMNS } from '../../reports/audit-table.ts';
import { renderAudit } from '../../reports/render-audit.ts';
import { attr, cells, parseHtml, query, text } from '../reports/dom.ts';
import { parseCsv } from '../reports/parse-csv.ts';
import { audit, goodPrimary, HEADER, sheetOf } from './helpers.ts';

let model: AuditModel;
let files: Record<string, string | Uint8Array>;

beforeAll(async () => {
  const plan = await processDocument(new Uint8Array(readFileSync(new URL('../../corpus/nanan-2022.txt', import.meta.url))), 'nanan-2022.txt');
  if (!plan.ok) throw new Error(plan.reason);
  const book = await readWorkbook(new Uint8Array(readFileSync(new URL('../fixtures/schools/county.xlsx', import.meta.url))), '.xlsx');
  model = audit(book, plan.model.targets, 2025);
  files = await renderAudit(model);
}, 60_000);

const html = () => parseHtml(files['audit.html'] as string);

describe('audit.html', () => {
  it('should grid every school × indicator, coloured by meets or falls short, with the value', () => {
    for (const level of ['primary', 'junior'] as const) {
      const table = query(html(), 'table', { class: 'audit-grid', 'data-level': level })[0]!;
      const rows = query(table, 'tr').slice(1);
      const schools = model.schools.filter((school) => school.level === level);
      expect(rows).toHaveLength(schools.length);
      for (const [at, row] of rows.entries()) {
        const school = schools[at]!;
        expect(text(query(row, 'th')[0]!)).toContain(school.name);
        const values = query(row, 'td', { 'data-indicator': /^R\d$/ });
        expect(values.map((cell) => attr(cell, 'class'))).toEqual(school.values.map((value) => `val ${value.met ? 'met' : 'short'}`));
        expect(values.map((cell) => text(cell).replace(/（.*）$/, ''))).toEqual(school.values.map((value) => String(Number(value.value!.toFixed(value.indicator === 'R6' ? 0 : 2)))));
        expect(text(query(row, 'td', { class: 'r9' })[0]!)).toBe(school.r9 ? '达到' : '未达到');
      }
    }
  });

  it('should show each 学段’s weighted mean, S and CV to 4 decimals with R8’s limit', () => {
    for (const level of ['primary', 'junior'] as const) {
      const table = query(html(), 'table', { class: 'cv-table', 'data-level': level })[0]!;
      for (const statistic of model.statistics.filter((item) => item.level === level)) {
        const row = query(table, 'tr', { 'data-indicator': statistic.indicator })[0]!;
        expect(text(query(row, 'td', { class: 'cv' })[0]!)).toBe(String(Number(statistic.cv!.toFixed(4))));
        expect(text(cells(row)[7]!)).toBe(level === 'primary' ? '≤ 0.5' : '≤ 0.45');
      }
    }
    expect(text(html())).not.toContain('不加权');
  });

  it('should draw a chart per indicator and 学段: the schools as dots against the threshold line', () => {
    const charts = query(html(), 'svg', { class: 'school-chart' });
    expect(charts).toHaveLength(14);
    const first = charts[0]!;
    expect(query(first, 'circle')).toHaveLength(model.schools.filter((school) => school.level === 'primary').length);
    expect(query(first, 'line', { class: 'threshold' })).toHaveLength(1);
    const short = model.statistics.find((item) => item.level === 'primary' && item.indicator === 'R1')!.short;
    expect(query(first, 'circle', { fill: '#c62828' })).toHaveLength(short);
  });

  it('should set the plan’s figures for 2025 beside the county’s actual ones', () => {
    const table = query(html(), 'table', { class: 'plan-table' })[0]!;
    const rows = query(table, 'tr').slice(1);
    expect(rows.length).toBe(model.plan!.rows.length);
    expect(rows.length).toBeGreaterThan(0);
    const first = model.plan!.rows[0]!;
    expect(text(cells(rows[0]!)[2]!)).toBe(`≥ ${first.value} ${first.unit}`);
    expect(text(cells(rows[0]!)[3]!)).toBe(String(first.year));
    expect(text(cells(rows[0]!)[6]!)).toBe(`${first.schoolsShort} / ${first.schools}`);
  });
});

describe('audit.xlsx and audit.csv', () => {
  it('should hold one row per school × indicator, read back by exceljs with typed values and colours', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(files['audit.xlsx'] as Uint8Array) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('学校指标');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(AUDIT_COLUMNS.map((column) => column.header));
    expect(sheet.rowCount).toBe(1 + model.schools.length * 7);
    const second = sheet.getRow(2);
    const school = model.schools[0]!;
    expect(second.getCell(1).value).toBe(school.name);
    expect(second.getCell(8).value).toBeCloseTo(school.values[0]!.value!, 10);
    expect(typeof second.getCell(8).value).toBe('number');
    expect((second.getCell(12).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(school.values[0]!.met ? 'FFC8E6C9' : 'FFF6C9C9');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('should write the same rows as CSV', () => {
    const rows = parseCsv(files['audit.csv'] as string);
    expect(rows[0]).toEqual(AUDIT_COLUMNS.map((column) => column.header));
    expect(rows).toHaveLength(1 + model.schools.length * 7);
    expect(rows[1]!.slice(0, 2)).toEqual([model.schools[0]!.name, model.schools[0]!.level === 'primary' ? '小学' : '初中']);
  });

  it('should write audit.json as the validated model', () => {
    expect(auditModelSchema.parse(JSON.parse(files['audit.json'] as string))).toEqual(model);
  });
});

describe('document text in the audit’s files', () => {
  it('should escape a school’s name in HTML and guard it against formulas in CSV', async () => {
    const name = '=HYPERLINK("http://x")<script>alert(1)</script>小学';
    const hostile = audit(sheetOf([HEADER, goodPrimary(name)]));
    const out = await renderAudit(hostile);
    const page = out['audit.html'] as string;
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;小学');
    expect(query(parseHtml(page), 'script')).toHaveLength(1);
    expect(parseCsv(out['audit.csv'] as string)[1]![0]).toBe(`'${name}`);
  });
});

describe('a county of more schools than the page lists', () => {
  it('should grid the first 1,000 schools of a 学段, say so, and draw 1,000 dots while counting every school', async () => {
    const rows = Array.from({ length: 1_100 }, (_, at) => goodPrimary(`第${at + 1}小学`));
    const large = audit(sheetOf([HEADER, ...rows]));
    const page = parseHtml((await renderAudit(large))['audit.html'] as string);
    const grid = query(page, 'table', { class: 'audit-grid', 'data-level': 'primary' })[0]!;
    expect(query(grid, 'tr').length - 1).toBe(1_000);
    expect(text(query(page, 'section', { id: 'grid-primary' })[0]!)).toContain('下表列出前 1000 所，全部 1100 所见 audit.csv 与 audit.xlsx');
    expect(query(query(page, 'svg', { class: 'school-chart' })[0]!, 'circle')).toHaveLength(1_000);
    expect(large.statistics.find((item) => item.level === 'primary' && item.indicator === 'R1')!.schools).toBe(1_100);
  });
});
