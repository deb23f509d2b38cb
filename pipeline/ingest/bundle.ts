/**
 * A plan read with its annex files as one document (`--bundle`): the plan's
 * tree, then each annex under a `附件` heading, every annex node's location
 * naming its file. Each file is read by its own format's reader and its
 * tables made one grid before the trees are joined; outline, blocks and
 * metadata are then built once over the whole.
 */
import type { Paragraph, Root } from 'mdast';
import type { SourceLocation } from '../../model/document.ts';
import { checkTreeShape } from './expansion-caps.ts';
import { readPart, structureDocument, type IngestedDocument, type IngestOptions } from './ingest.ts';
import { DEFAULT_LIMITS, type Limits } from './limits.ts';
import { ReadError } from './read-error.ts';

/** One file of a bundle. */
export interface BundleFile {
  data: Uint8Array;
  /** The file's name (no folders), as locations and messages give it. */
  name: string;
}

/**
 * Read a plan and its annexes as one document.
 *
 * @param plan
 *   The plan itself.
 * @param annexes
 *   Its annex files, in the order they are to follow it.
 * @returns
 *   The ingested document; an annex that cannot be read is left out with a
 *   warning naming it and the reason (the plan is still read).
 * @throws {ReadError}
 *   When the plan itself cannot be read.
 */
export async function ingestBundle(plan: BundleFile, annexes: BundleFile[], limits: Limits = DEFAULT_LIMITS, options: IngestOptions = {}): Promise<IngestedDocument> {
  const started = performance.now();
  const joined = await readPart(plan.data, extensionOf(plan.name), limits, options);
  joined.warnings = [...joined.warnings];
  for (const annex of annexes) {
    let part;
    try {
      part = await readPart(annex.data, extensionOf(annex.name), limits, options);
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
      joined.warnings.push(`annex not read: ${annex.name}: ${error.message}`);
      continue;
    }
    markFile(part.tree, annex.name);
    joined.tree.children.push(annexHeading(annex.name), ...part.tree.children);
    joined.warnings.push(...part.warnings.map((warning) => `${annex.name}: ${warning}`));
    joined.warnings.push(`annex read into the plan: ${annex.name}`);
  }
  checkTreeShape(joined.tree);
  return structureDocument(joined, started);
}

/** Every located node of an annex's tree names the annex. */
function markFile(tree: Root, file: string): void {
  type Located = { data?: { location?: SourceLocation }; position?: { start: { line: number; column: number } }; children?: Located[] };
  const stack: Located[] = [tree as Located];
  while (stack.length > 0) {
    const node = stack.pop()!;
    // A node located only by its unist position (as blocks.ts would read it) gets the same place, with the file.
    const location = node.data?.location ?? (node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined);
    if (location) node.data = { ...node.data, location: { file, ...location } };
    if (node.children) stack.push(...node.children);
  }
}

/**
 * The heading an annex is read under: its file name without the extension, with `附件` before it
 * unless the name starts with it (`附件2 任务分工表`), so that the outline makes it an annex section.
 */
function annexHeading(name: string): Paragraph {
  const stem = name.replace(/\.[^.]+$/, '').trim();
  const title = /^附件/.test(stem) ? stem : `附件 ${stem}`;
  return { type: 'paragraph', children: [{ type: 'text', value: title }], data: { location: { file: name } } } as Paragraph;
}

function extensionOf(name: string): string {
  return (/\.[^./\\]+$/.exec(name)?.[0] ?? '').toLowerCase();
}
