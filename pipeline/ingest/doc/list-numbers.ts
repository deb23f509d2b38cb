/**
 * Word's automatic list numbers in a .doc: a numbered paragraph holds no number in its
 * text, only its list (sprmPIlfo, an index into the PlfLfo) and level (sprmPIlvl); the
 * PlfLfo names the list (lsid) in the PlfLst, whose levels give the start, the number
 * format (nfc) and the number text with its placeholders. Counting them in document
 * order prints the labels back (（一）, 1.), as the .docx reader does from numbering.xml,
 * so outline headings numbered by Word are read as headings.
 */
import { MAX_LABEL_CHARS, MAX_LIST_COUNTER } from '../expansion-caps.ts';
import { formatCounter } from '../number-format.ts';

/** One level of a list. */
interface ListLevel {
  start: number;
  /** The number format as OOXML names it (`chineseCounting`), for `formatCounter`. */
  format: string;
  /** The number text with `%1`…`%9` for the levels' numbers. */
  text: string;
  /** What follows the number: 0 a tab, 1 a space, 2 nothing. */
  follow: number;
  /** Legal numbering: every level's number printed in decimal. */
  legal: boolean;
}

/**
 * One list instance (LFO): its list, and the levels it overrides (a restart at a number, or a
 * whole level of its own), as a .docx `w:num` overrides its abstract numbering.
 */
interface ListInstance {
  lsid: number;
  overrides: Map<number, { start?: number; level?: ListLevel }>;
}

/** The lists of a document: levels by list id, and each LFO (index 0 is ilfo 1). */
export interface DocLists {
  levels: Map<number, ListLevel[]>;
  lfos: ListInstance[];
}

/** nfc values (MS-DOC) in the order of OOXML's ST_NumberFormat, which follows them. */
const FORMATS = [
  'decimal', 'upperRoman', 'lowerRoman', 'upperLetter', 'lowerLetter', 'ordinal', 'cardinalText', 'ordinalText', 'hex',
  'chicago', 'ideographDigital', 'japaneseCounting', 'aiueo', 'iroha', 'decimalFullWidth', 'decimalHalfWidth',
  'japaneseLegal', 'japaneseDigitalTenThousand', 'decimalEnclosedCircle', 'decimalFullWidth2', 'aiueoFullWidth',
  'irohaFullWidth', 'decimalZero', 'bullet', 'ganada', 'chosung', 'decimalEnclosedFullstop', 'decimalEnclosedParen',
  'decimalEnclosedCircleChinese', 'ideographEnclosedCircle', 'ideographTraditional', 'ideographZodiac',
  'ideographZodiacTraditional', 'taiwaneseCounting', 'ideographLegalTraditional', 'taiwaneseCountingThousand',
  'taiwaneseDigital', 'chineseCounting', 'chineseLegalSimplified', 'chineseCountingThousand',
];

/**
 * Read the list tables.
 *
 * @param table
 *   The table stream.
 * @param places
 *   Where the PlfLst and the PlfLfo are in it (from the FIB).
 * @returns
 *   The lists; empty when the document has none or they cannot be read.
 */
export function readLists(table: Uint8Array, places: { plfLst: { fc: number; lcb: number }; plfLfo: { fc: number; lcb: number } }): DocLists {
  const lists: DocLists = { levels: new Map(), lfos: [] };
  const { plfLst, plfLfo } = places;
  if (plfLst.lcb < 2 || plfLfo.lcb < 4 || plfLst.fc + plfLst.lcb > table.length || plfLfo.fc + plfLfo.lcb > table.length) return lists;
  const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
  try {
    const count = view.getInt16(plfLst.fc, true);
    const headers: Array<{ lsid: number; simple: boolean }> = [];
    for (let i = 0; i < count; i++) {
      const at = plfLst.fc + 2 + i * 28;
      headers.push({ lsid: view.getInt32(at, true), simple: (table[at + 26]! & 0x01) !== 0 });
    }
    // The levels (LVL) of every list follow the list headers, list by list, in the same order.
    let at = plfLst.fc + 2 + count * 28;
    for (const { lsid, simple } of headers) {
      const levels: ListLevel[] = [];
      for (let level = 0; level < (simple ? 1 : 9); level++) {
        const read = readLevel(table, view, at);
        levels.push(read.level);
        at = read.end;
      }
      lists.levels.set(lsid, levels);
    }
    const lfoCount = view.getInt32(plfLfo.fc, true);
    const overrideCounts: number[] = [];
    for (let i = 0; i < lfoCount; i++) {
      lists.lfos.push({ lsid: view.getInt32(plfLfo.fc + 4 + i * 16, true), overrides: new Map() });
      overrideCounts.push(table[plfLfo.fc + 4 + i * 16 + 12]!);
    }
    // Then each LFO's data: a cp, and its level overrides (LFOLVL), each with a level (LVL) when it formats one.
    let data = plfLfo.fc + 4 + lfoCount * 16;
    for (let i = 0; i < lfoCount; i++) {
      data += 4;
      for (let k = 0; k < overrideCounts[i]!; k++) {
        const start = view.getInt32(data, true);
        const flags = view.getUint32(data + 4, true);
        data += 8;
        const override: { start?: number; level?: ListLevel } = {};
        if (flags & 0x10) override.start = start;
        if (flags & 0x20) {
          const read = readLevel(table, view, data);
          override.level = read.level;
          data = read.end;
        }
        lists.lfos[i]!.overrides.set(flags & 0x0f, override);
      }
    }
  } catch (error) {
    // A list table that points past its stream: numbers are left out, the text is still read.
    if (error instanceof RangeError) return { levels: new Map(), lfos: [] };
    throw error;
  }
  return lists;
}

/** One LVL: the LVLF (28 bytes), its paragraph and character sprms, the number text. */
function readLevel(table: Uint8Array, view: DataView, from: number): { level: ListLevel; end: number } {
  const start = view.getInt32(from, true);
  const nfc = table[from + 4]!;
  const legal = (table[from + 5]! & 0x04) !== 0;
  const follow = table[from + 15]!;
  let at = from + 28 + table[from + 24]! + table[from + 25]!;
  const length = view.getUint16(at, true);
  at += 2;
  let text = '';
  for (let i = 0; i < length; i++) {
    const code = view.getUint16(at + i * 2, true);
    text += code < 9 ? `%${code + 1}` : String.fromCharCode(code);
  }
  return { level: { start, format: nfc === 255 ? 'none' : (FORMATS[nfc] ?? 'decimal'), text, follow, legal }, end: at + length * 2 };
}

/**
 * Count the numbered paragraphs in document order and print their labels.
 *
 * @param paragraphs
 *   Every paragraph with its list and level, in document order.
 * @param lists
 *   From `readLists`.
 * @returns
 *   Paragraph index → label with what follows it (`（一）`, `1. `); bullets and unnumbered paragraphs are absent.
 */
export function labelListParagraphs(paragraphs: Array<{ index: number; list?: { ilfo: number; ilvl: number } | undefined }>, lists: DocLists): Map<number, string> {
  const labels = new Map<number, string>();
  const counters = new Map<string, Array<number | undefined>>();
  for (const { index, list } of paragraphs) {
    if (!list || list.ilfo <= 0) continue;
    const instance = lists.lfos[list.ilfo - 1];
    const base = instance === undefined ? undefined : lists.levels.get(instance.lsid);
    if (!instance || !base) continue;
    const levels = base.map((level, i) => instance.overrides.get(i)?.level ?? level);
    const startOf = (i: number): number => instance.overrides.get(i)?.start ?? levels[i]?.start ?? 0;
    const level = levels[list.ilvl];
    if (!level) continue;
    // An instance that overrides its list counts on its own (a restart), as a .docx w:num with overrides does.
    const key = instance.overrides.size > 0 ? `lfo:${list.ilfo}` : `list:${instance.lsid}`;
    const values = counters.get(key) ?? [];
    counters.set(key, values);
    const current = values[list.ilvl];
    values[list.ilvl] = Math.min(current === undefined ? startOf(list.ilvl) : current + 1, MAX_LIST_COUNTER);
    for (let lower = list.ilvl + 1; lower < 9; lower++) values[lower] = undefined;
    if (level.format === 'bullet') continue;
    const label = level.text
      .replace(/%([1-9])/g, (_, digit: string) => {
        const referenced = Number(digit) - 1;
        const format = level.legal ? 'decimal' : (levels[referenced]?.format ?? 'decimal');
        return formatCounter(values[referenced] ?? startOf(referenced), format);
      })
      .slice(0, MAX_LABEL_CHARS);
    if (label.trim() === '') continue;
    labels.set(index, level.follow === 1 ? `${label} ` : label);
  }
  return labels;
}
