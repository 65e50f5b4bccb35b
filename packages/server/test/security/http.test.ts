/**
 * HTTP attacks over real sockets on loopback (issue 20, F3, F8 and the origin observations), on
 * both engines. Raw `node:net` connections send headers announcing a large body and then nothing
 * (or one byte at a time), so an answer that arrives proves the server answered without waiting
 * for the body; the server closing the connection proves it stopped taking the upload. Deadlines
 * are configured short (/trpc: `limits.bodyTimeoutMs`; routes: `bodyTimeoutMs`) and every bound
 * asserted is generous: these tests check that an answer comes, never how fast.
 */
import { connect, type Socket } from 'node:net';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin, defineServerPlugin } from '@sifa/core';
import { readEnv, type AppRouterOf } from '@sifa/server';
import { createToursPlugin } from '@sifa/plugin-tours/server';
import { rawFetch, sifaErrorOf, startTestServer, type TestServer } from '@sifa/server/testing';

const mib = 1024 * 1024;

const uploadsManifest = definePlugin({
  id: 'uploads',
  version: '1.0.0',
  core: '^0.1.0',
  title: { zh: '上传（测试）', en: 'Uploads (test)' },
  permissions: [],
});

/** How often a route's handler ran (a refused body never reaches it). */
const handled = { count: 0 };

const echoLength = async (request: { arrayBuffer(): Promise<ArrayBuffer> }) => {
  handled.count++;
  const bytes = (await request.arrayBuffer()).byteLength;
  return new Response(JSON.stringify({ bytes }), { status: 201, headers: { 'content-type': 'application/json; charset=utf-8' } });
};

/** Routes as a third party writes them: no permission (the handler decides), not anonymous. */
const uploadsPlugin = defineServerPlugin(uploadsManifest, {
  routes: [
    { method: 'POST', path: '/open', maxBodyBytes: 4 * mib, bodyTimeoutMs: 1500, handler: echoLength },
    // A long deadline: only the minimum rate can cut a trickle early.
    { method: 'POST', path: '/long', maxBodyBytes: 4 * mib, bodyTimeoutMs: 600_000, handler: echoLength },
  ],
});

const plugins = [createToursPlugin(), uploadsPlugin] as const;
let t: TestServer<AppRouterOf<typeof plugins>>;
/** A second server whose own public origin is configured (a TLS proxy's name). */
let proxied: TestServer<AppRouterOf<[]>>;
const proxiedOrigin = 'https://sifa.example.gov.cn';

beforeAll(async () => {
  [t, proxied] = await Promise.all([
    startTestServer({ plugins, limits: { bodyTimeoutMs: 1500 } }),
    startTestServer({ publicOrigins: [`${proxiedOrigin}/`] }),
  ]);
  // Two servers with their databases: generous under load.
}, 180_000);
afterAll(async () => {
  await Promise.all([t?.close(), proxied?.close()]);
});

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  json: { error?: { data?: { sifaCode?: string; details?: Record<string, unknown> } } } & Record<string, unknown>;
}

/** A raw connection: write what you like; `answer` settles with the first complete response, `closed` when the server closes. */
function rawConnection(baseUrl: string) {
  const { hostname, port } = new URL(baseUrl);
  const socket: Socket = connect(Number(port), hostname);
  socket.on('error', () => undefined);
  let buffer = Buffer.alloc(0);
  let isClosed = false;
  const closed = new Promise<void>((resolve) => socket.once('close', () => ((isClosed = true), resolve())));
  const answer = new Promise<RawAnswer>((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [statusLine, ...lines] = buffer.subarray(0, end).toString('latin1').split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      const length = Number(headers['content-length'] ?? 0);
      const body = buffer.subarray(end + 4);
      if (body.length < length) return;
      resolve({ status: Number(statusLine!.split(' ')[1]), headers, json: length ? JSON.parse(body.subarray(0, length).toString('utf8')) : {} });
    });
    socket.once('close', () => reject(new Error(`closed without a complete answer: ${JSON.stringify(buffer.toString('latin1').slice(0, 300))}`)));
  });
  answer.catch(() => undefined);
  return {
    socket,
    answer,
    closed,
    isClosed: () => isClosed,
    ready: new Promise<void>((resolve) => socket.once('connect', () => resolve())),
    write: (data: string | Buffer) => new Promise<void>((resolve) => (socket.destroyed ? resolve() : socket.write(data, () => resolve()))),
  };
}

const head = (method: string, path: string, headers: Record<string, string | number>) =>
  `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;

/** Resolves with `value` after `ms`, for races that must not hang a test. */
const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms).unref());

describe('uploads are refused before their body (F3)', () => {
  it('answers 24 MB to the tours upload without credentials with 401 at once, and closes the connection', async () => {
    const c = rawConnection(t.url);
    await c.ready;
    await c.write(head('POST', '/plugins/tours/images', { 'content-type': 'image/jpeg', 'content-length': 24 * mib, 'x-sifa-locale': 'en' }));
    // Not a byte of the body is sent: only an answer given without it can arrive.
    const answer = await c.answer;
    expect(answer.status).toBe(401);
    expect(answer.json.error?.data?.sifaCode).toBe('UNAUTHENTICATED');
    expect(answer.headers.connection).toBe('close');
    // …and the server hangs up instead of waiting for (and draining) 24 MB.
    expect(await Promise.race([c.closed.then(() => 'closed'), after(8_000, 'still open')])).toBe('closed');
  });

  it('stops an upload that keeps coming after the refusal', async () => {
    const c = rawConnection(t.url);
    await c.ready;
    const total = 24 * mib;
    await c.write(head('POST', '/plugins/tours/images', { 'content-type': 'image/jpeg', 'content-length': total }));
    // The client streams on regardless (as a naive uploader does), 64 KiB every 20 ms.
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024);
    while (sent < total && !c.isClosed()) {
      await Promise.race([c.write(chunk), after(1000, undefined)]);
      sent += chunk.length;
      await after(20, undefined);
    }
    expect((await c.answer).status).toBe(401);
    expect(c.isClosed()).toBe(true);
    expect(sent).toBeLessThan(total);
  });

  it('refuses a body sent to a route without permission, from no caller at all, before reading it', async () => {
    const before = handled.count;
    const c = rawConnection(t.url);
    await c.ready;
    await c.write(head('POST', '/plugins/uploads/open', { 'content-type': 'application/octet-stream', 'content-length': 3 * mib }));
    const answer = await c.answer;
    expect(answer.status).toBe(401);
    expect(answer.json.error?.data?.sifaCode).toBe('UNAUTHENTICATED');
    expect(await Promise.race([c.closed.then(() => 'closed'), after(8_000, 'still open')])).toBe('closed');
    expect(handled.count).toBe(before);
    // A caller with credentials gets through (the handler decides the rest).
    const ok = await rawFetch(`${t.url}/plugins/uploads/open`, { method: 'POST', body: Buffer.alloc(1000), headers: { authorization: `Bearer ${await t.tokenOf('xitun')}` } });
    expect(ok.status).toBe(201);
    expect(ok.json).toEqual({ bytes: 1000 });
  });

  it('refuses a declared Content-Length above the route limit with 413 before reading, and closes the connection', async () => {
    const token = await t.tokenOf('xitun');
    const c = rawConnection(t.url);
    await c.ready;
    await c.write(head('POST', '/plugins/uploads/open', { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream', 'content-length': 5 * mib }));
    const answer = await c.answer;
    expect(answer.status).toBe(413);
    expect(answer.json.error?.data).toMatchObject({ sifaCode: 'PAYLOAD_TOO_LARGE', details: { maxBytes: 4 * mib } });
    expect(answer.headers.connection).toBe('close');
    expect(await Promise.race([c.closed.then(() => 'closed'), after(8_000, 'still open')])).toBe('closed');
    // The same on /trpc (its limit: 1 MiB).
    const trpc = rawConnection(t.url);
    await trpc.ready;
    await trpc.write(head('POST', '/trpc/platform.auth.login', { 'content-type': 'application/json', 'content-length': 50 * mib }));
    const trpcAnswer = await trpc.answer;
    expect(trpcAnswer.status).toBe(413);
    expect(trpcAnswer.headers.connection).toBe('close');
    expect(await Promise.race([trpc.closed.then(() => 'closed'), after(8_000, 'still open')])).toBe('closed');
  });
});

describe('slow bodies time out (F8)', () => {
  /** Sends the headers of a `declared`-byte body, then one byte every `everyMs` until answered or closed. */
  async function trickle(path: string, headers: Record<string, string | number>, declared: number, everyMs: number) {
    const c = rawConnection(t.url);
    await c.ready;
    await c.write(head('POST', path, { ...headers, 'content-length': declared }));
    let sent = 0;
    const started = Date.now();
    let answered = false;
    void c.answer.then(() => (answered = true), () => undefined);
    while (!answered && !c.isClosed() && sent < declared && Date.now() - started < 60_000) {
      await c.write('x');
      sent++;
      await after(everyMs, undefined);
    }
    const answer = await c.answer;
    return { answer, sent, seconds: (Date.now() - started) / 1000, closed: await Promise.race([c.closed.then(() => true), after(20_000, false)]) };
  }

  it('answers a /trpc body trickled at 1 byte / 250 ms with 408 within its deadline, and closes the connection', async () => {
    const { answer, sent, seconds, closed } = await trickle('/trpc/platform.auth.login', { 'content-type': 'application/json' }, 200, 250);
    expect(answer.status).toBe(408);
    expect(answer.json.error?.data?.sifaCode).toBe('REQUEST_TIMEOUT');
    // Answered long before the body could have arrived (200 bytes take 50 s at this pace).
    expect(sent).toBeLessThan(200);
    expect(seconds).toBeLessThan(30);
    expect(closed).toBe(true);
  });

  it('closes a connection whose headers never finish within the headers timeout (10 s)', async () => {
    const c = rawConnection(t.url);
    await c.ready;
    const started = Date.now();
    await c.write('POST /trpc/platform.auth.login HTTP/1.1\r\nHost: 127.0.0.1\r\nx-slow: ');
    // One more header byte every 2 s: the connection is never idle, the headers never end.
    while (!c.isClosed() && Date.now() - started < 25_000) {
      await c.write('a');
      await after(2000, undefined);
    }
    expect(c.isClosed()).toBe(true);
    // Node checks every 2 s (20 s every 30 s before: a slow header held its socket 20–50 s).
    expect((Date.now() - started) / 1000).toBeLessThan(19.5);
    expect((await c.answer.catch(() => null))?.status ?? 408).toBe(408);
  });

  it('gives a plugin route the deadline it declares', async () => {
    const { answer, sent, closed } = await trickle('/plugins/uploads/open', { authorization: `Bearer ${await t.tokenOf('xitun')}` }, 200, 250);
    expect(answer.status).toBe(408);
    expect(answer.json.error?.data?.sifaCode).toBe('REQUEST_TIMEOUT');
    expect(sent).toBeLessThan(200);
    expect(closed).toBe(true);
  });

  it('cuts a trickle below the minimum rate long before a long deadline', async () => {
    // The route waits up to 10 minutes for its body, but not for one at 4 bytes a second.
    const { answer, seconds } = await trickle('/plugins/uploads/long', { authorization: `Bearer ${await t.tokenOf('xitun')}` }, 4000, 250);
    expect(answer.status).toBe(408);
    expect(answer.json.error?.data).toMatchObject({ sifaCode: 'REQUEST_TIMEOUT', details: { minBytesPerSecond: 1024 } });
    expect(seconds).toBeLessThan(45);

    // A body that arrives in time is taken, and its connection kept for the next request.
    const token = await t.tokenOf('xitun');
    const ok = await rawFetch(`${t.url}/plugins/uploads/long`, { method: 'POST', body: Buffer.alloc(3 * mib), headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(201);
    expect(ok.json).toEqual({ bytes: 3 * mib });
    const c = rawConnection(t.url);
    await c.ready;
    const body = JSON.stringify({ username: 'nobody', password: 'x' });
    await c.write(head('POST', '/trpc/platform.auth.login', { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }) + body);
    expect((await c.answer).headers.connection).not.toBe('close');
    c.socket.destroy();
  });
});

describe('origins (issue 20 observations)', () => {
  const orgGet = (baseUrl: string, headers: Record<string, string>) =>
    new Promise<{ status: number; json: { error?: { data?: { sifaCode?: string } } }; cors: string | undefined }>((resolve, reject) => {
      const req = httpRequest(`${baseUrl}/trpc/platform.org.get?input=${encodeURIComponent(JSON.stringify({ code: '15' }))}`, { headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text), cors: res.headers['access-control-allow-origin'] as string | undefined }));
      });
      req.on('error', reject);
      req.end();
    });

  it('allows a one-label wildcard origin on a key, and nothing more', async () => {
    const city = await t.client('city', { batch: false, locale: 'en' });
    const key = await city.platform.keys.create.mutate({ kind: 'publishable', orgCode: '1504', allowedOrigins: ['HTTPS://*.Example.gov.cn:443'] });
    const [listed] = (await city.platform.keys.list.query()).filter((k) => k.id === key.id);
    expect(listed!.allowedOrigins).toEqual(['https://*.example.gov.cn']);
    const allowed = await orgGet(t.url, { origin: 'https://a.example.gov.cn', 'x-sifa-key': key.key });
    expect(allowed.status).toBe(200);
    expect(allowed.cors).toBe('https://a.example.gov.cn');
    for (const origin of ['https://a.b.example.gov.cn', 'https://example.gov.cn', 'http://a.example.gov.cn', 'https://a.example.gov.cn:8443', 'https://aexample.gov.cn', 'https://a.example.gov.cn.evil.example']) {
      const refused = await orgGet(t.url, { origin, 'x-sifa-key': key.key });
      expect(refused.status, origin).toBe(403);
      expect(refused.json.error?.data?.sifaCode, origin).toBe('ORIGIN_NOT_ALLOWED');
    }
    // Preflights follow the same rule.
    const preflight = (origin: string) =>
      rawFetch(`${t.url}/trpc/platform.org.get`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET' } });
    expect((await preflight('https://b.example.gov.cn')).status).toBe(204);
    expect((await preflight('https://x.b.example.gov.cn')).status).toBe(403);
  });

  it('refuses every other use of * in an allowed origin when the key is created', async () => {
    const city = await t.client('city', { batch: false, locale: 'en' });
    for (const origin of ['https://*', '*.example.gov.cn', 'https://a.*.gov.cn', 'https://*a.example.gov.cn', 'https://*.*.example.gov.cn', 'https://*.cn', 'https://*.example.gov.cn/path', '*']) {
      const error = await sifaErrorOf(city.platform.keys.create.mutate({ kind: 'publishable', orgCode: '1504', allowedOrigins: [origin] }));
      expect(error.data.sifaCode, origin).toBe('VALIDATION_FAILED');
      expect(error.data.issues, origin).toEqual([{ path: 'allowedOrigins.0', message: expect.stringContaining('wildcard') }]);
    }
  });

  it('decides same-origin by the server\'s public origins, never by the Host header', async () => {
    // A Host header matching the Origin (a script, or a DNS-rebinding page) is still cross-origin.
    const rebound = await orgGet(t.url, { host: 'evil.example', origin: 'http://evil.example' });
    expect(rebound.status).toBe(403);
    expect(rebound.json.error?.data?.sifaCode).toBe('ORIGIN_NOT_ALLOWED');
    // Its own (derived) origins stay same-origin: no key needed, no CORS headers.
    const own = await orgGet(t.url, { origin: t.url });
    expect(own.status).toBe(200);
    expect(own.cors).toBeUndefined();
    const localhost = await orgGet(t.url, { origin: t.url.replace('127.0.0.1', 'localhost') });
    expect(localhost.status).toBe(200);

    // Configured: the proxy's origin is same-origin whatever Host says; the listening address is not.
    expect((await orgGet(proxied.url, { origin: proxiedOrigin })).status).toBe(200);
    expect((await orgGet(proxied.url, { host: 'sifa.example.gov.cn', origin: proxiedOrigin })).status).toBe(200);
    const direct = await orgGet(proxied.url, { origin: proxied.url });
    expect(direct.status).toBe(403);
    expect(direct.json.error?.data?.sifaCode).toBe('ORIGIN_NOT_ALLOWED');
    // `sifa start` takes them from SIFA_PUBLIC_ORIGINS: origins only, no wildcard.
    expect(readEnv({ SIFA_PUBLIC_ORIGINS: 'https://sifa.example.gov.cn, http://10.0.0.5:3000' }).SIFA_PUBLIC_ORIGINS).toEqual(['https://sifa.example.gov.cn', 'http://10.0.0.5:3000']);
    expect(() => readEnv({ SIFA_PUBLIC_ORIGINS: 'https://*.example.gov.cn' })).toThrow(/SIFA_PUBLIC_ORIGINS/);
  });
});
