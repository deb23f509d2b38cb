// The folder layout's one rule: imports point down the stages (model ← extractors ← pipeline ← audit ← reports ← cli),
// and no module imports itself back through others.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const RANK: Record<string, number> = { model: 0, extractors: 1, pipeline: 2, audit: 3, reports: 4, cli: 5 };

function sources(folder: string, out: string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(join(root, folder));
  } catch {
    return out;
  }
  for (const name of names) {
    const path = posix.join(folder, name);
    if (statSync(join(root, path)).isDirectory()) sources(path, out);
    else if (/\.(ts|mts|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

/** Relative modules a file imports, statically or lazily, as repository paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]!);
  return found.map((spec) => posix.normalize(posix.join(posix.dirname(file), spec)));
}

const files = Object.keys(RANK).flatMap((folder) => sources(folder));
const edges = new Map(files.map((file) => [file, importsOf(file).filter((target) => !target.endsWith('.json'))]));

describe('layout', () => {
  it('finds the stages', () => {
    expect(files.filter((file) => file.startsWith('model/')).length).toBeGreaterThan(5);
    expect(files.some((file) => file.startsWith('pipeline/ingest/pdf/'))).toBe(true);
  });

  it.each(Object.keys(RANK))('%s/ imports nothing from a later stage', (folder) => {
    const upward: string[] = [];
    for (const [file, targets] of edges) {
      if (!file.startsWith(`${folder}/`)) continue;
      for (const target of targets) {
        const stage = target.split('/')[0]!;
        if (stage in RANK && RANK[stage]! > RANK[folder]!) upward.push(`${file} → ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('a format reader imports the shared ingest helpers, never the dispatcher or another format', () => {
    const wrong: string[] = [];
    for (const [file, targets] of edges) {
      const format = /^pipeline\/ingest\/([^/]+)\//.exec(file)?.[1];
      if (!format) continue;
      for (const target of targets) {
        const other = /^pipeline\/ingest\/([^/]+)\//.exec(target)?.[1];
        if (target === 'pipeline/ingest/ingest.ts' || target === 'pipeline/ingest/readers.ts') wrong.push(`${file} → ${target}`);
        // The OCR reader renders pages through the PDF reader's engine, and the OFD reader builds lines with the PDF reader's builder.
        if (other && other !== format && other !== 'pdf') wrong.push(`${file} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import cycle between modules', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((name) => relative('.', name)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const target of edges.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of edges.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});

