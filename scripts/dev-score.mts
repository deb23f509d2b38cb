// Developer harness: ingest the corpus renditions of one format, run every extractor that
// exists, write <dir>/<name>.json and run the shared scorer. Usage:
//   npx tsx scripts/dev-score.mts [--format txt|docx|pdf|md] [--dir /tmp/x] [--verbose]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, extname, basename } from 'node:path';
import { ingest } from '../pipeline/ingest/ingest.ts';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => { const i = args.indexOf(n); return i >= 0 ? args[i + 1]! : d; };
const format = opt('--format', 'txt');
const dir = opt('--dir', `/tmp/dev-score-${format}`);
const folder = format === 'txt' ? 'corpus' : `corpus/${format}`;
mkdirSync(dir, { recursive: true });

async function load(name: string): Promise<((...a: any[]) => any) | undefined> {
  const path = `../extractors/${name}.ts`;
  if (!existsSync(new URL(path, import.meta.url))) return undefined;
  const mod = await import(path);
  return Object.values(mod).find((v) => typeof v === 'function' && (v as Function).name.startsWith('extract')) as any;
}
const pick = async (file: string, fn: string) => {
  if (!existsSync(new URL(`../extractors/${file}.ts`, import.meta.url))) return undefined;
  return (await import(`../extractors/${file}.ts`))[fn] as ((...a: any[]) => any) | undefined;
};
const extractTargets = await pick('targets', 'extractTargets');
const extractDeadlines = await pick('deadlines', 'extractDeadlines');
const extractResponsibilities = await pick('responsibilities', 'extractResponsibilities');
const extractCoverage = await pick('coverage', 'extractCoverage');
void load;

for (const f of readdirSync(folder).filter((f) => ['.txt', '.md', '.docx', '.pdf'].includes(extname(f)))) {
  const doc = await ingest(readFileSync(join(folder, f)), extname(f));
  const targets = extractTargets ? await extractTargets(doc.blocks, doc.metadata) : [];
  const out = {
    document: f,
    metadata: doc.metadata,
    targets,
    deadlines: extractDeadlines ? await extractDeadlines(doc.blocks, doc.metadata) : [],
    responsibilities: extractResponsibilities ? await extractResponsibilities(doc.blocks, doc.metadata) : [],
    coverage: extractCoverage ? await extractCoverage(doc.blocks, targets) : {},
  };
  writeFileSync(join(dir, `${basename(f, extname(f))}.json`), JSON.stringify(out, null, 2));
}
const score = ['../shared/eval/score.mjs', '--pred', dir, '--gold', '../shared/gold'];
if (args.includes('--verbose')) score.push('--verbose');
process.stdout.write(execFileSync('node', score, { encoding: 'utf8' }));
