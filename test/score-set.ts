/**
 * Shared by the tests that measure a set of plans in one format: run every plan
 * through the whole pipeline (`processDocument`), write each model where
 * `plancheck eval` would find it, and score the folder against the set's gold
 * files with the in-repo scorer (`evaluateFolders`, the same figures as
 * `plancheck eval` and test/reference/score.mjs).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { evaluateFolders, type EvalResult } from '../cli/eval.ts';
import { processDocument } from '../pipeline/process-document.ts';

/** The headline figures of a run: F1 per kind, share of coverage ids right, role agreement. */
export interface Figures {
  targets: number;
  deadlines: number;
  responsibilities: number;
  coverage: number;
  roles: number;
}

/** The kinds of `Figures`, in print order. */
export const KINDS = ['targets', 'deadlines', 'responsibilities', 'coverage', 'roles'] as const;

/**
 * The headline figures of an evaluation.
 *
 * @param result
 *   What `evaluateFolders` returned.
 */
export function toFigures(result: EvalResult): Figures {
  return {
    targets: result.micro.targets.f1,
    deadlines: result.micro.deadlines.f1,
    responsibilities: result.micro.responsibilities.f1,
    coverage: result.micro.coverage,
    roles: result.micro.roles,
  };
}

/**
 * Process plans and score them against a gold folder.
 *
 * @param files
 *   The plans' paths; each model is written as `<file name without extension>.json`, the gold file's name.
 * @param goldDir
 *   The folder of gold files.
 * @param outDir
 *   An empty folder for the models (created).
 */
export async function scoreSet(files: string[], goldDir: string, outDir: string): Promise<EvalResult> {
  mkdirSync(outDir, { recursive: true });
  for (const path of files) {
    const outcome = await processDocument(readFileSync(path), basename(path));
    if (!outcome.ok) throw new Error(`${path}: ${outcome.reason}`);
    writeFileSync(join(outDir, `${basename(path, extname(path))}.json`), JSON.stringify(outcome.model));
  }
  return evaluateFolders(outDir, goldDir);
}

/**
 * One line of figures, for the test log.
 *
 * @param label
 *   What was measured (`extra/docx`).
 * @param figures
 *   The figures.
 */
export function formatFigures(label: string, figures: Figures): string {
  return `${label.padEnd(12)} ${KINDS.map((kind) => `${kind} ${figures[kind].toFixed(3)}`).join(' · ')}`;
}
