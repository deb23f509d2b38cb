/**
 * Output names: each input's path relative to the inputs' common folder,
 * without its extension, sanitised, and made unique (`x`, `x-2`, …). No name
 * takes the place of a batch file or folder (`summary.json`, `index.html`, …).
 */
import { basename, dirname, extname, relative, sep } from 'node:path';

/**
 * What a batch writes at the top of the output folder (lower case): no plan's `<name>.json` or
 * `<name>/` may be one of these, nor may a plan's first folder.
 */
export const BATCH_OUTPUTS = ['summary.json', 'index.html', 'overview.csv', 'overview.xlsx', 'bench.json', 'readme.md', 'screenshots', '.cache'];
/** Top-level names a plan may not have: the batch outputs, and names whose `.json` is one. */
const RESERVED = new Set([...BATCH_OUTPUTS, ...BATCH_OUTPUTS.filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)), 'index', 'overview']);

/**
 * Name the output of every input.
 *
 * @param paths
 *   Absolute input paths, in input order.
 * @returns
 *   One relative output name per path (posix separators, no extension).
 */
export function outputNames(paths: string[]): string[] {
  const base = commonFolder(paths);
  const used = new Set<string>(RESERVED);
  const names = paths.map((path) => {
    const rel = relative(base, path).split(sep);
    const file = rel.pop() ?? basename(path);
    const stem = sanitise(file.slice(0, file.length - extname(file).length) || file);
    const folders = rel.map(sanitise).filter((part) => part !== '');
    // A plan under a folder named like a batch output (`index.html/plan.txt`) gets its folder renamed.
    if (folders[0] !== undefined && RESERVED.has(folders[0].toLowerCase())) folders[0] = `${folders[0]}-2`;
    const wanted = [...folders, stem].join('/');
    let name = wanted;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${wanted}-${n}`;
    used.add(name.toLowerCase());
    return name;
  });
  // A plan's outputs are `<name>.json` and the folder `<name>/`: neither may be a folder that holds
  // other plans' outputs (inputs `x.txt` beside `x/…`, or beside a folder `x.json/`).
  const folders = new Set(names.flatMap((name) => name.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/').toLowerCase())));
  const clashes = (name: string) => folders.has(name.toLowerCase()) || folders.has(`${name}.json`.toLowerCase());
  return names.map((name) => {
    if (!clashes(name)) return name;
    let renamed = name;
    for (let n = 2; used.has(renamed.toLowerCase()) || clashes(renamed); n++) renamed = `${name}-${n}`;
    used.add(renamed.toLowerCase());
    return renamed;
  });
}

/** Longest name part in UTF-8 bytes: file systems allow 255, and `.json` and a temporary suffix are added. */
const MAX_PART_BYTES = 200;

/** Keep letters (CJK included), digits, `-`, `_`, `.`; no leading dots or dashes; at most MAX_PART_BYTES. */
function sanitise(part: string): string {
  const safe = part
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\-_.]+/gu, '_')
    .replace(/^[.\-]+/, '');
  let kept = '';
  let bytes = 0;
  for (const char of safe) {
    bytes += Buffer.byteLength(char);
    if (bytes > MAX_PART_BYTES) break;
    kept += char;
  }
  return kept || '_';
}

function commonFolder(paths: string[]): string {
  if (paths.length === 0) return '';
  let common = dirname(paths[0]!).split(sep);
  for (const path of paths.slice(1)) {
    const parts = dirname(path).split(sep);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join(sep) || sep;
}
