/**
 * Before a run processes anything: every input's cache key, and the results
 * the cache already holds (restored into the output folder).
 */
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { cacheKey, restoreResult } from './cache.ts';
import type { InputResult, InputTask } from './process-input.ts';
import { readInputBytes } from './read-input.ts';
import { DEFAULT_PDF_ENGINE } from '../pipeline/ingest/pdf/engine.ts';

/**
 * Give a task its cache key, and restore its result when the cache has it.
 *
 * @returns
 *   The cached result (marked `cached`), or `null` when the input must be processed.
 */
export async function lookUpCache(task: InputTask, cacheDir: string, version: string): Promise<InputResult | null> {
  let data: Uint8Array;
  try {
    // Only regular files within the size limit are hashed here; the worker reports the others.
    data = await readInputBytes(task.path, task.limits);
  } catch {
    return null;
  }
  const key = cacheKey(data, [
    version,
    task.standard?.id ?? 'models-only',
    JSON.stringify(task.standard?.indicators ?? null),
    JSON.stringify(task.limits),
    task.pdfEngine ?? DEFAULT_PDF_ENGINE,
    task.ocr === false ? 'no-ocr' : 'ocr',
    basename(task.path),
    task.name,
    // A bundle's annexes, by name and content: a changed annex is a changed input.
    ...(await annexKeys(task)),
  ]);
  task.cache = { dir: cacheDir, key };
  const cached = await restoreResult<InputResult>(cacheDir, key, join(task.outDir, `${task.name}.json`), join(task.outDir, task.name));
  if (!cached) return null;
  return { ...cached, entry: { ...cached.entry, input: task.shown, cached: true } };
}

/** Map over items with at most `limit` calls in flight; results in input order. */
export async function mapWithLimit<T, R>(items: T[], limit: number, map: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Each annex of a bundle as `name:sha256`; an annex that cannot be read makes the input uncacheable this time. */
async function annexKeys(task: InputTask): Promise<string[]> {
  const keys: string[] = [];
  for (const path of task.annexes ?? []) {
    const data = await readInputBytes(path, task.limits).catch(() => null);
    keys.push(`${basename(path)}:${data ? createHash('sha256').update(data).digest('hex') : `unreadable-${Date.now()}-${Math.random()}`}`);
  }
  return keys;
}
