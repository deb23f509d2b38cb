/**
 * Open an OFD package (GB/T 33190): a zip whose `OFD.xml` names the document
 * (`DocBody/DocRoot` → `Doc_N/Document.xml`), which lists its pages (each a
 * `Content.xml`) and the template pages they draw on (running headers and the
 * like). Locations (`ST_Loc`) are relative to the part that names them, or
 * absolute from the package root when they start with `/`.
 */
import type { Document } from 'domhandler';
import { DEFAULT_LIMITS, type Limits } from '../limits.ts';
import { ReadError } from '../read-error.ts';
import { inflateZip } from '../zip.ts';
import { attributeOf, childrenNamed, elementAt, parseOfdXml, textOf } from './xml.ts';

/** One page of an OFD document, its parts parsed. */
export interface OfdPagePart {
  /** 1-based page number, in the order of `Document.xml`'s page list. */
  number: number;
  /** Width and height of the page in mm. */
  size: [number, number];
  /** The page's content, or undefined when its part is missing (named in `path`). */
  content?: Document;
  /** Path of the page's content part. */
  path: string;
  /** Contents of the template pages the page uses. */
  templates: Document[];
}

/** An opened OFD document. */
export interface OfdPackage {
  pages: OfdPagePart[];
}

const A4: [number, number] = [210, 297];

/**
 * Open an OFD package and parse the parts of its first document.
 *
 * @param data
 *   The file's bytes (a zip archive).
 * @param limits
 *   Zip limits (those of .docx) and the page limit (that of PDF) (default: `DEFAULT_LIMITS`).
 * @returns
 *   The document's pages in order.
 * @throws {ReadError}
 *   `not an OFD: …` for a zip without `OFD.xml`, `corrupt OFD: …` for missing
 *   or broken parts, `OFD too long: …`, and the zip guard's reasons.
 */
export async function openOfdPackage(data: Uint8Array, limits: Limits = DEFAULT_LIMITS): Promise<OfdPackage> {
  if (!(data[0] === 0x50 && data[1] === 0x4b)) throw new ReadError('not an OFD: not a zip archive');
  const zip = inflateZip(data, 'OFD', limits);
  const entry = await readPart(zip, 'OFD.xml');
  if (entry === undefined) throw new ReadError('not an OFD: the zip has no OFD.xml');
  const root = elementAt(parseOfdXml(entry, 'OFD.xml'), 'OFD');
  const docRoot = textOf(elementAt(root, 'DocBody', 'DocRoot')).trim();
  if (docRoot === '') throw new ReadError('corrupt OFD: OFD.xml names no document (DocBody/DocRoot)');
  const documentPath = resolveLocation('', docRoot);
  const documentXml = await readPart(zip, documentPath);
  if (documentXml === undefined) throw new ReadError(`corrupt OFD: ${documentPath} is missing`);
  const document = elementAt(parseOfdXml(documentXml, documentPath), 'Document');
  const folder = folderOf(documentPath);
  const common = elementAt(document, 'CommonData');
  const pageSize = readBox(textOf(elementAt(common, 'PageArea', 'PhysicalBox'))) ?? A4;
  const templatePaths = new Map<string, string>();
  for (const template of childrenNamed(common, 'TemplatePage')) {
    const id = attributeOf(template, 'ID');
    const location = attributeOf(template, 'BaseLoc');
    if (id !== undefined && location !== undefined) templatePaths.set(id, resolveLocation(folder, location));
  }
  const pageList = childrenNamed(elementAt(document, 'Pages'), 'Page');
  if (pageList.length > limits.maxPdfPages) {
    throw new ReadError(`OFD too long: ${pageList.length} pages (limit ${limits.maxPdfPages})`);
  }
  const templates = new Map<string, Document | undefined>();
  const pages: OfdPagePart[] = [];
  for (const [index, page] of pageList.entries()) {
    const location = attributeOf(page, 'BaseLoc');
    const path = location === undefined ? `${folder}Pages/Page_${index}/Content.xml` : resolveLocation(folder, location);
    const xml = await readPart(zip, path);
    const part: OfdPagePart = { number: index + 1, size: pageSize, path, templates: [] };
    if (xml !== undefined) {
      part.content = parseOfdXml(xml, path);
      const pageElement = elementAt(part.content, 'Page');
      part.size = readBox(textOf(elementAt(pageElement, 'Area', 'PhysicalBox'))) ?? pageSize;
      for (const use of childrenNamed(pageElement, 'Template')) {
        const id = attributeOf(use, 'TemplateID');
        const templatePath = id === undefined ? undefined : templatePaths.get(id);
        if (templatePath === undefined) continue;
        if (!templates.has(templatePath)) {
          const templateXml = await readPart(zip, templatePath);
          templates.set(templatePath, templateXml === undefined ? undefined : parseOfdXml(templateXml, templatePath));
        }
        const template = templates.get(templatePath);
        if (template !== undefined) part.templates.push(template);
      }
    }
    pages.push(part);
  }
  return { pages };
}

/** Width and height from an `ST_Box` (`x y w h`, mm); undefined when it is not four numbers. */
function readBox(text: string): [number, number] | undefined {
  const numbers = text.trim().split(/\s+/).map(Number);
  if (numbers.length !== 4 || numbers.some((value) => !Number.isFinite(value))) return undefined;
  const [, , width, height] = numbers as [number, number, number, number];
  return width > 0 && height > 0 ? [width, height] : undefined;
}

/** The folder part of a path, with its trailing slash (`Doc_0/`), or `''`. */
function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/**
 * Resolve an `ST_Loc` against the folder of the part that names it; `/x` is
 * from the package root. `..` never leaves the package.
 */
function resolveLocation(folder: string, location: string): string {
  const parts: string[] = [];
  const joined = location.startsWith('/') ? location : `${folder}${location}`;
  for (const part of joined.replace(/\\/g, '/').split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/**
 * A part's text; undefined when the package has no such part. Some producers
 * write locations relative to the package root where the standard has them
 * relative to the naming part: a miss is retried without its first folder.
 */
async function readPart(zip: ReadonlyMap<string, Uint8Array>, path: string): Promise<string | undefined> {
  const bytes = zip.get(path) ?? zip.get(path.replace(/^[^/]+\/(?=.*\/)/, ''));
  if (bytes === undefined) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ReadError(`corrupt OFD: ${path} is not UTF-8 text`);
  }
}
