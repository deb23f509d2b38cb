/**
 * The plancheck command line: collects inputs, runs the pipeline on each,
 * writes the models and the summary. All file-system work happens here.
 */
import { readFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { processDocument } from '../pipeline/process-document.ts';
import { collectInputs } from './collect-inputs.ts';
import { runEval } from './eval.ts';
import { outputNames } from './output-names.ts';
import { createReporter } from './reporter.ts';
import { USAGE } from './usage.ts';
import { writeAtomic } from './write-atomic.ts';

/** One line of `summary.json`. */
export interface SummaryEntry {
  input: string;
  status: 'ok' | 'failed';
  output: string | null;
  reason: string | null;
  format: string | null;
  targets: number | null;
  deadlines: number | null;
  responsibilities: number | null;
}

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
  if (argv[0] === 'eval') return runEval(argv.slice(1), cwd);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { out: { type: 'string', short: 'o', default: 'out' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    process.stderr.write(`plancheck: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.positionals.length === 0) {
    process.stderr.write(`plancheck: no input given\n${USAGE}\n`);
    return 2;
  }
  const outDir = resolve(cwd, parsed.values.out ?? 'out');
  const inputs = await collectInputs(parsed.positionals, cwd);
  if (inputs.length === 0) {
    process.stderr.write('plancheck: no .txt, .md, .docx or .pdf file found in the inputs\n');
    return 1;
  }
  const names = outputNames(inputs.map((input) => input.path));
  const reporter = createReporter();
  reporter.onRunStart(inputs.length);
  const summary: SummaryEntry[] = [];
  for (const [index, input] of inputs.entries()) {
    const shown = relative(cwd, input.path) || input.path;
    const entry = await processInput(input, names[index]!, outDir, shown);
    summary.push(entry);
    reporter.onFileEnd(entry.reason === null ? { input: shown, ok: true } : { input: shown, ok: false, reason: entry.reason });
  }
  reporter.onRunEnd();
  const failed = summary.filter((entry) => entry.status === 'failed').length;
  try {
    await writeAtomic(join(outDir, 'summary.json'), `${JSON.stringify({ inputs: summary.length, ok: summary.length - failed, failed, documents: summary }, null, 2)}\n`);
  } catch (error) {
    process.stderr.write(`plancheck: cannot write ${join(outDir, 'summary.json')}: ${(error as Error).message}\n`);
    return 1;
  }
  process.stdout.write(formatSummary(summary, outDir, cwd));
  return failed > 0 ? 1 : 0;
}

async function processInput(input: { path: string; error?: string }, name: string, outDir: string, shown: string): Promise<SummaryEntry> {
  const failed = (reason: string): SummaryEntry => ({
    input: shown, status: 'failed', output: null, reason, format: null, targets: null, deadlines: null, responsibilities: null,
  });
  if (input.error) return failed(input.error);
  let data: Uint8Array;
  try {
    data = await readFile(input.path);
  } catch (error) {
    return failed(`cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const outcome = await processDocument(data, basename(input.path));
  if (!outcome.ok) return failed(outcome.reason);
  const output = join(outDir, `${name}.json`);
  try {
    await writeAtomic(output, `${JSON.stringify(outcome.model, null, 2)}\n`);
  } catch (error) {
    return failed(`cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const { model } = outcome;
  return {
    input: shown,
    status: 'ok',
    output: relative(outDir, output).split('\\').join('/'),
    reason: null,
    format: model.format,
    targets: model.targets.length,
    deadlines: model.deadlines.length,
    responsibilities: model.responsibilities.length,
  };
}

/** The one-screen summary printed after a run. */
function formatSummary(summary: SummaryEntry[], outDir: string, cwd: string): string {
  const ok = summary.filter((entry) => entry.status === 'ok');
  const lines = [`plancheck: ${summary.length} inputs, ${ok.length} ok, ${summary.length - ok.length} failed → ${relative(cwd, outDir) || '.'}/`];
  for (const entry of summary) {
    lines.push(
      entry.status === 'ok'
        ? `  ok      ${entry.input}  targets ${entry.targets}, deadlines ${entry.deadlines}, responsibilities ${entry.responsibilities}`
        : `  failed  ${entry.input}: ${entry.reason}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
