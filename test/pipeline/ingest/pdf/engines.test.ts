// Both PDF engines over every PDF the repository holds (corpus renditions, the extra set's renditions,
// held-out plans, fixtures good and bad, and the corpus plans printed by Chromium where it is installed):
// the same models, or the same reason for refusing the file.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffChars } from 'diff';
import type { Nodes } from 'mdast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, printPlansToPdf } from '../../../../scripts/renditions/chromium-pdf.ts';
import { processDocument, type DocumentOutcome } from '../../../../pipeline/process-document.ts';
import { PDF_ENGINES } from '../../../../pipeline/ingest/pdf/engine.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const FOLDERS = ['corpus/pdf', 'test/extra/corpus/pdf', 'test/heldout', 'test/fixtures/pdf', 'test/fixtures/bad', 'test/fixtures/hostile'];

function pdfsUnder(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.toLowerCase().endsWith('.pdf'))
    .map((name) => relative(ROOT, join(ROOT, folder, name)))
    .sort();
}

/** What must not depend on the engine: the extraction with its quotes and locations, the tree, the page count, or the reason. */
function comparable(outcome: DocumentOutcome, exact = true): unknown {
  if (!outcome.ok) return { reason: outcome.reason };
  const { targets, deadlines, responsibilities, coverage, pages, metadata, messages, tree } = outcome.model;
  const model = { targets, deadlines, responsibilities, coverage, pages, metadata, messages };
  return exact ? { ...model, tree } : JSON.parse(JSON.stringify(model), (key, value) => (key === 'quote' ? typeof value : value));
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child as Nodes)).join('') : '';
}

/** Characters two texts share (Myers diff), whitespace ignored. */
function matchedCharacters(a: string, b: string): number {
  const squeeze = (text: string) => text.replace(/\s+/g, '');
  return diffChars(squeeze(a), squeeze(b)).filter((part) => !part.added && !part.removed).reduce((sum, part) => sum + part.value.length, 0);
}

const PDFS = FOLDERS.flatMap(pdfsUnder);
const CHROMIUM = findChromium();
const PLANS = readdirSync(join(ROOT, 'corpus')).filter((name) => name.endsWith('.txt')).sort();

async function compareEngines(data: Uint8Array, name: string, exact = true): Promise<[DocumentOutcome, DocumentOutcome]> {
  // The text layers are compared: OCR (of image-only.pdf) reads the same pixels whichever engine reads the text.
  const [first, second] = await Promise.all(PDF_ENGINES.map((pdfEngine) => processDocument(data, name, undefined, { pdfEngine, ocr: false })));
  expect(comparable(second!, exact)).toEqual(comparable(first!, exact));
  // A file that only claims to be a PDF (a renamed .docx) is read by its content, by no PDF engine.
  if (first!.ok && second!.ok && first!.model.format === 'pdf') expect([first!.model.pdfEngine, second!.model.pdfEngine]).toEqual([...PDF_ENGINES]);
  return [first!, second!];
}

describe('the pdfjs and PDFium engines', () => {
  it('should find PDFs of every kind to compare', () => {
    expect(PDFS.filter((path) => path.startsWith('corpus/')).length).toBeGreaterThan(0);
    expect(PDFS.filter((path) => path.startsWith('test/heldout/')).length).toBeGreaterThan(0);
    expect(PDFS.filter((path) => path.startsWith('test/extra/')).length).toBeGreaterThan(0);
  });

  it.each(PDFS)('should give the same model for %s', async (path) => {
    await compareEngines(new Uint8Array(readFileSync(join(ROOT, path))), path.split('/').pop()!);
  });
});

describe.skipIf(CHROMIUM === null)('the pdfjs and PDFium engines on the corpus printed by Chromium (skipped without chromium)', () => {
  let folder = '';
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'plancheck-engines-'));
    await printPlansToPdf(CHROMIUM!, PLANS.map((name) => join(ROOT, 'corpus', name)), folder);
  }, 300_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  // Chromium marks a character whose glyph serves two code points (戶/户) with /ActualText, which PDFium
  // reads and pdfjs does not: the trees and quotes may differ there, PDFium's never further from the text printed.
  it.each(PLANS)('should give the same targets, deadlines and responsibilities (quotes aside) for %s as Chromium prints it', async (plan) => {
    const name = plan.replace(/\.txt$/, '.pdf');
    const [pdfjs, pdfium] = await compareEngines(new Uint8Array(readFileSync(join(folder, name))), name, false);
    expect(pdfjs.ok && pdfium.ok).toBe(true);
    if (!pdfjs.ok || !pdfium.ok) return;
    const printed = readFileSync(join(ROOT, 'corpus', plan), 'utf8');
    expect(matchedCharacters(printed, textOf(pdfium.model.tree))).toBeGreaterThanOrEqual(matchedCharacters(printed, textOf(pdfjs.model.tree)));
  });
});
