import type { Lang } from './messages.ts';

/** The CLI's help text, in Chinese. */
export const USAGE_ZH = `用法：plancheck [选项] <文件|文件夹|通配符>...
      plancheck eval --pred 目录 --gold 目录 [--verbose] [--json]
      plancheck schema            输出方案模型的 JSON Schema
      plancheck audit --schools 文件 [--plan 方案] [--year 年份] [--out 目录]
                                  审计学校资源配置（plancheck audit --help）

读取县域义务教育优质均衡发展方案（.txt、.md、.docx、.pdf、网页 .html/.mhtml、.doc、.wps、.ofd），提取目标、时间节点和
责任分工，对照国家标准（教督〔2017〕6号）给出判定，每个文件写出一个 JSON 模型和报告。

选项：
  -o, --out 目录        输出文件夹（默认 out）
  -j, --jobs N          并行处理的文档数（默认为 CPU 核数）
      --timeout 秒      单个文档的处理时限（默认 60）
      --max-file-mb N   单个文件大小上限（默认 50）
      --max-docx-mb N   .docx 解压后大小上限，拒绝压缩炸弹（默认 200）
      --max-pdf-pages N PDF 页数上限（默认 2000）
      --pdf-engine 名称 读取 PDF 的引擎：pdfium（默认，较快）或 pdfjs
      --no-ocr      不对扫描版 PDF 做文字识别（没有文字层的 PDF 将被拒绝）；默认识别无文字层的页面
      --no-cache        不复用缓存，全部重新处理
      --standard 文件   省、市对国家标准的叠加标准（可重复，后者覆盖前者）
      --allow-looser    允许叠加标准宽于国家标准（否则拒绝并以 2 退出；采用时每份报告均注明）
      --no-reports      只写 JSON 模型（不作对照，不写 HTML/Markdown/CSV/XLSX）
      --bundle          同一文件夹内的方案与其附件（名以“附件/附表/附录”开头的文件及表格文件）合为一份文档
      --lang en         用英文输出提示与摘要（默认中文）
  -h, --help            显示本帮助

输出：目录/<名称>.json（名称为输入相对于共同文件夹的路径，去掉扩展名），目录/<名称>/ 下的
报告（report.html/.md、responsibilities.html/.csv/.xlsx、checklists.html/.md），目录/index.html，
目录/overview.csv/.xlsx，以及列出每个输入成功或失败的 目录/summary.json。

退出码：0 全部读取；1 部分输入失败；2 用法错误或标准无效。`;

/** The CLI's help text, in English (`--lang en`). */
export const USAGE_EN = `Usage: plancheck [options] <file|folder|glob>...
       plancheck eval --pred DIR --gold DIR [--verbose] [--json]
       plancheck schema            print the plan model's JSON Schema
       plancheck audit --schools FILE [--plan PLAN] [--year YYYY] [--out DIR]
                                   audit a county's schools (plancheck audit --help)

Reads county plans for 义务教育优质均衡发展 (.txt, .md, .docx, .pdf, web pages .html/.mhtml, .doc, .wps, .ofd), extracts targets,
deadlines and responsibilities, and writes one JSON model per input.

Options:
  -o, --out DIR     output folder (default: out)
  -j, --jobs N      documents processed in parallel (default: the number of cores)
      --timeout S   seconds one document may take before it is failed (default: 60)
      --max-file-mb N     largest input file (default: 50)
      --max-docx-mb N     largest uncompressed .docx, zip bombs refused (default: 200)
      --max-pdf-pages N   longest PDF (default: 2000)
      --pdf-engine E      the engine that reads PDFs: pdfium (default, faster) or pdfjs
      --no-ocr            refuse scanned PDFs instead of recognising their text (by default, PDF pages
                          without a text layer are read by OCR; the time limit then counts per page)
      --no-cache    process every input again instead of reusing unchanged results
      --standard F  a province or city overlay of the national standard (repeatable;
                    later files override earlier ones)
      --allow-looser  accept an overlay that loosens a national threshold (refused
                    with exit 2 otherwise; marked in every report when accepted)
      --no-reports  write the JSON models only (no diff, no HTML/Markdown/CSV/XLSX)
      --bundle      read a folder's plan with its annexes (files named 附件/附表/附录…,
                    and spreadsheets) as one document
      --lang en     messages and summary in English (default: Chinese)
  -h, --help        show this help

Output: DIR/<name>.json per input (name = the path relative to the inputs' common
folder, without extension), DIR/<name>/ with its reports (report.html/.md,
responsibilities.html/.csv/.xlsx, checklists.html/.md), DIR/index.html,
DIR/overview.csv/.xlsx, and DIR/summary.json listing every input as ok or failed.

Exit codes: 0 every input was read, 1 some inputs failed, 2 usage error or invalid standard.`;

/** The help in a language. */
export function usage(lang: Lang): string {
  return lang === 'en' ? USAGE_EN : USAGE_ZH;
}

/** The help text in Chinese (kept for callers that import `USAGE`). */
export const USAGE = USAGE_ZH;
