/**
 * The web-page reader on the corpus pages (scripts/renditions/make-html.mjs: five county sites,
 * UTF-8, GBK declared, GBK undeclared, MHTML) and on pages made here for single cases.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toString } from 'mdast-util-to-string';
import type { Nodes } from 'mdast';
import { readHtml } from '../../../pipeline/ingest/html/read-html.ts';
import { findMetaCharset } from '../../../pipeline/ingest/html/decode-html.ts';
import { processDocument } from '../../../pipeline/process-document.ts';
import { sniffFormat } from '../../../pipeline/ingest/sniff.ts';
import { compareItems, modelOf } from '../same-model.ts';

const root = new URL('../../../', import.meta.url).pathname;
const PAGES = readdirSync(`${root}corpus/html`).sort();
const planOf = (page: string) => page.slice(0, page.lastIndexOf('.'));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** A page of a county site around an article. */
function page(article: string, { head = '<meta charset="utf-8">', around = true } = {}): string {
  const furniture = around
    ? {
        top: `<div class="header"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div><div class="position">当前位置：<a href="/">首页</a> &gt; 正文</div>`,
        bottom: `<div class="related"><ul><li><a href="/1.html">我县召开教育工作会议</a></li><li><a href="/2.html">关于公布学区划分的通告</a></li></ul></div><div class="footer"><p>网站标识码：1234567890　<a href="#">京ICP备00000000号</a></p></div>`,
      }
    : { top: '', bottom: '' };
  return `<!DOCTYPE html>\n<html><head>${head}<title>示例县人民政府</title></head>\n<body>\n${furniture.top}\n<div class="article">\n${article}\n</div>\n${furniture.bottom}\n</body></html>\n`;
}

const PLAN_TEXT = `<p>示例县推进义务教育优质均衡发展实施方案</p>
<p>一、工作目标</p>
<p>到2025年，全县九年义务教育巩固率达到96%以上，适龄残疾儿童少年入学率达到95%以上。</p>
<p>到2027年，小学、初中每百名学生拥有县级以上骨干教师数均达到1人以上。</p>`;

/** The plain text a node of a tree holds, for looking for furniture. */
const treeText = (nodes: Nodes[]) => nodes.map((node) => toString(node)).join('\n');

/** The text of a page's source from a line on, tags dropped, entities and quoted-printable undone. */
function sourceTextFrom(path: string, line: number): string {
  const bytes = readFileSync(path);
  let text: string;
  if (path.endsWith('.mhtml')) {
    const lines = bytes.toString('latin1').split('\r\n').slice(line - 1, line + 40).join('\r\n').replace(/=\r\n/g, '');
    const raw = Buffer.from(lines.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1');
    text = raw.toString('utf8');
  } else {
    const decoded = new TextDecoder(/jiaoling|haicheng/.test(path) ? 'gb18030' : 'utf-8').decode(bytes);
    text = decoded.split('\n').slice(line - 1, line + 4).join('\n');
  }
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, '');
}

describe('the corpus pages', () => {
  it('should find a page of each of the five plans', () => {
    expect(PAGES.map(planOf)).toEqual(['haicheng', 'jiaoling-2022', 'nanan-2022', 'nanchuan-2021', 'qinxian-2021']);
  });

  it.each(PAGES)('should sniff %s as a web page by its bytes, whatever its name', (name) => {
    const bytes = new Uint8Array(readFileSync(`${root}corpus/html/${name}`));
    expect(sniffFormat(bytes, '.txt')).toBe('html');
    expect(sniffFormat(bytes, '')).toBe('html');
  });

  it.each(PAGES)('should give %s the targets, deadlines and responsibilities of its txt, quotes included', async (name) => {
    const [html, txt] = await Promise.all([modelOf(`corpus/html/${name}`), modelOf(`corpus/${planOf(name)}.txt`)]);
    expect(html.format).toBe('html');
    expect(compareItems(html, txt)).toEqual([]);
    expect(html.coverage).toEqual(expect.objectContaining(Object.fromEntries(Object.entries(txt.coverage).map(([id, entry]) => [id, expect.objectContaining({ covered: entry.covered })]))));
  }, 60_000);

  it.each(PAGES)('should read the title, 文号 and date of %s as the txt states them, and the page\'s where the txt has none', async (name) => {
    const [html, txt] = await Promise.all([modelOf(`corpus/html/${name}`), modelOf(`corpus/${planOf(name)}.txt`)]);
    expect(html.metadata.title).toBe(txt.metadata.title);
    expect(html.metadata.docNumber).toBe(txt.metadata.docNumber);
    if (txt.metadata.date !== null) expect(html.metadata.date).toBe(txt.metadata.date);
    else expect(html.metadata.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }, 60_000);

  it.each([
    ['nanan-2022.html', /^UTF-8 \(declared utf-8\)$/],
    ['jiaoling-2022.htm', /^GB18030 \(declared gb2312\)$/],
    ['haicheng.htm', /^GB18030$/],
    ['nanchuan-2021.shtml', /^UTF-8 \(declared utf-8\)$/],
    ['qinxian-2021.mhtml', /^UTF-8 \(declared utf-8\), MHTML$/],
  ])('should decode %s as %s', (name, encoding) => {
    expect(readHtml(new Uint8Array(readFileSync(`${root}corpus/html/${name}`))).encoding).toMatch(encoding);
  });

  it.each(PAGES)('should keep no site furniture, script or style of %s in the text', (name) => {
    const { tree } = readHtml(new Uint8Array(readFileSync(`${root}corpus/html/${name}`)));
    const text = treeText(tree.children);
    for (const furniture of ['当前位置', '发布时间', '浏览次数', '网站标识码', 'ICP备', '公网安备', '相关新闻', '分享到', '打印本页', '首页', '政务公开', '政策解读.doc']) {
      expect(text, furniture).not.toContain(furniture);
    }
    for (const code of ['var tip', 'doZoom', '_hmt', 'TRS_Editor', 'line-height', 'document.write']) expect(text, code).not.toContain(code);
  });

  it.each(PAGES)('should locate every block of %s by line and column in the file, where its text stands', (name) => {
    const path = `${root}corpus/html/${name}`;
    const { tree } = readHtml(new Uint8Array(readFileSync(path)));
    for (const node of tree.children) {
      const location = node.data?.location;
      expect(location?.line, toString(node).slice(0, 20)).toBeGreaterThan(0);
      expect(location?.column).toBeGreaterThan(0);
      const start = (node.type === 'table' ? toString(node.children[0]!.children[0]!) : toString(node)).replace(/\s+/g, '').slice(0, 8);
      expect(sourceTextFrom(path, location!.line!), `${name}:${location!.line}`).toContain(start);
    }
  });

  it('should keep the tables of the pages as tables, merged cells repeated into the rows they span', () => {
    const { tree } = readHtml(new Uint8Array(readFileSync(`${root}corpus/html/haicheng.htm`)));
    const tables = tree.children.filter((node) => node.type === 'table');
    expect(tables).toHaveLength(2);
    const rows = tables[0]!.children;
    expect(rows[0]!.children.map((cell) => toString(cell))).toEqual(['一级指标', '二级指标', '责任部门', '备注']);
    expect(toString(rows[2]!.children[0]!)).toBe('资源配置');
    expect(rows[2]!.children[0]!.data?.spanned).toBe(true);
    expect(toString(rows[8]!.children[0]!)).toBe('政府保障\n程度评估');
  });

  it('should give every extracted item of a page a line and column', async () => {
    const model = await modelOf('corpus/html/nanchuan-2021.shtml');
    for (const item of [...model.targets, ...model.deadlines, ...model.responsibilities]) {
      expect(item.location.line).toBeGreaterThan(0);
      expect(item.location.column).toBeGreaterThan(0);
    }
  });
});

/** A sidebar of news summaries in running text, without links (as scripts/measure-html-extraction.mts adds it). */
const SIDEBAR = `<div class="hot"><div class="hot-title">热点关注</div>
<p>热点关注：全市春季学期开学工作平稳有序，各中小学校严格落实校园安全管理制度，开学第一课主题鲜明。</p>
<p>热点关注：市教育局组织开展中小学教师信息技术应用能力提升培训，参训教师两千余人次。</p>
<p>热点关注：我市三所学校入选省级义务教育课程改革实验校，将在课堂教学改革方面先行先试。</p></div>`;

/** Other markups of the same page a site may serve. */
const VARIANTS: Record<string, (html: string) => string> = {
  'on one line': (html) => html.replace(/\r?\n/g, ''),
  'with a sidebar of running text': (html) => html.replace(/(<div class="related">|<table width="100%"><tr><td class="lm">相关新闻)/, `${SIDEBAR}$1`),
  'with the 发布时间 line and share bar inside the article': (html) => {
    const info = /<div class="info">[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
    const share = /<div class="share">[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';
    return html.replace(info, '').replace(share, '').replace(/(<div class="(?:article-content|TRS_Editor)"[^>]*>|<td class="content" id="zoom">)/, `$1\n${info}`).replace(/(<\/div>\s*(?:<\/div>)?\s*<div class="fujian">|<\/td><\/tr>\s*<tr><td><div class="fujian">)/, `${share}$1`);
  },
};

describe('the corpus pages in other markups a site may serve', () => {
  const cases = PAGES.filter((name) => !name.endsWith('.mhtml')).flatMap((name) => Object.keys(VARIANTS).map((variant) => ({ name, variant })));
  it.each(cases)('should give $name $variant the items of its txt', async ({ name, variant }) => {
    const decoded = readHtml(new Uint8Array(readFileSync(`${root}corpus/html/${name}`))).encoding.startsWith('GB') ? new TextDecoder('gb18030') : new TextDecoder('utf-8');
    const html = decoded.decode(readFileSync(`${root}corpus/html/${name}`)).replace(/<meta[^>]*charset[^>]*>/i, '<meta charset="utf-8">');
    const page = VARIANTS[variant]!(html);
    expect(page).not.toBe(html);
    const outcome = await processDocument(utf8(page), name);
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(compareItems(outcome.model, await modelOf(`corpus/${planOf(name)}.txt`))).toEqual([]);
    expect(JSON.stringify(outcome.model.tree)).not.toMatch(/热点关注|发布时间|分享到/);
  }, 60_000);
});

describe('plans saved as HTML by an office suite (scripts/renditions/make-html.mjs --office)', () => {
  it.each(['jiaoling-2022', 'nanchuan-2021'])('should give %s.office.html the items of the txt, without its running header and footer', async (plan) => {
    const [html, txt] = await Promise.all([modelOf(`test/fixtures/html/${plan}.office.html`), modelOf(`corpus/${plan}.txt`)]);
    expect(compareItems(html, txt)).toEqual([]);
    expect(html.metadata).toEqual(txt.metadata);
    const { tree } = readHtml(new Uint8Array(readFileSync(`${root}test/fixtures/html/${plan}.office.html`)));
    expect(toString(tree.children[0]!)).not.toMatch(/^蕉岭县推进义务教育优质均衡发展工作方案$|^南川区创建/);
    expect(tree.children.map((node) => toString(node))).not.toContain('— 1 —');
  }, 60_000);
});

describe('pages made for one case', () => {
  it.each([
    ['<meta charset="gbk">', 'gbk'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=GB2312" />', 'gb2312'],
    ["<meta http-equiv='content-type' content='text/html;charset=utf-8'>", 'utf-8'],
    ['<meta name="keywords" content="charset 说明"><meta charset=utf-8>', 'utf-8'],
    ['<!-- <meta charset="gbk"> --><title>x</title>', undefined],
  ])('should find the charset declared by %s', (head, expected) => {
    expect(findMetaCharset(utf8(`<html><head>${head}</head></html>`))).toBe(expected);
  });

  it('should find the encoding an XHTML page declares in its XML declaration only', () => {
    expect(findMetaCharset(utf8('<?xml version="1.0" encoding="GB2312"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head></html>'))).toBe('gb2312');
  });

  it('should read a page declared gb2312 but written in UTF-8 as UTF-8, and say so', () => {
    const read = readHtml(utf8(page(PLAN_TEXT, { head: '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' })));
    expect(read.encoding).toBe('UTF-8');
    expect(read.warnings).toEqual(['the page declares charset gb2312 but is written in UTF-8; read as UTF-8']);
    expect(treeText(read.tree.children)).toContain('巩固率达到96%以上');
  });

  it('should read a page that declares UTF-16 in itself as UTF-8, as browsers do', () => {
    const read = readHtml(utf8(page(PLAN_TEXT, { head: '<meta charset="utf-16">' })));
    expect(read.encoding).toBe('UTF-8 (declared utf-16)');
    expect(treeText(read.tree.children)).toContain('巩固率达到96%以上');
  });

  it('should read a page whose body is one ASP.NET <form>, with HTML5 <header>, <nav> and <footer>', () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><form id="form1" method="post" action="./show.aspx">
<input type="hidden" name="__VIEWSTATE" value="dDwtMTA4MTc2MDQ2Ozs+">
<header><h1>示例县人民政府</h1><p>政务公开</p></header><nav><a href="/">首页</a></nav>
<article><h2>示例县推进义务教育优质均衡发展实施方案</h2><div class="info">发布时间：2024-03-01</div>
<div class="con">${PLAN_TEXT}</div></article>
<footer><p>示例县人民政府办公室主办</p></footer></form></body></html>`;
    const { tree } = readHtml(utf8(html));
    expect(tree.children.map((node) => toString(node))).toEqual([
      '示例县推进义务教育优质均衡发展实施方案',
      '一、工作目标',
      '到2025年，全县九年义务教育巩固率达到96%以上，适龄残疾儿童少年入学率达到95%以上。',
      '到2027年，小学、初中每百名学生拥有县级以上骨干教师数均达到1人以上。',
    ]);
  });

  it('should refuse a page that is only navigation, links and a footer', async () => {
    const links = Array.from({ length: 40 }, (_, i) => `<li><a href="/n/${i}.html">示例县第${i + 1}期教育工作简报</a></li>`).join('');
    const outcome = await processDocument(utf8(page(`<ul class="list">${links}</ul>`)), 'list.html');
    expect(outcome.ok ? '' : outcome.reason).toBe('no article: the page holds only navigation, links and site furniture');
  });

  it('should refuse a page of 50 MB with a one-line reason, before parsing it', async () => {
    const paragraph = '<p>到2025年，全县九年义务教育巩固率达到96%以上，适龄残疾儿童少年入学率达到95%以上。</p>\n';
    const body = paragraph.repeat(Math.ceil((50 * 1024 * 1024) / utf8(paragraph).length));
    const bytes = utf8(page(body)).subarray(0, 50 * 1024 * 1024);
    expect(bytes.length).toBe(50 * 1024 * 1024);
    const outcome = await processDocument(bytes, 'huge.html');
    expect(outcome.ok ? '' : outcome.reason).toBe('web page too large: 50 MB of HTML (limit 16 MB)');
  }, 60_000);

  it('should refuse a page nested deeper than 512 elements', async () => {
    const outcome = await processDocument(utf8(page(`${'<div>'.repeat(2000)}<p>到2025年，巩固率达到96%以上。</p>${'</div>'.repeat(2000)}`)), 'deep.html');
    expect(outcome.ok ? '' : outcome.reason).toBe('nesting too deep: over 512 levels (limit 512)');
  });

  it('should read a GBK page that declares no charset', async () => {
    const gbk = new Uint8Array(readFileSync(`${root}corpus/html/haicheng.htm`));
    expect(findMetaCharset(gbk)).toBeUndefined();
    const model = await modelOf('corpus/html/haicheng.htm');
    expect(model.encoding).toBe('GB18030');
    expect(model.metadata.title).toBe('海城市推进义务教育优质均衡发展实施方案');
  });

  it('should never read a script, a style, a template or a hidden element as text, and say what was hidden', async () => {
    const article = `${PLAN_TEXT}
<script>document.write("<p>到2025年，巩固率达到50%以上</p>");</script>
<style>p:after { content: "每百名学生拥有骨干教师数达到0.1人以上"; }</style>
<noscript>请启用脚本</noscript><template><p>模板文字</p></template>
<p style="display: none">到2027年，班额不超过70人。</p>`;
    const outcome = await processDocument(utf8(page(article)), 'scripts.html');
    if (!outcome.ok) throw new Error(outcome.reason);
    const text = JSON.stringify(outcome.model.tree);
    for (const hidden of ['50%', '0.1人', '请启用脚本', '模板文字', '70人']) expect(text).not.toContain(hidden);
    expect(outcome.model.targets.map((t) => t.value).sort()).toEqual([1, 1, 95, 96]);
    expect(outcome.model.messages.map((m) => m.reason)).toContain('hidden text (display:none) not read: 1 element');
  });

  it('should decode entities into the text, and the reports escape the text again', async () => {
    const article = `${PLAN_TEXT}<p>到2026年，按&lt;script&gt;alert(1)&lt;/script&gt;要求，教师培训完成率达到100%&amp;以上。</p>`;
    const outcome = await processDocument(utf8(page(article)), 'entities.html');
    if (!outcome.ok) throw new Error(outcome.reason);
    const quote = outcome.model.targets.find((t) => t.value === 100)?.quote ?? '';
    expect(quote).toContain('<script>alert(1)</script>');
    expect(quote).toContain('100%&以上');
    const { renderPlanReports } = await import('../../../reports/index.ts');
    const { diffPlan } = await import('../../../pipeline/diff/diff.ts');
    const { loadNational } = await import('../../diff/load-gold.ts');
    const files = await renderPlanReports(outcome.model, diffPlan(outcome.model, loadNational()));
    const report = String(files['report.html']);
    expect(report).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(report).not.toContain('<script>alert(1)');
  });

  it('should split a paragraph at its line breaks, each line located where it starts', () => {
    const { tree } = readHtml(utf8(page('<div class="zw">示例县义务教育优质均衡发展方案<br>\n一、工作目标<br/>\n到2025年，巩固率达到96%以上。</div>')));
    expect(tree.children.map((node) => [toString(node), node.data?.location?.line])).toEqual([
      ['示例县义务教育优质均衡发展方案', 6],
      ['一、工作目标', 7],
      ['到2025年，巩固率达到96%以上。', 8],
    ]);
  });

  it('should split a paragraph at a line break inside its bold lead', () => {
    const { tree } = readHtml(utf8(page('<p>　　<strong>一、工作目标<br></strong>到2025年，全县九年义务教育巩固率达到96%以上，适龄残疾儿童少年入学率达到95%以上。</p>')));
    expect(tree.children.map((node) => toString(node))).toEqual(['一、工作目标', '到2025年，全县九年义务教育巩固率达到96%以上，适龄残疾儿童少年入学率达到95%以上。']);
  });

  it('should read a layout table of one column as the text it holds, not as a table', () => {
    const { tree } = readHtml(utf8(page(`<table><tr><td>${PLAN_TEXT}</td></tr><tr><td><p>附件：示例县义务教育优质均衡发展责任分工表（共三项任务，由县教育局牵头）</p></td></tr></table>`)));
    expect(tree.children.every((node) => node.type === 'paragraph')).toBe(true);
    expect(tree.children).toHaveLength(5);
  });

  it('should read a layout table of two columns, the article in one cell, as the text it holds', () => {
    const side = '<ul><li><a href="/1">通知公告</a></li><li><a href="/2">政策文件</a></li></ul><p>热点关注：我县召开教育工作会议，部署本年度重点工作，要求各校抓好落实。</p>';
    const { tree } = readHtml(utf8(page(`<table width="1000"><tr><td width="240">${side}</td><td>${PLAN_TEXT.repeat(3)}</td></tr></table>`)));
    expect(tree.children.some((node) => node.type === 'table')).toBe(false);
    expect(tree.children.map((node) => toString(node))).toContain('到2025年，全县九年义务教育巩固率达到96%以上，适龄残疾儿童少年入学率达到95%以上。');
  });

  it('should refuse an MHTML file without an HTML part', () => {
    const mhtml = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: text/css\r\n\r\np{}\r\n--b--\r\n';
    expect(() => readHtml(utf8(mhtml))).toThrow('unreadable MHTML: no text/html part');
  });

  it('should read an MHTML page saved in GB2312 quoted-printable, its charset on the part, located in the file', () => {
    // Bytes of GBK text from the platform's decoder: every double-byte code decoded once.
    const gbk = new Map<string, number[]>();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && !gbk.has(char)) gbk.set(char, [lead, trail]);
      }
    }
    const html = page(PLAN_TEXT, { head: '' });
    const bytes = [...html].flatMap((char) => (char.charCodeAt(0) < 0x80 ? [char.charCodeAt(0)] : gbk.get(char)!));
    let qp = '';
    let line = '';
    for (const byte of bytes) {
      const token = byte === 0x0a ? '\n' : byte === 0x3d || byte > 0x7e ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(byte);
      if (token === '\n') {
        qp += `${line}\r\n`;
        line = '';
        continue;
      }
      if (line.length + token.length > 75) {
        qp += `${line}=\r\n`;
        line = '';
      }
      line += token;
    }
    qp += line;
    const mht = `MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; boundary="----=_NextPart_000"\r\n\r\n------=_NextPart_000\r\nContent-Type: text/html; charset="gb2312"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${qp}\r\n------=_NextPart_000--\r\n`;
    const read = readHtml(utf8(mht));
    expect(read.encoding).toBe('GB18030 (declared gb2312), MHTML');
    const paragraph = read.tree.children.find((node) => toString(node).startsWith('到2025年'))!;
    expect(toString(paragraph)).toBe('到2025年，全县九年义务教育巩固率达到96%以上，适龄残疾儿童少年入学率达到95%以上。');
    // The location is in the .mht: the line and column where the paragraph's <p> is written, quoted-printable.
    const { line: at, column } = paragraph.data!.location!;
    expect(mht.split('\r\n')[at! - 1]!.slice(column! - 1)).toMatch(/^<p>/);
  });

  it('should read an MHTML page in base64, every node placed at its part', () => {
    const html = page(PLAN_TEXT);
    const base64 = Buffer.from(html, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
    const mhtml = `MIME-Version: 1.0\r\nContent-Type: multipart/related; type="text/html"; boundary="b"\r\n\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64}\r\n--b--\r\n`;
    const read = readHtml(utf8(mhtml));
    expect(read.encoding).toBe('UTF-8 (declared utf-8), MHTML');
    expect(treeText(read.tree.children)).toContain('巩固率达到96%以上');
    expect(new Set(read.tree.children.map((node) => node.data?.location?.line))).toEqual(new Set([8]));
  });
});
