import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../pipeline/ingest/decode-text.ts';
import { parseText } from '../../pipeline/ingest/txt/read-txt.ts';
import { ReadError } from '../../pipeline/ingest/read-error.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/txt/${name}`, import.meta.url));
const expected = readFileSync(new URL('../fixtures/txt/plan-utf8.txt', import.meta.url), 'utf8');

describe('decodeText', () => {
  it.each([
    ['plan-utf8.txt', 'UTF-8'],
    ['plan-utf8-bom.txt', 'UTF-8 (BOM)'],
    ['plan-gb18030.txt', 'GB18030'],
    ['plan-utf16le.txt', 'UTF-16LE'],
    ['plan-utf16be.txt', 'UTF-16BE'],
  ])('should decode %s as %s', (name, encoding) => {
    const decoded = decodeText(fixture(name));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(expected);
  });

  it('should refuse bytes that are no known text encoding', () => {
    const bytes = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 129) % 256 | 0x80);
    expect(() => decodeText(Uint8Array.from([0xff, 0xff, 0xff, 0xfe, ...bytes]))).toThrow(ReadError);
  });
});

describe('parseText', () => {
  it('should make one positioned paragraph per non-empty line', () => {
    const tree = parseText(expected);
    expect(tree.children).toHaveLength(5);
    const last = tree.children[4]!;
    expect(last.type).toBe('paragraph');
    expect(last.data?.location).toEqual({ line: 6, column: 3 });
    expect(last.position?.start).toEqual({ line: 6, column: 3, offset: expected.indexOf('确保') });
    expect(expected.slice(last.position!.start.offset, last.position!.end.offset)).toBe('确保2026年通过省级督导评估。');
  });

  it('should count CRLF line breaks in offsets', () => {
    const text = decodeText(fixture('plan-crlf.txt')).text;
    const tree = parseText(text);
    const node = tree.children[2]!;
    expect(node.data?.location?.line).toBe(4);
    expect(text.slice(node.position!.start.offset, node.position!.end.offset)).toMatch(/^到2025年/);
  });

  it('should drop control characters and NUL bytes from the text', () => {
    const tree = parseText(decodeText(fixture('control-chars.txt')).text);
    const texts = tree.children.map((node) => ('children' in node ? (node.children[0] as { value: string }).value : ''));
    expect(texts).toEqual(['一、目标', '到2025年达到85%以上。']);
  });
});

describe('damaged UTF-8', () => {
  it('should read a file with a BOM and a damaged byte, and say so', () => {
    const text = new TextEncoder().encode('某县方案。'.repeat(200));
    const data = Uint8Array.from([0xef, 0xbb, 0xbf, ...text, 0xff, ...text]);
    const decoded = decodeText(data);
    expect(decoded.encoding).toBe('UTF-8 (BOM)');
    expect(decoded.warnings).toEqual(['invalid UTF-8: 1 damaged byte sequence replaced with U+FFFD']);
  });
});
