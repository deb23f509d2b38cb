/**
 * Load the standard to compare plans with: the bundled national standard
 * (corpus/standards/jiaodu-2017-6.json) and any overlay files given with
 * `--standard`, later ones overriding earlier ones.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Standard } from '../model/standard.ts';
import { writeAtomic } from './write-atomic.ts';

const NATIONAL = new URL('../corpus/standards/jiaodu-2017-6.json', import.meta.url);

/**
 * Read and merge the standard files. The merged, validated standard is kept in the cache
 * folder under a hash of the files' text, so a rerun does not validate it again.
 *
 * @param overlayPaths
 *   Overlay files, in the order given.
 * @param cacheDir
 *   The cache folder, or `null` for no cache.
 * @param allowLooser
 *   Accept an overlay that loosens a national threshold (`--allow-looser`).
 * @returns
 *   The standard, or the one-line reason it cannot be loaded.
 */
export async function loadStandardFiles(overlayPaths: string[], cacheDir: string | null, allowLooser = false): Promise<Standard | { error: string }> {
  const texts: string[] = [];
  for (const path of [NATIONAL, ...overlayPaths]) {
    try {
      texts.push(await readFile(path, 'utf8'));
    } catch (error) {
      return { error: `无法读取标准文件 ${String(path)}：${(error as Error).message.split('\n')[0]}` };
    }
  }
  const hash = createHash('sha256').update(`${allowLooser}\0${texts.join('\0')}`).digest('hex').slice(0, 32);
  const cached = cacheDir ? join(cacheDir, `standard-${hash}.json`) : null;
  if (cached) {
    const known = await readFile(cached, 'utf8').catch(() => null);
    const standard = known === null ? null : verifiedStandard(known);
    if (standard) return standard;
  }
  // zod is loaded only when a standard has to be validated.
  const { loadStandard, StandardError } = await import('../model/standard.ts');
  try {
    const [base, ...overlays] = texts.map((text, i) => parseJson(text, i === 0 ? String(NATIONAL) : overlayPaths[i - 1]!));
    const standard = loadStandard(base, overlays, { allowLooser });
    if (cached) await writeAtomic(cached, storedStandard(standard)).catch(() => undefined);
    return standard;
  } catch (error) {
    if (error instanceof StandardError) return { error: `标准无效：${error.message}` };
    return { error: `无法载入标准：${(error as Error).message.split('\n')[0]}` };
  }
}

/** The cached standard with the hash of its text, so a damaged copy is known (and validated again). */
function storedStandard(standard: Standard): string {
  const body = JSON.stringify(standard);
  return JSON.stringify({ hash: createHash('sha256').update(body).digest('hex'), body });
}

function verifiedStandard(stored: string): Standard | null {
  try {
    const { hash, body } = JSON.parse(stored) as { hash?: unknown; body?: unknown };
    if (typeof body !== 'string' || hash !== createHash('sha256').update(body).digest('hex')) return null;
    return JSON.parse(body) as Standard;
  } catch {
    return null;
  }
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}
