import { spawn, execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin/plancheck.js');

function listFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

async function plancheck(args: string[], cwd: string): Promise<number> {
  try {
    await run('node', [bin, ...args], { cwd });
    return 0;
  } catch (error) {
    return (error as { code: number }).code;
  }
}

describe('an interrupted run', () => {
  it('should leave no half-written output when killed mid-batch, and the next run should complete the batch', async () => {
    const work = mkdtempSync(join(tmpdir(), 'plancheck-interrupt-'));
    mkdirSync(join(work, 'in'));
    for (let i = 0; i < 12; i++) {
      cpSync(join(root, i % 2 ? 'corpus/pdf/nanan-2022.pdf' : 'corpus/nanchuan-2021.txt'), join(work, 'in', `plan-${String(i).padStart(2, '0')}${i % 2 ? '.pdf' : '.txt'}`));
    }
    const out = join(work, 'out');
    const child = spawn('node', [bin, 'in', '--out', out, '--jobs', '2'], { cwd: work, stdio: 'ignore' });
    // Kill it once the first model has been written: the batch is then under way.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        const written = listFiles(out).filter((f) => /plan-\d+\.json$/.test(f));
        if (written.length >= 1) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 20);
    });
    await new Promise((resolve) => child.once('exit', resolve));
    const models = listFiles(out).filter((f) => f.endsWith('.json') && !f.includes('/.cache/'));
    expect(models.length).toBeLessThan(12);
    // Every output that exists is whole: it parses.
    for (const file of models) expect(() => JSON.parse(readFileSync(file, 'utf8')), relative(out, file)).not.toThrow();

    expect(await plancheck(['in', '--out', 'out', '--jobs', '2'], work)).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ inputs: 12, ok: 12, failed: 0 });
    expect(listFiles(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 180_000);

  it('should give the same outputs when run twice', async () => {
    const work = mkdtempSync(join(tmpdir(), 'plancheck-idempotent-'));
    mkdirSync(join(work, 'in'));
    cpSync(join(root, 'corpus/qinxian-2021.txt'), join(work, 'in/qinxian-2021.txt'));
    cpSync(join(root, 'corpus/docx/jiaoling-2022.docx'), join(work, 'in/jiaoling-2022.docx'));
    writeFileSync(join(work, 'in/empty.txt'), '');
    // Workbooks are zips that stamp their entries with the time of writing: compare what they hold.
    const contentOf = async (file: string) => {
      if (!file.endsWith('.xlsx')) return readFileSync(file).toString('base64');
      const zip = await JSZip.loadAsync(readFileSync(file));
      const names = Object.keys(zip.files).sort();
      return (await Promise.all(names.map(async (name) => `${name}:${await zip.file(name)?.async('string')}`))).join('\n');
    };
    const snapshot = async () =>
      Object.fromEntries(
        await Promise.all(
          listFiles(join(work, 'out'))
            .filter((f) => !f.includes('/.cache/') && !f.endsWith('summary.json'))
            .map(async (f) => [relative(join(work, 'out'), f), await contentOf(f)]),
        ),
      );
    expect(await plancheck(['in', '--out', 'out', '--no-cache'], work)).toBe(1);
    const first = await snapshot();
    expect(await plancheck(['in', '--out', 'out', '--no-cache'], work)).toBe(1);
    expect(await snapshot()).toEqual(first);
    expect(await plancheck(['in', '--out', 'out'], work)).toBe(1);
    expect(await snapshot()).toEqual(first);
  }, 180_000);
});
