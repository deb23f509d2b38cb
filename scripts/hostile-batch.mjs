#!/usr/bin/env node
/**
 * The "done when" batch of issue #11: the corpus plus every hostile input of the issue, in one run
 * of plancheck on 2 workers, checked and measured. Run from the repository root, after
 * `node scripts/fixtures/make-hostile-fixtures.mjs`: `node scripts/hostile-batch.mjs [--keep]`.
 *
 * Builds a work folder in the system's temporary folder: `in/` with the corpus (txt, md, docx, pdf),
 * test/fixtures/hostile/ and test/fixtures/bad/, links out of the folder (/etc/shadow, /etc/passwd,
 * /proc/self/environ, /proc/self/pagemap, /etc), an 8 MB text of two million lines, plans named like
 * batch files, names with terminal controls; and an `out/` holding a user's `*.tmp` file and a link
 * planted where a plan's reports go. A secret is put in the run's environment.
 *
 * Checks: exit code 1; summary.json lists every input once, each failed or skipped one with a
 * one-line reason; index.html, overview.csv and overview.xlsx written; nothing of /etc/passwd, of
 * /proc or of the environment in out/; nothing written outside out/; the user's file kept. Prints
 * the figures (inputs, ok, failed, skipped, seconds, peak RSS of plancheck and its workers summed).
 * Exits 1 when a check fails.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = process.cwd();
const keep = process.argv.includes('--keep');
const work = mkdtempSync(join(tmpdir(), 'plancheck-hostile-batch-'));
const secret = `plancheck-batch-secret-${process.pid}`;
const inDir = join(work, 'in');
const out = join(work, 'out');
const elsewhere = join(work, 'elsewhere');

// --- the inputs ---------------------------------------------------------------------------------------
mkdirSync(inDir);
for (const folder of ['md', 'docx', 'pdf']) cpSync(join(root, 'corpus', folder), join(inDir, 'corpus', folder), { recursive: true });
for (const name of readdirSync(join(root, 'corpus')).filter((n) => n.endsWith('.txt'))) cpSync(join(root, 'corpus', name), join(inDir, 'corpus', name));
cpSync(join(root, 'test/fixtures/hostile'), join(inDir, 'hostile'), { recursive: true });
cpSync(join(root, 'test/fixtures/bad'), join(inDir, 'bad'), { recursive: true });
const links = { 'shadow.txt': '/etc/shadow', 'passwd.md': '/etc/passwd', 'env.txt': '/proc/self/environ', 'pagemap.txt': '/proc/self/pagemap', 'etc-link': '/etc' };
mkdirSync(join(inDir, 'links'));
for (const [name, target] of Object.entries(links)) symlinkSync(target, join(inDir, 'links', name));
mkdirSync(join(inDir, 'big'));
writeFileSync(join(inDir, 'big/million-lines.txt'), '字\n'.repeat(2_000_000));
mkdirSync(join(inDir, 'names/index.html'), { recursive: true });
const plan = readFileSync(join(root, 'corpus/jiaoling-2022.txt'));
for (const name of ['summary.json.txt', 'index.html.txt', 'overview.csv.txt', 'overview.xlsx.txt', 'index.html/plan.txt', '\u001b]52;c;ZXZpbA==\u0007clip.txt', 'forged\nline.txt', '\u202etxt.exe.txt']) {
  writeFileSync(join(inDir, 'names', name), plan);
}
// --- a used output folder ----------------------------------------------------------------------------------
mkdirSync(out);
mkdirSync(elsewhere);
writeFileSync(join(out, 'thesis.docx.4000001.autosave.tmp'), 'the user\'s work\n');
symlinkSync(elsewhere, join(out, 'hostile')); // where the reports of in/hostile/* would go

const before = snapshot(work, ['out']);

// --- the run -------------------------------------------------------------------------------------------------
const started = performance.now();
const child = spawn('node', [join(root, 'bin/plancheck.js'), 'in', '--out', 'out', '--jobs', '2'], {
  cwd: work,
  env: { ...process.env, PLANCHECK_BATCH_SECRET: secret },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let stdout = '';
let stderr = '';
child.stdout.on('data', (chunk) => (stdout += chunk));
child.stderr.on('data', (chunk) => (stderr += chunk));
let peakKb = 0;
const sampler = setInterval(async () => {
  const kb = await treeRssKb(child.pid);
  if (kb > peakKb) peakKb = kb;
}, 100);
const code = await new Promise((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
clearInterval(sampler);
const seconds = (performance.now() - started) / 1000;

// --- the checks ------------------------------------------------------------------------------------------------
const failures = [];
const check = (ok, what) => {
  if (!ok) failures.push(what);
};
check(code === 1, `exit code 1 (was ${code})`);
const summary = existsSync(join(out, 'summary.json')) ? JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) : null;
check(summary !== null, 'summary.json written');
const expected = listInputs(inDir).map((path) => relative(work, path)).sort();
const listed = (summary?.documents ?? []).map((d) => d.input).sort();
check(JSON.stringify(listed) === JSON.stringify(expected), `summary lists every input once (${listed.length} of ${expected.length})`);
for (const entry of summary?.documents ?? []) {
  if (entry.status !== 'ok') check(typeof entry.reason === 'string' && !/[\r\n]/.test(entry.reason) && entry.reason !== '', `a one-line reason for ${entry.input}`);
}
for (const file of ['index.html', 'overview.csv', 'overview.xlsx']) check(existsSync(join(out, file)) && statSync(join(out, file)).isFile(), `${file} written`);
const passwdLine = readFileSync('/etc/passwd', 'utf8').split('\n')[0];
const environ = readFileSync('/proc/self/environ', 'latin1').split('\0').filter((pair) => pair.length > 20);
for (const file of listFiles(out)) {
  const text = readFileSync(file).toString('latin1');
  check(!text.includes(secret), `no environment secret in ${relative(work, file)}`);
  check(!text.includes(passwdLine), `nothing of /etc/passwd in ${relative(work, file)}`);
  check(!environ.some((pair) => text.includes(pair)), `nothing of /proc/self/environ in ${relative(work, file)}`);
}
check(JSON.stringify(snapshot(work, ['out'])) === JSON.stringify(before), 'nothing written or deleted outside out/');
check(readdirSync(elsewhere).length === 0, 'nothing written through the link planted in out/');
check(readFileSync(join(out, 'thesis.docx.4000001.autosave.tmp'), 'utf8') === 'the user\'s work\n', 'the user\'s *.tmp file kept');
check(listFiles(out).every((file) => !/\.plancheck-\d+-[a-z0-9]+\.tmp$/.test(file)), 'no temporary left');
check(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(stdout + stderr), 'no control or bidi character printed');
const peakMb = Math.round(peakKb / 1024);
check(peakMb < 2560, `peak RSS under 2.5 GB (was ${peakMb} MB)`);

const counts = summary ? { inputs: summary.inputs, ok: summary.ok, failed: summary.failed, skipped: summary.skipped } : {};
process.stdout.write(`${JSON.stringify({ ...counts, exitCode: code, seconds: Math.round(seconds * 10) / 10, peakRssMB: peakMb, jobs: 2 })}\n`);
for (const entry of summary?.documents ?? []) {
  process.stdout.write(`  ${entry.status.padEnd(7)} ${JSON.stringify(entry.input).slice(1, -1).replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)}${entry.reason ? `: ${entry.reason}` : ''}\n`);
}
if (failures.length > 0) {
  process.stdout.write(`FAILED checks:\n${[...new Set(failures)].map((f) => `  ${f}`).join('\n')}\n`);
  process.exitCode = 1;
} else {
  process.stdout.write('all checks passed\n');
}
if (keep) process.stdout.write(`kept: ${work}\n`);
else rmSync(work, { recursive: true, force: true });

// =================================================================================================

/** Resident memory of a process and all its descendants, in KB, from /proc. */
async function treeRssKb(pid) {
  const parents = new Map();
  for (const name of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => null);
    if (stat === null) continue;
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    parents.set(Number(name), ppid);
  }
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, parent] of parents) if (tree.has(parent) && !tree.has(child)) (tree.add(child), (grew = true));
  }
  let kb = 0;
  for (const member of tree) {
    const status = await readFile(`/proc/${member}/status`, 'utf8').catch(() => '');
    kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  }
  return kb;
}

/** Every entry a walk of `in/` should list: files with a document extension, links, not dot files. */
function listInputs(folder) {
  const found = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isSymbolicLink()) found.push(path);
    else if (entry.isDirectory()) found.push(...listInputs(path));
    else if (/\.(txt|text|md|markdown|docx|pdf)$/i.test(entry.name)) found.push(path);
  }
  return found;
}

function listFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/** Every path under a folder with its size and modification time, leaving out the named top folders. */
function snapshot(folder, leaveOut) {
  const entries = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const rel = relative(folder, path);
      if (leaveOut.includes(rel)) continue;
      const info = statSync(path, { throwIfNoEntry: false });
      entries.push(`${rel} ${entry.isSymbolicLink() ? 'link' : (info?.size ?? '-')} ${entry.isSymbolicLink() ? '' : (info?.mtimeMs ?? '')}`);
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(folder);
  return entries.sort();
}
