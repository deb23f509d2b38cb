/**
 * The parts of Word's binary format (MS-DOC: Word 97–2003 `.doc`, and Kingsoft `.wps`,
 * which writes the same streams) that carry a document's text and its structure:
 * the FIB's flags and counts, the piece table (which bytes of the WordDocument stream
 * hold which characters), and each paragraph's properties (in a table cell? a row's end?
 * the table's cell definitions) from the paragraph FKPs. Nothing is rendered.
 */
import CFB from 'cfb';
import { ReadError } from '../read-error.ts';
import { findHiddenRuns, type HiddenRanges, type TextPiece } from './hidden-runs.ts';

/** One piece of the main text: characters [cpStart, cpEnd) stored from byte `fc`. */
type Piece = TextPiece;

/** What a paragraph's properties say about tables. */
export interface ParagraphProperties {
  /** The paragraph is in a table cell (sprmPFInTable, or a table depth above 0). */
  inTable: boolean;
  /** The paragraph is a row's end mark (sprmPFTtp). */
  rowEnd: boolean;
  /** On a row's end mark: per cell, whether it continues a vertical merge from the row above. */
  verticalContinue?: boolean[];
  /** On a row's end mark: per cell, whether it continues a horizontal merge (Word 97's fMerged cells). */
  horizontalContinue?: boolean[];
  /** On a row's end mark: the cells' boundaries in twips (one more than the cells), left to right. */
  boundaries?: number[];
  /** The paragraph's list (1-based index of its LFO; 0 or absent: not in a list) and level (sprmPIlfo, sprmPIlvl). */
  list?: { ilfo: number; ilvl: number };
}

/** An opened Word binary document. */
export interface WordBinary {
  /** The main document's text, one UTF-16 unit per character position. */
  text: string;
  /** The properties of the paragraph that ends at a character position (its \r or \x07). */
  paragraphAt: (cp: number) => ParagraphProperties;
  /** The table stream, and the places in it of the list tables (PlfLst, PlfLfo), for list numbers. */
  table: Uint8Array;
  lists: { plfLst: { fc: number; lcb: number }; plfLfo: { fc: number; lcb: number } };
  /** Runs of the main text that are hidden or deleted under tracked changes. */
  hidden: HiddenRanges;
}

const WORD_IDENT = 0xa5ec;
const FIB_FLAGS = 0x0a;
const FLAG_ENCRYPTED = 0x0100;
const FLAG_TABLE_1 = 0x0200;
/** nFib of Word 97 (older files keep their text otherwise). */
const NFIB_WORD97 = 0xc1;

/**
 * Open a Word binary document.
 *
 * @param data
 *   The file's bytes (an OLE compound file).
 * @param kind
 *   How to name the file in reasons (`.doc`, `.wps`).
 * @throws {ReadError}
 *   When the file is damaged, encrypted, of another program or too old.
 */
export function openWordBinary(data: Uint8Array, kind: string): WordBinary {
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(data, { type: 'buffer' });
  } catch {
    throw new ReadError(`corrupt ${kind}: the file is truncated or damaged`);
  }
  const stream = (name: string): Uint8Array | undefined => {
    const entry = container.FileIndex.find((candidate) => candidate.type === 2 && candidate.name.toLowerCase() === name.toLowerCase());
    const content = entry?.content;
    return content && content.length > 0 ? Uint8Array.from(content as ArrayLike<number>) : undefined;
  };
  const word = stream('WordDocument');
  if (!word) {
    if (stream('EncryptedPackage')) throw new ReadError('encrypted document: a password is required');
    throw new ReadError(kind === '.wps'
      ? 'unsupported .wps: no WordDocument stream (an older Kingsoft or a Microsoft Works file; save it as .doc or .docx)'
      : `not a Word document: an OLE file without a WordDocument stream`);
  }
  if (word.length < 0x200) throw new ReadError(`corrupt ${kind}: the WordDocument stream is truncated`);
  const view = new DataView(word.buffer, word.byteOffset, word.byteLength);
  if (view.getUint16(0, true) !== WORD_IDENT) throw new ReadError(`not a Word document: the WordDocument stream has no Word signature`);
  const flags = view.getUint16(FIB_FLAGS, true);
  if (flags & FLAG_ENCRYPTED) throw new ReadError(`encrypted ${kind}: a password is required`);
  const nFib = view.getUint16(2, true);
  if (nFib < NFIB_WORD97 && nFib !== 0) throw new ReadError(`unsupported ${kind}: a Word 6/95 file (save it as .docx)`);
  const table = stream(flags & FLAG_TABLE_1 ? '1Table' : '0Table');
  // Paragraph properties too large for their page (a row of many cells) live in the Data stream.
  const dataStream = stream('Data');
  if (!table) throw new ReadError(`corrupt ${kind}: the table stream is missing`);

  try {
    const fib = readFib(view);
    const pieces = readPieces(table, fib.clx);
    const text = readText(word, pieces, fib.ccpText);
    const papx = readPapxIndex(word, table, fib.bteParagraphs);
    const cache = new Map<number, ParagraphProperties>();
    const paragraphAt = (cp: number): ParagraphProperties => {
      const fc = fcOf(pieces, cp);
      if (fc === undefined) return { inTable: false, rowEnd: false };
      let found = cache.get(fc);
      if (!found) {
        found = readParagraphProperties(papx(fc), dataStream);
        cache.set(fc, found);
      }
      return found;
    };
    const hidden = findHiddenRuns(word, table, fib.bteCharacters, pieces);
    return { text, paragraphAt, table, lists: { plfLst: fib.plfLst, plfLfo: fib.plfLfo }, hidden };
  } catch (error) {
    if (error instanceof ReadError) throw error;
    // Inner checks name what is damaged; a read past a stream's end is a RangeError of DataView.
    const what = error instanceof RangeError ? 'a structure points past the end of its stream' : error instanceof Error ? error.message : 'unreadable text structures';
    throw new ReadError(`corrupt ${kind}: ${what}`);
  }
}

interface Fib {
  ccpText: number;
  clx: { fc: number; lcb: number };
  bteParagraphs: { fc: number; lcb: number };
  bteCharacters: { fc: number; lcb: number };
  plfLst: { fc: number; lcb: number };
  plfLfo: { fc: number; lcb: number };
}

/** The FIB's counts and the places of the piece table and the paragraph index. */
function readFib(view: DataView): Fib {
  // FibBase (32 bytes), then csw and FibRgW, cslw and FibRgLw, cbRgFcLcb and the fc/lcb pairs.
  const csw = view.getUint16(32, true);
  const cslwAt = 34 + csw * 2;
  const cslw = view.getUint16(cslwAt, true);
  const lwStart = cslwAt + 2;
  const ccpText = view.getInt32(lwStart + 12, true);
  const fcLcbStart = lwStart + cslw * 4 + 2;
  const pair = (index: number) => ({ fc: view.getUint32(fcLcbStart + index * 8, true), lcb: view.getUint32(fcLcbStart + index * 8 + 4, true) });
  if (ccpText < 0) throw new Error('a negative text length');
  const cbRgFcLcb = view.getUint16(fcLcbStart - 2, true);
  const none = { fc: 0, lcb: 0 };
  return { ccpText, clx: pair(33), bteParagraphs: pair(13), bteCharacters: pair(12), plfLst: cbRgFcLcb > 74 ? pair(73) : none, plfLfo: cbRgFcLcb > 74 ? pair(74) : none };
}

/** The piece table (the Pcdt of the Clx). */
function readPieces(table: Uint8Array, clx: { fc: number; lcb: number }): Piece[] {
  const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
  let at = clx.fc;
  const end = clx.fc + clx.lcb;
  while (at < end && table[at] === 0x01) at += 3 + view.getUint16(at + 1, true);
  if (table[at] !== 0x02) throw new Error('no piece table');
  const lcb = view.getUint32(at + 1, true);
  const start = at + 5;
  const count = (lcb - 4) / 12;
  if (!Number.isInteger(count) || count < 1 || start + lcb > table.length) throw new Error('a damaged piece table');
  const pieces: Piece[] = [];
  for (let i = 0; i < count; i++) {
    const cpStart = view.getUint32(start + i * 4, true);
    const cpEnd = view.getUint32(start + (i + 1) * 4, true);
    const raw = view.getUint32(start + (count + 1) * 4 + i * 8 + 2, true);
    const compressed = (raw & 0x40000000) !== 0;
    const fc = compressed ? (raw & 0x3fffffff) / 2 : raw & 0x3fffffff;
    pieces.push({ cpStart, cpEnd, fc, compressed });
  }
  return pieces;
}

/** The main text: characters [0, ccpText) through the pieces. */
function readText(word: Uint8Array, pieces: Piece[], ccpText: number): string {
  const parts: string[] = [];
  const latin = new TextDecoder('windows-1252');
  const unicode = new TextDecoder('utf-16le');
  for (const piece of pieces) {
    if (piece.cpStart >= ccpText) break;
    const length = Math.min(piece.cpEnd, ccpText) - piece.cpStart;
    if (length <= 0) continue;
    const bytes = piece.compressed ? length : length * 2;
    if (piece.fc + bytes > word.length) throw new Error('a piece of text lies past the end of the WordDocument stream');
    const slice = word.subarray(piece.fc, piece.fc + bytes);
    parts.push(piece.compressed ? latin.decode(slice) : unicode.decode(slice));
  }
  return parts.join('');
}

/** The byte in the WordDocument stream that holds a character. */
function fcOf(pieces: Piece[], cp: number): number | undefined {
  for (const piece of pieces) {
    if (cp >= piece.cpStart && cp < piece.cpEnd) return piece.fc + (cp - piece.cpStart) * (piece.compressed ? 1 : 2);
  }
  return undefined;
}

/**
 * A lookup from a byte of text to the sprms of the paragraph it ends (PlcBtePapx → FKP
 * pages of 512 bytes → PapxInFkp).
 */
function readPapxIndex(word: Uint8Array, table: Uint8Array, bte: { fc: number; lcb: number }): (fc: number) => Uint8Array | undefined {
  if (bte.lcb < 8 || bte.fc + bte.lcb > table.length) return () => undefined;
  const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const count = (bte.lcb - 4) / 8;
  const fcs: number[] = [];
  const pages: number[] = [];
  for (let i = 0; i <= count; i++) fcs.push(view.getUint32(bte.fc + i * 4, true));
  for (let i = 0; i < count; i++) pages.push(view.getUint32(bte.fc + (count + 1) * 4 + i * 4, true) & 0x3fffff);
  return (fc) => {
    let index = -1;
    for (let i = 0; i < count; i++) if (fc >= fcs[i]! && fc < fcs[i + 1]!) index = i;
    if (index < 0) return undefined;
    const page = pages[index]! * 512;
    if (page + 512 > word.length) return undefined;
    const fkp = word.subarray(page, page + 512);
    const fkpView = new DataView(fkp.buffer, fkp.byteOffset, 512);
    const runs = fkp[511]!;
    for (let i = 0; i < runs; i++) {
      const from = fkpView.getUint32(i * 4, true);
      const to = fkpView.getUint32((i + 1) * 4, true);
      if (fc < from || fc >= to) continue;
      const offset = fkp[(runs + 1) * 4 + i * 13]! * 2;
      if (offset === 0) return new Uint8Array(0);
      let cb = fkp[offset]!;
      let start = offset + 1;
      let size: number;
      if (cb === 0) {
        cb = fkp[offset + 1]!;
        start = offset + 2;
        size = cb * 2;
      } else size = cb * 2 - 1;
      // GrpPrlAndIstd: the style index, then the sprms.
      return fkp.subarray(start + 2, Math.min(512, start + size));
    }
    return undefined;
  };
}

/** Size of a sprm's operand from its opcode (spra), or -1 for a variable one. */
function operandSize(opcode: number): number {
  switch ((opcode >> 13) & 7) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      return -1;
  }
}

const SPRM_P_F_IN_TABLE = 0x2416;
const SPRM_P_F_TTP = 0x2417;
const SPRM_P_ITAP = 0x6649;
const SPRM_T_DEF_TABLE = 0xd608;
const SPRM_P_ILFO = 0x460b;
const SPRM_P_HUGE_PAPX = 0x6646;
const SPRM_P_ILVL = 0x260a;

/**
 * Read the table and list sprms of a paragraph; a sprmPHugePapx sends the reader on to the
 * properties kept in the Data stream (a PrcData: their length, then the sprms).
 */
function readParagraphProperties(sprms: Uint8Array | undefined, data: Uint8Array | undefined, result: ParagraphProperties = { inTable: false, rowEnd: false }): ParagraphProperties {
  if (!sprms) return result;
  const view = new DataView(sprms.buffer, sprms.byteOffset, sprms.byteLength);
  let at = 0;
  while (at + 2 <= sprms.length) {
    const opcode = view.getUint16(at, true);
    at += 2;
    let size = operandSize(opcode);
    let operand = at;
    if (size < 0) {
      if (opcode === SPRM_T_DEF_TABLE) {
        if (at + 2 > sprms.length) break;
        size = view.getUint16(at, true) - 1;
        operand = at + 2;
        Object.assign(result, readTableDefinition(sprms.subarray(operand, operand + size)));
        at = operand + size;
        continue;
      }
      if (at >= sprms.length) break;
      size = sprms[at]!;
      operand = at + 1;
    }
    if (opcode === SPRM_P_HUGE_PAPX && data && operand + 4 <= sprms.length && sprms !== data) {
      const at = view.getUint32(operand, true);
      if (at + 2 <= data.length) {
        const length = data[at]! | (data[at + 1]! << 8);
        readParagraphProperties(data.subarray(at + 2, Math.min(data.length, at + 2 + length)), undefined, result);
      }
    }
    if (opcode === SPRM_P_F_IN_TABLE && sprms[operand]) result.inTable = true;
    if (opcode === SPRM_P_ITAP && operand + 4 <= sprms.length && view.getInt32(operand, true) > 0) result.inTable = true;
    // A nested table's row ends (sprmPFInnerTTP) are paragraph marks inside the outer cell: its text joins that cell.
    if (opcode === SPRM_P_F_TTP && sprms[operand]) result.rowEnd = true;
    if (opcode === SPRM_P_ILFO && operand + 2 <= sprms.length) result.list = { ilfo: view.getInt16(operand, true), ilvl: result.list?.ilvl ?? 0 };
    if (opcode === SPRM_P_ILVL && operand < sprms.length) result.list = { ilfo: result.list?.ilfo ?? 0, ilvl: Math.min(sprms[operand]!, 8) };
    at = operand + size;
  }
  return result;
}

/**
 * A row's TDefTable: its cells' boundaries (rgdxaCenter, twips), and per cell whether it continues
 * a vertical merge (fVertMerge without fVertRestart) or a horizontal one (fMerged without fFirstMerged).
 */
function readTableDefinition(operand: Uint8Array): Pick<ParagraphProperties, 'boundaries' | 'verticalContinue' | 'horizontalContinue'> {
  const cells = operand[0] ?? 0;
  const view = new DataView(operand.buffer, operand.byteOffset, operand.byteLength);
  const boundaries: number[] = [];
  for (let i = 0; i <= cells && 1 + i * 2 + 2 <= operand.length; i++) boundaries.push(view.getInt16(1 + i * 2, true));
  const tcStart = 1 + (cells + 1) * 2;
  const verticalContinue: boolean[] = [];
  const horizontalContinue: boolean[] = [];
  for (let i = 0; i < cells; i++) {
    const at = tcStart + i * 20;
    if (at + 2 > operand.length) break;
    const flags = operand[at]! | (operand[at + 1]! << 8);
    verticalContinue.push((flags & 0x20) !== 0 && (flags & 0x40) === 0);
    horizontalContinue.push((flags & 0x02) !== 0 && (flags & 0x01) === 0);
  }
  return boundaries.length === cells + 1 ? { boundaries, verticalContinue, horizontalContinue } : { verticalContinue, horizontalContinue };
}
