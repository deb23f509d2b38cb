/**
 * The options of a run (`plancheck FILES… [options]`): parsed from the
 * arguments and checked, or a usage error to print.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { escapeControls } from '../model/control-characters.ts';
import { DEFAULT_LIMITS, type Limits } from '../pipeline/ingest/limits.ts';
import { DEFAULT_PDF_ENGINE, isPdfEngineName, type PdfEngineName } from '../pipeline/ingest/pdf/engine.ts';
import { WORDS, type Lang } from './messages.ts';
import { usage } from './usage.ts';

const MB = 1024 * 1024;

/** A run's options, checked. */
export interface RunOptions {
  lang: Lang;
  /** Files, folders and globs as given. */
  inputs: string[];
  /** The output folder as given (relative to the working folder). */
  out: string;
  jobs: number;
  cache: boolean;
  reports: boolean;
  allowLooser: boolean;
  /** Overlay standard files as given. */
  standards: string[];
  limits: Limits;
  /** The engine that reads PDFs. */
  pdfEngine: PdfEngineName;
  /** Read each folder's plan with its annex files as one document (`--bundle`, see bundles.ts). */
  bundle: boolean;
  /** Whether PDF pages without text are recognised (`--no-ocr`: false). */
  ocr: boolean;
}

/** What parsing gives: options to run with, text for stdout (`--help`), or a usage error for stderr. */
export type ParsedOptions = { options: RunOptions } | { help: string } | { error: string };

/**
 * Parse the arguments of a run.
 *
 * @param argv
 *   Arguments after the program name.
 * @returns
 *   The options, the help text, or a usage error (already with the usage text).
 */
export function parseRunOptions(argv: string[]): ParsedOptions {
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
        bundle: { type: 'boolean' },
        'allow-looser': { type: 'boolean' },
        lang: { type: 'string' },
        standard: { type: 'string', multiple: true },
        timeout: { type: 'string' },
        'max-file-mb': { type: 'string' },
        'max-docx-mb': { type: 'string' },
        'max-pdf-pages': { type: 'string' },
        'pdf-engine': { type: 'string' },
        'no-ocr': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { error: `plancheck: ${escapeControls((error as Error).message)}\n${USAGE}\n` };
  }
  if (parsed.values.help) return { help: `${USAGE}\n` };
  if (parsed.positionals.length === 0) return { error: `plancheck: ${words.noInput}\n${USAGE}\n` };
  const jobs = parsed.values.jobs === undefined ? availableParallelism() : Number(parsed.values.jobs);
  const number = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
  const limits: Limits = {
    maxFileBytes: number(parsed.values['max-file-mb'], DEFAULT_LIMITS.maxFileBytes / MB) * MB,
    maxDocxUncompressedBytes: number(parsed.values['max-docx-mb'], DEFAULT_LIMITS.maxDocxUncompressedBytes / MB) * MB,
    maxDocxEntries: DEFAULT_LIMITS.maxDocxEntries,
    maxPdfPages: number(parsed.values['max-pdf-pages'], DEFAULT_LIMITS.maxPdfPages),
    maxSecondsPerDocument: number(parsed.values.timeout, DEFAULT_LIMITS.maxSecondsPerDocument),
  };
  if (!Number.isInteger(jobs) || jobs < 1 || Object.values(limits).some((value) => !(value > 0))) {
    return { error: `plancheck: ${words.badNumber}\n${USAGE}\n` };
  }
  const pdfEngine = parsed.values['pdf-engine'] ?? DEFAULT_PDF_ENGINE;
  if (!isPdfEngineName(pdfEngine)) return { error: `plancheck: ${escapeControls(words.badPdfEngine(pdfEngine))}\n${USAGE}\n` };
  return {
    options: {
      lang,
      inputs: parsed.positionals,
      out: parsed.values.out ?? 'out',
      jobs,
      cache: !parsed.values['no-cache'],
      reports: !parsed.values['no-reports'],
      allowLooser: parsed.values['allow-looser'] === true,
      standards: parsed.values.standard ?? [],
      limits,
      pdfEngine,
      bundle: parsed.values.bundle === true,
      ocr: parsed.values['no-ocr'] !== true,
    },
  };
}
