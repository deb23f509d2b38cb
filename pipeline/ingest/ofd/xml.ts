/**
 * The XML of an OFD package: parsed strictly enough to refuse a damaged part
 * (an element left open, a part cut short), and walked by local name, since
 * producers write the `http://www.ofdspec.org/2016` namespace with the `ofd:`
 * prefix, another prefix or none.
 */
import type { Document, Element } from 'domhandler';
import { DomHandler } from 'domhandler';
import { Parser } from 'htmlparser2';
import { ReadError } from '../read-error.ts';

/**
 * Parse one part of the package.
 *
 * @param xml
 *   The part's text.
 * @param path
 *   Its path in the zip, for the reason.
 * @returns
 *   The parsed document.
 * @throws {ReadError}
 *   `corrupt OFD: <path> is not well-formed XML (<name> is not closed)`.
 */
export function parseOfdXml(xml: string, path: string): Document {
  let unclosed: string | undefined;
  const handler = new DomHandler();
  // An implied close that is not a self-closing tag (`…/>`) is an element the part never closes.
  const parser: Parser = new Parser(
    {
      onparserinit: (p) => handler.onparserinit(p),
      onreset: () => handler.onreset(),
      onend: () => handler.onend(),
      onerror: (error) => handler.onerror(error),
      onopentag: (name, attribs) => handler.onopentag(name, attribs),
      onclosetag: (name, implied) => {
        if (implied && unclosed === undefined && xml[parser.endIndex - 1] !== '/') unclosed = name;
        handler.onclosetag();
      },
      ontext: (text) => handler.ontext(text),
      oncomment: (text) => handler.oncomment(text),
      oncommentend: () => handler.oncommentend(),
      oncdatastart: () => handler.oncdatastart(),
      oncdataend: () => handler.oncdataend(),
      onprocessinginstruction: (name, data) => handler.onprocessinginstruction(name, data),
    },
    { xmlMode: true },
  );
  parser.end(xml);
  if (unclosed !== undefined) throw new ReadError(`corrupt OFD: ${path} is not well-formed XML (<${unclosed}> is not closed)`);
  const root = handler.root;
  if (!root.children.some((node) => node.type === 'tag')) throw new ReadError(`corrupt OFD: ${path} holds no XML element`);
  return root;
}

/**
 * The local part of an element's name (`ofd:TextCode` → `TextCode`).
 *
 * @param element
 *   An element.
 */
export function localName(element: Element): string {
  const colon = element.name.indexOf(':');
  return colon < 0 ? element.name : element.name.slice(colon + 1);
}

/**
 * The child elements of a node with a local name.
 *
 * @param node
 *   Parent node (optional: none gives no children).
 * @param name
 *   Local name (optional: every child element).
 */
export function childrenNamed(node: Element | Document | undefined, name?: string): Element[] {
  if (!node) return [];
  return node.children.filter(
    (child): child is Element => child.type === 'tag' && (name === undefined || localName(child as Element) === name),
  );
}

/**
 * The first element on a path of local names below a node.
 *
 * @param node
 *   Where the path starts (optional).
 * @param names
 *   Local names, one per level.
 */
export function elementAt(node: Element | Document | undefined, ...names: string[]): Element | undefined {
  let current: Element | Document | undefined = node;
  for (const name of names) current = childrenNamed(current, name)[0];
  return current as Element | undefined;
}

/**
 * The text inside an element, as written (spaces are placed glyphs too).
 *
 * @param element
 *   The element (optional).
 */
export function textOf(element: Element | undefined): string {
  if (!element) return '';
  let text = '';
  for (const child of element.children) if (child.type === 'text') text += (child as unknown as { data: string }).data;
  return text;
}

/**
 * An attribute by its local name (producers differ on whether attributes carry a prefix).
 *
 * @param element
 *   The element (optional).
 * @param name
 *   Local name of the attribute.
 */
export function attributeOf(element: Element | undefined, name: string): string | undefined {
  if (!element) return undefined;
  const direct = element.attribs[name];
  if (direct !== undefined) return direct;
  for (const [key, value] of Object.entries(element.attribs)) if (key.endsWith(`:${name}`)) return value;
  return undefined;
}
