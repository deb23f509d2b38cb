/**
 * Document metadata stated in the text: title, 文号, issuing body, date, region.
 * Looks at the opening blocks (the notice and title) and the closing signature.
 */
import { parseChineseInteger } from '../../model/chinese-numerals.ts';
import type { Block, DocumentMetadata } from '../../model/document.ts';

const DOC_NUMBER = /[\u4e00-\u9fa5]{1,10}[〔［\[【(（]\s*(\d{4})\s*[〕］\]】)）]\s*\d{1,4}\s*号/;
const TITLE_WORD = /(方案|规划|计划|意见|办法|通知)$/;
const ISSUER = /^([\u4e00-\u9fa5]{2,20}?(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|教育局|教育委员会|教育和体育局|教育体育局|委员会))(?:\s|$|关于)/;
const DATE = /((?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日/;
const REGION = /([\u4e00-\u9fa5]{1,6}?(?:自治县|自治州|县|区|市|旗))(?=人民政府|政府|教育|委员会|推进|创建|关于|义务教育|统筹)/g;

/**
 * Read the metadata of a document from its blocks.
 *
 * @param blocks
 *   The document's blocks in order.
 * @returns
 *   What the document states; `null` for what it does not.
 */
export function extractMetadata(blocks: Block[]): DocumentMetadata {
  const head = blocks.slice(0, 40).filter((b) => b.kind !== 'tableRow');
  // The document's own number stands on a line of its own; numbers inside sentences cite other documents.
  const docNumber = head.filter((b) => b.text.length <= 30).map((b) => DOC_NUMBER.exec(b.text)?.[0]).find(Boolean) ?? null;
  const title = findTitle(head);
  const issuer = findIssuer(blocks);
  const date = findDate(head) ?? findDate(blocks.slice(-15));
  const region = findRegion([issuer, title, ...head.slice(0, 5).map((b) => b.text)]);
  return { title, docNumber: docNumber?.replace(/\s+/g, '') ?? null, issuer, date, region };
}

function findTitle(head: Block[]): string | null {
  // A title may be broken over two or three short lines; join consecutive short lines.
  for (let i = 0; i < head.length; i++) {
    let text = head[i]!.text;
    if (text.length > 60 || DOC_NUMBER.test(text) || /[。，；]/.test(text)) continue;
    // A notice's title runs to its 的通知 (关于印发…方案⏎（2022年修订）的通知): read on to it.
    const notice = () => /关于印发/.test(text) && !/的通知\s*$/.test(text);
    for (let j = i + 1; j < Math.min(i + 4, head.length) && (!TITLE_WORD.test(text) || notice()); j++) {
      const next = head[j]!.text;
      if (next.length > 40 || /[。，；：]/.test(next) || DOC_NUMBER.test(next)) break;
      text += next;
    }
    text = text.replace(/\s+/g, '');
    if (TITLE_WORD.test(text) && /义务教育|均衡/.test(text)) return text.replace(/^.*关于印发/, '').replace(/的通知$/, '');
  }
  return null;
}

function findIssuer(blocks: Block[]): string | null {
  const candidates = [...blocks.slice(0, 6), ...blocks.slice(-12)].filter((b) => b.kind !== 'tableRow');
  for (const block of candidates) {
    const match = ISSUER.exec(block.text.replace(/\s+$/, ''));
    if (match && block.text.length <= 40) return match[1]!;
  }
  return null;
}

function findDate(blocks: Block[]): string | null {
  for (const block of blocks) {
    if (block.text.length > 30) continue;
    const match = DATE.exec(block.text);
    if (!match) continue;
    const year = /^\d+$/.test(match[1]!) ? Number(match[1]) : Number(parseChineseDigits(match[1]!));
    const month = parseChineseInteger(match[2]!);
    const day = parseChineseInteger(match[3]!);
    if (month === null || day === null || month < 1 || month > 12 || day < 1 || day > 31) continue;
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return null;
}

function parseChineseDigits(text: string): string {
  return [...text].map((c) => '〇一二三四五六七八九'.indexOf(c === '○' || c === '零' ? '〇' : c)).join('');
}

function findRegion(texts: Array<string | null | undefined>): string | null {
  for (const text of texts) {
    if (!text) continue;
    const matches = [...text.matchAll(REGION)].map((m) => m[1]!);
    // The most specific unit is the last one named before the body (重庆市南川区 → 南川区).
    const last = matches.filter((m) => !/省$/.test(m)).pop();
    if (last) return last.replace(/^.*?(?:省|自治区)/, '').replace(/^(北京|上海|天津|重庆)市(?=.)/, '');
  }
  return null;
}
