/**
 * `platform.webhooks.*`: an administrator's record-change webhooks for integrators. A subscription
 * belongs to an org (the caller's, or one below it) and sends that subtree's audited changes of
 * one plugin. Everything runs in the caller's scoped transaction: a subscription outside the
 * subtree is invisible (row-level security) and answers NOT_FOUND like an unknown one; its events
 * are visible exactly when it is (the events' policy goes through the subscription).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { createRouter, orgCodeSchema, pickText, scopedProcedure, SifaError, type SifaDb } from '@sifa/core';
import { rowsOf } from '@sifa/core/db';
import { webhookEvents, webhookSubscriptions } from '../db/schema.js';
import { webhookUrlProblem, type WebhooksPlatform } from './service.js';

const permission = 'platform.webhooks.manage';
const idSchema = z.string().uuid();

const notFound = (id: string) =>
  new SifaError('NOT_FOUND', {
    message: { zh: '找不到该 Webhook 订阅（或不在本单位及下级单位范围内）。', en: 'No such webhook subscription in your org or below it.' },
    details: { id },
  });

async function visibleSubscription(db: SifaDb, id: string) {
  const [row] = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
  if (!row) throw notFound(id);
  return row;
}

/**
 * platform.webhooks.manage, signed in with a session: a subscription outlives any embed token,
 * so a widget's short-lived token must not create or steer one (as with API keys).
 */
const manageProcedure = scopedProcedure(permission).use(({ ctx, next }) => {
  if (ctx.actor.via !== 'session') {
    throw new SifaError('FORBIDDEN', {
      message: { zh: 'Webhook 只能由登录的管理员管理，嵌入页面中不能管理。', en: 'Webhooks are managed by administrators signed in to Sifa Kit, not from an embedded widget.' },
      details: { permission },
    });
  }
  return next();
});

export function createWebhooksRouter(webhooks: WebhooksPlatform) {
  return createRouter({
    /** Subscribes `url` to the audited changes of `plugin` in the caller's org (or `orgCode` below it). The secret is returned this once. */
    create: manageProcedure
      .input(
        z.object({
          plugin: z.string().min(1).max(64),
          url: z.string().min(1).max(2000),
          orgCode: orgCodeSchema.optional(),
        }),
      )
      .mutation(async ({ ctx, input }) => {
        const installed = webhooks.options.plugins().filter((p) => p !== 'platform');
        if (!installed.includes(input.plugin)) {
          throw new SifaError('VALIDATION_FAILED', {
            message: { zh: `未安装插件“${input.plugin}”。`, en: `No installed plugin "${input.plugin}".` },
            issues: [{ path: 'plugin', message: pickText({ zh: `不是已安装的插件（已安装：${installed.join('、')}）`, en: `not an installed plugin (installed: ${installed.join(', ')})` }, ctx.locale) }],
          });
        }
        const problem = webhookUrlProblem(input.url, webhooks.options.allowHttp === true);
        if (problem) {
          throw new SifaError('VALIDATION_FAILED', {
            message: { zh: `Webhook 地址不可用：${problem.zh}。`, en: `The webhook URL ${problem.en}.` },
            issues: [{ path: 'url', message: pickText(problem, ctx.locale) }],
          });
        }
        const org = await ctx.orgs.get(input.orgCode ?? ctx.scope.orgCode);
        const id = randomUUID();
        const secret = randomBytes(32).toString('base64url');
        const createdAt = ctx.now();
        await ctx.db.insert(webhookSubscriptions).values({ id, orgCode: org.code, orgPath: org.path, plugin: input.plugin, url: input.url, secret, createdBy: ctx.actor.userId, createdAt });
        // The secret is not in the audited input (only the subscription's id and what was asked).
        await ctx.audit.record({ orgCode: org.code, entity: 'webhook_subscriptions', entityId: id, after: { plugin: input.plugin, url: input.url } });
        return { id, secret, orgCode: org.code, plugin: input.plugin, url: input.url, createdAt: createdAt.toISOString() };
      }),

    /** Subscriptions of the caller's subtree with their events' counts and last error; never the secret. */
    list: manageProcedure.query(async ({ ctx }) => {
      const rows = rowsOf<{
        id: string;
        org_code: string;
        plugin: string;
        url: string;
        created_by: string;
        created_at: string | Date;
        disabled_at: string | Date | null;
        pending: string | number;
        delivered: string | number;
        failed: string | number;
        last_error: string | null;
      }>(
        await ctx.db.execute(sql`SELECT s.id, s.org_code, s.plugin, s.url, s.created_by, s.created_at, s.disabled_at,
            count(e.id) FILTER (WHERE e.status = 'pending') AS pending,
            count(e.id) FILTER (WHERE e.status = 'delivered') AS delivered,
            count(e.id) FILTER (WHERE e.status = 'failed') AS failed,
            (SELECT last_error FROM ${webhookEvents} l WHERE l.subscription_id = s.id AND l.last_error IS NOT NULL ORDER BY l.id DESC LIMIT 1) AS last_error
          FROM ${webhookSubscriptions} s LEFT JOIN ${webhookEvents} e ON e.subscription_id = s.id
          WHERE s.org_path ~>=~ ${ctx.scope.orgPath} AND s.org_path ~<~ ${`${ctx.scope.orgPath.slice(0, -1)}0`}
          GROUP BY s.id ORDER BY s.created_at, s.id`),
      );
      return rows.map((r) => ({
        id: r.id,
        orgCode: r.org_code,
        plugin: r.plugin,
        url: r.url,
        createdBy: r.created_by,
        createdAt: new Date(r.created_at).toISOString(),
        disabledAt: r.disabled_at ? new Date(r.disabled_at).toISOString() : null,
        pending: Number(r.pending),
        delivered: Number(r.delivered),
        failed: Number(r.failed),
        lastError: r.last_error,
      }));
    }),

    /** Stops a subscription: nothing more is enqueued, and what is still pending is not sent. */
    disable: manageProcedure
      .input(z.object({ id: idSchema }))
      .mutation(async ({ ctx, input }) => {
        const row = await visibleSubscription(ctx.db, input.id);
        const disabledAt = row.disabledAt ?? ctx.now();
        if (!row.disabledAt) await ctx.db.update(webhookSubscriptions).set({ disabledAt }).where(eq(webhookSubscriptions.id, row.id));
        await ctx.audit.record({ orgCode: row.orgCode, entity: 'webhook_subscriptions', entityId: row.id, after: { disabledAt: disabledAt.toISOString() } });
        return { id: row.id, disabledAt: disabledAt.toISOString() };
      }),

    /** A subscription's most recent events, newest first, with their delivery state. */
    deliveries: manageProcedure
      .input(z.object({ id: idSchema, limit: z.number().int().min(1).max(200).default(50) }))
      .query(async ({ ctx, input }) => {
        await visibleSubscription(ctx.db, input.id);
        const rows = await ctx.db.select().from(webhookEvents).where(eq(webhookEvents.subscriptionId, input.id)).orderBy(desc(webhookEvents.id)).limit(input.limit);
        return rows.map((r) => ({
          id: r.id,
          auditSeq: r.auditSeq,
          status: r.status,
          attempts: r.attempts,
          nextAttemptAt: r.nextAttemptAt ? r.nextAttemptAt.toISOString() : null,
          lastError: r.lastError,
          deliveredAt: r.deliveredAt ? r.deliveredAt.toISOString() : null,
          event: r.payload as Record<string, unknown>,
        }));
      }),

    /** Sends a subscription's events again from `fromEventId` on (delivered or given up alike); returns how many. */
    replay: manageProcedure
      .input(z.object({ id: idSchema, fromEventId: z.number().int().min(0) }))
      .mutation(async ({ ctx, input }) => {
        const row = await visibleSubscription(ctx.db, input.id);
        if (row.disabledAt) {
          throw new SifaError('CONFLICT', {
            message: { zh: '该 Webhook 订阅已停用，不能重发。', en: 'The webhook subscription is disabled; nothing can be replayed.' },
            details: { id: row.id },
          });
        }
        const requeued = await ctx.db
          .update(webhookEvents)
          .set({ status: 'pending', attempts: 0, nextAttemptAt: null, lastError: null, deliveredAt: null })
          .where(and(eq(webhookEvents.subscriptionId, row.id), gte(webhookEvents.id, input.fromEventId)))
          .returning({ id: webhookEvents.id });
        await ctx.audit.record({ orgCode: row.orgCode, entity: 'webhook_subscriptions', entityId: row.id, after: { replayFrom: input.fromEventId, events: requeued.length } });
        ctx.afterCommit(() => webhooks.poke());
        return { id: row.id, requeued: requeued.length };
      }),
  });
}
