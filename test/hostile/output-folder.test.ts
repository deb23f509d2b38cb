import { execFile, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outputNames } from '../../cli/output-names.ts';
import { writeAtomic } from '../../cli/write-atomic.ts';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin/plancheck.js');
const plan = (name: string) => readFileSync(join(root, 'corpus', name));

interface Summary {
  inputs: number;
  documents: Array<{ input: string; status: string; reason: string | null; output: string | null; cached: boolean }>;
  run: { batchReportError: string | null };
}

async function plancheck(args: string[], cwd: string): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await run('node', [bin, ...args], { cwd });
    return { code: 0, stderr };
  } catch (error) {
    return { code: (error as { code: number }).code, stderr: (error as { stderr: string }).stderr };
  }
}

function allFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(relative(dir, path));
    }
  };
  walk(dir);
  return found.sort();
}

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'plancheck-outfolder-'));
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});
const summaryOf = (out = 'out'): Summary => JSON.parse(readFileSync(join(work, out, 'summary.json'), 'utf8'));

describe('plans named like batch outputs', () => {
  it.each([
    [['/in/summary.json.txt'], ['summary.json-2']],
    [['/in/INDEX.HTML.txt', '/in/overview.csv.md'], ['INDEX.HTML-2', 'overview.csv-2']],
    [['/in/overview.xlsx.txt', '/in/bench.txt'], ['overview.xlsx-2', 'bench-2']],
    [['/in/index.html/plan.txt', '/in/b.txt'], ['index.html-2/plan', 'b']],
    [['/in/screenshots/a.txt', '/in/README.md.txt', '/in/readme.md'], ['screenshots-2/a', 'README.md-2', 'readme']],
  ])('should name %j %j', (paths, names) => {
    expect(outputNames(paths)).toEqual(names);
  });

  it('should write summary.json, index.html and the overview beside plans named like them, leaving no temporary', async () => {
    mkdirSync(join(work, 'in/index.html'), { recursive: true });
    for (const name of ['summary.json.txt', 'index.html.txt', 'overview.csv.txt', 'overview.xlsx.txt', 'Summary.JSON.md', 'index.html/plan.txt']) {
      writeFileSync(join(work, 'in', name), plan('jiaoling-2022.txt'));
    }
    const result = await plancheck(['in', '--out', 'out'], work);
    expect(result.code).toBe(0);
    const summary = summaryOf();
    expect(summary.inputs).toBe(6);
    expect(summary.run.batchReportError).toBeNull();
    for (const file of ['summary.json', 'index.html', 'overview.csv', 'overview.xlsx']) expect(statSync(join(work, 'out', file)).isFile()).toBe(true);
    expect(new Set(summary.documents.map((d) => d.output)).size).toBe(6);
    expect(allFiles(join(work, 'out')).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});

describe('temporary files under --out', () => {
  it('should delete only its own stale temporaries, never a user\'s *.tmp files', async () => {
    // A pid that is certainly gone: a process that has exited.
    const gone = spawnSync('true').pid;
    mkdirSync(join(work, 'out/sub'), { recursive: true });
    const userFiles = ['out/thesis.docx.4000001.autosave.tmp', 'out/sub/notes.12.a.tmp', `out/sub/x.${gone}.abc.tmp`];
    for (const file of userFiles) writeFileSync(join(work, file), 'the user\'s work\n');
    writeFileSync(join(work, `out/plan.json.plancheck-${gone}-k2j4.tmp`), '{"half":');
    writeFileSync(join(work, 'plan.txt'), plan('jiaoling-2022.txt'));
    expect((await plancheck(['plan.txt', '--out', 'out'], work)).code).toBe(0);
    for (const file of userFiles) expect(readFileSync(join(work, file), 'utf8')).toBe('the user\'s work\n');
    expect(existsSync(join(work, `out/plan.json.plancheck-${gone}-k2j4.tmp`))).toBe(false);
  }, 120_000);

  it('should remove its temporary when a write fails (a folder where the file goes: EISDIR)', async () => {
    mkdirSync(join(work, 'taken/report.html'), { recursive: true });
    await expect(writeAtomic(join(work, 'taken/report.html'), 'x')).rejects.toMatchObject({ code: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST/) });
    expect(readdirSync(join(work, 'taken'))).toEqual(['report.html']);
  });
});

const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'plancheck-mount-probe-'));
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
  return ok;
})();

describe('a full disk', () => {
  it.skipIf(!canMount)('should leave no partial temporary on a full tmpfs, fail the plans it cannot write with ENOSPC, and say so', async () => {
    const out = join(work, 'out');
    mkdirSync(out);
    // 400 KB: room for a plan or two, not for all five with their reports.
    expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=400k', 'tmpfs', out]).status).toBe(0);
    try {
      mkdirSync(join(work, 'in'));
      for (const name of ['jiaoling-2022.txt', 'qinxian-2021.txt', 'nanan-2022.txt', 'nanchuan-2021.txt', 'haicheng.txt']) cpSync(join(root, 'corpus', name), join(work, 'in', name));
      const result = await plancheck(['in', '--out', 'out', '--jobs', '1'], work);
      expect(result.code).toBe(1);
      expect(allFiles(out).filter((file) => file.endsWith('.tmp'))).toEqual([]);
      const text = existsSync(join(out, 'summary.json')) ? readFileSync(join(out, 'summary.json'), 'utf8') : result.stderr;
      expect(text).toMatch(/ENOSPC/);
    } finally {
      spawnSync('umount', [out]);
    }
  }, 180_000);
});

describe('links planted inside --out', () => {
  it('should replace a link where a plan\'s folder or the cache goes, and write nothing where it points', async () => {
    mkdirSync(join(work, 'elsewhere'));
    mkdirSync(join(work, 'elsewhere-cache'));
    mkdirSync(join(work, 'out'));
    symlinkSync(join(work, 'elsewhere'), join(work, 'out/plan'));
    symlinkSync(join(work, 'elsewhere-cache'), join(work, 'out/.cache'));
    writeFileSync(join(work, 'elsewhere-target.json'), 'not plancheck\'s\n');
    symlinkSync(join(work, 'elsewhere-target.json'), join(work, 'out/summary.json'));
    writeFileSync(join(work, 'plan.txt'), plan('jiaoling-2022.txt'));
    expect((await plancheck(['plan.txt', '--out', 'out'], work)).code).toBe(0);
    expect(readdirSync(join(work, 'elsewhere'))).toEqual([]);
    expect(readdirSync(join(work, 'elsewhere-cache'))).toEqual([]);
    expect(readFileSync(join(work, 'elsewhere-target.json'), 'utf8')).toBe('not plancheck\'s\n');
    for (const path of ['out/plan', 'out/.cache']) expect(lstatSync(join(work, path)).isDirectory()).toBe(true);
    expect(readdirSync(join(work, 'out/plan'))).toContain('report.html');
  }, 120_000);
});

describe('a damaged cache', () => {
  const entryFiles = () => allFiles(join(work, 'out/.cache')).filter((file) => /^[0-9a-f]{2}\//.test(file));

  beforeEach(async () => {
    writeFileSync(join(work, 'plan.txt'), plan('jiaoling-2022.txt'));
    expect((await plancheck(['plan.txt', '--out', 'out'], work)).code).toBe(0);
  }, 120_000);

  it('should validate the standard again when its cached copy is empty', async () => {
    const standards = readdirSync(join(work, 'out/.cache')).filter((name) => name.startsWith('standard-'));
    expect(standards).toHaveLength(1);
    writeFileSync(join(work, 'out/.cache', standards[0]!), '');
    const result = await plancheck(['plan.txt', '--out', 'out'], work);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/SyntaxError/);
  }, 120_000);

  it.each([
    ['an output edited in place', 'out/plan.json', (path: string) => writeFileSync(path, '{"edited": true}\n'), true],
    ['a truncated cached model', 'model.json', (path: string) => writeFileSync(path, ''), false],
    ['a cached report changed', 'files/report.html', (path: string) => writeFileSync(path, '<p>forged</p>'), false],
    ['a damaged record', 'result.json', (path: string) => writeFileSync(path, readFileSync(path, 'utf8').slice(0, 100)), false],
  ])('should restore the true outputs after %s', async (_, target, damage, cached) => {
    const original = readFileSync(join(work, 'out/plan.json'), 'utf8');
    const report = readFileSync(join(work, 'out/plan/report.html'), 'utf8');
    const path = target.startsWith('out/') ? join(work, target) : join(work, 'out/.cache', entryFiles().find((file) => file.endsWith(`/${target}`))!);
    damage(path);
    expect((await plancheck(['plan.txt', '--out', 'out'], work)).code).toBe(0);
    // An intact entry serves the outputs again (cached); a damaged one is a miss and the plan is processed again.
    expect(summaryOf().documents[0]).toMatchObject({ status: 'ok', cached });
    expect(readFileSync(join(work, 'out/plan.json'), 'utf8')).toBe(original);
    expect(readFileSync(join(work, 'out/plan/report.html'), 'utf8')).toBe(report);
  }, 120_000);
});
