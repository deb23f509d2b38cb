/**
 * The reading stage's messages about a document (kept in English in the model)
 * as a report shows them, in Chinese.
 */
const MESSAGES: Array<[RegExp, string]> = [
  [/^Dropped (\d+) piece\(s\) of text that belong to no paragraph of the document body$/, '有 $1 处文字不属于正文段落，已略去'],
  [/^traditional characters: read as simplified for matching \((\d+) characters converted\); quotes keep the original$/, '繁体字：匹配时按简体读取（转换 $1 个字），引文保留原文'],
  [/^invalid UTF-8: (\d+) damaged byte sequences? replaced with U\+FFFD$/, '无效的 UTF-8：$1 处损坏的字节已替换为 U+FFFD'],
];

/**
 * A model message in Chinese; an unknown one (a Word converter's note) is labelled as such and kept.
 *
 * @param reason
 *   The message as the model has it.
 */
export function messageInChinese(reason: string): string {
  for (const [pattern, chinese] of MESSAGES) if (pattern.test(reason)) return reason.replace(pattern, chinese);
  return /[\u4e00-\u9fff]/.test(reason) ? reason : `读取提示（原文为英文）：${reason}`;
}
