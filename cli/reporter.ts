/**
 * Batch progress: a live bar when stdout is a terminal, one plain line per
 * document otherwise. Hooks follow vitest's reporters: start, file end, run end.
 */
import { escapeControls } from '../model/control-characters.ts';
import { WORDS, type Lang, type Words } from './messages.ts';

/** What the CLI tells a reporter. */
export interface Reporter {
  onRunStart(total: number): void;
  /** `skipped`: passed by on purpose (not a failure). */
  onFileEnd(entry: { input: string; ok: boolean; reason?: string; skipped?: boolean }): void;
  /** A document is part way: pages recognised by OCR so far, of how many (optional hook). */
  onFileProgress?(progress: { input: string; done: number; total: number }): void;
  onRunEnd(): void;
}

/**
 * Choose the reporter for a stream.
 *
 * @param stream
 *   Where progress goes (default: process.stderr).
 */
export async function createReporter(stream: NodeJS.WriteStream = process.stderr, lang: Lang = 'zh'): Promise<Reporter> {
  const words = WORDS[lang];
  if (!stream.isTTY) return lineReporter(stream, words);
  // cli-progress only for a terminal.
  const { default: cliProgress } = await import('cli-progress');
  return barReporter(stream, cliProgress, words);
}

function lineReporter(stream: NodeJS.WriteStream, words: Words): Reporter {
  let done = 0;
  let total = 0;
  return {
    onRunStart: (n) => {
      total = n;
    },
    onFileProgress: ({ input, done: pages, total: all }) => {
      if (pages > 0) stream.write(`[${done}/${total}] ${words.ocrPage(pages, all)} ${escapeControls(input)}\n`);
    },
    onFileEnd: ({ input, ok, reason, skipped }) => {
      done++;
      stream.write(`[${done}/${total}] ${ok ? words.ok : skipped ? words.skipped : words.failed} ${escapeControls(input)}${ok ? '' : `: ${escapeControls(words.reason(reason ?? ''))}`}\n`);
    },
    onRunEnd: () => {},
  };
}

function barReporter(stream: NodeJS.WriteStream, cliProgress: typeof import('cli-progress'), words: Words): Reporter {
  const bar = new cliProgress.SingleBar(
    { stream, format: 'plancheck [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  const failures: string[] = [];
  return {
    onRunStart: (total) => bar.start(total, 0, { file: '' }),
    onFileProgress: ({ input, done, total }) => {
      const shown = escapeControls(input);
      bar.update({ file: `${words.ocrPage(done, total)} ${shown.length > 30 ? `…${shown.slice(-29)}` : shown}` });
    },
    onFileEnd: ({ input, ok, reason, skipped }) => {
      const shown = escapeControls(input);
      if (!ok) failures.push(`${skipped ? words.skipped : words.failed} ${shown}: ${escapeControls(words.reason(reason ?? ''))}`);
      bar.increment({ file: shown.length > 40 ? `…${shown.slice(-39)}` : shown });
    },
    onRunEnd: () => {
      bar.stop();
      for (const line of failures) stream.write(`${line}\n`);
    },
  };
}
