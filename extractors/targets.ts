/**
 * Targets extractor: the numbers a plan commits to, requires or reports as
 * the present state, each tied to the national indicator it measures (or
 * `null`), with level, comparator, value, unit, year and kind
 * (EXTRACTION.md §1). Works on blocks of any format.
 */
import type { Block, DocumentMetadata } from '../pipeline/types.ts';
import type { Location, Target } from './model.ts';
import { isShortLabel, LabelTracker, readBrokenLineTail, readRowContext, type LabelContext } from './target-context.ts';
import { extractStatementTargets, type StatementTarget } from './target-statement.ts';
import { readSectionPathYear } from './target-year.ts';

/** Copy the defined fields of a block's location (exactOptionalPropertyTypes forbids undefined values). */
function toLocation(block: Block): Location {
  const location: Location = {};
  const { line, column, page, paragraph } = block.location;
  if (line !== undefined) location.line = line;
  if (column !== undefined) location.column = column;
  if (page !== undefined) location.page = page;
  if (paragraph !== undefined) location.paragraph = paragraph;
  return location;
}

/** Turn a statement's target into a located `Target`. */
function toTarget(found: StatementTarget, block: Block): Target {
  const target: Target = {
    indicator: found.indicator,
    level: found.level,
    comparator: found.comparator,
    value: found.value,
    unit: found.unit,
    year: found.year,
    kind: found.kind,
    quote: found.quote,
    location: toLocation(block),
    sectionPath: [...block.sectionPath],
  };
  if (block.location.line !== undefined) target.line = block.location.line;
  if (found.quantity !== undefined) target.quantity = found.quantity;
  return target;
}

/** The year the document was issued, from its metadata. */
function readDocumentYear(metadata: DocumentMetadata | undefined): number | null {
  const m = metadata?.date?.match(/^(\d{4})/);
  return m ? Number(m[1]) : null;
}

/**
 * Extract the targets of a document.
 *
 * @param blocks
 *   The document's blocks, in order (from `ingest`).
 * @param metadata
 *   The document's metadata (its date tells a past status year from a target year).
 * @returns
 *   Every target found, in document order; one statement can give several.
 */
export function extractTargets(blocks: Block[], metadata?: DocumentMetadata): Target[] {
  const documentYear = readDocumentYear(metadata);
  const labels = new LabelTracker();
  const out: Target[] = [];
  let pendingTail = '';
  let previousTable: number | undefined;
  for (const block of blocks) {
    const sectionYear = readSectionPathYear(block.sectionPath);
    if (block.kind === 'heading') labels.reset();
    if (block.kind === 'tableRow') {
      if (block.table?.index !== previousTable) labels.reset();
      previousTable = block.table?.index;
      pendingTail = '';
      const cells = block.cells ?? block.text.split('\t');
      const seen = new Set<string>();
      cells.forEach((cell, index) => {
        if (seen.has(cell)) return; // a merged cell repeats its text
        seen.add(cell);
        const row: LabelContext = readRowContext(block, index);
        for (const found of extractStatementTargets(cell, {
          year: row.year ?? sectionYear,
          kind: row.kind,
          documentYear,
        })) {
          out.push(toTarget(found, block));
        }
      });
    } else {
      previousTable = undefined;
      const isLabel = block.kind === 'paragraph' && labels.observe(block.text);
      if (isLabel || isShortLabel(block)) continue; // a broken line may continue after a repeated column title
      const label = labels.current();
      const prefix = block.outline ? '' : pendingTail;
      pendingTail = readBrokenLineTail(block);
      for (const found of extractStatementTargets(block.text, {
        year: label.year ?? sectionYear,
        kind: label.kind,
        documentYear,
        prefix,
      })) {
        out.push(toTarget(found, block));
      }
    }
  }
  return out;
}
