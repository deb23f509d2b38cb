// The content hash of the sources that the bundle in dist/ is built from: bin/plancheck.js
// compares it with the one scripts/build.mjs recorded, so a bundle never runs stale code.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const FOLDERS = ['cli', 'model', 'pipeline', 'extractors', 'reports', 'audit'];

/**
 * Hash every source file of the bundle (names and contents, in a fixed order).
 *
 * @param {string} root the project folder
 * @returns {string} the hex digest
 */
export function hashSources(root) {
  const hash = createHash('sha256');
  for (const folder of FOLDERS) hashFolder(hash, root, folder);
  return hash.digest('hex');
}

/** Every source file under a folder, subfolders included, names sorted. */
function hashFolder(hash, root, folder) {
  let names;
  try {
    names = readdirSync(join(root, folder)).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const path = `${folder}/${name}`;
    if (statSync(join(root, path)).isDirectory()) hashFolder(hash, root, path);
    else if (/\.(ts|json|mjs)$/.test(name)) hash.update(`${path}\0`).update(readFileSync(join(root, path)));
  }
}
