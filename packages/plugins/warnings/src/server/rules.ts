/**
 * Rules as data: create, update (whole rule, against the revision the editor started from),
 * delete (only while no warning refers to it; disable it otherwise) and list. Every rule is
 * checked beyond its zod shape: its owner is a county or above, it warns a level below the
 * owner, and the metric, deadline source or indicator it names is provided by an installed
 * plugin (the demo seed, which has no catalogue, skips that last check; the evaluation reports
 * such a rule as not evaluable).
 */
import { createHash } from 'node:crypto';
import { and, count, eq, ne, or, sql } from 'drizzle-orm';
import {
  SifaError,
  orgLevels,
  pickText,
  type Actor,
  type FieldIssue,
  type Locale,
  type MetricDefinition,
  type OrgNode,
  type ScopedServices,
  type SifaDb,
} from '@sifa/core';
import { inSubtree } from '@sifa/core/db';
import type { WarningRule } from '../types.js';
import type { WarningRuleInput } from '../schemas.js';
import { isRule, warningRules, warnings, type RuleLabels, type WarningRuleRow } from './schema.js';

export interface RuleContext {
  scoped: ScopedServices;
  locale: Locale;
  now: Date;
  /** The installed metrics (procedures have them); null skips the metric and signal checks (seed). */
  metrics: ReadonlyMap<string, MetricDefinition> | null;
}

const depth = (level: string) => orgLevels.indexOf(level as (typeof orgLevels)[number]);

export function ruleOf(row: WarningRuleRow, actor: Actor): WarningRule {
  return {
    id: row.id,
    orgCode: row.orgCode,
    title: row.title,
    targetLevel: row.targetLevel,
    severity: row.severity,
    enabled: row.enabled,
    demo: row.demo,
    params: row.params,
    revision: row.revision,
    editable: row.orgPath.startsWith(actor.scope.orgPath),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Rules that apply in `root`'s subtree: owned at or above it (inherited) or inside it. */
export async function listRules(db: SifaDb, root: OrgNode, actor: Actor): Promise<WarningRule[]> {
  const rows = await db
    .select()
    .from(warningRules)
    .where(and(ne(warningRules.kind, 'calendar-data'), or(sql`${root.path} LIKE ${warningRules.orgPath} || '%'`, inSubtree(warningRules.orgPath, root.path))))
    .orderBy(warningRules.orgPath, warningRules.createdAt, warningRules.id);
  return rows.filter(isRule).map((r) => ruleOf(r, actor));
}

const list = (codes: readonly string[]) => (codes.length === 0 ? '—' : codes.length > 12 ? `${codes.slice(0, 12).join(', ')} …` : codes.join(', '));

/** Field issues of a rule beyond its shape (empty when it is fine). */
function ruleIssues(ctx: RuleContext, owner: OrgNode, input: WarningRuleInput): FieldIssue[] {
  const say = (zh: string, en: string) => pickText({ zh, en }, ctx.locale);
  const issues: FieldIssue[] = [];
  if (depth(owner.level) > depth('county')) {
    issues.push({ path: 'orgCode', message: say('预警规则须由旗县区及以上单位制定。', 'Warning rules are owned by a county or a level above it.') });
  }
  if (depth(input.targetLevel) <= depth(owner.level)) {
    issues.push({ path: 'targetLevel', message: say('预警对象须是制定单位的下级（司法所或旗县区）。', 'A rule warns a level below its owner (offices or counties).') });
  }
  const p = input.params;
  if (p.kind === 'diary-missing' && input.targetLevel !== 'office') {
    issues.push({ path: 'targetLevel', message: say('工作日志缺报只能对司法所预警。', 'Missing diary days warn judicial offices only.') });
  }
  if (p.kind === 'plan-overdue' && p.lookbackDays <= p.graceDays) {
    issues.push({ path: 'params.lookbackDays', message: say('回溯天数应大于宽限天数。', 'Look back further than the grace days.') });
  }
  if (!ctx.metrics) return issues;
  const metrics = ctx.metrics;
  const signals = ctx.scoped.signals.catalog();
  const sources = signals.deadlineSources.map((s) => s.code);
  const indicators = signals.indicators.map((i) => i.code);
  if ((p.kind === 'metric-threshold' || p.kind === 'metric-drop') && !metrics.has(p.metric)) {
    issues.push({ path: 'params.metric', message: say(`没有已安装的插件声明指标 ${p.metric}。可选：${list([...metrics.keys()])}`, `No installed plugin declares the metric ${p.metric}. Installed: ${list([...metrics.keys()])}`) });
  }
  if (p.kind === 'diary-missing' && !metrics.has('diary.entries')) {
    issues.push({ path: 'params.kind', message: say('工作日志插件未安装，无法判断日志缺报。', 'The diary plugin is not installed: missing diary days cannot be told.') });
  }
  if (p.kind === 'plan-overdue' && !sources.includes(p.source)) {
    issues.push({ path: 'params.source', message: say(`没有已安装的插件提供期限来源 ${p.source}。可选：${list(sources)}`, `No installed plugin provides the deadline source ${p.source}. Installed: ${list(sources)}`) });
  }
  if (p.kind === 'deadline-approaching') {
    p.sources.forEach((s, i) => {
      if (!sources.includes(s)) issues.push({ path: `params.sources.${i}`, message: say(`没有已安装的插件提供期限来源 ${s}。可选：${list(sources)}`, `No installed plugin provides the deadline source ${s}. Installed: ${list(sources)}`) });
    });
  }
  if (p.kind === 'score-below' && !indicators.includes(p.indicator)) {
    issues.push({ path: 'params.indicator', message: say(`没有已安装的插件提供指标 ${p.indicator}。可选：${list(indicators)}`, `No installed plugin provides the indicator ${p.indicator}. Installed: ${list(indicators)}`) });
  }
  return issues;
}

function check(ctx: RuleContext, owner: OrgNode, input: WarningRuleInput): void {
  const issues = ruleIssues(ctx, owner, input);
  if (issues.length > 0) throw new SifaError('VALIDATION_FAILED', { issues });
}

const ruleNotFound = (id: string) =>
  new SifaError('NOT_FOUND', { message: { zh: '找不到这条预警规则，或它不在您的管辖范围内。', en: 'This warning rule was not found, or it is outside the area you manage.' }, details: { ruleId: id } });

async function lockRule(ctx: RuleContext, id: string): Promise<WarningRuleRow> {
  // Read first: a rule inherited from above is visible but not lockable here (the update policy hides it).
  const [seen] = await ctx.scoped.db.select({ orgPath: warningRules.orgPath }).from(warningRules).where(eq(warningRules.id, id));
  if (!seen) throw ruleNotFound(id);
  if (!seen.orgPath.startsWith(ctx.scoped.actor.scope.orgPath)) {
    throw new SifaError('FORBIDDEN', {
      message: { zh: '这条预警规则由上级单位制定，您只能查看，不能修改或删除。', en: 'This rule is owned by a level above you: you can read it, not change or delete it.' },
      details: { ruleId: id },
    });
  }
  const [row] = await ctx.scoped.db.select().from(warningRules).where(eq(warningRules.id, id)).for('update');
  // A built-in check's row is the plugin's own, not a rule.
  if (!row || !isRule(row)) throw ruleNotFound(id);
  return row;
}

/** A stable UUID for a demo rule's key, so seeding again finds the rule it made. */
export function demoRuleId(key: string): string {
  const h = createHash('sha256').update(`warnings.demo:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** What the rule keeps of the catalogue (for evaluations without one); `fallback` where there is no catalogue (seed). */
function labelsOf(ctx: RuleContext, input: WarningRuleInput, fallback: RuleLabels | null): RuleLabels | null {
  const p = input.params;
  if (p.kind !== 'metric-threshold' && p.kind !== 'metric-drop') return null;
  const def = ctx.metrics?.get(p.metric);
  if (!def) return fallback;
  return { metric: { title: def.title, unit: def.unit, aggregation: def.aggregation ?? 'sum' } };
}

export async function createRule(ctx: RuleContext, input: WarningRuleInput, extra: { id?: string; demo?: boolean; labels?: RuleLabels } = {}): Promise<WarningRule> {
  const { scoped } = ctx;
  const owner = await scoped.orgs.get(input.orgCode ?? scoped.actor.scope.orgCode);
  check(ctx, owner, input);
  const [row] = await scoped.db
    .insert(warningRules)
    .values({
      ...(extra.id ? { id: extra.id } : {}),
      orgCode: owner.code,
      orgPath: owner.path,
      title: input.title,
      kind: input.params.kind,
      params: input.params,
      labels: labelsOf(ctx, input, extra.labels ?? null),
      targetLevel: input.targetLevel,
      severity: input.severity,
      enabled: input.enabled ?? true,
      demo: extra.demo ?? false,
      createdBy: scoped.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  await scoped.audit.record({ action: 'warnings.rule.create', orgCode: owner.code, entity: 'warnings_rules', entityId: row!.id, after: input });
  return ruleOf(row as WarningRuleRow, scoped.actor);
}

export async function updateRule(ctx: RuleContext, input: WarningRuleInput & { id: string; revision: number }): Promise<WarningRule> {
  const { scoped } = ctx;
  const before = await lockRule(ctx, input.id);
  if (input.revision !== before.revision) {
    throw new SifaError('CONFLICT', {
      message: {
        zh: `规则已被他人修改（您编辑的是第 ${input.revision} 版，当前是第 ${before.revision} 版），请刷新后再改。`,
        en: `The rule was changed meanwhile (you edited revision ${input.revision}; it is now at ${before.revision}). Reload it and apply your changes again.`,
      },
      details: { ruleId: input.id, revision: input.revision, currentRevision: before.revision },
    });
  }
  const say = (zh: string, en: string) => pickText({ zh, en }, ctx.locale);
  const fixed: FieldIssue[] = [];
  if (input.orgCode !== undefined && input.orgCode !== before.orgCode) fixed.push({ path: 'orgCode', message: say('规则的制定单位不能更改；请在该单位新建规则。', "A rule's owner cannot change; create the rule at that org instead.") });
  if (input.params.kind !== before.kind) fixed.push({ path: 'params.kind', message: say('规则类型不能更改；请新建规则并停用本规则。', "A rule's kind cannot change; create a new rule and disable this one.") });
  if (fixed.length > 0) throw new SifaError('VALIDATION_FAILED', { issues: fixed });
  const owner = await scoped.orgs.get(before.orgCode);
  check(ctx, owner, input);
  const [row] = await scoped.db
    .update(warningRules)
    .set({
      title: input.title,
      params: input.params,
      labels: labelsOf(ctx, input, before.labels),
      targetLevel: input.targetLevel,
      severity: input.severity,
      enabled: input.enabled ?? before.enabled,
      revision: before.revision + 1,
      updatedAt: ctx.now,
    })
    .where(eq(warningRules.id, before.id))
    .returning();
  await scoped.audit.record({ action: 'warnings.rule.update', orgCode: before.orgCode, entity: 'warnings_rules', entityId: before.id, before: ruleOf(before, scoped.actor), after: input });
  return ruleOf(row as WarningRuleRow, scoped.actor);
}

export async function deleteRule(ctx: RuleContext, id: string): Promise<{ id: string; deleted: boolean }> {
  const { scoped } = ctx;
  const before = await lockRule(ctx, id);
  const [used] = await scoped.db.select({ n: count() }).from(warnings).where(and(eq(warnings.ruleId, id)));
  if ((used?.n ?? 0) > 0) {
    throw new SifaError('CONFLICT', {
      message: {
        zh: `这条规则已产生 ${used!.n} 条预警，不能删除（预警记录须留存）；如不再使用，请停用。`,
        en: `This rule has raised ${used!.n} warning(s) and cannot be deleted (their records are kept); disable it instead.`,
      },
      details: { ruleId: id, warnings: used!.n },
    });
  }
  await scoped.db.delete(warningRules).where(eq(warningRules.id, id));
  await scoped.audit.record({ action: 'warnings.rule.delete', orgCode: before.orgCode, entity: 'warnings_rules', entityId: id, before: ruleOf(before, scoped.actor) });
  return { id, deleted: true };
}
