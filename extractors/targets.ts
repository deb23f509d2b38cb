/**
 * Targets extractor: the numbers a plan commits to, requires or reports as
 * the present state, each tied to the national indicator it measures (or
 * `null`), with level, comparator, value, unit, year and kind
 * (EXTRACTION.md §1). Works on blocks of any format.
 */
import { toLocation } from './location.ts';
import type { Block, DocumentMetadata } from '../model/document.ts';
import type { Level, Target } from '../model/plan.ts';
import { readSectionLevel, scopeLevel } from './section-scope.ts';
import { readAnnualYear } from './annual-year.ts';
import { findHedge } from './hedge.ts';
import { findReferenceTargets } from './reference-targets.ts';
import { isShortLabel, LabelTracker, readBrokenLineTail, readRowContext, readSectionKind, type LabelContext } from './target-context.ts';
import { extractStatementTargets, type StatementTarget } from './target-statement.ts';
import { FlatTableTracker, isFigureCell, restateTableRow, STANDARD_COLUMN, type TableStatement } from './target-table.ts';
import { IntroYearTracker, readSectionPathYear, readSectionYear } from './target-year.ts';
import { readFlatRowYears } from './flat-row-years.ts';

/** What the enclosing sections give the statements under them. */
interface SectionScope {
  year: number | null;
  kind: 'baseline' | null;
  level: Exclude<Level, 'all'> | null;
}

/** Turn a statement's target into a located `Target`; a level its words do not state comes from its section. */
function toTarget(found: StatementTarget, block: Block, sectionLevel: Exclude<Level, 'all'> | null = null): Target {
  const target: Target = {
    indicator: found.indicator,
    level: scopeLevel(found.indicator, found.level, sectionLevel),
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
  if (found.kind === 'target') {
    const hedge = findHedge(found.quote, found.value);
    if (hedge !== null) target.hedge = hedge;
  }
  return target;
}

/** What a table's caption says of its cells. */
interface CaptionScope {
  year: number | null;
  kind: 'target' | 'baseline' | null;
}

const CAPTION = /^(?:附?表\s*[\d一二三四五六七八九十]+|.{0,60}(?:表|清单|一览表|指标|情况)(?:[（(][^（）()]*[）)])?\s*$)/;

/**
 * The year and kind a table's caption gives its cells (表1 主要指标现状（2023年）: 2023, baseline;
 * 表2 到2026年主要指标: 2026): the block right before the table, when it reads as a caption.
 *
 * @param block
 *   The block before the table's first row, if any.
 */
function readCaptionScope(block: Block | undefined): CaptionScope {
  if (!block || block.kind === 'tableRow') return { year: null, kind: null };
  const text = block.text.trim();
  if (text.length > 80 || !CAPTION.test(text)) return { year: null, kind: null };
  const baseline = /现状|基本情况|基数/.test(text);
  const target = /目标/.test(text);
  return { year: readSectionYear(text), kind: baseline && !target ? 'baseline' : target && !baseline ? 'target' : null };
}

/** Whether two section paths name the same sections. */
function isSamePath(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
  // An annual document (2025年工作要点) gives its year to every figure that states none.
  const annualYear = readAnnualYear(metadata?.title ?? null);
  const labels = new LabelTracker();
  const flatTable = new FlatTableTracker();
  const intro = new IntroYearTracker();
  const out: Target[] = [];
  const rowYears = readFlatRowYears(blocks);
  let pendingTail = '';
  let previousTable: number | undefined;
  /** The year and kind of the section path last met (consecutive blocks share theirs). */
  let lastPath: readonly string[] = [];
  let lastSection: SectionScope | undefined;
  const readSection = (sectionPath: readonly string[]): SectionScope => {
    if (!lastSection || !isSamePath(sectionPath, lastPath)) {
      lastSection = { year: readSectionPathYear(sectionPath), kind: readSectionKind(sectionPath), level: readSectionLevel(sectionPath) };
      lastPath = sectionPath;
    }
    return lastSection;
  };
  /** A table figure's year and kind: the column's, else the row's; a past year without a kind is a status. */
  const readFigure = (statement: TableStatement, block: Block, fallback: LabelContext): void => {
    // A column restating the standard (国家标准, 标准要求) holds no year of the plan's.
    const restatesStandard = STANDARD_COLUMN.test((block.table?.header?.[statement.cell] ?? '').replace(/\s+/g, ''));
    const year = restatesStandard ? null : statement.year ?? fallback.year;
    const kind = statement.kind ?? fallback.kind ?? (year !== null && documentYear !== null && year < documentYear ? 'baseline' : null);
    for (const found of extractStatementTargets(statement.text, { year, kind, documentYear })) {
      // A figure under its own level's column keeps that level (the row states the levels separately).
      const level = found.level === 'all' && statement.columnLevel !== undefined ? statement.columnLevel : found.level;
      out.push(toTarget({ ...found, level, quote: block.text.replace(/\t+/g, ' ').trim().slice(0, 500) }, block));
    }
  };
  let caption: CaptionScope = { year: null, kind: null };
  let previousBlock: Block | undefined;
  for (const block of blocks) {
    const before = previousBlock;
    previousBlock = block;
    intro.observe(block);
    const section = readSection(block.sectionPath);
    const sectionYear = intro.current() ?? section.year ?? annualYear;
    const sectionKind = section.kind;
    if (block.kind === 'heading') labels.reset();
    if (block.kind === 'tableRow') {
      if (block.table?.index !== previousTable) {
        labels.reset();
        caption = readCaptionScope(before);
      }
      previousTable = block.table?.index;
      pendingTail = '';
      // The caption's year and kind (表1 …现状（2023年）) for cells whose row and column state none.
      const tableYear = caption.year ?? sectionYear;
      const tableKind = caption.kind ?? sectionKind;
      const cells = block.cells ?? block.text.split('\t');
      const figures = block.table?.header ? restateTableRow(cells, block.table.header) : [];
      const seen = new Set<string>();
      cells.forEach((cell, index) => {
        const figure = figures.find((f) => f.cell === index);
        // A merged cell repeats its text; a figure under its own column is not a repeat.
        if (seen.has(cell) && !figure) return;
        seen.add(cell);
        // A merged cell's copy in a later row (a note spanning the table) was read where it is written.
        if (block.spanned?.[index] && !figure) return;
        const row: LabelContext = readRowContext(block, index);
        if (figure) {
          readFigure(figure, block, { year: row.year ?? tableYear, kind: row.kind ?? tableKind });
          return;
        }
        for (const found of extractStatementTargets(cell, {
          year: row.year ?? tableYear,
          kind: row.kind ?? tableKind,
          documentYear,
        })) {
          out.push(toTarget(found, block));
        }
      });
    } else {
      previousTable = undefined;
      const figures = flatTable.observe(block.text);
      if (figures.length > 0) {
        pendingTail = '';
        for (const figure of figures) readFigure(figure, block, { year: sectionYear, kind: sectionKind });
        const rest = block.text.split('\t').filter((cell) => !isFigureCell(cell)).join('\t');
        for (const found of extractStatementTargets(rest, { year: sectionYear, kind: sectionKind, documentYear })) out.push(toTarget(found, block, section.level));
        continue;
      }
      const isLabel = block.kind === 'paragraph' && labels.observe(block.text);
      if (isLabel || isShortLabel(block)) continue; // a broken line may continue after a repeated column title
      const label = labels.current();
      const prefix = block.outline ? '' : pendingTail;
      pendingTail = readBrokenLineTail(block);
      for (const found of extractStatementTargets(block.text, {
        year: label.year ?? rowYears.get(block) ?? sectionYear,
        kind: label.kind ?? sectionKind,
        documentYear,
        prefix,
      })) {
        out.push(toTarget(found, block, section.level));
      }
      for (const reference of findReferenceTargets(block.text, label.year ?? rowYears.get(block) ?? sectionYear)) {
        const target: Target = { ...reference, kind: 'target', byReference: true, location: toLocation(block), sectionPath: [...block.sectionPath] };
        if (block.location.line !== undefined) target.line = block.location.line;
        out.push(target);
      }
    }
  }
  return out;
}
