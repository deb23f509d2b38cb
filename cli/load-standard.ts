/**
 * Load the standard to compare plans with: the bundled national standard
 * (corpus/standards/jiaodu-2017-6.json) and any overlay files given with
 * `--standard`, later ones overriding earlier ones.
 */
import { readFile } from 'node:fs/promises';
import { loadStandard, StandardError, type Standard } from '../pipeline/standard.ts';

const NATIONAL = new URL('../corpus/standards/jiaodu-2017-6.json', import.meta.url);

/**
 * Read and merge the standard files.
 *
 * @param overlayPaths
 *   Overlay files, in the order given.
 * @returns
 *   The standard, or the one-line reason it cannot be loaded.
 */
export async function loadStandardFiles(overlayPaths: string[]): Promise<Standard | { error: string }> {
  const readJson = async (path: string | URL) => JSON.parse(await readFile(path, 'utf8')) as unknown;
  try {
    const base = await readJson(NATIONAL);
    const overlays: unknown[] = [];
    for (const path of overlayPaths) {
      try {
        overlays.push(await readJson(path));
      } catch (error) {
        return { error: `cannot read standard ${path}: ${(error as Error).message.split('\n')[0]}` };
      }
    }
    return loadStandard(base, overlays);
  } catch (error) {
    if (error instanceof StandardError) return { error: `invalid standard: ${error.message}` };
    return { error: `cannot load the standard: ${(error as Error).message}` };
  }
}
