/**
 * Write a file atomically: to a temporary name beside it, then rename, so an
 * interrupted run never leaves a half-written output.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Write `content` to `path` atomically, creating folders as needed.
 *
 * @param path
 *   Destination file.
 * @param content
 *   Text or bytes.
 */
export async function writeAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, path);
}
