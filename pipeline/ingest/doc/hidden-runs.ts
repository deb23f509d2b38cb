/**
 * Text a .doc holds but does not show: runs whose character properties hide them
 * (sprmCFVanish, Word's 隐藏文字) and runs deleted under tracked changes
 * (sprmCFRMarkDel). The character FKPs (PlcBteChpx → 512-byte pages of runs) give each
 * run of bytes its properties; through the piece table they become ranges of
 * character positions, which the reader leaves out, as the .docx reader leaves out
 * `w:vanish` runs and mammoth deleted ones.
 */

/** A piece of the main text: characters [cpStart, cpEnd) stored from byte `fc`, one or two bytes each. */
export interface TextPiece {
  cpStart: number;
  cpEnd: number;
  fc: number;
  compressed: boolean;
}

/** Character positions not shown, by why. */
export interface HiddenRanges {
  /** Hidden runs (vanish): [start, end) ranges of character positions. */
  hidden: Array<[number, number]>;
  /** Runs deleted under tracked changes. */
  deleted: Array<[number, number]>;
}

const SPRM_C_F_VANISH = 0x083c;
const SPRM_C_F_RMARK_DEL = 0x0800;

/**
 * Find the runs of the main text that are hidden or deleted.
 *
 * @param word
 *   The WordDocument stream.
 * @param table
 *   The table stream.
 * @param bte
 *   Where the PlcBteChpx is in the table stream (from the FIB).
 * @param pieces
 *   The piece table.
 * @returns
 *   The ranges, in character positions; empty when the index cannot be read.
 */
export function findHiddenRuns(word: Uint8Array, table: Uint8Array, bte: { fc: number; lcb: number }, pieces: TextPiece[]): HiddenRanges {
  const ranges: HiddenRanges = { hidden: [], deleted: [] };
  if (bte.lcb < 8 || bte.fc + bte.lcb > table.length) return ranges;
  const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const count = Math.floor((bte.lcb - 4) / 8);
  for (let i = 0; i < count; i++) {
    const page = (view.getUint32(bte.fc + (count + 1) * 4 + i * 4, true) & 0x3fffff) * 512;
    if (page + 512 > word.length) continue;
    const fkp = word.subarray(page, page + 512);
    const fkpView = new DataView(fkp.buffer, fkp.byteOffset, 512);
    const runs = fkp[511]!;
    if ((runs + 1) * 4 + runs > 511) continue;
    for (let r = 0; r < runs; r++) {
      const offset = fkp[(runs + 1) * 4 + r]! * 2;
      if (offset === 0) continue;
      const flags = readFlags(fkp.subarray(offset + 1, Math.min(512, offset + 1 + fkp[offset]!)));
      if (!flags.hidden && !flags.deleted) continue;
      const from = fkpView.getUint32(r * 4, true);
      const to = fkpView.getUint32((r + 1) * 4, true);
      for (const range of toCharacterRanges(from, to, pieces)) {
        if (flags.hidden) ranges.hidden.push(range);
        else ranges.deleted.push(range);
      }
    }
  }
  return ranges;
}

/** Whether a run's sprms hide it or mark it deleted. */
function readFlags(sprms: Uint8Array): { hidden: boolean; deleted: boolean } {
  const flags = { hidden: false, deleted: false };
  let at = 0;
  while (at + 2 <= sprms.length) {
    const opcode = sprms[at]! | (sprms[at + 1]! << 8);
    at += 2;
    const spra = (opcode >> 13) & 7;
    let size = spra === 0 || spra === 1 ? 1 : spra === 2 || spra === 4 || spra === 5 ? 2 : spra === 3 ? 4 : spra === 7 ? 3 : -1;
    if (size < 0) {
      if (at >= sprms.length) break;
      size = sprms[at]! + 1;
    }
    // 1 turns the property on; 0x81 sets it to the opposite of the style's, which has none here.
    const on = sprms[at] === 1 || sprms[at] === 0x81;
    if (opcode === SPRM_C_F_VANISH && on) flags.hidden = true;
    if (opcode === SPRM_C_F_RMARK_DEL && on) flags.deleted = true;
    at += size;
  }
  return flags;
}

/** The character positions that bytes [from, to) of the WordDocument stream hold. */
function toCharacterRanges(from: number, to: number, pieces: TextPiece[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const piece of pieces) {
    const width = piece.compressed ? 1 : 2;
    const end = piece.fc + (piece.cpEnd - piece.cpStart) * width;
    const start = Math.max(from, piece.fc);
    const stop = Math.min(to, end);
    if (start >= stop) continue;
    ranges.push([piece.cpStart + Math.floor((start - piece.fc) / width), piece.cpStart + Math.ceil((stop - piece.fc) / width)]);
  }
  return ranges;
}
