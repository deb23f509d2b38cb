import { describe, expect, it } from 'vitest';
import { scanDates } from '../../extractors/date-scanner.ts';
import { extractResponsibilities } from '../../extractors/responsibilities.ts';
import { findSentenceResponsibilities } from '../../extractors/responsibility-sentences.ts';
import { extractStatementTargets } from '../../extractors/target-statement.ts';
import { extractTargets } from '../../extractors/targets.ts';
import { ingest } from '../../pipeline/ingest/ingest.ts';

const context = { year: null, kind: null, documentYear: null };
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('rules found by the third blind round', () => {
  it('should read full-width digits in dates as ASCII ones', () => {
    const [d] = scanDates('力争２０２７年底前通过国家督导评估认定');
    expect(d).toMatchObject({ start: null, end: '2027-12', raw: '２０２７年底前' });
    expect(scanDates('（二）整改提升阶段（２０２３年７月—２０２５年１２月）')[0]).toMatchObject({ start: '2023-07', end: '2025-12' });
  });

  it('should pair the rooms of 音乐、美术专用教室 with the figures after 分别, in order', () => {
    const found = extractStatementTargets('每12个班级配备音乐、美术专用教室各1间以上，每间面积分别不小于96平方米、90平方米；', context);
    expect(found.map((t) => [t.indicator, t.value])).toEqual([['G3', 1], ['G3.music', 96], ['G3.art', 90]]);
  });

  it('should keep distributing the levels of a figure list broken across two lines', async () => {
    const doc = await ingest(bytes('一、现状\n目前全县小学、初中生均教学仪器设备值分别为１８５６元、\n２３１０元，部分学校专用教室不足。\n'), '.txt');
    const found = extractTargets(doc.blocks, doc.metadata).filter((t) => t.indicator === 'R6');
    expect(found.map((t) => [t.level, t.value, t.kind])).toEqual([['primary', 1856, 'baseline'], ['junior', 2310, 'baseline']]);
  });

  it('should not read a heading like 政府保障程度 as a task of the government', () => {
    expect(findSentenceResponsibilities('（二）政府保障程度')).toEqual([]);
    expect(findSentenceResponsibilities('政府要加大投入，保障经费').map((r) => r.departments.map((d) => d.name))).toEqual([['政府']]);
  });

  it('should read a 责任单位 list that a line break cut after 、 to its closing parenthesis', async () => {
    const doc = await ingest(bytes('1、统一办学标准。落实城乡统一的学校建设标准。（责任单位：县教育局、县财政局、\n县住建局）\n'), '.txt');
    const found = extractResponsibilities(doc.blocks, doc.metadata);
    expect(found.map((r) => r.departments.map((d) => d.name))).toEqual([['县教育局', '县财政局', '县住建局']]);
  });
});
