import { describe, expect, it } from 'vitest';
import type { InputTask } from '../cli/process-input.ts';
import { runBatch } from '../cli/run-batch.ts';
import { DEFAULT_LIMITS } from '../pipeline/ingest/limits.ts';

const task = (name: string): InputTask => ({ path: `/in/${name}`, shown: name, name, outDir: '/out', cache: null, standard: null, limits: DEFAULT_LIMITS });
const silent = { onRunStart() {}, onFileEnd() {}, onRunEnd() {} };
const workerFile = new URL('./fixtures/pool/slow-worker.mjs', import.meta.url);

describe('runBatch', () => {
  it('should fail a document past the time limit, replace its worker, and finish the rest in input order', async () => {
    const names = ['a.txt', 'hang.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'];
    const results = await runBatch(names.map(task), { jobs: 2, maxSecondsPerDocument: 1, maxWorkerMemoryMb: 256, workerFile }, silent);
    expect(results.map((r) => r.entry.input)).toEqual(names);
    expect(results.map((r) => r.entry.status)).toEqual(['ok', 'failed', 'ok', 'ok', 'ok', 'ok']);
    expect(results[1]!.entry.reason).toBe('timed out after 1 s (limit per document)');
  }, 30_000);

  it('should count the time limit from the start of a document, not from the queue', async () => {
    // One lane is blocked by the hanging document for the whole limit; the documents queued behind it
    // would time out too if the clock started when they were queued.
    const names = ['hang.txt', ...Array.from({ length: 40 }, (_, i) => `doc-${i}.txt`)];
    const results = await runBatch(names.map(task), { jobs: 1, maxSecondsPerDocument: 1, maxWorkerMemoryMb: 256, workerFile }, silent);
    expect(results.filter((r) => r.entry.status === 'failed').map((r) => r.entry.input)).toEqual(['hang.txt']);
  }, 30_000);

  it('should restart the time limit at each page a document reports (OCR), and pass the reports on', async () => {
    const seen: unknown[] = [];
    const reporter = { ...silent, onFileProgress: (progress: unknown) => seen.push(progress) };
    // 1.8 s in all, 0.6 s between reports: within a 1 s limit only because each report restarts it.
    const results = await runBatch(['pages.pdf', 'hang.txt'].map(task), { jobs: 2, maxSecondsPerDocument: 1, maxWorkerMemoryMb: 256, workerFile }, reporter);
    expect(results.map((r) => r.entry.status)).toEqual(['ok', 'failed']);
    expect(seen).toEqual([1, 2, 3].map((done) => ({ input: 'pages.pdf', done, total: 3 })));
  }, 30_000);

  it('should report a crashing document as failed and go on', async () => {
    const results = await runBatch(['a.txt', 'crash.txt', 'b.txt'].map(task), { jobs: 2, maxSecondsPerDocument: 10, maxWorkerMemoryMb: 256, workerFile }, silent);
    expect(results.map((r) => [r.entry.status, r.entry.reason])).toEqual([['ok', null], ['failed', 'worker failed: boom'], ['ok', null]]);
  }, 30_000);
});
