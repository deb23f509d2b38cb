/**
 * pdfjs, loaded once per process and only when a PDF is read. Its legacy
 * build (the one for Node) bundles core-js, which replaces some built-ins
 * with slower JavaScript versions for every module of the process
 * (`Array.prototype.push`, `JSON.parse`, `JSON.stringify`,
 * `Function.prototype.toString`); they behave the same on ordinary values, so
 * the originals are put back once pdfjs is loaded. pdfjs's own worker code is
 * loaded here too (it runs on this thread in Node), so that it does not
 * replace them again when the first document opens. The worker module is
 * loaded through a module-loader hook that makes its fonts text-only (see
 * pdf-font-patch.ts); where hooks cannot be registered it loads unpatched.
 */
import { register } from 'node:module';
import type * as Pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildFontPatchHooks } from './font-patch.ts';

/** The part of pdfjs the PDF reader uses. */
export interface PdfjsApi {
  getDocument: typeof Pdfjs.getDocument;
  OPS: typeof Pdfjs.OPS;
}

// Built-ins that core-js replaces in Node 20 although they are native.
const OVERRIDDEN: ReadonlyArray<readonly [object, PropertyKey]> = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [JSON, 'stringify'],
  [Function.prototype, 'toString'],
];

// The worker module has no type declarations; the specifier is kept out of the compiler's sight.
const WORKER_MODULE: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

let loading: Promise<PdfjsApi> | undefined;

/**
 * Load pdfjs (first call) or return it (later calls).
 *
 * @returns
 *   `getDocument` and the operator codes `OPS`, from the legacy build, with
 *   the main-thread worker already set up.
 */
export function loadPdfjs(): Promise<PdfjsApi> {
  loading ??= importPdfjs();
  return loading;
}

async function importPdfjs(): Promise<PdfjsApi> {
  const originals = OVERRIDDEN.map(([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)] as const);
  try {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    registerFontPatch();
    // Sets globalThis.pdfjsWorker, which pdfjs then uses instead of importing it itself.
    await import(WORKER_MODULE);
    return { getDocument: pdfjs.getDocument, OPS: pdfjs.OPS };
  } finally {
    for (const [owner, key, descriptor] of originals) {
      if (descriptor !== undefined) Object.defineProperty(owner, key, descriptor);
    }
  }
}

function registerFontPatch(): void {
  try {
    register(`data:text/javascript,${encodeURIComponent(buildFontPatchHooks())}`);
  } catch {
    // No loader hooks here: pdfjs converts font programs as usual, with the same text.
  }
}
