/**
 * The append-only, hash-chained audit log, one chain per partition of the org tree: a judicial
 * office's subtree (`/15/1504/150402/150402001/`, its villages included), and each shallower scope
 * (a county, a city, a region, '/') on its own (before migration 0021: one per county). Each
 * entry's hash covers its fields, its chain and position, and the previous entry's hash in its
 * chain, so changing or removing a row breaks every link after it. Appends go through the SQL
 * function sifa_audit_append (one advisory lock per chain, so offices never wait for each other),
 * which also writes the chain's new head and length to `audit_anchors` (owned by another role,
 * append-only): removing the newest entries leaves an anchor ahead of its chain. Tables that matter
 * carry a row hash (trigger sifa_row_hash) recorded in their audit entries.
 *
 * `verifyAuditChain` recomputes every hash here in Node, independently of the database's functions:
 * each chain, every anchor against its chain, root anchors over all heads, and each row of a
 * row-hashed table against its last audit entry.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { canonicalJson, type SifaDb } from '@sifa/core';
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
  /** A row-hashed table's `row_hash` after the change, '-' when deleted (see AuditEntryInput.rowHash). */
  rowHash?: string | undefined;
  /** About a sealed record: audited, but no webhook event (migration 0028 reads `sifa.audit_sealed` for this one append). */
  sealed?: boolean | undefined;
}

/** SHA-256 of a value's canonical JSON; '' for "no value" (a creation has no before). */
export function digestOf(value: unknown): string {
  if (value === undefined) return '';
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** A scope path cut where `segments` (a path's first n segments) ends; shallower paths as they are, '' as '/'. */
const cut = (scopePath: string, segments: RegExp) => segments.exec(scopePath)?.[0] ?? (scopePath || '/');
const fourSegments = /^(?:\/[^/]+){4}\//;
const threeSegments = /^(?:\/[^/]+){3}\//;

/** The chain of a scope path (as the SQL function sifa_audit_chain, migration 0021): cut after the office segment. */
export function auditChainOf(scopePath: string): string {
  return cut(scopePath, fourSegments);
}

/** The chain entries went to before migration 0021 (one per county subtree). */
const countyChainOf = (scopePath: string) => cut(scopePath, threeSegments);

export async function appendAudit(db: SifaDb, entry: AuditAppend): Promise<void> {
  if (entry.sealed) await db.execute(sql`SELECT set_config('sifa.audit_sealed', 'on', true)`);
  try {
    await db.execute(
      sql`SELECT sifa_audit_append(${entry.actorId}, ${entry.actorRole}, ${entry.action}, ${entry.scopePath},
        ${entry.entity ?? ''}, ${entry.entityId ?? ''}, ${entry.beforeDigest ?? ''}, ${entry.afterDigest ?? ''}, ${entry.rowHash ?? ''})`,
    );
  } finally {
    // For this append only; the transaction's next entries are sent as usual.
    if (entry.sealed) await db.execute(sql`SELECT set_config('sifa.audit_sealed', '', true)`).catch(() => {});
  }
}

/** Writes a root anchor (every chain's head and length, and a hash over them); returns its hash. */
export async function anchorAuditRoot(db: SifaDb): Promise<string> {
  const [row] = rowsOf<{ root: string }>(await db.execute(sql`SELECT sifa_audit_root_anchor() AS root`));
  return row!.root;
}

export interface AuditChainHead {
  chain: string;
  entries: number;
  head: string;
}

export interface AuditProblem {
  /** chain: a link or hash; truncated / anchor: an anchor its chain does not hold; root: a root anchor; row: a row-hashed table. */
  kind: 'chain' | 'truncated' | 'anchor' | 'root' | 'row';
  message: string;
  chain?: string;
  /** The audit entry (global seq) concerned. */
  seq?: number;
  table?: string;
  rowId?: string;
}

export type AuditVerification =
  /** `head` hashes every chain's head (as a root anchor does): keep it elsewhere to compare later. */
  | { ok: true; entries: number; chains: AuditChainHead[]; rows: number; head: string }
  | {
      ok: false;
      entries: number;
      chains: AuditChainHead[];
      rows: number;
      problems: AuditProblem[];
      /** The first broken entry (global seq), when a chain broke. */
      brokenAt: number | null;
      /** The first problem, in words. */
      reason: string;
    };

const genesis = '0'.repeat(64);
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** More problems than this are not listed (verify stops collecting, not checking chains). */
const maxProblems = 200;

/** The root hash over chain heads (as sifa_audit_root_anchor): lines chain␟entries␟head, sorted by chain. */
export function auditRootOf(heads: readonly AuditChainHead[]): string {
  const lines = [...heads].sort((a, b) => (a.chain < b.chain ? -1 : a.chain > b.chain ? 1 : 0)).map((h) => `${h.chain}\x1f${h.entries}\x1f${h.head}`);
  return sha256(lines.join('\n'));
}

interface LogRow {
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
  chain: string;
  chain_seq: string | number;
  row_hash: string;
}

/** What the hash of an entry covers: the fields before chains ('' chain), then chain, position and row hash. */
function payloadOf(row: LogRow): string {
  const fields = [
    String(row.seq), row.at_text, row.actor_id, row.actor_role, row.action, row.scope_path,
    row.entity, row.entity_id, row.before_digest, row.after_digest, row.prev_hash,
  ];
  if (row.chain !== '') fields.push(row.chain, String(row.chain_seq), row.row_hash);
  return fields.join('\x1f');
}

/** Walks one chain; returns its head, or the first broken entry. */
async function verifyChain(db: SifaDb, chain: string, batchSize: number): Promise<{ head: AuditChainHead; problem?: AuditProblem }> {
  let prev = genesis;
  let position = 0;
  for (;;) {
    const rows = rowsOf<LogRow>(
      await db.execute(sql`SELECT seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_text,
        actor_id, actor_role, action, scope_path, entity, entity_id, before_digest, after_digest, prev_hash, hash, chain, chain_seq, row_hash
        FROM audit_log WHERE chain = ${chain} AND chain_seq > ${position} ORDER BY chain_seq LIMIT ${batchSize}`),
    );
    if (rows.length === 0) return { head: { chain, entries: position, head: prev } };
    for (const row of rows) {
      const seq = Number(row.seq);
      const at = { chain, seq };
      const head = { chain, entries: position, head: prev };
      if (sha256(payloadOf(row)) !== row.hash) {
        return { head, problem: { kind: 'chain', ...at, message: `entry #${seq} of chain ${label(chain)}: its content does not match its hash (the row was altered)` } };
      }
      if (row.prev_hash !== prev) {
        return { head, problem: { kind: 'chain', ...at, message: `entry #${seq} of chain ${label(chain)}: its prev_hash does not match the previous entry (an entry was removed or altered)` } };
      }
      if (Number(row.chain_seq) !== position + 1) {
        return { head, problem: { kind: 'chain', ...at, message: `entry #${seq} of chain ${label(chain)} is at position ${row.chain_seq}, expected ${position + 1}: entries before it were removed` } };
      }
      // Its own chain, or (written before 0021) its county's.
      if (row.chain !== '' && auditChainOf(row.scope_path) !== chain && countyChainOf(row.scope_path) !== chain) {
        return { head, problem: { kind: 'chain', ...at, message: `entry #${seq} is in chain ${label(chain)} but its scope ${row.scope_path} belongs to ${auditChainOf(row.scope_path)}` } };
      }
      prev = row.hash;
      position++;
    }
  }
}

const label = (chain: string) => (chain === '' ? '(before chains)' : chain);

/** Anchors of a chain that it does not hold: ahead of it (truncation) or naming another head. */
async function verifyAnchors(db: SifaDb, head: AuditChainHead): Promise<AuditProblem[]> {
  const problems: AuditProblem[] = [];
  const [ahead] = rowsOf<{ entries: string | number | null; head: string | null }>(
    await db.execute(sql`SELECT entries, head FROM audit_anchors WHERE chain = ${head.chain} ORDER BY entries DESC LIMIT 1`),
  );
  if (ahead?.entries != null && Number(ahead.entries) > head.entries) {
    const missing = Number(ahead.entries) - head.entries;
    problems.push({
      kind: 'truncated',
      chain: head.chain,
      message: `chain ${label(head.chain)} was anchored at ${ahead.entries} entries (head ${ahead.head}) but holds ${head.entries}: its newest ${missing} entr${missing === 1 ? 'y was' : 'ies were'} removed`,
    });
  }
  const wrong = rowsOf<{ entries: string | number; head: string; hash: string }>(
    await db.execute(sql`SELECT a.entries, a.head, l.hash FROM audit_anchors a
      JOIN audit_log l ON l.chain = a.chain AND l.chain_seq = a.entries
      WHERE a.chain = ${head.chain} AND a.entries <= ${head.entries} AND l.hash <> a.head ORDER BY a.entries LIMIT 10`),
  );
  for (const w of wrong) {
    problems.push({ kind: 'anchor', chain: head.chain, message: `chain ${label(head.chain)} was anchored with head ${w.head} at entry ${w.entries}; that entry's hash is now ${w.hash} (the chain was rewritten)` });
  }
  return problems;
}

/** Root anchors: each one's hash over its heads, and every head it names still in its chain. */
async function verifyRootAnchors(db: SifaDb, batchSize: number): Promise<AuditProblem[]> {
  const problems: AuditProblem[] = [];
  let last = 0;
  for (;;) {
    const roots = rowsOf<{ id: string | number; head: string; heads: AuditChainHead[] | string | null }>(
      await db.execute(sql`SELECT id, head, heads FROM audit_anchors WHERE chain = '*' AND id > ${last} ORDER BY id LIMIT ${batchSize}`),
    );
    if (roots.length === 0) break;
    for (const root of roots) {
      const heads = (typeof root.heads === 'string' ? JSON.parse(root.heads) : root.heads ?? []) as AuditChainHead[];
      if (auditRootOf(heads.map((h) => ({ chain: h.chain, entries: Number(h.entries), head: h.head }))) !== root.head) {
        problems.push({ kind: 'root', message: `root anchor ${root.id}: its hash does not match the heads it lists` });
      }
      last = Number(root.id);
    }
  }
  const missing = rowsOf<{ id: string | number; chain: string; entries: string | number; head: string; hash: string | null }>(
    await db.execute(sql`SELECT r.id, h.chain, h.entries, h.head, l.hash FROM audit_anchors r
      CROSS JOIN LATERAL jsonb_to_recordset(r.heads) AS h(chain text, entries bigint, head text)
      LEFT JOIN audit_log l ON l.chain = h.chain AND l.chain_seq = h.entries
      WHERE r.chain = '*' AND (l.hash IS NULL OR l.hash <> h.head) ORDER BY r.id LIMIT 10`),
  );
  for (const m of missing) {
    problems.push({
      kind: 'root',
      chain: m.chain,
      message: m.hash === null
        ? `root anchor ${m.id} saw chain ${label(m.chain)} at ${m.entries} entries; it holds fewer now (its newest entries were removed)`
        : `root anchor ${m.id} saw chain ${label(m.chain)} with head ${m.head} at entry ${m.entries}; that entry's hash is now ${m.hash}`,
    });
  }
  return problems;
}

interface RowHashedTable {
  table: string;
  columns: string[];
  idType: string;
  enabled: boolean;
}

/** Tables with the row-hash trigger, its columns (the trigger's arguments) and whether it is on. */
async function rowHashedTables(db: SifaDb): Promise<RowHashedTable[]> {
  const rows = rowsOf<{ table: string; args: string; enabled: string; id_type: string | null }>(
    await db.execute(sql`SELECT c.relname AS table, encode(t.tgargs, 'escape') AS args, t.tgenabled::text AS enabled,
        (SELECT format_type(a.atttypid, a.atttypmod) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'id' AND NOT a.attisdropped) AS id_type
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE n.nspname = 'public' AND p.proname = 'sifa_row_hash' AND NOT t.tgisinternal ORDER BY c.relname`),
  );
  return rows.map((r) => ({
    table: r.table,
    columns: r.args.split('\\000').filter((c) => c !== ''),
    idType: r.id_type ?? 'text',
    enabled: r.enabled !== 'D',
  }));
}

/** Each row of a row-hashed table against its last audit entry; rows deleted outside the application. */
async function verifyTableRows(db: SifaDb, t: RowHashedTable, batchSize: number, report: (p: AuditProblem) => void): Promise<number> {
  const table = sql.identifier(t.table);
  const columns = sql`ARRAY[${sql.join(t.columns.map((c) => sql`${c}`), sql`, `)}]::text[]`;
  let last: string | null = null;
  let checked = 0;
  for (;;) {
    const after: ReturnType<typeof sql> = last === null ? sql`true` : sql`id > CAST(${last} AS ${sql.raw(t.idType)})`;
    const rows: { id: string; row_hash: string; row_text: string }[] = rowsOf<{ id: string; row_hash: string; row_text: string }>(
      await db.execute(sql`SELECT id::text AS id, row_hash,
          (SELECT jsonb_object_agg(key, value) FROM jsonb_each(to_jsonb(r)) WHERE key = ANY (${columns}))::text AS row_text
        FROM ${table} r WHERE ${after} ORDER BY id LIMIT ${batchSize}`),
    );
    if (rows.length === 0) return checked;
    const audited = new Map(
      rowsOf<{ entity_id: string; row_hash: string; seq: string | number }>(
        await db.execute(sql`SELECT DISTINCT ON (entity_id) entity_id, row_hash, seq FROM audit_log
          WHERE entity = ${t.table} AND row_hash <> '' AND entity_id IN (${sql.join(rows.map((r) => sql`${r.id}`), sql`, `)})
          ORDER BY entity_id, seq DESC`),
      ).map((a) => [a.entity_id, a]),
    );
    for (const row of rows) {
      checked++;
      const actual = sha256(row.row_text);
      const entry = audited.get(row.id);
      const where = { kind: 'row' as const, table: t.table, rowId: row.id };
      const columnNote = row.row_hash === actual ? '' : ` (its row_hash column was not updated either: changed with the trigger off)`;
      if (!entry) {
        report({ ...where, message: `${t.table} row ${row.id} has no audit entry: it was written outside the application${columnNote}` });
      } else if (entry.row_hash === '-') {
        report({ ...where, seq: Number(entry.seq), message: `${t.table} row ${row.id} exists, but its last audit entry #${entry.seq} deleted it` });
      } else if (entry.row_hash !== actual) {
        report({
          ...where,
          seq: Number(entry.seq),
          message: `${t.table} row ${row.id} differs from its last audit entry #${entry.seq}: its columns (${t.columns.join(', ')}) hash to ${actual}, the entry recorded ${entry.row_hash}; it was changed outside the application${columnNote}`,
        });
      }
      last = row.id;
    }
  }
}

async function verifyDeletedRows(db: SifaDb, t: RowHashedTable, report: (p: AuditProblem) => void): Promise<void> {
  const table = sql.identifier(t.table);
  const gone = rowsOf<{ entity_id: string; seq: string | number }>(
    await db.execute(sql`SELECT entity_id, seq FROM (
        SELECT DISTINCT ON (entity_id) entity_id, row_hash, seq FROM audit_log WHERE entity = ${t.table} AND row_hash <> '' ORDER BY entity_id, seq DESC
      ) last WHERE row_hash <> '-' AND NOT EXISTS (SELECT 1 FROM ${table} r WHERE r.id::text = last.entity_id) ORDER BY seq LIMIT 50`),
  );
  for (const g of gone) {
    report({ kind: 'row', table: t.table, rowId: g.entity_id, seq: Number(g.seq), message: `${t.table} row ${g.entity_id} is missing, but its last audit entry #${g.seq} says it exists: it was deleted outside the application` });
  }
}

/**
 * Verifies every chain, every anchor, and every row of the row-hashed tables; reports each problem
 * (up to 200). Reads rows through the scoped role with the whole tree in scope, so row security
 * does not hide them from a non-superuser owner.
 */
export async function verifyAuditChain(db: SifaDb, batchSize = 2000): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  const report = (p: AuditProblem) => void (problems.length < maxProblems && problems.push(p));
  const chainNames = rowsOf<{ chain: string }>(
    await db.execute(sql`SELECT chain FROM audit_log GROUP BY chain UNION SELECT chain FROM audit_anchors WHERE chain <> '*' GROUP BY chain`),
  )
    .map((r) => r.chain)
    .sort();
  const heads: AuditChainHead[] = [];
  let brokenAt: number | null = null;
  for (const chain of chainNames) {
    const walked = await verifyChain(db, chain, batchSize);
    heads.push(walked.head);
    if (walked.problem) {
      report(walked.problem);
      brokenAt ??= walked.problem.seq ?? null;
    }
    (await verifyAnchors(db, walked.head)).forEach(report);
  }
  (await verifyRootAnchors(db, batchSize)).forEach(report);

  let rows = 0;
  const tables = await rowHashedTables(db);
  const known = new Set(tables.map((t) => t.table));
  const audited = rowsOf<{ entity: string }>(await db.execute(sql`SELECT DISTINCT entity FROM audit_log WHERE row_hash <> ''`));
  for (const { entity } of audited) {
    if (!known.has(entity)) report({ kind: 'row', table: entity, message: `${entity} has audit entries with row hashes but no row-hash trigger (sifa_row_hash): the table or its trigger was removed` });
  }
  for (const t of tables) {
    if (!t.enabled) report({ kind: 'row', table: t.table, message: `the row-hash trigger of ${t.table} is disabled` });
  }
  if (tables.length > 0) {
    // Every row, whatever the row security: a superuser (or BYPASSRLS role) reads them as it is; an owner
    // under forced RLS through the scoped role with the whole tree in scope. Times in UTC, as the trigger.
    const [saved] = rowsOf<{ role: string; zone: string; scope: string; bypass: boolean }>(
      await db.execute(sql`SELECT current_setting('role') AS role, current_setting('TimeZone') AS zone, coalesce(current_setting('sifa.scope', true), '') AS scope,
        (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user) AS bypass`),
    );
    const role = saved!.bypass ? saved!.role : 'sifa_app';
    await db.transaction(async (tx) => {
      // sifa.sealed: sealed cases too (casework privacy.sealedWhen), which the scoped role sees only as their responsible staff.
      await tx.execute(sql`SELECT set_config('sifa.scope', '/', true), set_config('sifa.sealed', 'all', true), set_config('role', ${role}, true), set_config('TimeZone', 'UTC', true)`);
      for (const t of tables) {
        rows += await verifyTableRows(tx, t, batchSize, report);
        await verifyDeletedRows(tx, t, report);
      }
      // Inside a caller's transaction these settings would outlive this savepoint (a failure rolls them back): put them back.
      await tx.execute(sql`SELECT set_config('sifa.scope', ${saved!.scope}, true), set_config('sifa.sealed', '', true), set_config('role', ${saved!.role}, true), set_config('TimeZone', ${saved!.zone}, true)`);
    });
  }

  const entries = heads.reduce((n, h) => n + h.entries, 0);
  if (problems.length === 0) return { ok: true, entries, chains: heads, rows, head: auditRootOf(heads) };
  return { ok: false, entries, chains: heads, rows, problems, brokenAt, reason: problems[0]!.message };
}
