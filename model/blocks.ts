/**
 * Flatten a document tree into blocks (headings, paragraphs, table rows) in
 * document order, each with its location and the titles of its enclosing sections.
 */
import type { Nodes, Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Block, OutlineMarker, SourceLocation } from './document.ts';

interface OpenSection {
  level: number;
  title: string;
}

/**
 * List the blocks of a tree whose outline has been marked.
 *
 * @param tree
 *   The document tree (see `markOutline`).
 * @returns
 *   Blocks in document order.
 */
export function toBlocks(tree: Root): Block[] {
  const blocks: Block[] = [];
  const stack: OpenSection[] = [];
  let tableIndex = 0;

  const visit = (node: Nodes): void => {
    if (node.type === 'table') {
      blocks.push(...tableBlocks(node, tableIndex++, stack));
      return;
    }
    if (node.type === 'heading' || node.type === 'paragraph') {
      const text = toString(node).trim();
      if (text === '') return;
      const outline = (node.data as { outline?: OutlineMarker } | undefined)?.outline;
      if (outline) {
        while (stack.length > 0 && stack[stack.length - 1]!.level >= outline.level) stack.pop();
      } else if (node.type === 'heading') {
        // A heading without a Chinese marker (Markdown `#`, Word Heading 1) nests by depth.
        while (stack.length > 0 && stack[stack.length - 1]!.level >= node.depth - 1) stack.pop();
      }
      const block: Block = {
        kind: node.type,
        text,
        location: locationOf(node),
        sectionPath: stack.map((s) => s.title),
      };
      if (outline) block.outline = outline;
      blocks.push(block);
      if (outline) stack.push({ level: outline.level, title: outline.title === outline.marker ? outline.marker : `${outline.marker}${outline.title}` });
      else if (node.type === 'heading') stack.push({ level: node.depth - 1, title: text });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };

  for (const child of tree.children) visit(child);
  return blocks;
}

function tableBlocks(table: Table, index: number, stack: OpenSection[]): Block[] {
  const rows = table.children.map((row) => row.children.map((cell) => toString(cell).trim()));
  const header = rows[0];
  return table.children.map((row, rowIndex) => {
    const cells = rows[rowIndex]!;
    const spanned = row.children.map((cell) => (cell.data as { spanned?: boolean } | undefined)?.spanned === true);
    const block: Block = {
      kind: 'tableRow',
      text: cells.join('\t'),
      cells,
      table: header ? { index, row: rowIndex, header } : { index, row: rowIndex },
      location: locationOf(row),
      sectionPath: stack.map((s) => s.title),
    };
    if (spanned.some(Boolean)) block.spanned = spanned;
    return block;
  });
}

/**
 * The source location of a node: `data.location` set by its reader, else its
 * unist start position.
 *
 * @param node
 *   Any tree node.
 */
export function locationOf(node: Nodes): SourceLocation {
  const fromData = (node.data as { location?: SourceLocation } | undefined)?.location;
  if (fromData) return fromData;
  if (node.position) return { line: node.position.start.line, column: node.position.start.column };
  return {};
}
