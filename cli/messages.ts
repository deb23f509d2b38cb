/**
 * What the CLI says to its user, in Chinese (the default) or English (`--lang en`):
 * the help, progress lines, the one-screen summary, and failure reasons.
 */

/** A language of the CLI. */
export type Lang = 'zh' | 'en';

/** Known failure reasons (as `summary.json` keeps them, in English) by their opening words, in Chinese. */
const REASONS: Array<[RegExp, string]> = [
  [/^empty file$/, '空文件'],
  [/^binary data, not text$/, '二进制数据，不是文本'],
  [/^invalid UTF-8 text$/, '无效的 UTF-8 文本'],
  [/^invalid (\S+) text$/, '无效的 $1 文本'],
  [/^unknown text encoding/, '无法识别文本编码'],
  [/^corrupt PDF: pdfjs did not answer in time$/, 'PDF 已损坏：解析超时'],
  [/^corrupt PDF: the file is truncated.*$/, 'PDF 已损坏：文件不完整'],
  [/^corrupt PDF: (.*)$/, 'PDF 已损坏：$1'],
  [/^encrypted PDF: a password is required$/, '加密的 PDF：需要密码'],
  [/^no text layer: scanned PDF, OCR is not enabled$/, '没有文字层：扫描版 PDF，未启用文字识别'],
  [/^no text layer: scanned PDF, OCR found no text in it$/, '没有文字层：扫描版 PDF，文字识别未识别出文字'],
  [/^no text layer: the OFD holds only images.*$/, '没有文字层：OFD 只有图像（扫描件）；文字识别只用于扫描版 PDF'],
  [/^not an OFD: not a zip archive$/, '不是 OFD：不是 zip 压缩包'],
  [/^not an OFD: the zip has no OFD\.xml$/, '不是 OFD：压缩包中没有 OFD.xml'],
  [/^corrupt OFD: (.*) is missing$/, 'OFD 已损坏：缺少 $1'],
  [/^corrupt OFD: (.*) is not well-formed XML.*$/, 'OFD 已损坏：$1 不是格式正确的 XML'],
  [/^corrupt OFD: (.*)$/, 'OFD 已损坏：$1'],
  [/^unreadable OFD: (.*)$/, '无法读取的 OFD：$1'],
  [/^OFD has too many parts: (\d+) \(limit (\d+)\)$/, 'OFD 部件过多：$1 个（上限 $2）'],
  [/^OFD too large: (.*) uncompressed \(limit (.*)\), a zip bomb\?$/, 'OFD 解压后过大：$1（上限 $2），疑为压缩炸弹'],
  [/^OFD too long: (\d+) pages \(limit (\d+)\)$/, 'OFD 过长：$1 页（上限 $2）'],
  [/^OCR is not available: (.*)$/, '无法进行文字识别：$1'],
  [/^OCR failed: (.*)$/, '文字识别失败：$1'],
  [/^no text: the document is empty$/, '没有文字：文档为空'],
  [/^not a \.docx: an encrypted or legacy \.doc file.*$/, '不是 .docx：加密文件或旧版 .doc 文件'],
  [/^not a \.docx: not a zip archive$/, '不是 .docx：不是 zip 压缩包'],
  [/^not a \.docx: (.*) is missing$/, '不是 .docx：缺少 $1'],
  [/^not a PDF: the file has no %PDF header$/, '不是 PDF：缺少 %PDF 文件头'],
  [/^not a regular file$/, '不是普通文件'],
  [/^unreadable \.docx: (.*)$/, '无法读取的 .docx：$1'],
  [/^\.docx has too many parts: (\d+) \(limit (\d+)\)$/, '.docx 部件过多：$1 个（上限 $2）'],
  [/^\.xlsx has too many parts: (\d+) \(limit (\d+)\)$/, '.xlsx 部件过多：$1 个（上限 $2）'],
  [/^\.(docx|xlsx) too large: (.*) uncompressed \(limit (.*)\), a zip bomb\?$/, '.$1 解压后过大：$2（上限 $3），疑为压缩炸弹'],
  [/^unreadable \.xlsx: (.*) inflates past its declared size, a zip bomb\?$/, '无法读取的 .xlsx：$1 解压后超过其声明的大小，疑为压缩炸弹'],
  [/^unreadable \.(xlsx|xls): (.*)$/, '无法读取的 .$1：$2'],
  [/^encrypted \.xls: a password is required$/, '加密的 .xls：需要密码'],
  [/^not an \.xlsx: (.*)$/, '不是 .xlsx：$1'],
  [/^not an \.xls: (.*)$/, '不是 .xls：$1'],
  [/^not a spreadsheet: expected \.xlsx, \.xls or \.csv(?: \(got (.*)\))?$/, '不是电子表格：应为 .xlsx、.xls 或 .csv（收到 $1）'],
  [/^too many cells: over (\d+) \(limit (\d+)\)$/, '单元格过多：超过 $1 个（上限 $2）'],
  [/^PDF too long: (\d+) pages \(limit (\d+)\)$/, 'PDF 过长：$1 页（上限 $2）'],
  [/^file too large: (.*) \(limit (.*)\)$/, '文件过大：$1（上限 $2）'],
  [/^timed out after (\S+) s \(limit per document\)$/, '处理超时：超过 $1 秒（单个文档上限）'],
  [/^unsupported file type: (.*) \(expected .*\)$/, '不支持的文件类型：$1（应为 .txt、.md、.docx、.pdf、.ofd、.xlsx、.xls、.csv、.html、.doc 或 .wps）'],
  [/^web page too large: (.*) of HTML \(limit (.*)\)$/, '网页过大：HTML $1（上限 $2）'],
  [/^no article: the page holds only navigation, links and site furniture$/, '没有正文：网页只有导航、链接和网站栏目'],
  [/^unreadable MHTML: no text\/html part$/, '无法读取的 MHTML：没有 text/html 部分'],
  [/^unreadable MHTML: (.*)$/, '无法读取的 MHTML：$1'],
  [/^nesting too deep: over (\d+) levels \(limit (\d+)\)$/, '嵌套过深：超过 $1 层（上限 $2）'],
  [/^too many parts: over (\d+) nodes \(limit (\d+)\)$/, '部件过多：超过 $1 个节点（上限 $2）'],
  [/^encrypted (\.doc|\.wps): a password is required$/, '加密的 $1 文件：需要密码'],
  [/^encrypted document: a password is required$/, '加密的文档：需要密码'],
  [/^corrupt (\.doc|\.wps): the file is truncated or damaged$/, '$1 文件已损坏：文件不完整或受损'],
  [/^corrupt (\.doc|\.wps): (.*)$/, '$1 文件已损坏：$2'],
  [/^not a Word document: the file has no OLE header \(D0 CF 11 E0\)$/, '不是 Word 文档：缺少 OLE 文件头（D0 CF 11 E0）'],
  [/^not a Word document: an OLE file without a WordDocument stream$/, '不是 Word 文档：OLE 文件中没有 WordDocument 流'],
  [/^not a Word document: the WordDocument stream has no Word signature$/, '不是 Word 文档：WordDocument 流缺少 Word 标识'],
  [/^unsupported \.wps: no WordDocument stream \(an older Kingsoft or a Microsoft Works file; save it as \.doc or \.docx\)$/, '不支持的 .wps：没有 WordDocument 流（旧版金山或 Microsoft Works 文件，请另存为 .doc 或 .docx）'],
  [/^unsupported (\.doc|\.wps): a Word 6\/95 file \(save it as \.docx\)$/, '不支持的 $1：Word 6/95 文件（请另存为 .docx）'],
  [/^cannot read: (.*)$/, '无法读取：$1'],
  [/^cannot write reports: (.*)$/, '无法写出报告：$1'],
  [/^cannot write (.*): (.*)$/, '无法写出 $1：$2'],
  [/^internal error: (.*)$/, '内部错误：$1'],
];

/**
 * A failure reason in Chinese (unknown reasons are kept as they are).
 *
 * @param reason
 *   The reason as `summary.json` has it.
 */
export function reasonInChinese(reason: string): string {
  for (const [pattern, chinese] of REASONS) if (pattern.test(reason)) return reason.replace(pattern, chinese);
  return reason;
}

/** The CLI's words in one language. */
export interface Words {
  ok: string;
  failed: string;
  /** An input passed by on purpose (a link leading out of a walked folder). */
  skipped: string;
  reason: (reason: string) => string;
  summaryHead: (inputs: number, ok: number, failed: number, skipped: number, out: string) => string;
  counts: (targets: number | null, deadlines: number | null, responsibilities: number | null) => string;
  noInput: string;
  noDocument: string;
  badNumber: string;
  badPdfEngine: (value: string) => string;
  /** Progress of OCR inside one document. */
  ocrPage: (done: number, total: number) => string;
  cannotWrite: (out: string, why: string) => string;
  batchError: (why: string) => string;
}

export const WORDS: Record<Lang, Words> = {
  zh: {
    ok: '完成',
    failed: '失败',
    skipped: '跳过',
    reason: reasonInChinese,
    summaryHead: (inputs, ok, failed, skipped, out) => `plancheck：共 ${inputs} 个文件，完成 ${ok} 个，失败 ${failed} 个${skipped ? `，跳过 ${skipped} 个` : ''} → ${out}/`,
    counts: (targets, deadlines, responsibilities) => `目标 ${targets}，时间节点 ${deadlines}，责任分工 ${responsibilities}`,
    noInput: '没有给出输入文件',
    noDocument: '输入中没有 .txt、.md、.docx、.pdf、.ofd、.html、.doc 或 .wps 文件',
    badNumber: '--jobs 须为不小于 1 的整数，--timeout 与各 --max-… 上限须为大于 0 的数',
    badPdfEngine: (value) => `--pdf-engine 须为 pdfjs 或 pdfium（收到 ${value}）`,
    ocrPage: (done, total) => `文字识别 ${done}/${total} 页`,
    cannotWrite: (out, why) => `无法写入 --out ${out}：${why}`,
    batchError: (why) => `无法写出批量报告：${why}`,
  },
  en: {
    ok: 'ok',
    failed: 'failed',
    skipped: 'skipped',
    reason: (reason) => reason,
    summaryHead: (inputs, ok, failed, skipped, out) => `plancheck: ${inputs} inputs, ${ok} ok, ${failed} failed${skipped ? `, ${skipped} skipped` : ''} → ${out}/`,
    counts: (targets, deadlines, responsibilities) => `targets ${targets}, deadlines ${deadlines}, responsibilities ${responsibilities}`,
    noInput: 'no input given',
    noDocument: 'no .txt, .md, .docx, .pdf, .ofd, .html, .doc or .wps file found in the inputs',
    badNumber: '--jobs takes a whole number ≥ 1, --timeout and the --max-… limits a number > 0',
    badPdfEngine: (value) => `--pdf-engine takes pdfjs or pdfium (got ${value})`,
    ocrPage: (done, total) => `OCR page ${done}/${total}`,
    cannotWrite: (out, why) => `cannot write to --out ${out}: ${why}`,
    batchError: (why) => `cannot write the batch reports: ${why}`,
  },
};
