/**
 * The data a plan report renders: the diff and the model reshaped for the
 * templates, every piece of document text passed through `escape` (identity
 * for HTML, whose engine escapes; `escapeMarkdown` for Markdown).
 */
import type { Location, PlanMessage } from '../model/plan.ts';
import type { DiffEntry, PlanDiff, PlanPoint, Verdict } from '../model/diff.ts';
import { GAP_VERDICTS, VERDICTS } from '../model/diff.ts';
import { coverageAnchor, entryAnchor } from '../pipeline/diff/problems.ts';
import { layOutTimeline } from './deadline-timeline.ts';
import { describeLocations } from './docx-location.ts';
import { messageInChinese } from './message-text.ts';
import type { Escape } from './escape.ts';
import { QuoteShower, type QuoteView } from './quote-view.ts';
import { titleOf, type PlanReportOptions, type ReportInput } from './report-input.ts';

export type { Escape } from './escape.ts';

/** A point with its text escaped and its quote prepared. */
export type PointView = Omit<PlanPoint, 'quote' | 'unit' | 'hedge' | 'derivedFrom'> & {
  quote: QuoteView;
  unit: string;
  hedge: string | null;
  derivedFrom: string | null;
};

/** A row of the verdict table. */
export interface EntryView {
  anchor: string;
  indicator: string;
  name: string;
  area: string;
  level: DiffEntry['level'];
  verdict: DiffEntry['verdict'];
  gap: boolean;
  expected: Omit<DiffEntry['expected'], 'national'> & { sourceLabel: string; unit: string; overlay: boolean; national: { comparator: DiffEntry['expected']['comparator']; value: number; unit: string } | null };
  actual: PointView | null;
  year: number | null;
  impliedYear: number | null;
  trajectory: PointView[];
  hasTrajectory: boolean;
  belowThreshold: PointView[];
  conflicting: PointView[];
  baselines: PointView[];
  /** The quotes to show: the conflicting ones, else the deciding one. */
  quotes: PointView[];
  mentioned: boolean;
  evidence: QuoteView | null;
  otherMeasures: PointView[];
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
  /** Relative path from the report's folder to the batch folder (`../`, `../../`). */
  root: string;
  standards: Array<{ id: string; title: string; docNumber: string | null }>;
  looser: string[];
  targetYear: number | null;
  undatedOnly: boolean;
  summary: Array<{ verdict: Verdict; count: number; gap: boolean }>;
  gaps: number;
  problems: Array<{ verdict: Verdict; text: string; anchor: string; location: Location | null }>;
  entries: EntryView[];
  coverage: Array<{
    anchor: string; indicator: string; name: string; area: string; verdict: Verdict; gap: boolean;
    quote: QuoteView | null; parts: Array<{ label: string; stated: boolean }>; partial: boolean; rejected: QuoteView | null;
  }>;
  vetoes: Array<{ anchor: string; indicator: string; name: string; verdict: Verdict; quote: QuoteView | null }>;
  timeline: { from: number | null; to: number | null; items: Array<{ start: string | null; end: string | null; label: string; quote: QuoteView; left: number; width: number; milestone: boolean }> };
  messages: Array<{ reason: string; line: number | null; column: number | null; fatal: boolean }>;
}

/**
 * The relative path from `out/<name>/` back to `out/`.
 *
 * @param name
 *   The plan's output name (`nanan-2022`, `docx/nanan-2022`).
 */
export function rootOf(name: string): string {
  return '../'.repeat(name.split('/').length);
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
  const quotes = new QuoteShower(escape, describeLocations(model));
  const point = (item: PlanPoint, anchor: string | null): PointView => ({
    ...item,
    quote: quotes.show(item.quote, item.derivedFrom === null ? item.value : null, item.location, anchor),
    unit: escape(item.unit),
    hedge: text(item.hedge),
    derivedFrom: text(item.derivedFrom),
  });
  const timeline = layOutTimeline(model.deadlines);
  const name = options.name ?? model.document;
  return {
    name: escape(name),
    title: escape(titleOf(model)),
    document: escape(model.document),
    docNumber: text(model.metadata.docNumber),
    issuer: text(model.metadata.issuer),
    date: text(model.metadata.date),
    region: text(model.metadata.region),
    generatedAt: text(options.generatedAt ?? null),
    root: rootOf(name),
    standards: diff.standard.applied.map((item) => ({ id: escape(item.id), title: escape(item.title), docNumber: text(item.docNumber) })),
    looser: diff.standard.looser.map(escape),
    targetYear: diff.targetYear,
    undatedOnly: diff.undatedOnly,
    summary: VERDICTS.map((verdict) => ({ verdict, count: diff.summary[verdict], gap: GAP_VERDICTS.includes(verdict) })).filter((item) => item.count > 0),
    gaps: diff.gaps,
    problems: diff.problems.map((problem) => ({ verdict: problem.verdict, text: escape(problem.text), anchor: problem.anchor, location: problem.location })),
    entries: diff.entries.map((entry) => {
      const anchor = entryAnchor(entry.indicator, entry.level);
      const conflicting = entry.conflicting.map((item) => point(item, anchor));
      const actual = entry.actual ? point(entry.actual, anchor) : null;
      const shown = conflicting.length > 0 ? conflicting : actual ? [actual] : [];
      return {
        anchor,
        indicator: escape(entry.indicator),
        name: escape(entry.name),
        area: escape(entry.area),
        level: entry.level,
        verdict: entry.verdict,
        gap: GAP_VERDICTS.includes(entry.verdict),
        expected: {
          ...entry.expected,
          unit: escape(entry.expected.unit),
          source: escape(entry.expected.source),
          sourceLabel: escape(entry.expected.sourceLabel),
          overlay: entry.expected.sourceLabel !== '国家',
          national: entry.expected.national ? { ...entry.expected.national, unit: escape(entry.expected.unit) } : null,
        },
        actual,
        year: entry.year,
        impliedYear: entry.impliedYear,
        trajectory: entry.trajectory.map((item) => point(item, null)),
        hasTrajectory: entry.trajectory.length > 1,
        belowThreshold: entry.belowThreshold.map((item) => point(item, null)),
        conflicting,
        baselines: entry.baselines.map((item) => point(item, null)),
        quotes: shown,
        mentioned: entry.mentioned,
        evidence: entry.evidence ? quotes.show(entry.evidence.quote, null, entry.evidence.location, anchor) : null,
        otherMeasures: entry.otherMeasures.map((item) => point(item, anchor)),
      };
    }),
    coverage: diff.coverage.map((item) => {
      const anchor = coverageAnchor(item.indicator);
      return {
        anchor,
        indicator: escape(item.indicator),
        name: escape(item.name),
        area: escape(item.area),
        verdict: item.verdict,
        gap: GAP_VERDICTS.includes(item.verdict),
        quote: item.quote === null ? null : quotes.show(item.quote, null, item.location, anchor),
        parts: item.parts.map((part) => ({ label: escape(part.label), stated: part.stated })),
        partial: item.parts.length > 1,
        rejected: item.rejected ? quotes.show(item.rejected.quote, null, item.rejected.location, null) : null,
      };
    }),
    vetoes: diff.vetoes.map((item) => {
      const anchor = coverageAnchor(item.indicator);
      return { anchor, indicator: escape(item.indicator), name: escape(item.name), verdict: item.verdict, quote: item.quote === null ? null : quotes.show(item.quote, null, item.location, anchor) };
    }),
    timeline: {
      from: timeline.from,
      to: timeline.to,
      items: timeline.items.map((item) => ({
        start: text(item.deadline.start),
        end: text(item.deadline.end),
        label: escape(item.deadline.label),
        quote: quotes.show(item.deadline.quote, null, item.deadline.location, null),
        left: item.left,
        width: item.width,
        milestone: item.milestone,
      })),
    },
    messages: [...diff.messages, ...model.messages.map((message) => ({ ...message, reason: messageInChinese(message.reason) }))].map((message: PlanMessage) => ({
      reason: escape(message.reason),
      line: message.line,
      column: message.column,
      fatal: message.fatal === true,
    })),
  };
}
