/**
 * OCR of scanned PDFs: one real recognition of a short scanned page (test/fixtures/ocr/mixed.pdf,
 * from scripts/fixtures/make-ocr-fixtures.mjs: a text page, then a scanned one), and the rules that
 * turn recognised words into runs, on cases written here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toString } from 'mdast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { findImageRules } from '../../../../pipeline/ingest/ocr/image-rules.ts';
import { measureSkew, normalizeLine, toTextRuns } from '../../../../pipeline/ingest/ocr/ocr-runs.ts';
import type { OcrLine, OcrWord } from '../../../../pipeline/ingest/ocr/tesseract.ts';
import { processDocument, type DocumentModel } from '../../../../pipeline/process-document.ts';
import { excerptAccuracy } from '../../../../scripts/ocr-accuracy.mts';

const root = new URL('../../../../', import.meta.url).pathname;
const bytesOf = (path: string) => new Uint8Array(readFileSync(join(root, path)));
type Data = { location: { page: number }; ocr?: boolean; confidence?: number[] };
const dataOf = (node: unknown) => (node as { data: Data }).data;

describe('a PDF whose second page is a scan', () => {
  let model: DocumentModel;
  const pagesSeen: Array<[number, number, number]> = [];

  beforeAll(async () => {
    const outcome = await processDocument(bytesOf('test/fixtures/ocr/mixed.pdf'), 'mixed.pdf', undefined, {
      onOcrPage: (done, total, page) => pagesSeen.push([done, total, page]),
    });
    if (!outcome.ok) throw new Error(outcome.reason);
    model = outcome.model;
  }, 120_000);

  it('should recognise only the page without a text layer, and say so', () => {
    expect(pagesSeen).toEqual([[0, 1, 2], [1, 1, 2]]);
    expect(model.messages.map((message) => message.reason)).toEqual(['text recognised by OCR on 1 of 2 pages (2): check quotes against the scan']);
    const pages = model.tree.children.map((node) => [dataOf(node).location.page, dataOf(node).ocr === true]);
    expect(pages.filter(([page]) => page === 1).every(([, ocr]) => ocr === false)).toBe(true);
    expect(pages.filter(([page]) => page === 2).every(([, ocr]) => ocr === true)).toBe(true);
    expect(pages.some(([page]) => page === 2)).toBe(true);
  });

  it('should give every recognised paragraph the confidence of each of its lines', () => {
    const recognised = model.tree.children.filter((node) => dataOf(node).ocr === true);
    for (const node of recognised) {
      const { confidence } = dataOf(node);
      expect(confidence?.length).toBeGreaterThan(0);
      expect(confidence!.every((value) => value >= 0 && value <= 1)).toBe(true);
    }
  });

  it('should read the scanned page as the plan’s txt has it, at a character accuracy of 0.95 or more', () => {
    const recognised = model.tree.children.filter((node) => dataOf(node).ocr === true).map((node) => toString(node)).join('\n');
    const accuracy = excerptAccuracy(readFileSync(join(root, 'corpus/jiaoling-2022.txt'), 'utf8'), recognised);
    console.log(`OCR of jiaoling-2022 page 12 (200 dpi scan): character accuracy ${accuracy.toFixed(4)} over ${recognised.replace(/\s/g, '').length} characters`);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
    expect(recognised).toContain('2022年2月18日印发');
    // The page number is furniture, even as the model reads its dashes (一12一).
    expect(recognised).not.toMatch(/12\s*[一—]?\s*$/);
  });

  it('should refuse a scan with --no-ocr as before, and read no text from pages without images', async () => {
    const scan = await processDocument(bytesOf('test/fixtures/bad/image-only.pdf'), 'image-only.pdf', undefined, { ocr: false });
    expect(scan).toEqual({ ok: false, reason: 'no text layer: scanned PDF, OCR is not enabled' });
    const textOnly = await processDocument(bytesOf('test/fixtures/ocr/mixed.pdf'), 'mixed.pdf', undefined, { ocr: false });
    expect(textOnly.ok && textOnly.model.messages.map((message) => message.reason)).toEqual(['pages without a text layer not read (OCR is off): 2']);
    const blank = await processDocument(bytesOf('test/fixtures/ocr/blank.pdf'), 'blank.pdf');
    expect(blank).toEqual({ ok: false, reason: 'no text: the document is empty' });
  });
});

const word = (text: string, x0: number, y0: number, x1: number, y1: number, confidence = 95): OcrWord => ({ text, box: { x0, y0, x1, y1 }, confidence });
const line = (words: OcrWord[], confidence = 95, baseline?: [number, number]): OcrLine => {
  const box = { x0: Math.min(...words.map((w) => w.box.x0)), y0: Math.min(...words.map((w) => w.box.y0)), x1: Math.max(...words.map((w) => w.box.x1)), y1: Math.max(...words.map((w) => w.box.y1)) };
  const [left, right] = baseline ?? [box.y1, box.y1];
  return { text: words.map((w) => w.text).join(' '), box, baseline: { x0: box.x0, y0: left, x1: box.x1, y1: right }, confidence, words };
};

describe('recognised words as text runs', () => {
  it('should place each word in points on its line’s baseline, sized by its Chinese characters', () => {
    const runs = toTextRuns([line([word('教', 300, 100, 360, 160), word('育', 366, 101, 427, 161), word('2022', 430, 110, 520, 160)])], 72 / 300);
    const round = (value: number) => Math.round(value * 100) / 100;
    expect(runs.map(({ text, x, y, size, width, confidence }) => [text, round(x), round(y), round(size), round(width), confidence])).toEqual([
      ['教', 72, 38.64, 15.65, 14.4, 0.95],
      ['育', 87.84, 38.64, 15.65, 14.64, 0.95],
      ['2022', 103.2, 38.64, 15.65, 21.6, 0.95],
    ]);
  });

  it('should keep a word the model found twice once, the surer reading', () => {
    const first = line([word('学', 300, 100, 360, 160, 90), word('生', 366, 100, 426, 160, 90)]);
    const again = line([word('学', 305, 102, 362, 161, 60), word('校', 500, 100, 560, 160, 90)]);
    expect(toTextRuns([first, again], 1).map((run) => run.text)).toEqual(['学', '生', '校']);
  });

  it('should turn the words of a page scanned askew back, so its lines share one margin', () => {
    const angle = 0.6 * (Math.PI / 180);
    // A straight page's point (X, Y) as the turned scan shows it.
    const turn = (X: number, Y: number): [number, number] => [X * Math.cos(angle) - Y * Math.sin(angle), X * Math.sin(angle) + Y * Math.cos(angle)];
    const turnedLine = (Y: number): OcrLine => {
      const words = [0, 1, 2, 3, 4, 5].map((k) => {
        const [x, y] = turn(300 + k * 300, Y);
        return word('教', x, y - 60, x + 60, y);
      });
      const [x0, y0] = turn(300, Y);
      const [x1, y1] = turn(1860, Y);
      return { ...line(words), baseline: { x0, y0, x1, y1 } };
    };
    const lines = [turnedLine(400), turnedLine(3000)];
    const skew = measureSkew(lines);
    expect(skew).toBeCloseTo(angle, 4);
    const firsts = toTextRuns(lines, 1, skew).filter((_, index) => index % 6 === 0);
    expect(firsts.map((run) => Math.round(run.x))).toEqual([300, 300]);
    expect(firsts.map((run) => Math.round(run.y))).toEqual([400, 3000]);
  });

  it('should keep every word of a slightly turned line on one baseline', () => {
    const runs = toTextRuns([line([word('教', 300, 100, 360, 160), word('育', 2000, 130, 2060, 190)], 95, [160, 190])], 72 / 300);
    expect(new Set(runs.map((run) => run.y)).size).toBe(1);
  });

  it.each([
    ['between Chinese characters', ['教', ',', '育'], ['教', '，', '育']],
    ['after Chinese, before a number', ['年', ':', '2022'], ['年', '：', '2022']],
    ['between numbers', ['4', ',', '5'], ['4', ',', '5']],
    ['inside a word', ['(2022年'], ['（2022年']],
  ])('should read a lone half-width mark %s as Chinese typesetting does', (_, texts, expected) => {
    const words = texts.map((text, index) => word(text, 100 + index * 70, 100, 160 + index * 70, 160));
    expect(toTextRuns([line(words)], 1).map((run) => run.text)).toEqual(expected);
  });

  it.each([
    ['a short line of low confidence (a misread page number)', 0, line([word('颜', 100, 100, 160, 160, 45), word('心', 170, 100, 230, 160, 50)], 51)],
    ['a long line of middling confidence', 10, line(Array.from({ length: 10 }, (_, i) => word('教', 100 + i * 65, 100, 160 + i * 65, 160, 60)), 62)],
    ['a line below any confidence', 0, line(Array.from({ length: 10 }, (_, i) => word('教', 100 + i * 65, 100, 160 + i * 65, 160, 20)), 30)],
    ['a short line of high confidence', 2, line([word('附', 100, 100, 160, 160), word('件', 170, 100, 230, 160)], 96)],
  ] as const)('should keep of %s %i runs', (_, count, input) => {
    expect(toTextRuns([input], 1)).toHaveLength(count);
  });
});

describe('marks of a recognised Chinese line', () => {
  it.each([
    [['（二）第二阶段(2024年1月', '一', '2029年12月)'], ['（二）第二阶段（2024年1月', '—', '2029年12月）']],
    [['2022', '一', '2035年'], ['2022', '—', '2035年']],
    [['一', '、', '工作目标'], ['一', '、', '工作目标']],
    [['统一', '标准'], ['统一', '标准']],
    [['10:30', '开会'], ['10:30', '开会']],
    [['1,000', '人'], ['1,000', '人']],
    [['Page', '3', ':'], ['Page', '3', ':']],
    [['入学率达到', '100%6', '，'], ['入学率达到', '100%', '，']],
    [['巩固率达到', '9606', '以上'], ['巩固率达到', '96%', '以上']],
    [['比例须达到', '10006'], ['比例须达到', '100%']],
    [['入学率须达到', '980%', '以上'], ['入学率须达到', '98%', '以上']],
    [['2006', '年'], ['2006', '年']],
    [['投入', '1200%'], ['投入', '1200%']],
    [['县目然资源局', '在编制'], ['县自然资源局', '在编制']],
    [['县节通运输局', '、'], ['县交通运输局', '、']],
    [['县卫生健康委', '、', '县卫生健康局'], ['县卫生健康委', '、', '县卫生健康局']],
    [['县级教育行政部门在核定'], ['县级教育行政部门在核定']],
  ])('should read %j as %j', (words, expected) => {
    expect(normalizeLine(words)).toEqual(expected);
  });
});

describe('table borders in a scan', () => {
  /** A white bitmap with black strokes drawn: [x0, y0, x1, y1] boxes, inclusive. */
  function bitmap(width: number, height: number, boxes: Array<[number, number, number, number]>) {
    const data = new Uint8Array(width * height).fill(255);
    for (const [x0, y0, x1, y1] of boxes) for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) data[y * width + x] = 0;
    return { width, height, data };
  }

  it('should find a ruled grid, each rule once however thick, and no rule in letters', () => {
    const page = bitmap(1000, 800, [
      [100, 100, 900, 102], [100, 400, 900, 401], [100, 700, 900, 703], // three horizontal rules, 2–4 px thick
      [100, 100, 102, 703], [500, 100, 501, 703], [898, 100, 900, 703], // three vertical rules
      [200, 200, 260, 205], [300, 180, 304, 240], // strokes of a character: 60 px, shorter than a rule
    ]);
    const rules = findImageRules(page, 0.24);
    expect(rules.horizontal.map(({ y, x0, x1 }) => [y, x0, x1].map((v) => Math.round(v / 0.24)))).toEqual([[101, 100, 901], [401, 100, 901], [702, 100, 901]]);
    expect(rules.vertical.map(({ x, y0, y1 }) => [x, y0, y1].map((v) => Math.round(v / 0.24)))).toEqual([[101, 100, 704], [501, 100, 704], [899, 100, 704]]);
    expect(rules.pageHeight).toBeCloseTo(800 * 0.24, 6);
  });

  it('should join the steps of a rule drawn a little askew into one rule', () => {
    // 800 px long, dropping 1 px every 200 px: a scan turned by about 0.3°.
    const steps: Array<[number, number, number, number]> = [0, 1, 2, 3].map((k) => [100 + k * 200, 300 + k, 99 + (k + 1) * 200, 301 + k]);
    const rules = findImageRules(bitmap(1000, 600, steps), 0.24);
    expect(rules.horizontal).toHaveLength(1);
    expect(Math.round(rules.horizontal[0]!.x1 / 0.24) - Math.round(rules.horizontal[0]!.x0 / 0.24)).toBe(800);
  });
});
