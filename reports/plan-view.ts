/**
 * The data a plan report renders: the diff and the model reshaped for the
 * templates, every piece of document text passed through `escape` (identity
 * for HTML, whose engine escapes; `escapeMarkdown` for Markdown).
 */
import type { Location, PlanMessage } from '../extractors/model.ts';
import type { DiffEntry, PlanDiff, PlanPoint, Verdict } from '../pipeline/diff-types.ts';
import { VERDICTS } from '../pipeline/diff-types.ts';
import { layOutTimeline } from './deadline-timeline.ts';
import { titleOf, type PlanReportOptions, type ReportInput } from './report-input.ts';

/** Escapes one piece of document text for the output kind. */
export type Escape = (text: string) => string;

/** A point with its text escaped. */
export type PointView = Omit<PlanPoint, 'quote' | 'unit'> & { quote: string; unit: string };

/** A row of the verdict table. */
export interface EntryView {
  indicator: string;
  name: string;
  area: string;
  level: DiffEntry['level'];
  verdict: DiffEntry['verdict'];
  expected: DiffEntry['expected'] & { unit: string };
  actual: PointView | null;
  year: number | null;
  trajectory: PointView[];
  /** More than one target: show the trajectory. */
  hasTrajectory: boolean;
  belowThreshold: PointView[];
  conflicting: PointView[];
  baselines: PointView[];
  /** The quotes to show: the conflicting ones, else the deciding one. */
  quotes: PointView[];
  mentioned: boolean;
}

/** The whole report's data. */
export interface PlanView {
  name: string;
  title: string;
  document: string;
  docNumber: string | null;
  issuer: string | null;
  date: string | null;
  region: string | null;
  generatedAt: string | null;
  standards: Array<{ id: string; title: string; docNumber: string | null }>;
  summary: Array<{ verdict: Verdict; count: number }>;
  entries: EntryView[];
  coverage: Array<{ indicator: string; name: string; area: string; verdict: Verdict; quote: string | null; location: Location | null }>;
  timeline: { from: number | null; to: number | null; items: Array<{ start: string | null; end: string | null; label: string; quote: string; location: Location; left: number; width: number; milestone: boolean }> };
  messages: Array<{ reason: string; ruleId: string | null; source: string | null; line: number | null; column: number | null; fatal: boolean }>;
}

/**
 * Build a plan report's data.
 *
 * @param model
 *   The plan.
 * @param diff
 *   Its diff against the standard.
 * @param options
 *   Name and footer.
 * @param escape
 *   Escapes document text for the output kind.
 * @returns
 *   The view.
 */
export function buildPlanView(model: ReportInput, diff: PlanDiff, options: PlanReportOptions, escape: Escape): PlanView {
  const text = (value: string | null) => (value === null ? null : escape(value));
  const point = (item: PlanPoint): PointView => ({ ...item, quote: escape(item.quote), unit: escape(item.unit) });
  const timeline = layOutTimeline(model.deadlines);
  return {
    name: escape(options.name ?? model.document),
    title: escape(titleOf(model)),
    document: escape(model.document),
    docNumber: text(model.metadata.docNumber),
    issuer: text(model.metadata.issuer),
    date: text(model.metadata.date),
    region: text(model.metadata.region),
    generatedAt: text(options.generatedAt ?? null),
    standards: diff.standard.applied.map((item) => ({ id: escape(item.id), title: escape(item.title), docNumber: text(item.docNumber) })),
    summary: VERDICTS.map((verdict) => ({ verdict, count: diff.summary[verdict] })),
    entries: diff.entries.map((entry) => {
      const conflicting = entry.conflicting.map(point);
      const actual = entry.actual ? point(entry.actual) : null;
      return {
        indicator: escape(entry.indicator),
        name: escape(entry.name),
        area: escape(entry.area),
        level: entry.level,
        verdict: entry.verdict,
        expected: { ...entry.expected, unit: escape(entry.expected.unit), source: escape(entry.expected.source) },
        actual,
        year: entry.year,
        trajectory: entry.trajectory.map(point),
        hasTrajectory: entry.trajectory.length > 1,
        belowThreshold: entry.belowThreshold.map(point),
        conflicting,
        baselines: entry.baselines.map(point),
        quotes: conflicting.length > 0 ? conflicting : actual ? [actual] : [],
        mentioned: entry.mentioned,
      };
    }),
    coverage: diff.coverage.map((item) => ({ ...item, indicator: escape(item.indicator), name: escape(item.name), area: escape(item.area), quote: text(item.quote) })),
    timeline: {
      from: timeline.from,
      to: timeline.to,
      items: timeline.items.map((item) => ({
        start: text(item.deadline.start),
        end: text(item.deadline.end),
        label: escape(item.deadline.label),
        quote: escape(item.deadline.quote),
        location: item.deadline.location,
        left: item.left,
        width: item.width,
        milestone: item.milestone,
      })),
    },
    messages: [...model.messages, ...diff.messages].map((message: PlanMessage) => ({
      reason: escape(message.reason),
      ruleId: text(message.ruleId),
      source: text(message.source),
      line: message.line,
      column: message.column,
      fatal: message.fatal === true,
    })),
  };
}
