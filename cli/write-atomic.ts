/**
 * Write a file atomically: to a temporary name beside it, then rename, so an
 * interrupted run never leaves a half-written output.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Folders this process has created or found (bounded: a batch has one per plan). */
const made = new Set<string>();

/**
 * Write `content` to `path` atomically, creating folders as needed.
 *
 * @param path
 *   Destination file.
 * @param content
 *   Text or bytes.
 */
export async function writeAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const folder = dirname(path);
  // A plan writes several files into one folder: create it once per process.
  if (!made.has(folder)) {
    await mkdir(folder, { recursive: true });
    made.add(folder);
  }
  const temporary = temporaryName(path);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    // A failed write (a full disk, a folder in the way) leaves no partial temporary behind.
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * The temporary name a file is written under before it is renamed into place:
 * `<file>.plancheck-<pid>-<random>.tmp`, a shape only plancheck writes (see clean-temporary.ts).
 *
 * @param path
 *   The destination file.
 */
export function temporaryName(path: string): string {
  return `${path}.plancheck-${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
}
