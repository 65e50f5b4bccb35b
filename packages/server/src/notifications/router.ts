/**
 * `platform.notifications.*`: the caller's notifications (addressed to their org, their role
 * there, or them), read marks, and `feed`, the subscription open widgets listen to.
 */
import { z } from 'zod';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { createRouter, listenForChange, scopedProcedure, scopedSubscription, type Actor, type NotificationView, type PlatformServices } from '@sifa/core';
import { tracked } from '@trpc/server';
import { notificationReads, notifications } from '../db/schema.js';
import { addressedTo, notificationsTopic, viewOf } from './service.js';
import type { SifaDb } from '@sifa/core';
import { rowsOf } from '@sifa/core/db';

const permission = 'platform.notifications.read';
/** How soon the feed looks again at notifications held behind a transaction still open. */
const heldRetryMs = 200;

/**
 * Cursor of the feed: the inserting transaction's id and the row's sequence number (the feed's
 * order; see `notifications.tx`). A cursor of the earlier form (creation time | id, before
 * migration 0013) is read as the notification it names.
 */
interface Cursor {
  tx: string;
  seq: number;
}
const encodeCursor = (c: Cursor) => `${c.tx}.${c.seq}`;
function decodeCursor(cursor: string | undefined | null): Cursor | { legacyId: string } | null {
  const current = /^(\d{1,20})\.(\d{1,16})$/.exec(cursor ?? '');
  if (current) return { tx: current[1]!, seq: Number(current[2]) };
  const legacyId = /^[^|]+\|(.+)$/.exec(cursor ?? '')?.[1];
  return legacyId ? { legacyId } : null;
}

/**
 * What the feed may deliver after `after` (or the newest such with `newest`), in its order. A row
 * whose transaction is not yet below the snapshot's xmin is `held`: an older transaction may
 * still commit a row that comes before it, so it and everything after it wait.
 */
async function readFeed(db: SifaDb, actor: Actor, after: Cursor | null, limit: number): Promise<{ items: { view: NotificationView; cursor: string; held: boolean }[] }> {
  const rows = await db
    .select({
      n: notifications,
      readAt: notificationReads.readAt,
      tx: sql<string>`${notifications.tx}::text`,
      held: sql<boolean>`${notifications.tx} >= pg_snapshot_xmin(pg_current_snapshot())`,
    })
    .from(notifications)
    .leftJoin(notificationReads, and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, actor.userId)))
    .where(and(addressedTo(actor), after ? sql`(${notifications.tx}, ${notifications.seq}) > (${after.tx}::xid8, ${after.seq}::bigint)` : undefined))
    .orderBy(notifications.tx, notifications.seq)
    .limit(limit);
  return { items: rows.map((r) => ({ view: viewOf(r.n, r.readAt), cursor: encodeCursor({ tx: r.tx, seq: r.n.seq }), held: r.held })) };
}

/** Where a new feed starts: after the newest notification it could deliver now (or after `legacyId`; tx '0' when none). */
async function feedStart(db: SifaDb, actor: Actor, legacyId?: string): Promise<Cursor> {
  const [row] = await db
    .select({ tx: sql<string>`${notifications.tx}::text`, seq: notifications.seq })
    .from(notifications)
    .where(and(addressedTo(actor), legacyId ? eq(notifications.id, legacyId) : sql`${notifications.tx} < pg_snapshot_xmin(pg_current_snapshot())`))
    .orderBy(desc(notifications.tx), desc(notifications.seq))
    .limit(1);
  return row ?? { tx: '0', seq: 0 };
}

/**
 * The notifications already committed when a feed starts "from now" although they come after its
 * start: a transaction still open anywhere in the cluster (another database's too) holds the
 * snapshot's xmin back, and the start stays before it so that such a transaction's rows are not
 * skipped; rows committed meanwhile are not news to this feed.
 */
async function committedAfter(db: SifaDb, actor: Actor, start: Cursor): Promise<Set<string>> {
  const rows = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(addressedTo(actor), sql`(${notifications.tx}, ${notifications.seq}) > (${start.tx}::xid8, ${start.seq}::bigint)`))
    .limit(1000);
  return new Set(rows.map((r) => r.id));
}

/** The caller's notifications, newest first. */
async function readNewest(db: SifaDb, actor: Actor, where: ReturnType<typeof and>, limit: number): Promise<NotificationView[]> {
  const rows = await db
    .select({ n: notifications, readAt: notificationReads.readAt })
    .from(notifications)
    .leftJoin(notificationReads, and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, actor.userId)))
    .where(and(addressedTo(actor), where))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  return rows.map((r) => viewOf(r.n, r.readAt));
}

export function createNotificationsRouter() {
  return createRouter({
    /** Newest first; `unreadOnly` for the bell. */
    list: scopedProcedure(permission)
      .input(z.object({ unreadOnly: z.boolean().default(false), limit: z.number().int().min(1).max(100).default(30) }).default({ unreadOnly: false, limit: 30 }))
      .query(async ({ ctx, input }) => {
        const items = await readNewest(ctx.db, ctx.actor, input.unreadOnly ? isNull(notificationReads.readAt) : undefined, input.limit);
        const [unread] = await ctx.db
          .select({ n: sql<number>`count(*)::int` })
          .from(notifications)
          .leftJoin(notificationReads, and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, ctx.actor.userId)))
          .where(and(addressedTo(ctx.actor), isNull(notificationReads.readAt)));
        return { items, unread: unread?.n ?? 0 };
      }),
    /** Marks notifications read for the caller (ids not addressed to them are ignored). */
    markRead: scopedProcedure(permission)
      .input(z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(200) }))
      .mutation(async ({ ctx, input }) => {
        const mine = await ctx.db
          .select({ id: notifications.id })
          .from(notifications)
          .where(and(addressedTo(ctx.actor), inArray(notifications.id, input.ids)));
        if (mine.length > 0) {
          const readAt = ctx.platform.now();
          await ctx.db
            .insert(notificationReads)
            .values(mine.map((m) => ({ notificationId: m.id, userId: ctx.actor.userId, orgCode: ctx.actor.scope.orgCode, orgPath: ctx.actor.scope.orgPath, readAt })))
            .onConflictDoNothing();
        }
        return { marked: mine.length };
      }),
    /**
     * New notifications as they arrive (server-sent events). Each event carries its cursor as the
     * event id, so a reconnect resumes after the last one seen; without one, it starts with what
     * arrives from now on (`since` replays from a cursor the caller kept).
     */
    feed: scopedSubscription(permission)
      .input(z.object({ since: z.string().max(100).optional(), lastEventId: z.string().max(100).optional() }).default({}))
      .subscription(async function* ({ ctx, input, signal }) {
        const platform: PlatformServices = ctx.platform;
        const actor = ctx.actor;
        const given = decodeCursor(input.lastEventId ?? input.since);
        // Without a cursor (or with one this database cannot have issued: a restore into another
        // cluster) it starts from "now"; an old-form cursor resumes after the one it names.
        let seen = new Set<string>();
        let cursor: Cursor = await platform.runScoped(actor, async ({ db }) => {
          if (given && 'tx' in given) {
            const [issued] = rowsOf<{ ok: boolean }>(await db.execute(sql`SELECT ${given.tx}::xid8 < pg_snapshot_xmax(pg_current_snapshot()) AS ok`));
            if (issued?.ok) return given;
          }
          const named = given && 'legacyId' in given ? await feedStart(db, actor, given.legacyId) : null;
          // (A named notification no longer there: from now, not from the beginning.)
          if (named && named.tx !== '0') return named;
          const start = await feedStart(db, actor);
          seen = await committedAfter(db, actor, start);
          return start;
        });
        while (!signal?.aborted) {
          // Listen before reading: a notification committed while the read runs (after its
          // snapshot) wakes the wait below instead of waiting for the 25 s poll.
          const wait = listenForChange(platform.changes, notificationsTopic, actor.scope.orgPath, { signal });
          try {
            const after = cursor;
            const { items } = await platform.runScoped(actor, ({ db }) => readFeed(db, actor, after, 100));
            const ready = items.findIndex((item) => item.held);
            const deliverable = ready === -1 ? items : items.slice(0, ready);
            for (const item of deliverable) {
              cursor = decodeCursor(item.cursor) as Cursor;
              // (Committed before this feed started: not news.)
              if (seen.delete(item.view.id)) continue;
              yield tracked(item.cursor, item.view);
            }
            if (ready !== -1) {
              // Held behind a transaction still open: look again shortly (its end announces nothing
              // when it stored no notification), or at once on a change. (The wait also ends when
              // the stream does.)
              let timer: NodeJS.Timeout | undefined;
              await Promise.race([wait.changed, new Promise<void>((resolve) => (timer = setTimeout(resolve, heldRetryMs)))]);
              clearTimeout(timer);
              continue;
            }
            if (items.length === 100) continue;
            // Wakes on a commit anywhere in or above the caller's org; polls anyway every 25 s.
            await wait.changed;
          } finally {
            wait.close();
          }
        }
      }),
  });
}
