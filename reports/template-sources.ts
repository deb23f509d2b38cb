/**
 * The report templates, read once from `templates/` beside this package:
 * `<name>.hbs` are templates, `partials/<name>.hbs` partials. This is the one
 * place reports/ reads files, and only its own assets.
 */
import { readdir, readFile } from 'node:fs/promises';

/** Template and partial sources by name. */
export interface TemplateSources {
  templates: Record<string, string>;
  partials: Record<string, string>;
}

const TEMPLATES = new URL('../templates/', import.meta.url);
let cached: Promise<TemplateSources> | undefined;

/**
 * Load every template and partial (cached after the first call).
 *
 * @returns
 *   The sources by name.
 */
export function loadTemplateSources(): Promise<TemplateSources> {
  cached ??= readSources();
  return cached;
}

async function readSources(): Promise<TemplateSources> {
  return { templates: await readFolder(TEMPLATES), partials: await readFolder(new URL('partials/', TEMPLATES)) };
}

async function readFolder(folder: URL): Promise<Record<string, string>> {
  const sources: Record<string, string> = {};
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.hbs')) continue;
    sources[entry.name.slice(0, -'.hbs'.length)] = await readFile(new URL(entry.name, folder), 'utf8');
  }
  return sources;
}
