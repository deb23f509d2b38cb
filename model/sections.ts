/**
 * Where each extracted item stands in the plan's outline: the section path of
 * the block that holds its quote (一、 → （一） → 1．), so that reports can tie a
 * task to the targets and deadlines of its own measure rather than to nearby
 * lines or a whole PDF page.
 */
import type { Root } from 'mdast';
import type { Location } from './plan.ts';
import { toBlocks } from './blocks.ts';
import type { Block } from './document.ts';

/** An item's place: the titles of its sections, outermost first, and whether it stands in a heading itself. */
export interface Place {
  /** Section titles with their markers (`三、工作措施`, `1．优化中小学布局规划`); includes the heading the item is in. */
  path: string[];
  /** The item's quote is in a heading (第二阶段（2024年1月—2029年12月）). */
  heading: boolean;
  /** The opening words of the paragraph (or row) that holds the item, for formats without line numbers (docx). */
  opening: string;
}

/** The place of every target, deadline and responsibility, in the model's order. */
export interface ItemPlaces {
  targets: Place[];
  deadlines: Place[];
  responsibilities: Place[];
}

interface Item {
  quote: string;
  location: Location;
}

const squash = (text: string) => text.replace(/\s+/g, '');

/**
 * Place the items of a model in its outline.
 *
 * @param tree
 *   The document tree (with its outline marked).
 * @param items
 *   The model's targets, deadlines and responsibilities.
 * @returns
 *   One place per item.
 */
export function placeItems(tree: Root, items: { targets: Item[]; deadlines: Item[]; responsibilities: Item[] }): ItemPlaces {
  const blocks = toBlocks(tree).map((block) => ({ block, text: squash(block.text) }));
  // Many items share a quote and a place (a sentence with several figures): look each pair up once.
  const known = new Map<string, Place>();
  const place = (item: Item): Place => {
    const probe = squash(item.quote).slice(0, 16);
    const key = `${item.location.line}|${item.location.paragraph}|${item.location.page}|${probe}`;
    let found = known.get(key);
    if (!found) {
      found = locate(item, probe);
      known.set(key, found);
    }
    return found;
  };
  const locate = (item: Item, probe: string): Place => {
    const axis = item.location.line !== undefined ? 'line' : item.location.paragraph !== undefined ? 'paragraph' : item.location.page !== undefined ? 'page' : null;
    const sameSpot = axis === null ? [] : blocks.filter(({ block }) => block.location[axis] === item.location[axis]);
    const found = sameSpot.find(({ text }) => text.includes(probe))
      ?? blocks.find(({ text }) => probe.length >= 6 && text.includes(probe))
      ?? sameSpot[0]
      ?? (axis === null ? undefined : [...blocks].reverse().find(({ block }) => (block.location[axis] ?? 0) <= item.location[axis]!));
    return found ? placeOf(found.block) : { path: [], heading: false, opening: '' };
  };
  return {
    targets: items.targets.map(place),
    deadlines: items.deadlines.map(place),
    responsibilities: items.responsibilities.map(place),
  };
}

/** How many characters of a paragraph open it in a location (`“继续实施小规模学校扶持政策…”`). */
const OPENING = 12;

function placeOf(block: Block): Place {
  const text = block.text.replace(/\s+/g, ' ').trim();
  const opening = text.length > OPENING ? `${text.slice(0, OPENING)}…` : text;
  if (!block.outline) return { path: block.sectionPath, heading: block.kind === 'heading', opening };
  const own = block.outline.title === block.outline.marker ? block.outline.marker : `${block.outline.marker}${block.outline.title}`;
  return { path: [...block.sectionPath, own], heading: true, opening };
}

/**
 * The outline level of a section title by its marker: 1 一、, 2 （一）, 3 1．, 4 （1）, else `null`.
 *
 * @param title
 *   A section title with its marker.
 */
export function outlineLevel(title: string): number | null {
  if (/^[一二三四五六七八九十]+、/.test(title)) return 1;
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(title)) return 2;
  if (/^\d+[．.、]/.test(title)) return 3;
  if (/^[（(]\d+[）)]/.test(title)) return 4;
  return null;
}
