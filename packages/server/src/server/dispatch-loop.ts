/**
 * The loop both outbox dispatchers run (notifications' outer channels, integrators' webhooks):
 * `dispatch()` runs one pass, and a call while a pass runs waits for it and asks for one more
 * after it; `start(intervalMs)` passes on an interval and at once; `poke()` asks for a pass soon.
 * A database outage is waited out: a pass that lost its connection is tried again every 2 s (not
 * only on the interval), so deliveries resume soon after the database is back. `stop()` ends the
 * timers and waits for the pass under way.
 */
import { databaseConnectionFailure } from '@sifa/core';
import type { Logger } from '../logging.js';

const outageRetryMs = 2_000;

export interface DispatchLoop<R> {
  dispatch(): Promise<R>;
  poke(): void;
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

export interface DispatchLoopOptions<R> {
  /** What the log lines call the loop: 'notification', 'webhook'. */
  name: string;
  /** One pass over what is due. */
  pass(): Promise<R>;
  logger: Logger;
  /** False: the loop neither starts nor passes when poked (no channel configured). */
  active?(): boolean;
}

export function createDispatchLoop<R>(options: DispatchLoopOptions<R>): DispatchLoop<R> {
  const { logger, name } = options;
  const active = options.active ?? (() => true);
  let timer: NodeJS.Timeout | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let running: Promise<R> | null = null;
  let again = false;
  let stopped = true;

  const dispatch = async (): Promise<R> => {
    if (running) {
      again = true;
      return running;
    }
    running = options.pass().finally(() => {
      running = null;
    });
    const result = await running;
    if (again && !stopped) {
      again = false;
      void dispatch().catch(dispatchFailed);
    }
    return result;
  };

  const dispatchFailed = (error: unknown) => {
    const lost = databaseConnectionFailure(error);
    if (!lost) return logger.error({ err: error }, `${name} dispatch failed`);
    logger.warn({ code: lost }, `${name} dispatch waits for the database`);
    if (retryTimer || stopped) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      loop.poke();
    }, outageRetryMs);
    retryTimer.unref();
  };

  const loop: DispatchLoop<R> = {
    dispatch,
    poke() {
      if (stopped || !active()) return;
      setImmediate(() => void dispatch().catch(dispatchFailed));
    },
    start(intervalMs) {
      stopped = false;
      if (!active() || timer) return;
      timer = setInterval(() => loop.poke(), intervalMs);
      timer.unref();
      loop.poke();
    },
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => {});
    },
  };
  return loop;
}
