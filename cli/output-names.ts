/**
 * Output names: each input's path relative to the inputs' common folder,
 * without its extension, sanitised, and made unique (`x`, `x-2`, …).
 */
import { basename, dirname, extname, relative, sep } from 'node:path';

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
  const used = new Set<string>(['summary', 'index', 'overview', 'bench']);
  return paths.map((path) => {
    const rel = relative(base, path).split(sep);
    const file = rel.pop() ?? basename(path);
    const stem = sanitise(file.slice(0, file.length - extname(file).length) || file);
    const folders = rel.map(sanitise).filter((part) => part !== '');
    const wanted = [...folders, stem].join('/');
    let name = wanted;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${wanted}-${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** Keep letters (CJK included), digits, `-`, `_`, `.`; no leading dots or dashes. */
function sanitise(part: string): string {
  return part
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\-_.]+/gu, '_')
    .replace(/^[.\-]+/, '')
    .slice(0, 120) || '_';
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
