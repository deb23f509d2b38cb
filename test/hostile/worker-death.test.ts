import { describe, expect, it } from 'vitest';
import type { InputTask } from '../../cli/process-input.ts';
import { deathReason } from '../../cli/process-pool.ts';
import { runBatch } from '../../cli/run-batch.ts';
import { DEFAULT_LIMITS } from '../../pipeline/ingest/limits.ts';

const task = (name: string): InputTask => ({ path: `/in/${name}`, shown: name, name, outDir: '/nonexistent-plancheck-out', cache: null, standard: null, limits: DEFAULT_LIMITS });
const silent = { onRunStart() {}, onFileEnd() {}, onRunEnd() {} };
const workerFile = new URL('../fixtures/pool/slow-worker.mjs', import.meta.url);

describe('a worker process that dies', () => {
  it('should fail only its document, with the reason, replace the worker and finish the batch in input order', async () => {
    // Each death kind between two good documents, on one lane: the lane's next document needs a new worker.
    const names = ['a.txt', 'abort.txt', 'b.txt', 'exit.txt', 'c.txt', 'heap.txt', 'd.txt', 'rss.txt', 'e.txt'];
    const usage = { workerPeakRssMb: 0 };
    const results = await runBatch(names.map(task), { jobs: 1, maxSecondsPerDocument: 60, maxWorkerMemoryMb: 128, maxWorkerRssMb: 400, workerFile }, silent, usage);
    expect(results.map((r) => [r.entry.input, r.entry.status, r.entry.reason])).toEqual([
      ['a.txt', 'ok', null],
      ['abort.txt', 'failed', 'worker died (killed by SIGABRT)'],
      ['b.txt', 'ok', null],
      ['exit.txt', 'failed', 'worker died (exit code 3)'],
      ['c.txt', 'ok', null],
      ['heap.txt', 'failed', 'out of memory: the document needs more than the worker may use (limit per document)'],
      ['d.txt', 'ok', null],
      ['rss.txt', 'failed', 'out of memory: the document took over 400 MB (limit per document)'],
      ['e.txt', 'ok', null],
    ]);
    const pids = results.map((r) => (r as unknown as { pid?: number }).pid).filter((pid) => pid !== undefined);
    // a, b, c, d, e: five live workers in turn, each replacing a dead one.
    expect(new Set(pids).size).toBe(5);
    // The worker killed for its memory was seen past the limit: the run's figures count it.
    expect(usage.workerPeakRssMb).toBeGreaterThan(400);
  }, 120_000);

  it.each([
    [null, 'SIGABRT', '\n<--- Last few GCs --->\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n 1: 0xb8d0a3 node::Abort()', 'out of memory: the document needs more than the worker may use (limit per document)'],
    [null, 'SIGABRT', 'FATAL ERROR: invalid array length Allocation failed - JavaScript heap out of memory', 'out of memory: the document needs more than the worker may use (limit per document)'],
    [1, null, 'RangeError: Maximum call stack size exceeded\n    at visit (file.js:1:1)', 'worker died: nesting too deep (stack overflow)'],
    [null, 'SIGSEGV', '', 'worker died (killed by SIGSEGV)'],
    [7, null, 'Error: something\n    at x (y.js:1:1)', 'worker died (exit code 7): Error: something'],
  ] as const)('should name the death of a worker (exit %s, signal %s)', (code, signal, stderr, reason) => {
    expect(deathReason(code, signal, stderr)).toBe(reason);
  });
});

describe('a run killed while a document keeps its worker busy', () => {
  it('should leave no worker process behind', async () => {
    const { spawn } = await import('node:child_process');
    const { readdirSync, readFileSync } = await import('node:fs');
    const childrenOf = (pid: number) =>
      readdirSync('/proc')
        .filter((name) => /^\d+$/.test(name))
        .filter((name) => {
          try {
            const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
            return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
          } catch {
            return false;
          }
        })
        .map(Number);
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const script = `
      import { runBatch } from ${JSON.stringify(new URL('../../cli/run-batch.ts', import.meta.url).pathname)};
      const task = { path: '/in/hang.txt', shown: 'hang.txt', name: 'hang', outDir: '/nonexistent-plancheck-out', cache: null, standard: null, limits: { maxFileBytes: 1, maxDocxUncompressedBytes: 1, maxDocxEntries: 1, maxPdfPages: 1, maxSecondsPerDocument: 600 } };
      await runBatch([task], { jobs: 1, maxSecondsPerDocument: 600, maxWorkerMemoryMb: 128, workerFile: new URL(${JSON.stringify(workerFile.href)}) }, { onRunStart() {}, onFileEnd() {}, onRunEnd() {} });
    `;
    const driver = spawn('node', ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'ignore' });
    let workers: number[] = [];
    for (let i = 0; i < 100 && workers.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      workers = childrenOf(driver.pid!);
    }
    expect(workers.length).toBeGreaterThan(0);
    // Let the worker start the hanging document, then kill the run outright.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    driver.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(workers.filter(alive)).toEqual([]);
  }, 60_000);
});
