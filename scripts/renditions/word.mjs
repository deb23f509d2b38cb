/**
 * The Word page every rendition shares (make.mjs for the corpus, make-extra.mjs for the extra
 * plans): A4 after GB/T 9704, CJK fonts, a running header with the plan's short title, a
 * "— N —" page footer; byte-for-byte reproducible packing; the pdf through LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { AlignmentType, BorderStyle, Document, Footer, Header, LineRuleType, Packer, PageNumber, Paragraph, Tab, TextRun } from 'docx';

export const SERIF = 'Noto Serif CJK SC';
export const SANS = 'Noto Sans CJK SC';
/** Fixed timestamp written into docx metadata and zip entries so that re-runs are byte-identical. */
const FIXED_DATE = new Date('2024-01-01T00:00:00Z');

/** A4 in twips, margins after GB/T 9704 (3.7 cm top, 3.5 bottom, 2.8 left, 2.6 right). */
export const PAGE = { width: 11906, height: 16838 };
export const MARGIN = { top: 2098, bottom: 1984, left: 1587, right: 1474, header: 1134, footer: 1134 };
/** The width of the text between the margins, in twips. */
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** Body text 三号 (16 pt) on a 28 pt grid; tables 五号 (10.5 pt); titles 二号 (22 pt). */
export const SIZE = { body: 32, title: 44, table: 21, header: 21, footer: 28 };

export const BODY_SPACING = { line: 560, lineRule: LineRuleType.EXACT };
export const INDENT = { firstLine: 640 };

/** Runs for a line: `**x**` becomes bold, tabs become <w:tab/>. */
export function inlineRuns(text, base = {}) {
  const runs = [];
  text.split(/(\*\*[^*]+\*\*)/).forEach((part) => {
    if (part === '') return;
    const bold = /^\*\*[^*]+\*\*$/.test(part);
    const body = bold ? part.slice(2, -2) : part;
    const children = [];
    body.split('\t').forEach((piece, k) => {
      if (k > 0) children.push(new Tab());
      if (piece !== '') children.push(piece);
    });
    runs.push(new TextRun({ ...base, ...(bold ? { bold: true } : {}), children }));
  });
  return runs;
}

/**
 * The Document of a rendition: one A4 section with the header and footer.
 *
 * @param options
 *   `shortTitle` (running header and title property), `description`, `children` (paragraphs and
 *   tables), `numbering` (docx numbering config, default none), `creator` (default: make.mjs).
 */
export function renditionDocument({ shortTitle, description, children, numbering = [], creator = 'plancheck scripts/renditions/make.mjs' }) {
  const font = { ascii: SERIF, eastAsia: SERIF, hAnsi: SERIF, cs: SERIF };
  return new Document({
    creator,
    lastModifiedBy: creator,
    title: shortTitle,
    description,
    styles: { default: { document: { run: { font, size: SIZE.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } } } },
    numbering: { config: numbering },
    sections: [{
      properties: { page: { size: PAGE, margin: MARGIN } },
      headers: {
        default: new Header({
          children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
            children: [new TextRun({ text: shortTitle, size: SIZE.header })],
          })],
        }),
      },
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ size: SIZE.footer, children: ['— ', PageNumber.CURRENT, ' —'] })],
          })],
        }),
      },
      children,
    }],
  });
}

/** Packs a Document and rewrites the zip with fixed dates so the bytes are reproducible. */
export async function packDeterministic(doc) {
  const raw = await Packer.toBuffer(doc);
  const src = await JSZip.loadAsync(raw);
  const out = new JSZip();
  const iso = FIXED_DATE.toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const entry of Object.values(src.files)) {
    if (entry.dir) continue;
    let content = await entry.async('uint8array');
    if (entry.name === 'docProps/core.xml') {
      const xml = Buffer.from(content).toString('utf8')
        .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)/g, `$1${iso}$2`);
      content = Buffer.from(xml, 'utf8');
    }
    out.file(entry.name, content, { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** Converts docx files to pdf with LibreOffice, using a private profile directory. */
export function renderPdfs(docxFiles, outDir) {
  if (docxFiles.length === 0) return;
  const profile = mkdtempSync(join(tmpdir(), 'renditions-lo-'));
  try {
    execFileSync('soffice', [
      `-env:UserInstallation=file://${profile}`, '--headless', '--norestore',
      '--convert-to', 'pdf', '--outdir', outDir, ...docxFiles,
    ], { stdio: ['ignore', 'inherit', 'inherit'] });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
