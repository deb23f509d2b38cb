/**
 * Content-addressed cache of results: the key is a hash of the file's bytes,
 * its name, its output name, the pipeline version and the standard, so an
 * unchanged input is not processed twice and a changed input, pipeline or
 * standard always is. An entry holds the model, the plan's report files and
 * the result the batch needs (summary entry, slim model and diff).
 */
import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readFile, readdir, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeAtomic } from './write-atomic.ts';

/** What a cache entry records besides its files. */
export interface CachedResult<Result> {
  result: Result;
  /** Report files, relative to the plan's report folder. */
  files: string[];
}

/**
 * The cache key of an input.
 *
 * @param data
 *   The file's bytes.
 * @param parts
 *   Everything else the result depends on: file name, output name, pipeline version, standard id.
 */
export function cacheKey(data: Uint8Array, parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.update(data).digest('hex');
}

const entryDir = (cacheDir: string, key: string) => join(cacheDir, key.slice(0, 2), key);

/**
 * Store a result: the files already written to the output folder, hard-linked
 * into the cache (copied where links are not possible), and the result record.
 *
 * @param cacheDir
 *   The cache folder.
 * @param key
 *   The input's key.
 * @param modelPath
 *   The written model (`out/<name>.json`).
 * @param reportDir
 *   The folder of the written report files (`out/<name>/`).
 * @param files
 *   The report files, relative to `reportDir`.
 * @param result
 *   The record to give back on a hit.
 */
export async function storeResult<Result>(cacheDir: string, key: string, modelPath: string, reportDir: string, files: string[], result: Result): Promise<void> {
  const dir = entryDir(cacheDir, key);
  await linkAtomic(modelPath, join(dir, 'model.json'));
  for (const file of files) await linkAtomic(join(reportDir, file), join(dir, 'files', file));
  // The record last: its presence says the entry is complete.
  const record: CachedResult<Result> = { result, files };
  await writeAtomic(join(dir, 'result.json'), JSON.stringify(record));
}

/**
 * Restore a cached result into the output folder.
 *
 * @param cacheDir
 *   The cache folder.
 * @param key
 *   The input's key.
 * @param modelPath
 *   Where the model goes (`out/<name>.json`).
 * @param reportDir
 *   Where the report files go (`out/<name>/`).
 * @returns
 *   The cached record, or `null` on a miss or an incomplete entry.
 */
export async function restoreResult<Result>(cacheDir: string, key: string, modelPath: string, reportDir: string): Promise<Result | null> {
  const dir = entryDir(cacheDir, key);
  let record: CachedResult<Result>;
  try {
    record = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8'));
  } catch {
    return null;
  }
  try {
    await linkAtomic(join(dir, 'model.json'), modelPath);
    for (const file of record.files) await linkAtomic(join(dir, 'files', file), join(reportDir, file));
  } catch {
    return null;
  }
  return record.result;
}

/**
 * Make `to` the same file as `from`: nothing to do when it already is (a rerun
 * over unchanged inputs), else a hard link, or a copy across file systems;
 * through a temporary name, so `to` is never half there.
 */
async function linkAtomic(from: string, to: string): Promise<void> {
  const [source, target] = await Promise.all([stat(from), stat(to).catch(() => null)]);
  if (target && target.ino === source.ino && target.dev === source.dev) return;
  await mkdir(dirname(to), { recursive: true });
  const temporary = `${to}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await link(from, temporary);
  } catch {
    await copyFile(from, temporary);
  }
  await rename(temporary, to);
}

/**
 * The pipeline version: a hash of the package version and every source file
 * of the CLI, pipeline, extractors and reports, so that any code change invalidates the cache.
 *
 * @param root
 *   The project's root folder.
 */
export async function pipelineVersion(root: string): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await readFile(join(root, 'package.json')));
  for (const folder of ['cli', 'pipeline', 'extractors', 'extractors/dict', 'reports', 'templates', 'templates/partials']) {
    const names = (await readdir(join(root, folder)).catch(() => [] as string[])).filter((n) => /\.(ts|json|utf8|hbs)$/.test(n)).sort();
    for (const name of names) hash.update(name).update(await readFile(join(root, folder, name)));
  }
  return hash.digest('hex').slice(0, 16);
}
