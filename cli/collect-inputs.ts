/**
 * Expand the CLI's arguments (files, folders, globs) into the list of input
 * files, in a stable order. A missing path is kept as an input that fails,
 * so that no argument is lost silently.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** One input to process, or an argument that named nothing readable. */
export interface InputFile {
  /** Absolute path. */
  path: string;
  /** Reason the input cannot be used, found while collecting. */
  error?: string;
}

/** fast-glob, loaded only when an argument is not a path (it takes a few tens of ms). */
let fg: typeof import('fast-glob') | undefined;

/** File extensions a folder walk picks up. Explicit file arguments are taken whatever their extension. */
export const DOCUMENT_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.docx', '.pdf'];

/**
 * Collect the inputs named by the arguments.
 *
 * @param args
 *   Paths, folders or glob patterns, as typed.
 * @param cwd
 *   Folder that relative arguments are resolved against.
 * @returns
 *   The inputs, folders walked recursively, without duplicates.
 */
export async function collectInputs(args: string[], cwd: string): Promise<InputFile[]> {
  const seen = new Set<string>();
  const inputs: InputFile[] = [];
  const add = (input: InputFile) => {
    if (seen.has(input.path)) return;
    seen.add(input.path);
    inputs.push(input);
  };
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      for (const file of await walkFolder(path)) add(file);
    } else if (info?.isFile()) {
      add({ path });
    } else if (info) {
      add({ path, error: 'not a regular file' });
    } else if ((fg ??= (await import('fast-glob')).default).isDynamicPattern(arg)) {
      const matches = await fg(arg, { cwd, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: false });
      if (matches.length === 0) add({ path, error: 'no file matches this pattern' });
      for (const match of matches.sort()) add({ path: resolve(match) });
    } else {
      const broken = await lstat(path).catch(() => undefined);
      add({ path, error: broken ? 'cannot read: broken link' : 'no such file or folder' });
    }
  }
  return inputs;
}

/** Walk a folder recursively, following links but never into a folder twice (link loops). */
async function walkFolder(root: string): Promise<InputFile[]> {
  const found: InputFile[] = [];
  const visited = new Set<string>();
  const visit = async (folder: string): Promise<void> => {
    const real = await realpath(folder).catch(() => folder);
    if (visited.has(real)) return;
    visited.add(real);
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      found.push({ path: folder, error: `cannot read folder: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      const info = entry.isSymbolicLink() ? await stat(path).catch(() => undefined) : entry;
      if (!info) {
        found.push({ path, error: 'cannot read: broken link' });
      } else if (info.isDirectory()) {
        await visit(path);
      } else if (info.isFile() && DOCUMENT_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) {
        found.push({ path });
      }
    }
  };
  await visit(root);
  return found;
}
