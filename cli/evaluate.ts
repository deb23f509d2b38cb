/**
 * Score extracted models against gold annotations, by the rules of
 * EXTRACTION.md §4 (docs/spec/EXTRACTION.md) and exactly as the shared scorer
 * (test/reference/score.mjs) counts: targets as distinct (indicator, level,
 * direction, value, kind) tuples with the year where the gold gives one,
 * `byReference` targets skipped on both sides; deadlines as distinct (start,
 * end) pairs; responsibilities as (task, department) pairs after matching each
 * predicted task to its most similar gold task; roles (lead, support,
 * responsible) as agreement on the pairs both sides have.
 */
import { departmentKey } from '../model/department-key.ts';

/** Counts of one kind. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Precision, recall, F1. */
export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** Agreement of one categorical field on the items both sides have: `right` of `total`, and what was wrong. */
export interface Agreement {
  right: number;
  total: number;
  wrong: string[];
}

/** Scores of one document. */
export interface DocumentScore {
  id: string;
  targets: Counts & { missed: string[]; extra: string[] };
  deadlines: Counts & { missed: string[]; extra: string[] };
  responsibilities: Counts & { missed: string[]; extra: string[] };
  /** Department roles on the (task, department) pairs that both the prediction and the gold have. */
  roles: Agreement;
  coverage: Agreement;
}

type Json = Record<string, any>;

const MAX_COMPARATORS = new Set(['<=', '<', '≤', '＜', '≦']);
const direction = (comparator: unknown) => (MAX_COMPARATORS.has(String(comparator ?? '').trim()) ? 'max' : 'min');
const roundValue = (value: unknown) => (typeof value === 'number' ? Math.round(value * 1e6) / 1e6 : Number(value));
const yearOf = (target: Json): number | null => {
  const year = target.year;
  return year === null || year === undefined || year === '' ? null : Number(String(year).slice(0, 4));
};
const monthKey = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '';
  const match = /^(\d{4})(?:-(\d{1,2}))?/.exec(String(value));
  if (!match) return String(value);
  return match[2] ? `${match[1]}-${match[2].padStart(2, '0')}` : match[1]!;
};

/**
 * Compute precision, recall and F1 from counts.
 *
 * @param counts
 *   True positives, false positives, false negatives.
 */
export function toPrf({ tp, fp, fn }: Counts): Prf {
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Score one predicted model against its gold file.
 *
 * @param id
 *   The document name.
 * @param gold
 *   The gold annotation.
 * @param pred
 *   The predicted model (any object with targets, deadlines, responsibilities, coverage).
 */
export function scoreDocument(id: string, gold: Json, pred: Json): DocumentScore {
  const { roles, ...responsibilities } = scoreResponsibilities(gold, pred.responsibilities ?? []);
  return {
    id,
    targets: scoreTargets(gold.targets ?? [], pred.targets ?? []),
    deadlines: scoreDeadlines(gold.deadlines ?? [], pred.deadlines ?? []),
    responsibilities,
    roles,
    coverage: scoreCoverage(gold.coverage ?? {}, pred.coverage ?? {}),
  };
}

/**
 * The share of agreements, 1 when there was nothing to agree on (as the shared scorer has it for roles).
 *
 * @param agreement
 *   Right and total counts.
 * @param empty
 *   The share when `total` is 0 (default: 1).
 */
export function toShare({ right, total }: Pick<Agreement, 'right' | 'total'>, empty = 1): number {
  return total === 0 ? empty : right / total;
}

function targetKey(target: Json): string {
  return [target.indicator, target.level ?? 'all', direction(target.comparator), roundValue(target.value), target.kind ?? 'target'].join('|');
}

function scoreTargets(gold: Json[], pred: Json[]) {
  const goldKeys = new Map<string, { key: string; year: number | null }>();
  for (const target of gold) {
    if (!target.indicator || target.byReference === true) continue;
    const year = yearOf(target);
    const id = `${targetKey(target)}|${year ?? '*'}`;
    if (!goldKeys.has(id)) goldKeys.set(id, { key: targetKey(target), year });
  }
  const predKeys = new Map<string, { key: string; year: number | null }>();
  for (const target of pred) {
    if (!target.indicator || target.byReference === true) continue;
    const year = yearOf(target);
    const id = `${targetKey(target)}|${year ?? '-'}`;
    if (!predKeys.has(id)) predKeys.set(id, { key: targetKey(target), year });
  }
  const unmatched = new Set(predKeys.keys());
  const missed: string[] = [];
  let tp = 0;
  // Gold targets with a year first: they are the stricter ones.
  const ordered = [...goldKeys.entries()].sort(([, a], [, b]) => (a.year === null ? 1 : 0) - (b.year === null ? 1 : 0));
  for (const [goldId, { key, year }] of ordered) {
    const hit = [...unmatched].find((predId) => {
      const candidate = predKeys.get(predId)!;
      return candidate.key === key && (year === null || candidate.year === year);
    });
    if (hit) {
      tp++;
      unmatched.delete(hit);
    } else missed.push(goldId);
  }
  return { tp, fp: unmatched.size, fn: missed.length, missed, extra: [...unmatched] };
}

function scoreDeadlines(gold: Json[], pred: Json[]) {
  const key = (deadline: Json) => `${monthKey(deadline.start)}..${monthKey(deadline.end)}`;
  const goldSet = new Set(gold.map(key));
  const predSet = new Set(pred.map(key));
  const tp = [...predSet].filter((k) => goldSet.has(k)).length;
  return {
    tp,
    fp: predSet.size - tp,
    fn: goldSet.size - tp,
    missed: [...goldSet].filter((k) => !predSet.has(k)),
    extra: [...predSet].filter((k) => !goldSet.has(k)),
  };
}

function bigrams(text: unknown): Map<string, number> {
  const compact = String(text ?? '').replace(/\s+/g, '');
  const counts = new Map<string, number>();
  for (let i = 0; i < compact.length - 1; i++) {
    const pair = compact.slice(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** Dice coefficient of two texts' character bigrams. */
export function dice(a: unknown, b: unknown): number {
  const left = bigrams(a);
  const right = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const count of left.values()) total += count;
  for (const count of right.values()) total += count;
  for (const [pair, count] of left) shared += Math.min(count, right.get(pair) ?? 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

const lineOf = (item: Json): number | null => item.line ?? item.location?.line ?? null;

function scoreResponsibilities(gold: Json, pred: Json[]) {
  const region: string | undefined = gold.region ?? undefined;
  const keyOf = (d: Json | string) => departmentKey(typeof d === 'string' ? d : d.name, region);
  const departmentsOf = (item: Json) => new Set<string>((item.departments ?? []).map(keyOf));
  // A department named twice in one entry keeps the role of its last mention, as in the shared scorer.
  const rolesOf = (item: Json) => new Map<string, string | null>((item.departments ?? []).map((d: Json | string) => [keyOf(d), typeof d === 'string' ? null : (d.role ?? null)]));
  const goldItems: Json[] = gold.responsibilities ?? [];
  const goldDepartments = goldItems.map(departmentsOf);
  const predDepartments = pred.map(departmentsOf);
  const candidates: Array<{ p: number; g: number; score: number }> = [];
  pred.forEach((p, i) =>
    goldItems.forEach((g, j) => {
      const similarity = Math.max(dice(p.task, g.task), dice(p.quote, g.quote), dice(p.task, g.quote), dice(p.quote, g.task));
      const sameLine = lineOf(p) !== null && lineOf(p) === lineOf(g);
      const score = similarity + (sameLine ? 0.5 : 0);
      if (score >= 0.5) candidates.push({ p: i, g: j, score });
    }),
  );
  candidates.sort((a, b) => b.score - a.score);
  const matchOf = new Map<number, number>();
  const usedGold = new Set<number>();
  for (const { p, g } of candidates) {
    if (matchOf.has(p) || usedGold.has(g)) continue;
    matchOf.set(p, g);
    usedGold.add(g);
  }
  const goldPairs = new Set<string>();
  goldDepartments.forEach((set, j) => set.forEach((d) => goldPairs.add(`${j}|${d}`)));
  const predPairs = new Set<string>();
  predDepartments.forEach((set, i) => set.forEach((d) => predPairs.add(`${matchOf.has(i) ? matchOf.get(i) : `p${i}`}|${d}`)));
  const tp = [...predPairs].filter((k) => goldPairs.has(k)).length;
  const roles: Agreement = { right: 0, total: 0, wrong: [] };
  pred.forEach((_, p) => {
    const g = matchOf.get(p);
    if (g === undefined) return;
    const goldRoles = rolesOf(goldItems[g]!);
    const predRoles = rolesOf(pred[p]!);
    for (const department of predDepartments[p]!) {
      if (!goldDepartments[g]!.has(department)) continue;
      roles.total++;
      const expected = goldRoles.get(department);
      const actual = predRoles.get(department);
      if (expected === actual) roles.right++;
      else roles.wrong.push(`${goldItems[g]!.task} → ${department}: ${actual ?? '(none)'}, gold ${expected}`);
    }
  });
  const describe = (k: string) => {
    const [owner, department] = k.split('|') as [string, string];
    const task = owner.startsWith('p') ? pred[Number(owner.slice(1))]!.task : goldItems[Number(owner)]!.task;
    return `${task} → ${department}`;
  };
  return {
    tp,
    fp: predPairs.size - tp,
    fn: goldPairs.size - tp,
    missed: [...goldPairs].filter((k) => !predPairs.has(k)).map(describe),
    extra: [...predPairs].filter((k) => !goldPairs.has(k)).map(describe),
    roles,
  };
}

function scoreCoverage(gold: Json, pred: Json): Agreement {
  let right = 0;
  let total = 0;
  const wrong: string[] = [];
  for (const [id, value] of Object.entries(gold)) {
    total++;
    const entry = pred[id];
    const predicted = typeof entry === 'object' && entry !== null ? Boolean(entry.covered ?? entry.value) : Boolean(entry);
    if (predicted === Boolean(value)) right++;
    else wrong.push(`${id}: gold ${value}`);
  }
  return { right, total, wrong };
}
