/**
 * A quote as reports show it: the matched figure marked, a long sentence
 * trimmed around the figure (the full sentence on demand), and a quote already
 * shown higher up replaced by a reference to that row.
 */
import type { Location } from '../model/plan.ts';
import { findFigure } from '../pipeline/diff/reading.ts';
import { formatNumberText } from '../pipeline/diff/number.ts';
import type { Describe } from './docx-location.ts';
import type { Escape } from './escape.ts';

/** One run of a quote: marked (the figure) or not. */
export interface QuoteRun {
  text: string;
  mark: boolean;
}

/** A quote ready to render. */
export interface QuoteView {
  /** The runs of the shown text (trimmed around the figure when long). */
  runs: QuoteRun[];
  /** The whole sentence, when `runs` shows only part of it. */
  full: string | null;
  location: Location | null;
  /** For docx: the section path and the paragraph's opening words (Word shows no paragraph numbers). */
  where: string | null;
  /** The anchor of the row where the same quote was shown first, when this one repeats it. */
  repeatOf: string | null;
}

/** Quotes longer than this are trimmed around the figure. */
export const TRIM_AT = 80;
const CONTEXT = 36;

/**
 * Shows quotes, remembering which were shown and where.
 */
export class QuoteShower {
  readonly #seen = new Map<string, string>();
  readonly #escape: Escape;
  readonly #describe: Describe;

  constructor(escape: Escape, describe: Describe = () => null) {
    this.#escape = escape;
    this.#describe = describe;
  }

  /**
   * Prepare a quote.
   *
   * @param quote
   *   The sentence.
   * @param value
   *   The figure to mark (`null`: none).
   * @param location
   *   Its place.
   * @param anchor
   *   The anchor of the row showing it (a later row with the same quote refers here).
   */
  show(quote: string, value: number | null, location: Location | null, anchor: string | null): QuoteView {
    const key = `${quote}|${location?.file ?? ''}|${location?.line ?? ''}|${location?.paragraph ?? ''}|${location?.page ?? ''}`;
    const earlier = this.#seen.get(key);
    const where = this.#describe(quote, location);
    const whereText = where === null ? null : this.#escape(where);
    if (earlier !== undefined && anchor !== null && earlier !== anchor) return { runs: [], full: null, location, where: whereText, repeatOf: earlier };
    if (anchor !== null && earlier === undefined) this.#seen.set(key, anchor);
    const at = value === null ? -1 : findFigure(quote, value);
    const length = value === null || at === -1 ? 0 : formatNumberText(value).length;
    let from = 0;
    let to = quote.length;
    if (quote.length > TRIM_AT) {
      const centre = at === -1 ? 0 : at;
      from = Math.max(0, centre - CONTEXT);
      to = Math.min(quote.length, from + TRIM_AT);
      from = Math.max(0, to - TRIM_AT);
    }
    const runs: QuoteRun[] = [];
    const push = (text: string, mark: boolean) => {
      if (text !== '') runs.push({ text: this.#escape(text), mark });
    };
    const lead = from > 0 ? '…' : '';
    const tail = to < quote.length ? '…' : '';
    if (at === -1 || at < from || at + length > to) {
      push(`${lead}${quote.slice(from, to)}${tail}`, false);
    } else {
      push(`${lead}${quote.slice(from, at)}`, false);
      push(quote.slice(at, at + length), true);
      push(`${quote.slice(at + length, to)}${tail}`, false);
    }
    return { runs, full: from > 0 || to < quote.length ? this.#escape(quote) : null, location, where: whereText, repeatOf: null };
  }
}
