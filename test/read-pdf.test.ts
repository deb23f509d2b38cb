import { readFileSync } from 'node:fs';
import type { Paragraph, Table, TableCell, Text } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { ReadError } from '../pipeline/ingest/read-error.ts';
import { readPdf } from '../pipeline/ingest/pdf/read-pdf.ts';
import { PDF_ENGINES } from '../pipeline/ingest/pdf/engine.ts';
import { buildPdfLines, type PdfLine, type PdfTextRun } from '../pipeline/ingest/pdf/lines.ts';
import { dropPageFurniture, isPageNumber, type PdfPage } from '../pipeline/ingest/pdf/furniture.ts';
import { buildPdfParagraphs } from '../pipeline/ingest/pdf/paragraphs.ts';
import { rebuildTableCells } from '../pipeline/ingest/pdf/table-cells.ts';
import { collectRulings } from '../pipeline/ingest/pdf/rulings.ts';
import { joinSplitTables } from '../pipeline/ingest/pdf/table-joins.ts';
import type { PdfParagraph } from '../pipeline/ingest/pdf/paragraphs.ts';
import { isAsciiGraphic, isLatinAlnum, matchLeadingChunk } from '../pipeline/ingest/pdf/glyphs.ts';
import { buildFontPatchHooks, patchPdfjsWorkerSource, TEXT_ONLY_FONT_PATCHES } from '../pipeline/ingest/pdf/font-patch.ts';

// Taken before pdfjs is loaded (read-pdf.ts loads it on the first read).
const BUILTINS = {
  push: Array.prototype.push,
  parse: JSON.parse,
  stringify: JSON.stringify,
  toString: Function.prototype.toString,
};

// Fixtures come from scripts/fixtures/make-pdf-fixtures.ts (LibreOffice, A5, 12 pt Noto Serif CJK).
const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`./fixtures/pdf/${name}`, import.meta.url)));

const EXPECTED: Array<[page: number, text: string]> = [
  [1, '白沙县推进义务教育优质均衡发展实施方案'],
  [
    1,
    '为深入贯彻落实《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号）和《白沙县人民政府关于加快教育高质量发展的意见》（白政发〔2022〕51号）精神，推动全县义务教育由基本均衡向优质均衡迈进，结合我县实际，制定本方案。',
  ],
  [1, '一、工作目标'],
  [
    1,
    '到2025年，全县义务教育学校办学条件、教育质量和社会认可度全面提升，小学、初中校际间综合差异系数分别不高于0.50和0.45。到2027年，全县通过国家义务教育优质均衡发展督导评估认定。',
  ],
  [1, '二、主要任务'],
  [1, '（一）改善办学条件'],
  [
    1,
    '按照标准化建设要求，加快推进学校新建、改扩建工程，全面消除大班额。小学、初中生均教学及辅助用房面积分别达到4.5平方米和5.8平方米以上，生均体育运动场馆面积分别达到7.5平方米和10.2平方米以上。所有学校建成千兆（1000 Mbps）校园网络，实现多媒体教室全覆盖。',
  ],
  [2, '（二）加强教师队伍建设'],
  [
    2,
    '每百名学生拥有高于规定学历教师数，小学达到4.2人以上、初中达到5.3人以上；每百名学生拥有县级以上骨干教师数，小学、初中均达到1人以上。每百名学生拥有体育、艺术专任教师数，小学、初中均达到0.9人以上。教师交流轮岗比例每年不低于符合交流条件教师总数的10%，其中骨干教师不低于交流轮岗教师总数的20%。',
  ],
  [2, '（三）提高教育教学质量'],
  [
    2,
    '全面落实国家课程方案和课程标准，严格控制学生作业总量和考试次数，确保学生每天校内体育活动时间不少于1小时。建立健全教学质量监测制度，每年对全县学校开展一次质量监测，监测结果作为学校考核的重要依据。',
  ],
  [2, '三、保障措施'],
  [
    2,
    '县人民政府成立推进义务教育优质均衡发展工作领导小组，县长任组长，分管副县长任副组长，县教育局、县发展改革局、县财政局、县人力资源社会保障局、县自然资源局、县住房城乡建设局等部门主要负责人为成员。领导小组办公室设在县教育局，负责日常工作。',
  ],
  [
    3,
    '1．落实经费保障。县财政局要足额落实义务教育经费，确保一般公共预算教育支出逐年只增不减，按在校学生人数平均的一般公共预算教育支出逐年只增不减。',
  ],
  [3, '2．强化督导考核。县人民政府教育督导室每年对各学校推进优质均衡发展情况开展专项督导，督导结果向社会公开。'],
  [3, '附件：白沙县义务教育优质均衡发展主要指标任务分解表'],
];

async function expectReadError(read: (data: Uint8Array) => Promise<unknown>, data: Uint8Array, message: string | RegExp): Promise<void> {
  const error = await read(data).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ReadError);
  const text = (error as ReadError).message;
  if (typeof message === 'string') expect(text).toBe(message);
  else expect(text).toMatch(message);
  expect(text).not.toContain('\n');
}

describe.each(PDF_ENGINES)('readPdf through %s', (engine) => {
  const read = (data: Uint8Array) => readPdf(data, undefined, engine);

  describe('readPdf on a three-page plan', () => {
    let paragraphs: Paragraph[];
    let pages: number;
    beforeAll(async () => {
      const result = await read(fixture('plan.pdf'));
      paragraphs = result.tree.children as Paragraph[];
      pages = result.pages;
    });
    const texts = (): string[] => paragraphs.map((node) => (node.children[0] as Text).value);

    it('should rebuild every paragraph as one text node, lines joined', () => {
      expect(paragraphs.every((node) => node.type === 'paragraph' && node.children.length === 1)).toBe(true);
      expect(texts()).toEqual(EXPECTED.map(([, text]) => text));
    });

    it('should anchor paragraph and text node to the page of the first line', () => {
      expect(paragraphs.map((node) => node.data?.location)).toEqual(EXPECTED.map(([page]) => ({ page })));
      expect(paragraphs.map((node) => node.children[0]?.data?.location)).toEqual(EXPECTED.map(([page]) => ({ page })));
    });

    it('should continue a paragraph over a page break', () => {
      const wrapped = texts().find((text) => text.startsWith('按照标准化建设要求'));
      expect(wrapped).toContain('所有学校建成千兆（1000 Mbps）校园网络');
    });

    it('should report the page count', () => {
      expect(pages).toBe(3);
    });

    it('should join Chinese and numbers without the spaces of the layout', () => {
      const all = texts().join('\n');
      expect(all).toContain('51号');
      expect(all).toContain('4.2人');
      expect(all).toContain('〔2017〕6号');
      expect(all).not.toMatch(/[\p{Script=Han}，。、（）〔〕] | [\p{Script=Han}，。、（）〔〕]/u);
    });

    it('should keep the space between two Latin words', () => {
      expect(texts().join('\n')).toContain('1000 Mbps');
    });

    it('should drop the running header and the page-number footers', () => {
      const all = texts().join('\n');
      expect(all).not.toContain('白沙教发');
      expect(all).not.toMatch(/第\s*\d\s*页/);
      expect(all).not.toContain('—');
    });

    it('should leave the caller’s bytes intact', async () => {
      const data = fixture('plan.pdf');
      const copy = data.slice();
      await read(data);
      expect(data.byteLength).toBe(copy.byteLength);
      expect(Buffer.from(data).equals(Buffer.from(copy))).toBe(true);
    });
  });

  describe('readPdf on a ruled table over a page break', () => {
    let children: Array<Paragraph | Table>;
    beforeAll(async () => {
      children = (await read(fixture('table.pdf'))).tree.children as Array<Paragraph | Table>;
    });
    const cellText = (cell: TableCell): string => cell.children.map((child) => (child as Text).value).join('');

    it('should read the bordered table as one table between the paragraphs', () => {
      expect(children.map((node) => node.type)).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph', 'table', 'paragraph']);
    });

    it('should read each row once, the header not repeated, the cut row joined, merged cells repeated', () => {
      const table = children[4] as Table;
      expect(table.children.map((row) => row.children.map(cellText))).toEqual([
        ['指标', '要求', '责任部门'],
        ['资源配置', '每百名学生拥有高于规定学历教师数：小学、初中分别达到4.2人以上、5.3人以上；', '县教育局'],
        ['资源配置', '生均教学及辅助用房面积：小学、初中分别达到4.5平方米以上、5.8平方米以上；', '县教育局、县财政局'],
        [
          '政府保障',
          '所有小学、初中规模不超过2000人，九年一贯制学校义务教育阶段规模不超过2500人，小学、初中所有班级学生数分别不超过45人、50人；',
          '县教育局、县发展改革局、县住房城乡建设局',
        ],
        ['教育质量', '全县初中三年巩固率达到95%以上；', '县教育局'],
      ]);
      expect(table.children.map((row) => row.children.map((cell) => cell.data?.spanned === true))).toEqual([
        [false, false, false],
        [false, false, false],
        [true, false, false],
        [false, false, false],
        [false, false, false],
      ]);
    });

    it('should anchor each row to the page it starts on', () => {
      const table = children[4] as Table;
      expect(table.data?.location).toEqual({ page: 1 });
      expect(table.children.map((row) => row.data?.location?.page)).toEqual([1, 1, 1, 1, 2]);
    });
  });

  describe('readPdf on PDFs it cannot read', () => {
    it('should refuse an encrypted PDF', async () => {
      await expectReadError(read, fixture('encrypted.pdf'), 'encrypted PDF: a password is required');
    });

    it('should refuse a PDF whose pages are images only when OCR is off (--no-ocr)', async () => {
      await expectReadError((data) => readPdf(data, undefined, engine, { enabled: false }), fixture('image-only.pdf'), 'no text layer: scanned PDF, OCR is not enabled');
    });

    it('should refuse a truncated PDF as corrupt', async () => {
      await expectReadError(read, fixture('truncated.pdf'), /^corrupt PDF: \S/);
    });

    it('should refuse a PDF cut after its last page object as corrupt', async () => {
      const data = fixture('plan.pdf');
      const text = Buffer.from(data).toString('latin1');
      await expectReadError(read, data.subarray(0, text.lastIndexOf('endobj') + 6), /^corrupt PDF: \S/);
    });

    it('should refuse bytes that are not a PDF as corrupt', async () => {
      await expectReadError(read, new TextEncoder().encode('%PDF-1.7\nnot really a pdf'), /^corrupt PDF: \S/);
    });

    it('should refuse an empty file as corrupt', async () => {
      await expectReadError(read, new Uint8Array(0), /^corrupt PDF: \S/);
    });
  });

  describe('readPdf over several documents in one process', () => {
    const corpus = (name: string): Uint8Array =>
      new Uint8Array(readFileSync(new URL(`../corpus/pdf/${name}`, import.meta.url)));

    it('should give the same trees when two PDFs are read at the same time as when read one after the other', async () => {
      const plan = await read(fixture('plan.pdf'));
      const table = await read(fixture('table.pdf'));
      const [planAgain, tableAgain] = await Promise.all([read(fixture('plan.pdf')), read(fixture('table.pdf'))]);
      expect(planAgain).toEqual(plan);
      expect(tableAgain).toEqual(table);
    });

    it('should keep the pages of a long PDF in order although several are read at once', async () => {
      const { tree, pages } = await read(corpus('nanan-2022.pdf'));
      const anchors = tree.children.map((node) => node.data?.location?.page ?? 0);
      expect(pages).toBe(36);
      expect(anchors[0]).toBe(1);
      expect(anchors.every((page, index) => index === 0 || page >= anchors[index - 1]!)).toBe(true);
      expect(new Set(anchors).size).toBeGreaterThan(30);
    });

    it('should leave the built-ins that pdfjs’s polyfills replace as they were', async () => {
      await readPdf(fixture('plan.pdf'), undefined, 'pdfjs');
      expect(Array.prototype.push).toBe(BUILTINS.push);
      expect(JSON.parse).toBe(BUILTINS.parse);
      expect(JSON.stringify).toBe(BUILTINS.stringify);
      expect(Function.prototype.toString).toBe(BUILTINS.toString);
    });

    it('should still refuse a broken PDF after reading good ones', async () => {
      await read(fixture('plan.pdf'));
      await expectReadError(read, fixture('encrypted.pdf'), 'encrypted PDF: a password is required');
      await expectReadError(read, fixture('truncated.pdf'), /^corrupt PDF: \S/);
    });
  });
});

describe('text-only font patch for pdfjs', () => {
  const workerUrl = new URL('../node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs', import.meta.url);
  const workerSource = readFileSync(workerUrl, 'utf8');

  it('should find each anchor exactly once in the installed pdfjs worker', () => {
    for (const { anchor } of TEXT_ONLY_FONT_PATCHES) {
      expect(workerSource.split(anchor).length - 1).toBe(1);
    }
    expect(patchPdfjsWorkerSource(workerSource)).not.toBe(workerSource);
  });

  it('should leave a source unchanged when one anchor is missing', () => {
    const first = TEXT_ONLY_FONT_PATCHES[0]!;
    const partial = `a\n${first.anchor}b\n`;
    expect(patchPdfjsWorkerSource(partial)).toBe(partial);
    expect(patchPdfjsWorkerSource('no anchors here')).toBe('no anchors here');
  });

  it('should leave a source unchanged when an anchor occurs twice', () => {
    const doubled = TEXT_ONLY_FONT_PATCHES.map(({ anchor }) => anchor + anchor).join('');
    expect(patchPdfjsWorkerSource(doubled)).toBe(doubled);
  });

  it('should patch the worker module through the loader hook and pass other modules through', async () => {
    const hooks = (await import(`data:text/javascript,${encodeURIComponent(buildFontPatchHooks())}`)) as {
      load: (url: string, context: object, next: (url: string) => Promise<{ source: unknown }>) => Promise<{ source: unknown }>;
    };
    const next = async (url: string) => ({ format: 'module', source: url === workerUrl.href ? Buffer.from(workerSource) : 'other' });
    const patched = await hooks.load(workerUrl.href, {}, next);
    expect(patched.source).toBe(patchPdfjsWorkerSource(workerSource));
    const other = await hooks.load('file:///elsewhere/module.mjs', {}, next);
    expect(other.source).toBe('other');
  });
});

describe('glyph classes', () => {
  it.each(['A', 'z', '0', '9'])('should read %s as a Latin letter or digit', (char) => {
    expect(isLatinAlnum(char)).toBe(true);
  });

  it.each(['一', 'Ａ', '１', '-', ' ', '', 'ab', '\u{20000}'])('should not read %j as a Latin letter or digit', (char) => {
    expect(isLatinAlnum(char)).toBe(false);
  });

  it.each(['!', '~', 'A', '%'])('should read %s as printable ASCII', (char) => {
    expect(isAsciiGraphic(char)).toBe(true);
  });

  it.each([' ', '\u007f', '，', '', '!!'])('should not read %j as printable ASCII', (char) => {
    expect(isAsciiGraphic(char)).toBe(false);
  });

  it('should find the same leading chunk on every call', () => {
    expect(matchLeadingChunk('（2018年）起')).toBe('（2018');
    expect(matchLeadingChunk('〔2018〕56号')).toBe('〔2018〕');
    expect(matchLeadingChunk('4.5平方米，')).toBe('4.5');
    expect(matchLeadingChunk('号。下')).toBe('号。');
    expect(matchLeadingChunk('（2018年）起')).toBe('（2018');
  });
});

describe('isPageNumber', () => {
  it.each(['— 3 —', '- 3 -', '第3页', '第 3 页 共 12 页', '3', '3/12', '－12－', '一12一'])('should read %s as a page number', (text) => {
    expect(isPageNumber(text)).toBe(true);
  });

  it.each(['3个', '2025年', '一、总则', '第3条', '— 3 — 附件'])('should not read %s as a page number', (text) => {
    expect(isPageNumber(text)).toBe(false);
  });
});

const run = (text: string, x: number, y: number, size = 10, width = [...text].length * size): PdfTextRun => ({
  text,
  x,
  y,
  width,
  size,
});

describe('buildPdfLines', () => {
  it('should join runs on one baseline left to right, Chinese and digits without a space', () => {
    const lines = buildPdfLines([run('号', 30, 100.5), run('51', 20, 100, 10, 10), run('第', 10, 100)]);
    expect(lines.map((line) => line.text)).toEqual(['第51号']);
  });

  it('should drop the space pdfjs puts between Chinese and a number', () => {
    expect(buildPdfLines([run('达到 4.2 人', 10, 100, 10, 60)])[0]?.text).toBe('达到4.2人');
  });

  it('should put a space between two Latin runs that a gap separates', () => {
    const lines = buildPdfLines([run('Wi', 10, 100, 10, 10), run('Fi', 24, 100, 10, 10)]);
    expect(lines[0]?.text).toBe('Wi Fi');
  });

  it('should read a run drawn twice for bold once', () => {
    const lines = buildPdfLines([run('工作目标', 10, 100), run('工作目标', 10.4, 100)]);
    expect(lines[0]?.text).toBe('工作目标');
  });

  it('should read Kangxi radicals as the ideographs they stand for', () => {
    expect(buildPdfLines([run('⼀、⼯作', 10, 100)])[0]?.text).toBe('一、工作');
  });

  it('should order lines top to bottom', () => {
    const lines = buildPdfLines([run('乙', 10, 130), run('甲', 10, 100)]);
    expect(lines.map((line) => line.text)).toEqual(['甲', '乙']);
  });
});

/** A page of lines at the given baselines, 10 pt, left margin 50, right margin 250. */
function page(number: number, lines: Array<[text: string, y: number, x?: number]>): PdfPage {
  return {
    number,
    width: 300,
    height: 400,
    lines: buildPdfLines(lines.map(([text, y, x = 50]) => run(text, x, y))),
  };
}

describe('dropPageFurniture', () => {
  it('should drop a header repeated on most pages, page numbers aside', () => {
    const pages = [1, 2, 3].map((n) =>
      page(n, [
        [`白沙县教育局　第${n}页`, 30],
        ['正文内容', 100],
        [`— ${n} —`, 380],
      ]),
    );
    const kept = dropPageFurniture(pages).map((p) => p.lines.map((line) => line.text));
    expect(kept).toEqual([['正文内容'], ['正文内容'], ['正文内容']]);
  });

  it('should keep a line at the top of only one page', () => {
    const pages = [page(1, [['白沙县人民政府文件', 30], ['正文', 100]]), page(2, [['正文', 100]]), page(3, [['正文', 100]])];
    expect(dropPageFurniture(pages)[0]?.lines.map((line) => line.text)).toEqual(['白沙县人民政府文件', '正文']);
  });

  it('should keep a number in the middle of a page', () => {
    const pages = [page(1, [['正文', 100], ['3', 200], ['正文', 300]])];
    expect(dropPageFurniture(pages)[0]?.lines.map((line) => line.text)).toEqual(['正文', '3', '正文']);
  });
});

describe('buildPdfParagraphs', () => {
  const full = '一二三四五六七八九十一二三四五六七八九十';

  it('should start a paragraph at an indented line and end one at a short line', () => {
    const paragraphs = buildPdfParagraphs([
      page(1, [
        [full.slice(0, 18), 100, 70],
        [full, 115],
        ['短行。', 130],
        [full, 145],
        ['末行。', 160],
      ]),
    ]);
    expect(paragraphs.map((p) => p.text)).toEqual([full.slice(0, 18) + full + '短行。', full + '末行。']);
  });

  it('should keep a line that stops early when the next line’s first word would not have fitted', () => {
    // 〔2018〕 does not fit in the 3 em the second line leaves free, so that line wraps.
    const paragraphs = buildPdfParagraphs([
      page(1, [
        [full, 100],
        [full.slice(0, 17), 115],
        ['〔2018〕56号。', 130],
        [full, 145],
        ['末行。', 160],
      ]),
    ]);
    expect(paragraphs.map((p) => p.text)).toEqual([full + full.slice(0, 17) + '〔2018〕56号。', full + '末行。']);
  });

  it('should start a paragraph at an outline marker after a sentence end', () => {
    const paragraphs = buildPdfParagraphs([
      page(1, [
        [full.slice(0, 19) + '。', 100],
        ['（二）' + full.slice(0, 17), 115],
        ['尾。', 130],
      ]),
    ]);
    expect(paragraphs.map((p) => p.text)).toEqual([full.slice(0, 19) + '。', '（二）' + full.slice(0, 17) + '尾。']);
  });

  it('should carry a paragraph over a page break and keep its first page', () => {
    const paragraphs = buildPdfParagraphs([
      page(1, [
        [full, 100],
        [full, 115],
      ]),
      page(2, [
        ['完。', 100],
        [full.slice(0, 18), 115, 70],
      ]),
    ]);
    expect(paragraphs).toEqual([
      { text: full + full + '完。', page: 1 },
      { text: full.slice(0, 18), page: 2 },
    ]);
  });
});

describe('rebuildTableCells', () => {
  it('should read a wrapped cell whole before the cell centred beside it', () => {
    const lines: PdfLine[] = buildPdfLines([
      run('指标', 50, 100),
      run('部门', 200, 100),
      run('每百名学生拥有', 50, 120),
      run('教育局', 200, 129),
      run('骨干教师数', 50, 138),
      run('生均用房面积', 50, 165),
      run('财政局', 200, 165),
    ]);
    expect(rebuildTableCells(lines).map((line) => [line.text, line.cell])).toEqual([
      ['指标', true],
      ['部门', true],
      ['每百名学生拥有骨干教师数', true],
      ['教育局', true],
      ['生均用房面积', true],
      ['财政局', true],
    ]);
  });

  it('should leave running text alone when the page draws no borders', () => {
    const lines = buildPdfLines([run('一二三四五', 50, 100), run('六七八九十', 50, 115)]);
    expect(rebuildTableCells(lines)).toEqual(lines);
  });
});

describe('collectRulings', () => {
  const codes = { save: 10, restore: 11, transform: 12, constructPath: 91, endPath: 28 };
  const flip = { transform: [1, 0, 0, -1, 0, 400], height: 400 };

  it('should read stroked horizontal and vertical lines in page coordinates', () => {
    const rulings = collectRulings(
      [91, 91],
      [
        [20, [new Float32Array([0, 50, 300, 1, 250, 300])], null],
        [20, [new Float32Array([0, 50, 300, 1, 50, 100])], null],
      ],
      codes,
      flip,
    );
    expect(rulings.horizontal).toEqual([{ y: 100, x0: 50, x1: 250 }]);
    expect(rulings.vertical).toEqual([{ x: 50, y0: 100, y1: 300 }]);
  });

  it('should apply the transform in force and skip clipping paths', () => {
    const rulings = collectRulings(
      [10, 12, 91, 11, 91],
      [null, [2, 0, 0, 2, 0, 0], [22, [new Float32Array([0, 10, 10, 1, 60, 10])], null], null, [28, [new Float32Array([0, 0, 0, 1, 300, 0])], null]],
      codes,
      flip,
    );
    expect(rulings.horizontal).toEqual([{ y: 380, x0: 20, x1: 120 }]);
    expect(rulings.vertical).toEqual([]);
  });
});

describe('joinSplitTables', () => {
  const row = (page: number, cells: Array<[text: string, open?: boolean, spanned?: boolean]>) => ({
    page,
    cells: cells.map(([text, open = false, spanned = false]) => ({ text, open, spanned })),
  });
  const table = (page: number, rows: ReturnType<typeof row>[]): PdfParagraph => ({ text: '', page, table: rows });

  it('should drop the repeated header and join a row the page break cut', () => {
    const joined = joinSplitTables([
      table(1, [row(1, [['指标'], ['部门']]), row(1, [['规模不超过2000人，小学、初中所', true], ['县教育局']])]),
      table(2, [row(2, [['指标'], ['部门']]), row(2, [['有班级不超过45人；'], ['']]), row(2, [['巩固率95%'], ['县教育局']])]),
    ]);
    expect(joined).toHaveLength(1);
    expect(joined[0]?.table?.map((r) => [r.page, ...r.cells.map((cell) => cell.text)])).toEqual([
      [1, '指标', '部门'],
      [1, '规模不超过2000人，小学、初中所有班级不超过45人；', '县教育局'],
      [2, '巩固率95%', '县教育局'],
    ]);
  });

  it('should not join a row to a short cell on the page before', () => {
    const joined = joinSplitTables([
      table(1, [row(1, [['年份'], ['学校数']]), row(1, [['2034年', false], ['4', false]])]),
      table(2, [row(2, [['2035年'], ['']])]),
    ]);
    expect(joined[0]?.table?.map((r) => r.cells.map((cell) => cell.text))).toEqual([
      ['年份', '学校数'],
      ['2034年', '4'],
      ['2035年', ''],
    ]);
  });

  it('should leave tables on the same page apart', () => {
    const joined = joinSplitTables([table(1, [row(1, [['甲'], ['乙']])]), table(1, [row(1, [['丙'], ['丁']])])]);
    expect(joined).toHaveLength(2);
  });
});
