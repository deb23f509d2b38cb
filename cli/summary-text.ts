/**
 * The one-screen summary printed after a run: a line per input with its
 * counts or the reason it failed.
 */
import { relative } from 'node:path';
import { escapeControls } from '../model/control-characters.ts';
import { WORDS, type Lang } from './messages.ts';
import type { SummaryEntry } from './process-input.ts';

/**
 * Format the summary.
 *
 * @returns
 *   Lines ending in a newline, control characters of file names escaped.
 */
export function formatSummary(summary: SummaryEntry[], outDir: string, cwd: string, lang: Lang): string {
  const words = WORDS[lang];
  const ok = summary.filter((entry) => entry.status === 'ok');
  const skipped = summary.filter((entry) => entry.status === 'skipped').length;
  const failed = summary.length - ok.length - skipped;
  const lines = [words.summaryHead(summary.length, ok.length, failed, skipped, escapeControls(relative(cwd, outDir) || '.'))];
  for (const entry of summary) {
    lines.push(
      entry.status === 'ok'
        ? `  ${words.ok.padEnd(6)}  ${escapeControls(entry.input)}  ${words.counts(entry.targets, entry.deadlines, entry.responsibilities)}`
        : `  ${(entry.status === 'skipped' ? words.skipped : words.failed).padEnd(6)}  ${escapeControls(entry.input)}: ${escapeControls(words.reason(entry.reason ?? ''))}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
