/**
 * The change feed behind subscriptions: after a transaction commits, code announces "topic
 * changed at org path P"; open subscriptions whose scope covers P (or lies below it) wake and
 * re-read through their own scoped transaction, so the feed carries no data and leaks nothing.
 * With PostgreSQL the announcement also goes through NOTIFY, so subscribers on every server
 * instance wake; with embedded PGlite there is only one instance.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ChangeFeed, SifaDb } from '@sifa/core';
import type { DatabaseHandle } from '../db/engine.js';
import type { Logger } from '../logging.js';

const channel = 'sifa_changes';

interface Waiter {
  topic: string;
  scopePath: string;
  wake(): void;
}

export interface ServerChangeFeed extends ChangeFeed {
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Calls `listener` on every change of `topic` (any path), published here (`local`) or by another
   * instance (`remote`, PostgreSQL only): for server state that follows shared data (the calendar).
   * Returns the unsubscribe function.
   */
  onChange(topic: string, listener: (origin: 'local' | 'remote') => void): () => void;
  /**
   * Whether announcements reach this instance: `local` with embedded PGlite (one instance, no
   * NOTIFY); otherwise a probe NOTIFYs the channel and waits up to `timeoutMs` for it to come
   * back through this instance's LISTEN connection — `listening`, or `not listening` (while the
   * connection is lost, other instances' changes reach open subscriptions only by their poll).
   */
  state(timeoutMs?: number): Promise<'local' | 'listening' | 'not listening'>;
}

/** The payload's topic of a probe (never a real topic: topics are `plugin.name`). */
const probeTopic = '$probe';
/** The payload's topic of several changes announced together: `[instance, '$many', [[topic, path], …]]`. */
const manyTopic = '$many';
/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more; room is left for the envelope. */
const maxPayloadBytes = 7_000;

export function createChangeFeed(database: Pick<DatabaseHandle, 'listen'> & { db: SifaDb }, logger: Logger): ServerChangeFeed {
  const instance = randomUUID();
  const waiters = new Set<Waiter>();
  const listeners = new Map<string, Set<(origin: 'local' | 'remote') => void>>();
  const tell = (topic: string, origin: 'local' | 'remote') => {
    for (const listener of [...(listeners.get(topic) ?? [])]) {
      try {
        listener(origin);
      } catch (error) {
        logger.error({ err: error, topic }, 'change listener failed');
      }
    }
  };
  let unlisten: (() => Promise<void>) | null = null;
  const probes = new Map<string, () => void>();

  // A change at `path` concerns a subscriber whose scope contains it (a county watching its
  // offices) and one below it (an office watching what its county sent down to it).
  const wakeLocal = (topic: string, path: string) => {
    for (const w of [...waiters]) {
      if (w.topic === topic && (path.startsWith(w.scopePath) || w.scopePath.startsWith(path))) w.wake();
    }
  };

  // Announcements to other instances leave once per turn of the event loop, the same (topic,
  // path) once, in as few NOTIFYs as fit (a payload holds under 8,000 bytes): at hundreds of
  // commits a second a NOTIFY per commit took a pooled connection and a round trip each.
  const outgoing = new Map<string, [string, string]>();
  let flushing: NodeJS.Immediate | null = null;
  const flush = () => {
    flushing = null;
    const changes = [...outgoing.values()];
    outgoing.clear();
    const payloads: string[] = [];
    for (let i = 0; i < changes.length; ) {
      const batch: [string, string][] = [];
      let bytes = 0;
      while (i < changes.length && (batch.length === 0 || bytes + changes[i]![0].length + changes[i]![1].length + 8 < maxPayloadBytes)) {
        bytes += changes[i]![0].length + changes[i]![1].length + 8;
        batch.push(changes[i++]!);
      }
      payloads.push(JSON.stringify(batch.length === 1 ? [instance, batch[0]![0], batch[0]![1]] : [instance, manyTopic, batch]));
    }
    for (const payload of payloads) {
      database.db.execute(sql`SELECT pg_notify(${channel}, ${payload})`).catch((error: unknown) => logger.warn({ err: error }, 'change notification failed'));
    }
  };

  return {
    publish(topic, orgPath) {
      wakeLocal(topic, orgPath);
      tell(topic, 'local');
      if (database.listen) {
        outgoing.set(`${topic}\u0000${orgPath}`, [topic, orgPath]);
        if (!flushing) flushing = setImmediate(flush);
      }
    },
    next(topic, scopePath, { signal, timeoutMs = 25_000 } = {}) {
      return new Promise<boolean>((resolve) => {
        if (signal?.aborted) return resolve(false);
        const done = (changed: boolean) => {
          waiters.delete(waiter);
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          resolve(changed);
        };
        const waiter: Waiter = { topic, scopePath, wake: () => done(true) };
        const onAbort = () => done(false);
        const timer = setTimeout(() => done(false), timeoutMs);
        signal?.addEventListener('abort', onAbort, { once: true });
        waiters.add(waiter);
      });
    },
    async start() {
      if (!database.listen || unlisten) return;
      let listens = 0;
      unlisten = await database.listen(
        channel,
        (payload) => {
          try {
            const [from, topic, path] = JSON.parse(payload) as [string, string, string | [string, string][]];
            if (topic === probeTopic) {
              if (from === instance && typeof path === 'string') probes.get(path)?.();
            } else if (from !== instance) {
              // One change, or several announced together.
              const changes = topic === manyTopic && Array.isArray(path) ? path : [[topic, path as string] as [string, string]];
              for (const [t, p] of changes) wakeLocal(t, p);
              for (const t of new Set(changes.map(([t]) => t))) tell(t, 'remote');
            }
          } catch {
            // Not ours.
          }
        },
        () => {
          if (listens++ === 0) return;
          // Listening again after the connection was lost (the driver reconnects by itself):
          // whatever other instances announced meanwhile never arrived, so every open
          // subscription re-reads and every follower (the calendar) reloads.
          logger.warn({ channel }, 'change feed listening again after a lost connection');
          for (const w of [...waiters]) w.wake();
          for (const topic of [...listeners.keys()]) tell(topic, 'remote');
        },
      );
    },
    onChange(topic, listener) {
      let set = listeners.get(topic);
      if (!set) listeners.set(topic, (set = new Set()));
      set.add(listener);
      return () => void set.delete(listener);
    },
    async state(timeoutMs = 1_000) {
      if (!database.listen) return 'local';
      if (!unlisten) return 'not listening';
      const nonce = randomUUID();
      let timer: NodeJS.Timeout | undefined;
      const heard = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
        probes.set(nonce, () => resolve(true));
      });
      try {
        await database.db.execute(sql`SELECT pg_notify(${channel}, ${JSON.stringify([instance, probeTopic, nonce])})`);
        return (await heard) ? 'listening' : 'not listening';
      } catch {
        return 'not listening';
      } finally {
        clearTimeout(timer);
        probes.delete(nonce);
      }
    },
    async stop() {
      if (flushing) {
        clearImmediate(flushing);
        flush();
      }
      listeners.clear();
      for (const w of [...waiters]) w.wake();
      await unlisten?.();
      unlisten = null;
    },
  };
}
