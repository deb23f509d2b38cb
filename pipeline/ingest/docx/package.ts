/**
 * Open a .docx as a zip package and find the parts the reader needs: the main
 * document (through `_rels/.rels`, falling back to word/document.xml), its
 * numbering and its styles. Bad bytes become a `ReadError` with a reason.
 *
 * A .docx is untrusted: before anything is inflated, the zip's central
 * directory is read and the package is refused when it declares too many
 * entries or too many uncompressed bytes (a zip bomb). Entries are then
 * inflated here, each capped at its declared size, so a package that lies
 * about its sizes cannot inflate past the limit either; jszip only ever sees
 * the inflated bytes.
 */
import JSZip from 'jszip';
import { childElements, parseXmlPart, readAttribute } from './xml.ts';
import { DEFAULT_LIMITS, type Limits } from '../limits.ts';
import { inflateZip } from '../zip.ts';
import { ReadError } from '../read-error.ts';

const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const STRICT_RELATIONSHIP = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

/** An opened .docx: the zip, where its main part is, and the text of the parts numbering needs. */
export interface DocxPackage {
  zip: JSZip;
  /** Path of the main document part, usually `word/document.xml`. */
  documentPath: string;
  document: string;
  numbering?: string;
  styles?: string;
}

/**
 * Open a .docx package.
 *
 * @param data
 *   The file's bytes.
 * @param limits
 *   Entry count and uncompressed size limits (default: `DEFAULT_LIMITS`).
 * @returns
 *   The package and its parts.
 * @throws {ReadError}
 *   When the bytes are not a zip, the zip is too large unpacked, holds no
 *   document, or a part is corrupt.
 */
export async function openDocxPackage(data: Uint8Array, limits: Limits = DEFAULT_LIMITS): Promise<DocxPackage> {
  const zip = loadZip(data, limits);
  const documentPath = (await findRelationshipTarget(zip, '_rels/.rels', '', 'officeDocument')) ?? 'word/document.xml';
  const document = await readPart(zip, documentPath);
  if (document === undefined) throw new ReadError(`not a .docx: ${documentPath} is missing`);
  const result: DocxPackage = { zip, documentPath, document };
  const slash = documentPath.lastIndexOf('/');
  const folder = documentPath.slice(0, slash + 1);
  const relationships = `${folder}_rels/${documentPath.slice(slash + 1)}.rels`;
  const numberingPath = (await findRelationshipTarget(zip, relationships, folder, 'numbering')) ?? `${folder}numbering.xml`;
  const stylesPath = (await findRelationshipTarget(zip, relationships, folder, 'styles')) ?? `${folder}styles.xml`;
  const numbering = await readPart(zip, numberingPath);
  if (numbering !== undefined) result.numbering = numbering;
  const styles = await readPart(zip, stylesPath);
  if (styles !== undefined) result.styles = styles;
  return result;
}

/** Check the declared sizes, inflate every entry under its declared size (`inflateZip`), and hand the bytes to jszip. */
function loadZip(data: Uint8Array, limits: Limits): JSZip {
  if (data[0] === 0xd0 && data[1] === 0xcf && data[2] === 0x11 && data[3] === 0xe0) {
    throw new ReadError('not a .docx: an encrypted or legacy .doc file (OLE compound document)');
  }
  const zip = new JSZip();
  for (const [name, bytes] of inflateZip(data, '.docx', limits)) zip.file(name, bytes, { binary: true, createFolders: false });
  return zip;
}

/** A part's text; undefined when the package has no such part. */
async function readPart(zip: JSZip, path: string): Promise<string | undefined> {
  const file = zip.file(path);
  if (!file) return undefined;
  try {
    return await file.async('string');
  } catch {
    throw new ReadError(`unreadable .docx: ${path} is corrupt`);
  }
}

/** The target of the first relationship of a type in a relationships part. */
async function findRelationshipTarget(
  zip: JSZip,
  relationshipsPath: string,
  folder: string,
  type: string,
): Promise<string | undefined> {
  const xml = await readPart(zip, relationshipsPath);
  if (xml === undefined) return undefined;
  const root = childElements(parseXmlPart(xml)).at(-1);
  for (const relationship of childElements(root, 'Relationship')) {
    const relationshipType = readAttribute(relationship, 'Type');
    if (relationshipType !== RELATIONSHIP + type && relationshipType !== STRICT_RELATIONSHIP + type) continue;
    if (readAttribute(relationship, 'TargetMode') === 'External') continue;
    const target = readAttribute(relationship, 'Target');
    if (target === undefined) continue;
    return target.startsWith('/') ? target.slice(1) : resolvePath(folder, target);
  }
  return undefined;
}

function resolvePath(folder: string, target: string): string {
  const parts: string[] = [];
  for (const part of `${folder}${target}`.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}
