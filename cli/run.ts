/**
 * One run over a batch of inputs: the output folder prepared, cached results
 * restored, the rest processed in the worker pool, the batch reports and
 * `summary.json` written, the summary printed.
 */
import { existsSync } from 'node:fs';
import { access, constants, mkdir, readFile, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { escapeControls } from '../model/control-characters.ts';
import type { Standard } from '../model/standard.ts';
import { lookUpCache, mapWithLimit } from './cache-lookup.ts';
import { cacheKey, pipelineVersion } from './cache.ts';
import { cleanTemporaryFiles } from './clean-temporary.ts';
import { groupBundles, type BundledInput } from './bundles.ts';
import { collectInputs } from './collect-inputs.ts';
import { loadStandardFiles } from './load-standard.ts';
import { reasonInChinese, WORDS } from './messages.ts';
import type { RunOptions } from './options.ts';
import { makeRealFolder } from './output-folder.ts';
import { outputNames } from './output-names.ts';
import { skippedEntry, type InputResult, type InputTask } from './process-input.ts';
import { createReporter } from './reporter.ts';
import { formatSummary } from './summary-text.ts';
import { writeAtomic } from './write-atomic.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE_LOOKUPS_IN_FLIGHT = 8;
/** Heap limit of one worker process, and the resident memory past which it is killed (see process-pool.ts). */
const WORKER_HEAP_MB = 768;
const WORKER_RSS_MB = 1024;

/**
 * Run plancheck over a batch.
 *
 * @param options
 *   The checked options.
 * @param cwd
 *   The working folder inputs and `--out` are relative to.
 * @returns
 *   The exit code: 0 all read, 1 some failed (or nothing read), 2 the output folder or a standard cannot be used.
 */
export async function runPlans(options: RunOptions, cwd: string): Promise<number> {
  const { lang, jobs, limits, pdfEngine, ocr } = options;
  const words = WORDS[lang];
  const outDir = resolve(cwd, options.out);
  try {
    await mkdir(outDir, { recursive: true });
    await access(outDir, constants.W_OK);
    await cleanTemporaryFiles(outDir);
    // The cache is a real folder of this output folder: a link planted there is replaced.
    if (options.cache) await makeRealFolder(outDir, join(outDir, '.cache'));
  } catch (error) {
    process.stderr.write(`plancheck: ${escapeControls(words.cannotWrite(relative(cwd, outDir) || outDir, (error as NodeJS.ErrnoException).code ?? (error as Error).message))}\n`);
    return 2;
  }
  let standard: Standard | null = null;
  if (options.reports) {
    const loaded = await loadStandardFiles(
      options.standards.map((path) => resolve(cwd, path)),
      options.cache ? join(outDir, '.cache') : null,
      options.allowLooser,
    );
    if ('error' in loaded) {
      process.stderr.write(`plancheck: ${escapeControls(loaded.error)}\n`);
      return 2;
    }
    standard = loaded;
  }
  const collected = await collectInputs(options.inputs, cwd, { exclude: [outDir] });
  const inputs: BundledInput[] = options.bundle ? groupBundles(collected) : collected;
  if (inputs.length === 0) {
    process.stderr.write(`plancheck: ${words.noDocument}\n`);
    return 1;
  }
  const names = outputNames(inputs.map((input) => input.path));
  const version = await pipelineVersion(PROJECT_ROOT);
  const cacheDir = options.cache ? join(outDir, '.cache') : null;
  const reporter = await createReporter(process.stderr, lang);
  const runStarted = performance.now();
  reporter.onRunStart(inputs.length);
  const results: Array<InputResult | undefined> = [];
  const pending: Array<{ index: number; task: InputTask }> = [];
  const keys: string[] = [];
  const tasks = inputs.map((input, index) => {
    const task: InputTask = { path: input.path, shown: relative(cwd, input.path) || input.path, name: names[index]!, outDir, cache: null, standard, limits, pdfEngine, ocr };
    if (input.error) task.error = input.error;
    if (input.annexes) task.annexes = input.annexes;
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
  const processed = pending.length === 0 ? [] : await runBatch(pending.map((p) => p.task), { jobs, maxSecondsPerDocument: limits.maxSecondsPerDocument, maxWorkerMemoryMb: WORKER_HEAP_MB, maxWorkerRssMb: WORKER_RSS_MB }, reporter, batchUsage);
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
      pdfEngine,
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

