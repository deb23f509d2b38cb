/**
 * 方案承诺 vs 实际: which of a plan's figures is compared (the audit year, else the nearest
 * later year, else an undated one; the 学段's own before all 学段), and what it is compared with.
 */
import { describe, expect, it } from 'vitest';
import type { Target } from '../../model/plan.ts';
import { audit, goodPrimary, HEADER, sheetOf } from './helpers.ts';

const target = (fields: Partial<Target>): Target => ({
  indicator: 'R1', level: 'primary', comparator: '>=', value: 4.5, unit: '人', year: 2025, kind: 'target', quote: '每百名学生拥有高于规定学历教师数达到4.5人', location: { line: 1 }, ...fields,
});
// Two 小学: R1 = 5 (500 students) and 3.5 (400 students, 14 teachers: below 85 % of 4.2, so R9 fails); weighted mean 4.3333.
const county = () => sheetOf([HEADER, goodPrimary('一小'), ['二小', '小学', 400, 14, 6, 5, 2500, 4000, 1_100_000, 12]]);

describe('comparePlan', () => {
  it.each([
    { case: 'the audit year', targets: [target({ year: 2024, value: 4 }), target({ year: 2025, value: 4.5 }), target({ year: 2027, value: 5 })], value: 4.5, year: 2025 },
    { case: 'the nearest later year', targets: [target({ year: 2024, value: 4 }), target({ year: 2027, value: 5 }), target({ year: 2026, value: 4.8 })], value: 4.8, year: 2026 },
    { case: 'an undated figure when none is for the year or later', targets: [target({ year: 2023, value: 4 }), target({ year: null, value: 4.4 })], value: 4.4, year: null },
    { case: 'the 学段’s own figure before one for all 学段', targets: [target({ level: 'all', value: 4 }), target({ level: 'primary', value: 4.6 })], value: 4.6, year: 2025 },
  ])('should compare $case', ({ targets, value, year }) => {
    const rows = audit(county(), targets, 2025).plan!.rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ indicator: 'R1', level: 'primary', value, year });
  });

  it('should set the weighted mean and the schools below the plan’s figure beside it', () => {
    const [row] = audit(county(), [target({ value: 4.5 })], 2025).plan!.rows;
    expect(row!.actual!.toFixed(4)).toBe('4.3333');
    expect([row!.schoolsShort, row!.schools, row!.reached]).toEqual([1, 2, false]);
  });

  it('should compare R8 with the largest 差异系数 and R9 with the share of schools meeting it', () => {
    const rows = audit(county(), [target({ indicator: 'R8', comparator: '<=', value: 0.1, unit: '' }), target({ indicator: 'R9', comparator: '>=', value: 100, unit: '%', level: 'all' })], 2025).plan!.rows;
    const r8 = rows.find((row) => row.indicator === 'R8')!;
    // R1: 5 and 3.5 → CV 0.1720; R2–R7: the same resources for 500 and 400 students, x and 1.25x → CV 0.1118.
    expect(r8.actual!.toFixed(4)).toBe('0.1720');
    expect(r8.reached).toBe(false);
    const r9 = rows.find((row) => row.indicator === 'R9' && row.level === 'primary')!;
    expect([r9.actual, r9.schoolsShort, r9.reached]).toEqual([50, 1, false]);
  });

  it('should leave out baselines and other indicators', () => {
    expect(audit(county(), [target({ kind: 'baseline' }), target({ indicator: 'G5', comparator: '<=', value: 45 })], 2025).plan!.rows).toEqual([]);
  });
});
