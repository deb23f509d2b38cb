/**
 * Content-addressed cache of results: the key is a hash of the file's bytes,
 * its name, its output name, the pipeline version and the standard, so an
 * unchanged input is not processed twice and a changed input, pipeline or
 * standard always is. An entry holds copies of the model and the plan's report
 * files and the result the batch needs (summary entry, slim model and diff),
 * with the hash of each: an entry that does not match its hashes is a miss.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { makeRealFolder } from './output-folder.ts';
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
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** A cache entry's record as stored: its body and the body's hash, so a damaged record is known. */
interface StoredRecord {
  hash: string;
  body: string;
}

/** The body of a record: the result, its report files, and the hash of every file of the entry. */
interface RecordBody<Result> extends CachedResult<Result> {
  /** SHA-256 of `model.json` and of each `files/<file>`, by entry-relative path. */
  hashes: Record<string, string>;
}

/**
 * Store a result: copies of the files already written to the output folder (copies, so that an
 * output edited in place never changes the cache), with a record holding the hash of each.
 *
 * @param cacheDir
 *   The cache folder (`out/.cache`).
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
  await makeRealFolder(dirname(cacheDir), dir);
  const hashes: Record<string, string> = {};
  const copy = async (from: string, part: string) => {
    const data = await readFile(from);
    hashes[part] = sha256(data);
    await writeAtomic(join(dir, part), data);
  };
  await copy(modelPath, 'model.json');
  for (const file of files) await copy(join(reportDir, file), join('files', file));
  // The record last: its presence says the entry is complete.
  const body: RecordBody<Result> = { result, files, hashes };
  const text = JSON.stringify(body);
  await writeAtomic(join(dir, 'result.json'), JSON.stringify({ hash: sha256(text), body: text } satisfies StoredRecord));
}

/**
 * Restore a cached result into the output folder, after checking every file of the entry against
 * its recorded hash: a damaged, truncated or edited entry is a miss (and is removed).
 *
 * @param cacheDir
 *   The cache folder (`out/.cache`).
 * @param key
 *   The input's key.
 * @param modelPath
 *   Where the model goes (`out/<name>.json`).
 * @param reportDir
 *   Where the report files go (`out/<name>/`).
 * @returns
 *   The cached record, or `null` on a miss or a bad entry.
 */
export async function restoreResult<Result>(cacheDir: string, key: string, modelPath: string, reportDir: string): Promise<Result | null> {
  const dir = entryDir(cacheDir, key);
  const stored = await readFile(join(dir, 'result.json'), 'utf8').catch(() => null);
  if (stored === null) return null;
  const body = verifiedBody<Result>(stored);
  const parts = body ? [['model.json', modelPath], ...body.files.map((file) => [join('files', file), join(reportDir, file)])] : [];
  const contents = await Promise.all(parts.map(([part]) => readFile(join(dir, part!)).catch(() => null)));
  if (!body || contents.some((data, i) => data === null || sha256(data) !== body.hashes[parts[i]![0]!])) {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    return null;
  }
  const outDir = dirname(cacheDir);
  try {
    for (const [i, [, to]] of parts.entries()) {
      await makeRealFolder(outDir, dirname(to!));
      // An output that already holds these bytes (a rerun over unchanged inputs) is left as it is.
      const current = await readFile(to!).catch(() => null);
      if (current === null || sha256(current) !== body.hashes[parts[i]![0]!]) await writeAtomic(to!, contents[i]!);
    }
  } catch {
    return null;
  }
  return body.result;
}

/** A record's body when its hash holds and its shape is a record's, else `null`. */
function verifiedBody<Result>(stored: string): RecordBody<Result> | null {
  try {
    const record = JSON.parse(stored) as Partial<StoredRecord>;
    if (typeof record.body !== 'string' || record.hash !== sha256(record.body)) return null;
    const body = JSON.parse(record.body) as RecordBody<Result>;
    if (!Array.isArray(body.files) || typeof body.hashes !== 'object' || body.hashes === null) return null;
    return body;
  } catch {
    return null;
  }
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
