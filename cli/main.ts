/**
 * The plancheck command line: collects inputs, runs the pipeline on each,
 * writes the models and the summary. All file-system work happens here.
 */
import { existsSync } from 'node:fs';
import { access, constants, mkdir, readFile, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { escapeControls } from '../pipeline/control-characters.ts';
import { DEFAULT_LIMITS, type Limits } from '../pipeline/limits.ts';
import type { Standard } from '../pipeline/standard.ts';
import { cacheKey, pipelineVersion, restoreResult } from './cache.ts';
import { cleanTemporaryFiles } from './clean-temporary.ts';
import { collectInputs } from './collect-inputs.ts';
import { loadStandardFiles } from './load-standard.ts';
import { makeRealFolder } from './output-folder.ts';
import { outputNames } from './output-names.ts';
import { readInputBytes } from './read-input.ts';
import { skippedEntry, type InputResult, type InputTask, type SummaryEntry } from './process-input.ts';
import { createReporter } from './reporter.ts';
import { reasonInChinese, WORDS, type Lang } from './messages.ts';
import { usage } from './usage.ts';
import { writeAtomic } from './write-atomic.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const MB = 1024 * 1024;
const CACHE_LOOKUPS_IN_FLIGHT = 8;
/** Heap limit of one worker process, and the resident memory past which it is killed (see process-pool.ts). */
const WORKER_HEAP_MB = 768;
const WORKER_RSS_MB = 1024;

/**
 * Run the CLI.
 *
 * @param argv
 *   Arguments after the program name.
 * @param cwd
 *   Working folder (default: process.cwd()).
 * @returns
 *   The exit code: 0 all read, 1 some failed, 2 usage error.
 */
export async function main(argv: string[], cwd: string = process.cwd()): Promise<number> {
  if (argv[0] === 'eval') return (await import('./eval.ts')).runEval(argv.slice(1), cwd);
  if (argv[0] === 'schema') {
    const { documentModelJsonSchema } = await import('../pipeline/model-schema.ts');
    process.stdout.write(`${JSON.stringify(documentModelJsonSchema(), null, 2)}\n`);
    return 0;
  }
  const lang: Lang = argv.some((arg, i) => arg === '--lang=en' || (arg === '--lang' && argv[i + 1] === 'en')) ? 'en' : 'zh';
  const words = WORDS[lang];
  const USAGE = usage(lang);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o', default: 'out' },
        jobs: { type: 'string', short: 'j' },
        'no-cache': { type: 'boolean' },
        'no-reports': { type: 'boolean' },
        'allow-looser': { type: 'boolean' },
        lang: { type: 'string' },
        standard: { type: 'string', multiple: true },
        timeout: { type: 'string' },
        'max-file-mb': { type: 'string' },
        'max-docx-mb': { type: 'string' },
        'max-pdf-pages': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`plancheck: ${escapeControls((error as Error).message)}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.positionals.length === 0) {
    process.stderr.write(`plancheck: ${words.noInput}\n${USAGE}\n`);
    return 2;
  }
  const jobs = parsed.values.jobs === undefined ? availableParallelism() : Number(parsed.values.jobs);
  const number = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
  const limits: Limits = {
    maxFileBytes: number(parsed.values['max-file-mb'], DEFAULT_LIMITS.maxFileBytes / MB) * MB,
    maxDocxUncompressedBytes: number(parsed.values['max-docx-mb'], DEFAULT_LIMITS.maxDocxUncompressedBytes / MB) * MB,
    maxDocxEntries: DEFAULT_LIMITS.maxDocxEntries,
    maxPdfPages: number(parsed.values['max-pdf-pages'], DEFAULT_LIMITS.maxPdfPages),
    maxSecondsPerDocument: number(parsed.values.timeout, DEFAULT_LIMITS.maxSecondsPerDocument),
  };
  const timeout = limits.maxSecondsPerDocument;
  if (!Number.isInteger(jobs) || jobs < 1 || Object.values(limits).some((value) => !(value > 0))) {
    process.stderr.write(`plancheck: ${words.badNumber}\n${USAGE}\n`);
    return 2;
  }
  const outDir = resolve(cwd, parsed.values.out ?? 'out');
  try {
    await mkdir(outDir, { recursive: true });
    await access(outDir, constants.W_OK);
    await cleanTemporaryFiles(outDir);
    // The cache is a real folder of this output folder: a link planted there is replaced.
    if (!parsed.values['no-cache']) await makeRealFolder(outDir, join(outDir, '.cache'));
  } catch (error) {
    process.stderr.write(`plancheck: ${escapeControls(words.cannotWrite(relative(cwd, outDir) || outDir, (error as NodeJS.ErrnoException).code ?? (error as Error).message))}\n`);
    return 2;
  }
  let standard: Standard | null = null;
  if (!parsed.values['no-reports']) {
    const loaded = await loadStandardFiles(
      (parsed.values.standard ?? []).map((path) => resolve(cwd, path)),
      parsed.values['no-cache'] ? null : join(outDir, '.cache'),
      parsed.values['allow-looser'] === true,
    );
    if ('error' in loaded) {
      process.stderr.write(`plancheck: ${escapeControls(loaded.error)}\n`);
      return 2;
    }
    standard = loaded;
  }
  const inputs = await collectInputs(parsed.positionals, cwd, { exclude: [outDir] });
  if (inputs.length === 0) {
    process.stderr.write(`plancheck: ${words.noDocument}\n`);
    return 1;
  }
  const names = outputNames(inputs.map((input) => input.path));
  const version = await pipelineVersion(PROJECT_ROOT);
  const cacheDir = parsed.values['no-cache'] ? null : join(outDir, '.cache');
  const reporter = await createReporter(process.stderr, lang);
  const runStarted = performance.now();
  reporter.onRunStart(inputs.length);
  const results: Array<InputResult | undefined> = [];
  const pending: Array<{ index: number; task: InputTask }> = [];
  const keys: string[] = [];
  const tasks = inputs.map((input, index) => {
    const task: InputTask = { path: input.path, shown: relative(cwd, input.path) || input.path, name: names[index]!, outDir, cache: null, standard, limits };
    if (input.error) task.error = input.error;
    return task;
  });
  // Cache look-ups read and hash every input: a few at a time, so the disk is kept busy.
  const hits = await mapWithLimit(tasks, CACHE_LOOKUPS_IN_FLIGHT, (task, index) => {
    const skip = inputs[index]!.skip;
    if (skip) return Promise.resolve({ entry: skippedEntry(task.shown, skip), batch: null });
    return cacheDir && !task.error ? lookUpCache(task, cacheDir, version) : Promise.resolve(null);
  });
  tasks.forEach((task, index) => {
    keys.push(task.cache?.key ?? '');
    const hit = hits[index];
    if (hit) {
      results[index] = hit;
      reporter.onFileEnd(hit.entry.status === 'ok' ? { input: task.shown, ok: true } : { input: task.shown, ok: false, reason: hit.entry.reason ?? '', skipped: hit.entry.status === 'skipped' });
    } else {
      pending.push({ index, task });
    }
  });
  // The pool (and its workers) only when something is left to process: a cached rerun starts none.
  const { runBatch } = await import('./run-batch.ts');
  const batchUsage = { workerPeakRssMb: 0 };
  const processed = pending.length === 0 ? [] : await runBatch(pending.map((p) => p.task), { jobs, maxSecondsPerDocument: timeout, maxWorkerMemoryMb: WORKER_HEAP_MB, maxWorkerRssMb: WORKER_RSS_MB }, reporter, batchUsage);
  pending.forEach(({ index }, i) => {
    results[index] = processed[i];
  });
  reporter.onRunEnd();
  const finished = results.map((result) => result!);
  const summary = finished.map((result) => result.entry);
  let batchSeconds = 0;
  let batchError: string | null = null;
  const plans = finished.flatMap((result) => (result.batch ? [result.batch] : []));
  if (standard) {
    // A batch whose every plan came from the cache, with the same plans as last time, keeps its batch reports.
    const allCached = finished.every((result) => result.entry.cached);
    const batchKey = cacheKey(new Uint8Array(), [version, ...inputs.map((_, i) => `${names[i]}=${finished[i]!.entry.status}`), ...keys]);
    const stamp = join(outDir, '.cache', 'batch-key');
    const unchanged = allCached && (await readFile(stamp, 'utf8').catch(() => '')) === batchKey && existsSync(join(outDir, 'index.html'));
    if (!unchanged) {
      const batchStarted = performance.now();
      try {
        // The stamp goes first, so batch reports written without the cache are never taken for current.
        await rm(stamp, { force: true });
        const { writeBatchReports } = await import('./write-batch-reports.ts');
        const failedInputs = summary.filter((entry) => entry.status === 'failed').map((entry) => ({ input: entry.input, reason: reasonInChinese(entry.reason ?? '') }));
        await writeBatchReports(outDir, plans, failedInputs);
        if (cacheDir) await writeAtomic(stamp, batchKey);
      } catch (error) {
        batchError = `cannot write the batch reports: ${(error as Error).message.split('\n')[0]}`;
        process.stderr.write(`plancheck: ${escapeControls(words.batchError((error as Error).message.split('\n')[0]!))}\n`);
      }
      batchSeconds = (performance.now() - batchStarted) / 1000;
    }
  }
  const failed = summary.filter((entry) => entry.status === 'failed').length;
  const skipped = summary.filter((entry) => entry.status === 'skipped').length;
  try {
    const run = {
      seconds: (performance.now() - runStarted) / 1000,
      jobs,
      batchReportSeconds: batchSeconds,
      batchReportError: batchError,
      // This process's peak and its workers' (each worker's peak, summed): at most the run's peak.
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) + batchUsage.workerPeakRssMb,
      workerMaxRssMB: batchUsage.workerPeakRssMb,
    };
    await writeAtomic(join(outDir, 'summary.json'), `${JSON.stringify({ inputs: summary.length, ok: summary.length - failed - skipped, failed, skipped, run, documents: summary }, null, 2)}\n`);
  } catch (error) {
    process.stderr.write(`plancheck: cannot write ${escapeControls(join(outDir, 'summary.json'))}: ${escapeControls((error as Error).message.split('\n')[0] ?? '')}\n`);
    return 1;
  }
  process.stdout.write(formatSummary(summary, outDir, cwd, lang));
  // Nothing read at all (every input skipped) is no success either.
  return failed > 0 || batchError !== null || failed + skipped === summary.length ? 1 : 0;
}

/**
 * Give a task its cache key, and restore its result when the cache has it.
 *
 * @returns
 *   The cached result (marked `cached`), or `null` when the input must be processed.
 */
async function lookUpCache(task: InputTask, cacheDir: string, version: string): Promise<InputResult | null> {
  let data: Uint8Array;
  try {
    // Only regular files within the size limit are hashed here; the worker reports the others.
    data = await readInputBytes(task.path, task.limits);
  } catch {
    return null;
  }
  const key = cacheKey(data, [
    version,
    task.standard?.id ?? 'models-only',
    JSON.stringify(task.standard?.indicators ?? null),
    JSON.stringify(task.limits),
    basename(task.path),
    task.name,
  ]);
  task.cache = { dir: cacheDir, key };
  const cached = await restoreResult<InputResult>(cacheDir, key, join(task.outDir, `${task.name}.json`), join(task.outDir, task.name));
  if (!cached) return null;
  return { ...cached, entry: { ...cached.entry, input: task.shown, cached: true } };
}

/** Map over items with at most `limit` calls in flight; results in input order. */
async function mapWithLimit<T, R>(items: T[], limit: number, map: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The one-screen summary printed after a run. */
function formatSummary(summary: SummaryEntry[], outDir: string, cwd: string, lang: Lang): string {
  const words = WORDS[lang];
  const ok = summary.filter((entry) => entry.status === 'ok');
  const skipped = summary.filter((entry) => entry.status === 'skipped').length;
  const failed = summary.length - ok.length - skipped;
  const lines = [words.summaryHead(summary.length, ok.length, failed, skipped, escapeControls(relative(cwd, outDir) || '.'))];
  for (const entry of summary) {
    lines.push(
      entry.status === 'ok'
        ? `  ${words.ok.padEnd(6)}  ${escapeControls(entry.input)}  ${words.counts(entry.targets, entry.deadlines, entry.responsibilities)}`
        : `  ${(entry.status === 'skipped' ? words.skipped : words.failed).padEnd(6)}  ${escapeControls(entry.input)}: ${escapeControls(words.reason(entry.reason ?? ''))}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
