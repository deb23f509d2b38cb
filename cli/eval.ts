/**
 * `plancheck eval`: score the models in a folder against a folder of gold
 * files and print precision, recall and F1 per kind and per document, the
 * coverage and the role agreement, in the shared scorer's words.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { scoreDocument, toPrf, toShare, type Counts, type DocumentScore } from './evaluate.ts';

const f3 = (x: number) => x.toFixed(3);

/**
 * Run the eval command.
 *
 * @param argv
 *   Arguments after `eval`.
 * @param cwd
 *   Working folder.
 * @returns
 *   Exit code: 0, or 2 for a usage error.
 */
export async function runEval(argv: string[], cwd: string): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { pred: { type: 'string', default: 'out' }, gold: { type: 'string' }, verbose: { type: 'boolean' }, json: { type: 'boolean' } } }));
  } catch (error) {
    process.stderr.write(`plancheck eval: ${(error as Error).message}\n`);
    return 2;
  }
  if (!values.gold) {
    process.stderr.write('plancheck eval: --gold DIR is required\nUsage: plancheck eval --pred DIR --gold DIR [--verbose] [--json]\n');
    return 2;
  }
  const predDir = resolve(cwd, values.pred ?? 'out');
  const goldDir = resolve(cwd, values.gold);
  for (const [option, dir] of [['--pred', predDir], ['--gold', goldDir]] as const) {
    if (!(await stat(dir).catch(() => null))?.isDirectory()) {
      process.stderr.write(`plancheck eval: ${option} ${dir}: not a folder\n`);
      return 2;
    }
  }
  let result: EvalResult;
  try {
    result = await evaluateFolders(predDir, goldDir);
  } catch (error) {
    process.stderr.write(`plancheck eval: ${(error as Error).message.split('\n')[0]}\n`);
    return 1;
  }
  // As the shared scorer does: a gold file without a prediction is a note on stderr, scored as an empty prediction.
  for (const id of result.missing) process.stderr.write(`${id}: no prediction file named ${id}.json under ${predDir}\n`);
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatEval(result, Boolean(values.verbose)));
  return 0;
}

/** The figures of an evaluation run. */
export interface EvalResult {
  documents: DocumentScore[];
  missing: string[];
  micro: {
    targets: ReturnType<typeof toPrf>;
    deadlines: ReturnType<typeof toPrf>;
    responsibilities: ReturnType<typeof toPrf>;
    /** Share of the gold's coverage ids the prediction gets right (0 with no gold ids). */
    coverage: number;
    /** Share of the (task, department) pairs both sides have on which the roles agree (1 with no such pair). */
    roles: number;
  };
}

/**
 * Score every gold file against the shallowest `<id>.json` under the prediction folder.
 *
 * @param predDir
 *   Folder of models.
 * @param goldDir
 *   Folder of gold files.
 */
export async function evaluateFolders(predDir: string, goldDir: string): Promise<EvalResult> {
  const predictions = await indexPredictions(predDir);
  const documents: DocumentScore[] = [];
  const missing: string[] = [];
  for (const goldFile of (await readdir(goldDir)).filter((f) => f.endsWith('.json')).sort()) {
    const id = basename(goldFile, '.json');
    const gold = JSON.parse(await readFile(join(goldDir, goldFile), 'utf8'));
    const predPath = predictions.get(id);
    if (!predPath) missing.push(id);
    const pred = predPath ? JSON.parse(await readFile(predPath, 'utf8')) : {};
    documents.push(scoreDocument(id, gold, pred));
  }
  const sum = (kind: 'targets' | 'deadlines' | 'responsibilities'): Counts =>
    documents.reduce((acc, d) => ({ tp: acc.tp + d[kind].tp, fp: acc.fp + d[kind].fp, fn: acc.fn + d[kind].fn }), { tp: 0, fp: 0, fn: 0 });
  const agreement = (kind: 'coverage' | 'roles') =>
    documents.reduce((acc, d) => ({ right: acc.right + d[kind].right, total: acc.total + d[kind].total }), { right: 0, total: 0 });
  return {
    documents,
    missing,
    micro: {
      targets: toPrf(sum('targets')),
      deadlines: toPrf(sum('deadlines')),
      responsibilities: toPrf(sum('responsibilities')),
      coverage: toShare(agreement('coverage'), 0),
      roles: toShare(agreement('roles')),
    },
  };
}

async function indexPredictions(root: string): Promise<Map<string, string>> {
  const files: string[] = [];
  const walk = async (dir: string) => {
    for (const name of await readdir(dir)) {
      const path = join(dir, name);
      if ((await stat(path)).isDirectory()) await walk(path);
      else if (extname(name) === '.json') files.push(path);
    }
  };
  await walk(root);
  const depth = (p: string) => p.split(/[\\/]/).length;
  files.sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
  const index = new Map<string, string>();
  for (const file of files) if (!index.has(basename(file, '.json'))) index.set(basename(file, '.json'), file);
  return index;
}

function formatEval(result: EvalResult, verbose: boolean): string {
  const lines: string[] = [];
  for (const d of result.documents) {
    const t = toPrf(d.targets);
    lines.push(`${d.id}: targets F1 ${f3(t.f1)} (P ${f3(t.precision)} R ${f3(t.recall)}) · deadlines F1 ${f3(toPrf(d.deadlines).f1)} · responsibilities F1 ${f3(toPrf(d.responsibilities).f1)} · coverage ${d.coverage.right}/${d.coverage.total}`);
    if (!verbose) continue;
    for (const kind of ['targets', 'deadlines', 'responsibilities'] as const) {
      for (const m of d[kind].missed) lines.push(`  missed ${kind}: ${m}`);
      for (const m of d[kind].extra) lines.push(`  extra  ${kind}: ${m}`);
    }
    for (const w of d.coverage.wrong) lines.push(`  coverage wrong: ${w}`);
    for (const w of d.roles.wrong) lines.push(`  role wrong: ${w}`);
  }
  const { micro } = result;
  const part = (name: string, p: ReturnType<typeof toPrf>) => `${name} F1 ${f3(p.f1)} (P ${f3(p.precision)} R ${f3(p.recall)})`;
  lines.push(`micro: ${part('targets', micro.targets)} · ${part('deadlines', micro.deadlines)} · ${part('responsibilities', micro.responsibilities)} · coverage ${f3(micro.coverage)} · roles ${f3(micro.roles)} · ${result.documents.length} documents, ${result.missing.length} without prediction`);
  return `${lines.join('\n')}\n`;
}
