/**
 * Plain-text reader: one paragraph per non-empty line, each with its unist
 * position and `data.location` (line, column). A plain-text table (cells one
 * per line, or tab-separated) stays text here.
 */
import type { Paragraph, Root } from 'mdast';
import { cleanText } from './clean-text.ts';

/**
 * Build the tree of a decoded plain text.
 *
 * @param text
 *   The decoded text.
 * @returns
 *   An mdast root whose children are positioned paragraphs.
 */
export function parseText(text: string): Root {
  const children: Paragraph[] = [];
  let offset = 0;
  const lines = text.split(/\r\n|\r|\n/);
  const breaks = [...text.matchAll(/\r\n|\r|\n/g)].map((m) => m[0].length);
  lines.forEach((raw, index) => {
    const lineStart = offset;
    offset += raw.length + (breaks[index] ?? 0);
    const leading = raw.length - raw.trimStart().length;
    const value = cleanText(raw);
    if (value === '') return;
    const line = index + 1;
    const column = leading + 1;
    const trimmedEnd = raw.trimEnd().length;
    const position = {
      start: { line, column, offset: lineStart + leading },
      end: { line, column: trimmedEnd + 1, offset: lineStart + trimmedEnd },
    };
    children.push({
      type: 'paragraph',
      children: [{ type: 'text', value, position }],
      position,
      data: { location: { line, column } },
    });
  });
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text, lines) } };
}

function endPoint(text: string, lines: string[]) {
  const last = lines[lines.length - 1] ?? '';
  return { line: lines.length, column: last.length + 1, offset: text.length };
}
