/**
 * The plan's division of labour, from its responsibilities: one task per
 * responsibility, labelled with its measure's numbered title, with its 完成时限
 * and the targets of its measure; departments merged when the plan names one
 * unit two ways (市资源局 / 市自然资源局); roles 牵头 / 负责 / 配合.
 */
import type { Deadline, Location, Responsibility, Target } from '../model/plan.ts';
import { departmentKey } from '../model/department-key.ts';
import { findFigure } from '../pipeline/diff/reading.ts';
import { outlineLevel, type Place } from '../model/sections.ts';
import type { ReportInput } from './report-input.ts';

/** A department's role in a task (EXTRACTION.md §3), or none. */
export type Role = 'lead' | 'responsible' | 'support' | null;

const ROLE_RANK: Record<Exclude<Role, null>, number> = { lead: 0, responsible: 1, support: 2 };

/** A task's 完成时限: the deadline of its measure, or of an enclosing section's heading. */
export interface TaskDeadline {
  start: string | null;
  end: string | null;
  label: string;
  quote: string;
  location: Location;
  /** `measure`: stated in the task's own measure; `section`: in the heading of an enclosing section. */
  from: 'measure' | 'section';
}

/** One task of the plan. */
export interface PlanTask {
  /** The measure's numbered title when the task stands under one (1．优化中小学布局规划), else the task text. */
  label: string;
  /** The task's own text when it differs from the label. */
  detail: string | null;
  indicator: string | null;
  quote: string;
  location: Location;
  /** One role per department column. */
  roles: Role[];
  deadline: TaskDeadline | null;
  /** Targets stated in the task's measure (or, without one, in the task's own sentence). */
  targets: Target[];
  /** Deadlines stated in the task's measure. */
  deadlines: Deadline[];
}

/** A department column: the name the plan uses most fully, and the other names it uses. */
export interface PlanDepartment {
  name: string;
  aliases: string[];
  type: string | null;
}

/** The division of labour. */
export interface ResponsibilityPlan {
  departments: PlanDepartment[];
  tasks: PlanTask[];
}

/** Units a plan names that are not departments of the plan. */
const NOT_A_DEPARTMENT = /^(当地|地方|所在地)(人民)?政府$/;

/** Department types where a plan has one unit: two names of that type are one department. */
const ONE_PER_PLAN = new Set([
  'education', 'finance', 'natural-resources', 'housing', 'human-resources', 'development-reform', 'health',
  'public-security', 'civil-affairs', 'staffing', 'market-regulation', 'culture-tourism', 'industry', 'transport',
  'justice', 'agriculture',
]);

/** The key that folds the names of one department together. */
function mergeKey(name: string, type: string | undefined, region: string | undefined): string {
  if (type === 'leading-group') return /成员单位/.test(name) ? '«leading-group-members»' : '«leading-group»';
  if (type !== undefined && ONE_PER_PLAN.has(type)) return `«${type}»`;
  return departmentKey(name, region);
}

/**
 * Build the plan's tasks and departments.
 *
 * @param model
 *   The plan (with `places` when its outline is known).
 * @returns
 *   Tasks in document order; departments with most tasks first, then first mention.
 */
export function buildResponsibilityPlan(model: ReportInput): ResponsibilityPlan {
  const region = model.metadata.region ?? undefined;
  const groups = new Map<string, { names: string[]; type: string | null; tasks: number }>();
  const kept = model.responsibilities
    .map((responsibility, index) => ({
      responsibility,
      place: model.places?.responsibilities[index] ?? null,
      departments: responsibility.departments.filter((department) => !NOT_A_DEPARTMENT.test(department.name)),
    }))
    .filter((item) => item.departments.length > 0);
  const keyOf = new Map<string, string>();
  for (const { departments } of kept) {
    const seen = new Set<string>();
    for (const department of departments) {
      const key = mergeKey(department.name, department.type, region);
      keyOf.set(department.name, key);
      let group = groups.get(key);
      if (!group) {
        group = { names: [], type: department.type ?? null, tasks: 0 };
        groups.set(key, group);
      }
      if (!group.names.includes(department.name)) group.names.push(department.name);
      if (!seen.has(key)) group.tasks += 1;
      seen.add(key);
    }
  }
  // Map keeps first-mention order and the sort is stable.
  const keys = [...groups.keys()].sort((a, b) => groups.get(b)!.tasks - groups.get(a)!.tasks);
  const departments = keys.map((key) => {
    const group = groups.get(key)!;
    const name = [...group.names].sort((a, b) => b.length - a.length)[0]!;
    return { name, aliases: group.names.filter((other) => other !== name), type: group.type };
  });
  const tasks = kept.map(({ responsibility, place, departments: named }) => {
    const roles = keys.map((key): Role => {
      const mine = named.filter((department) => keyOf.get(department.name) === key).map((department) => department.role);
      return mine.length === 0 ? null : mine.sort((a, b) => ROLE_RANK[a] - ROLE_RANK[b])[0]!;
    });
    return { ...describeTask(responsibility, place), roles, ...attach(model, responsibility, place) };
  });
  return { departments, tasks };
}

/** The measure a task belongs to: the deepest numbered section below the top level. */
function measureOf(place: Place | null): string[] | null {
  if (!place) return null;
  for (let depth = place.path.length; depth > 0; depth -= 1) {
    const level = outlineLevel(place.path[depth - 1]!);
    if (level !== null && level >= 2) return place.path.slice(0, depth);
  }
  return null;
}

function describeTask(responsibility: Responsibility, place: Place | null): Pick<PlanTask, 'label' | 'detail' | 'indicator' | 'quote' | 'location'> {
  const measure = measureOf(place);
  const title = measure?.at(-1) ?? null;
  const label = title !== null && (outlineLevel(title) ?? 0) >= 3 ? title : responsibility.task;
  const detail = label === responsibility.task ? null : responsibility.task;
  return { label, detail, indicator: responsibility.indicator, quote: responsibility.quote, location: responsibility.location };
}

const startsWith = (path: string[], prefix: string[]) => prefix.length <= path.length && prefix.every((title, index) => path[index] === title);
const overlaps = (a: string, b: string) => {
  const x = a.replace(/\s+/g, '');
  const y = b.replace(/\s+/g, '');
  return x.includes(y) || y.includes(x);
};

/** The targets, deadlines and 完成时限 of a task's measure. */
function attach(model: ReportInput, responsibility: Responsibility, place: Place | null): Pick<PlanTask, 'targets' | 'deadlines' | 'deadline'> {
  // A 责任单位 line (or a table row) follows its measure: the measure's targets are the task's. A task read from a
  // sentence (县教育局要…) has only the figures of that sentence.
  const unitLine = UNIT_LINE.test(responsibility.quote) || responsibility.quote.includes('\t');
  const measure = unitLine ? measureOf(place) : null;
  const places = model.places;
  const inMeasure = (itemPlace: Place | undefined) => measure !== null && itemPlace !== undefined && startsWith(itemPlace.path, measure);
  const inSentence = (quote: string, value: number | null) => overlaps(quote, responsibility.quote) && (value === null || figureIn(responsibility.quote, value));
  const targets = model.targets.filter((target, index) =>
    target.kind === 'target' && (inMeasure(places?.targets[index]) || inSentence(target.quote, target.value)));
  const deadlines = model.deadlines.filter((deadline, index) => inMeasure(places?.deadlines[index]) || inSentence(deadline.quote, null));
  let deadline: TaskDeadline | null = null;
  const latest = (items: Deadline[]) => [...items].sort((a, b) => (b.end ?? '').localeCompare(a.end ?? ''))[0];
  const own = latest(deadlines.filter((item) => item.end !== null));
  if (own) deadline = { ...pick(own), from: 'measure' };
  else if (place && places) {
    // The nearest enclosing section whose heading states a period (第二阶段（2024年1月—2029年12月）).
    for (let depth = place.path.length; depth > 0 && deadline === null; depth -= 1) {
      const heading = place.path.slice(0, depth);
      const found = latest(model.deadlines.filter((item, index) => places.deadlines[index]?.heading && sameSection(places.deadlines[index]!.path, heading)));
      if (found) deadline = { ...pick(found), from: 'section' };
    }
  }
  return { targets, deadlines, deadline };
}

const UNIT_LINE = /^\s*[（(]?(责任单位|责任部门|牵头单位|配合单位|责任主体|牵头部门)/;
const figureIn = (quote: string, value: number) => findFigure(quote, value) !== -1;

const sameSection = (a: string[], b: string[]) => a.length === b.length && startsWith(a, b);

function pick(deadline: Deadline): Omit<TaskDeadline, 'from'> {
  return { start: deadline.start, end: deadline.end, label: deadline.label, quote: deadline.quote, location: deadline.location };
}
