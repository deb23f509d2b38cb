/**
 * A small inline SVG per indicator and 学段: every school's value as a dot (ordered by
 * value, green when it meets the threshold, red when it falls short) against the threshold
 * (a dashed line) and the county's student-weighted mean (a solid line). Numbers and fixed
 * words only, never document text (school names are not drawn), so the markup is safe
 * to embed as it is.
 */
import { formatNumber as formatNumberText } from './formatters.ts';

/** What the chart needs of one indicator in one 学段. */
export interface SchoolChartInput {
  /** Each school's value and whether it meets the threshold. */
  points: Array<{ value: number; met: boolean | null }>;
  threshold: number | null;
  mean: number | null;
}

/**
 * Draw the chart.
 *
 * @param input
 *   The schools' values, the threshold and the mean.
 * @returns
 *   The SVG markup, or `null` when no school has a value.
 */
export function drawSchoolChart(input: SchoolChartInput): string | null {
  const points = [...input.points].sort((a, b) => a.value - b.value);
  if (points.length === 0) return null;
  const values = points.map((point) => point.value);
  if (input.threshold !== null) values.push(input.threshold);
  let y0 = Math.min(0, ...values);
  let y1 = Math.max(...values);
  if (y0 === y1) y1 = y0 + 1;
  y1 += (y1 - y0) * 0.08;
  const width = 300;
  const height = 110;
  const left = 40;
  const right = 8;
  const top = 8;
  const bottom = 14;
  const x = (at: number) => (points.length === 1 ? (left + width - right) / 2 : left + (at / (points.length - 1)) * (width - left - right));
  const y = (value: number) => top + (1 - (value - y0) / (y1 - y0)) * (height - top - bottom);
  const r = (n: number) => Math.round(n * 10) / 10;
  const parts: string[] = [`<line x1="${left}" x2="${left}" y1="${top}" y2="${height - bottom}" stroke="#bbb"/>`];
  for (const tick of [y0, (y0 + y1) / 2]) parts.push(`<text x="${left - 3}" y="${r(y(tick) + 3)}" font-size="8" text-anchor="end" fill="#5f6368">${formatNumberText(Number(tick.toPrecision(3)))}</text>`);
  for (const [at, point] of points.entries()) {
    const colour = point.met === false ? '#c62828' : point.met === true ? '#2e7d32' : '#5f6368';
    parts.push(`<circle cx="${r(x(at))}" cy="${r(y(point.value))}" r="2.6" fill="${colour}"><title>${formatNumberText(Number(point.value.toPrecision(4)))}</title></circle>`);
  }
  if (input.threshold !== null) {
    const ty = r(y(input.threshold));
    parts.push(`<line class="threshold" x1="${left}" x2="${width - right}" y1="${ty}" y2="${ty}" stroke="#333" stroke-dasharray="4 3"/>`);
    parts.push(`<text x="${width - right}" y="${r(ty - 3)}" font-size="8.5" text-anchor="end" fill="#333">标准 ${formatNumberText(input.threshold)}</text>`);
  }
  if (input.mean !== null) {
    const my = r(y(input.mean));
    parts.push(`<line class="mean" x1="${left}" x2="${width - right}" y1="${my}" y2="${my}" stroke="#1565c0" stroke-width="1"/>`);
    parts.push(`<text x="${left + 2}" y="${r(my - 3)}" font-size="8.5" fill="#1565c0">加权平均 ${formatNumberText(Number(input.mean.toPrecision(4)))}</text>`);
  }
  parts.push(`<text x="${(left + width - right) / 2}" y="${height - 2}" font-size="8" text-anchor="middle" fill="#5f6368">各校（按数值排序）</text>`);
  return `<svg class="chart school-chart" role="img" aria-label="各校数值与标准对照：${points.length} 所学校，${points.filter((point) => point.met === false).length} 所未达标" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}
