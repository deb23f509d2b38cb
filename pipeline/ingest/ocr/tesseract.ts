/**
 * Tesseract (tesseract.js, WebAssembly) with the simplified-Chinese model of
 * the npm package `@tesseract.js-data/chi_sim`: read from node_modules, never
 * downloaded, never cached on disk. A page bitmap goes in, its lines come out
 * with their words, boxes and the engine's confidence.
 */
import { createRequire } from 'node:module';
import { ReadError } from '../read-error.ts';

/** A box in pixels of the page bitmap, origin top left. */
export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One recognised word (for Chinese, usually one character). */
export interface OcrWord {
  text: string;
  box: OcrBox;
  /** 0 to 100. */
  confidence: number;
}

/** One recognised line. */
export interface OcrLine {
  text: string;
  box: OcrBox;
  /** The baseline from its left end to its right end. */
  baseline: OcrBox;
  /** 0 to 100. */
  confidence: number;
  words: OcrWord[];
}

/** A gray page bitmap: one byte a pixel, rows top to bottom. */
export interface GrayBitmap {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** An engine ready to recognise pages; terminate it when done. */
export interface OcrEngine {
  recognize(bitmap: GrayBitmap): Promise<OcrLine[]>;
  terminate(): Promise<void>;
}

/** The language model's package. */
export const OCR_DATA_PACKAGE = '@tesseract.js-data/chi_sim';

interface TesseractWord {
  text: string;
  bbox: OcrBox;
  confidence: number;
}

interface TesseractLine extends TesseractWord {
  baseline: OcrBox;
  words: TesseractWord[];
}

interface TesseractResult {
  blocks: Array<{ paragraphs: Array<{ lines: TesseractLine[] }> }> | null;
}

interface TesseractWorker {
  recognize(image: Uint8Array, options: object, output: object): Promise<{ data: TesseractResult }>;
  terminate(): Promise<unknown>;
}

interface TesseractModule {
  createWorker(language: string, oem: number, options: object): Promise<TesseractWorker>;
}

// Tesseract's LSTM engine only (the package's model holds it).
const OEM_LSTM_ONLY = 1;

/**
 * Where the model is: the folder of `chi_sim.traineddata.gz` in the installed package.
 *
 * @returns
 *   The folder, for tesseract.js's `langPath`.
 * @throws {ReadError}
 *   `OCR is not available: …` when the package or tesseract.js is not installed.
 */
export function findOcrData(): string {
  const require = createRequire(import.meta.url);
  try {
    require.resolve('tesseract.js');
  } catch {
    throw new ReadError('OCR is not available: the package tesseract.js is not installed (npm install tesseract.js)');
  }
  try {
    return (require(OCR_DATA_PACKAGE) as { langPath: string }).langPath;
  } catch {
    throw new ReadError(`OCR is not available: the Chinese model ${OCR_DATA_PACKAGE} is not installed (npm install ${OCR_DATA_PACKAGE})`);
  }
}

/**
 * Start an OCR engine (a tesseract.js worker thread with the Chinese model loaded).
 *
 * @returns
 *   The engine.
 * @throws {ReadError}
 *   `OCR is not available: …` when the packages are missing or the model does not load.
 */
export async function startOcrEngine(): Promise<OcrEngine> {
  const langPath = findOcrData();
  const require = createRequire(import.meta.url);
  const tesseract = require('tesseract.js') as TesseractModule;
  let worker: TesseractWorker;
  try {
    worker = await tesseract.createWorker('chi_sim', OEM_LSTM_ONLY, {
      langPath,
      gzip: true,
      // Nothing is written next to the model or fetched: the model is read from the package every time.
      cacheMethod: 'none',
      logger: () => undefined,
      errorHandler: () => undefined,
    });
  } catch (error) {
    throw new ReadError(`OCR is not available: the model did not load (${String(error instanceof Error ? error.message : error).split('\n')[0]})`);
  }
  return {
    recognize: async (bitmap) => {
      const { data } = await worker.recognize(toPgm(bitmap), {}, { blocks: true, text: false });
      const lines: OcrLine[] = [];
      for (const block of data.blocks ?? []) {
        for (const paragraph of block.paragraphs) {
          for (const line of paragraph.lines) {
            lines.push({
              text: line.text.trim(),
              box: line.bbox,
              baseline: line.baseline,
              confidence: line.confidence,
              words: line.words.map((word) => ({ text: word.text, box: word.bbox, confidence: word.confidence })),
            });
          }
        }
      }
      return lines;
    },
    terminate: async () => {
      await worker.terminate();
    },
  };
}

/** The bitmap as a binary PGM (P5) file, which Tesseract's image library reads without a codec. */
function toPgm(bitmap: GrayBitmap): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${bitmap.width} ${bitmap.height}\n255\n`);
  const file = new Uint8Array(header.length + bitmap.width * bitmap.height);
  file.set(header, 0);
  file.set(bitmap.data.subarray(0, bitmap.width * bitmap.height), header.length);
  return file;
}
