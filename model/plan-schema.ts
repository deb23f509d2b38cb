/**
 * The schema of `out/<name>.json` as a whole (the extraction plus what the
 * pipeline adds: document, format, metadata, messages, tree), and its JSON
 * Schema for R, pandas and other readers (`plancheck schema`,
 * `schema/plan.schema.json`, kept equal to this by a test).
 */
import { z } from 'zod';
import { messageSchema, planExtractionSchema } from './plan.ts';

/** The document model written to `out/<name>.json`. */
export const documentModelSchema = planExtractionSchema.extend({
  document: z.string().describe('the input file name'),
  format: z.enum(['txt', 'md', 'docx', 'pdf', 'ofd', 'xlsx', 'xls', 'csv', 'html', 'doc']).describe('how the file was read'),
  encoding: z.string().nullable().describe('the text encoding (txt), else null'),
  pages: z.number().int().nullable().describe('pages read (pdf), else null'),
  pdfEngine: z.enum(['pdfjs', 'pdfium']).nullable().describe('the PDF engine that read the text layer (pdf), else null'),
  metadata: z.object({
    title: z.string().nullable(),
    docNumber: z.string().nullable().describe('文号'),
    issuer: z.string().nullable(),
    date: z.string().nullable().describe('ISO date'),
    region: z.string().nullable(),
  }),
  region: z.string().nullable().describe('copy of metadata.region'),
  docNumber: z.string().nullable().describe('copy of metadata.docNumber'),
  messages: z.array(messageSchema),
  tree: z.looseObject({ type: z.literal('root'), children: z.array(z.unknown()) }).describe('the document tree (mdast)'),
});

/**
 * The JSON Schema of the document model.
 *
 * @returns
 *   A JSON Schema (draft 2020-12) object.
 */
export function documentModelJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://plancheck.invalid/schema/plan.schema.json',
    title: 'plancheck plan model (out/<name>.json)',
    ...z.toJSONSchema(documentModelSchema, { target: 'draft-2020-12' }),
  } as Record<string, unknown>;
}
