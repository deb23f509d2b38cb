/**
 * A checklist per department: its tasks with its role, the indicators and
 * deadlines each task serves, and the quotes.
 */
import type { Deadline, Level, Location, Target } from '../extractors/model.ts';
import type { PlanDiff, Verdict } from '../pipeline/diff-types.ts';
import type { Escape } from './plan-view.ts';
import type { ReportInput } from './report-input.ts';
import { findPassages, isInPassage } from './task-passage.ts';
import { pickWorstVerdict } from './worst-verdict.ts';

/** An indicator a task serves, with its verdict in the diff. */
export interface ServedIndicator {
  id: string;
  name: string;
  verdict: Verdict | null;
}

/** A target stated in a task's passage. */
export interface ServedTarget {
  indicator: string;
  level: Level;
  year: number | null;
  comparator: Target['comparator'];
  value: number;
  unit: string;
  quote: string;
  location: Location;
}

/** One task on a department's checklist. */
export interface ChecklistTask {
  task: string;
  role: 'lead' | 'support';
  indicators: ServedIndicator[];
  targets: ServedTarget[];
  deadlines: Array<Pick<Deadline, 'start' | 'end' | 'label' | 'quote' | 'location'>>;
  quote: string;
  location: Location;
}

/** One department's checklist. */
export interface DepartmentChecklist {
  department: string;
  type: string | null;
  leads: number;
  supports: number;
  tasks: ChecklistTask[];
}

/**
 * Build every department's checklist.
 *
 * @param model
 *   The plan.
 * @param diff
 *   Its diff (for indicator names and verdicts).
 * @param escape
 *   Escapes document text for the output kind.
 * @returns
 *   One checklist per department, most tasks first.
 */
export function buildDepartmentChecklists(model: ReportInput, diff: PlanDiff, escape: Escape): DepartmentChecklist[] {
  const passages = findPassages(model.responsibilities.map((responsibility) => responsibility.location));
  const indicatorInfo = describeIndicators(diff);
  const byDepartment = new Map<string, DepartmentChecklist>();
  model.responsibilities.forEach((responsibility, index) => {
    const passage = passages[index]!;
    const targets = model.targets.filter(
      (target): target is Target & { indicator: string } =>
        target.kind === 'target' && target.indicator !== null && isInPassage(passage, target.location),
    );
    const ids = [...new Set([responsibility.indicator, ...targets.map((target) => target.indicator)])]
      .filter((id): id is string => id !== null);
    const base = {
      task: escape(responsibility.task),
      indicators: ids.map((id) => ({ id: escape(id), name: escape(indicatorInfo.get(id)?.name ?? ''), verdict: indicatorInfo.get(id)?.verdict ?? null })),
      targets: targets.map((target) => ({
        indicator: escape(target.indicator),
        level: target.level,
        year: target.year,
        comparator: target.comparator,
        value: target.value,
        unit: escape(target.unit),
        quote: escape(target.quote),
        location: target.location,
      })),
      deadlines: model.deadlines
        .filter((deadline) => isInPassage(passage, deadline.location))
        .map((deadline) => ({
          start: deadline.start,
          end: deadline.end,
          label: escape(deadline.label),
          quote: escape(deadline.quote),
          location: deadline.location,
        })),
      quote: escape(responsibility.quote),
      location: responsibility.location,
    };
    const seen = new Set<string>();
    for (const department of responsibility.departments) {
      if (seen.has(department.name)) continue;
      seen.add(department.name);
      const role = responsibility.departments.some((other) => other.name === department.name && other.role === 'lead') ? 'lead' : 'support';
      let checklist = byDepartment.get(department.name);
      if (!checklist) {
        checklist = { department: escape(department.name), type: department.type === undefined ? null : escape(department.type), leads: 0, supports: 0, tasks: [] };
        byDepartment.set(department.name, checklist);
      }
      checklist.tasks.push({ ...base, role });
      if (role === 'lead') checklist.leads += 1;
      else checklist.supports += 1;
    }
  });
  return [...byDepartment.values()].sort((a, b) => b.tasks.length - a.tasks.length);
}

function describeIndicators(diff: PlanDiff): Map<string, { name: string; verdict: Verdict | null }> {
  const info = new Map<string, { name: string; verdict: Verdict | null }>();
  for (const item of [...diff.entries, ...diff.coverage]) {
    const previous = info.get(item.indicator);
    info.set(item.indicator, { name: item.name, verdict: pickWorstVerdict([...(previous?.verdict ? [previous.verdict] : []), item.verdict]) });
  }
  return info;
}
