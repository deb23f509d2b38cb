/**
 * The national standard as versioned data, with province/city overlays that
 * override thresholds per indicator and level. Pure: the caller reads the
 * JSON files and hands over their parsed contents.
 */
import { z } from 'zod';
import { levelSchema } from './plan.ts';
import type { Level } from './plan.ts';

/** A standard's comparator: the plan's `≈` and `=` never appear in a standard. */
const thresholdComparatorSchema = z.enum(['>=', '>', '<=', '<']);

const thresholdSchema = z.object({
  level: levelSchema,
  comparator: thresholdComparatorSchema,
  value: z.number().finite(),
});

const indicatorSchema = z
  .object({
    id: z.string().min(1),
    area: z.string(),
    name: z.string().min(1),
    kind: z.enum(['numeric', 'qualitative']),
    unit: z.string().optional(),
    thresholds: z.array(thresholdSchema).optional(),
  })
  .refine((indicator) => indicator.kind === 'qualitative' || (indicator.thresholds?.length ?? 0) > 0, {
    message: 'a numeric indicator needs at least one threshold',
    path: ['thresholds'],
  });

/** The base standard file (corpus/standards/jiaodu-2017-6.json). */
export const baseStandardSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  docNumber: z.string().optional(),
  issuer: z.string().optional(),
  issued: z.string().optional(),
  notes: z.array(z.string()).optional(),
  indicators: z.array(indicatorSchema).min(1),
});

/** A province/city overlay: thresholds that replace (or add to) the base's, per indicator and level. */
export const overlaySchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  docNumber: z.string().optional(),
  issuer: z.string().optional(),
  issued: z.string().optional(),
  /** The id of the standard this overlay is written against, checked when given. */
  base: z.string().optional(),
  thresholds: z.array(thresholdSchema.extend({ indicator: z.string().min(1) })).min(1),
});

/** A standard's comparator. */
export type ThresholdComparator = z.infer<typeof thresholdComparatorSchema>;

/** One threshold in force, with the id of the standard that set it. */
export interface Threshold {
  level: Level;
  comparator: ThresholdComparator;
  value: number;
  /** Id of the standard (base or overlay) this threshold comes from. */
  source: string;
  /** Title of that standard (`县域义务教育优质均衡发展督导评估办法`, an overlay's title). */
  sourceTitle?: string;
  /** The national (base) threshold this one replaced, when an overlay set it; `null` when the base has none at this level. */
  national?: { comparator: ThresholdComparator; value: number } | null;
  /** Set when an overlay loosens or flips the national threshold (only with `allowLooser`). */
  looser?: boolean;
}

/** One indicator of the standard in force. */
export interface StandardIndicator {
  id: string;
  area: string;
  name: string;
  kind: 'numeric' | 'qualitative';
  /** A 一票否决 item (V1–V6, area 不予认定): the plan must forbid it; never a gap to fill. */
  veto: boolean;
  unit: string;
  /** Empty for qualitative indicators. */
  thresholds: Threshold[];
}

/** A standard document that was applied, base first. */
export interface AppliedStandard {
  id: string;
  title: string;
  docNumber: string | null;
}

/** The standard in force: the base with every overlay applied in order. */
export interface Standard {
  /** The applied ids joined with `+`, e.g. `jiaodu-2017-6+fujian-2021`. */
  id: string;
  /** Base first, then each overlay in the order applied. */
  applied: AppliedStandard[];
  indicators: StandardIndicator[];
  /** Thresholds an overlay loosened or flipped (only loaded with `allowLooser`), as `G14 全部学段: ≥ 50 → ≥ 40`. */
  looser: string[];
}

/** Options of `loadStandard`. */
export interface LoadStandardOptions {
  /** Accept an overlay that loosens or flips a national threshold (marked in every report); refused otherwise. */
  allowLooser?: boolean;
}

/** A standard or overlay file that does not validate; `issues` lists each problem with its path. */
export class StandardError extends Error {
  /** One `path: message` line per problem. */
  readonly issues: string[];

  /**
   * @param what
   *   Which file failed (`base`, `overlay 1`).
   * @param issues
   *   One `path: message` line per problem.
   */
  constructor(what: string, issues: string[]) {
    super(`Invalid standard (${what}): ${issues.join('; ')}`);
    this.name = 'StandardError';
    this.issues = issues;
  }
}

/**
 * Build the standard in force from the base standard and overlays.
 *
 * @param base
 *   The parsed base standard JSON (e.g. `corpus/standards/jiaodu-2017-6.json`).
 * @param overlays
 *   Parsed overlay JSONs, applied in order: a later overlay overrides an earlier one
 *   for the same indicator and level.
 * @returns
 *   The standard, naming every document applied.
 * @throws {StandardError}
 *   When a file does not validate, or an overlay names an unknown indicator, a
 *   qualitative one, or a different base.
 */
export function loadStandard(base: unknown, overlays: unknown[], options: LoadStandardOptions = {}): Standard {
  const parsed = validate(baseStandardSchema, base, 'base');
  const indicators: StandardIndicator[] = parsed.indicators.map((indicator) => ({
    id: indicator.id,
    area: indicator.area,
    name: indicator.name,
    kind: indicator.kind,
    veto: indicator.kind === 'qualitative' && (indicator.area === '不予认定' || /^V\d/.test(indicator.id)),
    unit: indicator.unit ?? '',
    thresholds: (indicator.thresholds ?? []).map((threshold) => ({ ...threshold, source: parsed.id, sourceTitle: parsed.title })),
  }));
  const looser: string[] = [];
  const applied: AppliedStandard[] = [{ id: parsed.id, title: parsed.title, docNumber: parsed.docNumber ?? null }];
  overlays.forEach((raw, index) => {
    const what = `overlay ${index + 1}`;
    const overlay = validate(overlaySchema, raw, what);
    if (overlay.base !== undefined && overlay.base !== parsed.id) {
      throw new StandardError(what, [`base: overlay is written against ${overlay.base}, not ${parsed.id}`]);
    }
    applyOverlay(indicators, overlay, what, options.allowLooser === true, looser);
    applied.push({ id: overlay.id, title: overlay.title, docNumber: overlay.docNumber ?? null });
  });
  return { id: applied.map((item) => item.id).join('+'), applied, indicators, looser };
}

const SYMBOL: Record<ThresholdComparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };
const LEVEL_NAMES: Record<Level, string> = { all: '全部学段', primary: '小学', junior: '初中', nineYear: '九年一贯制', twelveYear: '十二年一贯制' };

/**
 * Whether a threshold asks less than the national one: the other direction, or a
 * bound that lets more through (a lower minimum, a higher maximum, an inclusive
 * bound where the national one is exclusive).
 */
export function isLooser(
  threshold: { comparator: ThresholdComparator; value: number },
  national: { comparator: ThresholdComparator; value: number },
): boolean {
  const up = (comparator: ThresholdComparator) => comparator === '>=' || comparator === '>';
  if (up(threshold.comparator) !== up(national.comparator)) return true;
  if (threshold.value !== national.value) return up(national.comparator) ? threshold.value < national.value : threshold.value > national.value;
  const exclusive = (comparator: ThresholdComparator) => comparator === '>' || comparator === '<';
  return exclusive(national.comparator) && !exclusive(threshold.comparator);
}

function applyOverlay(
  indicators: StandardIndicator[],
  overlay: z.infer<typeof overlaySchema>,
  what: string,
  allowLooser: boolean,
  looser: string[],
): void {
  const problems: string[] = [];
  overlay.thresholds.forEach((override, index) => {
    const indicator = indicators.find((item) => item.id === override.indicator);
    if (!indicator) return void problems.push(`thresholds.${index}.indicator: unknown indicator ${override.indicator}`);
    if (indicator.kind === 'qualitative') {
      return void problems.push(`thresholds.${index}.indicator: ${override.indicator} is qualitative and has no threshold`);
    }
    const at = indicator.thresholds.findIndex((item) => item.level === override.level);
    const previous = at === -1 ? undefined : indicator.thresholds[at]!;
    const national = previous === undefined ? null : previous.national === undefined || previous.national === null
      ? { comparator: previous.comparator, value: previous.value }
      : previous.national;
    const threshold: Threshold = {
      level: override.level,
      comparator: override.comparator,
      value: override.value,
      source: overlay.id,
      sourceTitle: overlay.title,
      national,
    };
    if (national !== null && isLooser(threshold, national)) {
      const change = `${override.indicator} ${LEVEL_NAMES[override.level]}: ${SYMBOL[national.comparator]} ${national.value} → ${SYMBOL[override.comparator]} ${override.value}`;
      if (!allowLooser) {
        return void problems.push(`thresholds.${index}: 宽于国家标准（${change}），如确需采用请加 --allow-looser`);
      }
      threshold.looser = true;
      looser.push(`${change}（${overlay.title}）`);
    }
    if (at === -1) indicator.thresholds.push(threshold);
    else indicator.thresholds[at] = threshold;
  });
  if (problems.length > 0) throw new StandardError(what, problems);
}

function validate<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new StandardError(
    what,
    result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`),
  );
}
