// The content hash of the sources that the bundle in dist/ is built from: bin/plancheck.js
// compares it with the one scripts/build.mjs recorded, so a bundle never runs stale code.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const FOLDERS = ['cli', 'pipeline', 'extractors', 'reports'];

/**
 * Hash every source file of the bundle (names and contents, in a fixed order).
 *
 * @param {string} root the project folder
 * @returns {string} the hex digest
 */
export function hashSources(root) {
  const hash = createHash('sha256');
  for (const folder of FOLDERS) {
    const names = readdirSync(join(root, folder)).filter((name) => /\.(ts|json|mjs)$/.test(name)).sort();
    for (const name of names) hash.update(`${folder}/${name}\0`).update(readFileSync(join(root, folder, name)));
  }
  return hash.digest('hex');
}
