import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, appendFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/plancheck.js');

async function plancheck(args: string[], cwd: string) {
  try {
    await run('node', [bin, ...args], { cwd });
    return 0;
  } catch (error) {
    return (error as { code: number }).code;
  }
}

const summaryOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
/** A model without the fields that legitimately differ between runs. */
const modelOf = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));

describe('batch processing with the worker pool and the cache', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'plancheck-batch-'));
    mkdirSync(join(work, 'in'));
    for (const [from, to] of [
      ['corpus/qinxian-2021.txt', 'a-qinxian.txt'],
      ['corpus/docx/jiaoling-2022.docx', 'b-jiaoling.docx'],
      ['corpus/pdf/jiaoling-2022.pdf', 'c-jiaoling.pdf'],
      ['corpus/haicheng.txt', 'e-haicheng.txt'],
    ]) cpSync(join(root, from!), join(work, 'in', to!));
    writeFileSync(join(work, 'in/d-broken.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n');
  });

  it('should give the same models with 2 workers as with 1, and the summary in input order', async () => {
    expect(await plancheck(['in', '--out', 'one', '--jobs', '1', '--no-cache'], work)).toBe(1);
    expect(await plancheck(['in', '--out', 'two', '--jobs', '2', '--no-cache'], work)).toBe(1);
    const one = summaryOf(join(work, 'one'));
    const two = summaryOf(join(work, 'two'));
    const inputs = ['in/a-qinxian.txt', 'in/b-jiaoling.docx', 'in/c-jiaoling.pdf', 'in/d-broken.pdf', 'in/e-haicheng.txt'];
    expect(one.documents.map((d: { input: string }) => d.input)).toEqual(inputs);
    expect(two.documents.map((d: { input: string }) => d.input)).toEqual(inputs);
    for (const name of ['a-qinxian', 'b-jiaoling', 'c-jiaoling', 'e-haicheng']) {
      expect(modelOf(join(work, 'two'), name)).toEqual(modelOf(join(work, 'one'), name));
    }
  });

  it('should keep a worker going after a document fails, and process the rest', () => {
    const two = summaryOf(join(work, 'two'));
    expect(two.documents.map((d: { status: string }) => d.status)).toEqual(['ok', 'ok', 'ok', 'failed', 'ok']);
    expect(two.documents[3].reason).toMatch(/^corrupt PDF/);
  });

  it('should reuse unchanged results from the cache and process a changed file again', async () => {
    const out = join(work, 'cached');
    await plancheck(['in', '--out', out], work);
    expect(summaryOf(out).documents.map((d: { cached: boolean }) => d.cached)).toEqual([false, false, false, false, false]);
    const first = modelOf(out, 'a-qinxian');
    await plancheck(['in', '--out', out], work);
    expect(summaryOf(out).documents.map((d: { cached: boolean }) => d.cached)).toEqual([true, true, true, false, true]);
    expect(modelOf(out, 'a-qinxian')).toEqual(first);
    expect(readdirSync(join(out, 'a-qinxian')).sort()).toContain('report.html');

    appendFileSync(join(work, 'in/a-qinxian.txt'), '\n到2030年，群众满意度达到98%以上。\n');
    await plancheck(['in', '--out', out], work);
    const third = summaryOf(out).documents;
    expect(third.map((d: { cached: boolean }) => d.cached)).toEqual([false, true, true, false, true]);
    const changed = modelOf(out, 'a-qinxian');
    expect(changed.targets.some((t: { quote: string }) => t.quote.includes('98%'))).toBe(true);
  });

  it('should write the batch overview as CSV and XLSX with the same rows, one plan after the other', async () => {
    const out = join(work, 'two');
    const csv = readFileSync(join(out, 'overview.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF方案,省份,地区,文号,发文日期,指标,')).toBe(true);
    const csvRows = csv.slice(1).trimEnd().split('\r\n');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'overview.xlsx'));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(csvRows.length);
    const plansInCsv = [...new Set(csvRows.slice(1).map((line) => line.split(',')[0]))];
    expect(plansInCsv).toEqual(['a-qinxian', 'b-jiaoling', 'c-jiaoling', 'e-haicheng']);
    expect(sheet.getRow(2).getCell(1).value).toBe('a-qinxian');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('a-qinxian/report.html');
  });

  it('should process everything again with --no-cache', async () => {
    const out = join(work, 'cached');
    await plancheck(['in', '--out', out, '--no-cache'], work);
    expect(summaryOf(out).documents.every((d: { cached: boolean }) => !d.cached)).toBe(true);
  });
});
