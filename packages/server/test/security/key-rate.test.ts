/**
 * A key limited by rate (issue 20: a publishable key with no Origin reads its subtree's public
 * data, so a scraper holding it is held by a per-key bucket): past `keyRequestsPerMinute` the key's
 * requests get 429 RATE_LIMITED with Retry-After, on every instance alike; other keys and callers
 * without a key are not affected. Bounded loops on loopback, the server's clock moved by the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouterOf } from '@sifa/server';
import { rawFetch, startTestServer, testNow, type TestServer } from '@sifa/server/testing';

let at = testNow().getTime();
let t: TestServer<AppRouterOf<[]>>;
const perMinute = 12;

beforeAll(async () => {
  t = await startTestServer({ now: () => new Date(at), keyRequestsPerMinute: perMinute });
}, 180_000);
afterAll(() => t?.close());

const orgGet = (key?: string) =>
  rawFetch(`${t.url}/trpc/platform.org.get?input=${encodeURIComponent(JSON.stringify({ code: '150402' }))}`, { headers: key ? { 'x-sifa-key': key } : {} });

describe('requests per API key', () => {
  it('a key past its bucket gets 429 with Retry-After; other keys and key-less callers do not', { timeout: 120_000 }, async () => {
    const key = await t.publishableKey('150402');
    const other = await t.publishableKey('150404');
    const statuses: number[] = [];
    // Bounded: twice the burst, in parallel groups of 8.
    for (let round = 0; round < 3; round++) statuses.push(...(await Promise.all(Array.from({ length: 8 }, () => orgGet(key)))).map((r) => r.status));
    expect(statuses.filter((s) => s === 200)).toHaveLength(perMinute);
    expect(statuses.filter((s) => s === 429)).toHaveLength(24 - perMinute);

    const refused = await orgGet(key);
    expect(refused.status).toBe(429);
    expect(refused.json.error.data.sifaCode).toBe('RATE_LIMITED');
    const retryAfter = refused.json.error.data.details.retryAfter as number;
    // 12 a minute: a token every 5 s.
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(5);
    expect(refused.headers.get('retry-after')).toBe(String(retryAfter));

    expect((await orgGet(other)).status).toBe(200);
    expect((await orgGet()).status).toBe(200);

    at += 5_500;
    expect((await orgGet(key)).status).toBe(200);
    expect((await orgGet(key)).status).toBe(429);
  });
});
