/**
 * Warnings as widgets see them: lists (one query for the page, one for the count) and a detail
 * with its step timeline (one more query), each with the actions the caller may take now.
 * Names of orgs are stored with the rows, so no list reads the org tree per row.
 */
import { and, asc, count, eq, ne, sql, type SQL } from 'drizzle-orm';
import {
  SifaError,
  type Actor,
  type SifaDb,
} from '@sifa/core';
import { inSubtree } from '@sifa/core/db';
import type { WarningAction, WarningDetail, WarningList, WarningStep, WarningSummary } from '../types.js';
import type { WarningListInput } from '../schemas.js';
import { actionRole, allowedActions, awaitingFeedback } from '../lifecycle.js';
import { warnings, warningSteps, type WarningRow, type WarningStepRow } from './schema.js';

export interface Viewer {
  actor: Actor;
  /** Today in the installation's time zone (for `overdue`). */
  today: string;
}

export const canManage = (actor: Actor) => actor.permissions.has('warnings.manage');
export const canRespond = (actor: Actor) => actor.permissions.has('warnings.respond');

/** Managers are the levels above the warned org; the warned org itself answers. */
export function mayAct(actor: Actor, action: WarningAction, warning: Pick<WarningRow, 'orgCode' | 'orgPath'>): boolean {
  if (actionRole[action] === 'manager') return canManage(actor) && warning.orgPath.startsWith(actor.scope.orgPath) && warning.orgPath !== actor.scope.orgPath;
  return canRespond(actor) && actor.scope.orgCode === warning.orgCode;
}

export function summaryOf(row: WarningRow, viewer: Viewer): WarningSummary {
  return {
    id: row.id,
    ruleId: row.ruleId,
    ruleKind: row.kind,
    severity: row.severity,
    title: row.title,
    summary: row.summary,
    orgCode: row.orgCode,
    orgName: row.orgName,
    subject: row.subject,
    state: row.state,
    conditionActive: row.conditionActive,
    raisedAt: row.raisedAt.toISOString(),
    stateChangedAt: row.stateChangedAt.toISOString(),
    respondBy: row.respondBy,
    overdue: awaitingFeedback.has(row.state) && row.respondBy !== null && row.respondBy < viewer.today,
    escalatedTo: row.escalatedTo ? { orgCode: row.escalatedTo, orgName: row.escalatedToName ?? { zh: row.escalatedTo } } : null,
    closedAt: row.closedAt?.toISOString() ?? null,
    closeReason: row.closeReason,
    actions: allowedActions(row.state).filter((a) => mayAct(viewer.actor, a, row)),
  };
}

function stepOf(row: WarningStepRow): WarningStep {
  return {
    seq: row.seq,
    kind: row.kind,
    from: row.fromState,
    to: row.toState,
    at: row.at.toISOString(),
    by: { kind: row.actorKind, id: row.actorId, name: row.actorName },
    text: row.detail.text,
    note: row.note,
    respondBy: row.detail.respondBy,
    assignee: row.detail.assignee,
    items: row.detail.items,
    documents: row.documents,
  };
}

const severityOrder = sql`CASE ${warnings.severity} WHEN 'urgent' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`;

/**
 * One page of warnings, most severe and oldest first (closed ones: last closed first), with the
 * total. Keyset paging: the cursor is the last row's id, and the next page starts after that
 * row's sort key, read from the row itself in the same statement (no timestamp precision lost in
 * a client's hands; a row changing state between pages moves as it would in any live list).
 */
export async function listWarnings(db: SifaDb, rootPath: string, input: WarningListInput, viewer: Viewer): Promise<WarningList> {
  const status = input.status ?? 'open';
  const limit = input.limit ?? 50;
  const where: (SQL | undefined)[] = [inSubtree(warnings.orgPath, rootPath)];
  if (status === 'open') where.push(ne(warnings.state, 'closed'));
  if (status === 'closed') where.push(eq(warnings.state, 'closed'));
  if (input.severity) where.push(eq(warnings.severity, input.severity));
  const condition = and(...where);
  // The sort key, every part ascending (so one row comparison finds what comes after the cursor).
  const key: SQL[] =
    status === 'closed'
      ? [sql`-extract(epoch from ${warnings.closedAt})`, sql`${warnings.id}`]
      : [sql`CASE WHEN ${warnings.state} = 'closed' THEN 1 ELSE 0 END`, severityOrder, sql`${warnings.raisedAt}`, sql`${warnings.id}`];
  const afterCursor = input.cursor
    ? sql`(${sql.join(key, sql`, `)}) > (SELECT ${sql.join(key, sql`, `)} FROM ${warnings} WHERE ${warnings.id} = ${input.cursor})`
    : undefined;
  const [rows, [total]] = [
    await db
      .select()
      .from(warnings)
      .where(and(condition, afterCursor))
      .orderBy(...key.map((k) => asc(k)))
      .limit(limit + 1),
    await db.select({ n: count() }).from(warnings).where(condition),
  ];
  const page = rows.slice(0, limit);
  return {
    warnings: page.map((r) => summaryOf(r, viewer)),
    total: total?.n ?? 0,
    nextCursor: rows.length > limit ? page.at(-1)!.id : null,
    viewer: { orgCode: viewer.actor.scope.orgCode, canManage: canManage(viewer.actor), canRespond: canRespond(viewer.actor) },
  };
}

export const warningNotFound = (id: string) =>
  new SifaError('NOT_FOUND', {
    message: { zh: '找不到这条预警，或它不在您的管辖范围内。', en: 'This warning was not found, or it is outside the area you manage.' },
    details: { warningId: id },
  });

export async function findWarning(db: SifaDb, id: string, lock = false): Promise<WarningRow> {
  const query = db.select().from(warnings).where(eq(warnings.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw warningNotFound(id);
  return row;
}

export async function warningDetail(db: SifaDb, id: string, viewer: Viewer, row?: WarningRow): Promise<WarningDetail> {
  const warning = row ?? (await findWarning(db, id));
  const steps = await db.select().from(warningSteps).where(eq(warningSteps.warningId, warning.id)).orderBy(asc(warningSteps.seq));
  return { ...summaryOf(warning, viewer), evidence: warning.evidence, assignee: warning.assignee, steps: steps.map(stepOf) };
}
