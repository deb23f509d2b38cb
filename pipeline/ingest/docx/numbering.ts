/**
 * Word's automatic numbering, which mammoth drops: read word/numbering.xml and
 * the paragraph styles, run the list counters over the paragraphs in document
 * order and give each numbered paragraph the label Word prints before it
 * (`（一）`, `1.`, `(1)`). Counters follow Word: each list instance counts per
 * level from `w:start` (or its `w:startOverride`), a level restarts when a
 * higher level advances (unless `w:lvlRestart` says otherwise), and `w:num`s
 * without overrides share the counters of their abstract definition.
 */
import type { Document, Element } from 'domhandler';
import { formatCounter } from '../number-format.ts';
import { childElements, firstChild, parseXmlPart, readAttribute, readInteger } from './xml.ts';
import { MAX_LABEL_CHARS, MAX_LIST_COUNTER } from '../expansion-caps.ts';

/** One level of an abstract numbering definition. */
export interface NumberingLevel {
  /** `w:start` (default 0, as in the standard). */
  start: number;
  /** `w:numFmt`, e.g. `decimal`, `chineseCounting`, `bullet`. */
  format: string;
  /** `w:lvlText`, e.g. `（%1）`, `%1.%2`. */
  text: string;
  /** `w:lvlRestart`: 0 never restarts, N restarts after level N (1-based) is used; absent: after any higher level. */
  restart?: number;
  /** `w:isLgl`: every level in the label printed in decimal. */
  legal: boolean;
  /** `w:suff`: what follows the label. */
  suffix: 'tab' | 'space' | 'nothing';
  /** `w:pStyle`: the paragraph style this level belongs to. */
  styleId?: string;
}

interface LevelOverride {
  start?: number;
  level?: NumberingLevel;
}

interface NumberingInstance {
  abstractId: string;
  overrides: Map<number, LevelOverride>;
}

interface StyleNumbering {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

/** The numbering definitions and paragraph styles of one document. */
export interface NumberingDefinitions {
  abstracts: Map<string, { levels: Map<number, NumberingLevel>; styleLink?: string }>;
  nums: Map<string, NumberingInstance>;
  styles: Map<string, StyleNumbering>;
  defaultStyleId?: string;
}

/** What labelling needs to know about one paragraph. */
export interface NumberedParagraph {
  /** 1-based paragraph index. */
  index: number;
  styleId?: string;
  numId?: string;
  ilvl?: number;
}

/**
 * Read the numbering definitions and the numbering of paragraph styles.
 *
 * @param numberingXml
 *   Text of word/numbering.xml (optional: a document may have no lists).
 * @param stylesXml
 *   Text of word/styles.xml (optional).
 * @returns
 *   The definitions `labelParagraphs` needs.
 */
export function readNumbering(numberingXml?: string, stylesXml?: string): NumberingDefinitions {
  const definitions: NumberingDefinitions = { abstracts: new Map(), nums: new Map(), styles: new Map() };
  if (numberingXml !== undefined) {
    const root = documentElement(parseXmlPart(numberingXml));
    for (const abstract of childElements(root, 'w:abstractNum')) {
      const id = readAttribute(abstract, 'w:abstractNumId');
      if (id === undefined) continue;
      const levels = new Map<number, NumberingLevel>();
      for (const lvl of childElements(abstract, 'w:lvl')) {
        const ilvl = readInteger(lvl, 'w:ilvl');
        if (ilvl !== undefined) levels.set(ilvl, readLevel(lvl));
      }
      const styleLink = readAttribute(firstChild(abstract, 'w:numStyleLink'));
      definitions.abstracts.set(id, styleLink === undefined ? { levels } : { levels, styleLink });
    }
    for (const num of childElements(root, 'w:num')) {
      const numId = readAttribute(num, 'w:numId');
      const abstractId = readAttribute(firstChild(num, 'w:abstractNumId'));
      if (numId === undefined || abstractId === undefined) continue;
      const overrides = new Map<number, LevelOverride>();
      for (const override of childElements(num, 'w:lvlOverride')) {
        const ilvl = readInteger(override, 'w:ilvl');
        if (ilvl === undefined) continue;
        const entry: LevelOverride = {};
        const start = readInteger(firstChild(override, 'w:startOverride'));
        if (start !== undefined) entry.start = start;
        const lvl = firstChild(override, 'w:lvl');
        if (lvl) entry.level = readLevel(lvl);
        overrides.set(ilvl, entry);
      }
      definitions.nums.set(numId, { abstractId, overrides });
    }
  }
  if (stylesXml !== undefined) {
    const root = documentElement(parseXmlPart(stylesXml));
    for (const style of childElements(root, 'w:style')) {
      const styleId = readAttribute(style, 'w:styleId');
      if (styleId === undefined) continue;
      if (readAttribute(style, 'w:type') === 'paragraph' && isOn(readAttribute(style, 'w:default'))) {
        definitions.defaultStyleId = styleId;
      }
      const entry: StyleNumbering = {};
      const basedOn = readAttribute(firstChild(style, 'w:basedOn'));
      if (basedOn !== undefined) entry.basedOn = basedOn;
      const numPr = firstChild(firstChild(style, 'w:pPr'), 'w:numPr');
      const numId = readAttribute(firstChild(numPr, 'w:numId'));
      if (numId !== undefined) entry.numId = numId;
      const ilvl = readInteger(firstChild(numPr, 'w:ilvl'));
      if (ilvl !== undefined) entry.ilvl = ilvl;
      definitions.styles.set(styleId, entry);
    }
  }
  return definitions;
}

/**
 * Compute the printed label of every numbered paragraph.
 *
 * @param paragraphs
 *   All paragraphs of the document, in document order (counters depend on order).
 * @param definitions
 *   From `readNumbering`.
 * @returns
 *   Paragraph index → label with its suffix (`（一）`, `1.`); bullets and
 *   unnumbered paragraphs are absent.
 */
export function labelParagraphs(
  paragraphs: NumberedParagraph[],
  definitions: NumberingDefinitions,
): Map<number, string> {
  const labels = new Map<number, string>();
  const counters = new Map<string, Array<number | undefined>>();
  for (const paragraph of paragraphs) {
    const numbering = resolveParagraphNumbering(paragraph, definitions);
    if (!numbering) continue;
    const { instance, numId, ilvl } = numbering;
    const levelOf = (level: number): NumberingLevel | undefined =>
      instance.overrides.get(level)?.level ?? resolveLevels(instance.abstractId, definitions).get(level);
    const startOf = (level: number): number => instance.overrides.get(level)?.start ?? levelOf(level)?.start ?? 0;
    const level = levelOf(ilvl);
    if (!level) continue;
    const key = instance.overrides.size > 0 ? `num:${numId}` : `abstract:${instance.abstractId}`;
    const values = counters.get(key) ?? [];
    counters.set(key, values);
    const current = values[ilvl];
    // Word stops counting at 32767.
    values[ilvl] = Math.min(current === undefined ? startOf(ilvl) : current + 1, MAX_LIST_COUNTER);
    for (let lower = ilvl + 1; lower < Math.max(values.length, 9); lower++) {
      if (restartsAfter(levelOf(lower), lower, ilvl)) values[lower] = undefined;
    }
    if (level.format === 'bullet') continue;
    const label = level.text.replace(/%([1-9])/g, (_, digit: string) => {
      const referenced = Number(digit) - 1;
      const format = level.legal ? 'decimal' : (levelOf(referenced)?.format ?? 'decimal');
      return formatCounter(Math.min(values[referenced] ?? startOf(referenced), MAX_LIST_COUNTER), format).slice(0, MAX_LABEL_CHARS);
    }).slice(0, MAX_LABEL_CHARS);
    if (label.trim() === '') continue;
    labels.set(paragraph.index, level.suffix === 'space' ? `${label} ` : label);
  }
  return labels;
}

function readLevel(lvl: Element): NumberingLevel {
  const level: NumberingLevel = {
    start: readInteger(firstChild(lvl, 'w:start')) ?? 0,
    format: readAttribute(firstChild(lvl, 'w:numFmt')) ?? 'decimal',
    text: readAttribute(firstChild(lvl, 'w:lvlText')) ?? '',
    legal: isOn(readAttribute(firstChild(lvl, 'w:isLgl')), firstChild(lvl, 'w:isLgl') !== undefined),
    suffix: readSuffix(readAttribute(firstChild(lvl, 'w:suff'))),
  };
  const restart = readInteger(firstChild(lvl, 'w:lvlRestart'));
  if (restart !== undefined) level.restart = restart;
  const styleId = readAttribute(firstChild(lvl, 'w:pStyle'));
  if (styleId !== undefined) level.styleId = styleId;
  return level;
}

function readSuffix(value: string | undefined): NumberingLevel['suffix'] {
  return value === 'space' || value === 'nothing' ? value : 'tab';
}

/** An OOXML on/off value: present without `w:val` means on. */
function isOn(value: string | undefined, present = value !== undefined): boolean {
  if (!present) return false;
  return value === undefined || !['0', 'false', 'off'].includes(value);
}

function documentElement(document: Document): Element | undefined {
  return childElements(document).at(-1);
}

/** Whether level `lower` goes back to its start when level `used` advances. */
function restartsAfter(level: NumberingLevel | undefined, lower: number, used: number): boolean {
  const restart = level?.restart;
  if (restart === undefined || restart > lower) return true;
  if (restart === 0) return false;
  return used < restart;
}

/** The levels of an abstract definition, following `w:numStyleLink` to the list style's definition. */
function resolveLevels(abstractId: string, definitions: NumberingDefinitions, depth = 0): Map<number, NumberingLevel> {
  const abstract = definitions.abstracts.get(abstractId);
  if (!abstract) return new Map();
  if (abstract.styleLink === undefined || depth > 4) return abstract.levels;
  const numId = resolveStyleNumbering(abstract.styleLink, definitions).numId;
  const linked = numId === undefined ? undefined : definitions.nums.get(numId);
  if (!linked || linked.abstractId === abstractId) return abstract.levels;
  return resolveLevels(linked.abstractId, definitions, depth + 1);
}

/** A style's numbering, inherited through `w:basedOn`. */
function resolveStyleNumbering(styleId: string | undefined, definitions: NumberingDefinitions): StyleNumbering {
  const result: StyleNumbering = {};
  const seen = new Set<string>();
  let current = styleId;
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    const style = definitions.styles.get(current);
    if (!style) break;
    if (result.numId === undefined && style.numId !== undefined) result.numId = style.numId;
    if (result.ilvl === undefined && style.ilvl !== undefined) result.ilvl = style.ilvl;
    current = style.basedOn;
  }
  return result;
}

function resolveParagraphNumbering(
  paragraph: NumberedParagraph,
  definitions: NumberingDefinitions,
): { instance: NumberingInstance; numId: string; ilvl: number } | undefined {
  const styleId = paragraph.styleId ?? definitions.defaultStyleId;
  const fromStyle = resolveStyleNumbering(styleId, definitions);
  const numId = paragraph.numId ?? fromStyle.numId;
  if (numId === undefined || numId === '0') return undefined;
  const instance = definitions.nums.get(numId);
  if (!instance) return undefined;
  const ilvl = paragraph.ilvl ?? fromStyle.ilvl ?? levelOfStyle(instance, styleId, definitions) ?? 0;
  return { instance, numId, ilvl: Math.min(Math.max(ilvl, 0), 8) };
}

/** The level a paragraph style is linked to (`w:lvl/w:pStyle`), for style-numbered headings. */
function levelOfStyle(
  instance: NumberingInstance,
  styleId: string | undefined,
  definitions: NumberingDefinitions,
): number | undefined {
  if (styleId === undefined) return undefined;
  for (const [ilvl, level] of resolveLevels(instance.abstractId, definitions)) {
    if (level.styleId === styleId) return ilvl;
  }
  return undefined;
}
