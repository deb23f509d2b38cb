import { describe, expect, it } from 'vitest';
import { diffPlan } from '../../pipeline/diff.ts';
import { loadNational, toDocumentModel } from './load-gold.ts';

const national = loadNational();
const r1 = (targets: Array<{ level: string; comparator: string; value: number; year: number | null }>) =>
  diffPlan(
    toDocumentModel({
      document: 'cases.txt',
      targets: targets.map((t, i) => ({ indicator: 'R1', unit: '人', kind: 'target', quote: `第${i + 1}处`, line: i + 1, ...t })),
      deadlines: [],
      responsibilities: [],
      coverage: { R1: true },
    }),
    national,
  ).entries.find((e) => e.indicator === 'R1' && e.level === 'primary')!;

describe('diff cases', () => {
  it('should not call the same value worded twice (达到 4.2 / 4.2 以上) conflicting', () => {
    const entry = r1([{ level: 'primary', comparator: '=', value: 4.2, year: 2025 }, { level: 'primary', comparator: '>=', value: 4.2, year: 2025 }]);
    expect(entry.verdict).toBe('meets');
    expect(entry.conflicting).toEqual([]);
  });

  it('should let a figure for the level decide over a county-wide one of the same year', () => {
    const entry = r1([{ level: 'all', comparator: '>=', value: 4.2, year: 2025 }, { level: 'primary', comparator: '>=', value: 4.5, year: 2025 }]);
    expect(entry).toMatchObject({ verdict: 'stricter', actual: { value: 4.5, level: 'primary' } });
  });

  it('should call different values for the same level and year conflicting', () => {
    const entry = r1([{ level: 'primary', comparator: '>=', value: 4.2, year: 2025 }, { level: 'primary', comparator: '>=', value: 4.5, year: 2025 }]);
    expect(entry.verdict).toBe('conflicting');
  });

  it('should not list an undated target as an earlier shortfall', () => {
    const entry = r1([{ level: 'primary', comparator: '>=', value: 3, year: null }, { level: 'primary', comparator: '>=', value: 4.2, year: 2025 }]);
    expect(entry.verdict).toBe('meets');
    expect(entry.belowThreshold).toEqual([]);
  });
});
