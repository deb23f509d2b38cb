/**
 * Shared types of the ingest stage: where a piece of text came from, and the
 * flat view of a document tree that extractors read.
 */
import type { Root } from 'mdast';

/** The formats plancheck reads. */
export type SourceFormat = 'txt' | 'md' | 'docx' | 'pdf' | 'ofd' | 'xlsx' | 'xls' | 'csv' | 'html' | 'doc';

/**
 * Where a piece of text is in its source file. Each format fills what it has:
 * txt/md a 1-based `line` (and `column`), pdf a 1-based `page`, docx a 1-based
 * `paragraph` (the index of the `w:p` in document order, table cells included);
 * a spreadsheet (xlsx/xls/csv) the 1-based row of its sheet as `line` and the column as `column`;
 * html a `line` and `column` in the page's file; doc (and .wps) a 1-based `paragraph` (the index
 * of the paragraph in the document's text, table cells included).
 * In a bundle, an annex's locations also name the annex `file`.
 */
export interface SourceLocation {
  /** In a bundle (a plan read with its annex files, `--bundle`): the annex file's name; absent in the plan itself. */
  file?: string;
  line?: number;
  column?: number;
  page?: number;
  paragraph?: number;
}

/** Outline marker recognised at the start of a block (一、 （一） 1． （1） 附件2). */
export interface OutlineMarker {
  /** 1 = 一、 or 第N章, 1.5 = 第N条, 2 = （一）, 3 = 1．/1., 4 = （1）; 0 = 附件N. */
  level: number;
  /** The marker as written, e.g. `（二）`. */
  marker: string;
  /** The title: the text after the marker up to the first 。 or ：, trimmed. */
  title: string;
}

/**
 * One readable unit of a document, in document order: a heading, a paragraph
 * or a table row. Extractors work on blocks; every block carries its location.
 */
export interface Block {
  kind: 'heading' | 'paragraph' | 'tableRow';
  /** The text; for a table row the cells joined with a tab. */
  text: string;
  /** For a table row: the text of each cell (a merged cell repeats its text). */
  cells?: string[];
  /** For a table row: which cells repeat a merged cell (a copy, not the cell where it is written). */
  spanned?: boolean[];
  /** For a table row: 0-based index of the table in the document, and of the row in it. */
  table?: { index: number; row: number; header?: string[] };
  location: SourceLocation;
  /** Titles of the enclosing outline sections, outermost first (this block's own title excluded). */
  sectionPath: string[];
  /** Outline marker that starts this block, if any. */
  outline?: OutlineMarker;
}

/** What ingest knows about a document beyond its text. */
export interface DocumentMetadata {
  title: string | null;
  docNumber: string | null;
  issuer: string | null;
  date: string | null;
  region: string | null;
}

/** A read document: its tree plus what a reader learned on the way. */
export interface ReadDocument {
  format: SourceFormat;
  tree: Root;
  /** Encoding detected for text formats. */
  encoding?: string;
  /** Page count for pdf. */
  pages?: number;
}

declare module 'mdast' {
  interface Data {
    /** Where the node is in its source file (set by every reader). */
    location?: SourceLocation;
    /** Outline marker that opens this node's section (set by `markOutline`). */
    outline?: OutlineMarker;
    /** A merged table cell's copy in a row or column it spans. */
    spanned?: boolean;
  }
}
