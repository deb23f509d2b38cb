import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvalResult } from '../cli/eval.ts';
import { scoreSet } from './score-set.ts';

const root = new URL('..', import.meta.url).pathname;
const gold = join(root, 'test/gold');
/** The shared scorer, copied into the repository (test/shared-copies.test.ts keeps it identical to ../shared/eval/score.mjs). */
const referenceScorer = join(root, 'test/reference/score.mjs');
const PLANS = ['haicheng', 'jiaoling-2022', 'nanan-2022', 'nanchuan-2021', 'qinxian-2021'];
const FORMATS = [
  { name: 'txt', path: (plan: string) => `corpus/${plan}.txt` },
  { name: 'docx', path: (plan: string) => `corpus/docx/${plan}.docx` },
  { name: 'pdf', path: (plan: string) => `corpus/pdf/${plan}.pdf` },
];

/** The floors of issue 3 on the five corpus plans: a regression below them fails. */
const FLOORS = { targets: 0.95, deadlines: 0.9, responsibilities: 0.9, coverage: 0.9 };

const figures = (result: EvalResult) => ({
  targets: result.micro.targets.f1,
  deadlines: result.micro.deadlines.f1,
  responsibilities: result.micro.responsibilities.f1,
  coverage: result.micro.coverage,
});

describe('extraction quality on the corpus', () => {
  const work = mkdtempSync(join(tmpdir(), 'plancheck-eval-'));
  const results: Record<string, EvalResult> = {};

  beforeAll(async () => {
    for (const format of FORMATS) {
      results[format.name] = await scoreSet(PLANS.map((plan) => join(root, format.path(plan))), gold, join(work, format.name));
    }
  }, 300_000);

  it('should reach the floors from the txt plans', () => {
    const txt = figures(results.txt!);
    expect(txt.targets).toBeGreaterThanOrEqual(FLOORS.targets);
    expect(txt.deadlines).toBeGreaterThanOrEqual(FLOORS.deadlines);
    expect(txt.responsibilities).toBeGreaterThanOrEqual(FLOORS.responsibilities);
    expect(txt.coverage).toBeGreaterThanOrEqual(FLOORS.coverage);
  });

  it.each(['docx', 'pdf'])('should score the %s renditions within 0.03 of the txt plans', (format) => {
    const txt = figures(results.txt!);
    const other = figures(results[format]!);
    for (const kind of Object.keys(txt) as Array<keyof typeof txt>) {
      expect({ kind, delta: Math.abs(txt[kind] - other[kind]) <= 0.03 }).toEqual({ kind, delta: true });
    }
  });

  const reference = (format: string, ...flags: string[]) =>
    execFileSync('node', [referenceScorer, '--pred', join(work, format), '--gold', gold, ...flags], { encoding: 'utf8' });

  it.each(FORMATS.map((format) => format.name))('should count every kind of every document (%s) as the shared scorer does', (format) => {
    const shared = JSON.parse(reference(format, '--json'));
    const ours = results[format]!;
    expect(ours.micro.targets.f1).toBeCloseTo(shared.summary.targets.f, 9);
    expect(ours.micro.deadlines.f1).toBeCloseTo(shared.summary.deadlines.f, 9);
    expect(ours.micro.responsibilities.f1).toBeCloseTo(shared.summary.responsibilities.f, 9);
    expect(ours.micro.coverage).toBeCloseTo(shared.summary.coverage, 9);
    expect(ours.micro.roles).toBeCloseTo(shared.summary.roles, 9);
    expect(ours.documents.map((d) => d.id)).toEqual(shared.perDoc.map((doc: { id: string }) => doc.id));
    for (const doc of shared.perDoc) {
      const mine = ours.documents.find((d) => d.id === doc.id)!;
      const counts = (c: { tp: number; fp: number; fn: number }) => [c.tp, c.fp, c.fn];
      expect({ id: doc.id, targets: counts(mine.targets), deadlines: counts(mine.deadlines), responsibilities: counts(mine.responsibilities) }).toEqual({
        id: doc.id,
        targets: counts(doc.targets),
        deadlines: counts(doc.deadlines),
        responsibilities: counts(doc.responsibilities),
      });
      expect({ id: doc.id, coverage: [mine.coverage.right, mine.coverage.total], roles: [mine.roles.right, mine.roles.total], wrong: mine.roles.wrong }).toEqual({
        id: doc.id,
        coverage: [doc.coverage.right, doc.coverage.total],
        roles: [doc.responsibilities.roleRight, doc.responsibilities.roleTotal],
        wrong: doc.responsibilities.roleWrong,
      });
    }
  });

  it('should have role pairs to compare, so the role counts above are tested', () => {
    expect(results.txt!.documents.reduce((n, d) => n + d.roles.total, 0)).toBeGreaterThan(0);
  });

  it('should print, as `plancheck eval --verbose`, exactly what the shared scorer prints', () => {
    const ours = execFileSync('node', [join(root, 'bin/plancheck.js'), 'eval', '--pred', join(work, 'txt'), '--gold', gold, '--verbose'], { encoding: 'utf8' });
    expect(ours).toBe(reference('txt', '--verbose'));
    expect(ours).toMatch(/ · roles \d\.\d{3} · 5 documents, 0 without prediction\n$/);
  });

  it('should note a gold file without a prediction on stderr and score it as empty, as the shared scorer does', () => {
    const partial = mkdtempSync(join(tmpdir(), 'plancheck-eval-partial-'));
    copyFileSync(join(work, 'txt', 'nanan-2022.json'), join(partial, 'nanan-2022.json'));
    const run = (command: string[]) => spawnSync('node', [...command, '--pred', partial, '--gold', gold], { encoding: 'utf8' });
    const ours = run([join(root, 'bin/plancheck.js'), 'eval']);
    const shared = run([referenceScorer]);
    expect([ours.status, ours.stdout, ours.stderr]).toEqual([0, shared.stdout, shared.stderr]);
    expect(ours.stderr.split('\n').filter(Boolean)).toHaveLength(4);
    expect(ours.stdout).toMatch(/5 documents, 4 without prediction\n$/);
  });
});
