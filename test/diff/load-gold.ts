/**
 * Test helper: the hand-checked gold files as document models, and the
 * national standard. Gold files have `line` instead of `location` and boolean
 * coverage; a real model has `location` and coverage entries: accept both.
 */
import { readFileSync } from 'node:fs';
import type { CoverageEntry, Deadline, Location, Responsibility, Target } from '../../model/plan.ts';
import type { DocumentModel } from '../../pipeline/process-document.ts';
import { loadStandard, type Standard } from '../../model/standard.ts';

/** Read a JSON file relative to the project root. */
export function readProjectJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));
}

/** The national standard with the given overlay files (paths relative to the project root). */
export function loadNational(...overlays: string[]): Standard {
  return loadStandard(readProjectJson('corpus/standards/jiaodu-2017-6.json'), overlays.map(readProjectJson));
}

/** A gold file's name, e.g. `nanan-2022`. */
export type GoldName = 'haicheng' | 'jiaoling-2022' | 'nanan-2022' | 'nanchuan-2021' | 'qinxian-2021';

/** Every gold file. */
export const GOLD_NAMES: GoldName[] = ['haicheng', 'jiaoling-2022', 'nanan-2022', 'nanchuan-2021', 'qinxian-2021'];

/** A gold file of the corpus (`test/gold/`) as a document model. */
export function loadGoldModel(name: GoldName): DocumentModel {
  return toDocumentModel(readProjectJson(`test/gold/${name}.json`));
}


/** Turn a gold-shaped (or model-shaped) object into a `DocumentModel`. */
export function toDocumentModel(raw: any): DocumentModel {
  const locate = (item: any) => ({
    ...item,
    location: (item.location as Location | undefined) ?? (item.line === undefined ? {} : { line: item.line as number }),
  });
  const coverage: Record<string, CoverageEntry> = {};
  for (const [id, value] of Object.entries(raw.coverage ?? {})) {
    coverage[id] = typeof value === 'boolean' ? { covered: value, quote: null, location: null } : (value as CoverageEntry);
  }
  const metadata = raw.metadata ?? {
    title: raw.title ?? null,
    docNumber: raw.docNumber ?? null,
    issuer: null,
    date: null,
    region: raw.region ?? null,
  };
  return {
    document: raw.document,
    format: raw.format ?? 'txt',
    encoding: null,
    pages: null,
    pdfEngine: null,
    metadata,
    region: metadata.region,
    docNumber: metadata.docNumber,
    targets: (raw.targets as Target[]).map(locate),
    deadlines: (raw.deadlines as Deadline[]).map(locate),
    responsibilities: (raw.responsibilities as Responsibility[]).map(locate),
    coverage,
    messages: raw.messages ?? [],
    tree: { type: 'root', children: [] },
  };
}
