#!/usr/bin/env node
// Entry point. Runs the bundle in dist/ (scripts/build.mjs) when it is newer than every source file;
// otherwise rebuilds it when esbuild is installed, and else runs the TypeScript sources through tsx.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bundle = join(root, 'dist/main.mjs');
const SOURCES = ['cli', 'pipeline', 'extractors', 'reports'];

function newestSource() {
  let newest = 0;
  for (const folder of SOURCES) {
    for (const name of readdirSync(join(root, folder))) {
      if (name.endsWith('.ts') || name.endsWith('.json')) newest = Math.max(newest, statSync(join(root, folder, name)).mtimeMs);
    }
  }
  return newest;
}

async function useBundle() {
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource()) return true;
  try {
    await import(join(root, 'scripts/build.mjs'));
    return true;
  } catch {
    return false;
  }
}

let main;
if (await useBundle()) {
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
