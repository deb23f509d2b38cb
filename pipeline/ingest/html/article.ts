/**
 * Find the article in a web page and drop the site around it. A county site wraps
 * a plan in a header, menus, a 当前位置 breadcrumb, a 发布时间/来源 line, 附件
 * links, share bars, related-news lists and a footer with its 网站标识码; the plan
 * is the one block of running text. From the body down, the walk enters the child
 * that holds most of the page's text as long as what it leaves behind is the title and
 * furniture (link text, site furniture by tag, name or wording) and at most a few
 * characters, and never enters a paragraph. Inside the article, link lists and
 * furniture lines go.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

/**
 * Elements whose content is never page text. Not `<form>`: ASP.NET sites wrap the whole
 * body in one.
 */
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'select', 'option', 'textarea', 'button', 'input', 'head', 'nav', 'aside', 'map', 'audio', 'video']);
/** Elements that are site furniture by their tag (HTML5's page header and footer). */
const FURNITURE_TAGS = new Set(['header', 'footer']);
/** Class and id words of site furniture (English and pinyin as county CMSs name them). */
const FURNITURE_NAME = /(?:^|[\s_-])(?:nav|navbar|menu|header|footer|foot|bottom|top|topbar|banner|logo|search|breadcrumbs?|crumbs?|position|location|weizhi|dqwz|share|fenxiang|bdshare|print|dayin|related|xgxw|xgwz|xgwj|relate|links?|yqlj|copyright|banquan|sidebar|side|left|right|toolbar|tools|pager|pagination|fanye|comment|qrcode|ewm)(?:$|[\s_-]|\d)/i;
/** Lines of site furniture by their wording. */
const FURNITURE_TEXT = [
  /^\s*(?:当前位置|您的位置|你的位置|所在位置|您现在的位置)[：:]/,
  /^\s*(?:发布时间|发布日期|发布机构|信息来源|来源|作者|字号|字体|浏览次数|浏览量|访问量|点击数|阅读次数|点击率|责任编辑|编辑|审核|校对)[：:]/,
  /^\s*(?:索\s*引\s*号|发文字号|成文日期|主题分类)[：:]/,
  /网站标识码|ICP\s*备|公网安备|版权所有|主办单位[：:]|承办单位[：:]|技术支持[：:]/,
  /^\s*(?:分享到|扫一扫|【\s*(?:打印本页|打印|关闭窗口|关闭|返回顶部|收藏)\s*】)/,
];

/** Fewest characters of running text that make an article. */
export const MIN_ARTICLE_CHARS = 20;
/**
 * Most characters of text besides the title and furniture that the walk leaves outside the
 * article: a few for a short article, up to a sidebar's few lines for a plan of thousands.
 */
const leftBehind = (total: number): number => Math.max(30, Math.min(200, total * 0.05));
/** Class and id words of an article's title. */
const TITLE_NAME = /(?:^|[\s_-])(?:title|biaoti|bt|tit|headline)(?:$|[\s_-]|\d)/i;

/** What the walk measured of one element. */
interface Measure {
  /** Characters of text (no white space). */
  all: number;
  /** Characters of text that is neither a link nor site furniture: the article's own text. */
  own: number;
  /** Links inside. */
  links: number;
}

/**
 * Drop what a page never shows as text: scripts, styles, forms, frames, comments.
 *
 * @param tree
 *   The page's tree, changed in place.
 */
export function dropInvisible(tree: Root): void {
  const visit = (parent: Root | Element): void => {
    parent.children = (parent.children as Array<RootContent | ElementContent>).filter((child) => {
      if (child.type === 'comment' || child.type === 'doctype') return false;
      if (child.type !== 'element') return true;
      if (INVISIBLE.has(child.tagName)) return false;
      visit(child);
      return true;
    }) as typeof parent.children;
  };
  visit(tree);
}

/**
 * Drop the elements of an article that the page hides (`hidden`, an inline `display:none`
 * or `visibility:hidden`): what a reader does not see is not read as the plan's text.
 *
 * @param article
 *   The article's element, changed in place.
 * @returns
 *   How many hidden elements that held text were dropped.
 */
export function dropHidden(article: Element | Root): number {
  let hidden = 0;
  const visit = (parent: Root | Element): void => {
    parent.children = (parent.children as Array<RootContent | ElementContent>).filter((child) => {
      if (child.type !== 'element') return true;
      const style = String(child.properties.style ?? '');
      if ((child.properties.hidden !== undefined && child.properties.hidden !== false) || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) {
        if (textOf(child).trim() !== '') hidden++;
        return false;
      }
      visit(child);
      return true;
    }) as typeof parent.children;
  };
  visit(article);
  return hidden;
}

/**
 * Find the element that holds the article.
 *
 * @param tree
 *   The page's tree after `dropInvisible`.
 * @param title
 *   The article's title as the page's head gives it (optional): a block that repeats it is the
 *   article's heading, which the walk may leave behind.
 * @returns
 *   The article's element (the body when no smaller one holds the text), and how many
 *   characters of the article's own text it holds (0 when links are most of its text).
 */
export function findArticle(tree: Root, title?: string): { article: Element | Root; chars: number } {
  const measures = new Map<Element | Root, Measure>();
  measure(tree, measures, false);
  const compactTitle = title?.replace(/\s+/g, '');
  const isTitle = (element: Element): boolean =>
    /^h[1-6]$/.test(element.tagName) || TITLE_NAME.test(nameOf(element)) || (compactTitle !== undefined && compactTitle !== '' && textOf(element).replace(/\s+/g, '') === compactTitle);
  let node: Element | Root = findBody(tree) ?? tree;
  const path: Array<Element | Root> = [];
  for (;;) {
    const total = measures.get(node)!.own;
    let best: Element | undefined;
    for (const child of node.children) {
      if (child.type === 'element' && (!best || measures.get(child)!.own > measures.get(best)!.own)) best = child;
    }
    if (!best || !isContainer(best)) break;
    const own = measures.get(best)!.own;
    // What the walk leaves behind may be the title and furniture, and a few characters more
    // (a lone 附件 label), never a paragraph or a signature of the plan.
    let left = 0;
    for (const child of node.children) {
      if (child.type === 'text') left += child.value.replace(/\s+/g, '').length;
      else if (child.type === 'element' && child !== best && !isTitle(child)) left += measures.get(child)!.own;
    }
    if (own < total * 0.7 || left > leftBehind(total)) break;
    path.push(node);
    node = best;
  }
  // A walk that stops between a table and its cells takes the whole table: its rows are read together.
  while (node.type === 'element' && /^(?:tbody|thead|tfoot|tr)$/.test(node.tagName) && path.length > 0) node = path.pop()!;
  const { own, all } = measures.get(node)!;
  // A list of links with dates beside them (a column's index page) is not an article.
  return { article: node, chars: own < all * 0.5 ? 0 : own };
}

/** Elements that hold blocks; the walk never enters a paragraph, however much of the text it holds. */
const BLOCKS = new Set(['p', 'div', 'table', 'tbody', 'tr', 'td', 'th', 'ul', 'ol', 'li', 'dl', 'section', 'article', 'main', 'center', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'font', 'span']);

/** An element that holds blocks (a `<div>` of `<p>`s, a layout cell), not a block of running text. */
function isContainer(element: Element): boolean {
  return element.children.some((child) => child.type === 'element' && child.tagName !== 'span' && child.tagName !== 'font' && BLOCKS.has(child.tagName));
}

/**
 * Drop the furniture inside an article: elements named as furniture, lists of links,
 * and paragraphs worded as furniture (当前位置, 发布时间, 分享到, 网站标识码).
 *
 * @param article
 *   The article's element, changed in place.
 */
export function dropFurniture(article: Element | Root): void {
  const visit = (parent: Element | Root): void => {
    parent.children = (parent.children as Array<RootContent | ElementContent>).filter((child) => {
      if (child.type !== 'element') return true;
      if (isFurniture(child)) return false;
      visit(child);
      return true;
    }) as typeof parent.children;
  };
  visit(article);
}

/** Whether an element is site furniture rather than article text. */
function isFurniture(element: Element): boolean {
  if (element.tagName === 'table' || element.tagName === 'tr' || element.tagName === 'td' || element.tagName === 'th') {
    // A table of the plan may have a cell named `left`; only its wording can mark it as furniture.
    return isFurnitureText(textOf(element));
  }
  if (FURNITURE_TAGS.has(element.tagName) || FURNITURE_NAME.test(nameOf(element))) return true;
  const links = countLinks(element);
  if (links.count === 0 && element.children.length > 20) return false;
  const text = textOf(element);
  if (isFurnitureText(text)) return true;
  if (links.count >= 2) {
    const all = text.replace(/\s+/g, '').length;
    if (all > 0 && links.chars / all >= 0.6) return true;
  }
  return false;
}

/** A short line worded as site furniture. */
function isFurnitureText(text: string): boolean {
  const compact = text.trim();
  return compact.length < 200 && FURNITURE_TEXT.some((pattern) => pattern.test(compact));
}

function measure(node: Element | Root, measures: Map<Element | Root, Measure>, inLink: boolean): Measure {
  const result: Measure = { all: 0, own: 0, links: 0 };
  const link = inLink || (node.type === 'element' && node.tagName === 'a');
  if (node.type === 'element' && node.tagName === 'a') result.links++;
  for (const child of node.children) {
    if (child.type === 'text') {
      const chars = child.value.replace(/\s+/g, '').length;
      result.all += chars;
      if (!link) result.own += chars;
    } else if (child.type === 'element') {
      const inner = measure(child, measures, link);
      result.all += inner.all;
      result.own += inner.own;
      result.links += inner.links;
    }
  }
  if (node.type === 'element' && result.own > 0) {
    // Only short text can be a furniture line; long text is never measured twice.
    const named = FURNITURE_TAGS.has(node.tagName) || (node.tagName !== 'td' && node.tagName !== 'table' && node.tagName !== 'tr' && FURNITURE_NAME.test(nameOf(node)));
    // A list of links with a date beside each (相关新闻) is furniture, as `dropFurniture` finds it.
    const linkList = result.links >= 2 && result.all - result.own >= result.all * 0.6;
    if (named || linkList || (result.all < 200 && isFurnitureText(textOf(node)))) result.own = 0;
  }
  measures.set(node, result);
  return result;
}

function findBody(tree: Root): Element | undefined {
  const html = tree.children.find((child): child is Element => child.type === 'element' && child.tagName === 'html');
  return html?.children.find((child): child is Element => child.type === 'element' && child.tagName === 'body');
}

/** Class and id of an element, space separated; and the `title` of a `<div>` (LibreOffice and Word export a page's running header as `<div title="header">`). */
function nameOf(element: Element): string {
  const className = element.properties.className;
  const classes = Array.isArray(className) ? className.join(' ') : String(className ?? '');
  const title = element.tagName === 'div' && /^(?:header|footer)$/i.test(String(element.properties.title ?? '')) ? String(element.properties.title) : '';
  return `${classes} ${String(element.properties.id ?? '')} ${title}`.trim();
}

/**
 * The text of a node, tags dropped (a table row's cells a space apart).
 *
 * @param node
 *   Any node of a page's tree.
 */
export function textOf(node: Element | Root | ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' || node.type === 'root') return node.children.map((child) => textOf(child as ElementContent)).join(node.type === 'element' && node.tagName === 'tr' ? ' ' : '');
  return '';
}

function countLinks(node: Element): { count: number; chars: number } {
  let count = 0;
  let chars = 0;
  const visit = (current: Element): void => {
    for (const child of current.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'a') {
        count++;
        chars += textOf(child).replace(/\s+/g, '').length;
      } else visit(child);
    }
  };
  visit(node);
  return { count, chars };
}
