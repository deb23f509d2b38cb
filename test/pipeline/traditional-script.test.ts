/**
 * A plan in traditional characters scores as the same plan in simplified ones: the pair is
 * made here with opencc-js (cn → t), the plan and its gold alike.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { processDocument } from '../../pipeline/process-document.ts';
import { scoreDocument, toPrf } from '../../cli/evaluate.ts';
import { loadSimplify, mayBeTraditional, simplifyBlocks } from '../../pipeline/ingest/traditional-script.ts';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
const root = new URL('../../', import.meta.url);

/** The gold of a plan with every string of the document's own converted, units left as they are. */
function traditionalGold(gold: any): any {
  const t = (s: unknown) => (typeof s === 'string' ? toTraditional(s) : s);
  return {
    ...gold,
    region: t(gold.region),
    targets: gold.targets.map((x: any) => ({ ...x, quote: t(x.quote) })),
    deadlines: gold.deadlines.map((x: any) => ({ ...x, quote: t(x.quote), label: t(x.label) })),
    responsibilities: gold.responsibilities.map((x: any) => ({ ...x, quote: t(x.quote), task: t(x.task), departments: x.departments.map((d: any) => ({ ...d, name: t(d.name) })) })),
  };
}

describe('plans in traditional characters', () => {
  it.each(['qinxian-2021', 'nanan-2022'])('should score %s in traditional characters within 0.03 of the simplified plan, quotes kept in the plan\'s script', async (name) => {
    const text = readFileSync(new URL(`corpus/${name}.txt`, root), 'utf8');
    const gold = JSON.parse(readFileSync(new URL(`test/gold/${name}.json`, root), 'utf8'));
    const simplified = await processDocument(new TextEncoder().encode(text), `${name}.txt`);
    const traditional = await processDocument(new TextEncoder().encode(toTraditional(text)), `${name}.txt`);
    if (!simplified.ok || !traditional.ok) throw new Error('not processed');
    const a = scoreDocument(name, gold, simplified.model);
    const b = scoreDocument(name, traditionalGold(gold), traditional.model);
    for (const kind of ['targets', 'deadlines', 'responsibilities'] as const) {
      expect(Math.abs(toPrf(a[kind]).f1 - toPrf(b[kind]).f1), kind).toBeLessThanOrEqual(0.03);
    }
    // Quotes and names stay as the plan wrote them; units are the model's own simplified words.
    const tr = traditional.model;
    expect(tr.responsibilities.some((r) => r.departments.some((d) => d.name.includes('縣') || d.name.includes('區') || d.name.includes('市')))).toBe(true);
    for (const t of tr.targets) expect(toTraditional(text).includes(t.quote.split(' ')[0]!.slice(0, 8))).toBe(true);
    expect(tr.targets.every((t) => !/[間級個]/.test(t.unit))).toBe(true);
    expect(tr.messages.some((m) => m.reason.startsWith('traditional characters'))).toBe(true);
  });

  it('should leave a simplified plan unconverted', async () => {
    const text = readFileSync(new URL('corpus/qinxian-2021.txt', root), 'utf8');
    const blocks = [{ kind: 'paragraph' as const, text, location: { line: 1 }, sectionPath: [] }];
    expect(mayBeTraditional(text) && simplifyBlocks(blocks, await loadSimplify()) !== undefined).toBe(false);
  });
});
