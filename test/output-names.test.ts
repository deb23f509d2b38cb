import { describe, expect, it } from 'vitest';
import { outputNames } from '../cli/output-names.ts';

describe('outputNames', () => {
  it('should mirror folders and make names unique', () => {
    expect(outputNames(['/in/a/plan.txt', '/in/b/plan.txt', '/in/c.txt', '/in/c.pdf'])).toEqual(['a/plan', 'b/plan', 'c', 'c-2']);
  });

  it('should never give a plan a name whose outputs are another plan’s folder', () => {
    expect(outputNames(['/in/x.txt', '/in/x/overview-rows.txt', '/in/y.txt', '/in/y.json/z.txt'])).toEqual(['x-2', 'x/overview-rows', 'y-2', 'y.json/z']);
  });

  it('should keep names safe: no traversal, no leading dash or dot, at most 200 bytes a part', () => {
    const [dash, dots, long] = outputNames(['/in/-rf.txt', '/in/..secret.txt', `/in/${'义'.repeat(100)}.txt`]);
    expect(dash).toBe('rf');
    expect(dots).toBe('secret');
    expect(Buffer.byteLength(long!)).toBeLessThanOrEqual(200);
  });
});
