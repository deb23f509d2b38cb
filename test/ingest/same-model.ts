/**
 * Shared by the tests of the readers that render a corpus plan again (web pages, .doc):
 * what the model of a rendition must share with the model of the plan's txt.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { processDocument, type DocumentModel } from '../../pipeline/process-document.ts';

const root = new URL('../..', import.meta.url).pathname;

/**
 * The model of a file of the repository, or a thrown error with the reason it failed.
 *
 * @param path
 *   The file's path from the repository's root.
 */
export async function modelOf(path: string): Promise<DocumentModel> {
  const outcome = await processDocument(new Uint8Array(readFileSync(`${root}${path}`)), basename(path));
  if (!outcome.ok) throw new Error(`${path}: ${outcome.reason}`);
  return outcome.model;
}

/** A quote as the txt and a rendition both hold it: white space and the txt's `**` bold markers dropped. */
const normalize = (text: string): string => text.replace(/\*\*/g, '').replace(/\s+/g, '');

/** One extracted item: what it says (its key) and its quote. */
interface Item {
  key: string;
  quote: string;
}

/**
 * The extracted items of a model by value, without where they are: targets by indicator, level,
 * comparator, value, unit, year, kind and hedge; deadlines by start, end and label; responsibilities
 * by task, indicator and departments with their roles; each with its quote, sorted by key.
 *
 * @param model
 *   A document's model.
 */
export function itemsOf(model: DocumentModel): Item[] {
  const items: Item[] = [
    ...model.targets.map((t) => ({ key: ['target', t.indicator, t.level, t.comparator, t.value, t.unit, t.year, t.kind, t.hedge ?? ''].join('|'), quote: t.quote })),
    ...model.deadlines.map((d) => ({ key: ['deadline', d.start, d.end, normalize(d.label)].join('|'), quote: d.quote })),
    ...model.responsibilities.map((r) => ({ key: ['responsibility', normalize(r.task), r.indicator, r.departments.map((d) => `${d.name}:${d.role}`).join(',')].join('|'), quote: r.quote })),
  ];
  return items.map((item) => ({ key: item.key, quote: normalize(item.quote) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.quote < b.quote ? -1 : a.quote > b.quote ? 1 : 0));
}

/**
 * How the items of a rendition differ from those of the plan's txt: the keys must be the same, and
 * each quote the txt's after white space is normalised. A quote from a table row holds the row, where
 * the txt (a table flattened one cell per line) quotes the cell: there the row must hold the txt's quote.
 *
 * @param rendition
 *   The model of a rendition (web page, .doc).
 * @param txt
 *   The model of the plan's txt.
 * @returns
 *   One line per difference; none when the models agree.
 */
export function compareItems(rendition: DocumentModel, txt: DocumentModel): string[] {
  const ours = itemsOf(rendition);
  const theirs = itemsOf(txt);
  const keys = (items: Item[]) => items.map((item) => item.key);
  if (keys(ours).join('\n') !== keys(theirs).join('\n')) {
    const only = (a: Item[], b: Item[]) => keys(a).filter((key) => !keys(b).includes(key));
    return [...only(ours, theirs).map((key) => `only in the rendition: ${key}`), ...only(theirs, ours).map((key) => `only in the txt: ${key}`), ...(ours.length !== theirs.length ? [`${ours.length} items, txt ${theirs.length}`] : [])];
  }
  // Equal keys in both lists: pair each quote with one of the same key that it equals or holds.
  const differences: string[] = [];
  const left = [...theirs];
  for (const item of ours) {
    const index = left.findIndex((other) => other.key === item.key && (other.quote === item.quote || item.quote.includes(other.quote)));
    if (index < 0) differences.push(`${item.key}: quote ${item.quote}`);
    else left.splice(index, 1);
  }
  return differences;
}
