/**
 * The corpus plans read into blocks, shared by the rendition scripts (make.mjs for docx/pdf/md,
 * make-html.mjs for web pages): per-plan roles of lines, and tables from tables/<name>.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TABLES = join(ROOT, 'scripts/renditions/tables');

/**
 * Per-plan settings. Line numbers are 1-based txt lines.
 * roles: title = centered bold title line (Markdown `#`, consecutive title lines joined),
 *        issuer = centered bold issuing office, center = centered plain (document number).
 * breakBefore: lines that start a new page (besides lone 附件/附件N lines, which always do).
 */
export const PLANS = {
  'nanan-2022': {
    shortTitle: '南安市统筹推进义务教育优质均衡发展实施方案',
    roles: { 1: 'center', 3: 'title', 5: 'title', 7: 'title', 17: 'title', 19: 'title', 141: 'title', 143: 'title', 230: 'title' },
    breakBefore: [17, 141],
  },
  'jiaoling-2022': {
    shortTitle: '蕉岭县推进义务教育优质均衡发展工作方案',
    roles: { 3: 'issuer', 5: 'center', 7: 'title', 15: 'title' },
    breakBefore: [15],
    numberSubHeadings: true,
  },
  'nanchuan-2021': {
    shortTitle: '南川区创建国家义务教育优质均衡发展区工作方案',
    roles: { 1: 'issuer', 2: 'title', 3: 'title', 4: 'center', 21: 'title', 22: 'title', 71: 'title', 72: 'title', 97: 'title' },
    breakBefore: [21],
    markdown: true,
  },
  haicheng: {
    shortTitle: '海城市推进义务教育优质均衡发展实施方案',
    roles: { 1: 'title', 66: 'title', 67: 'title', 91: 'title', 92: 'title' },
    breakBefore: [66, 91],
  },
  'qinxian-2021': {
    shortTitle: '沁县义务教育优质均衡发展工作规划',
    roles: { 3: 'issuer', 5: 'center', 7: 'title', 91: 'title' },
    markdown: true,
  },
};

export const H1 = /^[一二三四五六七八九十]+、/;
export const H2 = /^[（(][一二三四五六七八九十]+[）)]\s*/;
const BOOKMARK = /\[bookmark: [^\]]*\]/g;
const ATTACHMENT = /^附件\s*\d*$/;
/** Longest heading lead split off an outline line that runs on into its body text. */
const LEAD_MAX = 40;

// ---------------------------------------------------------------------------------------------
// Reading the plan into blocks
// ---------------------------------------------------------------------------------------------

/** Loads the table data of a plan, or [] when it has none. */
function loadTables(name) {
  const file = join(TABLES, `${name}.json`);
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, 'utf8')).tables;
}

/** Non-whitespace characters of a text, sorted, for comparing table data with the txt lines. */
function charBag(text) {
  return [...text.replace(/\s+/g, '')].sort().join('');
}

/** Fails loudly if a table's cells do not hold exactly the text of the txt lines it replaces. */
function assertTableMatches(name, lines, table) {
  const [from, to] = table.lines;
  const source = lines.slice(from - 1, to).join('\n');
  const cells = table.rows.flat().filter((c) => c !== null).join('\n');
  if (charBag(source) !== charBag(cells)) {
    throw new Error(`${name}: table for lines ${from}-${to} does not match the txt text`);
  }
  for (const row of table.rows) {
    if (row.length !== table.widths.length) throw new Error(`${name}: row of ${row.length} cells in a ${table.widths.length}-column table`);
  }
}

/**
 * Turns a plan's txt into blocks: {type:'p', kind, text, line} for each non-empty line outside
 * tables, {type:'table', table} in place of the table lines.
 */
export function readBlocks(name, txt) {
  const plan = PLANS[name];
  const lines = txt.split(/\r?\n/);
  const tables = loadTables(name);
  for (const t of tables) assertTableMatches(name, lines, t);
  const blocks = [];
  for (let i = 1; i <= lines.length; i++) {
    const table = tables.find((t) => t.lines[0] === i);
    if (table) {
      blocks.push({ type: 'table', table });
      i = table.lines[1];
      continue;
    }
    const text = lines[i - 1].replace(BOOKMARK, '').trim();
    if (text === '') continue;
    const role = plan.roles[i];
    const kind = role ?? (H1.test(text) ? 'h1' : H2.test(text) ? 'h2' : 'body');
    const pageBreak = ATTACHMENT.test(text) || (plan.breakBefore ?? []).includes(i);
    blocks.push({ type: 'p', kind, text, line: i, pageBreak });
  }
  return blocks;
}

/**
 * Splits an outline line into its heading lead and the rest: a short line or a line without 。 is
 * all heading; a long line is split after its first 。 when that comes early, else it is all body.
 */
export function splitLead(text) {
  const stop = text.indexOf('。');
  if (text.length <= LEAD_MAX || stop < 0) return [text, ''];
  if (stop > 0 && stop < LEAD_MAX) return [text.slice(0, stop + 1), text.slice(stop + 1)];
  return ['', text];
}
