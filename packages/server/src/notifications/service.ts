/**
 * Notifications. `send` stores the row in the sender's transaction (a rolled-back change notifies
 * nobody) together with one pending delivery per outer channel; after commit the change feed
 * wakes open `platform.notifications.feed` subscriptions and the dispatcher hands the message to
 * the channels (webhook, SMS provider), recording every attempt and retrying failures with
 * back-off. Deliveries are claimed with FOR UPDATE SKIP LOCKED, so several server instances
 * never deliver one message twice.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  databaseConnectionFailure,
  SifaError,
  type Actor,
  type ChangeFeed,
  type LocalizedText,
  type NotificationChannel,
  type NotificationInput,
  type NotificationsService,
  type NotificationView,
  type OrgDirectory,
  type OutboundNotification,
  type SifaDb,
} from '@sifa/core';
import { rowsOf } from '@sifa/core/db';
import { z } from 'zod';
import { notificationDeliveries, notifications, orgs, roleDefinitions, users } from '../db/schema.js';
import type { Logger } from '../logging.js';
import { createDispatchLoop } from '../server/dispatch-loop.js';

export const notificationsTopic = 'platform.notifications';

export interface NotificationsPlatformOptions {
  /** Owner handle: the dispatcher reads recipients (users) and claims and records deliveries. */
  db: SifaDb;
  /** Reads org-owned rows (the notifications) as the platform, in a transaction scoped to the whole tree. */
  readAll<T>(work: (db: SifaDb) => Promise<T>): Promise<T>;
  channels: readonly NotificationChannel[];
  changes: ChangeFeed;
  now(): Date;
  logger: Logger;
  /** Delay before retry n (1-based) of a failed delivery; default 30 s · 2^(n-1), at most 1 h. */
  retryDelayMs?(attempt: number): number;
  /** Attempts before a delivery is given up (status failed); default 8. */
  maxAttempts?: number;
}

export interface DispatchReport {
  delivered: number;
  failed: number;
  retrying: number;
}

export interface NotificationsPlatform {
  readonly options: NotificationsPlatformOptions;
  /** Delivers what is due now through the channels; returns what happened. Safe to run concurrently. */
  dispatch(): Promise<DispatchReport>;
  /** Runs `dispatch` every `intervalMs` and shortly after each send, until `stop`. */
  start(intervalMs?: number): void;
  stop(): Promise<void>;
  /** Asks for a dispatch soon (after a commit that stored notifications). */
  poke(): void;
}

/** How soon the dispatcher tries again when the database could not be reached. */

const localized = z.object({ zh: z.string().min(1).max(500), en: z.string().min(1).max(500), mn: z.string().max(500).optional() });
const kindSchema = z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*$/);
const inputSchema = z.object({
  to: z.union([
    z.object({ orgCode: z.string().min(2).max(12), role: z.enum(['city_admin', 'county_admin', 'office_staff']).optional() }),
    z.object({ userId: z.string().min(1).max(64) }),
  ]),
  kind: kindSchema,
  severity: z.enum(['info', 'warning', 'urgent']).default('info'),
  title: localized,
  body: z.object({ zh: z.string().min(1).max(4000), en: z.string().min(1).max(4000), mn: z.string().max(4000).optional() }),
  entity: z.object({ kind: z.string().min(1).max(80), id: z.string().min(1).max(120) }).optional(),
  documentId: z.string().min(1).max(64).optional(),
  dedupKey: z.string().min(1).max(200).optional(),
});

export function createNotificationsPlatform(options: NotificationsPlatformOptions): NotificationsPlatform {
  const { db, channels, logger } = options;
  const retryDelay = options.retryDelayMs ?? ((n: number) => Math.min(3_600_000, 30_000 * 2 ** (n - 1)));
  const maxAttempts = options.maxAttempts ?? 8;

  const recipientsOf = async (rows: (typeof notifications.$inferSelect)[]) => {
    const byNotification = new Map<string, OutboundNotification['recipients']>();
    const orgCodes = [...new Set(rows.filter((r) => !r.userId).map((r) => r.orgCode))];
    const userIds = [...new Set(rows.filter((r) => r.userId).map((r) => r.userId!))];
    const people = await db
      .select({ id: users.id, displayName: users.displayName, phone: users.phone, orgCode: users.orgCode, role: users.role, department: roleDefinitions.permissions })
      .from(users)
      .leftJoin(roleDefinitions, eq(roleDefinitions.id, users.roleId))
      .where(
        orgCodes.length && userIds.length
          ? sql`${inArray(users.orgCode, orgCodes)} OR ${inArray(users.id, userIds)}`
          : orgCodes.length
            ? inArray(users.orgCode, orgCodes)
            : inArray(users.id, userIds.length ? userIds : ['']),
      );
    for (const r of rows) {
      const plugin = r.kind.slice(0, r.kind.indexOf('.'));
      // As in-app (addressedTo): a department role's holder only of the plugins it holds a permission of.
      const concerns = (p: (typeof people)[number]) => p.department === null || pluginsOfPermissions(p.department).includes(plugin);
      const matching = people.filter((p) => (r.userId ? p.id === r.userId : p.orgCode === r.orgCode && (!r.role || p.role === r.role) && concerns(p)));
      byNotification.set(
        r.id,
        matching.map((p) => ({ userId: p.id, displayName: p.displayName, phone: p.phone })),
      );
    }
    return byNotification;
  };

  /**
   * Deliveries a database outage cut short after they were claimed: those the channel already
   * took are marked delivered on the next dispatch (never sent twice), the rest are due at once
   * (not after their lease).
   */
  const interrupted = { delivered: new Map<string, Date>(), unsent: new Set<string>() };
  const keyOf = (notificationId: string, channel: string) => `${notificationId}\u0000${channel}`;
  const whereKey = (key: string) => {
    const [notificationId, channel] = key.split('\u0000') as [string, string];
    return and(eq(notificationDeliveries.notificationId, notificationId), eq(notificationDeliveries.channel, channel));
  };
  const settleInterrupted = async () => {
    for (const [key, at] of [...interrupted.delivered]) {
      await db.update(notificationDeliveries).set({ status: 'delivered', deliveredAt: at, lastError: null }).where(whereKey(key));
      interrupted.delivered.delete(key);
    }
    for (const key of [...interrupted.unsent]) {
      await db
        .update(notificationDeliveries)
        .set({ nextAttemptAt: options.now() })
        .where(and(whereKey(key), eq(notificationDeliveries.status, 'pending')));
      interrupted.unsent.delete(key);
    }
  };

  const dispatchOnce = async (): Promise<DispatchReport> => {
    const report: DispatchReport = { delivered: 0, failed: 0, retrying: 0 };
    if (channels.length === 0) return report;
    await settleInterrupted();
    const byId = new Map(channels.map((c) => [c.id, c]));
    // Claim due deliveries one batch at a time; the row locks end with each claim's transaction,
    // and the claim moves next_attempt_at forward so no other instance takes them meanwhile.
    for (;;) {
      const now = options.now();
      const claimed = await db.transaction(async (tx) => {
        const due = rowsOf<{ notification_id: string; channel: string; attempts: number }>(
          await tx.execute(sql`SELECT notification_id, channel, attempts FROM ${notificationDeliveries}
            WHERE status = 'pending' AND next_attempt_at <= ${now.toISOString()}
            ORDER BY next_attempt_at LIMIT 50 FOR UPDATE SKIP LOCKED`),
        );
        if (due.length === 0) return due;
        const lease = new Date(now.getTime() + 5 * 60_000).toISOString();
        for (const d of due) {
          await tx
            .update(notificationDeliveries)
            .set({ nextAttemptAt: new Date(lease), attempts: d.attempts + 1 })
            .where(and(eq(notificationDeliveries.notificationId, d.notification_id), eq(notificationDeliveries.channel, d.channel)));
        }
        return due;
      });
      if (claimed.length === 0) return report;
      // Claimed and not yet recorded either way: what an outage from here on leaves to settle.
      const open = new Set(claimed.map((d) => keyOf(d.notification_id, d.channel)));
      try {
        const ids = [...new Set(claimed.map((c) => c.notification_id))];
        const rows = await options.readAll((scoped) => scoped.select().from(notifications).where(inArray(notifications.id, ids)));
        const rowById = new Map(rows.map((r) => [r.id, r]));
        const recipients = await recipientsOf(rows);
        for (const d of claimed) {
          const row = rowById.get(d.notification_id);
          const channel = byId.get(d.channel);
          const ref = keyOf(d.notification_id, d.channel);
          const key = whereKey(ref);
          if (!row || !channel) {
            await db.update(notificationDeliveries).set({ status: 'failed', lastError: channel ? 'notification missing' : `channel ${d.channel} is not configured` }).where(key);
            open.delete(ref);
            report.failed++;
            continue;
          }
          const message: OutboundNotification = { ...viewOf(row), recipients: recipients.get(row.id) ?? [] };
          try {
            if (!channel.accepts || channel.accepts(message)) await channel.deliver(message);
          } catch (error) {
            const attempts = d.attempts + 1;
            const reason = error instanceof Error ? error.message : String(error);
            const giveUp = attempts >= maxAttempts;
            await db
              .update(notificationDeliveries)
              .set({
                status: giveUp ? 'failed' : 'pending',
                lastError: reason.slice(0, 500),
                nextAttemptAt: new Date(options.now().getTime() + retryDelay(attempts)),
              })
              .where(key);
            open.delete(ref);
            if (giveUp) report.failed++;
            else report.retrying++;
            logger.warn({ channel: d.channel, notification: d.notification_id, attempts, err: reason }, giveUp ? 'notification delivery given up' : 'notification delivery failed, will retry');
            continue;
          }
          // Delivered: should recording it fail for an outage, it is recorded later, not sent again.
          open.delete(ref);
          interrupted.delivered.set(ref, options.now());
          await db.update(notificationDeliveries).set({ status: 'delivered', deliveredAt: options.now(), lastError: null }).where(key);
          interrupted.delivered.delete(ref);
          report.delivered++;
        }
      } catch (error) {
        if (databaseConnectionFailure(error)) for (const ref of open) interrupted.unsent.add(ref);
        throw error;
      }
    }
  };

  const loop = createDispatchLoop({ name: 'notification', pass: dispatchOnce, logger, active: () => channels.length > 0 });
  const platform: NotificationsPlatform = {
    options,
    dispatch: loop.dispatch,
    poke: loop.poke,
    start: (intervalMs = 30_000) => loop.start(intervalMs),
    stop: loop.stop,
  };
  return platform;
}

export function viewOf(row: typeof notifications.$inferSelect, readAt: Date | null = null): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    severity: row.severity,
    title: row.title as LocalizedText,
    body: row.body as LocalizedText,
    entity: row.entityKind && row.entityId ? { kind: row.entityKind, id: row.entityId } : null,
    documentId: row.documentId,
    orgCode: row.orgCode,
    createdAt: row.createdAt.toISOString(),
    readAt: readAt ? readAt.toISOString() : null,
  };
}

export interface NotificationsServiceOptions {
  db: SifaDb;
  actor: Actor;
  orgs: OrgDirectory;
  afterCommit(callback: () => void | Promise<void>): void;
  platform: NotificationsPlatform;
}

export function createNotificationsService({ db, actor, afterCommit, platform }: NotificationsServiceOptions): NotificationsService {
  const outOfReach = (what: string) =>
    new SifaError('OUT_OF_SCOPE', {
      message: {
        zh: `只能通知本单位、下级单位或上级单位（${what}）。`,
        en: `Notifications go to your own org, orgs below it or the orgs above it (${what}).`,
      },
    });
  return {
    async send(raw: NotificationInput) {
      const input = inputSchema.parse(raw);
      let orgCode: string;
      let orgPath: string;
      if ('userId' in input.to) {
        const [row] = rowsOf<{ org_code: string; org_path: string }>(await db.execute(sql`SELECT org_code, org_path FROM sifa_user_org(${input.to.userId})`));
        if (!row) throw outOfReach(`user ${input.to.userId}`);
        orgCode = row.org_code;
        orgPath = row.org_path;
      } else {
        // The org tree is reference data: an ancestor (feedback going up) is found too.
        const [org] = await db.select({ code: orgs.code, path: orgs.path }).from(orgs).where(eq(orgs.code, input.to.orgCode));
        if (!org) throw new SifaError('NOT_FOUND', { details: { orgCode: input.to.orgCode } });
        if (!org.path.startsWith(actor.scope.orgPath) && !actor.scope.orgPath.startsWith(org.path)) throw outOfReach(input.to.orgCode);
        orgCode = org.code;
        orgPath = org.path;
      }
      // A dedup key fixes the id, so a repeat is recognised by the primary key even when the
      // earlier row is outside what this transaction may read (a notification sent upwards).
      const id = input.dedupKey ? `n-${createHash('sha256').update(input.dedupKey).digest('hex').slice(0, 32)}` : randomUUID();
      const now = platform.options.now();
      try {
        // In a savepoint: a duplicate key must not abort the caller's transaction. No RETURNING
        // and no ON CONFLICT: both need the row to be readable, and a row sent upwards is not.
        await db.transaction((sp) =>
          sp.insert(notifications).values({
            id,
            orgCode,
            orgPath,
            role: 'role' in input.to ? (input.to.role ?? null) : null,
            userId: 'userId' in input.to ? input.to.userId : null,
            kind: input.kind,
            severity: input.severity,
            title: input.title,
            body: input.body,
            entityKind: input.entity?.kind ?? null,
            entityId: input.entity?.id ?? null,
            documentId: input.documentId ?? null,
            dedupKey: input.dedupKey ?? null,
            senderId: actor.userId,
            createdAt: now,
          }),
        );
      } catch (error) {
        if (input.dedupKey && isUniqueViolation(error)) return { id, duplicate: true, channels: [] };
        throw error;
      }
      const channels = platform.options.channels;
      if (channels.length > 0) {
        await db.insert(notificationDeliveries).values(channels.map((c) => ({ notificationId: id, channel: c.id, nextAttemptAt: now })));
      }
      afterCommit(() => {
        platform.options.changes.publish(notificationsTopic, orgPath);
        platform.poke();
      });
      return { id, duplicate: false, channels: channels.map((c) => c.id) };
    },
  };
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** The plugins a department role's holder works with: those it holds a permission of (`<plugin>.…`). */
export function pluginsOfPermissions(permissions: Iterable<string>): string[] {
  return [...new Set([...permissions].map((p) => p.slice(0, p.indexOf('.'))))].sort();
}

/**
 * Notifications addressed to `actor`: their org (all or their role) or them personally. A
 * department role's holder gets its org's only of the plugins it holds a permission of (kinds
 * are `<plugin id>.<name>`): a community-correction department is not told of plan reminders.
 */
export function addressedTo(actor: Actor) {
  const plugins = actor.department ? pluginsOfPermissions(actor.permissions) : null;
  const ofItsPlugins =
    plugins === null ? sql`true` : plugins.length === 0 ? sql`false` : sql`split_part(${notifications.kind}, '.', 1) IN (${sql.join(plugins.map((p) => sql`${p}`), sql`, `)})`;
  return sql`(${notifications.userId} = ${actor.userId} OR (${notifications.userId} IS NULL AND ${notifications.orgCode} = ${actor.scope.orgCode} AND (${notifications.role} IS NULL OR ${notifications.role} = ${actor.role}) AND ${ofItsPlugins}))`;
}

