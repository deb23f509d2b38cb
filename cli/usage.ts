/** The CLI's help text. */
export const USAGE = `Usage: plancheck [options] <file|folder|glob>...
       plancheck eval --pred DIR --gold DIR [--verbose]

Reads county plans for 义务教育优质均衡发展 (.txt, .md, .docx, .pdf), extracts targets,
deadlines and responsibilities, and writes one JSON model per input.

Options:
  -o, --out DIR     output folder (default: out)
  -h, --help        show this help

Output: DIR/<name>.json per input (name = the path relative to the inputs' common
folder, without extension) and DIR/summary.json listing every input as ok or failed.

Exit codes: 0 every input was read, 1 some inputs failed, 2 usage error.`;
