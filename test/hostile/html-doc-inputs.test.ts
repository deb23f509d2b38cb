/**
 * Broken and hostile web pages and Word binary files: each is refused with a one-line reason that
 * the CLI says in Chinese too, or read with what it holds. Fixtures: test/fixtures/doc/
 * (scripts/renditions/make-doc.mjs) and pages made here.
 */
import { readFileSync } from 'node:fs';
import CFB from 'cfb';
import { describe, expect, it } from 'vitest';
import { reasonInChinese } from '../../cli/messages.ts';
import { processDocument } from '../../pipeline/process-document.ts';

const root = new URL('../../', import.meta.url).pathname;
const bytesOf = (path: string) => new Uint8Array(readFileSync(`${root}${path}`));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The nanan .doc with its FIB's fcClx pointing past the end of the table stream. */
function pieceTableOutside(): Uint8Array {
  const container = CFB.read(bytesOf('corpus/doc/nanan-2022.doc'), { type: 'buffer' });
  const word = CFB.find(container, 'WordDocument')!;
  const content = Buffer.from(word.content as Uint8Array);
  const csw = content.readUInt16LE(32);
  const cslw = content.readUInt16LE(34 + csw * 2);
  const fcLcb = 34 + csw * 2 + 2 + cslw * 4 + 2;
  content.writeUInt32LE(0x7ffffff0, fcLcb + 33 * 8);
  word.content = content;
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

const NAVIGATION = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>示例县人民政府</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/bs/">办事服务</a></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div>
<ul class="list">${Array.from({ length: 30 }, (_, i) => `<li><a href="/t${i}.html">示例县教育局关于第${i + 1}批项目的公示</a><span>2024-0${(i % 9) + 1}-01</span></li>`).join('')}</ul>
<div class="footer">主办单位：示例县人民政府办公室　网站标识码：1234567890　<a href="#">京ICP备00000000号</a></div>
</body></html>`;

const CASES: Array<{ name: string; bytes: () => Uint8Array; reason: string }> = [
  { name: 'truncated.doc', bytes: () => bytesOf('test/fixtures/doc/truncated.doc'), reason: 'corrupt .doc: the file is truncated or damaged' },
  { name: 'wrong-magic.doc', bytes: () => bytesOf('test/fixtures/doc/wrong-magic.doc'), reason: 'not a Word document: the file has no OLE header (D0 CF 11 E0)' },
  { name: 'encrypted.doc', bytes: () => bytesOf('test/fixtures/doc/encrypted.doc'), reason: 'encrypted .doc: a password is required' },
  { name: 'kingsoft-old.wps', bytes: () => bytesOf('test/fixtures/doc/kingsoft-old.wps'), reason: 'unsupported .wps: no WordDocument stream (an older Kingsoft or a Microsoft Works file; save it as .doc or .docx)' },
  { name: 'piece-table.doc', bytes: pieceTableOutside, reason: 'corrupt .doc: no piece table' },
  { name: 'navigation.html', bytes: () => utf8(NAVIGATION), reason: 'no article: the page holds only navigation, links and site furniture' },
  { name: 'no-page.mhtml', bytes: () => utf8('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="x"\r\n\r\n--x\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--x--\r\n'), reason: 'unreadable MHTML: no text/html part' },
  { name: 'span-bomb.html', bytes: () => utf8(`<html><body><table>${'<tr><td colspan="1000" rowspan="1000">生均教学及辅助用房面积达到4.5平方米</td><td>x</td></tr>'.repeat(3000)}</table><p>到2025年，巩固率达到96%以上，入学率达到95%以上。</p></body></html>`), reason: 'too many parts: over 500000 nodes (limit 500000)' },
  { name: 'deep.html', bytes: () => utf8(`<html><body>${'<div>'.repeat(600)}到2025年，巩固率达到96%以上。${'</div>'.repeat(600)}</body></html>`), reason: 'nesting too deep: over 512 levels (limit 512)' },
];

describe('broken web pages and Word files', () => {
  it.each(CASES)('should refuse $name with a one-line reason, in Chinese too', async ({ name, bytes, reason }) => {
    const outcome = await processDocument(bytes(), name);
    const given = outcome.ok ? '' : outcome.reason;
    expect(given).toBe(reason);
    expect(given).not.toMatch(/[\r\n]/);
    const chinese = reasonInChinese(given);
    expect(chinese).not.toBe(given);
    expect(chinese).toMatch(/[\u4e00-\u9fff]/);
  });

  it('should read a GBK page that declares no charset, with its encoding named', async () => {
    const outcome = await processDocument(bytesOf('corpus/html/haicheng.htm'), 'haicheng.htm');
    expect(outcome.ok && outcome.model.encoding).toBe('GB18030');
  });
});
