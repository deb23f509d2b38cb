/**
 * The diff of a plan against the standard in force: per numeric indicator and
 * level a verdict (达到标准, 严于标准, 未达标准, 表述留有余地, 承诺达到国家标准,
 * 前后不一, 未设目标), per qualitative indicator its coverage (已覆盖, 部分覆盖,
 * 未覆盖), per 一票否决 item whether the plan forbids it. Pure data, rendered by reports/.
 */
import type { Deadline, Level, Target } from '../../model/plan.ts';
import { judgeCoverage, judgeVeto, type Sentence } from './coverage.ts';
import { buildDiffEntry } from './entry.ts';
import { QUANTITY_PHRASES } from './items.ts';
import { listProblems, message, problemMessages } from './problems.ts';
import { findFigure } from './reading.ts';
import type { CoverageItem, DiffEntry, PlanDiff, Verdict, VetoItem } from '../../model/diff.ts';
import { GAP_VERDICTS, VERDICTS } from '../../model/diff.ts';
import type { DocumentModel } from '../../model/document-model.ts';
import type { Standard, StandardIndicator } from '../../model/standard.ts';

export type * from '../../model/diff.ts';
export { GAP_VERDICTS, VERDICTS } from '../../model/diff.ts';

/** The parts of a document model the diff reads (deadlines and responsibilities are optional). */
export type DiffInput = Pick<DocumentModel, 'document' | 'targets' | 'coverage'> & Partial<Pick<DocumentModel, 'deadlines' | 'responsibilities'>>;

/**
 * Compare a plan with the standard.
 *
 * @param model
 *   The plan's model (a `DocumentModel`, or any object with its `document`,
 *   `targets` and `coverage`, and optionally `deadlines` and `responsibilities`).
 * @param standard
 *   The standard in force (see `loadStandard`).
 * @returns
 *   The diff, entries and coverage in the standard's order.
 */
export function diffPlan(model: DiffInput, standard: Standard): PlanDiff {
  const deadlines = model.deadlines ?? [];
  const targetYear = findTargetYear(deadlines, model.targets);
  const targets = [...model.targets, ...targetsByReference(model.targets, deadlines, standard), ...targetsFromWording(model)];
  const sentences: Sentence[] = [
    ...model.targets.map((item) => ({ quote: item.quote, location: item.location })),
    ...(model.responsibilities ?? []).flatMap((item) => [{ quote: item.quote, location: item.location }, { quote: item.task, location: item.location }]),
    ...deadlines.map((item) => ({ quote: item.quote, location: item.location })),
  ];
  const entries: DiffEntry[] = [];
  const coverage: CoverageItem[] = [];
  const vetoes: VetoItem[] = [];
  for (const indicator of standard.indicators) {
    const stated = model.coverage[indicator.id];
    if (indicator.kind === 'qualitative') {
      if (indicator.veto) vetoes.push(judgeVeto(indicator, stated));
      else coverage.push(judgeCoverage(indicator, stated, sentences));
      continue;
    }
    const own = targets.filter((target) => target.indicator === indicator.id);
    const mentioned = stated?.covered ?? own.length > 0;
    const evidence = stated?.covered && stated.quote ? { quote: stated.quote, location: stated.location } : null;
    const otherMeasures = findOtherMeasures(indicator.id, model.targets);
    for (const level of selectLevels(indicator, own)) {
      const threshold = indicator.thresholds.find((item) => item.level === level)
        ?? indicator.thresholds.find((item) => item.level === 'all')!;
      // A county-wide row shows baselines of any level: they are for display and decide nothing.
      const applicable = own.filter((target) =>
        target.level === level || target.level === 'all' || (level === 'all' && target.kind === 'baseline'));
      entries.push(buildDiffEntry(indicator, level, threshold, applicable, { mentioned, targetYear, evidence, otherMeasures }));
    }
  }
  const summary = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
  for (const item of [...entries, ...coverage, ...vetoes]) summary[item.verdict] += 1;
  const gaps = [...entries, ...coverage].filter((item) => GAP_VERDICTS.includes(item.verdict)).length;
  const problems = listProblems(entries, coverage);
  const commitments = model.targets.filter((target) => target.kind === 'target');
  const undatedOnly = commitments.length > 0 && commitments.every((target) => target.year === null);
  const messages = problemMessages(problems);
  if (undatedOnly) {
    messages.unshift(message(`方案的目标均未注明年份${targetYear === null ? '' : `，按方案总目标${targetYear}年判定`}`, null));
  }
  for (const change of standard.looser ?? []) messages.unshift(message(`所用地方标准宽于国家标准：${change}`, null));
  return {
    document: model.document,
    standard: { id: standard.id, applied: standard.applied, looser: standard.looser ?? [] },
    targetYear,
    undatedOnly,
    entries,
    coverage,
    vetoes,
    summary,
    gaps,
    problems,
    messages,
  };
}

/** Deadlines that state the plan's overall goal (优质均衡, 督导评估, 认定, 验收). */
const GOAL = /优质均衡|督导评估|评估认定|审核认定|验收|认定/;

/**
 * The plan's overall target year: the latest end of its goal deadlines, else its
 * latest target year, else its latest deadline.
 *
 * @param deadlines
 *   The plan's deadlines.
 * @param targets
 *   Its targets.
 */
export function findTargetYear(deadlines: Deadline[], targets: Target[]): number | null {
  const year = (text: string | null) => (text === null ? null : Number(text.slice(0, 4)));
  const latest = (years: Array<number | null>) => {
    const known = years.filter((item): item is number => item !== null && Number.isFinite(item));
    return known.length > 0 ? Math.max(...known) : null;
  };
  return latest(deadlines.filter((item) => GOAL.test(item.label) || GOAL.test(item.quote)).map((item) => year(item.end)))
    ?? latest(targets.filter((item) => item.kind === 'target').map((item) => item.year))
    ?? latest(deadlines.map((item) => year(item.end)));
}

/** 到2027年，学校规模和班额达到国家标准要求: the items a deadline commits to the standard. */
const BY_REFERENCE = /(学校规模|规模|班额|大班额)[^，。；]{0,12}(达到|符合)国家(标准|规定)/;

/**
 * Targets stated only by reference to the standard, read from the plan's deadlines
 * (学校规模和班额达到国家标准要求 by 2027 → G4 and G5 at the standard's figures), for
 * an indicator the model gives no `byReference` target of its own.
 *
 * @param targets
 *   The model's targets.
 * @param deadlines
 *   Its deadlines.
 * @param standard
 *   The standard (its national figures are what the plan commits to).
 */
export function targetsByReference(targets: Target[], deadlines: Deadline[], standard: Standard): Target[] {
  const made: Target[] = [];
  for (const deadline of deadlines) {
    const match = BY_REFERENCE.exec(deadline.label);
    if (!match || deadline.end === null) continue;
    const ids = [...(/规模/.test(deadline.label) ? ['G4'] : []), ...(/班额/.test(deadline.label) ? ['G5'] : [])];
    for (const id of ids) {
      if (targets.some((target) => target.indicator === id && target.byReference === true)) continue;
      const indicator = standard.indicators.find((item) => item.id === id);
      if (!indicator) continue;
      for (const threshold of indicator.thresholds) {
        const national = threshold.national ?? { comparator: threshold.comparator, value: threshold.value };
        made.push({
          indicator: id, level: threshold.level, comparator: national.comparator, value: national.value, unit: indicator.unit,
          year: Number(deadline.end.slice(0, 4)), kind: 'target', quote: deadline.quote, location: deadline.location,
          hedge: /基本|原则上|力争|争取|逐步|努力/.exec(deadline.label)?.[0] ?? null, byReference: true,
        });
      }
    }
  }
  return made;
}

/** 项项达标、校校达标: every one of the seven resource items met at every school, stricter than R9's 6 items and 85%. */
const ALL_ITEMS_MET = /项项达标|校校达标/;

/**
 * Targets a plan states in words rather than figures: 项项达标、校校达标 is R9 at 100%
 * (stricter than the standard's 85%), for a plan that gives R9 no figure.
 *
 * @param model
 *   The plan.
 */
export function targetsFromWording(model: Pick<DiffInput, 'targets' | 'coverage'>): Target[] {
  if (model.targets.some((target) => target.indicator === 'R9' && target.kind === 'target')) return [];
  const sources = [
    ...model.targets.map((target) => ({ quote: target.quote, location: target.location, year: target.year })),
    ...(model.coverage.R9?.quote ? [{ quote: model.coverage.R9.quote, location: model.coverage.R9.location ?? {}, year: null }] : []),
  ];
  const source = sources.find((item) => ALL_ITEMS_MET.test(item.quote));
  if (!source) return [];
  return [{
    indicator: 'R9', level: 'all', comparator: '>=', value: 100, unit: '%', year: source.year, kind: 'target',
    quote: source.quote, location: source.location, hedge: null, quantity: '项项达标、校校达标',
  }];
}

/**
 * Targets of another measure of the same item (a 达标率 of 生均教学及辅助用房面积,
 * 继续教育经费 as a share of 工资总额): targets without an indicator whose figure
 * follows, nearest, a phrase naming this item's quantity.
 *
 * @param id
 *   The indicator.
 * @param targets
 *   The model's targets.
 */
export function findOtherMeasures(id: string, targets: Target[]): Target[] {
  const own = QUANTITY_PHRASES[id];
  if (!own) return [];
  return targets.filter((target) => {
    if (target.indicator !== null || target.kind !== 'target') return false;
    const at = findFigure(target.quote, target.value);
    if (at === -1) return false;
    const before = target.quote.slice(0, at);
    let nearest: { id: string; at: number } | null = null;
    for (const [other, pattern] of Object.entries(QUANTITY_PHRASES)) {
      const found = [...before.matchAll(new RegExp(pattern.source, 'g'))].pop();
      if (found && (nearest === null || found.index! > nearest.at)) nearest = { id: other, at: found.index! };
    }
    // The phrase must stand close before the figure, in the same clause group (no sentence end between).
    return nearest?.id === id && before.length - nearest.at <= 24 && !/[。；]/.test(before.slice(nearest.at));
  });
}

/**
 * The levels to judge: the standard's own, and where the standard gives one
 * county-wide (`all`) figure but the plan states levels separately, the plan's
 * target levels (each judged against the `all` threshold; `all` itself stays
 * only when the plan also states an `all` target, or states none).
 */
function selectLevels(indicator: StandardIndicator, targets: Target[]): Level[] {
  const own = indicator.thresholds.map((threshold) => threshold.level);
  if (!own.includes('all')) return own;
  const planLevels = [...new Set(targets.filter((target) => target.kind === 'target').map((target) => target.level))];
  const extra = planLevels.filter((level) => !own.includes(level));
  if (extra.length === 0) return own;
  const levels = new Set<Level>([...own.filter((level) => level !== 'all'), ...extra]);
  if (planLevels.includes('all')) levels.add('all');
  return LEVEL_ORDER.filter((level) => levels.has(level));
}

const LEVEL_ORDER: readonly Level[] = ['all', 'primary', 'junior', 'nineYear', 'twelveYear'];
