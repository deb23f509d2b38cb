/**
 * The 差异系数 of 教督〔2017〕6号: weighted by each school's students.
 * X̄ = Σ PᵢXᵢ / P, S = √(Σ Pᵢ(Xᵢ − X̄)² / P), CV = S / X̄, Pᵢ a school's students, P their sum.
 * The unweighted coefficient (each school counted once) is not computed here on purpose:
 * it is the figure other tools get wrong.
 */

/** The weighted mean, standard deviation and coefficient of variation. */
export interface WeightedStatistics {
  mean: number;
  sd: number;
  /** null when the mean is 0. */
  cv: number | null;
}

/**
 * Compute the student-weighted statistics of one indicator.
 *
 * @param values
 *   Each school's value.
 * @param weights
 *   Each school's students (same order).
 * @returns
 *   The statistics, or null for no school (or no students).
 */
export function weightedStatistics(values: readonly number[], weights: readonly number[]): WeightedStatistics | null {
  let total = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    total += weights[i]!;
    sum += weights[i]! * values[i]!;
  }
  if (values.length === 0 || total <= 0) return null;
  const mean = sum / total;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += weights[i]! * (values[i]! - mean) ** 2;
  const sd = Math.sqrt(squares / total);
  return { mean, sd, cv: mean === 0 ? null : sd / mean };
}
