/**
 * Measures the two ways of finding a web page's article on the corpus pages (corpus/html/):
 *   own          pipeline/ingest/html (rehype-parse, our scoring of text against links and furniture)
 *   readability  @mozilla/readability over a linkedom document (Firefox's Reader View)
 * against the plan's txt: precision, recall and F1 of the characters (a multiset, white space
 * dropped, NFKC), the furniture lines that leak into the text (当前位置, 发布时间, 网站标识码 …),
 * and the tables kept. Each page is measured as made, and in two variants a site may serve:
 *   one-line  the whole page on one line (CMSs that store the article as one string)
 *   sidebar   a sidebar of 热点关注 summaries in running text (no links) beside the article
 *   inside    the 发布时间/来源 line and the share bar inside the article's container (CMSs that
 *             render the whole article block, furniture included, from one template field)
 *
 * Usage: npx tsx scripts/measure-html-extraction.mts
 * Needs @mozilla/readability and linkedom (devDependencies, for this measurement only).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { toString } from 'mdast-util-to-string';
import { decodeHtml } from '../pipeline/ingest/html/decode-html.ts';
import { isMhtml, readMhtml } from '../pipeline/ingest/html/mhtml.ts';
import { readHtml } from '../pipeline/ingest/html/read-html.ts';

const root = new URL('..', import.meta.url).pathname;
const FURNITURE = ['当前位置', '发布时间', '浏览次数', '网站标识码', 'ICP备', '公网安备', '相关新闻', '分享到', '打印本页', '附件：', '热点关注'];

function chars(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text.normalize('NFKC').replace(/\s+/gu, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

function similarity(expected: string, actual: string): { p: number; r: number; f: number } {
  const want = chars(expected);
  const have = chars(actual);
  let common = 0;
  let total = 0;
  let got = 0;
  for (const [ch, n] of want) {
    total += n;
    common += Math.min(n, have.get(ch) ?? 0);
  }
  for (const n of have.values()) got += n;
  const p = got === 0 ? 0 : common / got;
  const r = total === 0 ? 0 : common / total;
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** The page's HTML as text (the MHTML's page part, decoded). */
function pageText(bytes: Uint8Array): string {
  if (isMhtml(bytes)) {
    const page = readMhtml(bytes);
    return decodeHtml(page.bytes, page.charset).text;
  }
  return decodeHtml(bytes).text;
}

function own(html: string): { text: string; tables: number } {
  const read = readHtml(new TextEncoder().encode(html.replace(/<meta[^>]*charset[^>]*>/i, '<meta charset="utf-8">')));
  // A merged cell's copies (`spanned`) are not text of the page: counted once, as the page shows it.
  const text = read.tree.children.map((node) => node.type === 'table'
    ? node.children.map((row) => row.children.filter((cell) => !cell.data?.spanned).map((cell) => toString(cell)).join('\t')).join('\n')
    : toString(node)).join('\n');
  return { text, tables: read.tree.children.filter((node) => node.type === 'table').length };
}

function readability(html: string): { text: string; tables: number } {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  if (!article) return { text: '', tables: 0 };
  return { text: article.textContent ?? '', tables: (article.content?.match(/<table/g) ?? []).length };
}

const SIDEBAR = `<div class="hot"><div class="hot-title">热点关注</div>
<p>热点关注：全市春季学期开学工作平稳有序，各中小学校严格落实校园安全管理制度，开学第一课主题鲜明。</p>
<p>热点关注：市教育局组织开展中小学教师信息技术应用能力提升培训，参训教师两千余人次。</p>
<p>热点关注：我市三所学校入选省级义务教育课程改革实验校，将在课堂教学改革方面先行先试。</p>
<p>热点关注：市政府召开专题会议研究部署城区学位供给工作，新建改扩建学校项目加快推进。</p></div>`;

const VARIANTS: Record<string, (html: string) => string> = {
  'as made': (html) => html,
  'one-line': (html) => html.replace(/\r?\n/g, ''),
  sidebar: (html) => html.replace(/(<div class="related">|<table width="100%"><tr><td class="lm">相关新闻)/, `${SIDEBAR}$1`),
  inside: (html) => {
    const info = /<div class="info">[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
    const share = /<div class="share">[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
    return html.replace(info, '').replace(share, '').replace(/(<div class="(?:article-content|TRS_Editor)"[^>]*>|<td class="content" id="zoom">)/, `$1\n${info}`).replace(/(<\/div>\s*(?:<\/div>)?\s*<div class="fujian">|<\/td><\/tr>\s*<tr><td><div class="fujian">)/, `${share}$1`);
  },
};

const rows: string[] = [];
const totals: Record<string, { f: number[]; leaks: number; tables: number; expected: number }> = {};
for (const file of readdirSync(join(root, 'corpus/html')).sort()) {
  const name = file.replace(/\.[^.]+$/, '');
  const txt = readFileSync(join(root, 'corpus', `${name}.txt`), 'utf8').replace(/\*\*/g, '');
  const expectedTables = (() => {
    try {
      return JSON.parse(readFileSync(join(root, 'scripts/renditions/tables', `${name}.json`), 'utf8')).tables.length as number;
    } catch {
      return 0;
    }
  })();
  const html = pageText(new Uint8Array(readFileSync(join(root, 'corpus/html', file))));
  for (const [variant, make] of Object.entries(VARIANTS)) {
    const page = make(html);
    if (variant !== 'as made' && page === html) throw new Error(`${file}: the ${variant} variant changed nothing`);
    for (const [method, run] of [['own', own], ['readability', readability]] as const) {
      const result = run(page);
      const s = similarity(txt, result.text);
      const leaks = FURNITURE.filter((word) => result.text.includes(word) && !txt.includes(word));
      const key = `${method} / ${variant}`;
      const total = (totals[key] ??= { f: [], leaks: 0, tables: 0, expected: 0 });
      total.f.push(s.f);
      total.leaks += leaks.length;
      total.tables += Math.min(result.tables, expectedTables);
      total.expected += expectedTables;
      rows.push(`${file.padEnd(22)} ${variant.padEnd(8)} ${method.padEnd(11)} P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} F1 ${s.f.toFixed(3)}  tables ${result.tables}/${expectedTables}  leaks ${leaks.join(' ') || '-'}`);
    }
  }
}
console.log(rows.join('\n'));
console.log('\nmean F1, furniture leaks and tables kept per method and variant:');
for (const [key, total] of Object.entries(totals)) {
  console.log(`${key.padEnd(28)} F1 ${(total.f.reduce((a, b) => a + b, 0) / total.f.length).toFixed(3)}  leaks ${total.leaks}  tables ${total.tables}/${total.expected}`);
}
