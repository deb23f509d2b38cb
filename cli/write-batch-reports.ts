/**
 * The batch reports: index.html from the plans' summaries, and overview.csv
 * and overview.xlsx assembled from each plan's `overview-rows.json`, one plan
 * at a time and streamed to disk, so memory does not grow with the batch.
 */
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Cell } from '../reports/table.ts';
import {
  formatCsvHeader, formatCsvRows, OVERVIEW_COLUMNS, OVERVIEW_SHEET, plainCell, renderBatchIndex, setUpSheet, styleRow,
  type BatchPlanSummary, type FailedInput,
} from '../reports/index.ts';
import { OVERVIEW_ROWS_FILE } from './process-input.ts';
import { temporaryName, writeAtomic } from './write-atomic.ts';

/**
 * Write index.html, overview.csv and overview.xlsx for the plans of a batch.
 *
 * @param outDir
 *   The output folder.
 * @param plans
 *   Each plan's summary, in input order; its rows are read from `out/<name>/overview-rows.json`.
 * @param failed
 *   The inputs that failed, listed on the index.
 */
export async function writeBatchReports(outDir: string, plans: BatchPlanSummary[], failed: FailedInput[] = []): Promise<void> {
  await writeAtomic(join(outDir, 'index.html'), await renderBatchIndex(plans, { failed }));
  const csvPath = join(outDir, 'overview.csv');
  const xlsxPath = join(outDir, 'overview.xlsx');
  const csvTemporary = temporaryName(csvPath);
  const xlsxTemporary = temporaryName(xlsxPath);
  const csv = createWriteStream(csvTemporary, { flags: 'wx' });
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxTemporary, useStyles: true, useSharedStrings: false });
  workbook.creator = 'plancheck';
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(OVERVIEW_SHEET, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  setUpSheet(sheet, OVERVIEW_COLUMNS);
  const header = sheet.getRow(1);
  header.commit();
  try {
    await write(csv, `\uFEFF${formatCsvHeader(OVERVIEW_COLUMNS)}`);
    for (const plan of plans) {
      const rows = await readRows(join(outDir, plan.name, OVERVIEW_ROWS_FILE));
      await write(csv, formatCsvRows(rows));
      for (const row of rows) {
        const added = sheet.addRow(row.map((cell) => plainCell(cell) ?? undefined));
        styleRow(added);
        added.commit();
      }
    }
    csv.end();
    await once(csv, 'close');
    sheet.commit();
    await workbook.commit();
    await rename(csvTemporary, csvPath);
    await rename(xlsxTemporary, xlsxPath);
  } catch (error) {
    csv.destroy();
    await rm(csvTemporary, { force: true });
    await rm(xlsxTemporary, { force: true });
    throw error;
  }
}

/** A plan's overview rows; a missing or malformed file gives none rather than stopping the batch. */
async function readRows(path: string): Promise<Cell[][]> {
  try {
    const rows: unknown = JSON.parse(await readFile(path, 'utf8'));
    return Array.isArray(rows) ? rows.filter((row): row is Cell[] => Array.isArray(row)) : [];
  } catch {
    return [];
  }
}

async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}
