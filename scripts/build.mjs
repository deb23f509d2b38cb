#!/usr/bin/env node
// Bundles the CLI and its worker into dist/ with esbuild (packages stay external), so that a run
// starts without compiling TypeScript on the fly. bin/plancheck.js runs the bundle when it is newer
// than every source file and falls back to the sources (through tsx) otherwise. Files are written
// to a temporary name and renamed, so a run that starts during a build never reads half a file.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'esbuild';
import { hashSources } from './source-hash.mjs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sources = hashSources(root);
const result = await build({
  entryPoints: { main: 'cli/main.ts', 'worker-entry': 'cli/process-input.ts', 'worker-host': 'cli/worker-host.mjs' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  // Lazily imported modules (the pool, the readers, the reports) become chunks of their own beside
  // main.mjs (same folder, so paths relative to import.meta.url hold), and a start loads only what it runs.
  splitting: true,
  chunkNames: '[name]-[hash]',
  sourcemap: 'linked',
  logLevel: 'warning',
  write: false,
  absWorkingDir: root,
});
mkdirSync(`${root}dist`, { recursive: true });
// The worker first, main last: main's mtime is what bin/plancheck.js compares with the sources.
const outputs = [...result.outputFiles].sort((a, b) => Number(a.path.includes('/main.')) - Number(b.path.includes('/main.')));
for (const file of outputs) {
  mkdirSync(dirname(file.path), { recursive: true });
  const temporary = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temporary, file.contents);
  renameSync(temporary, file.path);
}
// The stamp last: a bundle is current only once all of it is in place.
writeFileSync(`${root}dist/sources.sha256.${process.pid}.tmp`, sources);
renameSync(`${root}dist/sources.sha256.${process.pid}.tmp`, `${root}dist/sources.sha256`);
