import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAtMost, readInputBytes } from '../../cli/read-input.ts';
import { resolveLimits } from '../../pipeline/ingest/limits.ts';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin/plancheck.js');
/** A value planted in the environment of the runs: it must never reach an output. */
const SECRET = `plancheck-secret-${process.pid}-token`;

interface Summary {
  inputs: number;
  ok: number;
  failed: number;
  skipped: number;
  documents: Array<{ input: string; status: string; reason: string | null }>;
}

async function plancheck(args: string[], cwd: string): Promise<number> {
  try {
    await run('node', [bin, ...args], { cwd, env: { ...process.env, PLANCHECK_TEST_SECRET: SECRET } });
    return 0;
  } catch (error) {
    return (error as { code: number }).code;
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

const summaryOf = (out: string): Summary => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
const statusOf = (summary: Summary) => Object.fromEntries(summary.documents.map((d) => [d.input, [d.status, d.reason]]));

describe('inputs outside the folder walked', () => {
  let work: string;
  let code: number;
  let summary: Summary;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'plancheck-outside-'));
    mkdirSync(join(work, 'in/sub'), { recursive: true });
    cpSync(join(root, 'corpus/jiaoling-2022.txt'), join(work, 'in/sub/plan.txt'));
    symlinkSync('/etc/shadow', join(work, 'in/shadow.txt'));
    symlinkSync('/etc/passwd', join(work, 'in/passwd.md'));
    symlinkSync('/proc/self/environ', join(work, 'in/env.txt'));
    symlinkSync('/proc/self/pagemap', join(work, 'in/pagemap.txt'));
    symlinkSync('/etc', join(work, 'in/etc-link'));
    // A link that stays inside the folder is followed.
    symlinkSync('sub/plan.txt', join(work, 'in/inner-link.txt'));
    code = await plancheck(['in', '--out', 'out'], work);
    summary = summaryOf(join(work, 'out'));
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('should list every link that leads out of the folder as skipped, and read the plan and the link inside it', () => {
    const skipped = ['skipped', 'a link that leads outside the folder'];
    expect(statusOf(summary)).toEqual({
      'in/env.txt': skipped,
      'in/etc-link': skipped,
      'in/inner-link.txt': ['ok', null],
      'in/pagemap.txt': skipped,
      'in/passwd.md': skipped,
      'in/shadow.txt': skipped,
      'in/sub/plan.txt': ['ok', null],
    });
    expect(summary).toMatchObject({ inputs: 7, ok: 2, failed: 0, skipped: 5 });
    expect(code).toBe(0);
  });

  it('should exit 1 when every input was skipped: nothing was read', async () => {
    mkdirSync(join(work, 'only-links'));
    symlinkSync('/etc/passwd', join(work, 'only-links/passwd.md'));
    expect(await plancheck(['only-links', '--out', 'out-only-links'], work)).toBe(1);
    expect(summaryOf(join(work, 'out-only-links'))).toMatchObject({ inputs: 1, ok: 0, failed: 0, skipped: 1 });
  });

  it('should match no link with a glob pattern (fast-glob lists regular files only)', async () => {
    const out = join(work, 'out-glob');
    expect(await plancheck(['in/*.txt', 'in/sub/*.txt', '--out', out], work)).toBe(1);
    expect(statusOf(summaryOf(out))).toEqual({ 'in/*.txt': ['failed', 'no file matches this pattern'], 'in/sub/plan.txt': ['ok', null] });
  });

  it('should write nothing of /etc or of the environment into --out or its cache', () => {
    const passwd = readFileSync('/etc/passwd', 'utf8').split('\n')[0]!;
    for (const file of listFiles(join(work, 'out'))) {
      const text = readFileSync(file).toString('latin1');
      expect(text, relative(work, file)).not.toContain(SECRET);
      expect(text, relative(work, file)).not.toContain(passwd);
    }
  });

  // The system files this machine has (a container may lack the sysfs one).
  it.each(
    [
      ['/proc/self/environ', 'not a document: a procfs file'],
      ['/proc/self/pagemap', 'not a document: a procfs file'],
      ['/sys/kernel/mm/transparent_hugepage/enabled', 'not a document: a sysfs file'],
    ].filter(([path]) => existsSync(path!)),
  )('should refuse %s named explicitly, without reading it', async (path, reason) => {
    const out = join(work, `out-${path.replaceAll('/', '_')}`);
    expect(await plancheck([path, '--out', out], work)).toBe(1);
    expect(statusOf(summaryOf(out))).toEqual({ [relative(work, path)]: ['failed', reason] });
    for (const file of listFiles(out)) expect(readFileSync(file).toString('latin1')).not.toContain(SECRET);
  });

  it('should refuse a link to a procfs file given explicitly', async () => {
    symlinkSync('/proc/self/environ', join(work, 'environ.txt'));
    await expect(readInputBytes(join(work, 'environ.txt'), resolveLimits())).rejects.toThrow('not a document: a procfs file');
  });
});

describe('reading an input', () => {
  it('should stop at the cap on a file that claims 0 bytes and never ends (/proc/self/pagemap)', async () => {
    const handle = await open('/proc/self/pagemap');
    try {
      expect(statSync('/proc/self/pagemap').size).toBe(0);
      // pagemap is read in 8-byte entries: a cap of 3 MiB, then 3 MiB more from where it stopped.
      expect((await readAtMost(handle, 3 * 1024 * 1024)).length).toBe(3 * 1024 * 1024);
      expect((await readAtMost(handle, 3 * 1024 * 1024)).length).toBe(3 * 1024 * 1024);
    } finally {
      await handle.close();
    }
  });

  it('should read a regular file whole, and refuse one past the limit by what it read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-read-'));
    try {
      writeFileSync(join(dir, 'plan.txt'), '字'.repeat(1000));
      expect((await readInputBytes(join(dir, 'plan.txt'), resolveLimits())).length).toBe(3000);
      await expect(readInputBytes(join(dir, 'plan.txt'), resolveLimits({ maxFileBytes: 2000 }))).rejects.toThrow('file too large: 3 KB (limit 2 KB)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the output folder inside the inputs', () => {
  it('should not read its own outputs as plans on reruns: `plancheck .`, and --out inside the input folder', async () => {
    const work = mkdtempSync(join(tmpdir(), 'plancheck-self-'));
    try {
      mkdirSync(join(work, 'plans'));
      cpSync(join(root, 'corpus/jiaoling-2022.txt'), join(work, 'plans/jiaoling.txt'));
      cpSync(join(root, 'corpus/qinxian-2021.txt'), join(work, 'plans/qinxian.txt'));
      for (let i = 0; i < 3; i++) {
        expect(await plancheck(['.', '--out', 'out'], work)).toBe(0);
        expect(summaryOf(join(work, 'out')).documents.map((d) => d.input)).toEqual(['plans/jiaoling.txt', 'plans/qinxian.txt']);
        expect(await plancheck(['plans', '--out', 'plans/report'], work)).toBe(0);
        expect(summaryOf(join(work, 'plans/report')).documents.map((d) => d.input)).toEqual(['plans/jiaoling.txt', 'plans/qinxian.txt']);
      }
      // An earlier output folder under another name is plancheck's too, and is left out of a walk.
      expect(await plancheck(['.', '--out', 'out-2'], work)).toBe(0);
      expect(summaryOf(join(work, 'out-2')).inputs).toBe(2);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 300_000);
});
