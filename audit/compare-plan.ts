/**
 * 方案承诺 vs 实际: for every resource indicator a plan sets a figure for (R1–R7, R8's
 * 差异系数, R9's share of schools), the plan's figure for the audit year — or, when it
 * sets none for that year, the nearest later year; an undated figure when it dates none —
 * beside the county's actual figure and how many schools fall short of the plan's.
 */
import type { AuditLevel, AuditSchool, AuditStatistic, PlanComparison } from '../model/audit.ts';
import type { Target } from '../model/plan.ts';
import { meets } from './indicators.ts';

const LEVELS: AuditLevel[] = ['primary', 'junior'];

/**
 * Compare a plan's targets with the audit.
 *
 * @param targets
 *   The plan model's targets.
 * @param year
 *   The audit year.
 * @param schools
 *   The audited schools.
 * @param statistics
 *   The county's statistics per 学段 and indicator.
 * @returns
 *   One row per indicator and 学段 the plan sets a figure for.
 */
export function comparePlan(targets: readonly Target[], year: number, schools: readonly AuditSchool[], statistics: readonly AuditStatistic[]): PlanComparison[] {
  const rows: PlanComparison[] = [];
  const ids = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9'];
  for (const id of ids) {
    for (const level of LEVELS) {
      const applicable = targets
        .filter((target) => target.kind === 'target' && target.indicator === id && appliesTo(target.level, level))
        // A figure for the 学段 itself before one for every 学段.
        .sort((a, b) => Number(a.level !== level) - Number(b.level !== level));
      const chosen = pickYear(applicable, year);
      const own = schools.filter((school) => school.level === level);
      // A 学段 the list has no school of has nothing to compare.
      if (!chosen || own.length === 0) continue;
      const statistic = statistics.find((item) => item.level === level && item.indicator === id);
      let actual: number | null = null;
      let schoolsShort: number | null = null;
      if (id === 'R8') {
        // The plan bounds each indicator's 差异系数: the actual figure is the largest of them.
        const cvs = statistics.filter((item) => item.level === level && item.cv !== null).map((item) => item.cv!);
        actual = cvs.length === 7 ? Math.max(...cvs) : null;
      } else if (id === 'R9') {
        const known = own.filter((school) => school.r9 !== null);
        actual = known.length === 0 ? null : (known.filter((school) => school.r9).length / known.length) * 100;
        schoolsShort = known.filter((school) => !school.r9).length;
      } else {
        actual = statistic?.mean ?? null;
        schoolsShort = own.filter((school) => {
          const value = school.values.find((item) => item.indicator === id)?.value;
          return value !== null && value !== undefined && !meets(value, { comparator: boundOf(chosen.comparator), value: chosen.value });
        }).length;
      }
      rows.push({
        indicator: id,
        level,
        comparator: chosen.comparator,
        value: chosen.value,
        unit: chosen.unit,
        year: chosen.year,
        hedge: chosen.hedge ?? null,
        quote: chosen.quote,
        actual,
        schoolsShort,
        schools: own.length,
        reached: actual === null ? null : meets(actual, { comparator: boundOf(chosen.comparator), value: chosen.value }),
      });
    }
  }
  return rows;
}

/** A plan's `≈` and `=` read as the bound they stand for (a minimum for these indicators, a maximum for R8). */
function boundOf(comparator: Target['comparator']): string {
  if (comparator === '≈' || comparator === '=') return '>=';
  return comparator;
}

function appliesTo(level: Target['level'], audited: AuditLevel): boolean {
  return level === audited || level === 'all' || level === 'nineYear' || level === 'twelveYear';
}

/** The audit year's target; else the nearest later year's; else an undated one. The first in the plan wins a tie. */
function pickYear(targets: Target[], year: number): Target | undefined {
  const exact = targets.find((target) => target.year === year);
  if (exact) return exact;
  const later = targets.filter((target) => target.year !== null && target.year > year).sort((a, b) => a.year! - b.year!);
  if (later.length > 0) return later[0];
  return targets.find((target) => target.year === null);
}
