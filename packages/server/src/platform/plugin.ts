/**
 * The platform's own procedures (sign-in, org tree, facts, audit, embed tokens and keys) as a
 * plugin built through the same contract as every business module. It is created by the server
 * because sign-in and embedding need the server's auth and key services.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import {
  createRouter,
  definePlugin,
  defineServerPlugin,
  factInputSchema,
  factsQuerySchema,
  factsResultSchema,
  countyDivisionsInputSchema,
  localizedTextSchema,
  orgBoundariesInputSchema,
  orgCodeSchema,
  serviceAreaInputSchema,
  servingOfficeInputSchema,
  divisionSearchInputSchema,
  setServiceAreaInputSchema,
  publicProcedure,
  roleSchema,
  scopedProcedure,
  signedInProcedure,
  SifaError,
  type RegionCollection,
} from '@sifa/core';
import { inSubtree } from '@sifa/core/db';
import {
  apiKeys,
  auditAnchors,
  auditLog,
  calendarDays,
  calendarYears,
  caseAttachments,
  caseCounters,
  caseEvents,
  caseFiles,
  cases,
  documentBatches,
  documentCounters,
  documents,
  facts,
  factRollupsDay,
  factRollupsMonth,
  jobRuns,
  notificationDeliveries,
  notificationReads,
  notifications,
  orgs,
  divisions,
  orgServiceAreas,
  publicApplications,
  roleDefinitions,
  sessions,
  sifaSettings,
  users,
  webhookEvents,
  webhookSubscriptions,
} from '../db/schema.js';
import { createDocumentRoutes, createDocumentsRouter } from '../documents/router.js';
import type { DocumentsPlatform } from '../documents/service.js';
import { createNotificationsRouter } from '../notifications/router.js';
import type { NotificationsPlatform } from '../notifications/service.js';
import { findOrg, toOrgNode } from '../orgs/directory.js';
import { createOrgAdminProcedures } from '../orgs/router.js';
import type { OrgAdminPlatform } from '../orgs/admin.js';
import { regionBoundaries } from '../orgs/boundaries.js';
import { countyTownships, searchDivisions, serviceArea, servingOffice, setServiceArea } from '../orgs/service-areas.js';
import type { AuthService } from '../auth/sessions.js';
import type { RolesService } from '../auth/roles.js';
import { createRolesRouter } from '../auth/roles-router.js';
import type { ApiKeyService } from '../embed/keys.js';
import type { EmbedTokenService } from '../embed/tokens.js';
import { createEmbedRouters } from '../embed/routers.js';
import { createCalendarRouter } from '../calendar/router.js';
import type { CalendarPlatform } from '../calendar/service.js';
import type { ApplyPlatform } from '../apply/service.js';
import { createApplyRouter } from '../apply/router.js';
import { createApplyRoutes } from '../apply/routes.js';
import { auditRootAnchorJob } from '../audit/anchor-job.js';
import { createWebhooksRouter } from '../webhooks/router.js';
import type { WebhooksPlatform } from '../webhooks/service.js';

export const platformManifest = definePlugin({
  id: 'platform',
  version: '0.1.0',
  core: '^0.1.0',
  title: { zh: '平台基础', en: 'Platform', mn: undefined },
  description: { zh: '登录、组织机构、事实数据、审计日志与节假日数据', en: 'Sign-in, organisation tree, facts, the audit log and the holiday calendar' },
  permissions: [
    { name: 'platform.facts.read', title: { zh: '查看统计事实', en: 'Read facts' }, roles: ['city_admin', 'county_admin', 'office_staff'] },
    { name: 'platform.facts.write', title: { zh: '写入统计事实（系统对接）', en: 'Write facts (integrations)' }, roles: ['city_admin', 'county_admin'] },
    { name: 'platform.audit.read', title: { zh: '查看审计日志', en: 'Read the audit log' }, roles: ['city_admin', 'county_admin'] },
    { name: 'platform.keys.manage', title: { zh: '管理嵌入密钥', en: 'Manage embedding keys' }, roles: ['city_admin', 'county_admin'] },
    { name: 'platform.documents.read', title: { zh: '查看和下载文书', en: 'Read and download documents' }, roles: ['city_admin', 'county_admin', 'office_staff'] },
    { name: 'platform.notifications.read', title: { zh: '接收站内通知', en: 'Receive in-app notifications' }, roles: ['city_admin', 'county_admin', 'office_staff'] },
    { name: 'platform.org.manage', title: { zh: '维护组织机构（导入、更名、移动、关闭、合并单位）', en: 'Maintain the org tree (import, rename, move, close and merge units)' }, roles: ['city_admin', 'county_admin'] },
    { name: 'platform.roles.manage', title: { zh: '定义和分配股室角色', en: 'Define and assign department roles' }, roles: ['city_admin', 'county_admin'] },
    { name: 'platform.webhooks.manage', title: { zh: '管理数据变更 Webhook（系统对接）', en: 'Manage record-change webhooks (integrations)' }, roles: ['city_admin', 'county_admin'] },
    { name: 'platform.org.service-areas.manage', title: { zh: '设置司法所服务的乡镇（街道）', en: 'Set the townships each judicial office serves' }, roles: ['city_admin', 'county_admin'] },
    // Also needs the caller's org to be the root of the tree (the data is shared by every org).
    { name: 'platform.calendar.manage', title: { zh: '导入和更正节假日数据', en: 'Import and correct holiday data' }, roles: ['city_admin'] },
  ],
});

/** The city whose counties the map outlines when no parent is given (the demo's Chifeng). */
const defaultBoundaryParent = '1504';

/** The platform's tables (migrated from `packages/server/migrations`). */
export const platformTables = [
  orgs,
  divisions,
  orgServiceAreas,
  users,
  roleDefinitions,
  sessions,
  facts,
  factRollupsDay,
  factRollupsMonth,
  auditLog,
  auditAnchors,
  apiKeys,
  sifaSettings,
  notifications,
  notificationReads,
  notificationDeliveries,
  jobRuns,
  documents,
  documentCounters,
  documentBatches,
  calendarYears,
  calendarDays,
  cases,
  caseCounters,
  caseEvents,
  caseFiles,
  caseAttachments,
  publicApplications,
  webhookSubscriptions,
  webhookEvents,
] as const;

const platformMigrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

/**
 * What the platform declares before its services exist: manifest (permissions), tables and
 * migrations. Composition, migrations, drift and tenant security need no more of it; the
 * procedures come with `createPlatformPlugin` once the services they call are running.
 */
export const platformDeclaration = defineServerPlugin(platformManifest, { tables: platformTables, migrationsFolder: platformMigrationsFolder });

/** The running services the platform's procedures call. */
export interface PlatformPluginDeps {
  auth: AuthService;
  keys: ApiKeyService;
  tokens: EmbedTokenService;
  roles: RolesService;
  documents: DocumentsPlatform;
  notifications: NotificationsPlatform;
  calendar: CalendarPlatform;
  apply: ApplyPlatform;
  webhooks: WebhooksPlatform;
  orgAdmin: OrgAdminPlatform;
}

export function createPlatformPlugin(deps: PlatformPluginDeps) {
  const org = createRouter({
    /** One org by code: public reference data (official division codes and names). */
    get: publicProcedure.input(z.object({ code: orgCodeSchema })).query(async ({ ctx, input }) => {
      const node = await findOrg(ctx.platform.referenceDb, input.code);
      if (!node) throw new SifaError('NOT_FOUND', { details: { orgCode: input.code } });
      return node;
    }),
    /** Direct children of an org (the root's children when no code is given). */
    children: publicProcedure.input(z.object({ code: orgCodeSchema.optional() })).query(async ({ ctx, input }) => {
      const db = ctx.platform.referenceDb;
      if (input.code && !(await findOrg(db, input.code))) throw new SifaError('NOT_FOUND', { details: { orgCode: input.code } });
      const rows = input.code
        ? await db.select().from(orgs).where(and(eq(orgs.parentCode, input.code), isNull(orgs.closedOn))).orderBy(orgs.code)
        : await db.select().from(orgs).where(eq(orgs.level, 'region')).orderBy(orgs.code);
      return rows.map(toOrgNode);
    }),
    /**
     * Outlines of an org's children for the offline base map (public reference data): the
     * counties of the city by default. Only county-level divisions have polygons, so the
     * children of a county give an empty collection.
     */
    boundaries: publicProcedure
      .input(orgBoundariesInputSchema)
      .query(async ({ ctx, input }): Promise<RegionCollection> => {
        const parentCode = input.parentCode ?? defaultBoundaryParent;
        if (!(await findOrg(ctx.platform.referenceDb, parentCode))) throw new SifaError('NOT_FOUND', { details: { orgCode: parentCode } });
        return regionBoundaries(ctx.platform.referenceDb, parentCode);
      }),
    /**
     * The judicial office serving a township or village (a village: its township's office), with
     * every township that office serves: where a citizen's matter goes (public reference data).
     */
    servingOffice: publicProcedure.input(servingOfficeInputSchema).query(({ ctx, input }) => servingOffice(ctx.platform.referenceDb, input.division)),
    /** The townships a judicial office serves. */
    serviceArea: publicProcedure.input(serviceAreaInputSchema).query(({ ctx, input }) => serviceArea(ctx.platform.referenceDb, input.office)),
    /** A county's townships, each with the office serving it. */
    divisions: publicProcedure.input(countyDivisionsInputSchema).query(({ ctx, input }) => countyTownships(ctx.platform.referenceDb, input.county)),
    /**
     * "Which office serves my township?": townships and villages by name (any language) or code,
     * within a city or county, each with its county and the office serving it.
     */
    findDivisions: publicProcedure.input(divisionSearchInputSchema).query(({ ctx, input }) => searchDivisions(ctx.platform.referenceDb, input)),
    /**
     * Sets the townships an office serves (its whole area; at least one). Office and townships in
     * the caller's subtree; a township another office serves only with `move: true`; a township
     * left out must have gone to another office first (no township is ever without one).
     */
    setServiceArea: scopedProcedure('platform.org.service-areas.manage')
      .input(setServiceAreaInputSchema)
      .mutation(({ ctx, input }) => setServiceArea(ctx, input)),
    ...createOrgAdminProcedures(deps.orgAdmin),
  });

  const loginResultSchema = z.object({
    token: z.string().describe('Send as `Authorization: Bearer <token>`.'),
    expiresAt: z.string().describe('When the session ends unless used (ISO 8601).'),
    user: z.object({ id: z.string(), username: z.string(), displayName: z.string(), role: roleSchema, orgCode: z.string() }),
  });
  const meResultSchema = z.object({
    userId: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    department: z
      .object({ key: z.string(), orgCode: z.string(), name: localizedTextSchema })
      .nullable()
      .describe('The department role (股室) whose permissions the user holds instead of the built-in role\'s defaults.'),
    orgCode: z.string(),
    permissions: z.array(z.string()).describe('Every permission the user holds, sorted.'),
  });
  const auth = createRouter({
    login: publicProcedure
      .input(z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }))
      // Declared so the OpenAPI document tells integrators outside TypeScript what a sign-in returns.
      .output(loginResultSchema)
      .mutation(({ ctx, input }) => deps.auth.login(input.username, input.password, { clientAddress: ctx.clientAddress ?? null })),
    logout: signedInProcedure.mutation(async ({ ctx }) => {
      if (ctx.bearerToken) await deps.auth.logout(ctx.bearerToken);
      return { ok: true as const };
    }),
    me: signedInProcedure.meta({ result: meResultSchema }).query(({ ctx }) => ({
      userId: ctx.actor.userId,
      username: ctx.actor.username,
      displayName: ctx.actor.displayName,
      role: ctx.actor.role,
      department: ctx.actor.department ?? null,
      orgCode: ctx.actor.scope.orgCode,
      permissions: [...ctx.actor.permissions].sort(),
    })),
  });

  const factsRouter = createRouter({
    query: scopedProcedure('platform.facts.read')
      .meta({ result: factsResultSchema })
      .input(factsQuerySchema)
      .query(({ ctx, input }) => ctx.facts.query(input)),
    /** For integrators: replace the facts an upstream system reported under one batch id. */
    record: scopedProcedure('platform.facts.write')
      .input(z.object({ batchId: z.string().min(1).max(120), facts: z.array(factInputSchema).max(500) }))
      .mutation(async ({ ctx, input }) => {
        await ctx.facts.recordForSource({ kind: 'platform.integration', id: input.batchId }, input.facts);
        await ctx.audit.record({ orgCode: ctx.scope.orgCode, entity: 'facts', entityId: input.batchId, after: input.facts });
        return { recorded: input.facts.length };
      }),
  });

  const audit = createRouter({
    /** Newest entries first, within the caller's subtree. */
    list: scopedProcedure('platform.audit.read')
      .input(z.object({ before: z.number().int().positive().optional(), limit: z.number().int().min(1).max(200).default(50) }))
      .query(async ({ ctx, input }) => {
        const rows = await ctx.db
          .select()
          .from(auditLog)
          .where(and(inSubtree(auditLog.scopePath, ctx.scope.orgPath), input.before ? lt(auditLog.seq, input.before) : undefined))
          .orderBy(desc(auditLog.seq))
          .limit(input.limit);
        return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
      }),
  });

  const { embed, keys } = createEmbedRouters(deps);

  return defineServerPlugin(platformManifest, {
    router: createRouter({
      org,
      auth,
      facts: factsRouter,
      audit,
      embed,
      keys,
      documents: createDocumentsRouter(deps.documents),
      notifications: createNotificationsRouter(),
      calendar: createCalendarRouter(deps.calendar),
      publicForms: createApplyRouter(deps.apply),
      webhooks: createWebhooksRouter(deps.webhooks),
      roles: createRolesRouter(deps.roles),
    }),
    routes: [...createDocumentRoutes(deps.documents), ...createApplyRoutes(deps.apply)],
    tables: platformTables,
    migrationsFolder: platformMigrationsFolder,
    jobs: [auditRootAnchorJob],
  });
}
