#!/usr/bin/env node
/**
 * Builds the web-page renditions of the corpus plans in corpus/html/: each plan as the article page
 * of a county government site, the way plans are collected in bulk. Around the plan's text (one
 * paragraph per non-empty txt line, tables from tables/<name>.json as real <table>s with rowspan)
 * each page has what such sites put there: a site header with search, a navigation menu, a
 * 当前位置 breadcrumb, the article's title and a 发布时间/来源/字号/浏览次数 line (or a 信息公开 box
 * with 索引号, 发文字号, 成文日期), 附件 links, a share bar, a related-news list, and a footer with
 * 网站标识码, ICP备案号 and 公网安备; scripts and styles in the head and the body.
 *
 * Five sites, five markups (the CMSs differ):
 *   nanan-2022.html      UTF-8, <meta charset>, HTML5, headings as <p><strong>, a 信息公开 box
 *   jiaoling-2022.htm    GBK declared by <meta http-equiv content="text/html; charset=gb2312">, TRS-style
 *                        <div class="TRS_Editor">, paragraphs indented with &nbsp;
 *   nanchuan-2021.shtml  UTF-8, headings as <h3>, lines of the body as <br>-separated runs in <div>s
 *   haicheng.htm         GBK without any charset declaration, an old layout of nested tables
 *   qinxian-2021.mhtml   the page saved by a browser as MHTML: UTF-8 HTML, quoted-printable, with a
 *                        stylesheet part
 *
 * Usage: node scripts/renditions/make-html.mjs [--office] [--extra]
 * Deterministic: the same txt gives the same bytes.
 *
 *   --office  also write test/fixtures/html/<name>.office.html for jiaoling-2022 and nanchuan-2021: the
 *             .docx renditions saved as HTML by LibreOffice (`soffice --convert-to html`), as a plan is
 *             published when an office exports it for the web: no site around it, the running header and
 *             footer as <div title="header"> and <div title="footer">, <font> runs, real tables
 *   --extra   also write test/extra/corpus/html/<plan>.html for the nine extra plans: their .docx
 *             renditions saved as HTML by LibreOffice and pasted into a county site's page
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLANS, readBlocks, splitLead } from './plan-blocks.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = join(ROOT, 'corpus');
const OUT = join(CORPUS, 'html');

/** The site around each plan: names, dates and the markup style. */
const SITES = {
  'nanan-2022': {
    file: 'nanan-2022.html', style: 'modern', encoding: 'utf-8', declare: 'meta-charset',
    site: '南安市人民政府', column: '政策文件', published: '2022-08-25 16:32', source: '南安市人民政府办公室',
    box: { index: '003540105/2022-00145', number: '南政办〔2022〕45号', written: '2022-08-23' },
    code: '3505830001', icp: '闽ICP备05004873号-1', police: '闽公网安备 35058302000114号',
  },
  'jiaoling-2022': {
    file: 'jiaoling-2022.htm', style: 'trs', encoding: 'gbk', declare: 'http-equiv',
    site: '蕉岭县人民政府', column: '县府办文件', published: '2022-02-21 09:15', source: '蕉岭县人民政府办公室',
    code: '4414270001', icp: '粤ICP备11035713号', police: '粤公网安备 44142702000021号',
  },
  'nanchuan-2021': {
    file: 'nanchuan-2021.shtml', style: 'br', encoding: 'utf-8', declare: 'http-equiv',
    site: '重庆市南川区人民政府', column: '区府办文件', published: '2021-11-08 17:40', source: '南川区政府办公室',
    code: '5001190005', icp: '渝ICP备05003300号-2', police: '渝公网安备 50011902000201号',
  },
  haicheng: {
    file: 'haicheng.htm', style: 'tables', encoding: 'gbk', declare: 'none',
    site: '海城市人民政府', column: '通知公告', published: '2023-03-02', source: '海城市教育局',
    code: '2103810003', icp: '辽ICP备05018931号', police: '辽公网安备 21038102000088号',
  },
  'qinxian-2021': {
    file: 'qinxian-2021.mhtml', style: 'modern', encoding: 'utf-8', declare: 'meta-charset', mhtml: true,
    site: '沁县人民政府', column: '政府文件', published: '2021-11-30 10:02', source: '沁县人民政府办公室',
    code: '1404300002', icp: '晋ICP备06001587号', police: '晋公网安备 14043002000013号',
  },
};

/** The news every page lists beside or under the article. */
const RELATED = [
  ['{place}召开2023年教育工作会议', '2023-02-15'],
  ['{place}义务教育优质均衡发展督导评估迎检工作推进会召开', '2022-11-03'],
  ['关于公布{place}2022年秋季学期中小学学区划分的通告', '2022-08-10'],
  ['{place}教育局开展“双减”工作专项督查', '2022-05-19'],
  ['{place}2022年中考招生工作实施方案', '2022-04-28'],
];

const NAV = ['首页', '政务公开', '政务服务', '互动交流', '走进{place}', '专题专栏'];

/** Escapes text for HTML content and attributes. */
function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A line's text as HTML: `**bold**` as <strong>, tabs as spaces (a page has no tab stops). */
function inline(text) {
  return text
    .split(/(\*\*[^*]+\*\*)/)
    .map((part) => (/^\*\*[^*]+\*\*$/.test(part) ? `<strong>${escapeHtml(part.slice(2, -2))}</strong>` : escapeHtml(part)))
    .join('')
    .replace(/\t/g, ' ');
}

/** A table with vertically merged cells (null in the json) as rowspan. */
function tableHtml(table) {
  const { rows, headerRows } = table;
  const out = ['<table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse">', '<tbody>'];
  rows.forEach((row, r) => {
    const cells = [];
    row.forEach((cell, c) => {
      if (cell === null) return;
      let span = 1;
      while (rows[r + span]?.[c] === null) span++;
      const attrs = span > 1 ? ` rowspan="${span}"` : '';
      const paras = cell.split('\n').map((t) => `<p style="text-align:${r < headerRows || c === 0 ? 'center' : 'left'}">${r < headerRows ? `<strong>${inline(t)}</strong>` : inline(t)}</p>`).join('');
      cells.push(`<td${attrs} valign="center">${paras}</td>`);
    });
    out.push(`<tr>${cells.join('')}</tr>`);
  });
  out.push('</tbody>', '</table>');
  return out.join('\n');
}

/** The article body in the markup of the site's CMS. */
function articleHtml(blocks, style) {
  const out = [];
  if (style === 'br') {
    // One <div> per run of lines between tables, lines separated by <br>, headings as <h3>.
    let run = [];
    const flush = () => {
      if (run.length) out.push(`<div class="zw">${run.join('<br>\n')}</div>`);
      run = [];
    };
    for (const block of blocks) {
      if (block.type === 'table') {
        flush();
        out.push(tableHtml(block.table));
      } else if (block.kind === 'h1' || block.kind === 'title') {
        flush();
        out.push(`<h3 style="text-align:${block.kind === 'title' ? 'center' : 'left'}">${inline(block.text)}</h3>`);
      } else {
        run.push(`&nbsp;&nbsp;&nbsp;&nbsp;${inline(block.text)}`);
      }
    }
    flush();
    return out.join('\n');
  }
  for (const block of blocks) {
    if (block.type === 'table') {
      out.push(tableHtml(block.table));
      continue;
    }
    const { kind, text } = block;
    const indent = style === 'trs' ? '&nbsp;&nbsp;&nbsp;&nbsp;' : '';
    const pStyle = style === 'trs' ? '' : ' style="text-indent:2em"';
    if (kind === 'title') out.push(`<p style="text-align:center"><strong><span style="font-size:22px">${inline(text)}</span></strong></p>`);
    else if (kind === 'issuer' || kind === 'center') out.push(`<p style="text-align:center">${inline(text)}</p>`);
    else if (kind === 'h1') out.push(`<p${pStyle}>${indent}<strong>${inline(text)}</strong></p>`);
    else if (kind === 'h2') {
      const [lead, rest] = splitLead(text);
      out.push(`<p${pStyle}>${indent}${lead ? `<strong>${inline(lead)}</strong>` : ''}${inline(rest)}</p>`);
    } else out.push(`<p${pStyle}>${indent}${inline(text)}</p>`);
  }
  return out.join('\n');
}

/** The page title as sites show it: the notice's title when the plan came with one. */
function pageTitle(blocks, plan) {
  const titles = [];
  for (const block of blocks) {
    if (block.type !== 'p' || block.kind === 'body' || block.kind === 'h1') break;
    if (block.kind === 'title') titles.push(block.text.replace(/\s+/g, ''));
  }
  const joined = titles.join('');
  return joined && joined.length < 80 ? joined : plan.shortTitle;
}

const HEAD_SCRIPT = `<script type="text/javascript">
var _hmt = _hmt || [];
(function() { var hm = document.createElement("script"); hm.src = "/js/tj.js?v=1"; var s = document.getElementsByTagName("script")[0]; s.parentNode.insertBefore(hm, s); })();
function doZoom(size) { document.getElementById("zoom").style.fontSize = size + "px"; }
var notice = "<p>到2025年，全县义务教育巩固率达到99%以上</p>";
</script>`;

const STYLE = `<style type="text/css">
body { margin: 0; font-family: "Microsoft YaHei", SimSun; }
.nav li { float: left; width: 120px; } .footer { background: #f0f0f0; }
.hidden-tip:before { content: "每百名学生拥有骨干教师数达到1人以上"; }
</style>`;

/** The whole page of one plan. */
function pageHtml(name, blocks) {
  const site = SITES[name];
  return sitePage(site, pageTitle(blocks, PLANS[name]), PLANS[name].shortTitle, articleHtml(blocks, site.style));
}

/**
 * A site's page around an article.
 *
 * @param site  the site (SITES), its markup style and names
 * @param title  the article's title as the page heads it
 * @param shortTitle  the plan's short title, for the 附件 links
 * @param article  the article's HTML
 */
function sitePage(site, title, shortTitle, article) {
  const plan = { shortTitle };
  const place = site.site.replace(/^重庆市/, '').replace(/人民政府$/, '');
  const charset =
    site.declare === 'meta-charset' ? `<meta charset="${site.encoding === 'gbk' ? 'gbk' : 'utf-8'}">`
      : site.declare === 'http-equiv' ? `<meta http-equiv="Content-Type" content="text/html; charset=${site.encoding === 'gbk' ? 'gb2312' : 'utf-8'}" />`
        : '';
  const nav = NAV.map((item, i) => `<li${i === 0 ? ' class="on"' : ''}><a href="${i === 0 ? '/' : `/col${i}/`}">${item.replace('{place}', place)}</a></li>`).join('');
  const related = RELATED.map(([text, date], i) => `<li><a href="/xwzx/t${date.replace(/-/g, '')}_${1000 + i}.html" target="_blank">${escapeHtml(text.replace('{place}', place))}</a><span>${date}</span></li>`).join('\n');
  const box = site.box
    ? `<table class="xxgk-box" width="100%">
<tr><td>索 引 号：</td><td>${site.box.index}</td><td>发布机构：</td><td>${site.source}</td></tr>
<tr><td>发文字号：</td><td>${site.box.number}</td><td>成文日期：</td><td>${site.box.written}</td></tr>
<tr><td>标　　题：</td><td colspan="3">${escapeHtml(title)}</td></tr>
</table>`
    : '';
  const info = `<div class="info"><span>发布时间：${site.published}</span>　<span>来源：${site.source}</span>　<span>字号：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a></span>　<span>浏览次数：<script>document.write(Math.floor(1234));</script></span></div>`;
  const attachments = `<div class="fujian">附件：<ul>
<li><a href="/uploadfiles/${site.published.slice(0, 7).replace('-', '')}/P020220825.pdf">1.${escapeHtml(plan.shortTitle)}（PDF版）.pdf</a></li>
<li><a href="/uploadfiles/${site.published.slice(0, 7).replace('-', '')}/P020220826.doc">2.${escapeHtml(plan.shortTitle)}政策解读.doc</a></li>
</ul></div>`;
  const share = `<div class="share">分享到：<a href="#" class="wx">微信</a><a href="#" class="wb">微博</a><a href="#" class="qq">QQ空间</a>　<a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>`;
  const footer = `<div class="footer">
<p><a href="/about/">关于本站</a> | <a href="/sitemap/">网站地图</a> | <a href="/contact/">联系我们</a></p>
<p>主办单位：${escapeHtml(site.site)}办公室　承办单位：${escapeHtml(place)}大数据服务中心</p>
<p>网站标识码：${site.code}　<a href="https://beian.miit.gov.cn" target="_blank">${site.icp}</a>　<a href="#" target="_blank"><img src="/images/ga.png" alt="">${site.police}</a></p>
<p>地址：${escapeHtml(place)}行政服务中心　联系电话：0000-12345678　建议使用1366×768分辨率浏览</p>
</div>`;
  const breadcrumb = `<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zcwj/">${site.column}</a> &gt; 正文</div>`;
  const header = `<div class="top"><div class="logo"><a href="/"><img src="/images/logo.png" alt="${escapeHtml(site.site)}"></a></div>
<div class="search"><form action="/search/"><input type="text" name="q" value="请输入关键字"><input type="submit" value="搜索"></form></div>
<div class="tools"><a href="#">无障碍</a> | <a href="#">长者模式</a> | <a href="#">繁體</a></div></div>`;

  if (site.style === 'tables') {
    // An older site: layout tables all the way down, the article in a cell.
    return `<html>
<head>
<title>${escapeHtml(title)}</title>
${STYLE}
${HEAD_SCRIPT}
</head>
<body>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td>${header}</td></tr></table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="nav"><tr>${NAV.map((item, i) => `<td><a href="/col${i}/">${item.replace('{place}', place)}</a></td>`).join('')}</tr></table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td width="240" valign="top" class="left">
<table width="100%"><tr><td class="lm">栏目导航</td></tr>${['通知公告', '政策文件', '人事任免', '规划计划'].map((c) => `<tr><td><a href="#">${c}</a></td></tr>`).join('')}</table>
</td>
<td width="760" valign="top">
<table width="100%"><tr><td>${breadcrumb}</td></tr></table>
<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td align="center" class="bt"><strong>${escapeHtml(title)}</strong></td></tr>
<tr><td align="center">${info}</td></tr>
<tr><td class="content" id="zoom">
${article}
</td></tr>
<tr><td>${attachments}</td></tr>
<tr><td>${share}</td></tr>
</table>
<table width="100%"><tr><td class="lm">相关新闻</td></tr><tr><td><ul>${related}</ul></td></tr></table>
</td></tr></table>
<table width="1000" border="0" align="center"><tr><td>${footer}</td></tr></table>
<script type="text/javascript">var pageId = 1234; document.write("<div style='display:none'>统计</div>");</script>
</body>
</html>
`;
  }
  // CMSs leave scripts and styles inside the article too; their text is never the plan's.
  const inner = `<style>.TRS_Editor p { line-height: 2; } .TRS_Editor:after { content: "校际差异系数小学不大于0.50"; }</style>
<script type="text/javascript">var tip = "到2027年，小学、初中所有班级学生数分别不超过45人、50人";</script>
${article}`;
  const content = site.style === 'trs'
    ? `<div class="article-con" id="zoom"><div class="TRS_Editor">\n${inner}\n</div></div>`
    : `<div class="article-content" id="zoom">\n${inner}\n</div>`;
  return `<!DOCTYPE html${site.declare === 'http-equiv' ? ' PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"' : ''}>
<html${site.declare === 'http-equiv' ? ' xmlns="http://www.w3.org/1999/xhtml"' : ' lang="zh-CN"'}>
<head>
${charset}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="${escapeHtml(site.site)}">
<meta name="ArticleTitle" content="${escapeHtml(title)}">
<meta name="PubDate" content="${site.published}">
<title>${escapeHtml(title)}_${site.column}_${escapeHtml(site.site)}</title>
<link rel="stylesheet" href="/css/style.css">
${STYLE}
${HEAD_SCRIPT}
</head>
<body>
<div class="header">${header}
<div class="nav"><ul>${nav}</ul></div></div>
${breadcrumb}
<div class="main">
<div class="article">
<h1 class="article-title">${escapeHtml(title)}</h1>
${info}
${box}
${content}
${attachments}
${share}
</div>
<div class="related"><div class="related-title">相关新闻</div><ul>
${related}
</ul></div>
</div>
${footer}
<script src="/js/jquery.min.js"></script>
<script>$(function(){ $(".nav li").hover(function(){ $(this).addClass("on"); }); });</script>
</body>
</html>
`;
}

/** The site around the extra plans' pages: a modern county site, UTF-8. */
const EXTRA_SITE = {
  style: 'modern', encoding: 'utf-8', declare: 'meta-charset',
  site: '示例县人民政府', column: '县政府办文件', published: '2024-05-20 09:30', source: '示例县人民政府办公室',
  code: '9999990001', icp: '京ICP备00000000号-1', police: '京公网安备 11000002000001号',
};

/**
 * The extra plans (test/extra/) as pages of a county site: each .docx rendition saved as HTML by
 * LibreOffice, its body pasted into the site's article container as a CMS editor pastes a Word
 * document, written to test/extra/corpus/html/<plan>.html.
 */
function makeExtraPages() {
  const docx = join(ROOT, 'test/extra/corpus/docx');
  const out = join(ROOT, 'test/extra/corpus/html');
  mkdirSync(out, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'renditions-lo-'));
  try {
    const names = readdirSync(docx).filter((f) => f.endsWith('.docx')).map((f) => f.slice(0, -5)).sort();
    execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', 'html:HTML (StarWriter)', '--outdir', work, ...names.map((name) => join(docx, `${name}.docx`))], { stdio: ['ignore', 'ignore', 'inherit'] });
    for (const name of names) {
      const office = readFileSync(join(work, `${name}.html`), 'utf8');
      const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(office)?.[1] ?? '';
      // The running header and footer of the Word page are not part of a pasted article.
      const article = body.replace(/<div title="(?:header|footer)">[\s\S]*?<\/div>/g, '');
      const md = readFileSync(join(ROOT, 'test/extra/corpus', `${name}.md`), 'utf8');
      const title = /^#\s+(.+)$/m.exec(md)?.[1]?.trim() ?? name;
      writeFileSync(join(out, `${name}.html`), sitePage(EXTRA_SITE, title.replace(/\\/g, ''), title, article));
      console.log(`test/extra/corpus/html/${name}.html`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A GBK encoder built from the platform's decoder (every double-byte code decoded once). */
function makeGbkEncoder() {
  const table = new Map();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return (text) => {
    const bytes = [];
    for (const char of text) {
      const code = char.codePointAt(0);
      if (code < 0x80) bytes.push(code);
      else {
        const pair = table.get(char);
        if (!pair) throw new Error(`no GBK code for ${char} (U+${code.toString(16)})`);
        bytes.push(...pair);
      }
    }
    return Buffer.from(bytes);
  };
}

/** Quoted-printable as browsers write MHTML: lines of at most 76 characters, CRLF, soft breaks `=`. */
function quotedPrintable(bytes) {
  const lines = [];
  let line = '';
  const push = (token) => {
    if (line.length + token.length > 75) {
      lines.push(`${line}=`);
      line = '';
    }
    line += token;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a) {
      lines.push(line);
      line = '';
    } else if (b === 0x0d) continue;
    else if (b === 0x3d || b < 0x20 || b > 0x7e) push(`=${b.toString(16).toUpperCase().padStart(2, '0')}`);
    else push(String.fromCharCode(b));
  }
  lines.push(line);
  return lines.join('\r\n');
}

/** The page wrapped as a browser's "save as single file" MHTML. */
function mhtml(name, html) {
  const site = SITES[name];
  const boundary = '----MultipartBoundary--Qe8cXyPlancheck7rT2wBm----';
  const url = `http://www.${name.replace(/-\d+$/, '')}.gov.cn/zwgk/zfwj/202111/t20211130_4521.shtml`;
  const css = '.nav li { float: left; }\r\n.footer { background: #f0f0f0; }\r\n';
  return [
    'From: <Saved by Blink>',
    `Snapshot-Content-Location: ${url}`,
    `Subject: =?utf-8?Q?${[...Buffer.from(PLANS[name].shortTitle, 'utf8')].map((b) => `=${b.toString(16).toUpperCase()}`).join('')}?=`,
    `Date: Tue, 30 Nov 2021 10:05:00 +0800`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${boundary}"`,
    '',
    '',
    `--${boundary}`,
    'Content-Type: text/html',
    'Content-ID: <frame-4F1A2B3C4D5E6F708192A3B4C5D6E7F8@mhtml.blink>',
    'Content-Transfer-Encoding: quoted-printable',
    `Content-Location: ${url}`,
    '',
    quotedPrintable(Buffer.from(html.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'), 'utf8')),
    `--${boundary}`,
    'Content-Type: text/css',
    'Content-Transfer-Encoding: quoted-printable',
    `Content-Location: http://www.${site.code}.gov.cn/css/style.css`,
    '',
    quotedPrintable(Buffer.from(css, 'utf8')),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** The .docx renditions as LibreOffice saves them for the web. */
function exportWithOffice() {
  const out = join(ROOT, 'test/fixtures/html');
  mkdirSync(out, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'renditions-lo-'));
  try {
    for (const name of ['jiaoling-2022', 'nanchuan-2021']) {
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'html:HTML (StarWriter)', '--outdir', out, join(CORPUS, 'docx', `${name}.docx`)], { stdio: ['ignore', 'ignore', 'inherit'] });
      renameSync(join(out, `${name}.html`), join(out, `${name}.office.html`));
      console.log(`test/fixtures/html/${name}.office.html`);
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

function main() {
  mkdirSync(OUT, { recursive: true });
  const gbk = makeGbkEncoder();
  for (const name of Object.keys(SITES)) {
    const txt = readFileSync(join(CORPUS, `${name}.txt`), 'utf8');
    const html = pageHtml(name, readBlocks(name, txt));
    const site = SITES[name];
    const bytes = site.mhtml ? Buffer.from(mhtml(name, html), 'latin1') : site.encoding === 'gbk' ? gbk(html) : Buffer.from(html, 'utf8');
    writeFileSync(join(OUT, site.file), bytes);
    console.log(`${site.file}: ${bytes.length} bytes (${site.mhtml ? 'mhtml' : site.encoding}${site.declare === 'none' ? ', no charset declared' : ''})`);
  }
}

main();
if (process.argv.includes('--office')) exportWithOffice();
if (process.argv.includes('--extra')) makeExtraPages();
