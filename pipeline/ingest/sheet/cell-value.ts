/**
 * One cell's value as the grid keeps it, from what SheetJS (`.xls`) hands over:
 * a formula gives its cached result, rich text its joined runs, a hyperlink its text,
 * a date its ISO date, a boolean 是/否; an error value (#N/A) is empty, and noted.
 */
import type { SheetValue } from './types.ts';

/**
 * Turn a library's cell value into a grid value.
 *
 * @param value
 *   The value as SheetJS gives it (a formula's `{ formula, result }` and rich text's `{ richText }` are read too).
 * @param note
 *   Called with a short reason when the cell's value is lost (an error, a formula without a cached result).
 * @returns
 *   A string, a finite number or null.
 */
export function toSheetValue(value: unknown, note: (reason: string) => void): SheetValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if ('formula' in object || 'sharedFormula' in object) {
      if (!('result' in object) || object.result === undefined) {
        note('a formula without a cached result (the file was not saved by a spreadsheet program)');
        return null;
      }
      return toSheetValue(object.result, note);
    }
    if (Array.isArray(object.richText)) return toSheetValue(object.richText.map((run: { text?: unknown }) => String(run.text ?? '')).join(''), note);
    if ('error' in object) {
      note(`an error value ${String(object.error)}`);
      return null;
    }
    if ('text' in object) return toSheetValue(typeof object.text === 'object' ? object.text : String(object.text ?? ''), note);
  }
  return null;
}
