/**
 * Department roles (股室): roles as data. A city or county administrator defines a role in its
 * subtree (a key unique within the defining org, a name, a built-in `base` role and a set of
 * permissions) and assigns it to users of the defining org's subtree at the base's level. A
 * holder's actor keeps `role` = the base (casework steps limited to roles and masking go by it)
 * and gets the role's permissions instead of the base's defaults.
 *
 * Limits: only permissions the installed plugins declare (VALIDATION_FAILED `role.unknown-permission`
 * names the first unknown one), never one the administrator does not hold (FORBIDDEN naming it),
 * both when defining and when assigning (a county administrator cannot hand out a city role
 * holding more than the county holds).
 *
 * The roles and the user's `role_id` are read with the session on every request (auth/sessions.ts),
 * so a change reaches every open session at its next request, and open streams at their next
 * credential re-check (≤ 30 s). Like api_keys, the table is owner only (read before any actor
 * exists); the subtree filter is applied here and every change is audited in its transaction.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { isWithinScope, pickText, roleLevels, SifaError, type LocalizedText, type Locale, type Role, type SifaDb } from '@sifa/core';
import { rowsOf } from '@sifa/core/db';
import { orgs, roleDefinitions, users } from '../db/schema.js';
import { findOrg } from '../orgs/directory.js';
import { appendAudit, digestOf } from '../audit/log.js';

/** One permission an installed plugin declares, as the administrator sees it. */
export interface DeclaredPermission {
  name: string;
  plugin: string;
  title: LocalizedText;
  /** The plugin's own name, to group the list by. */
  pluginTitle: LocalizedText;
  /** Built-in roles granted it by default. */
  defaultRoles: Role[];
}

export interface RoleSummary {
  key: string;
  orgCode: string;
  name: LocalizedText;
  base: Role;
  level: (typeof roleLevels)[Role];
  permissions: string[];
  /** Defined in the caller's subtree (it may change or remove it), not at an ancestor. */
  editable: boolean;
  /** Users of the caller's subtree holding it. */
  holders: number;
  updatedAt: string;
}

/** The signed-in administrator asking: its subtree and the permissions it holds. */
export interface RoleManager {
  actorId: string;
  actorRole: string;
  orgCode: string;
  withinPath: string;
  permissions: ReadonlySet<string>;
  locale: Locale;
}

export interface DefineRoleInput {
  key: string;
  orgCode?: string | undefined;
  name: { zh: string; en: string; mn?: string | undefined };
  base: Role;
  permissions: readonly string[];
}

/** Where an org level sits: a role works at its defining org's level or below. */
const depth = { region: 0, city: 1, county: 2, office: 3, village: 4 } as const;
const levelZh = { region: '省', city: '市', county: '县', office: '乡镇', village: '村' } as const;

type RoleRow = typeof roleDefinitions.$inferSelect;

const nameOf = (row: RoleRow): LocalizedText => ({ zh: row.nameZh, en: row.nameEn, ...(row.nameMn ? { mn: row.nameMn } : {}) });

export class RolesService {
  private readonly declared: ReadonlyMap<string, DeclaredPermission>;

  constructor(
    private readonly db: SifaDb,
    plugins: readonly { manifest: { id: string; title: LocalizedText; permissions: readonly { name: string; title: LocalizedText; roles: readonly Role[] }[] } }[],
    private readonly now: () => Date,
  ) {
    this.declared = new Map(
      plugins.flatMap(({ manifest }) =>
        manifest.permissions.map((p) => [p.name, { name: p.name, plugin: manifest.id, title: p.title, pluginTitle: manifest.title, defaultRoles: [...p.roles] }] as const),
      ),
    );
  }

  /** Every permission the installed plugins declare, in start order. */
  permissions(): DeclaredPermission[] {
    return [...this.declared.values()];
  }

  /** What a holder of `permissions` may do now: those still declared (a plugin removed since takes its own with it). */
  effective(permissions: readonly string[]): ReadonlySet<string> {
    return new Set(permissions.filter((p) => this.declared.has(p)));
  }

  /** Roles defined in the manager's subtree and those defined above it (assignable, not editable). */
  async list(manager: RoleManager): Promise<RoleSummary[]> {
    const within = `${manager.withinPath}%`;
    const rows = await this.db
      .select({
        role: roleDefinitions,
        holders: sql<number>`(SELECT count(*) FROM ${users} u JOIN ${orgs} o ON o.code = u.org_code WHERE u.role_id = ${roleDefinitions.id} AND o.path LIKE ${within})`,
      })
      .from(roleDefinitions)
      .where(sql`${roleDefinitions.scopePath} LIKE ${within} OR ${manager.withinPath} LIKE ${roleDefinitions.scopePath} || '%'`)
      .orderBy(asc(roleDefinitions.scopePath), asc(roleDefinitions.key));
    return rows.map(({ role, holders }) => this.summaryOf(role, Number(holders), isWithinScope(role.scopePath, manager.withinPath)));
  }

  /** Creates the role `key` of the org (the manager's own by default), or replaces its name, base and permissions. */
  async define(manager: RoleManager, input: DefineRoleInput): Promise<RoleSummary> {
    this.checkGrantable(manager, input.permissions, 'permissions');
    const org = await this.orgWithin(manager, input.orgCode ?? manager.orgCode);
    const level = roleLevels[input.base];
    if (depth[level] < depth[org.level]) {
      throw new SifaError('VALIDATION_FAILED', {
        message: {
          zh: `${org.name.zh}是${levelZh[org.level]}级单位，不能定义${levelZh[level]}级角色（${input.base}）。`,
          en: `${org.code} is at ${org.level} level: it cannot define a role at ${level} level (${input.base}).`,
        },
        issues: [{ path: 'base', message: pickText({ zh: `应为${levelZh[org.level]}级或以下的角色`, en: `a role at ${org.level} level or below` }, manager.locale) }],
        details: { base: input.base, orgLevel: org.level },
      });
    }
    const permissions = [...new Set(input.permissions)].sort();
    const values = { nameZh: input.name.zh, nameEn: input.name.en, nameMn: input.name.mn ?? null, base: input.base, permissions, updatedAt: this.now() };
    const row = await this.db.transaction(async (tx) => {
      const [existing] = await tx
        .select()
        .from(roleDefinitions)
        .where(and(eq(roleDefinitions.orgCode, org.code), eq(roleDefinitions.key, input.key)))
        .for('update');
      const [saved] = existing
        ? await tx.update(roleDefinitions).set(values).where(eq(roleDefinitions.id, existing.id)).returning()
        : await tx
            .insert(roleDefinitions)
            .values({ id: randomUUID(), key: input.key, orgCode: org.code, scopePath: org.path, createdBy: manager.actorId, ...values })
            .returning();
      if (existing && existing.base !== input.base) {
        // Holders follow the role's level: only one without holders may change its base.
        const [held] = rowsOf<{ n: string | number }>(await tx.execute(sql`SELECT count(*) AS n FROM ${users} WHERE role_id = ${existing.id}`));
        if (Number(held?.n ?? 0) > 0) throw heldBy(input.key, Number(held!.n), 'base');
      }
      await appendAudit(tx, {
        actorId: manager.actorId,
        actorRole: manager.actorRole,
        action: 'platform.roles.define',
        scopePath: org.path,
        entity: 'roles',
        entityId: saved!.id,
        beforeDigest: existing ? digestOf(auditedOf(existing)) : undefined,
        afterDigest: digestOf(auditedOf(saved!)),
      });
      return saved!;
    });
    return this.summaryOf(row, await this.holdersWithin(row.id, manager.withinPath), true);
  }

  /**
   * Gives the user (of the manager's subtree) the role `key` defined at `orgCode` (the user's
   * org or one above it, at the user's level), or with `key` null back the built-in role's
   * defaults.
   */
  async assign(manager: RoleManager, input: { username: string; key: string | null; orgCode?: string | undefined }): Promise<{ username: string; role: Role; department: { key: string; orgCode: string; name: LocalizedText } | null }> {
    return this.db.transaction(async (tx) => {
      const [user] = await tx
        .select({ id: users.id, username: users.username, role: users.role, roleId: users.roleId, orgPath: orgs.path, orgLevel: orgs.level })
        .from(users)
        .innerJoin(orgs, eq(orgs.code, users.orgCode))
        .where(eq(users.username, input.username))
        .for('update', { of: users });
      // A user outside the subtree answers like an unknown one: names of other counties' staff are not told.
      if (!user || !isWithinScope(user.orgPath, manager.withinPath)) {
        throw new SifaError('NOT_FOUND', {
          message: { zh: `本单位及下级单位中没有用户“${input.username}”。`, en: `No user "${input.username}" in your org or below it.` },
          details: { username: input.username },
        });
      }
      let role: RoleRow | null = null;
      if (input.key !== null) {
        const orgCode = input.orgCode ?? manager.orgCode;
        // Shared lock: a concurrent `remove` waits, then counts this holder (CONFLICT instead of a foreign-key error).
        [role = null] = await tx
          .select()
          .from(roleDefinitions)
          .where(and(eq(roleDefinitions.orgCode, orgCode), eq(roleDefinitions.key, input.key)))
          .for('share');
        // Usable by the user: defined at the user's org or above it, and visible to the manager (its subtree or above).
        if (!role || !isWithinScope(user.orgPath, role.scopePath) || !(isWithinScope(role.scopePath, manager.withinPath) || isWithinScope(manager.withinPath, role.scopePath))) {
          throw new SifaError('NOT_FOUND', {
            message: { zh: `没有可分配给该用户的角色“${input.key}”（${orgCode}）。`, en: `No role "${input.key}" of ${orgCode} that this user's org may hold.` },
            details: { key: input.key, orgCode },
          });
        }
        this.checkGrantable(manager, role.permissions, 'key');
        const level = roleLevels[role.base];
        if (level !== user.orgLevel) {
          throw new SifaError('VALIDATION_FAILED', {
            message: {
              zh: `角色“${role.nameZh}”是${levelZh[level]}级角色，而该用户属于${levelZh[user.orgLevel]}级单位。`,
              en: `The role "${role.nameEn}" works at ${level} level, but the user's org is at ${user.orgLevel} level.`,
            },
            issues: [{ path: 'key', message: pickText({ zh: `应为${levelZh[user.orgLevel]}级角色`, en: `a role at ${user.orgLevel} level` }, manager.locale) }],
            details: { key: role.key, level, orgLevel: user.orgLevel },
          });
        }
      }
      const builtIn = role?.base ?? user.role;
      await tx.update(users).set({ roleId: role?.id ?? null, role: builtIn }).where(eq(users.id, user.id));
      await appendAudit(tx, {
        actorId: manager.actorId,
        actorRole: manager.actorRole,
        action: 'platform.roles.assign',
        scopePath: user.orgPath,
        entity: 'users',
        entityId: user.id,
        beforeDigest: digestOf({ role: user.role, roleId: user.roleId }),
        afterDigest: digestOf({ role: builtIn, roleId: role?.id ?? null }),
      });
      return { username: user.username, role: builtIn, department: role ? { key: role.key, orgCode: role.orgCode, name: nameOf(role) } : null };
    });
  }

  /** Removes a role of the manager's subtree; refused (CONFLICT `role.in-use`) while users hold it. */
  async remove(manager: RoleManager, input: { key: string; orgCode?: string | undefined }): Promise<{ key: string; orgCode: string }> {
    const org = await this.orgWithin(manager, input.orgCode ?? manager.orgCode);
    return this.db.transaction(async (tx) => {
      const [role] = await tx
        .select()
        .from(roleDefinitions)
        .where(and(eq(roleDefinitions.orgCode, org.code), eq(roleDefinitions.key, input.key)))
        .for('update');
      if (!role) throw new SifaError('NOT_FOUND', { message: { zh: `${org.code} 没有角色“${input.key}”。`, en: `${org.code} has no role "${input.key}".` }, details: { key: input.key, orgCode: org.code } });
      const [held] = rowsOf<{ n: string | number }>(await tx.execute(sql`SELECT count(*) AS n FROM ${users} WHERE role_id = ${role.id}`));
      if (Number(held?.n ?? 0) > 0) throw heldBy(role.key, Number(held!.n), 'remove');
      await tx.delete(roleDefinitions).where(eq(roleDefinitions.id, role.id));
      await appendAudit(tx, {
        actorId: manager.actorId,
        actorRole: manager.actorRole,
        action: 'platform.roles.remove',
        scopePath: role.scopePath,
        entity: 'roles',
        entityId: role.id,
        beforeDigest: digestOf(auditedOf(role)),
      });
      return { key: role.key, orgCode: role.orgCode };
    });
  }

  /** Every permission declared (else VALIDATION_FAILED naming it) and held by the manager (else FORBIDDEN naming it). */
  private checkGrantable(manager: RoleManager, permissions: readonly string[], path: string): void {
    const unknown = permissions.findIndex((p) => !this.declared.has(p));
    if (unknown >= 0) {
      const name = permissions[unknown]!;
      throw new SifaError('VALIDATION_FAILED', {
        message: { zh: `没有已安装的插件声明权限“${name}”。`, en: `No installed plugin declares the permission "${name}".` },
        issues: [{ path: `${path}.${unknown}`, message: pickText({ zh: `未知权限“${name}”`, en: `unknown permission "${name}"` }, manager.locale) }],
        details: { reason: 'role.unknown-permission', permission: name },
      });
    }
    const beyond = permissions.find((p) => !manager.permissions.has(p));
    if (beyond !== undefined) {
      throw new SifaError('FORBIDDEN', {
        message: { zh: `您本人没有权限“${beyond}”，不能把它授予角色。`, en: `You do not hold the permission "${beyond}" yourself, so you cannot grant it through a role.` },
        details: { reason: 'role.beyond-grantor', permission: beyond },
      });
    }
  }

  private async orgWithin(manager: RoleManager, orgCode: string) {
    const org = await findOrg(this.db, orgCode);
    if (!org) throw new SifaError('NOT_FOUND', { message: { zh: `没有代码为 ${orgCode} 的单位。`, en: `There is no organisation with code ${orgCode}.` }, details: { orgCode } });
    if (!isWithinScope(org.path, manager.withinPath)) throw new SifaError('OUT_OF_SCOPE', { details: { orgCode } });
    return org;
  }

  private async holdersWithin(roleId: string, withinPath: string): Promise<number> {
    const [row] = rowsOf<{ n: string | number }>(
      await this.db.execute(sql`SELECT count(*) AS n FROM ${users} u JOIN ${orgs} o ON o.code = u.org_code WHERE u.role_id = ${roleId} AND o.path LIKE ${`${withinPath}%`}`),
    );
    return Number(row?.n ?? 0);
  }

  private summaryOf(row: RoleRow, holders: number, editable: boolean): RoleSummary {
    return {
      key: row.key,
      orgCode: row.orgCode,
      name: nameOf(row),
      base: row.base,
      level: roleLevels[row.base],
      permissions: [...row.permissions],
      editable,
      holders,
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}

const auditedOf = (row: RoleRow) => ({ key: row.key, orgCode: row.orgCode, name: nameOf(row), base: row.base, permissions: row.permissions });

const heldBy = (key: string, holders: number, change: 'remove' | 'base') =>
  new SifaError('CONFLICT', {
    message:
      change === 'remove'
        ? { zh: `角色“${key}”仍有 ${holders} 名用户持有，请先为他们改派角色。`, en: `${holders} user(s) still hold the role "${key}": assign them another role first.` }
        : { zh: `角色“${key}”仍有 ${holders} 名用户持有，不能改变其基础角色（级别）。`, en: `${holders} user(s) hold the role "${key}": its base role (level) cannot change while they do.` },
    details: { reason: 'role.in-use', key, holders },
  });
