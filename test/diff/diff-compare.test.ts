import { describe, expect, it } from 'vitest';
import type { Comparator } from '../../model/plan.ts';
import { compareWithThreshold } from '../../pipeline/diff/compare.ts';
import type { ThresholdComparator } from '../../model/standard.ts';

const cases: Array<[Comparator, number, ThresholdComparator, number, string]> = [
  ['>=', 0.9, '>=', 0.9, 'meets'],
  ['>=', 1.5, '>=', 1, 'stricter'],
  ['>=', 0.55, '>=', 0.9, 'weaker'],
  ['≈', 0.9, '>=', 0.9, 'weaker'],
  ['≈', 0.8, '>=', 0.9, 'weaker'],
  ['≈', 1.2, '>=', 0.9, 'stricter'],
  ['=', 85, '>=', 85, 'meets'],
  ['>', 85, '>=', 85, 'stricter'],
  ['<=', 45, '<=', 45, 'meets'],
  ['<=', 40, '<=', 45, 'stricter'],
  ['<=', 55, '<=', 45, 'weaker'],
  ['<', 0.15, '<', 0.15, 'meets'],
  ['<=', 0.15, '<', 0.15, 'weaker'],
  ['<', 0.1, '<', 0.15, 'stricter'],
  ['≈', 0.15, '<', 0.15, 'weaker'],
  ['<=', 100, '>=', 85, 'weaker'],
  ['>=', 0.1 + 0.2, '>=', 0.3, 'meets'],
];

describe('compareWithThreshold', () => {
  it.each(cases)('should judge a plan’s %s %s against %s %s as %s', (comparator, value, thresholdComparator, thresholdValue, expected) => {
    expect(compareWithThreshold({ comparator, value }, { comparator: thresholdComparator, value: thresholdValue })).toBe(expected);
  });
});
