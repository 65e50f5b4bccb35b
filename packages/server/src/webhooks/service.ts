/**
 * Outgoing record-change webhooks for integrators. A subscription (org subtree + plugin + URL)
 * gets one event per audited change of that plugin within its subtree: sifa_audit_append
 * (migration 0023) enqueues it in `webhook_events` in the change's own transaction, so a
 * rolled-back change sends nothing and a committed one is never lost. The dispatcher here claims
 * due events (FOR UPDATE SKIP LOCKED: several instances never send one event at once), POSTs
 * `{"type":"sifa.record-change","event":<payload>}` signed like the notification webhooks
 * (`x-sifa-timestamp`, `x-sifa-signature`, plus `x-sifa-event-id`) and retries failures with
 * back-off. Payloads carry ids only; integrators fetch details through the API.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { LocalizedText, SifaDb } from '@sifa/core';
import { rowsOf } from '@sifa/core/db';
import { webhookEvents, webhookSubscriptions } from '../db/schema.js';
import type { Logger } from '../logging.js';
import { postSigned } from './signing.js';
import { createDispatchLoop } from '../server/dispatch-loop.js';

/** Server options of the record-change webhooks (`createSifaServer({ webhooks })`). */
export interface WebhooksOptions {
  /**
   * Accept `http:` subscription URLs. Off by default: only `https:` (the receiver is then who the
   * certificate says, and the events are not readable on the way). Tests and closed networks only.
   */
  allowHttp?: boolean;
  /** How often the dispatcher looks for due events (ms, default 5,000). */
  pollIntervalMs?: number;
  /** Delay before retry n (1-based); default 30 s · 2^(n-1), at most 1 h. */
  retryDelayMs?(attempt: number): number;
  /** Attempts before an event is given up (status failed); default 8. */
  maxAttempts?: number;
  /** Timeout of one POST (ms, default 10,000). */
  timeoutMs?: number;
}

export interface WebhooksPlatformOptions extends WebhooksOptions {
  /** Owner handle: claims and records events. */
  db: SifaDb;
  /** Reads the subscriptions (org-owned) as the platform, in a transaction scoped to the whole tree. */
  readAll<T>(work: (db: SifaDb) => Promise<T>): Promise<T>;
  /** Ids of the installed plugins (a subscription names one of them). */
  plugins(): readonly string[];
  now(): Date;
  logger: Logger;
}

export interface WebhookDispatchReport {
  delivered: number;
  failed: number;
  retrying: number;
}

export interface WebhooksPlatform {
  readonly options: WebhooksPlatformOptions;
  /** Sends every event due now; returns what happened. Safe to run concurrently. */
  dispatch(): Promise<WebhookDispatchReport>;
  /** Dispatches every `pollIntervalMs` until `stop`. */
  start(): void;
  stop(): Promise<void>;
  /** Asks for a dispatch soon (a replay). */
  poke(): void;
}

/** Why `url` cannot be a subscription URL (in zh and en), or null when it can. */
export function webhookUrlProblem(raw: string, allowHttp: boolean): LocalizedText | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { zh: '不是有效的网址', en: 'is not a URL' };
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) {
    return allowHttp ? { zh: '须以 http:// 或 https:// 开头', en: 'must be http(s)' } : { zh: '须以 https:// 开头', en: 'must be https' };
  }
  if (url.username || url.password) return { zh: '不能包含用户名或密码', en: 'must not carry credentials' };
  return null;
}

const batchSize = 50;
/** A claimed event is someone's for this long; after it (an instance died mid-send) it is due again. */
const leaseMs = 5 * 60_000;

export function createWebhooksPlatform(options: WebhooksPlatformOptions): WebhooksPlatform {
  const { db, logger } = options;
  const retryDelay = options.retryDelayMs ?? ((n: number) => Math.min(3_600_000, 30_000 * 2 ** (n - 1)));
  const maxAttempts = options.maxAttempts ?? 8;

  const dispatchOnce = async (): Promise<WebhookDispatchReport> => {
    const report: WebhookDispatchReport = { delivered: 0, failed: 0, retrying: 0 };
    for (;;) {
      const now = options.now();
      // Claim a batch; the claim moves next_attempt_at past the lease so no other instance takes it meanwhile.
      const claimed = await db.transaction(async (tx) => {
        const due = rowsOf<{ id: string | number; subscription_id: string; attempts: number; payload: unknown }>(
          await tx.execute(sql`SELECT id, subscription_id, attempts, payload FROM ${webhookEvents}
            WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ${now.toISOString()})
            ORDER BY id LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`),
        );
        if (due.length === 0) return [];
        await tx
          .update(webhookEvents)
          .set({ nextAttemptAt: new Date(now.getTime() + leaseMs), attempts: sql`${webhookEvents.attempts} + 1` })
          .where(inArray(webhookEvents.id, due.map((d) => Number(d.id))));
        return due.map((d) => ({ ...d, id: Number(d.id), attempts: d.attempts + 1 }));
      });
      if (claimed.length === 0) return report;
      const ids = [...new Set(claimed.map((c) => c.subscription_id))];
      const subscriptions = await options.readAll((scoped) =>
        scoped
          .select({ id: webhookSubscriptions.id, url: webhookSubscriptions.url, secret: webhookSubscriptions.secret, disabledAt: webhookSubscriptions.disabledAt })
          .from(webhookSubscriptions)
          .where(inArray(webhookSubscriptions.id, ids)),
      );
      const byId = new Map(subscriptions.map((s) => [s.id, s]));
      for (const event of claimed) {
        const subscription = byId.get(event.subscription_id);
        const where = eq(webhookEvents.id, event.id);
        if (!subscription || subscription.disabledAt) {
          await db.update(webhookEvents).set({ status: 'failed', lastError: 'subscription disabled' }).where(where);
          report.failed++;
          continue;
        }
        try {
          await postSigned({
            url: subscription.url,
            secret: subscription.secret,
            body: JSON.stringify({ type: 'sifa.record-change', event: event.payload }),
            headers: { 'x-sifa-event-id': String(event.id) },
            timeoutMs: options.timeoutMs ?? 10_000,
          });
        } catch (error) {
          const reason = describe(error);
          const giveUp = event.attempts >= maxAttempts;
          await db
            .update(webhookEvents)
            .set({ status: giveUp ? 'failed' : 'pending', lastError: reason.slice(0, 500), nextAttemptAt: new Date(options.now().getTime() + retryDelay(event.attempts)) })
            .where(where);
          if (giveUp) report.failed++;
          else report.retrying++;
          logger.warn({ subscription: event.subscription_id, event: event.id, attempts: event.attempts, err: reason }, giveUp ? 'webhook event given up' : 'webhook event failed, will retry');
          continue;
        }
        await db.update(webhookEvents).set({ status: 'delivered', deliveredAt: options.now(), lastError: null, nextAttemptAt: null }).where(where);
        report.delivered++;
      }
    }
  };

  const loop = createDispatchLoop({ name: 'webhook', pass: dispatchOnce, logger });
  const platform: WebhooksPlatform = {
    options,
    dispatch: loop.dispatch,
    poke: loop.poke,
    start: () => loop.start(options.pollIntervalMs ?? 5_000),
    stop: loop.stop,
  };
  return platform;
}

/** A failure as the subscription's last error: fetch's "fetch failed" names its cause. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
}
