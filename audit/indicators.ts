/**
 * R1–R7 as the standard defines them: which resource each divides by the students, per
 * 100 students (每百名学生拥有…) or per student (生均…), read from the indicator's name in
 * the standard in force, with its threshold per 学段 (the national one or an overlay's).
 */
import type { AuditLevel, AuditThreshold } from '../model/audit.ts';
import type { Standard } from '../model/standard.ts';
import { RESOURCES, type Resource } from './read-schools.ts';

/** One resource indicator. */
export interface ResourceIndicator {
  id: string;
  name: string;
  unit: string;
  resource: Resource;
  per: 100 | 1;
  thresholds: Record<AuditLevel, AuditThreshold | null>;
}

/** The ids of the seven resource indicators, in the order of `RESOURCES`. */
export const RESOURCE_IDS = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7'] as const;

/**
 * The resource indicators of a standard.
 *
 * @param standard
 *   The standard in force.
 * @returns
 *   R1–R7 with their resource, scale and thresholds.
 */
export function resourceIndicators(standard: Standard): ResourceIndicator[] {
  return RESOURCE_IDS.map((id, at) => {
    const indicator = standard.indicators.find((item) => item.id === id);
    if (!indicator) throw new Error(`resourceIndicators: the standard has no ${id}`);
    const threshold = (level: AuditLevel): AuditThreshold | null => {
      const found = indicator.thresholds.find((item) => item.level === level) ?? indicator.thresholds.find((item) => item.level === 'all');
      return found ? { comparator: found.comparator, value: found.value, source: found.sourceTitle ?? found.source } : null;
    };
    return {
      id,
      name: indicator.name,
      unit: indicator.unit,
      resource: RESOURCES[at]!,
      per: /每百名/.test(indicator.name) ? 100 : 1,
      thresholds: { primary: threshold('primary'), junior: threshold('junior') },
    };
  });
}

/**
 * R8's limit per 学段 (差异系数 ≤ 0.50 小学, ≤ 0.45 初中).
 *
 * @param standard
 *   The standard in force.
 */
export function cvLimits(standard: Standard): Record<AuditLevel, AuditThreshold | null> {
  const indicator = standard.indicators.find((item) => item.id === 'R8');
  const limit = (level: AuditLevel): AuditThreshold | null => {
    const found = indicator?.thresholds.find((item) => item.level === level);
    return found ? { comparator: found.comparator, value: found.value, source: found.sourceTitle ?? found.source } : null;
  };
  return { primary: limit('primary'), junior: limit('junior') };
}

/**
 * Whether a value meets a threshold, within a relative 10⁻¹⁰ (21 teachers for 500 students
 * is 4.2 per hundred, not 4.199999…).
 *
 * @param value
 *   The value.
 * @param threshold
 *   The threshold.
 */
export function meets(value: number, threshold: { comparator: string; value: number }): boolean {
  const slack = 1e-10 * Math.max(1, Math.abs(threshold.value));
  switch (threshold.comparator) {
    case '>=': return value >= threshold.value - slack;
    case '>': return value > threshold.value + slack;
    case '<=': return value <= threshold.value + slack;
    case '<': return value < threshold.value - slack;
    default: return Math.abs(value - threshold.value) <= slack;
  }
}
