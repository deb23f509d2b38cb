/**
 * The web-page reader (`.html`, `.htm`, `.shtml`, and `.mhtml` as a browser saves a page):
 * bytes → decoded page (BOM, declared charset, detection) → hast (rehype-parse, with
 * source positions) → the article without the site around it → mdast (rehype-remark's
 * hast-util-to-mdast) → headings, paragraphs and tables located by line and column in the
 * file. What the page states about the article outside it (发文字号, 成文日期, title) comes
 * back beside the tree, for metadata the article does not state.
 */
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Point, Position } from 'unist';
import type { Reader } from '../reader.ts';
import { formatBytes } from '../limits.ts';
import { MAX_TREE_NODES } from '../expansion-caps.ts';
import { ReadError } from '../read-error.ts';
import { dropFurniture, dropHidden, dropInvisible, findArticle, MIN_ARTICLE_CHARS } from './article.ts';
import { decodeHtml } from './decode-html.ts';
import { isMhtml, makeSourceMapper, readMhtml } from './mhtml.ts';
import { readHeadInfo, readPageInfo, type PageInfo } from './page-info.ts';
import { toDocumentTree } from './to-tree.ts';

/** Largest page read, in bytes of HTML (an MHTML file's images and styles not counted). */
export const MAX_HTML_BYTES = 16 * 1024 * 1024;
/** Deepest element nesting read; parse5 nests unclosed inline tags, so real pages go past 64. */
export const MAX_HTML_DEPTH = 512;

/** A read web page. */
export interface HtmlReadResult {
  tree: Root;
  /** The encoding the page was read in, and how it was found. */
  encoding: string;
  /** What was repaired or left out on the way. */
  warnings: string[];
  /** What the page states about the article outside it. */
  page: PageInfo;
}

const parser = unified().use(rehypeParse).freeze();

/** The web-page reader behind the one reader signature: the page's statements go to `metadata`. */
export const readHtmlFile: Reader = async (data) => {
  const read = readHtml(data);
  return { tree: read.tree, notices: read.warnings, encoding: read.encoding, metadata: read.page };
};

/**
 * Read a web page.
 *
 * @param data
 *   The file's bytes (HTML or MHTML).
 * @returns
 *   The article's tree, the encoding, warnings and the page's statements.
 * @throws {ReadError}
 *   When the page cannot be decoded, is too large, or holds no article.
 */
export function readHtml(data: Uint8Array): HtmlReadResult {
  const mhtml = isMhtml(data) ? readMhtml(data) : undefined;
  const bytes = mhtml?.bytes ?? data;
  if (bytes.length > MAX_HTML_BYTES) throw new ReadError(`web page too large: ${formatBytes(bytes.length)} of HTML (limit ${formatBytes(MAX_HTML_BYTES)})`);
  const decoded = decodeHtml(bytes, mhtml?.charset);
  const text = decoded.text;
  if (countNul(text) > text.length / 10) throw new ReadError('binary data, not text');
  const tree = parser.parse(text) as HastRoot;
  checkHastShape(tree);
  startTextsAtText(tree);
  if (mhtml) relocate(tree, makeSourceMapper(text, mhtml, decoded.encoding, data));
  const head = readHeadInfo(tree);
  dropInvisible(tree);
  const { article, chars } = findArticle(tree, head.title);
  if (chars < MIN_ARTICLE_CHARS) throw new ReadError('no article: the page holds only navigation, links and site furniture');
  const page = readPageInfo(tree, head);
  const warnings = [...decoded.warnings];
  const hidden = dropHidden(article);
  if (hidden > 0) warnings.push(`hidden text (display:none) not read: ${hidden} ${hidden === 1 ? 'element' : 'elements'}`);
  dropFurniture(article);
  // A layout cell or the body is converted as the flow it holds; any other element as itself.
  const flow = article.type === 'root' || /^(?:body|html|td|th)$/.test(article.tagName);
  const root: HastRoot = { type: 'root', children: flow ? (article.children as HastContent[]) : [article] };
  return { tree: toDocumentTree(root), encoding: mhtml ? `${decoded.encoding}, MHTML` : decoded.encoding, warnings, page };
}

function countNul(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\u0000'); i >= 0; i = text.indexOf('\u0000', i + 1)) count++;
  return count;
}

/** Refuse a page of more nodes than MAX_TREE_NODES or deeper than MAX_HTML_DEPTH (walked without recursion). */
function checkHastShape(tree: HastRoot): void {
  let nodes = 0;
  const stack: Array<[HastRoot | HastContent, number]> = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (++nodes > MAX_TREE_NODES) throw new ReadError(`too many parts: over ${MAX_TREE_NODES} nodes (limit ${MAX_TREE_NODES})`);
    if (depth > MAX_HTML_DEPTH) throw new ReadError(`nesting too deep: over ${MAX_HTML_DEPTH} levels (limit ${MAX_HTML_DEPTH})`);
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
}

/**
 * Start each text node's position at its first character that is not white space, so a line
 * after a `<br>` and a newline is located on the line where its text stands.
 */
function startTextsAtText(tree: HastRoot): void {
  const stack: Array<HastRoot | HastContent> = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('children' in node) stack.push(...node.children);
    if (node.type !== 'text' || !node.position || node.position.start.offset === undefined) continue;
    const leading = /^\s*/.exec(node.value)![0];
    if (leading === '' || leading === node.value) continue;
    let { line, column } = node.position.start;
    for (const char of leading) {
      if (char === '\n') {
        line++;
        column = 1;
      } else if (char !== '\r') column++;
    }
    node.position = { ...node.position, start: { line, column, offset: node.position.start.offset + leading.length } };
  }
}

/** Move every position from the decoded page to the .mhtml file. */
function relocate(tree: HastRoot, toSource: (offset: number) => Point): void {
  const stack: Array<HastRoot | HastContent | Element> = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const position = node.position as Position | undefined;
    if (position && position.start.offset !== undefined && position.end.offset !== undefined) {
      node.position = { start: toSource(position.start.offset), end: toSource(position.end.offset) };
    }
    if ('children' in node) stack.push(...node.children);
  }
}
