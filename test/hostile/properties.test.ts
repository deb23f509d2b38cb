import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outputNames } from '../../cli/output-names.ts';
import { scanDates } from '../../extractors/date-scanner.ts';
import { extractDeadlines } from '../../extractors/deadlines.ts';
import { isDepartmentList, parseDepartmentList, readDepartmentAt } from '../../extractors/departments.ts';
import { extractPlan } from '../../extractors/extract-plan.ts';
import { deadlineSchema, departmentSchema, planExtractionSchema, responsibilitySchema, targetSchema } from '../../model/plan.ts';
import { normalizeNumberText, scanNumbers } from '../../extractors/number-scanner.ts';
import { extractResponsibilities } from '../../extractors/responsibilities.ts';
import { extractTargets } from '../../extractors/targets.ts';
import { ingest, type IngestedDocument } from '../../pipeline/ingest/ingest.ts';
import { ReadError } from '../../pipeline/ingest/read-error.ts';

const root = new URL('../..', import.meta.url).pathname;
const bytesOf = (path: string): Uint8Array => new Uint8Array(readFileSync(join(root, path)));

/** Longest one run may take before it counts as a hang (pdfjs and mammoth are async, so a timer can fire). */
const GUARD_MS = 20_000;

/** Run one ingest under the hang guard; anything thrown but a ReadError fails the property. */
async function ingestGuarded(data: Uint8Array, extension: string): Promise<IngestedDocument | ReadError> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`ingest hung for ${GUARD_MS} ms on ${data.length} bytes as ${extension}`)), GUARD_MS);
  });
  try {
    return await Promise.race([ingest(data, extension), hang]);
  } catch (error) {
    if (error instanceof ReadError) return error;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** A read document is well formed: blocks with text and 1-based locations. */
function expectWellFormed(doc: IngestedDocument): void {
  expect(doc.blocks.length).toBeGreaterThan(0);
  for (const block of doc.blocks) {
    expect(typeof block.text).toBe('string');
    for (const value of Object.values(block.location)) {
      expect(Number.isInteger(value) && (value as number) >= 1).toBe(true);
    }
  }
}

/** A real file of each format to mutate: bytes overwritten here and there, maybe cut short. */
const SEEDS: Record<string, Uint8Array> = {
  '.txt': bytesOf('corpus/qinxian-2021.txt').subarray(0, 3000),
  '.md': bytesOf('corpus/md/qinxian-2021.md').subarray(0, 3000),
  '.docx': bytesOf('test/fixtures/docx/tables.docx'),
  '.pdf': bytesOf('test/fixtures/pdf/plan.pdf'),
  '.html': bytesOf('corpus/html/jiaoling-2022.htm'),
  '.mhtml': bytesOf('corpus/html/qinxian-2021.mhtml').subarray(0, 12000),
  '.doc': bytesOf('corpus/doc/qinxian-2021.doc'),
};

/** Headers that lead bytes to the readers of the formats added later (web pages, OLE files), for their extensions only. */
const MORE_HEADERS: Record<string, string[]> = {
  '.html': ['<!DOCTYPE html><html><body>'],
  '.mhtml': ['MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'],
  '.doc': ['\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1'],
};

const mutation = fc.record({
  // Whole files half the time: a cut file is mostly refused at the door.
  keep: fc.oneof(fc.constant(1), fc.double({ min: 0.05, max: 1, noNaN: true })),
  writes: fc.array(fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
});

function mutate(seed: Uint8Array, { keep, writes }: { keep: number; writes: Array<[number, number]> }): Uint8Array {
  const bytes = seed.slice(0, Math.max(1, Math.floor(seed.length * keep)));
  // Past the magic bytes, which the random and header-only cases already cover.
  const from = Math.min(8, bytes.length - 1);
  for (const [at, value] of writes) bytes[from + Math.floor(at * (bytes.length - from))] = value;
  return bytes;
}

/** Bytes that reach every reader: random, behind a PDF or zip header, or a real file damaged. */
function hostileBytes(extension: string): fc.Arbitrary<Uint8Array> {
  const header = (text: string) => fc.uint8Array({ maxLength: 2048 }).map((tail) => new Uint8Array([...Buffer.from(text, 'latin1'), ...tail]));
  return fc.oneof(
    fc.uint8Array({ maxLength: 4096 }),
    header('%PDF-1.7\n'),
    header('PK\u0003\u0004'),
    mutation.map((m) => mutate(SEEDS[extension]!, m)),
    ...(MORE_HEADERS[extension] ?? []).map(header),
  );
}

describe('ingest on hostile bytes', () => {
  it.each(['.txt', '.md', '.docx', '.pdf', '.html', '.mhtml', '.doc'])(
    'should either read arbitrary bytes named %s or refuse them with a ReadError, never hang',
    async (extension) => {
      let read = 0;
      await fc.assert(
        fc.asyncProperty(hostileBytes(extension), async (data) => {
          const result = await ingestGuarded(data, extension);
          if (result instanceof ReadError) {
            expect(result.message).toMatch(/^[^\r\n]+$/);
          } else {
            expectWellFormed(result);
            read++;
          }
        }),
        { numRuns: 100, seed: 20240101 },
      );
      // The generator reaches past the readers' first checks: some damaged files are still read.
      expect(read).toBeGreaterThan(0);
    },
    300_000,
  );
});

describe('the docx reader on damaged parts', () => {
  it('should read a docx whose document.xml is cut, spliced or salted with junk, or refuse it with a ReadError', async () => {
    const JSZip = (await import('jszip')).default;
    const seed = await JSZip.loadAsync(SEEDS['.docx']!);
    const xml = await seed.file('word/document.xml')!.async('string');
    const edit = fc.record({
      // Unbiased: fast-check's bias towards 0 would cut the root element nearly every time.
      from: fc.noBias(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })),
      length: fc.nat({ max: 400 }),
      insert: fc.oneof(fc.constantFrom('', '<', '>', '</w:p>', '<w:p>', '<w:t>', '&', '&amp;', '<!DOCTYPE x [<!ENTITY a "aaaa">]>', '\u0000', ']]>'), fc.string({ maxLength: 20 })),
    });
    let read = 0;
    await fc.assert(
      // Now and then no edit at all: the untouched package must still be read.
      fc.asyncProperty(fc.oneof({ arbitrary: fc.array(edit, { maxLength: 0 }), weight: 1 }, { arbitrary: fc.array(edit, { minLength: 1, maxLength: 4 }), weight: 5 }), async (edits) => {
        let damaged = xml;
        for (const { from, length, insert } of edits) {
          const at = Math.floor(from * damaged.length);
          damaged = damaged.slice(0, at) + insert + damaged.slice(at + length);
        }
        seed.file('word/document.xml', damaged);
        const data = await seed.generateAsync({ type: 'uint8array' });
        const result = await ingestGuarded(data, '.docx');
        if (result instanceof ReadError) {
          expect(result.message).toMatch(/^[^\r\n]+$/);
        } else {
          expectWellFormed(result);
          read++;
        }
      }),
      { numRuns: 60, seed: 20240108 },
    );
    expect(read).toBeGreaterThan(0);
  }, 300_000);
});

/** Text that looks like a plan: outline markers, years, numbers, units, comparators and departments. */
const PLAN_PIECES = [
  '一、', '（二）', '3.', '（4）', '附件1', '到2025年', '2027年底前', '二○二七年', '2022—2035年', '2021年7月—12月', '以后',
  '全县', '小学', '初中', '义务教育学校', '每百名学生拥有', '高于规定学历教师数', '达到', '不低于', '以上', '以下', '≥', '≤',
  '4.2', '85', '95%', '百分之八十五', '0.50', '51～55人', '1万～1.5万', 'Ⅲ级', '人', '平方米', '元', '所', '个',
  '责任单位：', '牵头单位：', '县教育局', '县财政局', '县发改局', '人社局', '、', '，', '。', '；', '：',
  '\t', '\n', ' ', '（', '）', '截至', '已', '预计', '现状', 'A', '9', '',
];
const planText = fc.string({ unit: fc.constantFrom(...PLAN_PIECES), maxLength: 80 });
const anyText = fc.oneof(planText, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

describe('extractors on arbitrary text', () => {
  it('should find only schema-valid targets, deadlines and responsibilities in any text file', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const doc = await ingestGuarded(new TextEncoder().encode(text), '.txt');
        if (doc instanceof ReadError) return;
        const targets = extractTargets(doc.blocks, doc.metadata);
        for (const target of targets) expect(targetSchema.safeParse(target).error).toBeUndefined();
        for (const deadline of extractDeadlines(doc.blocks, doc.metadata)) expect(deadlineSchema.safeParse(deadline).error).toBeUndefined();
        for (const item of extractResponsibilities(doc.blocks, doc.metadata)) expect(responsibilitySchema.safeParse(item).error).toBeUndefined();
        expect(planExtractionSchema.safeParse(extractPlan(doc.blocks, doc.metadata)).success).toBe(true);
      }),
      { numRuns: 150, seed: 20240102 },
    );
  }, 120_000);

  it('should scan numbers in any text into finite, ordered, non-overlapping mentions that quote the text', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const text = normalizeNumberText(raw);
        let last = 0;
        for (const mention of scanNumbers(text)) {
          expect(Number.isFinite(mention.value)).toBe(true);
          if (mention.high !== undefined) expect(Number.isFinite(mention.high)).toBe(true);
          expect(mention.start).toBeGreaterThanOrEqual(last);
          expect(mention.end).toBeGreaterThan(mention.start);
          expect(mention.end).toBeLessThanOrEqual(text.length);
          expect(mention.raw).toBe(text.slice(mention.start, mention.end));
          last = mention.end;
        }
      }),
      { numRuns: 500, seed: 20240103 },
    );
  });

  it('should scan dates in any text into YYYY or YYYY-MM periods that quote the text', () => {
    const period = /^(19|20)\d{2}(-(0[1-9]|1[0-2]))?$/;
    fc.assert(
      fc.property(anyText, (text) => {
        for (const mention of scanDates(text)) {
          if (mention.start !== null) expect(mention.start).toMatch(period);
          if (mention.end !== null) expect(mention.end).toMatch(period);
          expect(mention.start !== null || mention.end !== null).toBe(true);
          expect(text.slice(mention.index, mention.index + mention.raw.length)).toBe(mention.raw);
        }
      }),
      { numRuns: 500, seed: 20240104 },
    );
  });

  it('should read department lists in any text into schema-valid, distinct departments', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('lead', 'support') as fc.Arbitrary<'lead' | 'support'>, fc.option(fc.constantFrom('蕉岭县', '南川区', '')), (text, role, region) => {
        const list = parseDepartmentList(text, role, { region });
        for (const department of list.departments) {
          expect(departmentSchema.safeParse(department).error).toBeUndefined();
          expect(department.role).toBe(role);
        }
        expect(new Set(list.departments.map((d) => d.name)).size).toBe(list.departments.length);
        expect(typeof isDepartmentList(text, { region })).toBe('boolean');
      }),
      { numRuns: 500, seed: 20240105 },
    );
  });

  it('should read a department name at any position only within the text', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), (text, at) => {
        const index = text.length === 0 ? 0 : at % text.length;
        const found = readDepartmentAt(text, index, { allowUnknown: true });
        if (found === undefined) return;
        expect(found.name.length).toBeGreaterThan(0);
        expect(found.end).toBeGreaterThan(index);
        expect(found.end).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 500, seed: 20240106 },
    );
  });
});

describe('output names for hostile file names', () => {
  const hostileChar = fc.constantFrom('义', '务', '教', '育', '方', '案', ' ', '-', '.', ';', '$', '(', ')', '`', '"', "'", '\\', '*', '😀');
  const segment = fc.oneof(
    fc.string({ minLength: 1, maxLength: 90 }),
    fc.string({ unit: hostileChar, minLength: 1, maxLength: 20 }),
    // Long names: 84 CJK characters are 252 UTF-8 bytes, a legal file name.
    fc.string({ unit: fc.constantFrom('义', '务', '教', '育', '方', '案'), minLength: 60, maxLength: 84 }),
  ).filter((part) => part !== '.' && part !== '..' && !part.includes('/') && !part.includes('\u0000') && Buffer.byteLength(part) <= 250);
  const paths = fc.array(fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => `/in/${parts.join('/')}.txt`), { minLength: 1, maxLength: 8 });

  it('should give every input a distinct, safe name that fits a file-system name with its suffixes', () => {
    fc.assert(
      fc.property(paths, (inputs) => {
        const names = outputNames(inputs);
        expect(names).toHaveLength(inputs.length);
        expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
        for (const name of names) {
          expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
          for (const part of name.split('/')) {
            expect(part).not.toMatch(/^[.\-]/);
            expect(part).not.toMatch(/[\\\s;$()`'"*]/);
            // `<part>.json.<pid>.<random>.tmp` is written beside the output; NAME_MAX is 255 bytes.
            expect(Buffer.byteLength(part)).toBeLessThanOrEqual(200);
          }
        }
      }),
      { numRuns: 300, seed: 20240107 },
    );
  });
});

describe('the .doc reader on damaged streams', () => {
  it('should read a .doc whose WordDocument or table stream is salted with junk or cut, or refuse it with a ReadError', async () => {
    const CFB = (await import('cfb')).default;
    const edit = fc.record({
      stream: fc.constantFrom('WordDocument', '1Table'),
      writes: fc.array(fc.tuple(fc.noBias(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 16 }),
      keep: fc.oneof(fc.constant(1), fc.double({ min: 0.2, max: 1, noNaN: true })),
    });
    let read = 0;
    await fc.assert(
      fc.asyncProperty(edit, async ({ stream, writes, keep }) => {
        const container = CFB.read(SEEDS['.doc']!, { type: 'buffer' });
        const entry = CFB.find(container, stream)!;
        const content = Uint8Array.from(entry.content as ArrayLike<number>);
        for (const [at, value] of writes) content[Math.floor(at * content.length)] = value;
        entry.content = content.subarray(0, Math.max(1, Math.floor(content.length * keep))) as never;
        const data = new Uint8Array(CFB.write(container, { type: 'buffer' }) as Uint8Array);
        const result = await ingestGuarded(data, '.doc');
        if (result instanceof ReadError) {
          expect(result.message).toMatch(/^[^\r\n]+$/);
        } else {
          expectWellFormed(result);
          read++;
        }
      }),
      { numRuns: 80, seed: 20261206 },
    );
    expect(read).toBeGreaterThan(0);
  }, 300_000);
});
