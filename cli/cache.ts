/**
 * Content-addressed cache of models: the key is a hash of the file's bytes,
 * its name and the pipeline version, so an unchanged input is not processed
 * twice and a changed input or a changed pipeline always is.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomic } from './write-atomic.ts';

/**
 * The cache key of an input.
 *
 * @param data
 *   The file's bytes.
 * @param fileName
 *   Its file name (the model records it).
 * @param version
 *   The pipeline version (see `pipelineVersion`).
 */
export function cacheKey(data: Uint8Array, fileName: string, version: string): string {
  return createHash('sha256').update(version).update('\0').update(fileName).update('\0').update(data).digest('hex');
}

/**
 * Read a cached model.
 *
 * @returns
 *   The model's JSON text, or `null` when absent.
 */
export async function readCache(cacheDir: string, key: string): Promise<string | null> {
  return readFile(join(cacheDir, key.slice(0, 2), `${key}.json`), 'utf8').catch(() => null);
}

/** Store a model's JSON text under its key. */
export async function writeCache(cacheDir: string, key: string, json: string): Promise<void> {
  await writeAtomic(join(cacheDir, key.slice(0, 2), `${key}.json`), json);
}

/**
 * The pipeline version: a hash of the package version and every source file
 * of the pipeline and extractors, so that any code change invalidates the cache.
 *
 * @param root
 *   The project's root folder.
 */
export async function pipelineVersion(root: string): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await readFile(join(root, 'package.json')));
  for (const folder of ['pipeline', 'extractors', 'extractors/dict']) {
    const names = (await readdir(join(root, folder)).catch(() => [] as string[])).filter((n) => /\.(ts|json|utf8|txt)$/.test(n)).sort();
    for (const name of names) hash.update(name).update(await readFile(join(root, folder, name)));
  }
  return hash.digest('hex').slice(0, 16);
}
