#!/usr/bin/env node
/**
 * Builds corpus/ofd/<name>.ofd: the corpus plans as OFD documents, laid out here (no converter):
 * A4 after GB/T 9704 (the margins of the Word renditions), body 三号 仿宋_GB2312 wrapped at the text
 * width with a two-character indent and full lines justified through DeltaX, titles 二号 小标宋
 * centred (drawn at half size through a CTM that doubles them), the tables of
 * scripts/renditions/tables/<name>.json as rows of text objects between drawn rules (merged cells
 * drawn once, the header row repeated after a page break), a running header on a template page and
 * a "— N —" page number. The same blocks as the docx/pdf renditions (make.mjs's readBlocks).
 *
 * Usage: node scripts/renditions/make-ofd.mjs [name ...]     (deterministic bytes)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLANS, readBlocks } from './plan-blocks.mjs';
import { OfdWriter, packParts } from './ofd-writer.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PT = 25.4 / 72;
export const PAGE = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const SIZE = { body: 16 * PT, title: 22 * PT, table: 10.5 * PT, header: 10.5 * PT, footer: 14 * PT };
const PITCH = { body: 28 * PT, title: 35 * PT, table: 13.5 * PT };
const CELL_PAD = { x: 1.4, y: 0.8 };

/** Advance of a character in em: half for ASCII, full otherwise (as the fonts of official documents). */
function ems(char) {
  return char.charCodeAt(0) < 0x80 ? 0.5 : 1;
}

/** Pieces that may not be broken: a run of ASCII letters/digits/marks, else one character. */
function tokens(text) {
  return text.match(/[\x21-\x7e]+|[\s\S]/gu) ?? [];
}

const NO_LINE_START = /^[，。、；：？！）》」』”’%,.;:)]/;

/**
 * Break a paragraph into lines of at most `width` mm at font size `size`; `indent` em on the first.
 * Returns [{ text, indent }].
 */
export function wrap(text, width, size, indent = 0) {
  const lines = [];
  let line = '';
  let used = indent;
  const limit = width / size;
  for (const token of tokens(text)) {
    const w = [...token].reduce((sum, char) => sum + ems(char), 0);
    if (used + w > limit + 1e-6 && line !== '') {
      // A closing mark does not start a line: it takes the last character of this one with it.
      if (NO_LINE_START.test(token) && [...line].length > 1) {
        const chars = [...line];
        const last = chars.pop();
        lines.push({ text: chars.join(''), indent: lines.length === 0 ? indent : 0 });
        line = last;
        used = ems(last);
      } else {
        lines.push({ text: line, indent: lines.length === 0 ? indent : 0 });
        line = '';
        used = 0;
      }
    }
    line += token;
    used += w;
  }
  if (line !== '' || lines.length === 0) lines.push({ text: line, indent: lines.length === 0 ? indent : 0 });
  return lines;
}

/** Glyph advances (mm) for a line; a full line (`justify`) spreads what is left of `width` over its gaps. */
function advancesOf(text, size, width, justify) {
  const chars = [...text];
  const natural = chars.map((char) => ems(char) * size);
  const advances = natural.slice(0, -1);
  if (justify && advances.length > 0) {
    const spare = width - natural.reduce((a, b) => a + b, 0);
    if (spare > 0 && spare < 1.5 * size) for (let i = 0; i < advances.length; i++) advances[i] += spare / advances.length;
  }
  return advances;
}

class Layout {
  constructor(writer, fonts, header) {
    this.writer = writer;
    this.fonts = fonts;
    this.header = header;
    this.objects = [];
    this.y = PAGE.top;
    this.pageCount = 0;
  }

  newPage() {
    if (this.objects !== null && this.pageCount > 0) this.flush();
    this.pageCount += 1;
    this.objects = [];
    this.y = PAGE.top;
  }

  flush() {
    const number = `— ${this.pageCount} —`;
    const width = [...number].reduce((sum, char) => sum + ems(char), 0) * SIZE.footer;
    this.objects.push({ type: 'text', x: (PAGE.width - width) / 2, y: PAGE.height - 20, size: SIZE.footer, text: number, font: this.fonts.body, advances: advancesOf(number, SIZE.footer, 0, false) });
    this.writer.addPage(this.objects, { templates: [this.header] });
  }

  room(height) {
    if (this.y + height > PAGE.height - PAGE.bottom) this.newPage();
  }

  /** One paragraph: body text wrapped and justified, or a centred title/issuer line. */
  paragraph(block) {
    const text = block.text.replace(/\*\*/g, '');
    if (block.kind === 'title' || block.kind === 'issuer' || block.kind === 'center') {
      const title = block.kind === 'title';
      const size = title ? SIZE.title : SIZE.body;
      const pitch = title ? PITCH.title : PITCH.body;
      for (const line of wrap(text, TEXT_WIDTH, size)) {
        this.room(pitch);
        this.y += pitch;
        const width = [...line.text].reduce((sum, char) => sum + ems(char), 0) * size;
        const x = PAGE.left + (TEXT_WIDTH - width) / 2;
        const font = title ? this.fonts.title : this.fonts.body;
        // Titles go through a CTM: half-size glyphs scaled by two, as some producers write them.
        if (title) this.objects.push({ type: 'text', x, y: this.y - 0.25 * pitch, size: size / 2, text: line.text, font, advances: advancesOf(line.text, size / 2, 0, false), ctm: [2, 0, 0, 2, 0, 0] });
        else this.objects.push({ type: 'text', x, y: this.y - 0.25 * pitch, size, text: line.text, font, advances: advancesOf(line.text, size, 0, false) });
      }
      return;
    }
    const font = block.kind === 'h1' ? this.fonts.heading : this.fonts.body;
    const lines = wrap(text, TEXT_WIDTH, SIZE.body, 2);
    lines.forEach((line, index) => {
      this.room(PITCH.body);
      this.y += PITCH.body;
      const x = PAGE.left + line.indent * SIZE.body;
      const justify = index < lines.length - 1;
      // A tab is a gap of two characters: the pieces around it are separate text objects.
      let pieceX = x;
      for (const piece of line.text.split('\t')) {
        if (piece !== '') {
          const advances = advancesOf(piece, SIZE.body, PAGE.left + TEXT_WIDTH - x, justify && !line.text.includes('\t'));
          this.objects.push({ type: 'text', x: pieceX, y: this.y - 0.25 * PITCH.body, size: SIZE.body, text: piece, font, advances });
          pieceX += advances.reduce((a, b) => a + b, 0) + SIZE.body;
        }
        pieceX += 2 * SIZE.body;
      }
    });
  }

  /** A ruled table; rows that do not fit go to the next page after the repeated header rows. */
  table({ widths, rows, headerRows }) {
    const total = widths.reduce((a, b) => a + b, 0);
    const columns = widths.map((w) => (w / total) * TEXT_WIDTH);
    const edges = [PAGE.left];
    for (const w of columns) edges.push(edges[edges.length - 1] + w);
    const cellLines = rows.map((row) => row.map((cell, c) => (cell === null ? null : cell.split('\n').flatMap((p) => wrap(p, columns[c] - 2 * CELL_PAD.x, SIZE.table)))));
    const heights = cellLines.map((row) => Math.max(1, ...row.map((lines) => (lines === null ? 1 : lines.length))) * PITCH.table + 2 * CELL_PAD.y);
    // A merged cell taller than its rows together stretches its last row.
    rows.forEach((row, r) => row.forEach((cell, c) => {
      if (cell === null) return;
      let last = r;
      while (rows[last + 1]?.[c] === null) last++;
      const need = cellLines[r][c].length * PITCH.table + 2 * CELL_PAD.y;
      const have = heights.slice(r, last + 1).reduce((a, b) => a + b, 0);
      if (need > have) heights[last] += need - have;
    }));
    const drawRow = (r, continued) => {
      const top = this.y;
      const bottom = top + heights[r];
      rows[r].forEach((cell, c) => {
        // The rule above a cell, except inside a merged cell (not at a page's first row).
        if (cell !== null || continued) this.objects.push({ type: 'rule', from: [edges[c], top], to: [edges[c + 1], top] });
        if (cell === null) return;
        const header = r < headerRows;
        cellLines[r][c].forEach((line, k) => {
          const width = [...line.text].reduce((sum, char) => sum + ems(char), 0) * SIZE.table;
          const x = header || c === 0 ? edges[c] + (columns[c] - width) / 2 : edges[c] + CELL_PAD.x;
          const y = top + CELL_PAD.y + (k + 1) * PITCH.table - 0.3 * PITCH.table;
          this.objects.push({ type: 'text', x, y, size: SIZE.table, text: line.text, font: header ? this.fonts.heading : this.fonts.body, advances: advancesOf(line.text, SIZE.table, 0, false) });
        });
      });
      edges.forEach((x) => this.objects.push({ type: 'rule', from: [x, top], to: [x, bottom] }));
      this.y = bottom;
    };
    const closeTable = () => this.objects.push({ type: 'rule', from: [edges[0], this.y], to: [edges[edges.length - 1], this.y] });
    this.y += 0.5 * PITCH.body;
    for (let r = 0; r < rows.length; r++) {
      if (this.y + heights[r] > PAGE.height - PAGE.bottom) {
        closeTable();
        this.newPage();
        for (let h = 0; h < headerRows; h++) drawRow(h, true);
        drawRow(r, true);
        continue;
      }
      drawRow(r, false);
    }
    closeTable();
    this.y += 0.5 * PITCH.body;
  }
}

/**
 * The parts of the OFD of one plan, `{ path: xml }` (for fixtures that break one).
 *
 * @param name Plan name (a key of make.mjs's PLANS).
 * @param txt The plan's txt.
 */
export function buildPlanParts(name, txt) {
  const plan = PLANS[name];
  const writer = new OfdWriter({ title: plan.shortTitle });
  const fonts = { body: writer.addFont('仿宋_GB2312'), heading: writer.addFont('黑体'), title: writer.addFont('方正小标宋简体') };
  const headerWidth = [...plan.shortTitle].length * SIZE.header;
  const header = writer.addTemplate([
    { type: 'text', x: (PAGE.width - headerWidth) / 2, y: 20, size: SIZE.header, text: plan.shortTitle, font: fonts.body },
    { type: 'rule', from: [PAGE.left, 21.5], to: [PAGE.width - PAGE.right, 21.5] },
  ]);
  const layout = new Layout(writer, fonts, header);
  layout.newPage();
  for (const block of readBlocks(name, txt)) {
    if (block.type === 'table') {
      layout.table(block.table);
      continue;
    }
    if (block.pageBreak && layout.objects.length > 0) layout.newPage();
    layout.paragraph(block);
  }
  layout.flush();
  return writer.parts();
}

/** The OFD of one plan, packed. */
export async function buildPlanOfd(name, txt) {
  return packParts(buildPlanParts(name, txt));
}

async function main() {
  const names = process.argv.slice(2);
  const selected = names.length ? names : Object.keys(PLANS);
  mkdirSync(join(ROOT, 'corpus/ofd'), { recursive: true });
  for (const name of selected) {
    if (!PLANS[name]) throw new Error(`unknown plan ${name}`);
    const bytes = await buildPlanOfd(name, readFileSync(join(ROOT, 'corpus', `${name}.txt`), 'utf8'));
    writeFileSync(join(ROOT, 'corpus/ofd', `${name}.ofd`), bytes);
    console.log(`${name}: ofd written (${bytes.length} bytes)`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
