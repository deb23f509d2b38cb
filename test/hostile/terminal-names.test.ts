import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropControls, escapeControls } from '../../model/control-characters.ts';
import { titleOf, type ReportInput } from '../../reports/report-input.ts';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const bin = join(root, 'bin/plancheck.js');
/** Anything a terminal acts on, or that turns text around: controls other than the line ends, and bidi controls. */
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const NAMES = [
  '\u001b]0;pwned\u0007title.txt',
  '\u001b]52;c;ZXZpbA==\u0007clipboard.txt',
  '\u001b[2J\u001b[Hclear.txt',
  'forged\nplancheck: 0 inputs, 0 ok.txt',
  '\u202etxt.exe.txt',
];

describe('file names that act on a terminal', () => {
  let work: string;
  let stdout = '';
  let stderr = '';

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'plancheck-names-'));
    mkdirSync(join(work, 'in'));
    const plan = readFileSync(join(root, 'corpus/jiaoling-2022.txt'));
    for (const name of NAMES) writeFileSync(join(work, 'in', name), plan);
    writeFileSync(join(work, 'in', '\u001b[31mempty.txt'), '');
    try {
      ({ stdout, stderr } = await run('node', [bin, 'in', '--out', 'out', '--lang', 'en'], { cwd: work }));
    } catch (error) {
      ({ stdout, stderr } = error as { stdout: string; stderr: string });
    }
  }, 300_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('should print every name with its controls escaped, one line per input, in stdout and stderr', () => {
    expect(readdirSync(join(work, 'in'))).toHaveLength(NAMES.length + 1);
    for (const text of [stdout, stderr]) expect(text).not.toMatch(ACTIVE);
    const summaryLines = stdout.trimEnd().split('\n');
    expect(summaryLines).toHaveLength(1 + NAMES.length + 1);
    expect(summaryLines[0]).toBe('plancheck: 6 inputs, 5 ok, 1 failed → out/');
    expect(stdout).toContain('in/\\x1b]52;c;ZXZpbA==\\x07clipboard.txt');
    expect(stdout).toContain('in/forged\\nplancheck: 0 inputs, 0 ok.txt');
    expect(stdout).toContain('in/\\u202etxt.exe.txt');
    expect(stdout).toContain('  failed  in/\\x1b[31mempty.txt: empty file');
    expect(stderr.trimEnd().split('\n')).toHaveLength(NAMES.length + 1);
  });

  it.each([
    ['\u001b]0;x\u0007a.txt', '\\x1b]0;x\\x07a.txt', ']0;xa.txt'],
    ['a\r\nb\tc', 'a\\r\\nb\\tc', 'abc'],
    ['\u202e\u2066\u200f\u061c\u2028x', '\\u202e\\u2066\\u200f\\u061c\\u2028x', 'x'],
    ['\u009b31m方案', '\\x9b31m方案', '31m方案'],
  ])('should escape %j for a terminal and drop its controls from a title', (text, escaped, dropped) => {
    expect(escapeControls(text)).toBe(escaped);
    expect(dropControls(text)).toBe(dropped);
  });

  it('should give a report no control in its title when the title is the file name', () => {
    const model = { document: '\u001b]0;pwned\u0007\u202eplan.txt', metadata: { title: null } } as unknown as ReportInput;
    expect(titleOf(model)).toBe(']0;pwnedplan.txt');
  });
});
