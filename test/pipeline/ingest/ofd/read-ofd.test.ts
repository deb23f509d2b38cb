/**
 * The OFD reader on real packages: the corpus plans written by scripts/renditions/make-ofd.mjs
 * (corpus/ofd/) against their txt, the hand-broken packages of scripts/fixtures/make-ofd-fixtures.mjs
 * (test/fixtures/ofd/), and page content written inline for the placement rules of GB/T 33190.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from 'unist';
import { describe, expect, it } from 'vitest';
import { expandDeltas, readPageContent } from '../../../../pipeline/ingest/ofd/content.ts';
import { parseOfdXml } from '../../../../pipeline/ingest/ofd/xml.ts';
import { processDocument, type DocumentModel } from '../../../../pipeline/process-document.ts';
import { sniffFormat } from '../../../../pipeline/ingest/sniff.ts';

const root = new URL('../../../../', import.meta.url).pathname;
const bytesOf = (path: string) => new Uint8Array(readFileSync(join(root, path)));
const PLANS = readdirSync(join(root, 'corpus/ofd')).filter((name) => name.endsWith('.ofd')).map((name) => name.slice(0, -4)).sort();

async function modelOf(path: string): Promise<DocumentModel> {
  const outcome = await processDocument(bytesOf(path), path.split('/').pop()!);
  if (!outcome.ok) throw new Error(`${path}: ${outcome.reason}`);
  return outcome.model;
}

/** What a model commits to, without quotes and locations (which differ by format). */
function commitments(model: DocumentModel) {
  return {
    targets: model.targets.map(({ indicator, level, comparator, value, unit, year, kind }) => ({ indicator, level, comparator, value, unit, year, kind })),
    deadlines: model.deadlines.map(({ start, end }) => ({ start, end })),
    coverage: Object.fromEntries(Object.entries(model.coverage).map(([id, item]) => [id, (item as { covered: unknown }).covered])),
    metadata: model.metadata,
  };
}

function collectNodes(node: Node, found: Node[] = []): Node[] {
  found.push(node);
  for (const child of (node as { children?: Node[] }).children ?? []) collectNodes(child, found);
  return found;
}

describe('OFD renditions of the corpus', () => {
  it('should hold the five corpus plans', () => {
    expect(PLANS).toEqual(['haicheng', 'jiaoling-2022', 'nanan-2022', 'nanchuan-2021', 'qinxian-2021']);
  });

  it.each(PLANS)('should extract from %s.ofd the targets, deadlines, coverage and metadata of its txt', async (plan) => {
    const [ofd, txt] = await Promise.all([modelOf(`corpus/ofd/${plan}.ofd`), modelOf(`corpus/${plan}.txt`)]);
    expect(ofd.format).toBe('ofd');
    expect(ofd.messages).toEqual([]);
    expect(commitments(ofd)).toEqual(commitments(txt));
  });

  it.each(PLANS)('should anchor every node of %s.ofd to a page, and drop the running header and page numbers', async (plan) => {
    const model = await modelOf(`corpus/ofd/${plan}.ofd`);
    const nodes = collectNodes(model.tree).slice(1);
    const pages = nodes.map((node) => (node.data as { location?: { page?: number } } | undefined)?.location?.page);
    expect(pages.every((page) => typeof page === 'number' && page >= 1 && page <= model.pages!)).toBe(true);
    const texts = nodes.flatMap((node) => ('value' in node ? [String(node.value)] : []));
    expect(texts.filter((text) => /^—\s*\d+\s*—$/.test(text))).toEqual([]);
    expect(texts.filter((text) => text === model.metadata.title).length).toBeLessThanOrEqual(1);
  });

  it('should rebuild the ruled tables of nanchuan-2021.ofd with their merged cells', async () => {
    const model = await modelOf('corpus/ofd/nanchuan-2021.ofd');
    const tables = model.tree.children.filter((node) => node.type === 'table');
    expect(tables.length).toBeGreaterThan(0);
    const cells = tables.flatMap((table) => table.children.flatMap((row) => row.children));
    expect(cells.some((cell) => (cell.data as { spanned?: boolean } | undefined)?.spanned === true)).toBe(true);
  });
});

describe('broken and edge-case OFD packages', () => {
  it.each([
    ['zip-bomb.ofd', 'OFD too large: 256 MB uncompressed (limit 200 MB), a zip bomb?'],
    ['not-ofd.ofd', 'not an OFD: the zip has no OFD.xml'],
    ['broken-xml.ofd', 'corrupt OFD: Doc_0/Pages/Page_0/Content.xml is not well-formed XML (<ofd:TextObject> is not closed)'],
    ['missing-document.ofd', 'corrupt OFD: Doc_0/Document.xml is missing'],
    ['no-text.ofd', 'no text: the document is empty'],
    ['images-only.ofd', 'no text layer: the OFD holds only images (a scan); OCR reads scanned PDFs, not OFD'],
  ])('should refuse %s with a one-line reason', async (name, reason) => {
    const outcome = await processDocument(bytesOf(`test/fixtures/ofd/${name}`), name);
    expect(outcome).toEqual({ ok: false, reason });
  });

  it('should read a package whose page lacks its Content.xml, and say which page', async () => {
    const model = await modelOf('test/fixtures/ofd/missing-content.ofd');
    const whole = await modelOf('test/fixtures/ofd/short-plan.ofd');
    expect(model.messages.map((message) => message.reason)).toEqual(['OFD page 2: Doc_0/Pages/Page_1/Content.xml is missing (the page is read as empty)']);
    expect(model.pages).toBe(whole.pages);
    expect(model.targets.length).toBeLessThan(whole.targets.length);
  });

  it('should read around a page with no text, keeping the page numbers of the pages after it', async () => {
    const model = await modelOf('test/fixtures/ofd/blank-page.ofd');
    const whole = await modelOf('test/fixtures/ofd/short-plan.ofd');
    expect(model.pages).toBe(3);
    expect(model.messages).toEqual([]);
    const pagesOf = (m: DocumentModel) => m.tree.children.map((node) => (node.data as { location: { page: number } }).location.page);
    expect(new Set(pagesOf(model))).toEqual(new Set([1, 3]));
    // The same nodes as pages 1 and 2 of the whole plan; the last paragraph runs on into page 3 there.
    const strip = (node: unknown) => JSON.stringify(node).replace(/"page":\d+/g, '');
    const read = model.tree.children;
    expect(read.slice(0, -1).map(strip)).toEqual(whole.tree.children.slice(0, read.length - 1).map(strip));
    const last = (node: unknown) => String((node as { children: Array<{ value: string }> }).children[0]!.value);
    expect(last(whole.tree.children[read.length - 1]).startsWith(last(read.at(-1)))).toBe(true);
  });

  it('should sniff a zip holding OFD.xml as OFD whatever its name, and any other zip as .docx', () => {
    expect(sniffFormat(bytesOf('corpus/ofd/haicheng.ofd'), '.docx')).toBe('ofd');
    expect(sniffFormat(bytesOf('corpus/ofd/haicheng.ofd'), '')).toBe('ofd');
    expect(sniffFormat(bytesOf('corpus/docx/haicheng.docx'), '.docx')).toBe('docx');
    expect(sniffFormat(bytesOf('corpus/docx/haicheng.docx'), '.ofd')).toBe('ofd');
    expect(() => sniffFormat(new TextEncoder().encode('不是 OFD'), '.ofd')).toThrow('not an OFD: not a zip archive');
  });
});

/** A page of text objects, in the ofd: namespace or (with `prefix` '') in the default one. */
function page(objects: string, prefix = 'ofd:') {
  const body = objects.replace(/<(\/?)(\w+)/g, `<$1${prefix}$2`);
  const ns = prefix === '' ? 'xmlns' : 'xmlns:ofd';
  return parseOfdXml(`<${prefix}Page ${ns}="http://www.ofdspec.org/2016"><${prefix}Content><${prefix}Layer>${body}</${prefix}Layer></${prefix}Content></${prefix}Page>`, 'Content.xml');
}

const MM = 72 / 25.4;

describe('placing OFD text (GB/T 33190 §11)', () => {
  it.each([
    ['1 2 3', 3, [1, 2, 3]],
    ['g 3 5', 3, [5, 5, 5]],
    ['2 g 2 4.5 1', 4, [2, 4.5, 4.5, 1]],
    ['g 10 5', 3, [5, 5, 5]],
    ['1 x 3', 3, [1, undefined, 3]],
    [undefined, 3, []],
  ] as const)('should expand DeltaX %j for %i glyphs', (value, count, expected) => {
    expect(expandDeltas(value, count)).toEqual(expected);
  });

  it.each([['ofd:'], ['']])('should place a TextCode at Boundary + X/Y, in points (namespace prefix %j)', (prefix) => {
    const { runs } = readPageContent([page('<TextObject ID="1" Boundary="20 30 100 10" Font="1" Size="5"><TextCode X="2" Y="4" DeltaX="g 3 5">教育发展</TextCode></TextObject>', prefix)], 297);
    expect(runs).toHaveLength(1);
    const [run] = runs;
    expect(run!.text).toBe('教育发展');
    expect(run!.x).toBeCloseTo(22 * MM, 6);
    expect(run!.y).toBeCloseTo(34 * MM, 6);
    expect(run!.size).toBeCloseTo(5 * MM, 6);
    expect(run!.width).toBeCloseTo(20 * MM, 6);
  });

  it('should scale the text of a TextObject by its CTM', () => {
    const { runs } = readPageContent([page('<TextObject ID="1" Boundary="20 30 100 20" Font="1" Size="2.5" CTM="2 0 0 2 0 0"><TextCode X="0" Y="2.5" DeltaX="g 2 2.5">方案名</TextCode></TextObject>')], 297);
    expect(runs.map(({ text, x, y, size, width }) => [text, x / MM, y / MM, size / MM, width / MM].map((v) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v)))).toEqual([['方案名', 20, 35, 5, 15]]);
  });

  it('should split a TextCode at a wide gap, and where DeltaY moves the baseline', () => {
    const { runs } = readPageContent([page('<TextObject ID="1" Boundary="0 0 200 50" Font="1" Size="5"><TextCode X="10" Y="10" DeltaX="5 40 5" DeltaY="0 0 10">教育局卫</TextCode></TextObject>')], 297);
    expect(runs.map((run) => [run.text, Math.round(run.x / MM), Math.round(run.y / MM)])).toEqual([
      ['教育', 10, 10],
      ['局', 55, 10],
      ['卫', 60, 20],
    ]);
  });

  it('should continue a TextCode without X/Y after the previous one', () => {
    const { runs } = readPageContent([page('<TextObject ID="1" Boundary="0 0 200 50" Font="1" Size="5"><TextCode X="10" Y="10" DeltaX="5">教育</TextCode><TextCode DeltaX="5">发展</TextCode></TextObject>')], 297);
    expect(runs.map((run) => run.text).join('')).toBe('教育发展');
    expect(Math.round(runs.at(-1)!.x / MM)).toBeLessThanOrEqual(20);
  });

  it.each([
    ['rotated', '<TextObject ID="1" Boundary="0 0 50 50" Font="1" Size="5" CTM="0 1 -1 0 0 0"><TextCode X="0" Y="5">印章</TextCode></TextObject>'],
    ['vertical', '<TextObject ID="1" Boundary="0 0 50 50" Font="1" Size="5" ReadDirection="90"><TextCode X="0" Y="5">竖排</TextCode></TextObject>'],
    ['without a size', '<TextObject ID="1" Boundary="0 0 50 50" Font="1"><TextCode X="0" Y="5">无字号</TextCode></TextObject>'],
    ['without a boundary', '<TextObject ID="1" Font="1" Size="5"><TextCode X="0" Y="5">无边界</TextCode></TextObject>'],
  ])('should leave out %s text', (_, xml) => {
    expect(readPageContent([page(xml)], 297).runs).toEqual([]);
  });

  it('should read text in nested page blocks and template pages', () => {
    const template = page('<TextObject ID="1" Boundary="0 10 50 10" Font="1" Size="5"><TextCode X="0" Y="5">页眉</TextCode></TextObject>');
    const content = page('<PageBlock ID="2"><PageBlock ID="3"><TextObject ID="4" Boundary="0 50 50 10" Font="1" Size="5"><TextCode X="0" Y="5">正文</TextCode></TextObject></PageBlock></PageBlock>');
    expect(readPageContent([template, content], 297).runs.map((run) => run.text)).toEqual(['页眉', '正文']);
  });

  it('should take horizontal and vertical strokes of PathObjects as rules, and nothing from curves or unstroked paths', () => {
    const { rulings } = readPageContent([page([
      '<PathObject ID="1" Boundary="10 20 100 50"><AbbreviatedData>M 0 0 L 100 0 L 100 50 C</AbbreviatedData></PathObject>',
      '<PathObject ID="2" Boundary="10 20 100 50"><AbbreviatedData>M 0 0 B 10 10 20 10 30 0</AbbreviatedData></PathObject>',
      '<PathObject ID="3" Boundary="10 20 100 50" Stroke="false"><AbbreviatedData>M 0 0 L 100 0</AbbreviatedData></PathObject>',
    ].join(''))], 297);
    const round = (value: number) => Math.round((value / MM) * 100) / 100;
    expect(rulings.horizontal.map(({ y, x0, x1 }) => [y, x0, x1].map(round))).toEqual([[20, 10, 110]]);
    expect(rulings.vertical.map(({ x, y0, y1 }) => [x, y0, y1].map(round))).toEqual([[110, 20, 70]]);
  });
});
