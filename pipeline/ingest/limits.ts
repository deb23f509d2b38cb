/**
 * Resource limits for hostile input: how large a file, an unpacked .docx and a
 * PDF may be, and how long one document may take. The checks are pure and throw
 * a `ReadError` whose message is the one-line reason a user sees.
 */
import { ReadError } from './read-error.ts';

/** The resource limits of one run. */
export interface Limits {
  /** Largest input file, in bytes. */
  maxFileBytes: number;
  /** Largest total of the uncompressed sizes a .docx declares for its entries, in bytes. */
  maxDocxUncompressedBytes: number;
  /** Most entries (files and folders) a .docx zip may hold. */
  maxDocxEntries: number;
  /** Most pages a PDF may have. */
  maxPdfPages: number;
  /** Longest time one document may take, in seconds. */
  maxSecondsPerDocument: number;
}

const MB = 1024 * 1024;

/** Limits generous enough for any real county plan and small enough to refuse a bomb. */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxFileBytes: 50 * MB,
  maxDocxUncompressedBytes: 200 * MB,
  maxDocxEntries: 2000,
  maxPdfPages: 2000,
  maxSecondsPerDocument: 60,
});

/**
 * Make a full set of limits from overrides.
 *
 * @param overrides
 *   Limits to change (optional; default: none).
 * @returns
 *   `DEFAULT_LIMITS` with the overrides applied.
 */
export function resolveLimits(overrides: Partial<Limits> = {}): Limits {
  return { ...DEFAULT_LIMITS, ...overrides };
}

/**
 * Format a byte count for a reason: whole MB from 1 MB up, else KB or bytes.
 *
 * @param bytes
 *   A byte count.
 * @returns
 *   E.g. `61 MB`, `512 KB`, `12 bytes`.
 */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Math.round(bytes / MB)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/**
 * Refuse a file larger than the limit.
 *
 * @param size
 *   The file's size in bytes.
 * @param limits
 *   The limits (default: `DEFAULT_LIMITS`).
 * @throws {ReadError}
 *   `file too large: 61 MB (limit 50 MB)`.
 */
export function checkFileSize(size: number, limits: Limits = DEFAULT_LIMITS): void {
  if (size > limits.maxFileBytes) {
    throw new ReadError(`file too large: ${formatBytes(size)} (limit ${formatBytes(limits.maxFileBytes)})`);
  }
}

/**
 * Refuse a .docx whose zip holds too many entries or would unpack too large,
 * judged from the sizes its central directory declares, before inflating anything.
 *
 * @param entries
 *   Number of entries in the zip.
 * @param uncompressedBytes
 *   Sum of the entries' declared uncompressed sizes.
 * @param limits
 *   The limits (default: `DEFAULT_LIMITS`).
 * @throws {ReadError}
 *   `.docx too large: 1024 MB uncompressed (limit 200 MB), a zip bomb?` or
 *   `.docx has too many parts: 5000 (limit 2000)`.
 */
export function checkDocxSize(entries: number, uncompressedBytes: number, limits: Limits = DEFAULT_LIMITS): void {
  checkZipSize('.docx', entries, uncompressedBytes, limits);
}

/**
 * Refuse a zip package (.docx, .xlsx) that holds too many entries or would unpack too
 * large, judged from the sizes its central directory declares, before inflating anything.
 *
 * @param label
 *   The format named in the reason (`.docx`, `.xlsx`).
 * @param entries
 *   Number of entries in the zip.
 * @param uncompressedBytes
 *   Sum of the entries' declared uncompressed sizes.
 * @param limits
 *   The limits (default: `DEFAULT_LIMITS`); the .docx limits apply to every zip package.
 * @throws {ReadError}
 *   `.xlsx too large: 1024 MB uncompressed (limit 200 MB), a zip bomb?` or
 *   `.xlsx has too many parts: 5000 (limit 2000)`.
 */
export function checkZipSize(label: string, entries: number, uncompressedBytes: number, limits: Limits = DEFAULT_LIMITS): void {
  if (entries > limits.maxDocxEntries) {
    throw new ReadError(`${label} has too many parts: ${entries} (limit ${limits.maxDocxEntries})`);
  }
  if (uncompressedBytes > limits.maxDocxUncompressedBytes) {
    throw new ReadError(
      `${label} too large: ${formatBytes(uncompressedBytes)} uncompressed (limit ${formatBytes(limits.maxDocxUncompressedBytes)}), a zip bomb?`,
    );
  }
}

/**
 * Refuse a PDF with more pages than the limit.
 *
 * @param pages
 *   The PDF's page count.
 * @param limits
 *   The limits (default: `DEFAULT_LIMITS`).
 * @throws {ReadError}
 *   `PDF too long: 5000 pages (limit 2000)`.
 */
export function checkPdfPages(pages: number, limits: Limits = DEFAULT_LIMITS): void {
  if (pages > limits.maxPdfPages) {
    throw new ReadError(`PDF too long: ${pages} pages (limit ${limits.maxPdfPages})`);
  }
}

/**
 * Run a piece of work under the per-document time limit. The work is not
 * cancelled (JavaScript cannot stop a promise); its result is ignored once late.
 *
 * @param work
 *   The work.
 * @param limits
 *   The limits (default: `DEFAULT_LIMITS`).
 * @returns
 *   The work's result.
 * @throws {ReadError}
 *   `timed out after 60 s (limit per document)` when the work is late; the
 *   work's own error otherwise.
 */
export async function withTimeLimit<T>(work: Promise<T>, limits: Limits = DEFAULT_LIMITS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ReadError(`timed out after ${limits.maxSecondsPerDocument} s (limit per document)`)),
      limits.maxSecondsPerDocument * 1000,
    );
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
