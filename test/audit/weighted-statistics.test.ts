import { describe, expect, it } from 'vitest';
import { weightedStatistics } from '../../audit/weighted-statistics.ts';

describe('weightedStatistics', () => {
  it('should give X̄ = 7.2, S = 1.3266, CV = 0.1843 for 4, 6, 8 with 100, 200, 700 students (教督〔2017〕6号)', () => {
    const result = weightedStatistics([4, 6, 8], [100, 200, 700])!;
    expect(result.mean).toBeCloseTo(7.2, 10);
    expect(result.sd.toFixed(4)).toBe('1.3266');
    expect(result.cv!.toFixed(4)).toBe('0.1843');
  });

  it('should not give the unweighted coefficient (0.2722 for the same values)', () => {
    const unweighted = weightedStatistics([4, 6, 8], [1, 1, 1])!;
    expect(unweighted.cv!.toFixed(4)).toBe('0.2722');
    expect(weightedStatistics([4, 6, 8], [100, 200, 700])!.cv!.toFixed(4)).not.toBe('0.2722');
  });

  it.each([
    { values: [5], weights: [300], mean: 5, sd: 0, cv: 0 },
    { values: [2, 2, 2], weights: [10, 20, 30], mean: 2, sd: 0, cv: 0 },
    { values: [0, 10], weights: [1, 1], mean: 5, sd: 5, cv: 1 },
  ])('should give mean $mean, S $sd, CV $cv for $values weighted $weights', ({ values, weights, mean, sd, cv }) => {
    const result = weightedStatistics(values, weights)!;
    expect(result.mean).toBeCloseTo(mean, 12);
    expect(result.sd).toBeCloseTo(sd, 12);
    expect(result.cv).toBeCloseTo(cv, 12);
  });

  it('should give no statistics for no school, and no CV for a mean of 0', () => {
    expect(weightedStatistics([], [])).toBeNull();
    expect(weightedStatistics([0, 0], [5, 5])!.cv).toBeNull();
  });
});
