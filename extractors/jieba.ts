/**
 * Chinese word segmentation (nodejieba) with plancheck's user dictionary of department
 * names and domain terms (extractors/dict/user.dict.utf8), loaded once, lazily: loading
 * takes about a second, and without the dictionary jieba splits 人社局 into 人|社|局.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One segmented word with its part-of-speech tag (`nt` for a department name). */
export interface TaggedWord {
  word: string;
  tag: string;
}

interface Jieba {
  load(options: { dict: string; hmmDict: string; userDict: string; idfDict: string; stopWordDict: string }): void;
  cut(sentence: string): string[];
  tag(sentence: string): TaggedWord[];
}

let jieba: Jieba | undefined;

function loadJieba(): Jieba {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const loaded = require('nodejieba') as Jieba;
    // The dictionaries are package data next to this module, not user input. The main one is a
    // trimmed copy of jieba's (scripts/make-jieba-dict.mjs): a tenth of the load time and memory.
    const dict = (name: string) => fileURLToPath(new URL(`../extractors/dict/${name}`, import.meta.url));
    loaded.load({
      dict: dict('core.dict.utf8'),
      hmmDict: join(dirname(require.resolve('nodejieba/package.json')), 'submodules/cppjieba/dict/hmm_model.utf8'),
      userDict: dict('user.dict.utf8'),
      idfDict: dict('idf.utf8'),
      stopWordDict: dict('stop-words.utf8'),
    });
    jieba = loaded;
  }
  return jieba;
}

/**
 * Segment a text into words, department names kept whole.
 *
 * @param text
 *   The text.
 * @returns
 *   The words in order; joined, they give the text back.
 */
export function segmentWords(text: string): string[] {
  return text === '' ? [] : loadJieba().cut(text);
}

/**
 * Segment a text into words tagged with their part of speech (`v` verb, `nt` department …).
 *
 * @param text
 *   The text.
 * @returns
 *   The tagged words in order.
 */
export function tagWords(text: string): TaggedWord[] {
  return text === '' ? [] : loadJieba().tag(text);
}
