/**
 * Markdown reader: remark-parse with GFM tables; every block node gets
 * `data.location` (line, column) from its unist position.
 */
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { checkMarkdownNesting } from '../expansion-caps.ts';
import type { Reader } from '../reader.ts';
import { decodeTextDocument } from '../text-document.ts';

/** The Markdown reader: bytes decoded (encoding detected), nesting capped, then `parseMarkdown`. */
export const readMd: Reader = async (data) => {
  const decoded = decodeTextDocument(data);
  checkMarkdownNesting(decoded.text);
  return { tree: parseMarkdown(decoded.text), notices: decoded.warnings, encoding: decoded.encoding };
};

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Build the tree of a Markdown text.
 *
 * @param text
 *   The decoded Markdown.
 * @returns
 *   The mdast root, block nodes annotated with their location.
 */
export function parseMarkdown(text: string): Root {
  const tree = processor.parse(text) as Root;
  annotate(tree as unknown as Located);
  return tree;
}

interface Located {
  type: string;
  position?: { start: { line: number; column: number } } | undefined;
  data?: Record<string, unknown> | undefined;
  children?: Located[];
}

function annotate(node: Located): void {
  if (node.position && node.type !== 'text' && node.type !== 'root') {
    node.data = { ...node.data, location: { line: node.position.start.line, column: node.position.start.column } };
  }
  for (const child of node.children ?? []) annotate(child);
}
