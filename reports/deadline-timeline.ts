/**
 * Place deadlines on one time axis for a bar timeline: months from the
 * earliest start to the latest end, each deadline a bar (a period) or a
 * mark (a milestone with only an end).
 */
import type { Deadline } from '../model/plan.ts';

/** A deadline with its bar, in percent of the axis. */
export interface TimelineItem {
  deadline: Deadline;
  /** Left edge, 0–100. */
  left: number;
  /** Width, at least 1. */
  width: number;
  /** A milestone (no start): drawn as a mark. */
  milestone: boolean;
}

/** The axis and its items, sorted by start, then end. */
export interface Timeline {
  from: number | null;
  to: number | null;
  items: TimelineItem[];
}

/**
 * Sort deadlines and place them on a shared axis.
 *
 * @param deadlines
 *   The plan's deadlines.
 * @returns
 *   The timeline; `from`/`to` are years, `null` when there is no deadline.
 */
export function layOutTimeline(deadlines: Deadline[]): Timeline {
  const dated = deadlines.map((deadline) => ({
    deadline,
    start: toMonth(deadline.start, 'start'),
    end: toMonth(deadline.end, 'end'),
  }));
  const months = dated.flatMap((item) => [item.start, item.end]).filter((month): month is number => month !== null);
  if (months.length === 0) return { from: null, to: null, items: dated.map((item) => ({ deadline: item.deadline, left: 0, width: 100, milestone: false })) };
  const first = Math.floor(Math.min(...months) / 12) * 12;
  const last = Math.floor(Math.max(...months) / 12) * 12 + 12;
  const span = last - first;
  const percent = (month: number) => Math.round(((month - first) / span) * 1000) / 10;
  const items = dated
    .map((item) => {
      const start = item.start ?? item.end ?? first;
      const end = item.end === null ? last : item.end + 1;
      const milestone = item.start === null;
      const left = milestone ? percent(end) - 1 : percent(start);
      return { deadline: item.deadline, left: Math.max(0, left), width: milestone ? 1 : Math.max(1, percent(end) - percent(start)), milestone, sortKey: start * 10_000 + end };
    })
    .sort((a, b) => a.sortKey - b.sortKey)
    .map(({ sortKey: _sortKey, ...item }) => item);
  return { from: first / 12, to: last / 12 - 1, items };
}

/** `YYYY` or `YYYY-MM` as a month count; a bare year is January for a start, December for an end. */
function toMonth(text: string | null, side: 'start' | 'end'): number | null {
  if (text === null) return null;
  const [year, month] = text.split('-').map(Number);
  return year! * 12 + (month === undefined ? (side === 'start' ? 0 : 11) : month - 1);
}
