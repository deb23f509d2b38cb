import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectHeldOutFloors, HELDOUT, type Floors } from './heldout-harness.ts';

/**
 * Blind held-out plans (test/heldout/blind-<name>/plan.txt, and plan.docx with real Word
 * tables where the plan has tables; gold.json annotated before the extractors first ran
 * on them). The floors pin what the extractors reach on them after the fixes they showed.
 */
const root = HELDOUT;
const floors: Record<string, Floors> = {
  'linxi.txt': { targets: 0.99, deadlines: 0.99, responsibilities: 0.99, coverage: 1 },
  'linxi.docx': { targets: 0.99, deadlines: 0.99, responsibilities: 0.99, coverage: 1 },
  'zheling.txt': { targets: 0.99, deadlines: 0.99, responsibilities: 0.99, coverage: 1 },
};

describe('blind held-out plans', () => {
  it('should have a floor for every blind plan and format', () => {
    const found = readdirSync(root)
      .filter((d) => d.startsWith('blind-'))
      .flatMap((d) => readdirSync(new URL(`${d}/`, root)).filter((f) => /^plan\.(txt|docx)$/.test(f)).map((f) => `${d.slice('blind-'.length)}.${f.split('.')[1]}`));
    expect(found.sort()).toEqual(Object.keys(floors).sort());
  });

  for (const [key, floor] of Object.entries(floors)) {
    const [name, format] = key.split('.') as [string, string];
    it(`should keep every kind of ${name} (${format}) above its floor`, async () => {
      await expectHeldOutFloors(`blind-${name}`, `plan.${format}`, floor);
    });
  }
});
