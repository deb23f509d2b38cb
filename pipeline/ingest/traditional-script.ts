/**
 * Plans in traditional characters (縣域義務教育優質均衡發展): extractors match
 * simplified text, so the blocks are converted with OpenCC (opencc-js, t → cn)
 * for matching, and every string the extractors give back is restored to the
 * document's own script, character by character, so quotes, tasks and names
 * stay as the plan wrote them.
 */
import type { PlanExtraction } from '../../model/plan.ts';
import type { Block, DocumentMetadata } from '../../model/document.ts';

/** Characters that only traditional text uses, frequent in plans: a cheap pre-check before OpenCC loads. */
const TRADITIONAL_ONLY = /[縣區務義優質發學師資設標準數現進員機關於為與對將當過還經產業費條項統調劃辦鎮這個們會書級間號體層實際點個規劃監護單協專辦導評級術礎與歲]/g;
/** Hits of the pre-check that make a document worth converting. */
const MIN_HITS = 8;
/** Share of Han characters that must change for a document to count as traditional. */
const MIN_CHANGED_SHARE = 0.02;
const HAN = /\p{Script=Han}/u;

/** Converts a string to simplified characters, one output character per input character. */
export type Simplify = (text: string) => string;

/** The blocks in simplified characters, and how to give a string back its original script. */
export interface SimplifiedDocument {
  blocks: Block[];
  /** Restore a string found in the converted blocks to the characters the document used. */
  restore: (text: string) => string;
  /** How many characters were converted. */
  changed: number;
}

let loaded: Simplify | undefined;

/**
 * The OpenCC converter (traditional → mainland simplified), loaded on first use, made to keep
 * length: where a phrase rule would change the number of characters, characters are
 * converted one by one.
 */
export async function loadSimplify(): Promise<Simplify> {
  if (loaded) return loaded;
  const { Converter } = await import('opencc-js/t2cn');
  const convert = Converter({ from: 't', to: 'cn' });
  const single = new Map<string, string>();
  const one = (c: string): string => {
    const known = single.get(c);
    if (known !== undefined) return known;
    const converted = convert(c);
    const s = [...converted].length === 1 ? converted : c;
    single.set(c, s);
    return s;
  };
  loaded = (text: string): string => {
    const whole = convert(text);
    if (whole.length === text.length) return whole;
    let out = '';
    for (const c of text) out += one(c);
    return out;
  };
  return loaded;
}

/**
 * Whether the text of a document is worth converting: enough characters that only
 * traditional text uses.
 *
 * @param text
 *   A sample of the document (its blocks' text).
 */
export function mayBeTraditional(text: string): boolean {
  let hits = 0;
  TRADITIONAL_ONLY.lastIndex = 0;
  while (TRADITIONAL_ONLY.exec(text) !== null) if (++hits >= MIN_HITS) return true;
  return false;
}

/**
 * Convert a document's blocks to simplified characters when it is written in traditional ones.
 *
 * @param blocks
 *   The document's blocks, as read.
 * @param simplify
 *   A length-keeping converter (see `loadSimplify`).
 * @returns
 *   The converted blocks and a restorer, or `undefined` when the document is not traditional.
 */
export function simplifyBlocks(blocks: Block[], simplify: Simplify): SimplifiedDocument | undefined {
  /** For each simplified character, how often each original character became it. */
  const sources = new Map<string, Map<string, number>>();
  let han = 0;
  let changed = 0;
  const convert = (text: string): string => {
    const out = simplify(text);
    const a = [...text];
    const b = [...out];
    for (let i = 0; i < a.length; i++) {
      const from = a[i]!;
      const to = b[i] ?? from;
      if (HAN.test(from)) han++;
      if (from !== to) changed++;
      let counts = sources.get(to);
      if (!counts) sources.set(to, (counts = new Map()));
      counts.set(from, (counts.get(from) ?? 0) + 1);
    }
    return out;
  };
  const converted = blocks.map((block): Block => {
    const copy: Block = { ...block, text: convert(block.text), sectionPath: block.sectionPath.map((t) => simplify(t)) };
    if (block.cells) copy.cells = block.cells.map((c) => simplify(c));
    if (block.table) {
      copy.table = { ...block.table };
      if (block.table.header) copy.table.header = block.table.header.map((h) => simplify(h));
    }
    if (block.outline) copy.outline = { ...block.outline, title: simplify(block.outline.title), marker: simplify(block.outline.marker) };
    return copy;
  });
  if (han === 0 || changed / han < MIN_CHANGED_SHARE) return undefined;
  const back = new Map<string, string>();
  for (const [to, counts] of sources) {
    let best = to;
    let most = -1;
    for (const [from, n] of counts) if (n > most) { best = from; most = n; }
    if (best !== to) back.set(to, best);
  }
  const restore = (text: string): string => {
    let out = '';
    for (const c of text) out += back.get(c) ?? c;
    return out;
  };
  return { blocks: converted, restore, changed };
}

/**
 * Give every string of an extraction that comes from the document back its original
 * script. Units, ids and dates are the model's own words and stay as they are.
 *
 * @param extraction
 *   What the extractors found in the converted blocks (changed in place).
 * @param restore
 *   The document's restorer.
 */
export function restoreExtraction(extraction: PlanExtraction, restore: (text: string) => string): void {
  for (const t of extraction.targets) {
    t.quote = restore(t.quote);
    if (t.quantity !== undefined) t.quantity = restore(t.quantity);
    if (typeof t.hedge === 'string') t.hedge = restore(t.hedge);
    if (t.sectionPath) t.sectionPath = t.sectionPath.map(restore);
  }
  for (const d of extraction.deadlines) {
    d.quote = restore(d.quote);
    d.label = restore(d.label);
  }
  for (const r of extraction.responsibilities) {
    r.quote = restore(r.quote);
    r.task = restore(r.task);
    for (const d of r.departments) d.name = restore(d.name);
  }
  for (const entry of Object.values(extraction.coverage)) if (entry.quote !== null) entry.quote = restore(entry.quote);
}

/**
 * The metadata in the document's own script.
 *
 * @param metadata
 *   Metadata read from the converted blocks.
 * @param restore
 *   The document's restorer.
 */
export function restoreMetadata(metadata: DocumentMetadata, restore: (text: string) => string): DocumentMetadata {
  const back = (s: string | null): string | null => (s === null ? null : restore(s));
  return { ...metadata, title: back(metadata.title), docNumber: back(metadata.docNumber), issuer: back(metadata.issuer), region: back(metadata.region) };
}
