/**
 * The responsibility matrix: one row per task, one column per department,
 * each cell the department's role (lead 牵头 / support 配合) or empty.
 */
import type { Location, Responsibility } from '../extractors/model.ts';

/** A department's role in a task, or none. */
export type Role = 'lead' | 'support' | null;

/** One task of the matrix. */
export interface MatrixRow {
  task: string;
  indicator: string | null;
  quote: string;
  location: Location;
  /** One role per column of `departments`. */
  roles: Role[];
}

/** The matrix. */
export interface ResponsibilityMatrix {
  /** Column order: most tasks first, then first mention. */
  departments: string[];
  rows: MatrixRow[];
}

/**
 * Build the matrix of tasks × departments.
 *
 * @param responsibilities
 *   The plan's responsibilities, in document order.
 * @returns
 *   The matrix; a department named twice for one task keeps its lead role.
 */
export function buildResponsibilityMatrix(responsibilities: Responsibility[]): ResponsibilityMatrix {
  const counts = new Map<string, number>();
  for (const responsibility of responsibilities) {
    for (const name of new Set(responsibility.departments.map((department) => department.name))) {
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  // Map keeps first-mention order and the sort is stable.
  const departments = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
  const rows = responsibilities.map((responsibility) => ({
    task: responsibility.task,
    indicator: responsibility.indicator,
    quote: responsibility.quote,
    location: responsibility.location,
    roles: departments.map((name): Role => {
      const roles = responsibility.departments.filter((department) => department.name === name).map((department) => department.role);
      return roles.includes('lead') ? 'lead' : roles.length > 0 ? 'support' : null;
    }),
  }));
  return { departments, rows };
}
