/**
 * `plancheck audit` as a user runs it: help in Chinese and English, an audit of the bundled
 * county against a plan document and against the plan's model JSON (the same comparison),
 * the files written, and the exit codes of a missing option and an unreadable list.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin/plancheck.js');

async function plancheck(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', [bin, ...args], { cwd, env: { ...process.env, CI: 'true' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('plancheck audit', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'plancheck-audit-cli-'));
  });

  it('should print its help in Chinese, and in English with --lang en', async () => {
    const zh = await plancheck(['audit', '--help'], work);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^用法：plancheck audit --schools 文件/);
    const en = await plancheck(['audit', '--help', '--lang', 'en'], work);
    expect(en.stdout).toMatch(/^Usage: plancheck audit --schools FILE/);
    expect((await plancheck(['--help'], work)).stdout).toContain('plancheck audit --schools');
  });

  it('should audit the sample county against a plan document and write the four files', async () => {
    const result = await plancheck(['audit', '--schools', join(root, 'corpus/schools/sample-county.xlsx'), '--plan', join(root, 'corpus/nanan-2022.txt'), '--year', '2025', '--out', 'audit'], work);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^plancheck audit：sample-county\.xlsx，学校 40 所/);
    expect(result.stdout).toMatch(/小学差异系数（加权，限值 ≤ 0\.5）：R1 0\.\d{4}/);
    expect(result.stdout).toMatch(/方案 nanan-2022\.txt：对照 \d+ 项承诺/);
    for (const name of ['audit.html', 'audit.csv', 'audit.xlsx', 'audit.json']) expect(existsSync(join(work, 'audit', name)), name).toBe(true);
    const model = JSON.parse(readFileSync(join(work, 'audit/audit.json'), 'utf8'));
    expect(model.year).toBe(2025);
    expect(model.plan.rows.length).toBeGreaterThan(0);
  }, 60_000);

  it('should give the same comparison from the plan’s model JSON', async () => {
    const planOut = await plancheck([join(root, 'corpus/nanan-2022.txt'), '--out', 'plans', '--no-reports', '--no-cache', '-j', '1'], work);
    expect(planOut.code).toBe(0);
    const result = await plancheck(['audit', '--schools', join(root, 'corpus/schools/sample-county.xlsx'), '--plan', 'plans/nanan-2022.json', '--year', '2025', '--out', 'from-json', '--lang', 'en'], work);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^plancheck audit: sample-county\.xlsx, 40 schools/);
    const fromDocument = JSON.parse(readFileSync(join(work, 'audit/audit.json'), 'utf8'));
    const fromJson = JSON.parse(readFileSync(join(work, 'from-json/audit.json'), 'utf8'));
    expect(fromJson.plan.rows).toEqual(fromDocument.plan.rows);
  }, 60_000);

  it.each([
    { args: ['audit'], code: 2, stderr: /缺少 --schools 文件/ },
    { args: ['audit', '--schools', 'x.xlsx', '--year', '20x5'], code: 2, stderr: /--year 须为 1990 至 2100 之间的年份/ },
    { args: ['audit', '--schools', 'missing.xlsx'], code: 1, stderr: /missing\.xlsx: 无法读取：ENOENT/ },
    { args: ['audit', '--schools', 'notes.txt'], code: 1, stderr: /notes\.txt: 不是电子表格：应为 .xlsx、.xls 或 .csv（收到 .txt）/ },
    { args: ['audit', '--schools', 'no-header.csv'], code: 1, stderr: /no-header\.csv: 找不到学校名单的表头/ },
  ])('should exit $code for $args', async ({ args, code, stderr }) => {
    writeFileSync(join(work, 'notes.txt'), '学校,学生数\n');
    writeFileSync(join(work, 'no-header.csv'), '序号,名称\n1,一小\n');
    const result = await plancheck(args, work);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(stderr);
  });
});
