/**
 * The append-only, hash-chained audit log. Each entry's hash covers its fields and the previous
 * entry's hash, so changing or removing any row breaks every link after it. Appends go through
 * the SQL function sifa_audit_append (serialised by an advisory lock inside the writer's own
 * transaction); `verifyAuditChain` recomputes every hash here, independently of the database.
 */
import { createHash } from 'node:crypto';
import { gt, sql, asc } from 'drizzle-orm';
import { canonicalJson, type SifaDb } from '@sifa/core';
import { auditLog } from '../db/schema.js';
import { rowsOf } from '@sifa/core/db';

export interface AuditAppend {
  actorId: string;
  actorRole: string;
  action: string;
  scopePath: string;
  entity?: string | undefined;
  entityId?: string | undefined;
  beforeDigest?: string | undefined;
  afterDigest?: string | undefined;
}


/** SHA-256 of a value's canonical JSON; '' for "no value" (a creation has no before). */
export function digestOf(value: unknown): string {
  if (value === undefined) return '';
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export async function appendAudit(db: SifaDb, entry: AuditAppend): Promise<void> {
  await db.execute(
    sql`SELECT sifa_audit_append(${entry.actorId}, ${entry.actorRole}, ${entry.action}, ${entry.scopePath},
      ${entry.entity ?? ''}, ${entry.entityId ?? ''}, ${entry.beforeDigest ?? ''}, ${entry.afterDigest ?? ''})`,
  );
}

export type AuditVerification =
  /** `head` is the newest hash: record it elsewhere to detect later removal of the newest entries. */
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; brokenAt: number; reason: string };

const genesis = '0'.repeat(64);

/** Recomputes the whole chain; reports the first entry whose hash or link does not hold. */
export async function verifyAuditChain(db: SifaDb, batchSize = 2000): Promise<AuditVerification> {
  let prev = genesis;
  let lastSeq = 0;
  let count = 0;
  for (;;) {
    const rows = rowsOf<{
      seq: string | number;
      at_text: string;
      actor_id: string;
      actor_role: string;
      action: string;
      scope_path: string;
      entity: string;
      entity_id: string;
      before_digest: string;
      after_digest: string;
      prev_hash: string;
      hash: string;
    }>(
      await db.execute(sql`SELECT seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_text,
        actor_id, actor_role, action, scope_path, entity, entity_id, before_digest, after_digest, prev_hash, hash
        FROM ${auditLog} WHERE ${gt(auditLog.seq, lastSeq)} ORDER BY ${asc(auditLog.seq)} LIMIT ${batchSize}`),
    );
    if (rows.length === 0) return { ok: true, entries: count, head: prev };
    for (const row of rows) {
      const seq = Number(row.seq);
      if (row.prev_hash !== prev) {
        return { ok: false, entries: count, brokenAt: seq, reason: 'its prev_hash does not match the previous entry (an entry was removed or altered)' };
      }
      const payload = [
        String(seq), row.at_text, row.actor_id, row.actor_role, row.action, row.scope_path,
        row.entity, row.entity_id, row.before_digest, row.after_digest, row.prev_hash,
      ].join('\x1f');
      const hash = createHash('sha256').update(payload, 'utf8').digest('hex');
      if (hash !== row.hash) {
        return { ok: false, entries: count, brokenAt: seq, reason: 'its content does not match its hash (the row was altered)' };
      }
      prev = row.hash;
      lastSeq = seq;
      count++;
    }
  }
}
