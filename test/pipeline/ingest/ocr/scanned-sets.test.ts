/**
 * The scanned renditions of corpus/scanned/ (scripts/renditions/make-scanned.mjs) against their text
 * PDFs: the shared scorer's figures within 0.05 of those of corpus/pdf, and a character accuracy of
 * 0.97 or more against the txt. OCR of a 12-page plan takes two minutes and more on two cores, so this
 * runs only with PLANCHECK_OCR_SETS=1 (`PLANCHECK_OCR_SETS=1 npx vitest run test/pipeline/ingest/ocr/scanned-sets.test.ts`);
 * `npm test` recognises one short page (ocr.test.ts).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { characterAccuracy } from '../../../../scripts/ocr-accuracy.mts';
import { formatFigures, KINDS, scoreSet, toFigures } from '../../../score-set.ts';

const root = new URL('../../../../', import.meta.url).pathname;
const PLANS = readdirSync(join(root, 'corpus/scanned')).filter((name) => name.endsWith('.pdf')).map((name) => name.slice(0, -4)).sort();

describe.runIf(process.env.PLANCHECK_OCR_SETS === '1')('scanned renditions of the corpus', () => {
  it('should score within 0.05 of the text PDFs, at a character accuracy of 0.97 or more', async () => {
    const work = mkdtempSync(join(tmpdir(), 'plancheck-scanned-'));
    mkdirSync(join(work, 'gold'));
    for (const plan of PLANS) copyFileSync(join(root, 'test/gold', `${plan}.json`), join(work, 'gold', `${plan}.json`));
    const text = toFigures(await scoreSet(PLANS.map((plan) => join(root, 'corpus/pdf', `${plan}.pdf`)), join(work, 'gold'), join(work, 'pdf')));
    const scanned = toFigures(await scoreSet(PLANS.map((plan) => join(root, 'corpus/scanned', `${plan}.pdf`)), join(work, 'gold'), join(work, 'scanned')));
    console.log([formatFigures('pdf', text), formatFigures('scanned', scanned)].join('\n'));
    expect(KINDS.filter((kind) => scanned[kind] < text[kind] - 0.05)).toEqual([]);
    for (const plan of PLANS) {
      const model = JSON.parse(readFileSync(join(work, 'scanned', `${plan}.json`), 'utf8')) as { tree: Root };
      const accuracy = characterAccuracy(readFileSync(join(root, 'corpus', `${plan}.txt`), 'utf8'), toString(model.tree));
      console.log(`${plan}: character accuracy ${accuracy.toFixed(4)}`);
      expect(accuracy).toBeGreaterThanOrEqual(0.97);
    }
  }, 1_200_000);
});
