import { describe, expect, it } from 'vitest';
import { expectHeldOutFloors, heldOutPlans, type Floors } from './heldout-harness.ts';

/**
 * Plans kept out of the corpus the deadline and responsibility rules were first tuned on
 * (test/heldout/resp-<name>/plan.txt with a hand-made gold.json, annotated by
 * EXTRACTION.md §2–§3). resp-songhe was written after the other three had been used to
 * fix the rules, as a blind check. The floors pin what the extractors reach on them today.
 */
const floors: Record<string, Floors> = {
  hedong: { deadlines: 0.99, responsibilities: 0.99 },
  lanxi: { deadlines: 0.99, responsibilities: 0.99 },
  qingfeng: { deadlines: 0.99, responsibilities: 0.99 },
  songhe: { deadlines: 0.99, responsibilities: 0.99 },
};

describe('held-out plans for deadlines and responsibilities', () => {
  it('should have a floor for every held-out plan', () => {
    expect(heldOutPlans('resp-')).toEqual(Object.keys(floors).sort());
  });

  for (const [name, floor] of Object.entries(floors)) {
    it(`should keep deadline and responsibility F1 of ${name} above their floors`, async () => {
      await expectHeldOutFloors(`resp-${name}`, 'plan.txt', floor);
    });
  }
});
