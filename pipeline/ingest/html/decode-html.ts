/**
 * Decode the bytes of a web page as a browser does: a BOM first, then the charset the page
 * declares in its first 1024 bytes (`<meta charset>`, or `http-equiv` content `charset=`),
 * then the charset of its MIME part (MHTML), then detection; a page declared GB but written in UTF-8
 * is read as UTF-8, with a message, (`decodeText`: strict UTF-8,
 * else GB18030, which covers the GBK and GB2312 that many county sites serve undeclared).
 */
import { decodeText, type DecodedText } from '../decode-text.ts';
import { ReadError } from '../read-error.ts';

/** How far into the page a charset declaration is looked for (the HTML standard's prescan: 1024 bytes). */
const PRESCAN_BYTES = 1024;

/** Labels a page may declare that name the GB family: all decoded as GB18030, their superset. */
const GB_FAMILY = /^(?:gb2312|gbk|gb18030|x-gbk|cp936|csgb2312|chinese|iso-ir-58|gb_2312(?:-80)?|euc-cn)$/;

/**
 * Decode a page.
 *
 * @param data
 *   The page's bytes.
 * @param declared
 *   A charset from outside the page, e.g. its MIME part's `Content-Type` (optional).
 * @returns
 *   The text, the encoding it was read with and how it was chosen, and repairs made.
 * @throws {ReadError}
 *   When the bytes cannot be read in the declared or detected encoding.
 */
export function decodeHtml(data: Uint8Array, declared?: string): DecodedText {
  const bom = data.length >= 2 && ((data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) || (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff));
  if (bom) return decodeText(data);
  const charset = declared ?? findMetaCharset(data);
  if (charset !== undefined) {
    // As browsers do: a page cannot declare UTF-16 in itself (its bytes would not read as ASCII).
    const label = GB_FAMILY.test(charset) ? 'gb18030' : /^utf-?16/.test(charset) ? 'utf-8' : charset;
    // GB18030 reads almost any bytes, UTF-8 among them, as something: a page declared GB but
    // written in valid UTF-8 with CJK text (a site that moved to UTF-8 and kept its template) is UTF-8.
    const utf8 = label === 'gb18030' ? tryDecode('utf-8', data) : null;
    if (utf8 !== null && /[\u0080-\uffff]/.test(utf8)) {
      return { text: utf8, encoding: 'UTF-8', warnings: [`the page declares charset ${charset} but is written in UTF-8; read as UTF-8`] };
    }
    const text = tryDecode(label, data);
    if (text !== null) return { text, encoding: `${label.toUpperCase()} (declared ${charset})`, warnings: [] };
    // A page that declares one charset and is written in another (a site that changed its
    // CMS and kept the old template): read what the bytes are, and say so.
    const read = decodeText(data);
    return { ...read, warnings: [...read.warnings, `the page declares charset ${charset} but is not written in it; read as ${read.encoding}`] };
  }
  return decodeText(data);
}

/**
 * The charset a page declares in a `<meta>` tag near its start (else in its XML declaration), lower case.
 *
 * @param data
 *   The page's bytes.
 * @returns
 *   The label as written (`gb2312`, `utf-8`), or undefined when there is none.
 */
export function findMetaCharset(data: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(data.subarray(0, PRESCAN_BYTES)).replace(/<!--[\s\S]*?-->/g, '');
  // An XHTML page may declare its encoding only in its XML declaration.
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  for (const tag of head.matchAll(/<meta\b[^>]*>/gi)) {
    const attributes = tag[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(attributes);
    if (direct && !/\bcontent\s*=/i.test(attributes.slice(0, direct.index))) return direct[1]!.toLowerCase();
    if (/http-equiv\s*=\s*["']?content-type/i.test(attributes)) {
      const content = /\bcontent\s*=\s*(["'])([^"']*)\1/i.exec(attributes)?.[2] ?? '';
      const inContent = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(content);
      if (inContent) return inContent[1]!.toLowerCase();
    }
  }
  return xml?.[1]?.toLowerCase();
}

function tryDecode(label: string, data: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(data);
  } catch (error) {
    // An unknown label is a RangeError: the declaration is wrong, not the bytes.
    if (error instanceof RangeError) return null;
    if (error instanceof TypeError) return null;
    throw new ReadError(`unreadable web page: ${error instanceof Error ? error.message : String(error)}`);
  }
}
