/**
 * The plancheck command line: `plancheck FILES… [options]` runs the pipeline
 * over a batch; `eval` scores models against gold files; `schema` prints the
 * model's JSON Schema.
 */
import { parseRunOptions } from './options.ts';

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
  if (argv[0] === 'audit') return (await import('./audit.ts')).runAudit(argv.slice(1), cwd);
  if (argv[0] === 'schema') {
    const { documentModelJsonSchema } = await import('../model/plan-schema.ts');
    process.stdout.write(`${JSON.stringify(documentModelJsonSchema(), null, 2)}\n`);
    return 0;
  }
  const parsed = parseRunOptions(argv);
  if ('help' in parsed) {
    process.stdout.write(parsed.help);
    return 0;
  }
  if ('error' in parsed) {
    process.stderr.write(parsed.error);
    return 2;
  }
  const { runPlans } = await import('./run.ts');
  return runPlans(parsed.options, cwd);
}
