/**
 * `platform.notifications.*`: the caller's notifications (addressed to their org, their role
 * there, or them), read marks, and `feed`, the subscription open widgets listen to.
 */
import { z } from 'zod';
import { and, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { createRouter, scopedProcedure, scopedSubscription, type Actor, type NotificationView, type PlatformServices } from '@sifa/core';
import { tracked } from '@trpc/server';
import { notificationReads, notifications } from '../db/schema.js';
import { addressedTo, notificationsTopic, viewOf } from './service.js';
import type { SifaDb } from '@sifa/core';

const permission = 'platform.notifications.read';

/** Cursor of the feed: creation time and id, so equal timestamps still order. */
const encodeCursor = (at: Date, id: string) => `${at.toISOString()}|${id}`;
const decodeCursor = (cursor: string | undefined | null) => {
  const [at, id] = (cursor ?? '').split('|');
  const time = at ? Date.parse(at) : Number.NaN;
  return Number.isFinite(time) && id ? { at: new Date(time), id } : null;
};

interface FeedItem {
  view: NotificationView;
  cursor: string;
}

async function readWith(db: SifaDb, actor: Actor, where: ReturnType<typeof and>, limit: number, order: 'newest' | 'oldest'): Promise<FeedItem[]> {
  const rows = await db
    .select({ n: notifications, readAt: notificationReads.readAt })
    .from(notifications)
    .leftJoin(notificationReads, and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, actor.userId)))
    .where(and(addressedTo(actor), where))
    .orderBy(...(order === 'newest' ? [desc(notifications.createdAt), desc(notifications.id)] : [notifications.createdAt, notifications.id]))
    .limit(limit);
  return rows.map((r) => ({ view: viewOf(r.n, r.readAt), cursor: encodeCursor(r.n.createdAt, r.n.id) }));
}

export function createNotificationsRouter() {
  return createRouter({
    /** Newest first; `unreadOnly` for the bell. */
    list: scopedProcedure(permission)
      .input(z.object({ unreadOnly: z.boolean().default(false), limit: z.number().int().min(1).max(100).default(30) }).default({ unreadOnly: false, limit: 30 }))
      .query(async ({ ctx, input }) => {
        const rows = await readWith(ctx.db, ctx.actor, input.unreadOnly ? isNull(notificationReads.readAt) : undefined, input.limit, 'newest');
        const [unread] = await ctx.db
          .select({ n: sql<number>`count(*)::int` })
          .from(notifications)
          .leftJoin(notificationReads, and(eq(notificationReads.notificationId, notifications.id), eq(notificationReads.userId, ctx.actor.userId)))
          .where(and(addressedTo(ctx.actor), isNull(notificationReads.readAt)));
        return { items: rows.map((r) => r.view), unread: unread?.n ?? 0 };
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
        let cursor = decodeCursor(input.lastEventId ?? input.since);
        if (!cursor) {
          // Start from "now": the newest existing notification is the cursor.
          const [latest] = await platform.runScoped(actor, ({ db }) => readWith(db, actor, undefined, 1, 'newest'));
          cursor = decodeCursor(latest?.cursor) ?? { at: new Date(0), id: '' };
        }
        while (!signal?.aborted) {
          const after: { at: Date; id: string } = cursor;
          const fresh: FeedItem[] = await platform.runScoped(actor, ({ db }) =>
            readWith(db, actor, or(gt(notifications.createdAt, after.at), and(eq(notifications.createdAt, after.at), gt(notifications.id, after.id))), 100, 'oldest'),
          );
          for (const item of fresh) {
            cursor = decodeCursor(item.cursor)!;
            yield tracked(item.cursor, item.view);
          }
          if (fresh.length === 100) continue;
          // Wakes on a commit anywhere in or above the caller's org; polls anyway every 25 s.
          await platform.changes.next(notificationsTopic, actor.scope.orgPath, { signal });
        }
      }),
  });
}
