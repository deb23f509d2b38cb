import { describe, expect, it } from 'vitest';
import { expectHeldOutFloors, heldOutPlans, type Floors } from './heldout-harness.ts';

/**
 * Plans kept out of the extractors' tuning (test/heldout/targets-<name>/plan.txt with a
 * hand-made gold.json). The floors pin what the extractors reach on them today.
 */
const floors: Record<string, Floors> = {
  qinghe: { targets: 0.97, coverage: 0.97 },
  shichuan: { targets: 0.97, coverage: 0.97 },
  yunfeng: { targets: 0.97, coverage: 0.97 },
};

describe('held-out plans for targets and coverage', () => {
  it('should have a floor for every held-out plan', () => {
    expect(heldOutPlans('targets-')).toEqual(Object.keys(floors).sort());
  });

  for (const [name, floor] of Object.entries(floors)) {
    it(`should keep targets F1 and coverage of ${name} above their floors`, async () => {
      await expectHeldOutFloors(`targets-${name}`, 'plan.txt', floor);
    });
  }
});
