/**
 * A checklist per department: its tasks with its role (牵头 / 负责 / 配合), the
 * 完成时限, the indicators and targets of the task's measure, and the quotes.
 */
import type { Level, Location, Target } from '../model/plan.ts';
import { coverageAnchor, entryAnchor } from '../pipeline/diff/problems.ts';
import type { PlanDiff, Verdict } from '../model/diff.ts';
import type { Describe } from './docx-location.ts';
import type { Escape } from './plan-view.ts';
import type { ResponsibilityPlan, Role, TaskDeadline } from './responsibility-plan.ts';
import { pickWorstVerdict } from './worst-verdict.ts';

/** An indicator a task serves, with its verdict in the diff. */
export interface ServedIndicator {
  id: string;
  /** The anchor of its row in report.html. */
  anchor: string | null;
  name: string;
  verdict: Verdict | null;
}

/** A target of the task's measure. */
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
  number: number;
  label: string;
  detail: string | null;
  role: Exclude<Role, null>;
  deadline: (Omit<TaskDeadline, 'label' | 'quote'> & { label: string; quote: string }) | null;
  indicators: ServedIndicator[];
  targets: ServedTarget[];
  quote: string;
  location: Location;
  /** For docx: the section path and the paragraph's opening words. */
  where: string | null;
}

/** One department's checklist. */
export interface DepartmentChecklist {
  department: string;
  aliases: string[];
  anchor: string;
  leads: number;
  responsibles: number;
  supports: number;
  tasks: ChecklistTask[];
}

/**
 * Build every department's checklist.
 *
 * @param plan
 *   The plan's division of labour.
 * @param diff
 *   Its diff (for indicator names and verdicts).
 * @param escape
 *   Escapes document text for the output kind.
 * @param describe
 *   Describes a docx location (section path and opening words).
 * @returns
 *   One checklist per department, in the matrix's column order.
 */
export function buildChecklists(plan: ResponsibilityPlan, diff: PlanDiff, escape: Escape, describe: Describe = () => null): DepartmentChecklist[] {
  const info = describeIndicators(diff);
  return plan.departments.map((department, column) => {
    const tasks: ChecklistTask[] = [];
    plan.tasks.forEach((task, index) => {
      const role = task.roles[column];
      if (!role) return;
      const targets = task.targets.filter((target): target is Target & { indicator: string } => target.indicator !== null);
      const ids = [...new Set([task.indicator, ...targets.map((target) => target.indicator)])].filter((id): id is string => id !== null);
      tasks.push({
        number: index + 1,
        label: escape(task.label),
        detail: task.detail === null ? null : escape(task.detail),
        role,
        deadline: task.deadline === null ? null : { ...task.deadline, label: escape(task.deadline.label), quote: escape(task.deadline.quote) },
        indicators: ids.map((id) => ({ id: escape(id), anchor: anchorOf(diff, id), name: escape(info.get(id)?.name ?? ''), verdict: info.get(id)?.verdict ?? null })),
        targets: targets.map((target) => ({
          indicator: escape(target.indicator), level: target.level, year: target.year, comparator: target.comparator,
          value: target.value, unit: escape(target.unit), quote: escape(target.quote), location: target.location,
        })),
        quote: escape(task.quote),
        location: task.location,
        where: ((where) => (where === null ? null : escape(where)))(describe(task.quote, task.location)),
      });
    });
    return {
      department: escape(department.name),
      aliases: department.aliases.map(escape),
      anchor: `d${column + 1}`,
      leads: tasks.filter((task) => task.role === 'lead').length,
      responsibles: tasks.filter((task) => task.role === 'responsible').length,
      supports: tasks.filter((task) => task.role === 'support').length,
      tasks,
    };
  });
}

/**
 * The anchor of an indicator's first row in report.html, or `null` when the report has none.
 *
 * @param diff
 *   The diff.
 * @param id
 *   The indicator.
 */
export function anchorOf(diff: PlanDiff, id: string): string | null {
  const entry = diff.entries.find((item) => item.indicator === id);
  if (entry) return entryAnchor(entry.indicator, entry.level);
  return [...diff.coverage, ...diff.vetoes].some((item) => item.indicator === id) ? coverageAnchor(id) : null;
}

function describeIndicators(diff: PlanDiff): Map<string, { name: string; verdict: Verdict | null }> {
  const info = new Map<string, { name: string; verdict: Verdict | null }>();
  for (const item of [...diff.entries, ...diff.coverage, ...diff.vetoes]) {
    const previous = info.get(item.indicator);
    info.set(item.indicator, { name: item.name, verdict: pickWorstVerdict([...(previous?.verdict ? [previous.verdict] : []), item.verdict]) });
  }
  return info;
}
