import { readFileSync } from 'node:fs';
import { diffChars } from 'diff';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/ingest.ts';
import { PDF_ENGINES, type PdfEngineName } from '../../pipeline/ingest/pdf/engine.ts';

const PLANS = ['haicheng', 'jiaoling-2022', 'nanan-2022', 'nanchuan-2021', 'qinxian-2021'];
const corpus = (path: string) => readFileSync(new URL(`../../corpus/${path}`, import.meta.url));

/** Text of a document as characters only: whitespace removed, full-width folded (NFKC). */
async function normalisedText(path: string, extension: string, pdfEngine?: PdfEngineName): Promise<string> {
  const doc = await ingest(corpus(path), extension, undefined, pdfEngine === undefined ? {} : { pdfEngine });
  return textOf(doc.tree).normalize('NFKC').replace(/\s+/g, '');
}

/** All text of a tree once: the copies of a merged cell in the rows it spans are skipped. */
function textOf(node: Nodes): string {
  if (node.data?.spanned) return '';
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((child) => textOf(child as Nodes)).join('') : '';
}

/** Similarity as difflib's ratio: 2 × matched characters / total characters (Myers diff). */
function similarity(a: string, b: string): number {
  const matched = diffChars(a, b)
    .filter((part) => !part.added && !part.removed)
    .reduce((sum, part) => sum + part.value.length, 0);
  return (2 * matched) / (a.length + b.length);
}

describe('the docx and pdf renditions read as the txt plans', () => {
  it.each(PLANS)('should read the docx rendition of %s with at least 0.98 similarity to the txt', async (plan) => {
    const txt = await normalisedText(`${plan}.txt`, '.txt');
    const docx = await normalisedText(`docx/${plan}.docx`, '.docx');
    expect(similarity(txt, docx)).toBeGreaterThanOrEqual(0.98);
  });

  const cases = PLANS.flatMap((plan) => PDF_ENGINES.map((engine) => [plan, engine] as const));
  it.each(cases)('should read the pdf rendition of %s through %s with at least 0.98 similarity to the txt', async (plan, engine) => {
    const txt = await normalisedText(`${plan}.txt`, '.txt');
    const pdf = await normalisedText(`pdf/${plan}.pdf`, '.pdf', engine);
    expect(similarity(txt, pdf)).toBeGreaterThanOrEqual(0.98);
    // Page furniture is gone: no running page numbers such as — 3 — remain.
    expect(pdf).not.toMatch(/—\d+—/);
  });
});
