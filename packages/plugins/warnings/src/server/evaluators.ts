/**
 * One evaluator per rule kind: given the rule's targets, it reads what it needs in a fixed number
 * of calls (one facts query per rule, two for a drop; one deadlines call; one indicator call; the
 * diary per county) and returns the findings — (target, subject, summary, evidence) — plus which
 * existing warnings of the rule it looked at again (`covers`), so the caller can tell a cleared
 * condition from one that was simply not evaluated this time.
 *
 * A rule naming a metric, deadline source or indicator that no installed plugin provides is
 * `NotEvaluable` (reported, never a crash).
 */
import {
  SifaError,
  addDays,
  isSifaError,
  periodOf,
  periodRange,
  previousPeriod,
  type Deadline,
  type LocalizedText,
  type MetricDefinition,
  type OrgNode,
  type ScopedServices,
  type SignalsService,
} from '@sifa/core';
import type { WarningEvidence } from '../types.js';
import type { WarningRuleParams } from '../schemas.js';
import { targetLookup } from './targets.js';
import type { RuleLabels } from './schema.js';
import { daysBetween } from './calendar-day.js';
import { approachingSummary, dayUnit, diarySummary, dropSummary, overdueSummary, percentUnit, thresholdSummary } from './texts.js';

export interface EvaluationEnv {
  scoped: ScopedServices;
  /** The evaluation day (YYYY-MM-DD, the installation's time zone). */
  today: string;
  /**
   * Metric definitions when the caller has the platform catalog (procedures); null where it does
   * not (jobs, seeds): an unknown metric then shows as the facts API's refusal.
   */
  metrics: ReadonlyMap<string, MetricDefinition> | null;
  signals: ReturnType<SignalsService['catalog']>;
  /** Years without an official holiday arrangement met on the way (reported with the result). */
  uncovered: Set<number>;
}

export interface Finding {
  target: OrgNode;
  subject: string;
  summary: LocalizedText;
  evidence: WarningEvidence;
}

export interface ExistingWarning {
  orgCode: string;
  subject: string;
  evidence: WarningEvidence;
}

export interface RuleOutcome {
  findings: Finding[];
  /** True when this evaluation looked at the warning's subject again (absent from findings = cleared). */
  covers(warning: ExistingWarning): boolean;
}

export class NotEvaluable extends Error {
  constructor(readonly reason: LocalizedText) {
    super(reason.en);
    this.name = 'NotEvaluable';
  }
}

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

const unknownMetric = (metric: string) =>
  new NotEvaluable(t(`没有已安装的插件声明指标 ${metric}（提供它的插件可能未安装或已卸载）。`, `No installed plugin declares the metric ${metric} (the plugin providing it may not be installed).`));

/** The period a rule looks at: the last whole one before `today`, or the one running. */
function periodFor(today: string, kind: 'month' | 'quarter' | 'year', of: 'completed' | 'current'): { period: string; from: string; to: string; asOf: string | null } {
  const running = periodOf(today, kind);
  const period = of === 'current' ? running : previousPeriod(running);
  const range = periodRange(period);
  return of === 'current' ? { period, from: range.from, to: today, asOf: today } : { period, from: range.from, to: range.to, asOf: null };
}

/** The metric's words: the live catalogue's, else what the rule saved, else its code. */
function metricLabels(env: EvaluationEnv, metric: string, saved: RuleLabels | null): { what: LocalizedText; unit: LocalizedText | null; aggregation: 'sum' | 'max' | 'min' } {
  if (env.metrics) {
    const def = env.metrics.get(metric);
    if (!def) throw unknownMetric(metric);
    return { what: def.title, unit: def.unit, aggregation: def.aggregation ?? 'sum' };
  }
  const label = saved?.metric;
  return { what: label?.title ?? t(metric, metric), unit: label?.unit ?? null, aggregation: label?.aggregation ?? 'sum' };
}

/** Per target: the metric's value over [from, to] in its subtree (one query for all targets). */
async function metricByTarget(env: EvaluationEnv, root: OrgNode, targets: readonly OrgNode[], metric: string, from: string, to: string, aggregation: 'sum' | 'max' | 'min'): Promise<Map<string, number>> {
  let rows;
  try {
    rows = (await env.scoped.facts.query({ metrics: [metric], orgCode: root.code, from, to, groupBy: 'org' })).rows;
  } catch (error) {
    // Without the catalog (jobs), the facts API is what says a metric is unknown.
    if (isSifaError(error) && error.sifaCode === 'VALIDATION_FAILED' && error.issues.some((i) => i.path === 'metric')) throw unknownMetric(metric);
    throw error;
  }
  const targetOf = targetLookup(targets);
  const values = new Map<string, number>();
  for (const row of rows) {
    const target = targetOf(row.key);
    if (!target) continue;
    const before = values.get(target.code);
    values.set(target.code, before === undefined ? row.value : aggregation === 'sum' ? before + row.value : aggregation === 'max' ? Math.max(before, row.value) : Math.min(before, row.value));
  }
  // No facts: nothing was done (0) for a sum; unknown for a max or min.
  if (aggregation === 'sum') for (const target of targets) if (!values.has(target.code)) values.set(target.code, 0);
  return values;
}

type Params<K extends WarningRuleParams['kind']> = Extract<WarningRuleParams, { kind: K }>;

async function metricThreshold(env: EvaluationEnv, root: OrgNode, targets: readonly OrgNode[], p: Params<'metric-threshold'>, saved: RuleLabels | null): Promise<RuleOutcome> {
  const labels = metricLabels(env, p.metric, saved);
  const { period, from, to, asOf } = periodFor(env.today, p.period, p.periodOf);
  const values = await metricByTarget(env, root, targets, p.metric, from, to, labels.aggregation);
  const findings: Finding[] = [];
  for (const target of targets) {
    const value = values.get(target.code);
    if (value === undefined) continue;
    const crossed = p.comparison === 'below' ? value < p.threshold : value > p.threshold;
    if (!crossed) continue;
    findings.push({
      target,
      subject: period,
      summary: thresholdSummary({ what: labels.what, unit: labels.unit, period, asOf, value, line: p.threshold, comparison: p.comparison }),
      evidence: { value, line: p.threshold, unit: labels.unit, window: period, items: [] },
    });
  }
  return { findings, covers: (w) => w.subject === period && values.has(w.orgCode) };
}

async function metricDrop(env: EvaluationEnv, root: OrgNode, targets: readonly OrgNode[], p: Params<'metric-drop'>, saved: RuleLabels | null): Promise<RuleOutcome> {
  const labels = metricLabels(env, p.metric, saved);
  // Whole periods only: a running period against a whole one always looks like a drop.
  const period = previousPeriod(periodOf(env.today, p.period));
  const before = previousPeriod(period);
  const [current, previous] = [
    await metricByTarget(env, root, targets, p.metric, periodRange(period).from, periodRange(period).to, labels.aggregation),
    await metricByTarget(env, root, targets, p.metric, periodRange(before).from, periodRange(before).to, labels.aggregation),
  ];
  const findings: Finding[] = [];
  const compared = new Set<string>();
  for (const target of targets) {
    const now = current.get(target.code);
    const then = previous.get(target.code);
    if (now === undefined || then === undefined || then <= 0 || then < p.minPrevious) continue;
    compared.add(target.code);
    const drop = ((then - now) / then) * 100;
    if (drop < p.dropPercent) continue;
    const rounded = Math.round(drop * 10) / 10;
    findings.push({
      target,
      subject: period,
      summary: dropSummary({ what: labels.what, unit: labels.unit, period, previousPeriod: before, current: now, previous: then, drop: rounded, line: p.dropPercent }),
      evidence: {
        value: rounded,
        line: p.dropPercent,
        unit: percentUnit,
        window: period,
        items: [
          { id: before, label: t(`${before}：${then}${labels.unit?.zh ?? ''}`, `${before}: ${then}${labels.unit ? ` ${labels.unit.en}` : ''}`), day: null },
          { id: period, label: t(`${period}：${now}${labels.unit?.zh ?? ''}`, `${period}: ${now}${labels.unit ? ` ${labels.unit.en}` : ''}`), day: null },
        ],
      },
    });
  }
  return { findings, covers: (w) => w.subject === period && compared.has(w.orgCode) };
}

/**
 * Which (office, day) pairs have a diary entry in [from, to]: the facts of `diary.entries` grouped
 * by org and day, one query per root.
 */
export async function diaryDays(env: Pick<EvaluationEnv, 'scoped'>, roots: readonly string[], targets: readonly OrgNode[], from: string, to: string): Promise<Set<string>> {
  const targetOf = targetLookup(targets);
  const seen = new Set<string>();
  for (const root of roots) {
    let rows;
    try {
      rows = (await env.scoped.facts.query({ metrics: ['diary.entries'], orgCode: root, from, to, groupBy: 'org-day' })).rows;
    } catch (error) {
      if (isSifaError(error) && error.sifaCode === 'VALIDATION_FAILED' && error.issues.some((i) => i.path === 'metric')) {
        throw new NotEvaluable(t('工作日志插件未安装：没有 diary.entries 指标，无法判断缺报。', 'The diary plugin is not installed: without the diary.entries metric, missing days cannot be told.'));
      }
      throw error;
    }
    for (const row of rows) {
      if (row.value <= 0) continue;
      const [orgCode, day] = row.key.split('|') as [string, string];
      const target = targetOf(orgCode);
      if (target) seen.add(`${target.code}|${day}`);
    }
  }
  return seen;
}

async function diaryMissing(env: EvaluationEnv, root: OrgNode, targets: readonly OrgNode[], p: Params<'diary-missing'>): Promise<RuleOutcome> {
  if (env.metrics && !env.metrics.has('diary.entries')) {
    throw new NotEvaluable(t('工作日志插件未安装：没有 diary.entries 指标，无法判断缺报。', 'The diary plugin is not installed: without the diary.entries metric, missing days cannot be told.'));
  }
  // Today is not over: the window ends on the last working day before it.
  const calendar = env.scoped.calendar;
  const to = calendar.addWorkingDays(env.today, -1);
  const from = calendar.addWorkingDays(to, -(p.windowWorkingDays - 1));
  for (const year of calendar.uncoveredYears(from, to)) env.uncovered.add(year);
  const days = calendar.workingDaysBetween(from, to);
  const subject = to.slice(0, 7);
  // One query for the whole root the rule is evaluated under.
  const seen = await diaryDays(env, [root.code], targets, from, to);
  const findings: Finding[] = [];
  for (const target of targets) {
    const missing = days.filter((day) => !seen.has(`${target.code}|${day}`));
    if (missing.length <= p.toleratedDays) continue;
    findings.push({
      target,
      subject,
      summary: diarySummary({ window: days.length, from, to, missing: missing.length, tolerated: p.toleratedDays }),
      evidence: { value: missing.length, line: p.toleratedDays, unit: dayUnit, window: `${from}/${to}`, items: missing.map((day) => ({ id: day, label: t(day, day), day })) },
    });
  }
  return { findings, covers: (w) => w.subject === subject };
}

function requireSources(env: EvaluationEnv, sources: readonly string[]): void {
  const installed = new Set(env.signals.deadlineSources.map((s) => s.code));
  const missing = sources.filter((s) => !installed.has(s));
  if (missing.length > 0) {
    throw new NotEvaluable(t(`没有已安装的插件提供期限来源 ${missing.join('、')}。`, `No installed plugin provides the deadline source${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`));
  }
}

const deadlineSubject = (d: Deadline) => `${d.source}:${d.id}`;

/** Covers the warnings of `sources` whose recorded due day lies in [from, to] (later or earlier ones were not asked for). */
function coversDeadlines(sources: readonly string[] | null, from: string, to: string) {
  return (w: ExistingWarning) => {
    const source = w.subject.slice(0, w.subject.indexOf(':'));
    if (sources && !sources.includes(source)) return false;
    const due = w.evidence.items[0]?.day;
    return due !== undefined && due !== null && due >= from && due <= to;
  };
}

async function planOverdue(env: EvaluationEnv, _root: OrgNode, targets: readonly OrgNode[], p: Params<'plan-overdue'>): Promise<RuleOutcome> {
  requireSources(env, [p.source]);
  const from = addDays(env.today, -p.lookbackDays);
  // Overdue by more than graceDays: due before today − graceDays.
  const to = addDays(env.today, -(p.graceDays + 1));
  if (from > to) return { findings: [], covers: () => false };
  const deadlines = await env.scoped.signals.deadlines({ from, to, sources: [p.source] });
  const targetOf = targetLookup(targets);
  const findings: Finding[] = [];
  for (const d of deadlines) {
    const target = targetOf(d.orgCode);
    if (!target) continue;
    const days = daysBetween(d.due, env.today);
    findings.push({
      target,
      subject: deadlineSubject(d),
      summary: overdueSummary({ title: d.title, due: d.due, days }),
      evidence: { value: days, line: p.graceDays, unit: dayUnit, window: d.due, items: [{ id: d.id, label: d.title, day: d.due }] },
    });
  }
  return { findings, covers: coversDeadlines([p.source], from, to) };
}

async function scoreBelow(env: EvaluationEnv, _root: OrgNode, targets: readonly OrgNode[], p: Params<'score-below'>): Promise<RuleOutcome> {
  const indicator = env.signals.indicators.find((i) => i.code === p.indicator);
  if (!indicator) throw new NotEvaluable(t(`没有已安装的插件提供指标 ${p.indicator}。`, `No installed plugin provides the indicator ${p.indicator}.`));
  const { period, asOf } = periodFor(env.today, p.period, p.periodOf);
  const values = targets.length === 0 ? new Map<string, number>() : await env.scoped.signals.indicator(p.indicator, { orgCodes: targets.map((x) => x.code), period });
  const findings: Finding[] = [];
  for (const target of targets) {
    const value = values.get(target.code);
    if (value === undefined || !(value < p.threshold)) continue;
    findings.push({
      target,
      subject: period,
      summary: thresholdSummary({ what: indicator.title, unit: indicator.unit, period, asOf, value, line: p.threshold, comparison: 'below' }),
      evidence: { value, line: p.threshold, unit: indicator.unit, window: period, items: [] },
    });
  }
  return { findings, covers: (w) => w.subject === period && values.has(w.orgCode) };
}

async function deadlineApproaching(env: EvaluationEnv, _root: OrgNode, targets: readonly OrgNode[], p: Params<'deadline-approaching'>): Promise<RuleOutcome> {
  if (p.sources.length > 0) requireSources(env, p.sources);
  const sources = p.sources.length > 0 ? p.sources : env.signals.deadlineSources.map((s) => s.code);
  if (sources.length === 0) return { findings: [], covers: () => false };
  const from = addDays(env.today, -p.lookbackDays);
  const to = env.scoped.calendar.addWorkingDays(env.today, p.withinWorkingDays);
  for (const year of env.scoped.calendar.uncoveredYears(env.today, to)) env.uncovered.add(year);
  const deadlines = await env.scoped.signals.deadlines({ from, to, sources });
  const targetOf = targetLookup(targets);
  const findings: Finding[] = [];
  for (const d of deadlines) {
    const target = targetOf(d.orgCode);
    if (!target) continue;
    const daysLeft = daysBetween(env.today, d.due);
    findings.push({
      target,
      subject: deadlineSubject(d),
      summary: approachingSummary({ title: d.title, due: d.due, daysLeft, basis: d.basis }),
      evidence: { value: daysLeft, line: null, unit: dayUnit, window: d.due, items: [{ id: d.id, label: d.title, day: d.due }] },
    });
  }
  return { findings, covers: coversDeadlines(sources, from, to) };
}

export async function evaluateRule(env: EvaluationEnv, root: OrgNode, targets: readonly OrgNode[], params: WarningRuleParams, saved: RuleLabels | null = null): Promise<RuleOutcome> {
  switch (params.kind) {
    case 'metric-threshold':
      return metricThreshold(env, root, targets, params, saved);
    case 'metric-drop':
      return metricDrop(env, root, targets, params, saved);
    case 'diary-missing':
      return diaryMissing(env, root, targets, params);
    case 'plan-overdue':
      return planOverdue(env, root, targets, params);
    case 'score-below':
      return scoreBelow(env, root, targets, params);
    case 'deadline-approaching':
      return deadlineApproaching(env, root, targets, params);
    default: {
      const unknown: never = params;
      throw new SifaError('INTERNAL', { details: { kind: String((unknown as { kind?: unknown }).kind) } });
    }
  }
}
