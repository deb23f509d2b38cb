import { describe, expect, it } from 'vitest';
import { formatCounter } from '../pipeline/ingest/number-format.ts';
import { labelParagraphs, readNumbering, type NumberedParagraph } from '../pipeline/ingest/docx/numbering.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

interface LevelSpec {
  ilvl: number;
  format: string;
  text: string;
  start?: number;
  extra?: string;
}

const level = ({ ilvl, format, text, start = 1, extra = '' }: LevelSpec): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;

const numberingXml = (abstracts: string[], nums: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W}>${abstracts.join('')}${nums.join('')}</w:numbering>`;

const abstract = (id: string, levels: LevelSpec[]): string =>
  `<w:abstractNum w:abstractNumId="${id}">${levels.map(level).join('')}</w:abstractNum>`;

const num = (numId: string, abstractId: string, overrides = ''): string =>
  `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;

const OUTLINE: LevelSpec[] = [
  { ilvl: 0, format: 'chineseCounting', text: '（%1）' },
  { ilvl: 1, format: 'decimal', text: '%2.' },
];

function labels(xml: string, paragraphs: NumberedParagraph[], stylesXml?: string): Array<string | undefined> {
  const result = labelParagraphs(paragraphs, readNumbering(xml, stylesXml));
  return paragraphs.map((paragraph) => result.get(paragraph.index));
}

const p = (index: number, numId?: string, ilvl?: number, styleId?: string): NumberedParagraph => {
  const paragraph: NumberedParagraph = { index };
  if (numId !== undefined) paragraph.numId = numId;
  if (ilvl !== undefined) paragraph.ilvl = ilvl;
  if (styleId !== undefined) paragraph.styleId = styleId;
  return paragraph;
};

describe('labelParagraphs', () => {
  it('should count from w:start and restart a lower level when a higher one advances', () => {
    const xml = numberingXml([abstract('0', [{ ...OUTLINE[0]!, start: 3 }, OUTLINE[1]!])], [num('1', '0')]);
    expect(labels(xml, [p(1, '1', 0), p(2, '1', 1), p(3, '1', 1), p(4), p(5, '1', 0), p(6, '1', 1)])).toEqual([
      '（三）', '1.', '2.', undefined, '（四）', '1.',
    ]);
  });

  it('should continue the counters of an abstract definition across w:num without overrides', () => {
    const xml = numberingXml([abstract('0', OUTLINE)], [num('1', '0'), num('2', '0')]);
    expect(labels(xml, [p(1, '1', 0), p(2, '2', 0), p(3, '1', 0)])).toEqual(['（一）', '（二）', '（三）']);
  });

  it('should start a w:num with w:startOverride again at its override', () => {
    const restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>';
    const xml = numberingXml([abstract('0', OUTLINE)], [num('1', '0'), num('2', '0', restart)]);
    expect(labels(xml, [p(1, '1', 0), p(2, '1', 0), p(3, '2', 0), p(4, '2', 0)])).toEqual([
      '（一）', '（二）', '（一）', '（二）',
    ]);
  });

  it('should keep counting a level whose w:lvlRestart is 0', () => {
    const xml = numberingXml(
      [abstract('0', [OUTLINE[0]!, { ...OUTLINE[1]!, extra: '<w:lvlRestart w:val="0"/>' }])],
      [num('1', '0')],
    );
    expect(labels(xml, [p(1, '1', 0), p(2, '1', 1), p(3, '1', 0), p(4, '1', 1)])).toEqual(['（一）', '1.', '（二）', '2.']);
  });

  it('should print every level a multi-level label refers to, in decimal when w:isLgl is set', () => {
    const xml = numberingXml(
      [
        abstract('0', [
          { ilvl: 0, format: 'chineseCounting', text: '%1、' },
          { ilvl: 1, format: 'decimal', text: '%1.%2' },
          { ilvl: 2, format: 'decimal', text: '%1.%2.%3', extra: '<w:isLgl/>' },
        ]),
      ],
      [num('1', '0')],
    );
    expect(labels(xml, [p(1, '1', 0), p(2, '1', 1), p(3, '1', 2), p(4, '1', 1)])).toEqual(['一、', '一.1', '1.1.1', '一.2']);
  });

  it('should number a paragraph through its style and the level linked to that style', () => {
    const xml = numberingXml(
      [abstract('0', [
        { ilvl: 0, format: 'chineseCounting', text: '%1、', extra: '<w:pStyle w:val="Heading1"/>' },
        { ilvl: 1, format: 'chineseCounting', text: '（%2）', extra: '<w:pStyle w:val="Heading2"/>' },
      ])],
      [num('5', '0')],
    );
    const styles =
      `<w:styles ${W}>` +
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>' +
      '</w:styles>';
    expect(
      labels(xml, [p(1, undefined, undefined, 'Heading1'), p(2, undefined, undefined, 'Heading2'), p(3), p(4, '0', undefined, 'Heading1'), p(5, undefined, undefined, 'Heading1')], styles),
    ).toEqual(['一、', '（一）', undefined, undefined, '二、']);
  });

  it('should give bullets no label but a space suffix its space', () => {
    const xml = numberingXml(
      [abstract('0', [
        { ilvl: 0, format: 'bullet', text: '●' },
        { ilvl: 1, format: 'decimal', text: '%2)', extra: '<w:suff w:val="space"/>' },
      ])],
      [num('1', '0')],
    );
    expect(labels(xml, [p(1, '1', 0), p(2, '1', 1)])).toEqual([undefined, '1) ']);
  });

  it('should ignore a paragraph whose w:numId has no definition', () => {
    const xml = numberingXml([abstract('0', OUTLINE)], [num('1', '0')]);
    expect(labels(xml, [p(1, '9', 0), p(2, '1', 0)])).toEqual([undefined, '（一）']);
  });
});

describe('formatCounter', () => {
  it.each([
    [1, 'chineseCounting', '一'],
    [10, 'chineseCounting', '十'],
    [11, 'chineseCounting', '十一'],
    [20, 'chineseCountingThousand', '二十'],
    [105, 'chineseCountingThousand', '一百零五'],
    [110, 'chineseCountingThousand', '一百一十'],
    [3, 'chineseLegalSimplified', '叁'],
    [10, 'ideographDigital', '一〇'],
    [1, 'ideographTraditional', '甲'],
    [3, 'ideographZodiac', '寅'],
    [1, 'decimalEnclosedCircle', '①'],
    [21, 'decimalEnclosedCircleChinese', '㉑'],
    [2, 'decimalEnclosedParen', '⑵'],
    [5, 'decimalZero', '05'],
    [12, 'decimalFullWidth', '１２'],
    [27, 'upperLetter', 'AA'],
    [2, 'lowerLetter', 'b'],
    [14, 'upperRoman', 'XIV'],
    [4, 'lowerRoman', 'iv'],
    [7, 'somethingNew', '7'],
  ])('should write %i in %s as %s', (value, format, expected) => {
    expect(formatCounter(value, format)).toBe(expected);
  });
});
