#!/usr/bin/env node
/**
 * Builds the committed renditions of the corpus plans:
 *   corpus/docx/<name>.docx  Word document (docx package): A4, CJK fonts, one paragraph per
 *                            non-empty txt line, running header, "— N —" page footer, real
 *                            tables rebuilt from scripts/renditions/tables/<name>.json
 *   corpus/pdf/<name>.pdf    the docx rendered by LibreOffice headless (soffice)
 *   corpus/md/<name>.md      Markdown rendition (only for plans with `markdown: true`)
 *
 * Usage: node scripts/renditions/make.mjs [--force] [--no-pdf] [name ...]
 *   --force   re-render every pdf even if its docx did not change
 *   --no-pdf  write docx/md only
 * The docx files are byte-for-byte deterministic (fixed zip and core.xml dates); a pdf is only
 * re-rendered when its docx changed or is missing, because LibreOffice stamps dates into pdfs.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType, BorderStyle, LevelFormat, LevelSuffix, LineRuleType, Paragraph, Table, TableCell,
  TableLayoutType, TableRow, TextRun, VerticalAlignTable, VerticalMergeType, WidthType,
} from 'docx';
import { H2, PLANS, readBlocks, splitLead } from './plan-blocks.mjs';
import { BODY_SPACING, INDENT, SANS, SIZE, inlineRuns, packDeterministic, renderPdfs, renditionDocument } from './word.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CORPUS = join(ROOT, 'corpus');


// ---------------------------------------------------------------------------------------------
// docx
// ---------------------------------------------------------------------------------------------

/** Builds the Word paragraph for one txt line. */
function lineParagraph(block, state) {
  const { kind, text } = block;
  const brk = block.pageBreak ? { pageBreakBefore: true } : {};
  if (kind === 'title') {
    return new Paragraph({
      ...brk,
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text, bold: true, size: SIZE.title, font: SANS })],
    });
  }
  if (kind === 'issuer' || kind === 'center') {
    return new Paragraph({
      ...brk,
      alignment: AlignmentType.CENTER,
      spacing: BODY_SPACING,
      children: [new TextRun({ text, bold: kind === 'issuer' })],
    });
  }
  if (kind === 'h1') {
    state.h1 += 1;
    return new Paragraph({
      ...brk, spacing: BODY_SPACING, indent: INDENT,
      children: [new TextRun({ text, bold: true, font: SANS })],
    });
  }
  if (kind === 'h2') {
    let content = text;
    let numbering;
    if (state.numberSubHeadings) {
      content = text.replace(H2, '');
      numbering = { reference: `sub-heading-${state.h1}`, level: 0 };
      state.numberingRefs.add(numbering.reference);
    }
    const [lead, rest] = splitLead(content);
    return new Paragraph({
      ...brk, spacing: BODY_SPACING, indent: INDENT, ...(numbering ? { numbering } : {}),
      children: [
        ...(lead ? [new TextRun({ text: lead, bold: true })] : []),
        ...(rest ? inlineRuns(rest) : []),
      ],
    });
  }
  return new Paragraph({ ...brk, spacing: BODY_SPACING, indent: INDENT, children: inlineRuns(text) });
}

/** Builds a Word table with vertically merged cells (null = continues the cell above). */
function buildTable(table) {
  const { widths, rows, headerRows } = table;
  const total = widths.reduce((a, b) => a + b, 0);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: rows.map((row, r) => new TableRow({
      tableHeader: r < headerRows,
      children: row.map((cell, c) => {
        const isHeader = r < headerRows;
        const startsMerge = cell !== null && rows[r + 1] !== undefined && rows[r + 1][c] === null;
        const verticalMerge = cell === null ? VerticalMergeType.CONTINUE : startsMerge ? VerticalMergeType.RESTART : undefined;
        const paras = (cell ?? '').split('\n').map((t) => new Paragraph({
          alignment: isHeader || c === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: 300, lineRule: LineRuleType.AUTO },
          children: t ? [new TextRun({ text: t, size: SIZE.table, bold: isHeader })] : [],
        }));
        return new TableCell({
          width: { size: widths[c], type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          margins: { top: 40, bottom: 40, left: 80, right: 80 },
          ...(verticalMerge ? { verticalMerge } : {}),
          children: paras,
        });
      }),
    })),
  });
}

/** Builds the docx Document for a plan. */
function buildDocument(name, blocks) {
  const plan = PLANS[name];
  const state = { h1: 0, numberSubHeadings: Boolean(plan.numberSubHeadings), numberingRefs: new Set() };
  const children = [];
  for (const block of blocks) {
    if (block.type === 'table') {
      children.push(buildTable(block.table));
      // keep two adjacent tables apart and end the body with a paragraph after a table
      children.push(new Paragraph({ children: [] }));
    } else {
      children.push(lineParagraph(block, state));
    }
  }
  const numberingConfig = [...state.numberingRefs].map((reference) => ({
    reference,
    levels: [{
      level: 0,
      format: LevelFormat.CHINESE_COUNTING,
      text: '（%1）',
      alignment: AlignmentType.LEFT,
      suffix: LevelSuffix.NOTHING,
      style: { paragraph: { indent: { left: 0, firstLine: 640 } } },
    }],
  }));
  return renditionDocument({ shortTitle: plan.shortTitle, description: `Rendition of corpus/${name}.txt`, children, numbering: numberingConfig });
}

// ---------------------------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------------------------

/** Escapes Markdown syntax characters inside a line of text. */
function escapeInline(text) {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}

/** Escapes a paragraph so that it cannot start a list, heading, quote or code block. */
function escapeBlock(text) {
  return escapeInline(text)
    .replace(/^(\d+)([.)])(\s)/, '$1\\$2$3')
    .replace(/^([#+\-=|])/, '\\$1');
}

/** Renders a table as GFM; merged continuation cells are left empty. */
function markdownTable(table) {
  const cell = (c) => escapeInline((c ?? '').split('\n').join(' ')).replace(/\|/g, '\\|');
  const [head, ...body] = table.rows;
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...body.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** Builds the Markdown rendition: `#` titles, `##` 一、 headings, `###` （一） headings. */
function buildMarkdown(blocks) {
  const out = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.type === 'table') { out.push(markdownTable(block.table)); continue; }
    const text = block.text.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/\t/g, ' ');
    if (block.kind === 'title') {
      let joined = text;
      // consecutive title lines (only blank lines between them in the txt) form one heading
      while (blocks[i + 1]?.type === 'p' && blocks[i + 1].kind === 'title') {
        i += 1;
        joined += blocks[i].text;
      }
      out.push(`# ${escapeInline(joined)}`);
    } else if (block.kind === 'h1') {
      out.push(`## ${escapeInline(text)}`);
    } else if (block.kind === 'h2') {
      const [lead, rest] = splitLead(text);
      if (lead) out.push(`### ${escapeInline(lead)}`);
      if (rest) out.push(escapeBlock(rest));
    } else {
      out.push(escapeBlock(text));
    }
  }
  return `${out.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// main
// ---------------------------------------------------------------------------------------------

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const noPdf = args.includes('--no-pdf');
  const names = args.filter((a) => !a.startsWith('--'));
  const selected = names.length ? names : Object.keys(PLANS);
  for (const dir of ['docx', 'pdf', 'md']) mkdirSync(join(CORPUS, dir), { recursive: true });

  const toRender = [];
  for (const name of selected) {
    if (!PLANS[name]) throw new Error(`unknown plan ${name}`);
    const txt = readFileSync(join(CORPUS, `${name}.txt`), 'utf8');
    const blocks = readBlocks(name, txt);

    const docxPath = join(CORPUS, 'docx', `${name}.docx`);
    const bytes = await packDeterministic(buildDocument(name, blocks));
    const unchanged = existsSync(docxPath) && readFileSync(docxPath).equals(bytes);
    if (!unchanged) writeFileSync(docxPath, bytes);
    const pdfPath = join(CORPUS, 'pdf', `${name}.pdf`);
    if (!noPdf && (force || !unchanged || !existsSync(pdfPath))) toRender.push(docxPath);
    console.log(`${name}: docx ${unchanged ? 'unchanged' : 'written'} (${bytes.length} bytes)`);

    if (PLANS[name].markdown) {
      writeFileSync(join(CORPUS, 'md', `${name}.md`), buildMarkdown(blocks));
      console.log(`${name}: md written`);
    }
  }
  renderPdfs(toRender, join(CORPUS, 'pdf'));
}

await main();
