import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../../extractors/extract-plan.ts';
import { scoreDocument, toPrf } from '../../pipeline/evaluate.ts';
import { ingest } from '../../pipeline/ingest.ts';

/**
 * Plans kept out of the extractors' tuning (test/heldout/targets-<name>/plan.txt with a
 * hand-made gold.json). The floors pin what the extractors reach on them today.
 */
const root = new URL('../heldout/', import.meta.url);
const floors: Record<string, { targetsF1: number; coverage: number }> = {
  qinghe: { targetsF1: 0.97, coverage: 0.97 },
  shichuan: { targetsF1: 0.97, coverage: 0.97 },
  yunfeng: { targetsF1: 0.97, coverage: 0.97 },
};

describe('held-out plans for targets and coverage', () => {
  const names = readdirSync(root).filter((d) => d.startsWith('targets-')).map((d) => d.slice('targets-'.length));

  it('should have a floor for every held-out plan', () => {
    expect(names.sort()).toEqual(Object.keys(floors).sort());
  });

  for (const name of Object.keys(floors)) {
    it(`should keep targets F1 and coverage of ${name} above their floors`, async () => {
      const folder = new URL(`targets-${name}/`, root);
      const doc = await ingest(readFileSync(new URL('plan.txt', folder)), '.txt');
      const pred = extractPlan(doc.blocks, doc.metadata);
      const gold = JSON.parse(readFileSync(new URL('gold.json', folder), 'utf8'));
      const score = scoreDocument(name, gold, pred);
      const f1 = toPrf(score.targets).f1;
      expect(f1, `missed ${score.targets.missed.join(', ')}; extra ${score.targets.extra.join(', ')}`).toBeGreaterThanOrEqual(floors[name]!.targetsF1);
      expect(score.coverage.right / score.coverage.total, `coverage wrong: ${score.coverage.wrong.join(', ')}`).toBeGreaterThanOrEqual(floors[name]!.coverage);
    });
  }
});
