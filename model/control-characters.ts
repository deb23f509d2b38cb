/**
 * Characters that act on a terminal or on the direction of text instead of being text: C0 and C1
 * controls, DEL, bidirectional controls, line and paragraph separators. A file name holding them
 * (`\x1b]52;…` writes the clipboard, `\u202e` reverses what follows, a newline forges a line) is
 * shown with them escaped on a terminal, and without them in a title.
 */

const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Escape every control and bidi character: `\x1b`, `\n`, `\u202e`.
 *
 * @param text
 *   Text to print on a terminal.
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (char) => {
    const code = char.charCodeAt(0);
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * Drop every control and bidi character.
 *
 * @param text
 *   Text for a title.
 */
export function dropControls(text: string): string {
  return text.replace(CONTROLS, '');
}
