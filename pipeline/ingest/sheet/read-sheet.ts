/**
 * The reader of `.xlsx`, `.xls` and `.csv` behind the one reader signature: the workbook's
 * sheets as positioned tables (`workbookToTree`), its encoding (CSV) and notices.
 */
import type { Reader } from '../reader.ts';
import { readWorkbook } from './read-workbook.ts';
import { workbookToTree } from './to-table.ts';

/**
 * Read a spreadsheet into a document tree.
 *
 * @param data
 *   The file's bytes.
 * @param options
 *   Limits and the file's extension.
 * @returns
 *   The tree, the reader's notices and, for CSV, the encoding.
 */
export const readSheet: Reader = async (data, options) => {
  const workbook = await readWorkbook(data, options.extension, options.limits);
  return { tree: workbookToTree(workbook), notices: workbook.warnings, ...(workbook.encoding === undefined ? {} : { encoding: workbook.encoding }) };
};
