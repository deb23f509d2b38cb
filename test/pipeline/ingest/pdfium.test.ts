// PDFium in wasm: opening, refusing, and rendering pages to pixels (what OCR of scanned pages works from).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openPdfium } from '../../../pipeline/ingest/pdfium.ts';
import { ReadError } from '../../../pipeline/ingest/read-error.ts';

// Fixtures from scripts/fixtures/make-pdf-fixtures.ts: A5 pages (419.5 × 595.3 pt), black text on white.
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/pdf/${name}`, import.meta.url)));

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ReadError);
  return (error as ReadError).message;
}

describe('openPdfium', () => {
  it('should count the pages of a PDF', async () => {
    const document = await openPdfium(fixture('plan.pdf'));
    expect(document.pageCount).toBe(3);
    document.close();
  });

  it.each([
    ['an encrypted PDF', fixture('encrypted.pdf'), 'encrypted PDF: a password is required'],
    ['bytes that are not a PDF', new TextEncoder().encode('not a pdf at all'), 'corrupt PDF: invalid PDF structure'],
    ['an empty file', new Uint8Array(0), 'corrupt PDF: invalid PDF structure'],
  ])('should refuse %s with a one-line reason', async (_, data, reason) => {
    expect(await reasonOf(openPdfium(data))).toBe(reason);
  });
});

describe('renderPage', () => {
  it.each([
    [72, 1],
    [150, 4],
  ] as const)('should draw a page at %i dpi with %i channels, sized by the page, text dark on white', async (dpi, channels) => {
    const document = await openPdfium(fixture('plan.pdf'));
    try {
      const { width, height, data } = document.renderPage(0, dpi, { channels });
      expect([width, height]).toEqual([Math.round((419.5 * dpi) / 72), Math.round((595.3 * dpi) / 72)].map((n) => expect.closeTo(n, 0)));
      expect(data.length).toBe(width * height * channels);
      let dark = 0;
      let white = 0;
      for (let i = 0; i < data.length; i += channels) {
        if (data[i]! < 100) dark++;
        else if (data[i] === 255) white++;
      }
      expect(dark).toBeGreaterThan(width * height * 0.005);
      expect(white).toBeGreaterThan(width * height * 0.8);
      if (channels === 4) expect(data[3]).toBe(255);
    } finally {
      document.close();
    }
  });

  it('should refuse a page the document does not have', async () => {
    const document = await openPdfium(fixture('plan.pdf'));
    try {
      expect(() => document.renderPage(3, 72)).toThrow(ReadError);
    } finally {
      document.close();
    }
  });

  it('should keep the pixels after the document is closed, and allow closing twice', async () => {
    const document = await openPdfium(fixture('plan.pdf'));
    const bitmap = document.renderPage(1, 36);
    document.close();
    document.close();
    expect(bitmap.data.some((value) => value < 100)).toBe(true);
  });
});
