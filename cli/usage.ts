/** The CLI's help text. */
export const USAGE = `Usage: plancheck [options] <file|folder|glob>...
       plancheck eval --pred DIR --gold DIR [--verbose] [--json]

Reads county plans for 义务教育优质均衡发展 (.txt, .md, .docx, .pdf), extracts targets,
deadlines and responsibilities, and writes one JSON model per input.

Options:
  -o, --out DIR     output folder (default: out)
  -j, --jobs N      documents processed in parallel (default: the number of cores)
      --timeout S   seconds one document may take before it is failed (default: 60)
      --max-file-mb N     largest input file (default: 50)
      --max-docx-mb N     largest uncompressed .docx, zip bombs refused (default: 200)
      --max-pdf-pages N   longest PDF (default: 2000)
      --no-cache    process every input again instead of reusing unchanged results
      --standard F  a province or city overlay of the national standard (repeatable;
                    later files override earlier ones)
      --no-reports  write the JSON models only (no diff, no HTML/Markdown/CSV/XLSX)
  -h, --help        show this help

Output: DIR/<name>.json per input (name = the path relative to the inputs' common
folder, without extension), DIR/<name>/ with its reports (report.html/.md,
responsibilities.html/.csv/.xlsx, checklists.html/.md), DIR/index.html,
DIR/overview.csv/.xlsx, and DIR/summary.json listing every input as ok or failed.

Exit codes: 0 every input was read, 1 some inputs failed, 2 usage error.`;
