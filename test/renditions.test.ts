import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';

const CORPUS = join(import.meta.dirname, '..', 'corpus');
const PLANS = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -'.txt'.length))
  .sort();
const WITH_TABLES = ['nanchuan-2021', 'haicheng'];

/** Counts non-whitespace characters, full-width and half-width forms folded by NFKC. */
function countChars(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text.normalize('NFKC').replace(/\s+/gu, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

/** Share of the expected characters (as a multiset) that the actual text also holds. */
function measureCoverage(expected: string, actual: string): number {
  const want = countChars(expected);
  const have = countChars(actual);
  let total = 0;
  let found = 0;
  for (const [ch, n] of want) {
    total += n;
    found += Math.min(n, have.get(ch) ?? 0);
  }
  return found / total;
}

/** Text of a WordprocessingML part: tags stripped, tabs and paragraph ends kept as whitespace. */
function stripWordXml(xml: string): string {
  return xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Reads one part of a corpus docx (or of a docx in another folder) as a string. */
async function readDocxPart(name: string, part: string, folder = join(CORPUS, 'docx')): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(join(folder, `${name}.docx`)));
  const file = zip.file(part);
  if (!file) throw new Error(`${name}.docx has no ${part}`);
  return file.async('string');
}

describe('corpus renditions', () => {
  it('should find the five corpus plans', () => {
    expect(PLANS).toEqual(['haicheng', 'jiaoling-2022', 'nanan-2022', 'nanchuan-2021', 'qinxian-2021']);
  });

  it.each(PLANS)('should have a docx and a pdf rendition of %s', (name) => {
    expect(existsSync(join(CORPUS, 'docx', `${name}.docx`))).toBe(true);
    const pdf = readFileSync(join(CORPUS, 'pdf', `${name}.pdf`));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it.each(PLANS)('should keep at least 98%% of the characters of %s.txt in its docx body', async (name) => {
    const txt = readFileSync(join(CORPUS, `${name}.txt`), 'utf8');
    const body = stripWordXml(await readDocxPart(name, 'word/document.xml'));
    expect(measureCoverage(txt, body)).toBeGreaterThanOrEqual(0.98);
  });

  it.each(WITH_TABLES)('should hold a real Word table with vertically merged cells in %s.docx', async (name) => {
    const xml = await readDocxPart(name, 'word/document.xml');
    expect(xml).toContain('<w:tbl>');
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(xml).toMatch(/<w:vMerge(?: w:val="continue")?\/>/);
  });

  it('should number the （一） headings of jiaoling-2022 with Word chineseCounting numbering', async () => {
    const numbering = await readDocxPart('jiaoling-2022', 'word/numbering.xml');
    expect(numbering).toContain('w:val="chineseCounting"');
    expect(numbering).toContain('w:val="（%1）"');
    const body = await readDocxPart('jiaoling-2022', 'word/document.xml');
    expect(body).toContain('<w:numPr>');
    expect(stripWordXml(body)).not.toContain('（一）加快学位扩容');
    expect(stripWordXml(body)).toContain('加快学位扩容，保障学位供给充足');
  });

  it.each(PLANS)('should give %s.docx a running header and a "— PAGE —" footer', async (name) => {
    const header = stripWordXml(await readDocxPart(name, 'word/header1.xml'));
    expect(header).toMatch(/义务教育优质均衡发展/);
    const xml = await readDocxPart(name, 'word/footer1.xml');
    expect(xml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(stripWordXml(xml).replace('PAGE', 'N').trim()).toBe('— N —');
  });

  it('should render qinxian-2021 as Markdown with outline headings and a GFM table', () => {
    const md = readFileSync(join(CORPUS, 'md', 'qinxian-2021.md'), 'utf8');
    expect(md).toMatch(/^## 一、指导思想$/m);
    expect(md).toMatch(/^### （一）第一阶段/m);
    expect(md).toMatch(/^\| 年份 \| 规划工作与达标学校名称 \| 规划“达标”学校数 \|$/m);
    const txt = readFileSync(join(CORPUS, 'qinxian-2021.txt'), 'utf8');
    expect(measureCoverage(txt, md)).toBeGreaterThanOrEqual(0.98);
  });
});

const EXTRA = join(import.meta.dirname, 'extra', 'corpus');
const EXTRA_PLANS = readdirSync(EXTRA)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -'.txt'.length))
  .sort();
const extraPart = (name: string, part: string) => readDocxPart(name, part, join(EXTRA, 'docx'));

describe('renditions of the extra plans (scripts/renditions/make-extra.mjs)', () => {
  it('should find the nine extra plans', () => {
    expect(EXTRA_PLANS).toHaveLength(9);
  });

  it.each(EXTRA_PLANS)('should have a docx and a pdf rendition of %s', (name) => {
    expect(existsSync(join(EXTRA, 'docx', `${name}.docx`))).toBe(true);
    expect(readFileSync(join(EXTRA, 'pdf', `${name}.pdf`)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it.each(EXTRA_PLANS)('should keep every character of %s.txt in its docx body', async (name) => {
    const txt = readFileSync(join(EXTRA, `${name}.txt`), 'utf8');
    expect(measureCoverage(txt, stripWordXml(await extraPart(name, 'word/document.xml')))).toBe(1);
  });

  it.each(EXTRA_PLANS)('should render every GFM table of %s.md as a Word table', async (name) => {
    const tables = readFileSync(join(EXTRA, `${name}.md`), 'utf8').split(/\n\s*\n/).filter((block) => block.trimStart().startsWith('|')).length;
    expect(tables).toBeGreaterThan(0);
    expect((await extraPart(name, 'word/document.xml')).match(/<w:tbl>/g)?.length ?? 0).toBe(tables);
  });

  it.each([
    { name: 'x3-task-tables', what: 'vertically merged 序号, 工作任务, 牵头单位 cells', pattern: /<w:vMerge w:val="restart"\/>/ },
    { name: 'x2-district-years', what: 'a two-row header with 分年度目标 over three year columns', pattern: /<w:gridSpan w:val="3"\/>/ },
    { name: 'z1-rectification', what: 'category rows across all six columns', pattern: /<w:gridSpan w:val="6"\/>/ },
  ])('should give $name.docx $what', async ({ name, pattern }) => {
    expect(await extraPart(name, 'word/document.xml')).toMatch(pattern);
  });

  it.each(EXTRA_PLANS)('should give %s.docx a running header and a "— PAGE —" footer', async (name) => {
    expect(stripWordXml(await extraPart(name, 'word/header1.xml'))).toMatch(/義務教育|义务教育/);
    expect(stripWordXml(await extraPart(name, 'word/footer1.xml')).replace('PAGE', 'N').trim()).toBe('— N —');
  });
});
