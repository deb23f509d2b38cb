/**
 * Text-only fonts for pdfjs. To read text, pdfjs needs a font's widths, its
 * ToUnicode map and encoding, and the code-to-glyph mapping it builds from the
 * font program; it also converts every embedded Type1/CFF program into an
 * OpenType file, which only rendering uses (a third of the CPU of reading a
 * CJK PDF, and the glyph outlines it then sends for every page whose drawing
 * operators are read). pdfjs has no option to skip that conversion, so its
 * worker module's source is patched as it loads: the conversion stops after
 * the mapping (the font has no `data`, as pdfjs already allows), and the CFF
 * program that only the OpenType file uses is compiled on demand. The patch
 * is all or nothing: if any anchor is missing (another pdfjs version), the
 * source is left unchanged and pdfjs converts fonts as usual.
 */

/** One textual replacement in pdfjs's worker module (anchor must occur exactly once). */
export interface SourcePatch {
  anchor: string;
  replacement: string;
}

const OPEN_TYPE_BUILD = '    const unitsPerEm = properties.fontMatrix ? 1 / Math.max(...properties.fontMatrix.slice(0, 4).map(Math.abs)) : 1000;\n    const builder = new OpenTypeFileBuilder(';
const TYPE1_WRAP = '    this.data = this.wrap(name, type2Charstrings, this.charstrings, subrs, properties);\n';

/** The replacements that make pdfjs keep fonts text-only (pdfjs-dist 5.x). */
export const TEXT_ONLY_FONT_PATCHES: readonly SourcePatch[] = [
  // Font#convert: keep the glyph mapping (toFontChar, seacMap), build no OpenType file.
  { anchor: OPEN_TYPE_BUILD, replacement: `    return undefined;\n${OPEN_TYPE_BUILD}` },
  // Type1Font: compile the CFF program only if something asks for it.
  {
    anchor: TYPE1_WRAP,
    replacement:
      '    let wrapped;\n' +
      '    Object.defineProperty(this, "data", { configurable: true, enumerable: true, get: () => (wrapped ??= this.wrap(name, type2Charstrings, this.charstrings, subrs, properties)) });\n',
  },
];

/**
 * Apply patches to a module's source, all or none.
 *
 * @param source
 *   The module's source text.
 * @param patches
 *   The replacements (default: TEXT_ONLY_FONT_PATCHES).
 * @returns
 *   The patched source, or `source` itself when an anchor is missing or occurs
 *   more than once.
 */
export function patchPdfjsWorkerSource(source: string, patches: readonly SourcePatch[] = TEXT_ONLY_FONT_PATCHES): string {
  let patched = source;
  for (const { anchor, replacement } of patches) {
    const at = patched.indexOf(anchor);
    if (at < 0 || patched.indexOf(anchor, at + anchor.length) >= 0) return source;
    patched = patched.slice(0, at) + replacement + patched.slice(at + anchor.length);
  }
  return patched;
}

/**
 * Source of a Node module-loader hook (for `module.register`) that applies
 * `patchPdfjsWorkerSource` to pdfjs's legacy worker module and passes every
 * other module through.
 *
 * @param patches
 *   The replacements (default: TEXT_ONLY_FONT_PATCHES).
 * @returns
 *   ES module source exporting a `load` hook.
 */
export function buildFontPatchHooks(patches: readonly SourcePatch[] = TEXT_ONLY_FONT_PATCHES): string {
  return [
    `const patches = ${JSON.stringify(patches)};`,
    // The same all-or-nothing replacement as patchPdfjsWorkerSource, written out: the hook runs on the loader's own thread.
    'function patchSource(source) {',
    '  let patched = source;',
    '  for (const { anchor, replacement } of patches) {',
    '    const at = patched.indexOf(anchor);',
    '    if (at < 0 || patched.indexOf(anchor, at + anchor.length) >= 0) return source;',
    '    patched = patched.slice(0, at) + replacement + patched.slice(at + anchor.length);',
    '  }',
    '  return patched;',
    '}',
    'export async function load(url, context, nextLoad) {',
    '  const result = await nextLoad(url, context);',
    "  if (!url.endsWith('/pdfjs-dist/legacy/build/pdf.worker.mjs') || result.source == null) return result;",
    '  try {',
    "    const source = typeof result.source === 'string' ? result.source : new TextDecoder().decode(result.source);",
    '    const patched = patchSource(source);',
    '    return patched === source ? result : { ...result, source: patched };',
    '  } catch {',
    '    return result;',
    '  }',
    '}',
  ].join('\n');
}
