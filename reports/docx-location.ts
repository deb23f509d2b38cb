/**
 * Where a quote is in a Word document, as a reader can find it: Word shows no
 * paragraph numbers, so a docx location is given as the section path and the
 * paragraph's opening words (三、工作措施 › 1．优化中小学布局规划，段首“继续实施…”).
 */
import type { Location } from '../model/plan.ts';
import type { Place } from '../model/sections.ts';
import type { ReportInput } from './report-input.ts';

/** Describes a quote's place, or `null` to show its plain location. */
export type Describe = (quote: string, location: Location | null) => string | null;

/**
 * Make the describer of a plan's locations (docx and doc; other formats keep line and page numbers).
 *
 * @param model
 *   The plan, with its items' places.
 */
export function describeLocations(model: ReportInput): Describe {
  const places = model.places;
  // A .doc (and .wps) is a Word document too: its paragraphs are numbered no more visibly than a .docx's.
  if ((model.format !== 'docx' && model.format !== 'doc') || !places) return () => null;
  const byParagraph = new Map<number, Array<{ quote: string; place: Place }>>();
  const add = (items: Array<{ quote: string; location: Location }>, found: Place[]) => items.forEach((item, index) => {
    const paragraph = item.location.paragraph;
    const place = found[index];
    if (paragraph === undefined || !place) return;
    const list = byParagraph.get(paragraph) ?? [];
    list.push({ quote: item.quote, place });
    byParagraph.set(paragraph, list);
  });
  add(model.targets, places.targets);
  add(model.deadlines, places.deadlines);
  add(model.responsibilities, places.responsibilities);
  return (quote, location) => {
    const paragraph = location?.paragraph;
    if (paragraph === undefined) return null;
    const candidates = byParagraph.get(paragraph);
    if (!candidates || candidates.length === 0) return `第 ${paragraph} 段`;
    const { place } = candidates.find((item) => item.quote === quote) ?? candidates[0]!;
    const path = place.path.join(' › ');
    return `${path}${path && place.opening ? '，' : ''}${place.opening ? `段首“${place.opening}”` : ''}` || `第 ${paragraph} 段`;
  };
}
