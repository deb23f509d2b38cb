#!/usr/bin/env node
/**
 * Scanned renditions of the corpus: each page of corpus/pdf/<plan>.pdf rasterised (pdftoppm, 200 dpi)
 * and put back into a PDF of images without any text layer (img2pdf), as a scanner would.
 *   clean:  gray JPEG pages (quality 50), an office scanner's default.
 *   --mono: 1-bit (black and white) PNG pages: a third of the size, a little less legible
 *           (character accuracy 0.968 against 0.974 for jiaoling-2022).
 *   --skewed: gray JPEG pages (quality 40), turned by 0.6° with speckle and grain noise (Python's PIL,
 *           which img2pdf depends on).
 * Needs poppler-utils and img2pdf (apt). Deterministic for one version of the tools.
 * corpus/scanned/ holds jiaoling-2022 only (3.6 MB; the default): the others are made for measuring
 * (`node scripts/renditions/make-scanned.mjs --out /tmp/scans haicheng nanan-2022 …`).
 *
 * Usage: node scripts/renditions/make-scanned.mjs [--out DIR] [--mono | --skewed] [plan ...]
 *   writes DIR/<plan>.pdf (default DIR: corpus/scanned), DIR/mono/… or DIR/skewed/….
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = resolve(outIndex >= 0 ? args[outIndex + 1] : join(ROOT, 'corpus/scanned'));
const skewed = args.includes('--skewed');
const mono = args.includes('--mono');
const plans = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--out');
const selected = plans.length > 0 ? plans : ['jiaoling-2022'];

// Turn a gray page a little and add grain and specks, seeded per page, as a worn scan.
const DISTORT = `
import random, sys
from PIL import Image, ImageFilter
path, seed = sys.argv[1], int(sys.argv[2])
random.seed(seed)
image = Image.open(path).convert('L').rotate(0.6, resample=Image.BICUBIC, expand=False, fillcolor=255)
pixels = image.load()
width, height = image.size
for _ in range(width * height // 400):
    x, y = random.randrange(width), random.randrange(height)
    pixels[x, y] = random.choice((0, 90, 170))
noise = Image.effect_noise((width, height), 18)
image = Image.blend(image, noise, 0.08).filter(ImageFilter.GaussianBlur(0.4))
image.save(path[:-4] + '.jpg', quality=40, dpi=(200, 200))
`;

// The Python that img2pdf runs on has PIL (Debian's python3-pil comes with img2pdf).
const PYTHON = /^#!\s*(\S+)/.exec(readFileSync(execFileSync('which', ['img2pdf'], { encoding: 'utf8' }).trim(), 'utf8'))?.[1] ?? 'python3';

const target = skewed ? join(out, 'skewed') : mono ? join(out, 'mono') : out;
mkdirSync(target, { recursive: true });
for (const plan of selected) {
  const work = mkdtempSync(join(tmpdir(), 'plancheck-scan-'));
  try {
    const pdf = join(ROOT, 'corpus/pdf', `${plan}.pdf`);
    let pages;
    if (skewed) {
      execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', pdf, join(work, 'p')]);
      pages = readdirSync(work).filter((f) => f.endsWith('.png')).sort();
      pages.forEach((page, index) => execFileSync(PYTHON, ['-c', DISTORT, join(work, page), String(index + 1)]));
      pages = pages.map((page) => page.replace(/\.png$/, '.jpg'));
    } else if (mono) {
      execFileSync('pdftoppm', ['-r', '200', '-mono', '-png', pdf, join(work, 'p')]);
      pages = readdirSync(work).filter((f) => f.endsWith('.png')).sort();
    } else {
      execFileSync('pdftoppm', ['-r', '200', '-gray', '-jpeg', '-jpegopt', 'quality=50', pdf, join(work, 'p')]);
      pages = readdirSync(work).filter((f) => f.endsWith('.jpg')).sort();
    }
    const file = join(target, `${plan}.pdf`);
    execFileSync('img2pdf', ['--engine', 'internal', '--nodate', '-o', file, ...pages.map((page) => join(work, page))]);
    console.log(`${plan}: ${pages.length} pages → ${file}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
