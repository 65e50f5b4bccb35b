/**
 * Evaluation: every enabled rule that applies to a subtree, set-based, inside one scoped
 * transaction (a procedure's, or the job's). Per rule: its evaluator reads what it needs in a
 * fixed number of calls, then ONE upsert writes its findings — unique per (rule, org, subject),
 * so re-evaluating (or two instances evaluating at once) never duplicates — and one update
 * resolves the warnings whose condition cleared. Each rule runs under a savepoint: a rule that
 * cannot be evaluated (a plugin it needs is missing, or its reads fail) is reported and the
 * others go on.
 *
 * What happens when a condition clears (chosen here): a warning nobody has acted on yet
 * (`raised`) is closed by the system with an `auto-close` step (close reason `cleared`); once a
 * person acted (a notice was issued …) it stays open, marked `conditionActive = false`, for the
 * manager to close — the supervision that started finishes by hand. If an auto-closed warning's
 * condition comes back for the same subject, it is reopened (`reopen` step); one closed by a
 * person stays closed.
 *
 * Escalation: a warning whose feedback is overdue (`respondBy` passed in `notice-issued` or
 * `assigned`) goes to the next level up (the manager's parent; again one level further after a
 * later notice is overdue), when that level lies within the evaluated subtree (the daily job
 * evaluates the whole tree).
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import {
  codesOfPath,
  isSifaError,
  type LocalizedText,
  type MetricDefinition,
  type OrgNode,
  type ScopedServices,
  type SifaDb,
} from '@sifa/core';
import { inSubtree } from '@sifa/core/db';
import type { WarningEvaluationResult, WarningOrgName, WarningSeverity, WarningState } from '../types.js';
import { isRule, warningRules, warnings, warningSteps, type StoredRuleRow, type WarningRuleRow } from './schema.js';
import { TargetDirectory } from './targets.js';
import { recordWarningFacts } from './facts.js';
import { evaluateRule, NotEvaluable, type EvaluationEnv, type Finding } from './evaluators.js';
import { calendarCheckRuleId, checkCalendarData } from './calendar-check.js';

export interface EvaluateOptions {
  /** Root of the evaluated subtree (within the scoped services' scope). */
  orgCode: string;
  /** The evaluation day, YYYY-MM-DD. */
  today: string;
  now: Date;
  metrics: ReadonlyMap<string, MetricDefinition> | null;
  escalate: boolean;
  /** Where the days of the warnings' facts are counted. */
  timeZone: string;
}

const severityRank: Record<WarningSeverity, number> = { info: 0, warning: 1, urgent: 2 };
const batchSize = 200;

function chunks<T>(items: readonly T[], size = batchSize): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface SystemStep {
  warningId: string;
  seq: number;
  orgCode: string;
  orgPath: string;
  kind: 'raise' | 'auto-close' | 'reopen' | 'escalate';
  from: WarningState | null;
  to: WarningState;
  assignee?: { orgCode: string; orgName: WarningOrgName; person: null } | undefined;
}

async function insertSystemSteps(scoped: ScopedServices, steps: readonly SystemStep[], at: Date): Promise<void> {
  for (const batch of chunks(steps)) {
    await scoped.db.insert(warningSteps).values(
      batch.map((s) => ({
        warningId: s.warningId,
        seq: s.seq,
        orgCode: s.orgCode,
        orgPath: s.orgPath,
        kind: s.kind,
        fromState: s.from,
        toState: s.to,
        at,
        actorKind: 'system' as const,
        actorId: scoped.actor.userId,
        actorName: scoped.actor.displayName,
        note: null,
        detail: { text: null, respondBy: null, assignee: s.assignee ?? null, items: [] },
        documents: [],
      })),
    );
  }
}

/** Runs `work` under a savepoint: when it throws, its writes are undone and the transaction goes on. */
async function underSavepoint<T>(db: SifaDb, work: () => Promise<T>): Promise<T> {
  await db.execute(sql`SAVEPOINT warnings_rule`);
  try {
    const result = await work();
    await db.execute(sql`RELEASE SAVEPOINT warnings_rule`);
    return result;
  } catch (error) {
    await db.execute(sql`ROLLBACK TO SAVEPOINT warnings_rule`);
    throw error;
  }
}

export interface Raised {
  id: string;
  orgCode: string;
  orgPath: string;
  orgName: WarningOrgName;
  severity: WarningSeverity;
  summary: LocalizedText;
}

export interface RuleCounts {
  raised: Raised[];
  stillOpen: number;
  resolved: number;
  autoClosed: number;
  reopened: number;
}

/** Writes one rule's (or built-in check's) findings and resolves what cleared. */
export async function apply(
  scoped: ScopedServices,
  rule: StoredRuleRow,
  scopeRoot: OrgNode,
  findings: readonly Finding[],
  covers: (w: { orgCode: string; subject: string; evidence: Finding['evidence'] }) => boolean,
  now: Date,
  timeZone: string,
  /** Count the warnings as work facts (the dashboard's); not for the platform's own checks. */
  recordFacts = true,
): Promise<RuleCounts> {
  const db = scoped.db;
  const counts: RuleCounts = { raised: [], stillOpen: 0, resolved: 0, autoClosed: 0, reopened: 0 };
  const unique = new Map<string, Finding>();
  for (const f of findings) if (!unique.has(`${f.target.code}|${f.subject}`)) unique.set(`${f.target.code}|${f.subject}`, f);
  const steps: SystemStep[] = [];
  const reopen: Raised[] = [];

  for (const batch of chunks([...unique.values()])) {
    const rows = await db
      .insert(warnings)
      .values(
        batch.map((f) => ({
          id: randomUUID(),
          ruleId: rule.id,
          orgCode: f.target.code,
          orgPath: f.target.path,
          orgName: f.target.name,
          subject: f.subject,
          kind: rule.kind,
          severity: rule.severity,
          title: rule.title,
          summary: f.summary,
          evidence: f.evidence,
          state: 'raised' as const,
          conditionActive: true,
          raisedAt: now,
          lastSeenAt: now,
          stateChangedAt: now,
          stepCount: 1,
        })),
      )
      .onConflictDoUpdate({
        target: [warnings.ruleId, warnings.orgCode, warnings.subject],
        // The latest measurement; the title and severity stay as raised.
        set: { summary: sql`excluded.summary`, evidence: sql`excluded.evidence`, lastSeenAt: sql`excluded.last_seen_at`, conditionActive: true, clearedAt: null },
      })
      .returning({
        id: warnings.id,
        orgCode: warnings.orgCode,
        orgPath: warnings.orgPath,
        orgName: warnings.orgName,
        severity: warnings.severity,
        summary: warnings.summary,
        state: warnings.state,
        closeReason: warnings.closeReason,
        // A row the statement inserted has no deleting/locking transaction (xmax 0); an updated one has.
        inserted: sql<boolean>`(xmax = 0)`,
      });
    for (const row of rows) {
      const raised: Raised = { id: row.id, orgCode: row.orgCode, orgPath: row.orgPath, orgName: row.orgName, severity: row.severity, summary: row.summary };
      if (row.inserted) {
        counts.raised.push(raised);
        steps.push({ warningId: row.id, seq: 1, orgCode: row.orgCode, orgPath: row.orgPath, kind: 'raise', from: null, to: 'raised' });
      } else if (row.state === 'closed') {
        if (row.closeReason === 'cleared') reopen.push(raised);
      } else {
        counts.stillOpen++;
      }
    }
  }

  if (reopen.length > 0) {
    const rows = await db
      .update(warnings)
      .set({ state: 'raised', closeReason: null, closedAt: null, stateChangedAt: now, stepCount: sql`${warnings.stepCount} + 1` })
      .where(and(inArray(warnings.id, reopen.map((r) => r.id)), eq(warnings.state, 'closed'), eq(warnings.closeReason, 'cleared')))
      .returning({ id: warnings.id, seq: warnings.stepCount, orgCode: warnings.orgCode, orgPath: warnings.orgPath });
    for (const row of rows) steps.push({ warningId: row.id, seq: row.seq, orgCode: row.orgCode, orgPath: row.orgPath, kind: 'reopen', from: 'closed', to: 'raised' });
    const back = new Set(rows.map((r) => r.id));
    counts.reopened = back.size;
    counts.raised.push(...reopen.filter((r) => back.has(r.id)));
  }

  // What cleared: open warnings of this rule the evaluation looked at again, not found this time.
  const open = await db
    .select({ id: warnings.id, orgCode: warnings.orgCode, subject: warnings.subject, evidence: warnings.evidence, state: warnings.state })
    .from(warnings)
    .where(and(eq(warnings.ruleId, rule.id), ne(warnings.state, 'closed'), eq(warnings.conditionActive, true), inSubtree(warnings.orgPath, scopeRoot.path)));
  const cleared = open.filter((w) => !unique.has(`${w.orgCode}|${w.subject}`) && covers(w));
  counts.resolved = cleared.length;
  const untouched = cleared.filter((w) => w.state === 'raised').map((w) => w.id);
  const handled = cleared.filter((w) => w.state !== 'raised').map((w) => w.id);
  for (const ids of chunks(untouched)) {
    const rows = await db
      .update(warnings)
      .set({ state: 'closed', closeReason: 'cleared', closedAt: now, conditionActive: false, clearedAt: now, stateChangedAt: now, stepCount: sql`${warnings.stepCount} + 1` })
      .where(and(inArray(warnings.id, ids), eq(warnings.state, 'raised')))
      .returning({ id: warnings.id, seq: warnings.stepCount, orgCode: warnings.orgCode, orgPath: warnings.orgPath });
    counts.autoClosed += rows.length;
    for (const row of rows) steps.push({ warningId: row.id, seq: row.seq, orgCode: row.orgCode, orgPath: row.orgPath, kind: 'auto-close', from: 'raised', to: 'closed' });
  }
  for (const ids of chunks(handled)) {
    await db.update(warnings).set({ conditionActive: false, clearedAt: now }).where(and(inArray(warnings.id, ids), ne(warnings.state, 'closed')));
  }
  await insertSystemSteps(scoped, steps, now);
  if (recordFacts) await recordWarningFacts(scoped, [...new Set(steps.map((s) => s.warningId))], timeZone);
  return counts;
}

interface Escalated extends Raised {
  target: OrgNode;
}

/** Escalates the warnings in `root`'s subtree whose feedback is overdue, one level up each. */
async function escalate(scoped: ScopedServices, directory: TargetDirectory, root: OrgNode, today: string, now: Date): Promise<Escalated[]> {
  const db = scoped.db;
  // Rows someone is acting on right now are skipped; the next evaluation takes them.
  const due = await db
    .select({ id: warnings.id, orgCode: warnings.orgCode, orgPath: warnings.orgPath, orgName: warnings.orgName, severity: warnings.severity, summary: warnings.summary, state: warnings.state, level: warnings.escalationLevel })
    .from(warnings)
    .where(and(inArray(warnings.state, ['notice-issued', 'assigned']), sql`${warnings.respondBy} < ${today}`, inSubtree(warnings.orgPath, root.path)))
    .for('update', { skipLocked: true });
  const rootDepth = codesOfPath(root.path).length;
  const byTarget = new Map<string, typeof due>();
  for (const w of due) {
    const codes = codesOfPath(w.orgPath);
    // codes: …, manager, warned. The first escalation goes to the manager's parent.
    const index = codes.length - 3 - w.level;
    if (index < 0 || index + 1 < rootDepth) continue;
    const code = codes[index]!;
    byTarget.set(code, [...(byTarget.get(code) ?? []), w]);
  }
  const out: Escalated[] = [];
  const steps: SystemStep[] = [];
  for (const [code, group] of byTarget) {
    const target = await directory.node(code);
    const fromState = new Map(group.map((w) => [w.id, w.state]));
    const rows = await db
      .update(warnings)
      .set({ state: 'escalated', escalationLevel: sql`${warnings.escalationLevel} + 1`, escalatedTo: target.code, escalatedToName: target.name, stateChangedAt: now, stepCount: sql`${warnings.stepCount} + 1` })
      .where(and(inArray(warnings.id, group.map((w) => w.id)), inArray(warnings.state, ['notice-issued', 'assigned'])))
      .returning({ id: warnings.id, seq: warnings.stepCount, orgCode: warnings.orgCode, orgPath: warnings.orgPath });
    for (const row of rows) {
      const w = group.find((x) => x.id === row.id)!;
      steps.push({ warningId: row.id, seq: row.seq, orgCode: row.orgCode, orgPath: row.orgPath, kind: 'escalate', from: fromState.get(row.id)!, to: 'escalated', assignee: { orgCode: target.code, orgName: target.name, person: null } });
      out.push({ id: w.id, orgCode: w.orgCode, orgPath: w.orgPath, orgName: w.orgName, severity: w.severity, summary: w.summary, target });
    }
  }
  await insertSystemSteps(scoped, steps, now);
  return out;
}

const digestKey = (prefix: string, org: string, ids: readonly string[]) => `${prefix}:${org}:${createHash('sha256').update([...ids].sort().join(',')).digest('hex').slice(0, 32)}`;

function digestBody(items: readonly Raised[], more: (n: number) => LocalizedText): LocalizedText {
  const shown = items.slice(0, 5);
  const zh = shown.map((w) => `${w.orgName.zh}：${w.summary.zh}`);
  const en = shown.map((w) => `${w.orgName.en ?? w.orgName.zh}: ${w.summary.en}`);
  // (Org names and summaries without Mongolian are shown as they are in Chinese, as pickText does.)
  const mn = shown.map((w) => `${w.orgName.mn ?? w.orgName.zh}᠄ ${w.summary.mn ?? w.summary.zh}`);
  if (items.length > shown.length) {
    const rest = more(items.length - shown.length);
    zh.push(rest.zh);
    en.push(rest.en);
    mn.push(rest.mn ?? rest.zh);
  }
  return { zh: zh.join('\n').slice(0, 3900), en: en.join('\n').slice(0, 3900), mn: mn.join('\n').slice(0, 3900) };
}

/**
 * "… more in the warnings list." MONGOLIAN DRAFTS here and in the titles below (non-speaker;
 * transliteration in `mn draft:` comments, conventions as in texts.ts).
 */
// mn draft: basa {rest} bayin_a, seremjilel-Un jigsagalta-aca Ujegtun.
const moreInList = (rest: number): LocalizedText => ({
  zh: `另有 ${rest} 条，请在预警列表中查看。`,
  en: `${rest} more in the warnings list.`,
  mn: `ᠪᠠᠰᠠ ${rest} ᠪᠠᠶᠢᠨ᠎ᠠ᠂ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ᠦᠨ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ ᠠᠴᠠ ᠦᠵᠡᠭᠲᠦᠨ᠃`,
});

const maxSeverity = (items: readonly { severity: WarningSeverity }[]): WarningSeverity => items.reduce<WarningSeverity>((m, w) => (severityRank[w.severity] > severityRank[m] ? w.severity : m), 'info');

/** One message per org that must act next: the managers of new warnings, the orgs escalated to. */
async function notify(scoped: ScopedServices, raised: readonly Raised[], escalated: readonly Escalated[]): Promise<void> {
  const byManager = new Map<string, Raised[]>();
  for (const w of raised) {
    const codes = codesOfPath(w.orgPath);
    const manager = codes[codes.length - 2];
    if (manager) byManager.set(manager, [...(byManager.get(manager) ?? []), w]);
  }
  for (const [manager, items] of byManager) {
    const n = items.length;
    await scoped.notifications.send({
      to: { orgCode: manager },
      kind: 'warnings.raised',
      severity: maxSeverity(items),
      title: {
        zh: `新增预警 ${n} 条，请下发预警单或处置`,
        en: `${n} new warning${n === 1 ? '' : 's'} to handle (issue a notice or close)`,
        // mn draft: sin_e seremjilel {n}: seremjilel-Un bicig gargaqu buyu qaagaqu
        mn: `ᠰᠢᠨ᠎ᠡ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ${n}᠄ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ᠦᠨ ᠪᠢᠴᠢᠭ ᠭᠠᠷᠭᠠᠬᠤ ᠪᠤᠶᠤ ᠬᠠᠭᠠᠬᠤ`,
      },
      body: digestBody(items, moreInList),
      ...(n === 1 ? { entity: { kind: 'warnings.warning', id: items[0]!.id } } : {}),
      dedupKey: digestKey('warnings.raised', manager, items.map((w) => w.id)),
    });
  }
  const byTarget = new Map<string, Escalated[]>();
  for (const w of escalated) byTarget.set(w.target.code, [...(byTarget.get(w.target.code) ?? []), w]);
  for (const [target, items] of byTarget) {
    const n = items.length;
    await scoped.notifications.send({
      to: { orgCode: target },
      kind: 'warnings.escalated',
      severity: 'urgent',
      title: {
        zh: `${n} 条预警逾期未反馈，已上报本单位`,
        en: `${n} warning${n === 1 ? '' : 's'} with overdue feedback escalated to you`,
        // mn draft: qariγu-ban qojidagsan seremjilel {n}, tan-du debsigUlbe
        mn: `ᠬᠠᠷᠢᠭᠤ ᠪᠠᠨ ᠬᠣᠵᠢᠳᠠᠭᠰᠠᠨ ᠰᠡᠷᠡᠮᠵᠢᠯᠡᠯ ${n}᠂ ᠲᠠᠨ ᠳᠤ ᠳᠡᠪᠰᠢᠭᠦᠯᠪᠡ`,
      },
      body: digestBody(items, moreInList),
      ...(n === 1 ? { entity: { kind: 'warnings.warning', id: items[0]!.id } } : {}),
      dedupKey: digestKey('warnings.escalated', target, items.map((w) => `${w.id}@${w.target.code}`)),
    });
  }
}

function reasonOf(error: unknown): LocalizedText {
  if (error instanceof NotEvaluable) return error.reason;
  if (isSifaError(error)) return { zh: `评估出错：${error.localized.zh}`, en: `The evaluation failed: ${error.localized.en}` };
  return { zh: '评估出错：读取数据失败。', en: 'The evaluation failed: reading its data failed.' };
}

/** The rules that apply to `root`'s subtree: owned at or above it (inherited), or inside it (built-in checks' rows left out). */
async function applicableRules(db: SifaDb, root: OrgNode): Promise<WarningRuleRow[]> {
  const rows = await db
    .select()
    .from(warningRules)
    .where(and(eq(warningRules.enabled, true), ne(warningRules.kind, 'calendar-data'), or(sql`${root.path} LIKE ${warningRules.orgPath} || '%'`, inSubtree(warningRules.orgPath, root.path))))
    .orderBy(warningRules.orgPath, warningRules.createdAt, warningRules.id);
  return rows.filter(isRule);
}

export async function evaluateWarnings(scoped: ScopedServices, options: EvaluateOptions): Promise<WarningEvaluationResult> {
  const root = await scoped.orgs.get(options.orgCode);
  const directory = new TargetDirectory(scoped.orgs);
  const env: EvaluationEnv = { scoped, today: options.today, metrics: options.metrics, signals: scoped.signals.catalog(), uncovered: new Set() };
  const rules = await applicableRules(scoped.db, root);
  const result: WarningEvaluationResult = {
    at: options.today,
    rules: rules.length,
    evaluated: 0,
    raised: 0,
    stillOpen: 0,
    resolved: 0,
    autoClosed: 0,
    reopened: 0,
    escalated: 0,
    notEvaluable: [],
    calendarUncovered: [],
    calendarMissing: [],
  };
  const raised: Raised[] = [];
  for (const rule of rules) {
    try {
      const counts = await underSavepoint(scoped.db, async () => {
        // The rule's subtree within the evaluated one (one of the two paths contains the other).
        const scopeRoot = rule.orgPath.length > root.path.length ? await directory.node(rule.orgCode) : root;
        const targets = await directory.atLevel(scopeRoot, rule.targetLevel);
        const outcome = await evaluateRule(env, scopeRoot, targets, rule.params, rule.labels);
        return apply(scoped, rule, scopeRoot, outcome.findings, outcome.covers, options.now, options.timeZone);
      });
      result.evaluated++;
      result.raised += counts.raised.length - counts.reopened;
      result.reopened += counts.reopened;
      result.stillOpen += counts.stillOpen;
      result.resolved += counts.resolved;
      result.autoClosed += counts.autoClosed;
      raised.push(...counts.raised);
    } catch (error) {
      result.notEvaluable.push({ ruleId: rule.id, title: rule.title, reason: reasonOf(error) });
    }
  }
  // The built-in check (evaluations of the whole tree only): holidays of this / next year not loaded.
  try {
    const check = await underSavepoint(scoped.db, () => checkCalendarData(scoped, root, options.today, options.now, options.timeZone));
    if (check) result.calendarMissing = check.missing;
  } catch (error) {
    result.notEvaluable.push({ ruleId: calendarCheckRuleId, title: { zh: '节假日数据缺失', en: 'Holiday data missing' }, reason: reasonOf(error) });
  }
  const escalated = options.escalate ? await escalate(scoped, directory, root, options.today, options.now) : [];
  result.escalated = escalated.length;
  result.calendarUncovered = [...env.uncovered].sort();
  await notify(scoped, raised, escalated);
  await scoped.audit.record({ action: 'warnings.evaluate', orgCode: root.code, entity: 'warnings_warnings', after: { ...result, notEvaluable: result.notEvaluable.map((n) => n.ruleId) } });
  return result;
}
