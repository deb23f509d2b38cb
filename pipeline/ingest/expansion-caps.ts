/**
 * Caps on what a reader may expand a small input into: lines of a text, nodes and nesting depth
 * of a document tree, and the size of the model written for it. Each is far above any real plan
 * (the longest plan of the corpus has 1,100 lines, 3,000 nodes, depth 5, a 360 KB model) and far
 * below what takes a worker's memory; the checks are pure and throw a `ReadError` whose message is
 * the one-line reason a user sees.
 */
import { formatBytes } from './limits.ts';
import { ReadError } from './read-error.ts';

/** Most lines a text or Markdown file may have. */
export const MAX_TEXT_LINES = 200_000;
/** Most nodes a document tree may have. */
export const MAX_TREE_NODES = 500_000;
/** Deepest nesting of a document tree (blockquotes, lists, tables in tables). */
export const MAX_NESTING_DEPTH = 64;
/** Most text runs all pages of a PDF may hold together. */
export const MAX_PDF_TEXT_RUNS = 1_000_000;
/** Most grid columns one table cell may span: Word's limit on a table's columns. */
export const MAX_TABLE_SPAN = 63;
/** Most characters of a list label (Word's counters stop at 32767; a label repeats them at most a few times). */
export const MAX_LABEL_CHARS = 64;
/** Largest counter of a Word list, as Word itself caps it. */
export const MAX_LIST_COUNTER = 32_767;
/** A model may be this many times its input's size … */
export const MAX_MODEL_BYTES_PER_INPUT_BYTE = 64;
/** … and always at least this large. */
export const MIN_MODEL_BYTES_CAP = 8 * 1024 * 1024;

/**
 * Refuse a text with more lines than MAX_TEXT_LINES, before it is parsed.
 *
 * @param text
 *   The decoded text.
 * @throws {ReadError}
 *   `too many lines: 2000000 (limit 200000)`.
 */
export function checkTextLines(text: string): void {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  if (lines > MAX_TEXT_LINES) throw new ReadError(`too many lines: ${lines} (limit ${MAX_TEXT_LINES})`);
}

/** The container markers that open a line: `>`, and list markers (`-`, `*`, `+`, `1.`, `1)`) followed by a space. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))+/gm;
const CONTAINER_MARKER = />|[-*+][ \t]|\d{1,9}[.)][ \t]/g;

/**
 * Refuse Markdown that nests blockquotes or lists deeper than MAX_NESTING_DEPTH on one line, before
 * it is parsed (parsers recurse once per level, and take quadratic time on deep lists).
 *
 * @param text
 *   The decoded Markdown.
 * @throws {ReadError}
 *   `nesting too deep: 10000 levels (limit 64)`.
 */
export function checkMarkdownNesting(text: string): void {
  let deepest = 0;
  for (const match of text.matchAll(CONTAINER_PREFIX)) {
    const depth = match[0].match(CONTAINER_MARKER)?.length ?? 0;
    if (depth > deepest) deepest = depth;
  }
  if (deepest > MAX_NESTING_DEPTH) throw new ReadError(`nesting too deep: ${deepest} levels (limit ${MAX_NESTING_DEPTH})`);
}

/** A node of a document tree, as far as its shape goes. */
interface TreeNode {
  children?: unknown;
}

/**
 * Refuse a tree with more nodes than MAX_TREE_NODES or nested deeper than MAX_NESTING_DEPTH.
 * Walks without recursion, so a deep tree is measured rather than overflowing the stack.
 *
 * @param tree
 *   The document tree.
 * @throws {ReadError}
 *   `too many parts: 600000 nodes (limit 500000)` or `nesting too deep: 80 levels (limit 64)`.
 */
export function checkTreeShape(tree: object): void {
  let nodes = 0;
  const stack: Array<[TreeNode, number]> = [[tree as TreeNode, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    nodes++;
    if (nodes > MAX_TREE_NODES) throw new ReadError(`too many parts: over ${MAX_TREE_NODES} nodes (limit ${MAX_TREE_NODES})`);
    if (depth > MAX_NESTING_DEPTH) throw new ReadError(`nesting too deep: over ${MAX_NESTING_DEPTH} levels (limit ${MAX_NESTING_DEPTH})`);
    if (Array.isArray(node.children)) for (const child of node.children as TreeNode[]) stack.push([child, depth + 1]);
  }
}

/**
 * The largest model an input of this size may give.
 *
 * @param inputBytes
 *   The input's size.
 */
export function modelBytesCap(inputBytes: number): number {
  return Math.max(MIN_MODEL_BYTES_CAP, inputBytes * MAX_MODEL_BYTES_PER_INPUT_BYTE);
}

/**
 * Refuse a model larger than its input allows.
 *
 * @param modelBytes
 *   The model's size as written.
 * @param inputBytes
 *   The input's size.
 * @throws {ReadError}
 *   `model too large: 15 MB from a 2 KB input (limit 8 MB)`.
 */
export function checkModelSize(modelBytes: number, inputBytes: number): void {
  const cap = modelBytesCap(inputBytes);
  if (modelBytes > cap) {
    throw new ReadError(`model too large: ${formatBytes(modelBytes)} from a ${formatBytes(inputBytes)} input (limit ${formatBytes(cap)})`);
  }
}
