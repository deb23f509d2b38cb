import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../../extractors/extract-plan.ts';
import { scoreDocument, toPrf } from '../../pipeline/evaluate.ts';
import { ingest } from '../../pipeline/ingest.ts';

/**
 * Blind held-out plans (test/heldout/blind-<name>/plan.txt, and plan.docx with real Word
 * tables where the plan has tables; gold.json annotated before the extractors first ran
 * on them). The floors pin what the extractors reach on them after the fixes they showed.
 */
const root = new URL('../heldout/', import.meta.url);
interface Floors { targets: number; deadlines: number; responsibilities: number; coverage: number }
const floors: Record<string, Floors> = {
  'linxi.txt': { targets: 0.99, deadlines: 0.99, responsibilities: 0.99, coverage: 1 },
  'linxi.docx': { targets: 0.99, deadlines: 0.99, responsibilities: 0.99, coverage: 1 },
  'zheling.txt': { targets: 0.99, deadlines: 0.99, responsibilities: 0.99, coverage: 1 },
};

describe('blind held-out plans', () => {
  it('should have a floor for every blind plan and format', () => {
    const found = readdirSync(root)
      .filter((d) => d.startsWith('blind-'))
      .flatMap((d) => readdirSync(new URL(`${d}/`, root)).filter((f) => /^plan\.(txt|docx)$/.test(f)).map((f) => `${d.slice('blind-'.length)}.${f.split('.')[1]}`));
    expect(found.sort()).toEqual(Object.keys(floors).sort());
  });

  for (const [key, floor] of Object.entries(floors)) {
    const [name, format] = key.split('.') as [string, string];
    it(`should keep every kind of ${name} (${format}) above its floor`, async () => {
      const folder = new URL(`blind-${name}/`, root);
      const doc = await ingest(readFileSync(new URL(`plan.${format}`, folder)), `.${format}`);
      const pred = extractPlan(doc.blocks, doc.metadata);
      const gold = JSON.parse(readFileSync(new URL('gold.json', folder), 'utf8'));
      const score = scoreDocument(name, gold, pred);
      expect(toPrf(score.targets).f1, `targets missed ${score.targets.missed.join(', ')}; extra ${score.targets.extra.join(', ')}`).toBeGreaterThanOrEqual(floor.targets);
      expect(toPrf(score.deadlines).f1, `deadlines missed ${score.deadlines.missed.join(', ')}; extra ${score.deadlines.extra.join(', ')}`).toBeGreaterThanOrEqual(floor.deadlines);
      expect(toPrf(score.responsibilities).f1, `responsibilities missed ${score.responsibilities.missed.join(', ')}; extra ${score.responsibilities.extra.join(', ')}`).toBeGreaterThanOrEqual(floor.responsibilities);
      expect(score.coverage.right / score.coverage.total, `coverage wrong: ${score.coverage.wrong.join(', ')}`).toBeGreaterThanOrEqual(floor.coverage);
    });
  }
});
