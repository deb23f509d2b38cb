import { describe, expect, it } from 'vitest';
import { readComparator } from '../../extractors/comparators.ts';

describe('readComparator', () => {
  const cases: Array<{ before: string; after: string; expected: string | undefined }> = [
    { before: '分别达到', after: '以上', expected: '>=' },
    { before: '小学', after: '及以上', expected: '>=' },
    { before: '不低于', after: '', expected: '>=' },
    { before: '不能低于要求的', after: '', expected: '>=' },
    { before: '不少于', after: '', expected: '>=' },
    { before: '不小于', after: '', expected: '>=' },
    { before: '达到', after: '', expected: '>=' },
    { before: '入学率达', after: '', expected: '>=' },
    { before: '均≥', after: '', expected: '>=' },
    { before: '至少配备音乐室', after: '', expected: '>=' },
    { before: '高于', after: '', expected: '>' },
    { before: '超过', after: '', expected: '>' },
    { before: '不超过', after: '', expected: '<=' },
    { before: '不大于', after: '', expected: '<=' },
    { before: '均小于或等于', after: '', expected: '<=' },
    { before: '均≤', after: '', expected: '<=' },
    { before: '比例控制在', after: '以内', expected: '<=' },
    { before: '', after: '以下', expected: '<=' },
    { before: '且校际差异率低于', after: '', expected: '<' },
    { before: '小于', after: '', expected: '<' },
    { before: '均接近或达到', after: '以上', expected: '≈' },
    { before: '', after: '左右', expected: '≈' },
    { before: '全市均值小学', after: '', expected: undefined },
  ];
  for (const c of cases) {
    it(`should read ${c.before}…${c.after} as ${String(c.expected)}`, () => {
      expect(readComparator(c.before, c.after)).toBe(c.expected);
    });
  }
});
