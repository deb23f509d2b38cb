/**
 * Expand the CLI's arguments (files, folders, globs) into the list of input
 * files, in a stable order. A missing path is kept as an input that fails,
 * so that no argument is lost silently. A folder walk stays inside the folder:
 * a link that leads out of it is listed as skipped, and plancheck's own output
 * folders (the --out folder, any folder holding a plancheck summary or cache)
 * are not walked.
 */
import { open, lstat, readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** One input to process, or an argument that named nothing readable. */
export interface InputFile {
  /** Absolute path. */
  path: string;
  /** Reason the input cannot be used, found while collecting. */
  error?: string;
  /** Reason the walk passed the input by (a link leading out of the folder). */
  skip?: string;
}

/** Options of a collection. */
export interface CollectOptions {
  /** Folders never walked (the output folder), as absolute paths. */
  exclude?: string[];
}

/** The reason a link out of a walked folder is skipped. */
export const OUTSIDE_LINK = 'a link that leads outside the folder';

/** fast-glob, loaded only when an argument is not a path (it takes a few tens of ms). */
let fg: typeof import('fast-glob') | undefined;

/** File extensions a folder walk picks up. Explicit file arguments are taken whatever their extension. */
export const DOCUMENT_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.docx', '.pdf', '.ofd', '.html', '.htm', '.shtml', '.xhtml', '.mhtml', '.mht', '.doc', '.wps', '.xlsx', '.xls', '.csv'];

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
export async function collectInputs(args: string[], cwd: string, options: CollectOptions = {}): Promise<InputFile[]> {
  const excluded = new Set(await Promise.all((options.exclude ?? []).map((path) => realpath(path).catch(() => path))));
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
      for (const file of await walkFolder(path, excluded)) add(file);
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

/**
 * Walk a folder recursively, following links that stay inside it but never into a folder twice
 * (link loops), and never into plancheck's output folders.
 */
async function walkFolder(root: string, excluded: ReadonlySet<string>): Promise<InputFile[]> {
  const found: InputFile[] = [];
  const visited = new Set<string>();
  const realRoot = await realpath(root).catch(() => root);
  const visit = async (folder: string): Promise<void> => {
    const real = await realpath(folder).catch(() => folder);
    if (visited.has(real)) return;
    visited.add(real);
    if (excluded.has(real) || (await isPlancheckOutput(real))) return;
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
      if (entry.isSymbolicLink()) {
        const target = await realpath(path).catch(() => undefined);
        if (target !== undefined && !isInside(realRoot, target)) {
          found.push({ path, skip: OUTSIDE_LINK });
          continue;
        }
      }
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

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** A folder plancheck wrote: its batch cache stamp, or a summary.json in plancheck's shape. */
async function isPlancheckOutput(folder: string): Promise<boolean> {
  if (await lstat(join(folder, '.cache', 'batch-key')).then(() => true, () => false)) return true;
  const handle = await open(join(folder, 'summary.json')).catch(() => undefined);
  if (!handle) return false;
  try {
    const head = Buffer.alloc(32);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return /^\{\s*"inputs":\s*\d/.test(head.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}
