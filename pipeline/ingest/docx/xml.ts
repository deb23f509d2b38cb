/**
 * A small view of the WordprocessingML parts a .docx holds: parse a part once
 * (with source offsets, so it can be edited in place) and walk its elements by
 * qualified name. Word always writes the main namespace with the `w:` prefix.
 */
import type { AnyNode, Document, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/**
 * Parse one XML part, keeping each element's start and end offset in `xml`.
 *
 * @param xml
 *   The part's text.
 * @returns
 *   The parsed document.
 */
export function parseXmlPart(xml: string): Document {
  return parseDocument(xml, { xmlMode: true, withStartIndices: true, withEndIndices: true });
}

/**
 * Whether a node is an element, optionally with the given qualified name.
 *
 * @param node
 *   Any node.
 * @param name
 *   Qualified name such as `w:p` (optional).
 */
export function isElement(node: AnyNode, name?: string): node is Element {
  return (node.type === 'tag' || node.type === 'script' || node.type === 'style') &&
    (name === undefined || (node as Element).name === name);
}

/**
 * The child elements of a node, optionally only those with one name.
 *
 * @param node
 *   Parent node (optional: none gives no children).
 * @param name
 *   Qualified name (optional).
 */
export function childElements(node: Element | Document | undefined, name?: string): Element[] {
  if (!node) return [];
  return node.children.filter((child): child is Element => isElement(child, name));
}

/**
 * The first child element with a name.
 *
 * @param node
 *   Parent node (optional).
 * @param name
 *   Qualified name.
 */
export function firstChild(node: Element | Document | undefined, name: string): Element | undefined {
  return childElements(node, name)[0];
}

/**
 * Every element with a name below a node, in document order (pre-order).
 *
 * @param node
 *   Root of the search.
 * @param name
 *   Qualified name.
 */
export function findElements(node: Element | Document, name: string): Element[] {
  const found: Element[] = [];
  const visit = (parent: Element | Document): void => {
    for (const child of parent.children) {
      if (!isElement(child)) continue;
      if (child.name === name) found.push(child);
      visit(child);
    }
  };
  visit(node);
  return found;
}

/**
 * An attribute of an element.
 *
 * @param element
 *   The element (optional).
 * @param attribute
 *   Qualified attribute name (default: `w:val`).
 */
export function readAttribute(element: Element | undefined, attribute = 'w:val'): string | undefined {
  return element?.attribs[attribute];
}

/**
 * An integer attribute of an element; `undefined` when absent or not a number.
 *
 * @param element
 *   The element (optional).
 * @param attribute
 *   Qualified attribute name (default: `w:val`).
 */
export function readInteger(element: Element | undefined, attribute = 'w:val'): number | undefined {
  const value = readAttribute(element, attribute);
  if (value === undefined || !/^-?\d+$/.test(value.trim())) return undefined;
  return Number.parseInt(value, 10);
}
