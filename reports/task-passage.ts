/**
 * Which targets and deadlines a task serves, read from where they stand: a
 * responsibility's passage runs from just after the previous responsibility's
 * place to its own (a 责任单位 line follows its measure), and at most a few
 * lines or paragraphs back (on a page, the same page). A heuristic, so reports
 * label it "stated in the task's passage".
 */
import type { Location } from '../extractors/model.ts';

type Axis = 'line' | 'paragraph' | 'page';

const REACH: Record<Axis, number> = { line: 6, paragraph: 3, page: 0 };

/** A stretch of the document on one axis, both ends inclusive. */
export interface Passage {
  axis: Axis;
  from: number;
  to: number;
}

/**
 * The passage of each responsibility.
 *
 * @param locations
 *   The responsibilities' locations, in any order.
 * @returns
 *   One passage per location (same order), `null` where the location has no place.
 */
export function findPassages(locations: Location[]): Array<Passage | null> {
  return locations.map((location) => {
    const axis = axisOf(location);
    if (axis === null) return null;
    const at = location[axis]!;
    const before = locations
      .filter((other) => axisOf(other) === axis && other[axis]! < at)
      .map((other) => other[axis]!);
    const previous = before.length > 0 ? Math.max(...before) : Number.NEGATIVE_INFINITY;
    return { axis, from: Math.max(previous + 1, at - REACH[axis]), to: at };
  });
}

/**
 * Whether a location lies in a passage.
 *
 * @param passage
 *   The passage (`null` holds nothing).
 * @param location
 *   The location.
 * @returns
 *   `true` when the location's place on the passage's axis is inside it.
 */
export function isInPassage(passage: Passage | null, location: Location | null): boolean {
  if (passage === null || location === null) return false;
  const at = location[passage.axis];
  return at !== undefined && at >= passage.from && at <= passage.to;
}

function axisOf(location: Location): Axis | null {
  if (location.line !== undefined) return 'line';
  if (location.paragraph !== undefined) return 'paragraph';
  if (location.page !== undefined) return 'page';
  return null;
}
