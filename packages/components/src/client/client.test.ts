/**
 * The shared client's token source when nobody is signed in on the host: a token endpoint that
 * answers 401 (or a getToken resolving null) means "anonymous". Public reads go on with the
 * publishable key; calls that need a user get the server's own UNAUTHENTICATED answer; the
 * host is not asked again for every call; a later sign-in is picked up.
 */
import { describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import type { DiaryApi } from '@sifa/plugin-diary';
import type { InstitutionsApi } from '@sifa/plugin-institutions';
import { SifaClient, SifaClientError } from './client.js';
import { connectTestServer, uniqueId } from '../test-utils/test-server.js';
import type { EmbedToken } from '../config/config.js';

type Diary = DiaryApi;
type Map = InstitutionsApi;

describe('SifaClient without a signed-in host user', () => {
  it('reads public data with the key alone when the token endpoint answers 401, and asks it once', async () => {
    const connection = await connectTestServer({ orgCode: '150402001', userId: uniqueId('u') });
    const tokenUrl = '/host-api/embed-token';
    const seen: { url: string; authorization: string | null }[] = [];
    // The host backend is the outer boundary here: it answers "nobody is signed in".
    const hostFetch: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.endsWith(tokenUrl)) {
        seen.push({ url, authorization: null });
        return new Response(JSON.stringify({ error: 'not signed in' }), { status: 401 });
      }
      seen.push({ url, authorization: new Headers(init?.headers).get('authorization') });
      return fetch(input, init);
    };
    const client = new SifaClient({ endpoint: connection.endpoint, publishableKey: connection.config.publishableKey, tokenUrl }, { fetch: hostFetch });
    const list = await client.query<Map, 'institutions.list'>('institutions.list', { types: ['judicial-office'] });
    expect(list.length).toBeGreaterThan(100);
    const catalog = await client.query<Map, 'institutions.catalog'>('institutions.catalog', undefined);
    expect(catalog.types.length).toBeGreaterThan(0);
    expect(seen.filter((s) => s.url.endsWith(tokenUrl))).toHaveLength(1);
    expect(seen.filter((s) => !s.url.endsWith(tokenUrl)).every((s) => s.authorization === null)).toBe(true);

    const error = await client.query<Diary, 'diary.catalog'>('diary.catalog', undefined, 'en').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SifaClientError);
    expect((error as SifaClientError).sifaCode).toBe('UNAUTHENTICATED');
  });

  it('uses a token once getToken has one (after a sign-in on the host)', async () => {
    const connection = await connectTestServer({ orgCode: '150402001', userId: uniqueId('u') });
    let signedIn = false;
    let calls = 0;
    const getToken = async (): Promise<EmbedToken | null> => {
      calls++;
      return signedIn ? connection.config.getToken!() : null;
    };
    let now = Date.now();
    const client = new SifaClient({ endpoint: connection.endpoint, publishableKey: connection.config.publishableKey, getToken }, { now: () => now });
    expect((await client.query<Map, 'institutions.list'>('institutions.list', {})).length).toBeGreaterThan(100);
    expect(calls).toBe(1);
    signedIn = true;
    now += 61_000; // "nobody is signed in" is believed for a minute, then asked again
    const catalog = await client.query<Diary, 'diary.catalog'>('diary.catalog', undefined);
    expect(catalog.items.length).toBeGreaterThan(0);
    expect(calls).toBe(2);
  });
});

describe('SifaClient subscriptions (server-sent events)', () => {
  type Feed = { 'platform.notifications.feed': { type: 'subscription'; input: Record<string, never>; output: { id: string; title: { en: string } } } };

  it('receives notifications as they are sent, resumes after a server restart without losing any, and stops on unsubscribe', async () => {
    const server = 'sse';
    await commands.startServer({ server });
    const connection = await connectTestServer({ server, orgCode: '150402001', userId: uniqueId('u') });
    const client = new SifaClient(connection.config);
    const got: string[] = [];
    const ids: (string | null)[] = [];
    let starts = 0;
    const waitFor = async (check: () => boolean) => {
      for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(check()).toBe(true);
    };
    const stop = client.subscribe<Feed, 'platform.notifications.feed'>('platform.notifications.feed', {}, {
      onStarted: () => starts++,
      onData: (data, id) => {
        got.push(data.title.en);
        ids.push(id);
      },
      onError: (error) => {
        throw error;
      },
    });
    try {
      await waitFor(() => starts === 1);
      await commands.notify({ server, orgCode: '150402002', title: 'for-the-neighbour' });
      await commands.notify({ server, orgCode: '150402001', title: 'first' });
      await waitFor(() => got.length === 1);
      expect(got).toEqual(['first']);
      // The event id is the feed's cursor (transaction . sequence), sent back as Last-Event-ID.
      expect(ids[0]).toMatch(/^\d+\.\d+$/);

      // The server goes away; what is sent while it is down arrives after it is back.
      await commands.stopServer({ server });
      await commands.startServer({ server });
      await commands.notify({ server, orgCode: '150402001', title: 'while-reconnecting' });
      await waitFor(() => starts === 2 && got.length === 2);
      expect(got).toEqual(['first', 'while-reconnecting']);
    } finally {
      stop();
    }
    await commands.notify({ server, orgCode: '150402001', title: 'after-unsubscribe' });
    await new Promise((r) => setTimeout(r, 300));
    expect(got).not.toContain('after-unsubscribe');
  });

  it('ends with the typed error when the caller may not subscribe', async () => {
    const connection = await connectTestServer({ orgCode: '150402001', userId: uniqueId('u') });
    const client = new SifaClient({ endpoint: connection.endpoint, publishableKey: connection.config.publishableKey });
    const error = await new Promise<SifaClientError>((resolve) => {
      client.subscribe<Feed, 'platform.notifications.feed'>('platform.notifications.feed', {}, { onData: () => {}, onError: resolve });
    });
    expect(error.sifaCode).toBe('UNAUTHENTICATED');
  });
});
