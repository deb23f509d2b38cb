/**
 * Test helper: rendered HTML as a DOM (htmlparser2), with small queries by
 * tag, id, class and attribute, and an element's text as a reader sees it.
 */
import { parseDocument } from 'htmlparser2';
import type { Document, Element } from 'domhandler';
import { findAll, getAttributeValue, textContent } from 'domutils';

/** Parse an HTML page. */
export function parseHtml(html: string): Document {
  return parseDocument(html);
}

/** Every element (under `root`) matching a tag and optional attribute tests. */
export function query(root: Document | Element, tag: string | null, attributes: Record<string, string | RegExp | true> = {}): Element[] {
  return findAll((element) => {
    if (tag !== null && element.name !== tag) return false;
    return Object.entries(attributes).every(([name, want]) => {
      const value = getAttributeValue(element, name);
      if (want === true) return value !== undefined;
      if (value === undefined) return false;
      if (name === 'class' && typeof want === 'string') return value.split(/\s+/).includes(want);
      return typeof want === 'string' ? value === want : want.test(value);
    });
  }, 'children' in root ? root.children : []);
}

/** The one element with an id. */
export function byId(root: Document, id: string): Element {
  const found = query(root, null, { id });
  if (found.length !== 1) throw new Error(`${found.length} elements with id ${id}`);
  return found[0]!;
}

/** An element's text, whitespace collapsed. */
export function text(element: Element | Document): string {
  return textContent(element).replace(/\s+/g, ' ').trim();
}

/** An attribute of an element. */
export function attr(element: Element, name: string): string | undefined {
  return getAttributeValue(element, name);
}

/** The cells (th and td) of a table row, in order. */
export function cells(row: Element): Element[] {
  return row.children.filter((child): child is Element => child.type === 'tag' && (child.name === 'td' || child.name === 'th'));
}
