/**
 * Folders plancheck writes into are real folders inside the output folder: a link planted where a
 * plan's folder (or the cache) goes is replaced by a folder, so no output lands where it points.
 */
import { lstat, mkdir, unlink } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

/**
 * Make `folder` a real folder below `root`, replacing every link on the way by a folder.
 *
 * @param root
 *   The output folder (itself taken as given: the user chose it).
 * @param folder
 *   A folder at or below `root`.
 * @throws
 *   When `folder` is not below `root`; a regular file on the way makes a later write fail (ENOTDIR).
 */
export async function makeRealFolder(root: string, folder: string): Promise<void> {
  const rel = relative(root, folder);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) throw new Error(`${folder} is not inside ${root}`);
  let current = root;
  for (const part of rel.split(sep).filter((name) => name !== '')) {
    current = join(current, part);
    const info = await lstat(current).catch(() => null);
    if (info?.isDirectory()) continue;
    if (info && !info.isSymbolicLink()) return;
    if (info) await unlink(current);
    await mkdir(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  }
}
