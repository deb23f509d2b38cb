import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentModelJsonSchema, documentModelSchema } from '../model/plan-schema.ts';
import { processDocument } from '../pipeline/process-document.ts';

describe('schema/plan.schema.json', () => {
  it('should be the JSON Schema generated from the zod schema (regenerate with `node bin/plancheck.js schema > schema/plan.schema.json`)', () => {
    const shipped = JSON.parse(readFileSync(new URL('../schema/plan.schema.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(documentModelJsonSchema());
    expect(shipped.required).toEqual(expect.arrayContaining(['document', 'targets', 'deadlines', 'responsibilities', 'coverage', 'metadata']));
    expect(shipped.properties.targets.items.properties.hedge).toBeTruthy();
  });

  it('should describe the models the pipeline writes', async () => {
    const outcome = await processDocument(readFileSync(new URL('../corpus/nanan-2022.txt', import.meta.url)), 'nanan-2022.txt');
    if (!outcome.ok) throw new Error(outcome.reason);
    expect(documentModelSchema.safeParse(JSON.parse(JSON.stringify(outcome.model))).success).toBe(true);
  });
});
