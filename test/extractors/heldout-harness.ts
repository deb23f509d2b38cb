/**
 * Shared by the held-out tests: run a held-out plan through the whole document
 * pipeline (ingest, traditional characters, extractors), score it against its
 * gold.json, and check each kind's floor.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { scoreDocument, toPrf } from '../../cli/evaluate.ts';
import { processDocument } from '../../pipeline/process-document.ts';

/** The held-out plans' folder. */
export const HELDOUT = new URL('../heldout/', import.meta.url);

/** Lowest acceptable F1 per kind, and share of coverage ids right; a kind without a floor is not checked. */
export interface Floors {
  targets?: number;
  deadlines?: number;
  responsibilities?: number;
  coverage?: number;
}

/**
 * The plans of one held-out series: the folder names `<prefix><name>` under test/heldout, as names.
 *
 * @param prefix
 *   The series' folder prefix (`blind3-`).
 */
export function heldOutPlans(prefix: string): string[] {
  return readdirSync(HELDOUT).filter((d) => d.startsWith(prefix)).map((d) => d.slice(prefix.length)).sort();
}

/**
 * Score one held-out plan and expect every kind at or above its floor.
 *
 * @param folder
 *   The plan's folder name under test/heldout (`blind-linxi`).
 * @param file
 *   The rendition to read (`plan.txt`, `plan.docx`).
 * @param floors
 *   The floors.
 */
export async function expectHeldOutFloors(folder: string, file: string, floors: Floors): Promise<void> {
  const dir = new URL(`${folder}/`, HELDOUT);
  const outcome = await processDocument(readFileSync(new URL(file, dir)), file);
  if (!outcome.ok) throw new Error(`${folder}/${file}: ${outcome.reason}`);
  const pred = outcome.model;
  const gold = JSON.parse(readFileSync(new URL('gold.json', dir), 'utf8'));
  const score = scoreDocument(folder, gold, pred);
  for (const kind of ['targets', 'deadlines', 'responsibilities'] as const) {
    if (floors[kind] === undefined) continue;
    expect(toPrf(score[kind]).f1, `${kind} missed ${score[kind].missed.join(', ')}; extra ${score[kind].extra.join(', ')}`).toBeGreaterThanOrEqual(floors[kind]!);
  }
  if (floors.coverage !== undefined) {
    expect(score.coverage.right / score.coverage.total, `coverage wrong: ${score.coverage.wrong.join(', ')}`).toBeGreaterThanOrEqual(floors.coverage);
  }
}
