import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateFolders, type EvalResult } from '../cli/eval.ts';
import { processDocument } from '../pipeline/process-document.ts';

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
      const dir = join(work, format.name);
      mkdirSync(dir, { recursive: true });
      for (const plan of PLANS) {
        const path = format.path(plan);
        const outcome = await processDocument(readFileSync(join(root, path)), basename(path));
        if (!outcome.ok) throw new Error(`${path}: ${outcome.reason}`);
        writeFileSync(join(dir, `${basename(path, extname(path))}.json`), JSON.stringify(outcome.model));
      }
      results[format.name] = await evaluateFolders(dir, gold);
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

  it('should print the same figures as the shared scorer', () => {
    const shared = JSON.parse(execFileSync('node', [referenceScorer, '--pred', join(work, 'txt'), '--gold', gold, '--json'], { encoding: 'utf8' }));
    const ours = results.txt!;
    expect(ours.micro.targets.f1).toBeCloseTo(shared.summary.targets.f, 9);
    expect(ours.micro.deadlines.f1).toBeCloseTo(shared.summary.deadlines.f, 9);
    expect(ours.micro.responsibilities.f1).toBeCloseTo(shared.summary.responsibilities.f, 9);
    expect(ours.micro.coverage).toBeCloseTo(shared.summary.coverage, 9);
    for (const doc of shared.perDoc) {
      const mine = ours.documents.find((d) => d.id === doc.id)!;
      expect([mine.targets.tp, mine.targets.fp, mine.targets.fn]).toEqual([doc.targets.tp, doc.targets.fp, doc.targets.fn]);
      expect([mine.responsibilities.tp, mine.responsibilities.fp, mine.responsibilities.fn]).toEqual([doc.responsibilities.tp, doc.responsibilities.fp, doc.responsibilities.fn]);
    }
  });
});
