/**
 * The .docx reader: bytes → one mdast tree of headings, paragraphs and tables
 * in document order, every node anchored at the `w:p` it came from
 * (`data.location.paragraph`), with Word's automatic numbering printed back
 * into the text. mammoth does the Word-to-HTML work (styles, lists, merged
 * cells, no headers or footers); we tag paragraphs with bookmarks first so its
 * HTML can be traced back to them.
 */
import type { Reader } from '../reader.ts';
import mammoth from 'mammoth';
import type { Root } from 'mdast';
import { countAltChunks, dropHiddenRuns } from './hidden-content.ts';
import { buildDocxTree } from './html-tree.ts';
import { labelParagraphs, readNumbering } from './numbering.ts';
import { openDocxPackage } from './package.ts';
import { DEFAULT_LIMITS, type Limits } from '../limits.ts';
import { listParagraphs, markParagraphs } from './paragraphs.ts';
import { parseXmlPart } from './xml.ts';
import { ReadError } from '../read-error.ts';

/** Heading styles named in Chinese (custom styles, WPS); mammoth knows only `Heading 1`. */
const CHINESE_HEADINGS = [1, 2, 3, 4, 5, 6].map((depth) => `p[style-name='标题 ${depth}'] => h${depth}:fresh`);

/** The .docx reader behind the common signature. */
export const readDocxFile: Reader = async (data, options) => {
  const { tree, notices } = await readDocxWithMessages(data, options.limits);
  return { tree, notices };
};

/** A read .docx and what the conversion had to say about it. */
export interface DocxReadResult {
  tree: Root;
  /** mammoth's warnings (unrecognised styles, unsupported elements) and ours, deduplicated. */
  warnings: string[];
  /** What the document holds that is not read as its text (hidden runs, altChunk parts), for the model's messages. */
  notices: string[];
}

/**
 * Read a .docx and keep the conversion's warnings.
 *
 * @param data
 *   The file's bytes.
 * @returns
 *   The tree and the warnings.
 * @throws {ReadError}
 *   When the bytes are not a readable .docx.
 */
export async function readDocxWithMessages(data: Uint8Array, limits: Limits = DEFAULT_LIMITS): Promise<DocxReadResult> {
  const docx = await openDocxPackage(data, limits);
  const notices: string[] = [];
  const hidden = dropHiddenRuns(docx.document);
  if (hidden.dropped > 0) notices.push(`hidden text (w:vanish) not read: ${hidden.dropped} ${hidden.dropped === 1 ? 'run' : 'runs'}`);
  docx.document = hidden.xml;
  const altChunks = countAltChunks(docx.document);
  if (altChunks > 0) notices.push(`embedded content in another format (w:altChunk) not read: ${altChunks} ${altChunks === 1 ? 'part' : 'parts'}`);
  let labels: Map<number, string>;
  const rowStarts = new Map<number, number>();
  let html: string;
  const warnings: string[] = [];
  try {
    const paragraphs = listParagraphs(parseXmlPart(docx.document));
    for (const { index, rowStart } of paragraphs) if (rowStart !== undefined) rowStarts.set(index, rowStart);
    labels = labelParagraphs(paragraphs, readNumbering(docx.numbering, docx.styles));
    docx.zip.file(docx.documentPath, markParagraphs(docx.document, paragraphs));
    const marked = await docx.zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(marked.buffer, marked.byteOffset, marked.byteLength) },
      {
        ignoreEmptyParagraphs: false,
        styleMap: CHINESE_HEADINGS,
        // Images carry no text; skipping their data keeps the HTML small.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
    for (const message of result.messages) warnings.push(message.message);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError(`unreadable .docx: ${describe(error)}`);
  }
  const built = buildDocxTree(html, { labels, rowStarts });
  return { tree: built.tree, warnings: [...new Set([...warnings, ...built.warnings])], notices };
}

/**
 * Read a .docx into a document tree.
 *
 * @param data
 *   The file's bytes.
 * @param limits
 *   Size limits of the package (default: DEFAULT_LIMITS).
 * @returns
 *   The tree: `heading`, `paragraph` and `table` nodes, each with `data.location.paragraph`.
 * @throws {ReadError}
 *   When the bytes are not a readable .docx, or exceed the limits.
 */
export async function readDocx(data: Uint8Array, limits: Limits = DEFAULT_LIMITS): Promise<Root> {
  return (await readDocxWithMessages(data, limits)).tree;
}

/** One short line for a failure inside the conversion. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/xmldom|parse error|invalid tagName/i.test(message)) return 'malformed XML in the document';
  const line = message.split(/\r?\n/).find((part) => part.trim() !== '') ?? 'unknown error';
  return line.replace(/\s+/g, ' ').trim().slice(0, 200);
}
