import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDocxPackage } from '../../pipeline/ingest/docx/package.ts';
import {
  checkDocxSize,
  checkFileSize,
  checkPdfPages,
  DEFAULT_LIMITS,
  formatBytes,
  resolveLimits,
  withTimeLimit,
} from '../../pipeline/ingest/limits.ts';
import { ReadError } from '../../pipeline/ingest/read-error.ts';
import { reasonOf } from './read-error-reason.ts';

const MB = 1024 * 1024;
const bytesOf = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../${path}`, import.meta.url)));


async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('limits', () => {
  it('should default to 50 MB files, 200 MB unpacked docx, 2000 parts, 2000 pages and 60 s', () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxFileBytes: 50 * MB,
      maxDocxUncompressedBytes: 200 * MB,
      maxDocxEntries: 2000,
      maxPdfPages: 2000,
      maxSecondsPerDocument: 60,
    });
  });

  it('should apply overrides over the defaults without changing them', () => {
    expect(resolveLimits({ maxPdfPages: 10 })).toEqual({ ...DEFAULT_LIMITS, maxPdfPages: 10 });
    expect(DEFAULT_LIMITS.maxPdfPages).toBe(2000);
  });

  it('should write byte counts as MB, KB or bytes', () => {
    expect([formatBytes(61 * MB), formatBytes(512 * 1024), formatBytes(12)]).toEqual(['61 MB', '512 KB', '12 bytes']);
  });

  it('should refuse a 61 MB file with its size and the limit', () => {
    expect(reasonOf(() => checkFileSize(61 * MB))).toBe('file too large: 61 MB (limit 50 MB)');
    expect(reasonOf(() => checkFileSize(50 * MB))).toBeUndefined();
  });

  it('should refuse a docx by part count first, then by declared unpacked size', () => {
    expect(reasonOf(() => checkDocxSize(5000, 1024 * MB))).toBe('.docx has too many parts: 5000 (limit 2000)');
    expect(reasonOf(() => checkDocxSize(10, 1024 * MB))).toBe('.docx too large: 1024 MB uncompressed (limit 200 MB), a zip bomb?');
    expect(reasonOf(() => checkDocxSize(2000, 200 * MB))).toBeUndefined();
  });

  it('should refuse a PDF with more pages than the limit', () => {
    expect(reasonOf(() => checkPdfPages(5000))).toBe('PDF too long: 5000 pages (limit 2000)');
    expect(reasonOf(() => checkPdfPages(3, resolveLimits({ maxPdfPages: 2 })))).toBe('PDF too long: 3 pages (limit 2)');
    expect(reasonOf(() => checkPdfPages(2000))).toBeUndefined();
  });

  it('should fail work that outlives the time limit with a ReadError', async () => {
    const error = await rejectionOf(withTimeLimit(new Promise(() => {}), resolveLimits({ maxSecondsPerDocument: 0.05 })));
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).message).toBe('timed out after 0.05 s (limit per document)');
  });

  it('should pass through the result and the error of work within the time limit', async () => {
    await expect(withTimeLimit(Promise.resolve(7))).resolves.toBe(7);
    await expect(withTimeLimit(Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});

describe('openDocxPackage under limits', () => {
  it('should open a real docx under the default limits', async () => {
    const docx = await openDocxPackage(bytesOf('corpus/docx/qinxian-2021.docx'));
    expect(docx.documentPath).toBe('word/document.xml');
    expect(docx.document).toContain('<w:body>');
  });

  it('should refuse a real docx under a tighter unpacked-size limit or part limit', async () => {
    const data = bytesOf('corpus/docx/qinxian-2021.docx');
    const small = await rejectionOf(openDocxPackage(data, resolveLimits({ maxDocxUncompressedBytes: 1000 })));
    expect((small as ReadError).message).toMatch(/^\.docx too large: \d+ KB uncompressed \(limit 1000 bytes\), a zip bomb\?$/);
    const few = await rejectionOf(openDocxPackage(data, resolveLimits({ maxDocxEntries: 3 })));
    expect((few as ReadError).message).toMatch(/^\.docx has too many parts: \d+ \(limit 3\)$/);
  });

  it('should refuse the 1 GiB zip bomb from its declared sizes without inflating it', async () => {
    // Overwrite the middle of the bomb's deflate stream with garbage: were it
    // inflated, the reason would be a corrupt archive, not the declared size.
    const data = bytesOf('test/fixtures/bad/zip-bomb.docx').slice();
    const middle = Math.floor(data.length / 2);
    data.fill(0xff, middle, middle + 4096);
    const error = await rejectionOf(openDocxPackage(data));
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).message).toBe('.docx too large: 1024 MB uncompressed (limit 200 MB), a zip bomb?');
  });

  it('should stop inflating a part that lies about its size', async () => {
    const error = await rejectionOf(openDocxPackage(bytesOf('test/fixtures/bad/zip-bomb-lying.docx')));
    expect((error as ReadError).message).toBe('unreadable .docx: word/media/bomb.bin inflates past its declared size, a zip bomb?');
  });

  it('should refuse a part whose bytes fail their CRC', async () => {
    // A stored (uncompressed) copy of the corpus docx, with one byte of document.xml changed.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(bytesOf('corpus/docx/qinxian-2021.docx'));
    const stored = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
    const at = Buffer.from(stored).indexOf('<w:body>');
    stored[at + 1] = 'x'.charCodeAt(0);
    const error = await rejectionOf(openDocxPackage(stored));
    expect((error as ReadError).message).toBe('unreadable .docx: corrupt zip archive');
  });
});
