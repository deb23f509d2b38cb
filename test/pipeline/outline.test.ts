import { describe, expect, it } from 'vitest';
import { toBlocks } from '../../model/blocks.ts';
import { matchOutline } from '../../pipeline/tree/outline.ts';
import { parseText } from '../../pipeline/ingest/txt/read-txt.ts';
import { markOutline } from '../../pipeline/tree/structure.ts';

describe('matchOutline', () => {
  it.each([
    ['一、指导思想', 1, '一、', '指导思想'],
    ['十二、其他', 1, '十二、', '其他'],
    ['（一）总体目标。', 2, '（一）', '总体目标'],
    ['(三)做好监测', 2, '(三)', '做好监测'],
    ['1．优化中小学布局规划。按照…', 3, '1．', '优化中小学布局规划'],
    ['2.全面整改完善（2027年1月—6月）。根据…', 3, '2.', '全面整改完善（2027年1月—6月）'],
    ['3、加强领导', 3, '3、', '加强领导'],
    ['（1）校舍建设', 4, '（1）', '校舍建设'],
    ['附件2', 0, '附件2', '附件2'],
    ['附件：责任分工', 0, '附件', '责任分工'],
    ['第三章　主要任务', 1, '第三章', '主要任务'],
    ['第七条　资源配置目标（到2026年）。全区每所学校…', 1.5, '第七条', '资源配置目标（到2026年）'],
  ])('should read %s as level %i', (text, level, marker, title) => {
    expect(matchOutline(text)).toEqual({ level, marker, title });
  });

  it('should nest the items of an article under it, and the article under its chapter', () => {
    const tree = markOutline(parseText('第二章　发展目标\n第七条　资源配置目标（到2026年）。全区学校达到以下要求：\n（一）每百名学生拥有高于规定学历教师数小学≥4.6人。'));
    expect(toBlocks(tree).at(-1)?.sectionPath).toEqual(['第二章发展目标', '第七条资源配置目标（到2026年）']);
  });

  it.each(['1.5万人口设置1所初中', '2025.12前完成', '一是加强领导', '第一条', '2021年7月'])('should not read %s as an outline marker', (text) => {
    expect(matchOutline(text)).toBeUndefined();
  });
});

describe('toBlocks', () => {
  it('should nest sections by outline level and give every block its section path', () => {
    const tree = markOutline(
      parseText(['方案', '一、工作目标', '（一）总体目标', '到2027年通过评估。', '（二）具体目标', '1.资源配置。小学达到4.2人以上。', '二、工作步骤', '正文。', '附件1', '（一）表'].join('\n')),
    );
    const blocks = toBlocks(tree);
    const byText = Object.fromEntries(blocks.map((b) => [b.text, b]));
    expect(byText['一、工作目标']!.kind).toBe('heading');
    expect(byText['到2027年通过评估。']!.sectionPath).toEqual(['一、工作目标', '（一）总体目标']);
    expect(byText['1.资源配置。小学达到4.2人以上。']!.sectionPath).toEqual(['一、工作目标', '（二）具体目标']);
    expect(byText['1.资源配置。小学达到4.2人以上。']!.kind).toBe('paragraph');
    expect(byText['1.资源配置。小学达到4.2人以上。']!.outline?.title).toBe('资源配置');
    expect(byText['正文。']!.sectionPath).toEqual(['二、工作步骤']);
    expect(byText['（一）表']!.sectionPath).toEqual(['附件1']);
    expect(byText['正文。']!.location).toEqual({ line: 8, column: 1 });
  });
});
