/**
 * What a government page says about its article outside the article: the title
 * (`<meta name="ArticleTitle">`, `<h1>`, `<title>`), the 发文字号 and the 成文日期 of
 * a 信息公开 box, the 发布时间 line. The article's own text decides metadata; these
 * only fill what it does not state (a plan published without its 文号 line).
 */
import type { Element, Root } from 'hast';
import { textOf } from './article.ts';

/** Metadata the page states around the article. */
export interface PageInfo {
  title?: string;
  docNumber?: string;
  /** ISO date: the 成文日期 when the page gives one, else its 发布时间. */
  date?: string;
}

const DOC_NUMBER = /(?:发文字号|文\s*号)\s*[：:]\s*([\u4e00-\u9fa5]{1,10}[〔［[【(（]\s*\d{4}\s*[〕］\]】)）]\s*\d{1,4}\s*号)/;
const WRITTEN = /(?:成文日期|发文日期|印发日期)\s*[：:]\s*((?:19|20)\d{2})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/;
const PUBLISHED = /(?:发布时间|发布日期|公开日期|日期)\s*[：:]\s*((?:19|20)\d{2})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/;

/** What the page's head says: `<meta name="ArticleTitle">`, `PubDate`, `<title>`. */
export interface HeadInfo {
  title?: string;
  published?: string;
}

/**
 * Read the page's head, before scripts, styles and the head are dropped.
 *
 * @param tree
 *   The whole page.
 */
export function readHeadInfo(tree: Root): HeadInfo {
  const head: HeadInfo = {};
  const title = findMeta(tree, 'articletitle') ?? firstText(tree, 'title')?.split(/[_|｜]| - /)[0];
  if (title !== undefined && title.trim() !== '') head.title = title.replace(/\s+/g, '');
  const published = findMeta(tree, 'pubdate');
  if (published !== undefined) head.published = published;
  return head;
}

/**
 * Read the page's statements about its article: labelled lines (发文字号：, 成文日期：, 发布时间：)
 * wherever they stand, the article's container included, since a plan's own text never labels
 * itself so.
 *
 * @param tree
 *   The page with scripts and styles dropped, before its furniture is.
 * @param head
 *   What the page's head said (`readHeadInfo`).
 */
export function readPageInfo(tree: Root, head: HeadInfo): PageInfo {
  const info: PageInfo = {};
  const pageText = textOf(tree);
  const number = DOC_NUMBER.exec(pageText);
  if (number) info.docNumber = number[1]!.replace(/\s+/g, '');
  const date = WRITTEN.exec(pageText) ?? PUBLISHED.exec(pageText) ?? /^((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})/.exec(head.published ?? '');
  if (date) info.date = `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}`;
  const title = head.title ?? firstText(tree, 'h1')?.replace(/\s+/g, '');
  if (title !== undefined && title !== '') info.title = title;
  return info;
}

/** The content of `<meta name="…">`, by its lower-case name. */
function findMeta(tree: Root, name: string): string | undefined {
  let found: string | undefined;
  visitElements(tree, (element) => {
    if (found === undefined && element.tagName === 'meta' && String(element.properties.name ?? '').toLowerCase() === name) {
      found = String(element.properties.content ?? '').trim() || undefined;
    }
  });
  return found;
}

function firstText(tree: Root, tagName: string): string | undefined {
  let found: string | undefined;
  visitElements(tree, (element) => {
    if (found === undefined && element.tagName === tagName) found = textOf(element).trim() || undefined;
  });
  return found;
}

function visitElements(node: Element | Root, callback: (element: Element) => void): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    callback(child);
    visitElements(child, callback);
  }
}
