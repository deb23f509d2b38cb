/**
 * Write a file atomically: to a temporary name beside it, then rename, so an
 * interrupted run never leaves a half-written output.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
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
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, path);
}
