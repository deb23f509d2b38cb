/**
 * A small inline SVG per numeric entry: the plan's values by year (targets
 * filled, baselines hollow, coloured by verdict) against the threshold (a
 * dashed line). Numbers and fixed words only, never document text, so the
 * markup is safe to embed as it is.
 */
import { formatNumberText } from '../pipeline/diff/number.ts';

interface ChartPoint {
  year: number | null;
  value: number;
  kind: 'target' | 'baseline';
  verdict: string | null;
}

interface ChartEntry {
  expected: { value: number };
  trajectory: ChartPoint[];
  baselines: ChartPoint[];
}

const COLOURS: Record<string, string> = {
  weaker: '#c62828', hedged: '#a15c00', meets: '#2e7d32', stricter: '#1565c0', byReference: '#4e7a1f',
};

/**
 * Draw an entry's chart.
 *
 * @param entry
 *   The entry (its dated targets and baselines and its threshold).
 * @returns
 *   The SVG markup, or `null` when the plan gives no dated value.
 */
export function drawTrajectory(entry: ChartEntry): string | null {
  const points = [...entry.baselines, ...entry.trajectory].filter((point) => point.year !== null);
  if (points.length === 0 || !entry.trajectory.some((point) => point.year !== null)) return null;
  const years = points.map((point) => point.year!);
  const values = [...points.map((point) => point.value), entry.expected.value];
  const [x0, x1] = [Math.min(...years), Math.max(...years)];
  let [y0, y1] = [Math.min(...values), Math.max(...values)];
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const pad = (y1 - y0) * 0.15;
  y0 -= pad;
  y1 += pad;
  const width = 240;
  const height = 84;
  const left = 34;
  const right = 10;
  const top = 8;
  const bottom = 18;
  const x = (year: number) => (x0 === x1 ? (left + width - right) / 2 : left + ((year - x0) / (x1 - x0)) * (width - left - right));
  const y = (value: number) => top + (1 - (value - y0) / (y1 - y0)) * (height - top - bottom);
  const r = (n: number) => Math.round(n * 10) / 10;
  const parts: string[] = [];
  const ty = r(y(entry.expected.value));
  parts.push(`<line x1="${left}" x2="${width - right}" y1="${ty}" y2="${ty}" stroke="#555" stroke-dasharray="4 3"/>`);
  parts.push(`<text x="2" y="${r(ty + 3)}" font-size="9" fill="#333">标准 ${formatNumberText(entry.expected.value)}</text>`);
  const targets = entry.trajectory.filter((point) => point.year !== null);
  if (targets.length > 1) {
    parts.push(`<polyline fill="none" stroke="#888" stroke-width="1" points="${targets.map((point) => `${r(x(point.year!))},${r(y(point.value))}`).join(' ')}"/>`);
  }
  for (const point of points) {
    const colour = point.kind === 'baseline' ? '#5f6368' : COLOURS[point.verdict ?? ''] ?? '#333';
    const fill = point.kind === 'baseline' ? '#fff' : colour;
    parts.push(`<circle cx="${r(x(point.year!))}" cy="${r(y(point.value))}" r="3.5" fill="${fill}" stroke="${colour}" stroke-width="1.5"><title>${point.year} ${point.kind === 'baseline' ? '现状' : '目标'} ${formatNumberText(point.value)}</title></circle>`);
  }
  for (const year of [...new Set(years)]) parts.push(`<text x="${r(x(year))}" y="${height - 4}" font-size="9" text-anchor="middle" fill="#333">${year}</text>`);
  return `<svg class="chart" role="img" aria-label="各年份数值与标准对照" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}
