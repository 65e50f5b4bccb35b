/**
 * `listenForChange`: the wait is registered when it is made (a change announced while the
 * caller reads is not lost), ends on close or on the caller's signal, and leaves no listener on
 * that signal behind. The change feed here is the smallest one that keeps `next`'s contract.
 */
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { listenForChange, type ChangeFeed } from '@sifa/core';

function smallFeed() {
  const waiters = new Set<{ topic: string; path: string; wake(): void }>();
  const feed: ChangeFeed = {
    publish(topic, orgPath) {
      for (const w of [...waiters]) if (w.topic === topic && (orgPath.startsWith(w.path) || w.path.startsWith(orgPath))) w.wake();
    },
    next(topic, path, { signal, timeoutMs = 25_000 } = {}) {
      return new Promise<boolean>((resolve) => {
        if (signal?.aborted) return resolve(false);
        const done = (changed: boolean) => (waiters.delete(waiter), clearTimeout(timer), resolve(changed));
        const waiter = { topic, path, wake: () => done(true) };
        const timer = setTimeout(() => done(false), timeoutMs);
        signal?.addEventListener('abort', () => done(false), { once: true });
        waiters.add(waiter);
      });
    },
  };
  return { feed, waiting: () => waiters.size };
}

describe('listenForChange', () => {
  it('catches a change announced after it was made and before it is awaited', async () => {
    const { feed, waiting } = smallFeed();
    const wait = listenForChange(feed, 'diary.entries', '/15/1504/');
    // (The caller reads here; meanwhile an office below commits and announces.)
    feed.publish('diary.entries', '/15/1504/150402/150402001/');
    expect(await wait.changed).toBe(true);
    wait.close();
    expect(waiting()).toBe(0);
  });

  it('ends with false on close, on the caller’s signal, on an aborted signal and on the timeout, and lets go of the signal', async () => {
    const { feed, waiting } = smallFeed();
    const closed = listenForChange(feed, 't.x', '/15/');
    feed.publish('t.other', '/15/');
    closed.close();
    closed.close();
    expect(await closed.changed).toBe(false);

    const caller = new AbortController();
    const done = listenForChange(feed, 't.x', '/15/', { signal: caller.signal });
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(1);
    done.close();
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
    const aborted = listenForChange(feed, 't.x', '/15/', { signal: caller.signal });
    caller.abort();
    expect(await aborted.changed).toBe(false);
    aborted.close();

    expect(await listenForChange(feed, 't.x', '/15/', { signal: AbortSignal.abort() }).changed).toBe(false);
    expect(await listenForChange(feed, 't.x', '/15/', { timeoutMs: 10 }).changed).toBe(false);
    expect(waiting()).toBe(0);
  });
});
