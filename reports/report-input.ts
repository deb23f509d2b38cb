/**
 * What the report renderers read from a document model.
 */
import { dropControls } from '../model/control-characters.ts';
import type { DocumentModel } from '../pipeline/process-document.ts';
import type { ItemPlaces } from '../model/sections.ts';

/** The parts of a `DocumentModel` the reports show (a full model fits), and where its items stand in its outline. */
export type ReportInput = Pick<
  DocumentModel,
  'document' | 'format' | 'metadata' | 'targets' | 'deadlines' | 'responsibilities' | 'coverage' | 'messages'
> & {
  /** The section of every item (`placeItems`); without it a task gets only the targets of its own sentence. */
  places?: ItemPlaces;
};

/** Options of the per-plan renderers. */
export interface PlanReportOptions {
  /** The plan's output name (`out/<name>/`), shown as the report's key (default: the document's file name). */
  name?: string;
  /** When the report was made, shown in the footer (default: none, so output is reproducible). */
  generatedAt?: string;
}

/**
 * Text of a plan's title: its metadata title, else its file name.
 *
 * @param model
 *   The plan.
 * @returns
 *   The title.
 */
export function titleOf(model: ReportInput): string {
  // A file name may hold terminal and bidi controls: none of them reach a title.
  return dropControls(model.metadata.title ?? model.document);
}
