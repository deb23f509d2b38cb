/**
 * Remove temporary files that an interrupted run left in the output folder
 * (`<file>.plancheck-<pid>-<random>.tmp`, see write-atomic.ts), so that a killed run
 * leaves nothing behind after the next one. Only that exact shape, whose writer
 * is gone, is removed: a user's own `*.tmp` files are never touched.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const TEMPORARY = /\.plancheck-(\d+)-[a-z0-9]+\.tmp$/;

/**
 * Delete stale temporary files below a folder.
 *
 * @param dir
 *   The output folder.
 * @returns
 *   How many were removed.
 */
export async function cleanTemporaryFiles(dir: string): Promise<number> {
  let removed = 0;
  const visit = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await visit(path);
      else if (entry.isFile() && isStale(entry.name)) {
        await rm(path, { force: true });
        removed++;
      }
    }
  };
  await visit(dir);
  return removed;
}

/** A temporary file is stale when the process that wrote it (its pid) is gone. */
function isStale(name: string): boolean {
  const match = TEMPORARY.exec(name);
  if (!match) return false;
  const pid = Number(match[1]);
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
