import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/ingest/ingest.ts';

const markdown = `# 某县义务教育优质均衡发展方案

## 一、工作目标

到2025年，小学、初中分别达到4.2人以上、5.3人以上。

### （一）责任分工

| 评估内容 | 责任单位 |
| --- | --- |
| 生均教学仪器设备值 | 县教育局、财政局 |
`;

describe('reading Markdown', () => {
  it('should keep headings, paragraphs and GFM tables with their lines', async () => {
    const doc = await ingest(new TextEncoder().encode(markdown), '.md');
    expect(doc.format).toBe('md');
    const kinds = doc.blocks.map((b) => [b.kind, b.location.line]);
    expect(kinds).toEqual([['heading', 1], ['heading', 3], ['paragraph', 5], ['heading', 7], ['tableRow', 9], ['tableRow', 11]]);
    const row = doc.blocks[5]!;
    expect(row.cells).toEqual(['生均教学仪器设备值', '县教育局、财政局']);
    expect(row.table?.header).toEqual(['评估内容', '责任单位']);
    expect(row.sectionPath).toEqual(['某县义务教育优质均衡发展方案', '一、工作目标', '（一）责任分工']);
  });
});
