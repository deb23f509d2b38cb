import { describe, expect, it } from 'vitest';
import { expectHeldOutFloors, heldOutPlans, type Floors } from './heldout-harness.ts';

/**
 * Third round of blind held-out plans (test/heldout/blind3-<name>/plan.txt; gold.json
 * annotated before the extractors first ran on them): a page scraped from a web site
 * (lines broken mid-sentence, full-width digits, ① lists, 不低于省定标准) and a plan with a
 * 任务清单 of 牵头单位/配合单位 lines, a 时间安排 and 保障措施 sentences. The floors pin what
 * the extractors reach on them after the fixes they showed.
 */
const floors: Record<string, Floors> = {
  songlan: { targets: 0.99, deadlines: 0.99, responsibilities: 0.99, coverage: 1 },
  huaichuan: { targets: 0.99, deadlines: 0.99, responsibilities: 0.99, coverage: 1 },
};

describe('third blind held-out plans', () => {
  it('should have a floor for every third-round blind plan', () => {
    const found = heldOutPlans('blind3-');
    expect(found.sort()).toEqual(Object.keys(floors).sort());
  });

  for (const [name, floor] of Object.entries(floors)) {
    it(`should keep every kind of ${name} above its floor`, async () => {
      await expectHeldOutFloors(`blind3-${name}`, 'plan.txt', floor);
    });
  }
});
