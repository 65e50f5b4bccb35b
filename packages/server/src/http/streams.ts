/**
 * What the tRPC handler keeps about open event streams (subscriptions): how many each user and
 * each API key holds (refused with RATE_LIMITED past a cap, before the stream starts), the counts
 * `/metrics` shows, and how a stream's procedure is watched until it has passed its up-front
 * checks (so a refusal it makes before its first event still answers with its HTTP status).
 *
 * A stream's credential is re-checked by the handler (`trpc-handler.ts`) through the same caller
 * resolution as a request, every `recheckMs` and at once when the change feed announces that
 * credentials changed (`credentialsTopic`: a sign-out, a revoked key; events/credentials.ts).
 */
import { SifaError, type ChangeFeed, type PlatformServices, type SifaContext } from '@sifa/core';

/** Change-feed topic announced after a sign-out or a key revocation, at the affected org path. */
export const credentialsTopic = 'platform.credentials';

export interface StreamPolicy {
  /** How often an open stream re-checks its credential (ms, ≤ 30 s; a sign-out or revocation re-checks at once). */
  recheckMs: number;
  /** Open streams one user (a session's or an embed token's user) may hold on this instance. */
  maxPerUser: number;
  /** Open streams callers through one API key (publishable, or the secret key behind embed tokens) may hold on this instance. */
  maxPerKey: number;
}

export const defaultStreamPolicy: StreamPolicy = { recheckMs: 30_000, maxPerUser: 20, maxPerKey: 100 };

/** Open streams on this instance, as `/metrics` shows them. */
export interface OpenStreams {
  total: number;
  byProcedure: Record<string, number>;
  /** Streams refused by a cap since start. */
  refused: number;
  /** Streams ended because their credential was no longer valid, since start. */
  endedByCredential: number;
}

/** A held place among the open streams; `release` is idempotent. */
export interface StreamLease {
  release(): void;
}

/** The API key a caller comes through: its own (`x-sifa-key`, `sk_`), or the secret key that minted its embed token. */
function keyOf(ctx: SifaContext): string | null {
  if (ctx.apiKey) return ctx.apiKey.id;
  // Embed-token actors are `embed:<key id>:<subject>` (embed/tokens.ts).
  if (ctx.actor?.via === 'embed-token') return /^embed:([^:]+):/.exec(ctx.actor.userId)?.[1] ?? null;
  return null;
}

export function createStreamRegistry(given: StreamPolicy) {
  const policy: StreamPolicy = { ...given, recheckMs: Math.max(1, Math.min(given.recheckMs, 30_000)) };
  const perUser = new Map<string, number>();
  const perKey = new Map<string, number>();
  const perProcedure = new Map<string, number>();
  let total = 0;
  let refused = 0;
  let endedByCredential = 0;
  const add = (map: Map<string, number>, key: string, delta: number) => {
    const n = (map.get(key) ?? 0) + delta;
    if (n <= 0) map.delete(key);
    else map.set(key, n);
  };

  const tooMany = (per: 'user' | 'key', limit: number) => {
    refused++;
    return new SifaError('RATE_LIMITED', {
      message:
        per === 'user'
          ? { zh: `每个用户最多同时打开 ${limit} 个实时订阅，请先关闭不用的页面或订阅。`, en: `A user may hold at most ${limit} open live subscriptions at once. Close ones you no longer need first.` }
          : { zh: `通过同一密钥最多同时打开 ${limit} 个实时订阅，请先关闭不用的订阅。`, en: `Callers through one API key may hold at most ${limit} open live subscriptions at once. Close ones you no longer need first.` },
      details: { limit, per },
    });
  };

  return {
    policy,
    /** Takes a place for a stream of `path` opened with `ctx`; RATE_LIMITED (429) naming the limit when a cap is reached. */
    open(path: string, ctx: SifaContext): StreamLease {
      const user = ctx.actor?.userId ?? null;
      const key = keyOf(ctx);
      // Checked and counted in one synchronous step: parallel opens cannot slip past the cap.
      if (user !== null && (perUser.get(user) ?? 0) >= policy.maxPerUser) throw tooMany('user', policy.maxPerUser);
      if (key !== null && (perKey.get(key) ?? 0) >= policy.maxPerKey) throw tooMany('key', policy.maxPerKey);
      if (user !== null) add(perUser, user, 1);
      if (key !== null) add(perKey, key, 1);
      add(perProcedure, path, 1);
      total++;
      let held = true;
      return {
        release() {
          if (!held) return;
          held = false;
          if (user !== null) add(perUser, user, -1);
          if (key !== null) add(perKey, key, -1);
          add(perProcedure, path, -1);
          total--;
        },
      };
    },
    endedByCredential() {
      endedByCredential++;
    },
    snapshot(): OpenStreams {
      return { total, byProcedure: Object.fromEntries(perProcedure), refused, endedByCredential };
    },
  };
}

export type StreamRegistry = ReturnType<typeof createStreamRegistry>;

/** The counts in Prometheus' text format (counts only: no user, key or org is named). */
export function openStreamsMetrics(open: OpenStreams): string {
  const label = (value: string) => value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
  return [
    '# HELP sifa_streams_open Open event streams (subscriptions) on this instance.',
    '# TYPE sifa_streams_open gauge',
    `sifa_streams_open ${open.total}`,
    '# HELP sifa_streams_open_by_procedure Open event streams on this instance by procedure.',
    '# TYPE sifa_streams_open_by_procedure gauge',
    ...Object.entries(open.byProcedure)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([procedure, n]) => `sifa_streams_open_by_procedure{procedure="${label(procedure)}"} ${n}`),
    '# HELP sifa_streams_refused_total Event streams refused by the per-user or per-key cap.',
    '# TYPE sifa_streams_refused_total counter',
    `sifa_streams_refused_total ${open.refused}`,
    '# HELP sifa_streams_credential_ended_total Event streams ended because their credential was no longer valid.',
    '# TYPE sifa_streams_credential_ended_total counter',
    `sifa_streams_credential_ended_total ${open.endedByCredential}`,
    '',
  ].join('\n');
}

/**
 * The context a stream's procedure runs with, and a promise that settles once the procedure has
 * passed what it checks before its first event: when it waits on the change feed with no scoped
 * read in flight (a feed that has nothing to send yet). Its first event, or its end, settles it
 * too (the handler races them). Until then the handler holds the response headers, so a refusal
 * (OUT_OF_SCOPE, NOT_FOUND) answers with its own status instead of 200 and an error event.
 */
export function watchUntilWaiting(ctx: SifaContext): { ctx: SifaContext; waiting: Promise<void> } {
  const platform = ctx.platform;
  let reads = 0;
  let waits = 0;
  let settled = false;
  let settle = () => {};
  const waiting = new Promise<void>((resolve) => (settle = resolve));
  const check = () => {
    // A turn later: code that starts waiting and then reads at once (listen before reading) is still reading.
    setImmediate(() => {
      if (!settled && waits > 0 && reads === 0) {
        settled = true;
        settle();
      }
    });
  };
  const changes: ChangeFeed = Object.create(platform.changes, {
    next: {
      value: (...args: Parameters<ChangeFeed['next']>) => {
        const next = platform.changes.next(...args);
        if (settled) return next;
        waits++;
        check();
        return next.finally(() => {
          waits--;
        });
      },
    },
  }) as ChangeFeed;
  const runScoped: PlatformServices['runScoped'] = (actor, work) => {
    if (settled) return platform.runScoped(actor, work);
    reads++;
    return platform.runScoped(actor, work).finally(() => {
      reads--;
      check();
    });
  };
  // Prototype-linked, so live getters of the platform (the calendar) stay live.
  const watched: PlatformServices = Object.create(platform, { changes: { value: changes }, runScoped: { value: runScoped } }) as PlatformServices;
  return { ctx: { ...ctx, platform: watched }, waiting };
}
