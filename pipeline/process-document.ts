/**
 * One document through the whole pipeline: bytes → ingest → extraction → the
 * JSON model that is written as `out/<name>.json`. No I/O: the caller reads
 * and writes files. Findings are collected as vfile messages.
 */
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { extractPlan } from '../extractors/extract-plan.ts';
import type { DocumentModel } from '../model/document-model.ts';
import type { PlanMessage } from '../model/plan.ts';
import { findImplausibleValues } from './implausible-values.ts';
import { ingestBundle, type BundleFile } from './ingest/bundle.ts';
import { ingest, type IngestedDocument, type IngestOptions } from './ingest/ingest.ts';
import { ReadError } from './ingest/read-error.ts';
import { restoreExtraction, restoreMetadata } from './ingest/traditional-script.ts';
import { DEFAULT_LIMITS, type Limits } from './ingest/limits.ts';
import type { DocumentMetadata, SourceFormat } from '../model/document.ts';

export type { DocumentModel } from '../model/document-model.ts';

/** Seconds one document spent in each stage. */
export interface StageSeconds {
  read: number;
  tree: number;
  extract: number;
}

/** The outcome of one document: its model and stage times, or the reason it failed. */
export type DocumentOutcome = { ok: true; model: DocumentModel; seconds: StageSeconds } | { ok: false; reason: string };

/**
 * Process one document.
 *
 * @param data
 *   The file's bytes.
 * @param fileName
 *   Its file name, with extension (used for the format and the model's `document`).
 * @param limits
 *   Size limits (default: DEFAULT_LIMITS).
 * @param options
 *   How documents are read (the PDF engine; optional).
 * @returns
 *   The model, or the one-line reason it could not be made.
 */
export async function processDocument(data: Uint8Array, fileName: string, limits: Limits = DEFAULT_LIMITS, options: IngestOptions = {}): Promise<DocumentOutcome> {
  const extension = (/\.[^./\\]+$/.exec(fileName)?.[0] ?? '').toLowerCase();
  return modelOf(fileName, () => ingest(data, extension, limits, options));
}

/**
 * Process a plan with its annex files as one document (`--bundle`): the model is the plan's, with the
 * annexes' items in it, located in their files.
 *
 * @param plan
 *   The plan's bytes and file name.
 * @param annexes
 *   The annexes' bytes and file names, in order.
 * @returns
 *   The model, or the one-line reason the plan could not be read (an unreadable annex is a message).
 */
export async function processBundle(plan: BundleFile, annexes: BundleFile[], limits: Limits = DEFAULT_LIMITS, options: IngestOptions = {}): Promise<DocumentOutcome> {
  return modelOf(plan.name, () => ingestBundle(plan, annexes, limits, options));
}

async function modelOf(fileName: string, read: () => Promise<IngestedDocument>): Promise<DocumentOutcome> {
  const file = new VFile({ path: fileName });
  try {
    const doc = await read();
    for (const warning of doc.warnings) file.message(warning, { ruleId: 'ingest', source: 'plancheck' });
    const extractStarted = performance.now();
    const extraction = extractPlan(doc.blocks, doc.metadata);
    const metadata = doc.restore ? restoreMetadata(doc.metadata, doc.restore) : doc.metadata;
    if (doc.restore) restoreExtraction(extraction, doc.restore);
    for (const finding of findImplausibleValues(extraction.targets)) {
      const place = finding.line === null ? {} : { place: { line: finding.line, column: finding.column ?? 1 } };
      file.message(finding.reason, { ruleId: 'implausible-value', source: 'plancheck', ...place });
    }
    const seconds: StageSeconds = { ...doc.seconds, extract: (performance.now() - extractStarted) / 1000 };
    const model: DocumentModel = {
      document: fileName,
      format: doc.format,
      encoding: doc.encoding ?? null,
      pages: doc.pages ?? null,
      pdfEngine: doc.pdfEngine ?? null,
      metadata,
      region: metadata.region,
      docNumber: metadata.docNumber,
      ...extraction,
      messages: [],
      tree: doc.tree,
    };
    model.messages = file.messages.map(toPlanMessage);
    return { ok: true, model, seconds };
  } catch (error) {
    if (error instanceof ReadError) return { ok: false, reason: error.message };
    if (error instanceof RangeError && /call stack/i.test(error.message)) return { ok: false, reason: 'nesting too deep: the document overflows the stack' };
    return { ok: false, reason: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function toPlanMessage(message: VFile['messages'][number]): PlanMessage {
  return {
    reason: message.reason,
    fatal: message.fatal ?? null,
    ruleId: message.ruleId ?? null,
    source: message.source ?? null,
    line: message.line ?? null,
    column: message.column ?? null,
  };
}
