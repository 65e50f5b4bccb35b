/**
 * Browser-side access to the real Sifa servers that test/global-setup.ts runs in Node: a page
 * configuration (endpoint, publishable key, a `getToken` that mints through the server's mint
 * API like a host backend would, counting its calls) and polling helpers for tests.
 */
import { inject } from 'vitest';
import { commands } from 'vitest/browser';
import type { Role } from '@sifa/core';
import type { EmbedToken, SifaConfig } from '../config/config.js';

export interface TestIdentity {
  /** A judicial office (9 digits) for office_staff. */
  orgCode: string;
  /** Diary entries are idempotent per author: give each test its own user. */
  userId: string;
  role?: Role;
  ttlSeconds?: number;
  /** A named server that the test may stop and restart; 'main' (shared, never stopped) by default. */
  server?: string;
}

export interface TestConnection {
  config: SifaConfig;
  /** How often `getToken` was called. */
  readonly tokenCalls: number;
  endpoint: string;
}

/** Configuration for a widget or client talking to a test server as `identity`. */
export async function connectTestServer(identity: TestIdentity): Promise<TestConnection> {
  const server = identity.server;
  const endpoint = server ? await commands.startServer({ server }) : inject('sifaUrl');
  const origin = location.origin;
  const { publishableKey } = await commands.allowOrigin({ ...(server ? { server } : {}), origin });
  let calls = 0;
  const getToken = async (): Promise<EmbedToken> => {
    calls++;
    return commands.mintToken({
      ...(server ? { server } : {}),
      origin,
      orgCode: identity.orgCode,
      userId: identity.userId,
      role: identity.role ?? 'office_staff',
      ...(identity.ttlSeconds === undefined ? {} : { ttlSeconds: identity.ttlSeconds }),
    });
  };
  return {
    config: { endpoint, publishableKey, getToken },
    endpoint,
    get tokenCalls() {
      return calls;
    },
  };
}

/** Polls `check` until it returns a truthy value (or throws the last error after `timeoutMs`). */
export async function eventually<T>(check: () => T | Promise<T>, { timeoutMs = 15_000, intervalMs = 25, what = 'condition' } = {}): Promise<NonNullable<T>> {
  const deadline = performance.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const value = await check();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (performance.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** A fresh unique suffix for users, databases and keys of one test. */
export const uniqueId = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
