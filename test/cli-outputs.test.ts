import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/plancheck.js');

async function plancheck(args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await run('node', [bin, ...args], { cwd, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
const summaryOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));

describe('outputs over successive runs', () => {
  it('should remove the outputs of an input that fails on a later run', async () => {
    const work = mkdtempSync(join(tmpdir(), 'plancheck-stale-'));
    mkdirSync(join(work, 'in'));
    cpSync(join(root, 'corpus/jiaoling-2022.txt'), join(work, 'in/p.txt'));
    cpSync(join(root, 'corpus/qinxian-2021.txt'), join(work, 'in/q.txt'));
    expect((await plancheck(['in', '--out', 'out'], work)).code).toBe(0);
    expect(existsSync(join(work, 'out/p.json'))).toBe(true);
    writeFileSync(join(work, 'in/p.txt'), '');
    expect((await plancheck(['in', '--out', 'out'], work)).code).toBe(1);
    expect(existsSync(join(work, 'out/p.json'))).toBe(false);
    expect(existsSync(join(work, 'out/p'))).toBe(false);
    expect(readFileSync(join(work, 'out/index.html'), 'utf8')).not.toContain('p/report.html');
  }, 120_000);

  it('should rebuild the batch reports after a --no-cache run changed them', async () => {
    const work = mkdtempSync(join(tmpdir(), 'plancheck-stamp-'));
    cpSync(join(root, 'corpus/jiaoling-2022.txt'), join(work, 'a.txt'));
    cpSync(join(root, 'corpus/qinxian-2021.txt'), join(work, 'b.txt'));
    await plancheck(['a.txt', 'b.txt', '--out', 'out'], work);
    await plancheck(['a.txt', '--out', 'out', '--no-cache'], work);
    await plancheck(['a.txt', 'b.txt', '--out', 'out'], work);
    expect(readFileSync(join(work, 'out/index.html'), 'utf8')).toContain('b/report.html');
    expect(readFileSync(join(work, 'out/overview.csv'), 'utf8')).toMatch(/^b,/m);
  }, 120_000);

  it('should fail a named FIFO as not a regular file instead of waiting on it', async () => {
    const work = mkdtempSync(join(tmpdir(), 'plancheck-fifo-'));
    cpSync(join(root, 'corpus/jiaoling-2022.txt'), join(work, 'a.txt'));
    execFileSync('mkfifo', [join(work, 'fifo.txt')]);
    const result = await plancheck(['a.txt', 'fifo.txt', '--out', 'out'], work);
    expect(result.code).toBe(1);
    expect(summaryOf(join(work, 'out')).documents.map((d: { status: string; reason: string | null }) => [d.status, d.reason])).toEqual([
      ['ok', null],
      ['failed', 'not a regular file'],
    ]);
  }, 120_000);

  it('should keep a plan’s outputs apart from a folder of the same name', async () => {
    const work = mkdtempSync(join(tmpdir(), 'plancheck-clash-'));
    mkdirSync(join(work, 'in/x'), { recursive: true });
    cpSync(join(root, 'corpus/jiaoling-2022.txt'), join(work, 'in/x.txt'));
    cpSync(join(root, 'corpus/qinxian-2021.txt'), join(work, 'in/x/overview-rows.txt'));
    const result = await plancheck(['in', '--out', 'out'], work);
    expect(result.code).toBe(0);
    const outputs = summaryOf(join(work, 'out')).documents.map((d: { output: string }) => d.output);
    expect(outputs.sort()).toEqual(['x-2.json', 'x/overview-rows.json']);
    expect(existsSync(join(work, 'out/index.html'))).toBe(true);
  }, 120_000);
});
