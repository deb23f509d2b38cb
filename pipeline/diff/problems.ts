/**
 * A plan's 问题清单 and its messages: every gap in Chinese, most serious first
 * (未达标准, 表述留有余地, 前后不一, 未设目标, then the qualitative items), each with
 * the anchor of its row in the report and the plan's place.
 */
import type { Comparator, Level, Location, PlanMessage } from '../../model/plan.ts';
import type { CoverageItem, DiffEntry, PlanPoint, Problem, Verdict } from '../../model/diff.ts';
import { formatNumberText } from './number.ts';

const LEVELS: Record<Level, string> = { all: '全部学段', primary: '小学', junior: '初中', nineYear: '九年一贯制', twelveYear: '十二年一贯制' };
const SYMBOLS: Record<Comparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '≈': '≈', '=': '=' };
const ORDER: Verdict[] = ['weaker', 'hedged', 'conflicting', 'missing', 'notCovered', 'partial'];

/** `≥ 0.9 人`, `≤ 55 人`, `≥ 85%`. */
export function describeBound(comparator: Comparator, value: number, unit: string): string {
  const number = formatNumberText(value);
  return `${SYMBOLS[comparator]} ${unit === '' ? number : unit === '%' ? `${number}%` : `${number} ${unit}`}`;
}

/** The anchor of a numeric entry's row in report.html. */
export function entryAnchor(indicator: string, level: Level): string {
  return `v-${indicator.replace(/\./g, '-')}-${level}`;
}

/** The anchor of a qualitative item's row in report.html. */
export function coverageAnchor(indicator: string): string {
  return `c-${indicator.replace(/\./g, '-')}`;
}

function yearText(point: PlanPoint): string {
  if (point.year !== null) return `${point.year}年`;
  return point.impliedYear === null ? '未注明年份' : `未注明年份，方案总目标${point.impliedYear}年`;
}

/**
 * The shortfalls of a diff, most serious first.
 *
 * @param entries
 *   The numeric entries.
 * @param coverage
 *   The qualitative items.
 * @returns
 *   The problems.
 */
export function listProblems(entries: DiffEntry[], coverage: CoverageItem[]): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    const clause = `${entry.indicator} ${entry.name}（${LEVELS[entry.level]}）`;
    const expected = `标准 ${describeBound(entry.expected.comparator, entry.expected.value, entry.expected.unit)}`;
    const anchor = entryAnchor(entry.indicator, entry.level);
    const at = entry.actual;
    if (entry.verdict === 'weaker' && at) {
      problems.push({ verdict: 'weaker', indicator: entry.indicator, anchor, location: at.location,
        text: `${clause}未达标准：方案 ${describeBound(at.comparator, at.value, at.unit)}（${yearText(at)}），${expected}` });
    } else if (entry.verdict === 'hedged' && at) {
      problems.push({ verdict: 'hedged', indicator: entry.indicator, anchor, location: at.location,
        text: `${clause}表述留有余地：“${at.hedge}”${describeBound(at.comparator, at.value, at.unit)}（${yearText(at)}），不计为达到标准` });
    } else if (entry.verdict === 'conflicting') {
      const values = entry.conflicting.map((item) => `${describeBound(item.comparator, item.value, item.unit)}（${yearText(item)}）`).join('、');
      problems.push({ verdict: 'conflicting', indicator: entry.indicator, anchor, location: entry.conflicting[0]?.location ?? null,
        text: `${clause}前后不一：${values}` });
    } else if (entry.verdict === 'missing') {
      const other = entry.otherMeasures.length > 0 ? '，方案另设指标' : entry.mentioned ? '，方案提及此项但未给出数值' : '';
      problems.push({ verdict: 'missing', indicator: entry.indicator, anchor, location: entry.evidence?.location ?? entry.otherMeasures[0]?.location ?? null,
        text: `${clause}未设目标（${expected}）${other}` });
    }
  }
  for (const item of coverage) {
    const anchor = coverageAnchor(item.indicator);
    if (item.verdict === 'notCovered') {
      problems.push({ verdict: 'notCovered', indicator: item.indicator, anchor, location: item.rejected?.location ?? null,
        text: `${item.indicator} ${item.name}：未覆盖${item.rejected ? '（所引原文未写明此项）' : ''}` });
    } else if (item.verdict === 'partial') {
      const missing = item.parts.filter((part) => !part.stated).map((part) => part.label).join('、');
      problems.push({ verdict: 'partial', indicator: item.indicator, anchor, location: item.location,
        text: `${item.indicator} ${item.name}：部分覆盖，未写明${missing}` });
    }
  }
  return problems.sort((a, b) => ORDER.indexOf(a.verdict) - ORDER.indexOf(b.verdict));
}

/**
 * The problems as document messages (the 提示信息 of a report), in Chinese, without rule ids.
 *
 * @param problems
 *   The problems.
 */
export function problemMessages(problems: Problem[]): PlanMessage[] {
  return problems.map((problem) => message(problem.text, problem.location));
}

/** A message of the diff about the plan as a whole. */
export function message(reason: string, location: Location | null): PlanMessage {
  return { reason, fatal: false, ruleId: null, source: 'plancheck:diff', line: location?.line ?? null, column: location?.column ?? null };
}
