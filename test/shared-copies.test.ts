/**
 * The repository carries its own copies of the shared material the tests read
 * (gold files, the extra plans, the spec, the national standard, the reference
 * scorer), so that `npm test` passes in a fresh clone with no `../shared`
 * beside it. Where `../shared` exists, every copy must equal its original,
 * file for file in both directions, so a change there is noticed here.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const shared = join(root, '../shared');

/** Each copy in the repository and the shared original it mirrors (file or folder, relative paths). */
const COPIES: Array<{ copy: string; original: string }> = [
  { copy: 'test/gold', original: 'gold' },
  { copy: 'test/extra/gold', original: 'extra/gold' },
  { copy: 'test/extra/DECISIONS.md', original: 'extra/DECISIONS.md' },
  { copy: 'docs/spec/EXTRACTION.md', original: 'spec/EXTRACTION.md' },
  { copy: 'corpus/standards/jiaodu-2017-6.json', original: 'spec/national-standard.json' },
  { copy: 'test/reference/score.mjs', original: 'eval/score.mjs' },
  ...['haicheng', 'jiaoling-2022', 'nanan-2022', 'nanchuan-2021', 'qinxian-2021'].map((plan) => ({ copy: `corpus/${plan}.txt`, original: `corpus/${plan}.txt` })),
];

/** The plain files directly in a folder (the extra corpus holds its renditions in subfolders). */
const filesIn = (dir: string) => readdirSync(dir).filter((name) => statSync(join(dir, name)).isFile()).sort();

describe('the copies of the shared material', () => {
  it.each(COPIES)('should ship $copy in the repository', ({ copy }) => {
    expect(existsSync(join(root, copy))).toBe(true);
  });

  it('should ship the nine extra plans in txt and md, each with its gold file', () => {
    const plans = filesIn(join(root, 'test/extra/gold')).map((name) => name.replace(/\.json$/, ''));
    expect(plans).toHaveLength(9);
    expect(filesIn(join(root, 'test/extra/corpus'))).toEqual(plans.flatMap((plan) => [`${plan}.md`, `${plan}.txt`]));
  });
});

describe.runIf(existsSync(shared))('the copies against ../shared', () => {
  it.each([...COPIES, { copy: 'test/extra/corpus', original: 'extra/corpus' }])('should keep $copy identical to ../shared/$original', ({ copy, original }) => {
    const here = join(root, copy);
    const there = join(shared, original);
    if (statSync(there).isDirectory()) {
      expect(filesIn(here)).toEqual(filesIn(there));
      for (const name of filesIn(there)) {
        expect({ name, same: readFileSync(join(here, name)).equals(readFileSync(join(there, name))) }).toEqual({ name, same: true });
      }
    } else {
      expect(readFileSync(here).equals(readFileSync(there))).toBe(true);
    }
  });
});
