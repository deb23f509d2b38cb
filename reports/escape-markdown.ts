/**
 * Make document text inert in Markdown: no HTML, no emphasis, no links, no
 * table breaks, one line. Markdown renderers pass raw HTML through, so `<` and
 * `>` become entities just as in HTML.
 */

/**
 * Escape text for a Markdown table cell or paragraph.
 *
 * @param text
 *   Document text.
 * @returns
 *   The text on one line, with HTML and Markdown syntax neutralised.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|#~{}!]/g, (char) => `\\${char}`);
}
