// The benchmark (`npm run bench`), in parts (all by default; `--parts` picks some):
//   batches   throughput of the whole pipeline on batches of 200, 400 and 800 documents built from the
//             corpus renditions (txt/docx/pdf mixed), peak RSS, stage seconds;
//   pdf       PDFs by two producers (the LibreOffice renditions in corpus/pdf, and the corpus txt plans
//             printed by Chromium, made here), `--copies` of each: the whole pipeline (reports included,
//             --no-cache) with each PDF engine against pdftotext with the same parallelism, paired runs
//             taken in turn for `--rounds` rounds, the median ratio; read seconds per page per engine;
//   national  a batch of `--national` documents (txt/docx/pdf in the corpus's proportions) end to end
//             with peak RSS, and the time projected for 60,000 pages;
//   extract   extraction speed per core;  single  one small document end to end;  cache  a cached rerun;
//   audit     `plancheck audit` on a county of 100,000 school rows (.xlsx and .csv): reading and auditing in
//             the process (the target: under 10 s on 2 cores), and the command end to end with its four files.
//   ocr       OCR seconds per page: the first `--ocr-pages` pages of corpus/scanned/jiaoling-2022.pdf
//             rendered at 300 dpi and recognised, one at a time, after the model is loaded (its load
//             time apart).
// Figures go to stdout and to out/bench.json.
// Usage: npm run bench [-- --parts pdf,national --jobs N --sizes 200,400,800 --copies 10 --rounds 3
//                          --national 3000 --engines pdfjs,pdfium]
// A quick look: npm run bench -- --parts pdf,national,ocr --copies 2 --rounds 1 --national 150 --ocr-pages 2
import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';
import { extractPlan } from '../extractors/extract-plan.ts';
import { ingest } from '../pipeline/ingest/ingest.ts';
import { PDF_ENGINES, type PdfEngineName } from '../pipeline/ingest/pdf/engine.ts';
import { fileURLToPath } from 'node:url';
import { findChromium, printPlansToPdf } from './renditions/chromium-pdf.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/plancheck.js');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const PARTS = ['batches', 'pdf', 'national', 'extract', 'single', 'cache', 'audit', 'ocr'] as const;
const parts = new Set(option('--parts', PARTS.join(',')).split(','));
for (const part of parts) if (!(PARTS as readonly string[]).includes(part)) throw new Error(`unknown part ${part}: choose from ${PARTS.join(', ')}`);
const sizes = option('--sizes', '200,400,800').split(',').map(Number);
const jobs = Number(option('--jobs', String(availableParallelism())));
const copies = Number(option('--copies', '10'));
const rounds = Number(option('--rounds', '3'));
const nationalSize = Number(option('--national', '3000'));
const engines = option('--engines', PDF_ENGINES.join(',')).split(',') as PdfEngineName[];
const ocrPages = Number(option('--ocr-pages', '3'));
// The national-scale projection: the time for this many pages.
const NATIONAL_PAGES = 60_000;
const work = mkdtempSync(join(tmpdir(), 'plancheck-bench-'));
const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The corpus renditions a batch is made of, in a fixed mixed order. */
function sources(): string[] {
  const plans = readdirSync(join(root, 'corpus')).filter((f) => f.endsWith('.txt')).map((f) => basename(f, '.txt')).sort();
  return plans.flatMap((plan) => [`corpus/${plan}.txt`, `corpus/docx/${plan}.docx`, `corpus/pdf/${plan}.pdf`]).map((p) => join(root, p));
}

/** A folder of `size` copies of the renditions, cycling through them. */
function makeBatch(size: number, only?: string): string {
  const dir = join(work, `batch-${only ?? 'mixed'}-${size}`);
  mkdirSync(dir, { recursive: true });
  const files = sources().filter((f) => !only || f.endsWith(only));
  for (let i = 0; i < size; i++) {
    const source = files[i % files.length]!;
    copyFileSync(source, join(dir, `${String(i).padStart(4, '0')}-${basename(source)}`));
  }
  return dir;
}

interface Summary {
  run: { seconds: number; maxRssMB: number };
  documents: Array<{ status: string; format: string | null; pages: number | null; seconds: Record<string, number> | null }>;
}

/** Run plancheck on a folder; wall time from outside, RSS and stage times from its summary. */
async function runPlancheck(input: string, out: string, extra: string[] = []) {
  const started = performance.now();
  // Through bash, whose `times` gives the CPU seconds of the run and its workers: a figure that holds on a busy machine.
  const command = ['node', bin, input, '--out', out, '--jobs', String(jobs), ...extra].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  const { stdout } = await run('bash', ['-c', `${command} >/dev/null; status=$?; times; exit $(( status == 1 ? 0 : status ))`], { maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
  return { seconds, cpuSeconds: childCpuSeconds(stdout), summary };
}

/** The children's user + system seconds from bash's `times` (its second line: `1m2.5s 0m0.9s`). */
function childCpuSeconds(times: string): number | null {
  const line = times.trim().split('\n').pop() ?? '';
  const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return parts.length === 2 ? parts[0]! + parts[1]! : null;
}

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

/** Pages of a batch: PDF pages as read; for txt and docx, one page per 700 characters of text (an A4 page of CJK). */
async function estimatePages(dir: string, summary: Summary): Promise<number> {
  let pages = 0;
  const files = readdirSync(dir).sort();
  const textPages = new Map<string, number>();
  for (const [i, file] of files.entries()) {
    const doc = summary.documents[i];
    if (doc?.pages) {
      pages += doc.pages;
      continue;
    }
    const source = file.replace(/^\d{4}-/, '');
    if (!textPages.has(source)) {
      const ingested = await ingest(readFileSync(join(dir, file)), extname(file));
      textPages.set(source, Math.max(1, Math.ceil(ingested.blocks.reduce((n, b) => n + b.text.length, 0) / 700)));
    }
    pages += textPages.get(source)!;
  }
  return pages;
}

function stageTotals(summary: Summary): Record<string, number> {
  const totals: Record<string, number> = { read: 0, tree: 0, extract: 0, diff: 0, render: 0 };
  for (const doc of summary.documents) for (const [stage, s] of Object.entries(doc.seconds ?? {})) totals[stage] = (totals[stage] ?? 0) + s;
  return Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, round(v)]));
}

/** pdftotext over every PDF of a folder, `jobs` at a time (xargs -P), the text written to another folder; wall and CPU seconds. */
async function timePdftotext(dir: string): Promise<{ seconds: number; cpuSeconds: number | null }> {
  const textDir = mkdtempSync(join(work, 'pdftotext-'));
  const started = performance.now();
  const script = `cd '${dir}' && ls | grep '\\.pdf$' | xargs -P ${jobs} -I{} pdftotext -enc UTF-8 {} '${textDir}/{}.txt'; times`;
  const { stdout } = await run('bash', ['-c', script], { maxBuffer: 16 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  rmSync(textDir, { recursive: true, force: true });
  return { seconds, cpuSeconds: childCpuSeconds(stdout) };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** A folder of `copies` copies of each PDF. */
function copyPdfs(pdfs: string[], name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (let copy = 0; copy < copies; copy++) {
    for (const pdf of pdfs) copyFileSync(pdf, join(dir, `${String(copy).padStart(3, '0')}-${basename(pdf)}`));
  }
  return dir;
}

/** The PDF sets: LibreOffice's renditions and Chromium's prints of the corpus plans. */
async function pdfSets(): Promise<Record<string, string>> {
  const sets: Record<string, string> = {};
  sets.libreoffice = copyPdfs(readdirSync(join(root, 'corpus/pdf')).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(root, 'corpus/pdf', f)), 'pdf-libreoffice');
  const chromium = findChromium();
  if (chromium === null) {
    console.log('  Chromium PDFs: skipped — chromium is not installed');
  } else {
    const printed = mkdtempSync(join(work, 'chromium-print-'));
    const plans = readdirSync(join(root, 'corpus')).filter((f) => f.endsWith('.txt')).sort().map((f) => join(root, 'corpus', f));
    sets.chromium = copyPdfs(await printPlansToPdf(chromium, plans, printed), 'pdf-chromium');
  }
  return sets;
}

/** The whole pipeline against pdftotext on each PDF set with each engine: paired runs, taken in turn. */
async function comparePdfs() {
  const results = [];
  for (const [producer, dir] of Object.entries(await pdfSets())) {
    const files = readdirSync(dir).length;
    for (const engine of engines) {
      const ratios: number[] = [];
      const ours: number[] = [];
      const baseline: number[] = [];
      const baselineCpu: number[] = [];
      let summary: Summary | undefined;
      const cpu: number[] = [];
      for (let r = 0; r < rounds; r++) {
        const plancheck = async () => {
          const result = await runPlancheck(dir, join(work, `out-${producer}-${engine}`), ['--no-cache', '--pdf-engine', engine]);
          summary = result.summary;
          if (result.cpuSeconds !== null) cpu.push(result.cpuSeconds);
          return result.seconds;
        };
        // Alternate which goes first, so that neither always meets a warmer disk cache or a busier machine.
        let pdftotext: { seconds: number; cpuSeconds: number | null };
        let plancheckSeconds: number;
        if (r % 2 === 0) {
          pdftotext = await timePdftotext(dir);
          plancheckSeconds = await plancheck();
        } else {
          plancheckSeconds = await plancheck();
          pdftotext = await timePdftotext(dir);
        }
        const pdftotextSeconds = pdftotext.seconds;
        if (pdftotext.cpuSeconds !== null) baselineCpu.push(pdftotext.cpuSeconds);
        baseline.push(pdftotextSeconds);
        ours.push(plancheckSeconds);
        ratios.push(plancheckSeconds / pdftotextSeconds);
      }
      const pages = summary!.documents.reduce((n, doc) => n + (doc.pages ?? 0), 0);
      const stages = stageTotals(summary!);
      const entry = {
        producer,
        engine,
        files,
        pages,
        pdftotextSeconds: baseline.map((x) => round(x, 2)),
        plancheckSeconds: ours.map((x) => round(x, 2)),
        ratios: ratios.map((x) => round(x, 2)),
        medianRatio: round(median(ratios), 2),
        readSecondsPerPage: round(stages.read! / pages, 4),
        plancheckCpuSeconds: cpu.map((x) => round(x, 1)),
        pdftotextCpuSeconds: baselineCpu.map((x) => round(x, 1)),
        // CPU seconds against CPU seconds: the ratio a quiet machine would show when both keep every core busy.
        medianCpuRatio: cpu.length === rounds && baselineCpu.length === rounds ? round(median(cpu.map((c, i) => c / baselineCpu[i]!)), 2) : null,
        stageSeconds: stages,
        peakRssMB: summary!.run.maxRssMB,
        failed: summary!.documents.filter((d) => d.status !== 'ok').length,
      };
      results.push(entry);
      console.log(
        `  ${producer} PDFs (${files} files, ${pages} pages), ${engine}: pdftotext ${entry.pdftotextSeconds.join('/')} s, plancheck ${entry.plancheckSeconds.join('/')} s → median ratio ${entry.medianRatio} (${entry.ratios.join(', ')}); read ${round(entry.readSecondsPerPage * 1000, 1)} ms/page; CPU ${entry.plancheckCpuSeconds.join('/')} s vs pdftotext ${entry.pdftotextCpuSeconds.join('/')} s → median CPU ratio ${entry.medianCpuRatio}; stages ${JSON.stringify(stages)}; peak RSS ${entry.peakRssMB} MB`,
      );
    }
  }
  return results;
}

/** Seconds of the read stage per input format. */
function readByFormat(summary: Summary): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const doc of summary.documents) {
    if (doc.format && doc.seconds) totals[doc.format] = round((totals[doc.format] ?? 0) + doc.seconds.read);
  }
  return totals;
}

/** A batch of `size` documents, txt/docx/pdf in the corpus's proportions, end to end with reports. */
async function national() {
  const dir = makeBatch(nationalSize);
  const { seconds, cpuSeconds, summary } = await runPlancheck(dir, join(work, 'out-national'), ['--no-cache']);
  const pages = await estimatePages(dir, summary);
  const formats: Record<string, number> = {};
  for (const file of readdirSync(dir)) formats[extname(file)] = (formats[extname(file)] ?? 0) + 1;
  const entry = {
    documents: nationalSize,
    formats,
    pages,
    seconds: round(seconds, 1),
    peakRssMB: summary.run.maxRssMB,
    pagesPerSecond: round(pages / seconds, 1),
    projectedSecondsFor60000Pages: round((seconds * NATIONAL_PAGES) / pages, 0),
    cpuSeconds: cpuSeconds === null ? null : round(cpuSeconds, 1),
    // The same from CPU time, spread over the jobs: what idle cores would take, whatever else the machine runs.
    projectedCpuBoundSecondsFor60000Pages: cpuSeconds === null ? null : round((cpuSeconds * NATIONAL_PAGES) / pages / jobs, 0),
    readSecondsByFormat: readByFormat(summary),
    stageSeconds: stageTotals(summary),
    failed: summary.documents.filter((d) => d.status !== 'ok').length,
  };
  console.log(
    `  national scale: ${entry.documents} documents (${JSON.stringify(formats)}, ${pages} pages) in ${entry.seconds} s, peak RSS ${entry.peakRssMB} MB, ${entry.pagesPerSecond} pages/s → ${NATIONAL_PAGES} pages in ${round(entry.projectedSecondsFor60000Pages / 60, 1)} min (from CPU time ${entry.cpuSeconds} s over ${jobs} jobs: ${entry.projectedCpuBoundSecondsFor60000Pages === null ? '–' : round(entry.projectedCpuBoundSecondsFor60000Pages / 60, 1)} min); read by format ${JSON.stringify(entry.readSecondsByFormat)}; stages ${JSON.stringify(entry.stageSeconds)}; failed ${entry.failed}`,
  );
  return entry;
}

/** Extraction alone (blocks → model), single thread, over the corpus txt plans. */
async function extractionSpeed(): Promise<number> {
  const docs = await Promise.all(
    readdirSync(join(root, 'corpus')).filter((f) => f.endsWith('.txt')).map(async (f) => ingest(readFileSync(join(root, 'corpus', f)), '.txt')),
  );
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.blocks.map((b) => b.text).join('\n')), 0);
  for (const d of docs) extractPlan(d.blocks, d.metadata); // warm up: lexicons, jieba, JIT
  const rounds = 20;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) for (const d of docs) extractPlan(d.blocks, d.metadata);
  const seconds = (performance.now() - started) / 1000;
  return (bytes * rounds) / 1e6 / seconds;
}

/** The audit of 100,000 school rows: read + audit + validation in the process, and the command end to end. */
async function auditBench(): Promise<Record<string, number>> {
  const { default: ExcelJS } = await import('exceljs');
  const { COUNTY_HEADERS, generateCounty, toSheetRows } = await import('./fixtures/school-county.mjs');
  const { readWorkbook } = await import('../pipeline/ingest/sheet/read-workbook.ts');
  const { auditCounty } = await import('../audit/audit-county.ts');
  const { auditModelSchema } = await import('../model/audit.ts');
  const { loadStandard } = await import('../model/standard.ts');
  const standard = loadStandard(JSON.parse(readFileSync(join(root, 'corpus/standards/jiaodu-2017-6.json'), 'utf8')), []);
  const rows = toSheetRows(generateCounty(88_000, 11)).map((row, at) => [row[0], `${row[1]}${at}`, ...row.slice(2)]);
  const xlsx = join(work, 'county-100k.xlsx');
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true });
  const sheet = writer.addWorksheet('学校明细');
  sheet.addRow(COUNTY_HEADERS).commit();
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await writer.commit();
  const csv = join(work, 'county-100k.csv');
  writeFileSync(csv, `${[COUNTY_HEADERS, ...rows].map((row) => row.join(',')).join('\n')}\n`);
  const figures: Record<string, number> = { schoolRows: rows.length };
  for (const [format, path] of [['xlsx', xlsx], ['csv', csv]] as const) {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const book = await readWorkbook(new Uint8Array(readFileSync(path)), `.${format}`);
    const read = performance.now();
    const model = auditModelSchema.parse(auditCounty(book, { file: basename(path), standard, year: 2025 }));
    const done = performance.now();
    const used = process.cpuUsage(cpu);
    if (model.schools.length !== rows.length) throw new Error(`audit bench: ${model.schools.length} schools of ${rows.length}`);
    figures[`${format}ReadSeconds`] = round((read - started) / 1000);
    figures[`${format}AuditSeconds`] = round((done - read) / 1000);
    figures[`${format}Seconds`] = round((done - started) / 1000);
    // CPU time as well: on a machine shared with other work the wall time says more about the others.
    figures[`${format}CpuSeconds`] = round((used.user + used.system) / 1e6);
    const cliStarted = performance.now();
    await run('node', [bin, 'audit', '--schools', path, '--year', '2025', '--out', join(work, `audit-${format}`)], { maxBuffer: 64 * 1024 * 1024 });
    figures[`${format}CommandSeconds`] = round((performance.now() - cliStarted) / 1000);
    console.log(`  audit of ${rows.length} school rows (.${format}): read ${figures[`${format}ReadSeconds`]} s + audit ${figures[`${format}AuditSeconds`]} s = ${figures[`${format}Seconds`]} s (target < 10 s; CPU ${figures[`${format}CpuSeconds`]} s, load ${round(loadavg()[0]!, 1)}); the command with its four files ${figures[`${format}CommandSeconds`]} s`);
  }
  return figures;
}

async function main() {
  console.log(`plancheck bench: ${jobs} jobs; parts ${[...parts].join(', ')}`);
  const result: Record<string, unknown> = { date: new Date().toISOString(), jobs, parts: [...parts] };

  if (parts.has('batches')) {
    console.log(`  batches of ${sizes.join(', ')} documents (txt/docx/pdf mixed)`);
    const runs = [];
    for (const size of sizes) {
      const dir = makeBatch(size);
      const { seconds, summary } = await runPlancheck(dir, join(work, `out-${size}`), ['--no-cache']);
      const pages = await estimatePages(dir, summary);
      const mb = folderBytes(dir) / 1e6;
      const entry = {
        documents: size,
        pages,
        megabytes: round(mb),
        seconds: round(seconds),
        documentsPerSecond: round(size / seconds, 2),
        pagesPerSecond: round(pages / seconds, 1),
        megabytesPerSecond: round(mb / seconds, 2),
        peakRssMB: summary.run.maxRssMB,
        stageSeconds: stageTotals(summary),
        failed: summary.documents.filter((d) => d.status !== 'ok').length,
      };
      runs.push(entry);
      console.log(`  N=${size}: ${entry.seconds} s, ${entry.documentsPerSecond} docs/s, ${entry.pagesPerSecond} pages/s, ${entry.megabytesPerSecond} MB/s, peak RSS ${entry.peakRssMB} MB, stages ${JSON.stringify(entry.stageSeconds)}`);
    }
    const first = runs[0]!;
    const last = runs[runs.length - 1]!;
    result.runs = runs;
    result.timeGrowth = round(last.seconds / first.seconds, 2);
    result.rssGrowth = round(last.peakRssMB / first.peakRssMB, 2);
    console.log(`  ${last.documents}/${first.documents} documents: time × ${result.timeGrowth} (documents × ${last.documents / first.documents}), peak RSS × ${result.rssGrowth}`);
  }

  if (parts.has('pdf')) {
    if (spawnSync('pdftotext', ['-v']).error === undefined) {
      console.log(`  PDFs: ${copies} copies of each plan, ${rounds} paired rounds, engines ${engines.join(', ')}`);
      result.pdf = await comparePdfs();
    } else {
      console.log('  PDFs: skipped — pdftotext (poppler-utils) is not installed, so there is no baseline to compare with');
    }
  }

  if (parts.has('national')) result.national = await national();

  if (parts.has('extract')) {
    result.extractMBPerSecondPerCore = round(await extractionSpeed(), 2);
    console.log(`  extraction alone: ${result.extractMBPerSecondPerCore} MB/s of text per core`);
  }

  if (parts.has('single')) {
    const single: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      await run('node', [bin, join(root, 'corpus/jiaoling-2022.txt'), '--out', join(work, `single-${i}`), '--no-cache']);
      single.push((performance.now() - started) / 1000);
    }
    result.singleDocumentSeconds = round(Math.min(...single));
    console.log(`  one small document end to end (process start included, best of 3): ${result.singleDocumentSeconds} s`);
  }

  if (parts.has('cache')) {
    const corpusArgs = ['corpus/*.txt', 'corpus/md', 'corpus/docx', 'corpus/pdf'];
    const cacheOut = join(work, 'out-cache');
    const timeCorpus = async () => {
      const started = performance.now();
      await run('node', [bin, ...corpusArgs, '--out', cacheOut, '--jobs', String(jobs)], { cwd: root });
      return (performance.now() - started) / 1000;
    };
    const cold = await timeCorpus();
    const warm = await timeCorpus();
    result.cachedRerunSpeedup = round(cold / warm, 2);
    result.cachedRun = { firstSeconds: round(cold), rerunSeconds: round(warm) };
    console.log(`  corpus: first run ${round(cold)} s, cached rerun ${round(warm)} s → × ${result.cachedRerunSpeedup}`);
  }
  if (parts.has('audit')) result.audit = await auditBench();


  if (parts.has('ocr')) {
    const scan = join(root, 'corpus/scanned/jiaoling-2022.pdf');
    const { recognizePages } = await import('../pipeline/ingest/ocr/recognize-pages.ts');
    const pages = Array.from({ length: ocrPages }, (_, i) => i + 1);
    const started = performance.now();
    let ready = 0;
    const read = await recognizePages(new Uint8Array(readFileSync(scan)), pages, { onPage: (done) => { if (done === 0) ready = performance.now(); } });
    const perPage = [...read.values()].map((page) => page.seconds);
    result.ocr = { pages: perPage.length, secondsPerPage: round(perPage.reduce((a, b) => a + b, 0) / perPage.length, 2), modelLoadSeconds: round((ready - started) / 1000, 2), dpi: 300 };
    console.log(`  OCR (corpus/scanned/jiaoling-2022.pdf, ${perPage.length} pages at 300 dpi): ${(result.ocr as { secondsPerPage: number }).secondsPerPage} s a page; model load ${(result.ocr as { modelLoadSeconds: number }).modelLoadSeconds} s`);
  }

  mkdirSync(join(root, 'out'), { recursive: true });
  writeFileSync(join(root, 'out/bench.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log('  written: out/bench.json');
}

try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
