/**
 * `--bundle`: a plan and its annex files, collected from one folder, become
 * one input. The convention (README, "Bundles"): in a folder, files whose name
 * starts with 附件, 附表 or 附录 (or 'annex'), and spreadsheets (.xlsx, .xls,
 * .csv), are annexes; when the folder holds exactly one other document, that
 * is the plan, and its annexes follow it in the order of their names (附件1
 * before 附件2 before 附件10). A folder with no plan, or with several, keeps
 * every file a document of its own.
 */
import { basename, dirname, extname } from 'node:path';
import type { InputFile } from './collect-inputs.ts';

/** An input, with the annex files read into it when it is a bundle's plan. */
export interface BundledInput extends InputFile {
  /** Absolute paths of the annexes, in order. */
  annexes?: string[];
}

const ANNEX_NAME = /^(?:附件|附表|附录|annex)/i;
const SPREADSHEETS = new Set(['.xlsx', '.xls', '.csv']);

/**
 * Whether a file is an annex by the bundle convention.
 *
 * @param path
 *   The file's path.
 */
export function isAnnexFile(path: string): boolean {
  return ANNEX_NAME.test(basename(path)) || SPREADSHEETS.has(extname(path).toLowerCase());
}

/**
 * Join each folder's plan with its annexes.
 *
 * @param inputs
 *   The collected inputs, in order.
 * @returns
 *   The inputs with each bundle's annexes moved into its plan (the plan keeps its place); inputs that
 *   failed or were skipped while collecting are never bundled.
 */
export function groupBundles(inputs: InputFile[]): BundledInput[] {
  const byFolder = new Map<string, InputFile[]>();
  for (const input of inputs) {
    if (input.error || input.skip) continue;
    const folder = dirname(input.path);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), input]);
  }
  const annexOf = new Map<string, string>();
  const annexesOfPlan = new Map<string, string[]>();
  for (const files of byFolder.values()) {
    const annexes = files.filter((file) => isAnnexFile(file.path));
    const plans = files.filter((file) => !isAnnexFile(file.path));
    if (plans.length !== 1 || annexes.length === 0) continue;
    const ordered = annexes.map((file) => file.path).sort(compareNames);
    annexesOfPlan.set(plans[0]!.path, ordered);
    for (const path of ordered) annexOf.set(path, plans[0]!.path);
  }
  return inputs.flatMap((input): BundledInput[] => {
    if (annexOf.has(input.path)) return [];
    const annexes = annexesOfPlan.get(input.path);
    return [annexes ? { ...input, annexes } : input];
  });
}

/** Names in reading order: numbers compared as numbers (附件2 before 附件10). */
function compareNames(a: string, b: string): number {
  return basename(a).localeCompare(basename(b), 'zh-CN', { numeric: true });
}
