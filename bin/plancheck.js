#!/usr/bin/env node
// Entry point. Runs the bundle in dist/ (scripts/build.mjs) when it was built from exactly the
// sources that are here (a content hash, not file times); otherwise rebuilds it when esbuild is
// installed, and else runs the TypeScript sources through tsx.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { hashSources } from '../scripts/source-hash.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist/main.mjs');
const stamp = join(root, 'dist/sources.sha256');

async function useBundle() {
  const current = hashSources(root);
  if (existsSync(bundle) && existsSync(stamp) && readFileSync(stamp, 'utf8') === current) return true;
  try {
    await import(pathToFileURL(join(root, 'scripts/build.mjs')).href);
    return true;
  } catch {
    return false;
  }
}

let main;
if (await useBundle()) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
