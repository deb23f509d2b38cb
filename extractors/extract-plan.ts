/**
 * Run every extractor over a document's blocks and validate the result.
 */
import type { Block, DocumentMetadata } from '../model/document.ts';
import { extractCoverage } from './coverage.ts';
import { extractDeadlines } from './deadlines.ts';
import { planExtractionSchema, type PlanExtraction } from '../model/plan.ts';
import { extractResponsibilities } from './responsibilities.ts';
import { extractTargets } from './targets.ts';

/**
 * Extract targets, deadlines, responsibilities and coverage.
 *
 * @param blocks
 *   The document's blocks.
 * @param metadata
 *   Its metadata (region, date) for rules that need them.
 * @returns
 *   The validated extraction.
 * @throws {Error}
 *   When the result fails the schema: a programmer error, listed by path.
 */
export function extractPlan(blocks: Block[], metadata: DocumentMetadata): PlanExtraction {
  const targets = extractTargets(blocks, metadata);
  const candidate = {
    targets,
    deadlines: extractDeadlines(blocks, metadata),
    responsibilities: extractResponsibilities(blocks, metadata),
    coverage: extractCoverage(blocks, targets),
  };
  const parsed = planExtractionSchema.safeParse(candidate);
  if (!parsed.success) {
    const paths = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`extracted model fails validation: ${paths.join('; ')}`);
  }
  return parsed.data;
}
