/**
 * `plancheck audit --schools FILE [--plan PLAN] [--year YYYY] --out DIR`: audit a county's
 * school list (.xlsx, .xls, .csv) against the standard — R1–R7 and R9 per school, the
 * student-weighted 差异系数 per 学段 (R8) — and, with a plan (a document, or a model JSON
 * that plancheck wrote), set the plan's figures beside the actual ones. Writes audit.html,
 * audit.csv, audit.xlsx and audit.json to DIR.
 */
import { mkdir } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { escapeControls } from '../model/control-characters.ts';
import { DEFAULT_LIMITS } from '../pipeline/ingest/limits.ts';
import { ReadError } from '../pipeline/ingest/read-error.ts';
import { loadStandardFiles } from './load-standard.ts';
import { reasonInChinese, type Lang } from './messages.ts';
import { readInputBytes } from './read-input.ts';
import { writeAtomic } from './write-atomic.ts';
import type { Target } from '../model/plan.ts';

/** The audit command's help, in Chinese. */
export const AUDIT_USAGE_ZH = `用法：plancheck audit --schools 文件 [--plan 方案] [--year 年份] [--out 目录]

审计县域学校资源配置：读取学校名单（.xlsx、.xls、.csv，UTF-8 或 GBK），每校每学段一行
（九年一贯制学校分小学、初中两行，或一行写“九年一贯制”并分列“小学学生数”“初中学生数”），
按表头识别各列，逐校计算 7 项资源配置指标（R1–R7）与 R9，按学生数加权计算各学段的均值与
差异系数（R8），并与方案承诺对照。

选项：
      --schools 文件    学校名单（必填）
      --plan 方案       方案文件（.txt、.md、.docx、.pdf …）或 plancheck 写出的方案模型 JSON
      --year 年份       审计年份：取方案该年的目标，无则取其后最近年份（默认今年）
  -o, --out 目录        输出文件夹（默认 out/audit）
      --standard 文件   省、市对国家标准的叠加标准（可重复）
      --allow-looser    允许叠加标准宽于国家标准
      --lang en         用英文输出提示与摘要
  -h, --help            显示本帮助

输出：目录/audit.html、audit.csv、audit.xlsx（每校每项指标一行）、audit.json。
退出码：0 已审计（数据问题列在报告中）；1 学校名单无法读取或找不到表头；2 用法错误。`;

/** The audit command's help, in English. */
export const AUDIT_USAGE_EN = `Usage: plancheck audit --schools FILE [--plan PLAN] [--year YYYY] [--out DIR]

Audits a county's schools: reads the school list (.xlsx, .xls, .csv in UTF-8 or GBK), one row
per school and 学段 (a 九年一贯制 school as a 小学 row and an 初中 row, or one 九年一贯制 row with
小学学生数 and 初中学生数 columns), finds the columns by their Chinese headers, computes R1–R7
and R9 per school, the student-weighted mean and 差异系数 (R8) per 学段, and sets a plan's
figures beside the actual ones.

Options:
      --schools FILE    the school list (required)
      --plan PLAN       a plan document (.txt, .md, .docx, .pdf …) or a plan model JSON from plancheck
      --year YYYY       the audit year: the plan's figure for it, else the nearest later year (default: this year)
  -o, --out DIR         output folder (default: out/audit)
      --standard F      a province or city overlay of the national standard (repeatable)
      --allow-looser    accept an overlay looser than the national standard
      --lang en         messages in English (default: Chinese)
  -h, --help            show this help

Output: DIR/audit.html, audit.csv, audit.xlsx (one row per school and indicator), audit.json.
Exit codes: 0 audited (data problems are listed in the report), 1 the list cannot be read or has no header, 2 usage error.`;

/**
 * Run the audit command.
 *
 * @param argv
 *   Arguments after `audit`.
 * @param cwd
 *   Working folder.
 * @returns
 *   Exit code: 0 audited, 1 unreadable list or plan, 2 usage error.
 */
export async function runAudit(argv: string[], cwd: string): Promise<number> {
  const lang: Lang = argv.some((arg, i) => arg === '--lang=en' || (arg === '--lang' && argv[i + 1] === 'en')) ? 'en' : 'zh';
  const usage = lang === 'en' ? AUDIT_USAGE_EN : AUDIT_USAGE_ZH;
  const say = (zh: string, en: string) => (lang === 'en' ? en : zh);
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        schools: { type: 'string' },
        plan: { type: 'string' },
        year: { type: 'string' },
        out: { type: 'string', short: 'o', default: 'out/audit' },
        standard: { type: 'string', multiple: true },
        'allow-looser': { type: 'boolean' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    process.stderr.write(`plancheck audit: ${escapeControls((error as Error).message)}\n${usage}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (!values.schools) {
    process.stderr.write(`plancheck audit: ${say('缺少 --schools 文件', '--schools FILE is required')}\n${usage}\n`);
    return 2;
  }
  const year = values.year === undefined ? new Date().getUTCFullYear() : Number(values.year);
  if (!Number.isInteger(year) || year < 1990 || year > 2100) {
    process.stderr.write(`plancheck audit: ${say('--year 须为 1990 至 2100 之间的年份', '--year takes a year from 1990 to 2100')}\n`);
    return 2;
  }
  const schoolsPath = resolve(cwd, values.schools);
  const outDir = resolve(cwd, values.out ?? 'out/audit');
  const standard = await loadStandardFiles((values.standard ?? []).map((path) => resolve(cwd, path)), null, values['allow-looser'] === true);
  if ('error' in standard) {
    process.stderr.write(`plancheck audit: ${escapeControls(standard.error)}\n`);
    return 2;
  }
  const reason = (why: string) => (lang === 'en' ? why : reasonInChinese(why));
  const { readWorkbook } = await import('../pipeline/ingest/sheet/read-workbook.ts');
  let workbook;
  try {
    workbook = await readWorkbook(await readInputBytes(schoolsPath, DEFAULT_LIMITS), extname(schoolsPath).toLowerCase(), DEFAULT_LIMITS);
  } catch (error) {
    const why = error instanceof ReadError ? error.message : `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    process.stderr.write(`plancheck audit: ${escapeControls(values.schools)}: ${escapeControls(reason(why))}\n`);
    return 1;
  }
  let plan: { document: string; title: string | null; targets: Target[] } | undefined;
  if (values.plan) {
    const loaded = await loadPlan(resolve(cwd, values.plan));
    if ('error' in loaded) {
      process.stderr.write(`plancheck audit: ${escapeControls(values.plan)}: ${escapeControls(reason(loaded.error))}\n`);
      return 1;
    }
    plan = loaded;
  }
  const { auditCounty, AuditError } = await import('../audit/audit-county.ts');
  const { auditModelSchema } = await import('../model/audit.ts');
  let model;
  try {
    model = auditModelSchema.parse(auditCounty(workbook, { file: basename(schoolsPath), standard, year, ...(plan ? { plan } : {}) }));
  } catch (error) {
    if (error instanceof AuditError) {
      process.stderr.write(`plancheck audit: ${escapeControls(values.schools)}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const { renderAudit } = await import('../reports/render-audit.ts');
  const files = await renderAudit(model);
  try {
    await mkdir(outDir, { recursive: true });
    for (const [name, content] of Object.entries(files)) await writeAtomic(join(outDir, name), content);
  } catch (error) {
    process.stderr.write(`plancheck audit: ${say('无法写入', 'cannot write to')} ${escapeControls(relative(cwd, outDir) || outDir)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return 2;
  }
  process.stdout.write(formatAuditSummary(model, relative(cwd, outDir) || outDir, lang));
  return 0;
}

/**
 * The one-screen summary of an audit.
 *
 * @param model
 *   The audit model.
 * @param out
 *   The output folder as shown.
 * @param lang
 *   The language.
 */
export function formatAuditSummary(model: import('../model/audit.ts').AuditModel, out: string, lang: Lang): string {
  const s = model.summary;
  const lines: string[] = [];
  const name = escapeControls(model.source.file);
  lines.push(lang === 'en'
    ? `plancheck audit: ${name}, ${s.schools} schools (${s.primary} 小学, ${s.junior} 初中 parts), R9 met by ${s.r9Met}, not by ${s.r9NotMet}${s.r9Unknown ? `, unknown ${s.r9Unknown}` : ''} (per school and 学段); ${model.messages.length} data problems → ${out}/`
    : `plancheck audit：${name}，学校 ${s.schools} 所（小学 ${s.primary}，初中 ${s.junior}），R9 达到 ${s.r9Met}、未达到 ${s.r9NotMet}${s.r9Unknown ? `、无法判定 ${s.r9Unknown}` : ''}（按学校和学段计）；数据问题 ${model.messages.length} 条 → ${out}/`);
  for (const level of ['primary', 'junior'] as const) {
    const rows = model.statistics.filter((item) => item.level === level && item.schools > 0);
    if (rows.length === 0) continue;
    const label = level === 'primary' ? '小学' : '初中';
    const limit = rows[0]!.limit?.value;
    const cvs = rows.map((item) => `${item.indicator} ${item.cv === null ? '—' : item.cv.toFixed(4)}${item.withinLimit === false ? '!' : ''}`).join('  ');
    lines.push(lang === 'en' ? `  ${label} 差异系数 (weighted, limit ≤ ${limit}): ${cvs}` : `  ${label}差异系数（加权，限值 ≤ ${limit}）：${cvs}`);
  }
  if (model.plan) {
    const short = model.plan.rows.filter((row) => row.reached === false).length;
    lines.push(lang === 'en'
      ? `  plan ${escapeControls(model.plan.document)}: ${model.plan.rows.length} figures compared, ${short} not reached`
      : `  方案 ${escapeControls(model.plan.document)}：对照 ${model.plan.rows.length} 项承诺，未达到 ${short} 项`);
  }
  for (const message of model.messages.slice(0, 5)) lines.push(`  · ${escapeControls(message.reason)}`);
  if (model.messages.length > 5) lines.push(lang === 'en' ? `  … ${model.messages.length - 5} more in audit.html` : `  …… 另有 ${model.messages.length - 5} 条，见 audit.html`);
  return `${lines.join('\n')}\n`;
}

/** A plan's targets: from a model JSON plancheck wrote, or from a document run through the pipeline. */
async function loadPlan(path: string): Promise<{ document: string; title: string | null; targets: Target[] } | { error: string }> {
  let bytes: Uint8Array;
  try {
    bytes = await readInputBytes(path, DEFAULT_LIMITS);
  } catch (error) {
    return { error: error instanceof ReadError ? error.message : `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  if (extname(path).toLowerCase() === '.json') {
    const { z } = await import('zod');
    const { targetSchema } = await import('../model/plan.ts');
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return { error: 'not a plan model: the file is not JSON' };
    }
    const model = z.object({ document: z.string().optional(), metadata: z.object({ title: z.string().nullable() }).partial().optional(), targets: z.array(targetSchema) }).safeParse(parsed);
    if (!model.success) return { error: `not a plan model: ${model.error.issues[0]?.path.join('.') || '(root)'}: ${model.error.issues[0]?.message ?? 'invalid'}` };
    return { document: model.data.document ?? basename(path), title: model.data.metadata?.title ?? null, targets: model.data.targets };
  }
  const { processDocument } = await import('../pipeline/process-document.ts');
  const outcome = await processDocument(bytes, basename(path), DEFAULT_LIMITS);
  if (!outcome.ok) return { error: outcome.reason };
  return { document: outcome.model.document, title: outcome.model.metadata.title, targets: outcome.model.targets };
}
