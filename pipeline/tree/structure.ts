/**
 * Outline structure: paragraphs that open a Chinese outline level are marked
 * (`data.outline`), and those that are only a title become `heading` nodes
 * (附件 → depth 1, 一、 → 2, （一） → 3, 1． → 4, （1） → 5). Markdown and Word
 * headings keep their own depth but gain the marker when they have one.
 */
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isHeadingOnly, matchOutline } from './outline.ts';

/**
 * Mark the outline of a document tree, in place.
 *
 * @param tree
 *   The tree a reader built.
 * @returns
 *   The same tree.
 */
export function markOutline(tree: Root): Root {
  tree.children = tree.children.map((node) => markNode(node));
  return tree;
}

function markNode(node: RootContent): RootContent {
  if (node.type !== 'paragraph' && node.type !== 'heading') return node;
  const text = toString(node).trim();
  const outline = matchOutline(text);
  if (!outline) return node;
  node.data = { ...node.data, outline };
  if (node.type === 'paragraph' && isHeadingOnly(text, outline)) {
    const heading: Heading = {
      type: 'heading',
      depth: Math.min(Math.floor(outline.level) + 1, 6) as Heading['depth'],
      children: (node as Paragraph).children,
      data: node.data,
    };
    if (node.position) heading.position = node.position;
    return heading;
  }
  return node;
}
