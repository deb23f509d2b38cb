#!/usr/bin/env node
/**
 * Builds the committed renditions of the extra plans (test/extra/corpus/<name>.md and .txt):
 *   test/extra/corpus/docx/<name>.docx  Word document on the corpus renditions' page (word.mjs): the
 *                                       Markdown's `#` title centred, `##`/`###` headings bold, one
 *                                       paragraph per Markdown paragraph, every GFM table a real
 *                                       Word table (the txt holds the same tables tab-separated or
 *                                       flattened one cell per line)
 *   test/extra/corpus/pdf/<name>.pdf    the docx rendered by LibreOffice headless (soffice)
 *
 * Usage: node scripts/renditions/make-extra.mjs [--force] [--no-pdf] [name ...]
 *
 * Merged cells are rebuilt by general rules, not per plan (gfm-grid.mjs).
 * The docx files are byte-for-byte deterministic; a pdf is only re-rendered when its docx changed.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun,
  VerticalAlignTable, VerticalMergeType, WidthType,
} from 'docx';
import { buildGrid } from './gfm-grid.mjs';
import { BODY_SPACING, INDENT, SANS, SIZE, TEXT_WIDTH, inlineRuns, packDeterministic, renderPdfs, renditionDocument } from './word.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const EXTRA = join(ROOT, 'test/extra/corpus');
const CREATOR = 'plancheck scripts/renditions/make-extra.mjs';

const ATTACHMENT = /^附件\s*\d*$/;

// ---------------------------------------------------------------------------------------------
// Markdown into blocks
// ---------------------------------------------------------------------------------------------

/** Cells of one GFM table line (the plans hold no escaped pipes). */
function splitRow(line) {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
}

const isSeparator = (line) => /^\|(\s*:?-+:?\s*\|)+\s*$/.test(line.trim());

/**
 * Reads a plan's Markdown into blocks: {type:'heading', depth, text}, {type:'p', text},
 * {type:'table', rows} (rows of cell texts, the separator line dropped).
 */
function readMarkdownBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    if (line.trimStart().startsWith('|')) {
      const rows = [];
      while (i < lines.length && lines[i].trimStart().startsWith('|')) {
        if (!isSeparator(lines[i])) rows.push(splitRow(lines[i]));
        i++;
      }
      i--;
      blocks.push({ type: 'table', rows });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) blocks.push({ type: 'heading', depth: heading[1].length, text: heading[2].trim() });
    else blocks.push({ type: 'p', text: line.trim() });
  }
  return blocks;
}

/** Column widths in twips, by the longest text in each column (square root, so long cells wrap). */
function columnWidths(grid, width) {
  const weights = Array.from({ length: width }, (_, c) => {
    const longest = Math.max(1, ...grid.filter((row) => row[c].span === 1).map((row) => [...row[c].text.replace(/\*\*/g, '')].length));
    return Math.max(1.6, Math.sqrt(longest));
  });
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  widths[widths.length - 1] += TEXT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** The Word table of a GFM table. */
function wordTable(rows) {
  const { grid, headerRows, width } = buildGrid(rows);
  const widths = columnWidths(grid, width);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: grid.map((row, r) => new TableRow({
      tableHeader: r < headerRows,
      children: row.flatMap((cell, c) => {
        if (cell.span === 0) return [];
        const isHeader = r < headerRows;
        const text = cell.merge === 'continue' ? '' : cell.text;
        const span = widths.slice(c, c + cell.span).reduce((a, b) => a + b, 0);
        return [new TableCell({
          width: { size: span, type: WidthType.DXA },
          ...(cell.span > 1 ? { columnSpan: cell.span } : {}),
          ...(cell.merge ? { verticalMerge: cell.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
          verticalAlign: VerticalAlignTable.CENTER,
          margins: { top: 40, bottom: 40, left: 80, right: 80 },
          children: [new Paragraph({
            alignment: isHeader || c === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
            spacing: { line: 300, lineRule: LineRuleType.AUTO },
            children: text ? inlineRuns(text, { size: SIZE.table, ...(isHeader ? { bold: true } : {}) }) : [],
          })],
        })];
      }),
    })),
  });
}

// ---------------------------------------------------------------------------------------------
// Paragraphs and the document
// ---------------------------------------------------------------------------------------------

/** The Word paragraph of a heading or a paragraph block. */
function wordParagraph(block) {
  const brk = ATTACHMENT.test(block.text) ? { pageBreakBefore: true } : {};
  if (block.type === 'heading' && block.depth === 1) {
    return new Paragraph({
      ...brk,
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
      children: inlineRuns(block.text, { bold: true, size: SIZE.title, font: SANS }),
    });
  }
  if (block.type === 'heading') {
    const font = block.depth === 2 ? { font: SANS } : {};
    return new Paragraph({ ...brk, spacing: BODY_SPACING, indent: INDENT, children: inlineRuns(block.text, { bold: true, ...font }) });
  }
  return new Paragraph({ ...brk, spacing: BODY_SPACING, indent: INDENT, children: inlineRuns(block.text) });
}

/** Non-whitespace characters of a text without Markdown bold markers, sorted. */
const charBag = (text) => [...text.replace(/\*\*/g, '').replace(/\s+/g, '')].sort().join('');

/** The text a block contributes, for comparing with the txt. */
const blockText = (block) => (block.type === 'table' ? block.rows.flat().join('') : block.text);

/** Fails loudly when the Markdown does not hold exactly the txt's text. */
function assertSameText(name, blocks, txt) {
  if (charBag(blocks.map(blockText).join('')) !== charBag(txt)) throw new Error(`${name}: the .md does not hold the text of the .txt`);
}

/** Builds the docx Document of an extra plan. */
function buildDocument(name, blocks) {
  const title = blocks.find((block) => block.type === 'heading' && block.depth === 1);
  const children = [];
  for (const block of blocks) {
    if (block.type === 'table') {
      children.push(wordTable(block.rows));
      children.push(new Paragraph({ children: [] }));
    } else children.push(wordParagraph(block));
  }
  return renditionDocument({
    shortTitle: (title?.text ?? name).replace(/\*\*/g, ''),
    description: `Rendition of test/extra/corpus/${name}.md`,
    children,
    creator: CREATOR,
  });
}

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const noPdf = args.includes('--no-pdf');
  const names = args.filter((a) => !a.startsWith('--'));
  const plans = readdirSync(EXTRA).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
  const selected = names.length ? names : plans;
  for (const dir of ['docx', 'pdf']) mkdirSync(join(EXTRA, dir), { recursive: true });
  const toRender = [];
  for (const name of selected) {
    if (!plans.includes(name)) throw new Error(`unknown plan ${name}`);
    const blocks = readMarkdownBlocks(readFileSync(join(EXTRA, `${name}.md`), 'utf8'));
    assertSameText(name, blocks, readFileSync(join(EXTRA, `${name}.txt`), 'utf8'));
    const docxPath = join(EXTRA, 'docx', `${name}.docx`);
    const bytes = await packDeterministic(buildDocument(name, blocks));
    const unchanged = existsSync(docxPath) && readFileSync(docxPath).equals(bytes);
    if (!unchanged) writeFileSync(docxPath, bytes);
    if (!noPdf && (force || !unchanged || !existsSync(join(EXTRA, 'pdf', `${name}.pdf`)))) toRender.push(docxPath);
    const tables = blocks.filter((block) => block.type === 'table').length;
    console.log(`${name}: docx ${unchanged ? 'unchanged' : 'written'} (${bytes.length} bytes, ${tables} tables)`);
  }
  renderPdfs(toRender, join(EXTRA, 'pdf'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
