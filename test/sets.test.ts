/**
 * Every annotated set in every format it comes in, through the whole pipeline,
 * scored with the in-repo scorer against the set's gold files:
 * - corpus: the five plans (test/gold/), txt, md (the two plans that have one), docx, pdf, html (the
 *   county-site pages of scripts/renditions/make-html.mjs) doc (scripts/renditions/make-doc.mjs) and
 *   ofd (scripts/renditions/make-ofd.mjs);
 * - extra: the nine plans of issue 9 written by other hands (test/extra/), txt and md as
 *   written, docx and pdf made by scripts/renditions/make-extra.mjs, doc by scripts/renditions/make-doc.mjs, html (the docx saved as HTML by
 *   LibreOffice, pasted into a county site's page) by scripts/renditions/make-html.mjs --extra.
 * The figures are printed; a figure below its floor in FLOORS fails.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvalResult } from '../cli/eval.ts';
import { formatFigures, KINDS, scoreSet, toFigures, type Figures } from './score-set.ts';

const root = new URL('..', import.meta.url).pathname;
type Format = 'txt' | 'md' | 'docx' | 'pdf' | 'html' | 'doc' | 'ofd';

/**
 * The floors, per set and format: what the pipeline scored on 2026-12-06 (after the table model, scope
 * inheritance and traditional characters of issue 9) minus 0.02. Raise them as extraction improves; the test log prints each run's figures.
 */
const FLOORS: Record<string, Figures> = {
  'corpus/txt':  { targets: 0.980, deadlines: 0.980, responsibilities: 0.980, coverage: 0.980, roles: 0.980 },
  'corpus/md':   { targets: 0.980, deadlines: 0.980, responsibilities: 0.980, coverage: 0.980, roles: 0.980 },
  'corpus/docx': { targets: 0.980, deadlines: 0.980, responsibilities: 0.980, coverage: 0.980, roles: 0.980 },
  'corpus/pdf':  { targets: 0.980, deadlines: 0.980, responsibilities: 0.980, coverage: 0.980, roles: 0.980 },
  // The web pages' responsibilities: the scorer's same-line bonus pairs a task with the gold task whose txt line
  // equals its line in the page (nanan-2022: 4 of 48 pairs), so 0.972 where the pairs themselves equal the txt's.
  'corpus/html': { targets: 0.980, deadlines: 0.980, responsibilities: 0.952, coverage: 0.980, roles: 0.980 },
  'corpus/doc':  { targets: 0.980, deadlines: 0.980, responsibilities: 0.980, coverage: 0.980, roles: 0.980 },
  // Within 0.02 of txt (1.000 everywhere): ofd measured targets 1.000 · deadlines 1.000 · responsibilities 0.995 · coverage 1.000 · roles 1.000.
  'corpus/ofd':  { targets: 0.980, deadlines: 0.980, responsibilities: 0.980, coverage: 0.980, roles: 0.980 },
  'extra/txt':   { targets: 0.954, deadlines: 0.967, responsibilities: 0.965, coverage: 0.972, roles: 0.980 },
  'extra/md':    { targets: 0.954, deadlines: 0.967, responsibilities: 0.920, coverage: 0.972, roles: 0.958 },
  'extra/docx':  { targets: 0.954, deadlines: 0.967, responsibilities: 0.951, coverage: 0.972, roles: 0.980 },
  'extra/pdf':   { targets: 0.951, deadlines: 0.962, responsibilities: 0.950, coverage: 0.972, roles: 0.980 },
  'extra/doc':   { targets: 0.954, deadlines: 0.967, responsibilities: 0.951, coverage: 0.972, roles: 0.980 },
  // As corpus/html: 0.958 where the pairs equal the docx's (0.971 without the scorer's same-line bonus).
  'extra/html':  { targets: 0.954, deadlines: 0.967, responsibilities: 0.938, coverage: 0.972, roles: 0.980 },
};

/** Where each set keeps its gold files and each format of a plan. */
/** The web page of a corpus plan: its file in corpus/html/, whatever its extension (.html, .htm, .shtml, .mhtml). */
const pageOf = (plan: string): string => {
  const file = readdirSync(join(root, 'corpus/html')).find((name) => name.slice(0, name.lastIndexOf('.')) === plan);
  return `corpus/html/${file ?? `${plan}.html`}`;
};

const SETS: Record<string, { gold: string; path: Partial<Record<Format, (plan: string) => string>> }> = {
  corpus: {
    gold: 'test/gold',
    path: {
      txt: (plan) => `corpus/${plan}.txt`,
      md: (plan) => `corpus/md/${plan}.md`,
      docx: (plan) => `corpus/docx/${plan}.docx`,
      pdf: (plan) => `corpus/pdf/${plan}.pdf`,
      html: pageOf,
      doc: (plan) => `corpus/doc/${plan}.doc`,
      ofd: (plan) => `corpus/ofd/${plan}.ofd`,
    },
  },
  extra: {
    gold: 'test/extra/gold',
    path: {
      txt: (plan) => `test/extra/corpus/${plan}.txt`,
      md: (plan) => `test/extra/corpus/${plan}.md`,
      docx: (plan) => `test/extra/corpus/docx/${plan}.docx`,
      pdf: (plan) => `test/extra/corpus/pdf/${plan}.pdf`,
      doc: (plan) => `test/extra/corpus/doc/${plan}.doc`,
      html: (plan) => `test/extra/corpus/html/${plan}.html`,
      ofd: (plan) => `test/extra/corpus/ofd/${plan}.ofd`,
    },
  },
};

/** The plans of a set: its gold files' names. */
const plansOf = (set: string) => readdirSync(join(root, SETS[set]!.gold)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)).sort();

/** Each measured set and format: its label (`extra/pdf`) and the plans that exist in that format. */
const RUNS = Object.keys(FLOORS).map((label) => {
  const [set, format] = label.split('/') as [string, Format];
  const path = SETS[set]!.path[format]!;
  return { label, set, format, path, plans: plansOf(set).filter((plan) => existsSync(join(root, path(plan)))) };
});

describe('every set in every format', () => {
  const work = mkdtempSync(join(tmpdir(), 'plancheck-sets-'));
  const results: Record<string, EvalResult> = {};
  const goldOf = (label: string) => join(work, label, 'gold');

  beforeAll(async () => {
    for (const { label, set, path, plans } of RUNS) {
      // Gold for exactly the plans this format has, so a plan without an md rendition is not scored as empty.
      mkdirSync(goldOf(label), { recursive: true });
      for (const plan of plans) copyFileSync(join(root, SETS[set]!.gold, `${plan}.json`), join(goldOf(label), `${plan}.json`));
      results[label] = await scoreSet(plans.map((plan) => join(root, path(plan))), goldOf(label), join(work, label, 'pred'));
    }
    console.log(['micro-averaged figures per set and format:', ...RUNS.map(({ label, plans }) => `${formatFigures(label, toFigures(results[label]!))} (${plans.length} plans)`)].join('\n'));
  }, 900_000);

  it.each(RUNS.map(({ label, plans }) => ({ label, count: plans.length })))('should find the plans of $label', ({ label, count }) => {
    const expected = { 'corpus/md': 2 }[label] ?? (label.startsWith('corpus/') ? 5 : 9);
    expect(count).toBe(expected);
    expect(results[label]!.missing).toEqual([]);
  });

  it.each(Object.keys(FLOORS))('should keep every figure of %s at or above its floor', (label) => {
    const figures = toFigures(results[label]!);
    const below = KINDS.filter((kind) => figures[kind] < FLOORS[label]![kind]).map((kind) => `${kind} ${figures[kind].toFixed(3)} < ${FLOORS[label]![kind]}`);
    expect(below).toEqual([]);
  });

  it.each(Object.keys(FLOORS))('should count %s exactly as the shared scorer does', (label) => {
    const shared = JSON.parse(execFileSync('node', [join(root, 'test/reference/score.mjs'), '--pred', join(work, label, 'pred'), '--gold', goldOf(label), '--json'], { encoding: 'utf8' }));
    const ours = toFigures(results[label]!);
    expect(ours).toEqual({
      targets: expect.closeTo(shared.summary.targets.f, 9),
      deadlines: expect.closeTo(shared.summary.deadlines.f, 9),
      responsibilities: expect.closeTo(shared.summary.responsibilities.f, 9),
      coverage: expect.closeTo(shared.summary.coverage, 9),
      roles: expect.closeTo(shared.summary.roles, 9),
    });
  });
});
