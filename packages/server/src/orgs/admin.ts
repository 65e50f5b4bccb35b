/**
 * A bureau's own org tree: import (validated as a whole, applied in one transaction, idempotent),
 * renames and moves that keep history, closing and merging units.
 *
 * Records point at their unit by code (`org_code`) and are scoped by its path (`org_path` and the
 * other path columns). A move changes the paths of the unit and everything under it, so every
 * path column of the schema (the platform's tables and every plugin's) is re-pointed in the same
 * transaction; the facts' rollups follow through their update trigger. The audit log is not
 * rewritten (its entries are history, chained by hash); each re-pointed row of a row-hashed table
 * gets an audit entry with its new hash, so `sifa audit verify` stays clean.
 *
 * A merge closes a unit and moves it, its sub-units, its accounts and so its records under the
 * unit it merges into. Records keep their own unit's code: numbers and 文号 were issued by it and
 * stay unique, while the target's staff now see and continue them. The mapping is recorded in
 * both units' history.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  SifaError,
  closedUnitError,
  defaultOrgKind,
  orgLevels,
  orgPathOf,
  parseOrgImportFile,
  pickText,
  levelOfCode,
  isWithinScope,
  type Actor,
  type Locale,
  type LocalizedText,
  type OrgCloseInput,
  type OrgCloseResult,
  type OrgHistoryEntry,
  type OrgImportChange,
  type OrgImportInput,
  type OrgImportProblem,
  type OrgImportResult,
  type OrgKind,
  type OrgMergeInput,
  type OrgMergeResult,
  type SifaDb,
} from '@sifa/core';
import { rowsOf } from '@sifa/core/db';
import { appendAudit, digestOf } from '../audit/log.js';
import { orgHistory, orgs } from '../db/schema.js';
import { toOrgNode } from './directory.js';
import { rootOrgCode, systemActor } from '../auth/system-actor.js';

type OrgRow = typeof orgs.$inferSelect;
type Tx = SifaDb;

export interface OrgAdminOptions {
  /** The server's own connection (the tables' owner). */
  db: SifaDb;
  now: () => Date;
  /** Where the day a unit closes is counted (default Asia/Shanghai). */
  timeZone?: string | undefined;
}

export interface OrgAdminPlatform {
  importTree(actor: Actor, input: OrgImportInput, locale: Locale): Promise<OrgImportResult>;
  close(actor: Actor, input: OrgCloseInput, locale: Locale): Promise<OrgCloseResult>;
  merge(actor: Actor, input: OrgMergeInput, locale: Locale): Promise<OrgMergeResult>;
  history(actor: Actor, code: string): Promise<OrgHistoryEntry[]>;
  /** `sifa org import`: as the console, over the whole tree (or the first tree, into an empty database). */
  importAsOwner(input: OrgImportInput): Promise<OrgImportResult>;
}

/** The path columns a move re-points, wherever a table of the schema has one (not the audit log: history). */
const pathColumns = ['org_path', 'subject_org_path', 'owner_org_path', 'scope_path'];
const historyTables = ['audit_log', 'orgs'];

export function createOrgAdmin(options: OrgAdminOptions): OrgAdminPlatform {
  const { db } = options;
  const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: options.timeZone ?? 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

  const locked = <T>(work: (tx: Tx) => Promise<T>) =>
    db.transaction(async (tx) => {
      // One change of the tree at a time; readers go on.
      await tx.execute(sql`LOCK TABLE orgs IN SHARE ROW EXCLUSIVE MODE`);
      return work(tx as unknown as Tx);
    });

  const history = (tx: Tx, actor: Actor, at: Date, rows: { code: string; change: OrgHistoryEntry['change']; before?: object | null; after?: object | null; reason?: string }[]) =>
    rows.length === 0
      ? Promise.resolve()
      : tx.insert(orgHistory).values(
          rows.map((r) => ({
            code: r.code,
            change: r.change,
            before: (r.before ?? null) as Record<string, unknown> | null,
            after: (r.after ?? null) as Record<string, unknown> | null,
            reason: r.reason ?? null,
            actorId: actor.userId,
            at,
          })),
        );

  const importTree = async (actor: Actor, input: OrgImportInput, locale: Locale): Promise<OrgImportResult> =>
    locked(async (tx) => {
      const parsed = parseOrgImportFile(input.format, input.content);
      const problems: OrgImportProblem[] = [...parsed.problems];
      const current = new Map((await tx.select().from(orgs)).map((r) => [r.code, r]));
      const plan = planImport(parsed.rows, current, actor, problems);
      if (problems.length) throw importError(problems, locale);
      const result: OrgImportResult = {
        dryRun: input.dryRun ?? false,
        rows: parsed.rows.length,
        changed: plan.changes.length > 0,
        added: plan.changes.filter((c) => c.change === 'added').length,
        renamed: plan.changes.filter((c) => c.change === 'renamed').length,
        moved: plan.changes.filter((c) => c.change === 'moved').length,
        unchanged: plan.unchanged,
        notInFile: [...current.keys()].filter((code) => !plan.listed.has(code)).length,
        closedSkipped: plan.closedSkipped,
        changes: plan.changes,
        rowsMoved: {},
      };
      if (result.dryRun || !result.changed) return result;
      const at = options.now();
      if (plan.inserts.length) await tx.insert(orgs).values(plan.inserts);
      for (const u of plan.updates) {
        await tx.execute(sql`UPDATE orgs SET parent_code = ${u.parentCode}, name_zh = ${u.nameZh}, name_en = ${u.nameEn}, name_mn = ${u.nameMn}, kind = ${u.kind} WHERE code = ${u.code}`);
      }
      result.rowsMoved = await movePaths(tx, plan.moves, actor);
      await history(
        tx,
        actor,
        at,
        plan.changes.map((c) => ({ code: c.code, change: c.change, before: c.before ?? null, after: c.after ?? null })),
      );
      await appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'platform.org.import',
        scopePath: actor.scope.orgPath,
        entity: 'orgs',
        entityId: createHash('sha256').update(input.content).digest('hex').slice(0, 16),
        afterDigest: digestOf({ changes: plan.changes, rowsMoved: result.rowsMoved }),
      });
      return result;
    });

  /** Loads a unit within the caller's scope that is still open, or throws the error that says why not. */
  const openUnit = (unit: OrgRow | undefined, code: string, actor: Actor): OrgRow => {
    if (!unit) throw new SifaError('NOT_FOUND', { message: { zh: `没有代码为 ${code} 的单位。`, en: `There is no organisation with code ${code}.` }, details: { orgCode: code } });
    if (!isWithinScope(unit.path, actor.scope.orgPath)) {
      throw new SifaError('OUT_OF_SCOPE', {
        message: { zh: `单位 ${code}（${unit.nameZh}）不在您的管辖范围内。`, en: `Organisation ${code} (${unit.nameZh}) is outside the area you manage.` },
        details: { orgCode: code },
      });
    }
    if (unit.closedOn) throw closedUnitError(toOrgNode(unit));
    return unit;
  };

  const close = (actor: Actor, input: OrgCloseInput): Promise<OrgCloseResult> =>
    locked(async (tx) => {
      const all = new Map((await tx.select().from(orgs)).map((r) => [r.code, r]));
      const unit = openUnit(all.get(input.code), input.code, actor);
      refuseOwnUnit(unit, actor, { zh: '关闭', en: 'close' });
      const open = [...all.values()].filter((r) => r.parentCode === unit.code && !r.closedOn).map((r) => r.code);
      if (open.length) {
        throw new SifaError('CONFLICT', {
          message: {
            zh: `单位 ${unit.code}（${unit.nameZh}）下还有 ${open.length} 个未关闭的单位（${open.slice(0, 5).join('、')}${open.length > 5 ? '…' : ''}）：请先将其关闭、合并或移至其他上级。`,
            en: `${unit.code} (${unit.nameZh}) still has ${open.length} open unit(s) under it (${open.slice(0, 5).join(', ')}${open.length > 5 ? ', …' : ''}): close, merge or move them first.`,
          },
          details: { orgCode: unit.code, openUnits: open.join(',') },
        });
      }
      const served = rowsOf<{ code: string }>(await tx.execute(sql`SELECT division_code AS code FROM org_service_areas WHERE org_code = ${unit.code} ORDER BY 1`)).map((r) => r.code);
      if (served.length) {
        throw new SifaError('CONFLICT', {
          message: {
            zh: `${unit.code}（${unit.nameZh}）仍服务 ${served.length} 个乡镇（街道）（${served.slice(0, 5).join('、')}${served.length > 5 ? '…' : ''}）：请先将其交由其他司法所服务（platform.org.setServiceArea），或将本所并入其他司法所。`,
            en: `${unit.code} (${unit.nameZh}) still serves ${served.length} township(s) (${served.slice(0, 5).join(', ')}${served.length > 5 ? ', …' : ''}): give them to another office first (platform.org.setServiceArea), or merge this office into one.`,
          },
          details: { orgCode: unit.code, townships: served.join(',') },
        });
      }
      const at = options.now();
      const closedOn = dayFormat.format(at);
      await tx.execute(sql`UPDATE orgs SET closed_on = ${closedOn} WHERE code = ${unit.code}`);
      await history(tx, actor, at, [{ code: unit.code, change: 'closed', after: { closedOn }, reason: input.reason }]);
      await appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'platform.org.close',
        scopePath: unit.path,
        entity: 'orgs',
        entityId: unit.code,
        afterDigest: digestOf({ closedOn, reason: input.reason }),
      });
      return { code: unit.code, closedOn };
    });

  const merge = (actor: Actor, input: OrgMergeInput): Promise<OrgMergeResult> =>
    locked(async (tx) => {
      const all = new Map((await tx.select().from(orgs)).map((r) => [r.code, r]));
      const unit = openUnit(all.get(input.code), input.code, actor);
      const into = openUnit(all.get(input.into), input.into, actor);
      refuseOwnUnit(unit, actor, { zh: '合并', en: 'merge' });
      if (unit.code === into.code || isWithinScope(into.path, unit.path)) {
        throw new SifaError('BAD_REQUEST', {
          message: {
            zh: `单位 ${unit.code} 不能并入它自己或它下属的单位 ${into.code}。`,
            en: `${unit.code} cannot be merged into itself or into ${into.code}, which lies under it.`,
          },
          details: { orgCode: unit.code, into: into.code },
        });
      }
      if (unit.level !== into.level) {
        throw new SifaError('BAD_REQUEST', {
          message: {
            zh: `只能合并同一层级的单位：${unit.code}（${unit.nameZh}）是 ${unit.level}，${into.code}（${into.nameZh}）是 ${into.level}。`,
            en: `Only units of one level merge: ${unit.code} (${unit.nameZh}) is a ${unit.level}, ${into.code} (${into.nameZh}) a ${into.level}.`,
          },
          details: { orgCode: unit.code, into: into.code },
        });
      }
      const at = options.now();
      const closedOn = dayFormat.format(at);
      // The sub-units (open or closed) now hang under the target, the unit itself too (closed).
      const units = [...all.values()].filter((r) => r.parentCode === unit.code).map((r) => r.code).sort();
      const parents = new Map([...all.values()].map((r) => [r.code, r.parentCode]));
      for (const code of units) parents.set(code, into.code);
      parents.set(unit.code, into.code);
      const moves = pathChanges(all, parents);
      await tx.execute(sql`UPDATE orgs SET parent_code = ${into.code} WHERE parent_code = ${unit.code}`);
      await tx.execute(sql`UPDATE orgs SET parent_code = ${into.code}, closed_on = ${closedOn}, merged_into = ${into.code} WHERE code = ${unit.code}`);
      const rowsMoved = await movePaths(tx, moves, actor);
      const users = rowsOf<{ n: number | string }>(
        await tx.execute(sql`WITH u AS (UPDATE users SET org_code = ${into.code} WHERE org_code = ${unit.code} RETURNING 1) SELECT count(*) AS n FROM u`),
      )[0]!;
      // The townships it served are the target's now (a citizen there still finds an open office).
      const townships = rowsOf<{ code: string }>(
        await tx.execute(sql`UPDATE org_service_areas SET org_code = ${into.code}, org_path = ${into.path}, updated_at = ${at.toISOString()}, updated_by = ${actor.userId}
          WHERE org_code = ${unit.code} RETURNING division_code AS code`),
      ).map((r) => r.code).sort();
      const mapping = { into: into.code, closedOn, fromPath: unit.path, toPath: moves.get(unit.path) ?? unit.path, units, users: Number(users.n), townships, rowsMoved };
      await history(tx, actor, at, [
        { code: unit.code, change: 'merged', before: { parent: unit.parentCode, path: unit.path }, after: mapping, reason: input.reason },
        { code: into.code, change: 'merged-in', after: { from: unit.code, name: unit.nameZh, ...mapping }, reason: input.reason },
      ]);
      await appendAudit(tx, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'platform.org.merge',
        scopePath: into.path,
        entity: 'orgs',
        entityId: unit.code,
        afterDigest: digestOf({ ...mapping, reason: input.reason }),
      });
      return { code: unit.code, closedOn, into: into.code, units, users: Number(users.n), townships, rowsMoved };
    });

  return {
    importTree,
    close: (actor, input) => close(actor, input),
    merge: (actor, input) => merge(actor, input),
    async history(actor, code) {
      const [unit] = await db.select().from(orgs).where(sql`${orgs.code} = ${code}`);
      if (!unit) throw new SifaError('NOT_FOUND', { details: { orgCode: code } });
      if (!isWithinScope(unit.path, actor.scope.orgPath)) throw new SifaError('OUT_OF_SCOPE', { details: { orgCode: code } });
      const rows = await db.select().from(orgHistory).where(sql`${orgHistory.code} = ${code}`).orderBy(orgHistory.seq);
      return rows.map((r) => ({ seq: r.seq, at: r.at.toISOString(), actor: r.actorId, change: r.change, before: r.before ?? null, after: r.after ?? null }));
    },
    async importAsOwner(input) {
      const roots = rowsOf<{ code: string }>(await db.execute(sql`SELECT code FROM orgs WHERE parent_code IS NULL LIMIT 1`));
      // An empty database: the console builds the first tree (nothing to scope to yet).
      const actor: Actor = roots.length
        ? await systemActor(db, await rootOrgCode(db), 'cli', 'Console (sifa org import)', new Set())
        : { userId: 'cli', username: 'cli', displayName: 'Console (sifa org import)', role: 'city_admin', scope: { orgCode: '', orgPath: '/' }, permissions: new Set(), via: 'session', system: true };
      return importTree(actor, input, 'en');
    },
  };
}

interface ImportPlan {
  changes: OrgImportChange[];
  inserts: OrgRow[];
  updates: Pick<OrgRow, 'code' | 'parentCode' | 'nameZh' | 'nameEn' | 'nameMn' | 'kind'>[];
  moves: Map<string, string>;
  unchanged: number;
  listed: Set<string>;
  closedSkipped: string[];
}

const levelRank = (level: string) => (orgLevels as readonly string[]).indexOf(level);
const levelName: Record<string, LocalizedText> = {
  region: { zh: '省级', en: 'region' },
  city: { zh: '市级', en: 'city' },
  county: { zh: '县级', en: 'county' },
  office: { zh: '乡镇（司法所）级', en: 'office' },
  village: { zh: '村（社区）级', en: 'village' },
};

/**
 * Checks the file's rows against each other and the tree held, and works out what changes.
 * Every problem is named by its line; nothing is planned when there is one.
 */
function planImport(rows: { line: number; row: import('@sifa/core').OrgImportRow }[], current: Map<string, OrgRow>, actor: Actor, problems: OrgImportProblem[]): ImportPlan {
  const add = (line: number, code: string | undefined, zh: string, en: string) => problems.push({ line, ...(code ? { code } : {}), message: { zh, en } });
  const plan: ImportPlan = { changes: [], inserts: [], updates: [], moves: new Map(), unchanged: 0, listed: new Set(), closedSkipped: [] };
  const byCode = new Map<string, { line: number; row: (typeof rows)[number]['row'] }>();
  for (const r of rows) {
    const first = byCode.get(r.row.code);
    if (first) add(r.line, r.row.code, `代码 ${r.row.code} 重复：第 ${first.line} 行已有该代码。`, `Code ${r.row.code} is a duplicate: line ${first.line} has it already.`);
    else byCode.set(r.row.code, r);
    plan.listed.add(r.row.code);
  }
  const existingRoot = [...current.values()].find((r) => r.parentCode === null);
  // The tree after the import: the file's parents over the held ones (closed units stay where they are).
  const parents = new Map([...current.values()].map((r) => [r.code, r.parentCode]));
  const levels = new Map([...current.values()].map((r) => [r.code, r.level as string]));
  for (const { line, row } of byCode.values()) {
    const held = current.get(row.code);
    if (held?.closedOn) {
      plan.closedSkipped.push(row.code);
      continue;
    }
    const parent = row.parent || null;
    const codeLevel = levelOfCode(row.code);
    if (codeLevel !== row.level) {
      add(line, row.code, `代码 ${row.code} 有 ${row.code.length} 位，是${levelName[codeLevel ?? '']?.zh ?? '未知层级'}代码，与层级 ${row.level} 不符。`, `Code ${row.code} has ${row.code.length} digits (level ${codeLevel ?? 'unknown'}), but the level says ${row.level}.`);
    }
    if (parent === null) {
      if (existingRoot && existingRoot.code !== row.code) {
        add(line, row.code, `${row.code} 没有上级，但树已有根单位 ${existingRoot.code}（${existingRoot.nameZh}）：请填写上级代码。`, `${row.code} has no parent, but the tree's root is ${existingRoot.code} (${existingRoot.nameZh}): fill in its parent.`);
      }
    } else if (!byCode.has(parent) && !current.has(parent)) {
      add(line, row.code, `上级 ${parent} 既不在文件中，也不在现有的组织机构树中。`, `Parent ${parent} is neither in the file nor in the tree.`);
    } else if (current.get(parent)?.closedOn && !byCode.has(parent)) {
      add(line, row.code, `上级 ${parent}（${current.get(parent)!.nameZh}）已于 ${current.get(parent)!.closedOn} 关闭。`, `Parent ${parent} (${current.get(parent)!.nameZh}) was closed on ${current.get(parent)!.closedOn}.`);
    }
    parents.set(row.code, parent);
    levels.set(row.code, row.level);
  }
  if (byCode.size === 0 && problems.length === 0) add(1, undefined, '文件中没有单位。', 'The file lists no unit.');
  // Levels along each edge, then cycles.
  for (const { line, row } of byCode.values()) {
    if (current.get(row.code)?.closedOn) continue;
    const parent = parents.get(row.code);
    const parentLevel = parent ? levels.get(parent) : undefined;
    if (parent && parentLevel && levelRank(parentLevel) >= levelRank(row.level)) {
      add(
        line,
        row.code,
        `${row.code}（${levelName[row.level]!.zh}）不能隶属于 ${parent}（${levelName[parentLevel]!.zh}）：上级的层级须更高。`,
        `${row.code} (${row.level}) cannot lie under ${parent} (${parentLevel}): a parent's level must be higher.`,
      );
    }
  }
  const reported = new Set<string>();
  for (const { row } of byCode.values()) {
    const seen: string[] = [];
    let code: string | null | undefined = row.code;
    while (code && !seen.includes(code)) {
      seen.push(code);
      code = parents.get(code);
    }
    if (code && !reported.has(code)) {
      const cycle = seen.slice(seen.indexOf(code));
      for (const c of cycle) reported.add(c);
      const lines = cycle.map((c) => byCode.get(c)?.line).filter((l): l is number => l !== undefined);
      const chain = [...cycle, code].join(' → ');
      add(Math.min(...lines), code, `上级关系成环：${chain}（第 ${lines.join('、')} 行）。`, `The parents form a cycle: ${chain} (lines ${lines.join(', ')}).`);
    }
  }
  if (problems.length) return plan;

  const pathOf = pathResolver(parents);
  for (const { line, row } of byCode.values()) {
    const held = current.get(row.code);
    if (held?.closedOn) continue;
    const path = pathOf(row.code);
    const kind: OrgKind = row.kind ?? held?.kind ?? defaultOrgKind(row.level);
    const name = { zh: row.name_zh, en: row.name_en ?? null, mn: row.name_mn ?? null };
    const outside = (p: string) => !isWithinScope(p, actor.scope.orgPath);
    if (!held) {
      if (outside(path)) add(line, row.code, `新单位 ${row.code} 将位于您的管辖范围之外。`, `The new unit ${row.code} would lie outside the area you manage.`);
      plan.inserts.push({ code: row.code, parentCode: row.parent || null, level: row.level, path, nameZh: name.zh, nameEn: name.en, nameMn: name.mn, kind, closedOn: null, mergedInto: null });
      plan.changes.push({ code: row.code, line, change: 'added', after: { parent: row.parent || null, path, name, kind } });
      continue;
    }
    const heldName = { zh: held.nameZh, en: held.nameEn, mn: held.nameMn };
    const renamed = heldName.zh !== name.zh || (heldName.en ?? null) !== name.en || (heldName.mn ?? null) !== name.mn;
    const moved = (held.parentCode ?? null) !== (row.parent || null);
    const rekind = held.kind !== kind;
    if (held.level !== row.level) {
      add(line, row.code, `单位 ${row.code} 的层级是 ${held.level}，不能改为 ${row.level}（层级随代码而定）。`, `Unit ${row.code} is a ${held.level}; its level cannot become ${row.level} (the level follows the code).`);
      continue;
    }
    if (!renamed && !moved && !rekind) {
      plan.unchanged++;
      continue;
    }
    if (outside(held.path) || outside(path)) {
      add(line, row.code, `单位 ${row.code}（${held.nameZh}）不在您的管辖范围内，不能修改。`, `Unit ${row.code} (${held.nameZh}) is outside the area you manage and cannot be changed here.`);
      continue;
    }
    if (moved && held.code === actor.scope.orgCode) {
      add(line, row.code, `不能移动您自己所在的单位 ${row.code}。`, `You cannot move ${row.code}, the unit you manage from.`);
      continue;
    }
    plan.updates.push({ code: row.code, parentCode: row.parent || null, nameZh: name.zh, nameEn: name.en, nameMn: name.mn, kind });
    if (renamed) plan.changes.push({ code: row.code, line, change: 'renamed', before: { name: heldName }, after: { name } });
    if (moved) plan.changes.push({ code: row.code, line, change: 'moved', before: { parent: held.parentCode, path: held.path }, after: { parent: row.parent || null, path } });
    if (rekind) plan.changes.push({ code: row.code, line, change: 'kind', before: { kind: held.kind }, after: { kind } });
  }
  // Every held unit whose path changes (the moved ones and everything under them).
  plan.moves = pathChanges(current, parents);
  return plan;
}

/** Each unit's path when `parents` (code → parent code) are the tree's edges, worked out once per unit. */
function pathResolver(parents: Map<string, string | null>): (code: string) => string {
  const paths = new Map<string, string>();
  const pathOf = (code: string): string => {
    const known = paths.get(code);
    if (known) return known;
    const parent = parents.get(code);
    const path = parent ? `${pathOf(parent)}${code}/` : orgPathOf([code]);
    paths.set(code, path);
    return path;
  };
  return pathOf;
}

/** Old path → new path of every unit whose path changes when `parents` replace the held parents. */
function pathChanges(all: Map<string, OrgRow>, parents: Map<string, string | null>): Map<string, string> {
  const pathOf = pathResolver(parents);
  const moves = new Map<string, string>();
  for (const row of all.values()) {
    const path = pathOf(row.code);
    if (path !== row.path) moves.set(row.path, path);
  }
  return moves;
}

/**
 * Re-points every path column from the old paths to the new ones (the units' own rows first),
 * with row security and the tables' "frozen" triggers set aside for this transaction only, and
 * records the new row hash of each re-pointed row of a row-hashed table in the audit log.
 */
async function movePaths(tx: Tx, moves: Map<string, string>, actor: Actor): Promise<Record<string, number>> {
  if (moves.size === 0) return {};
  await tx.execute(sql`CREATE TEMP TABLE sifa_org_moves (old_path text PRIMARY KEY, new_path text NOT NULL) ON COMMIT DROP`);
  const pairs = [...moves];
  for (let i = 0; i < pairs.length; i += 500) {
    await tx.execute(sql`INSERT INTO sifa_org_moves (old_path, new_path) VALUES ${sql.join(pairs.slice(i, i + 500).map(([o, n]) => sql`(${o}, ${n})`), sql`, `)}`);
  }
  await tx.execute(sql`UPDATE orgs SET path = m.new_path FROM sifa_org_moves m WHERE orgs.path = m.old_path`);
  const [{ bypass }] = rowsOf<{ bypass: boolean }>(await tx.execute(sql`SELECT (rolsuper OR rolbypassrls) AS bypass FROM pg_roles WHERE rolname = current_user`)) as [{ bypass: boolean }];
  const columns = rowsOf<{ table: string; column: string; forced: boolean; hashed: boolean }>(
    await tx.execute(sql`SELECT c.relname AS table, a.attname AS column, c.relforcerowsecurity AS forced,
        EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid WHERE t.tgrelid = c.oid AND p.proname = 'sifa_row_hash' AND NOT t.tgisinternal) AS hashed
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped
        AND a.attname IN (${sql.join(pathColumns.map((c) => sql`${c}`), sql`, `)})
        AND c.relname NOT IN (${sql.join(historyTables.map((t) => sql`${t}`), sql`, `)})
      ORDER BY c.relname, a.attname`),
  );
  const counts: Record<string, number> = {};
  const tables = [...new Set(columns.map((c) => c.table))];
  for (const table of tables) {
    const ident = sql.identifier(table);
    const own = columns.filter((c) => c.table === table);
    const forced = own[0]!.forced && !bypass;
    // Triggers that refuse updates of append-only rows (warnings' steps, frozen versions): a move
    // re-points, it does not edit. The row-hash trigger stays on: the hash must follow the path.
    const blockers = rowsOf<{ name: string }>(
      await tx.execute(sql`SELECT t.tgname AS name FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
        WHERE t.tgrelid = ${table}::regclass AND NOT t.tgisinternal AND t.tgenabled <> 'D'
          AND (t.tgtype & 2) = 2 AND (t.tgtype & 16) = 16 AND p.proname <> 'sifa_row_hash'`),
    ).map((r) => r.name);
    if (forced) await tx.execute(sql`ALTER TABLE ${ident} NO FORCE ROW LEVEL SECURITY`);
    for (const name of blockers) await tx.execute(sql`ALTER TABLE ${ident} DISABLE TRIGGER ${sql.identifier(name)}`);
    let moved = 0;
    for (const { column } of own) {
      const col = sql.identifier(column);
      const [row] = rowsOf<{ n: number | string }>(
        await tx.execute(sql`WITH u AS (UPDATE ${ident} r SET ${col} = m.new_path FROM sifa_org_moves m WHERE r.${col} = m.old_path RETURNING 1) SELECT count(*) AS n FROM u`),
      );
      moved += Number(row!.n);
    }
    if (own[0]!.hashed && own.some((c) => c.column === 'org_path')) {
      await tx.execute(sql`SELECT count(sifa_audit_append(${actor.userId}, ${actor.role}, 'platform.org.move', r.org_path, ${table}, r.id::text, '', '', r.row_hash))
        FROM (SELECT r.org_path, r.id, r.row_hash FROM ${ident} r JOIN sifa_org_moves m ON r.org_path = m.new_path ORDER BY r.org_path, r.id) r`);
    }
    for (const name of blockers) await tx.execute(sql`ALTER TABLE ${ident} ENABLE TRIGGER ${sql.identifier(name)}`);
    if (forced) await tx.execute(sql`ALTER TABLE ${ident} FORCE ROW LEVEL SECURITY`);
    if (moved) counts[table] = moved;
  }
  return counts;
}

function refuseOwnUnit(unit: OrgRow, actor: Actor, what: LocalizedText) {
  if (unit.code === actor.scope.orgCode || unit.parentCode === null) {
    throw new SifaError('BAD_REQUEST', {
      message: { zh: `不能${what.zh}您自己所在的单位或组织机构树的根单位 ${unit.code}。`, en: `You cannot ${what.en} ${unit.code}: it is the unit you manage from or the tree's root.` },
      details: { orgCode: unit.code },
    });
  }
}

function importError(problems: OrgImportProblem[], locale: Locale): SifaError {
  problems.sort((a, b) => a.line - b.line);
  return new SifaError('VALIDATION_FAILED', {
    message: {
      zh: `组织机构文件有 ${problems.length} 处问题，未做任何修改。`,
      en: `The org file has ${problems.length} problem(s); nothing was changed.`,
    },
    issues: problems.map((p) => ({ path: p.line ? `line ${p.line}` : '', message: pickText(p.message, locale) })),
    details: { problems: problems.length },
  });
}
