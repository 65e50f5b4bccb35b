/**
 * Logs carry no personal data: `scrub()` on its own (ID numbers, mobiles, bearer tokens, token
 * parameters, and nothing else), the logger built on it, and a real server's request log while
 * requests with a token, an ID number and a phone number go through it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Writable } from 'node:stream';
import { z } from 'zod';
import { createRouter, definePlugin, defineServerPlugin, publicProcedure } from '@sifa/core';
import { createLogger, scrub } from '@sifa/server';
import type { AppRouterOf } from '@sifa/server';
import { caseworkPlugin } from './fixtures/casework/plugin.js';
import { rawFetch, startTestServer, testPassword, testUsers, type TestServer } from '@sifa/server/testing';

const idNumber = '110105199003071234';
const idNumberX = '15040219851231002X';
const phone = '13812345678';

describe('scrub()', () => {
  it('removes 18-digit resident ID numbers, with a digit or X as check character', () => {
    expect(scrub(`身份证号 ${idNumber}`)).toBe('身份证号 [id-number]');
    expect(scrub(`id=${idNumberX};`)).toBe('id=[id-number];');
    expect(scrub(idNumberX.toLowerCase())).toBe('[id-number]');
    expect(scrub(`{"idNumber":"${idNumber}","other":"${idNumberX}"}`)).toBe('{"idNumber":"[id-number]","other":"[id-number]"}');
    expect(scrub(`张三${idNumber}李四`)).toBe('张三[id-number]李四');
    expect(scrub(`/people/${idNumber}/cases`)).toBe('/people/[id-number]/cases');
    // Born in 1899 or 2009 alike.
    expect(scrub('150402189912310011')).toBe('[id-number]');
    expect(scrub('150402200902280018')).toBe('[id-number]');
  });

  it('does not take longer digit runs or impossible dates for ID numbers', () => {
    expect(scrub(`9${idNumber}`)).toBe(`9${idNumber}`); // 19 digits
    expect(scrub(`${idNumber}5`)).toBe(`${idNumber}5`);
    expect(scrub('110105199013071234')).toBe('110105199013071234'); // month 13
    expect(scrub('110105199003321234')).toBe('110105199003321234'); // day 32
    expect(scrub('010105199003071234')).toBe('010105199003071234'); // no region starts with 0
  });

  it('removes 11-digit mobile numbers, also with the +86 country code', () => {
    for (const prefix of ['13', '14', '15', '16', '17', '18', '19']) {
      expect(scrub(`tel ${prefix}912345678`)).toBe('tel [phone]');
    }
    expect(scrub(`联系电话：${phone}。`)).toBe('联系电话：[phone]。');
    expect(scrub(`{"phone":"${phone}"}`)).toBe('{"phone":"[phone]"}');
    for (const text of [`+86 ${phone}`, `+86${phone}`, `+86-${phone}`, `86${phone}`]) {
      const scrubbed = scrub(`call ${text} now`);
      expect(scrubbed, text).not.toContain(phone);
      expect(scrubbed, text).not.toMatch(/\d{7}/);
      expect(scrubbed).toContain('[phone]');
    }
  });

  it('removes bearer tokens and token parameters', () => {
    const token = 'q9Xk2-_abcDEF0123456789ghiJKLmnoPQRstuVWxyz0';
    expect(scrub(`authorization: Bearer ${token}`)).toBe('authorization: Bearer [redacted]');
    expect(scrub(`Authorization: bearer ${token}, next`)).toBe('Authorization: bearer [redacted], next');
    expect(scrub(`BEARER ${token}`)).toBe('BEARER [redacted]');
    expect(scrub('Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl')).toBe('Bearer [redacted]');
    expect(scrub(`/widget?token=${token}&org=150402`)).toBe('/widget?token=[redacted]&org=150402');
    expect(scrub(`/a?org=1504&access_token=${token}`)).toBe('/a?org=1504&access_token=[redacted]');
    expect(scrub(`/a?key=pk_live_123&tk=abc`)).toBe('/a?key=[redacted]&tk=[redacted]');
    expect(scrub(`/a?TOKEN=${token}`)).toBe('/a?TOKEN=[redacted]');
  });

  it('leaves ordinary numbers, codes and dates alone', () => {
    const ordinary = [
      '150402001',
      'org 150402 and 1504 and 15',
      '150402001001', // a 12-digit village code
      '2026-03-02',
      '20260302',
      '2026-03-02T08:00:00.000Z',
      '1772438400000', // epoch milliseconds
      'seq 12345678901', // 11 digits, but no mobile starts with 12
      '10086',
      '3.14159265358979',
      '¥ 1,380,000',
      'requestId 4f7c1e2a-9b3d-4c5e-8f60-123456789abc',
      'people: 138',
      'took 13.812345678 ms',
      '/trpc/casework.list?batch=1&input=%7B%7D',
      '/docs?keyword=token',
    ];
    for (const text of ordinary) expect(scrub(text), text).toBe(text);
  });

  it('is idempotent and leaves text without personal data as it is', () => {
    const text = `user t.xitun (150402001) ${idNumber} ${phone} Bearer abc ?token=x 2026-03-02`;
    expect(scrub(scrub(text))).toBe(scrub(text));
    expect(scrub('平安建设 法治宣传')).toBe('平安建设 法治宣传');
    expect(scrub('')).toBe('');
  });
});

describe('the logger', () => {
  function capture() {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _enc, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    return { logger: createLogger({ destination }), lines };
  }

  it('scrubs every string of the logged object, redacts secret-named keys, and scrubs the message', () => {
    const { logger, lines } = capture();
    logger.info(
      { person: { idNumber, contacts: [phone, { mobile: phone }] }, headers: { authorization: 'Bearer abc', cookie: 'sid=1' }, apiToken: 'plain', org: '150402001' },
      `looked up ${idNumber}`,
    );
    logger.info('format %s and %s', idNumber, phone);
    const text = lines.join('\n');
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain(phone);
    expect(text).not.toContain('abc');
    expect(text).not.toContain('sid=1');
    expect(text).not.toContain('plain');
    const first = JSON.parse(lines[0]!);
    expect(first.org).toBe('150402001');
    expect(first.msg).toBe('looked up [id-number]');
    expect(first.headers).toEqual({ authorization: '[redacted]', cookie: '[redacted]' });
  });

  it('scrubs an Error logged on its own: message, stack and msg', () => {
    const { logger, lines } = capture();
    logger.error(new Error(`no match for ${idNumber} / ${phone}`));
    logger.error({ err: new Error(`failed for ${idNumberX}`) }, 'procedure failed');
    const text = lines.join('\n');
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain(idNumberX);
    expect(text).not.toContain(phone);
    expect(JSON.parse(lines[0]!).msg).toBe('no match for [id-number] / [phone]');
    expect(JSON.parse(lines[1]!).err.message).toBe('failed for [id-number]');
  });

  it('does not write deeply nested values unscrubbed', () => {
    const { logger, lines } = capture();
    let nested: Record<string, unknown> = { idNumber, phone };
    for (let i = 0; i < 12; i++) nested = { level: i, nested };
    logger.info({ nested, list: [[[[[[[[[idNumber]]]]]]]]] }, 'deep');
    expect(lines.join('\n')).not.toContain(idNumber);
    expect(lines.join('\n')).not.toContain(phone);
  });
});

// A plugin whose procedure fails with personal data in the error, as careless code would.
const leakyPlugin = defineServerPlugin(
  definePlugin({ id: 'leaky', version: '1.0.0', core: '^0.1.0', title: { zh: '泄露测试', en: 'Leaky (test)' } }),
  {
    router: createRouter({
      lookup: publicProcedure.input(z.object({ idNumber: z.string(), phone: z.string() })).mutation(({ input }) => {
        throw new Error(`resident lookup failed for ${input.idNumber} (tel ${input.phone}); Bearer ${input.idNumber}`);
      }),
    }),
  },
);

type Router = AppRouterOf<[typeof caseworkPlugin, typeof leakyPlugin]>;

describe('the request log of a running server', () => {
  let t: TestServer<Router>;
  let token: string;
  const responses: { requestId: string; status: number; method: string; path: string }[] = [];

  async function call(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
    const res = await rawFetch(`${t.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
    });
    const requestId = res.headers.get('x-request-id')!;
    responses.push({ requestId, status: res.status, method: init.method ?? 'GET', path: path.split('?', 1)[0]! });
    return res;
  }

  beforeAll(async () => {
    t = await startTestServer({ plugins: [caseworkPlugin, leakyPlugin] as const });
    const login = await rawFetch(`${t.url}/trpc/platform.auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: testUsers.xitun.username, password: testPassword }),
    });
    token = login.json.result.data.token;
    expect(token).toBeTruthy();

    const personal = { orgCode: '150402001', title: `调解 张三 ${idNumber} 电话 ${phone} / ${idNumberX}`, openedOn: '2026-03-02', people: 2 };
    const opened = await call('/trpc/casework.open', { method: 'POST', body: JSON.stringify(personal) });
    expect(opened.status).toBe(200);
    const listed = await call(`/trpc/casework.list?input=${encodeURIComponent(JSON.stringify({ orgCode: idNumber }))}&token=${token}`);
    expect(listed.status).toBe(400);
    const notFound = await call(`/trpc/${idNumber},${phone}?batch=1&input={}`);
    expect(notFound.status).toBe(404);
    const failing = await call('/trpc/leaky.lookup', { method: 'POST', body: JSON.stringify({ idNumber, phone }), headers: { 'x-request-id': 'leaky-request-0001' } });
    expect(failing.status).toBe(500);
    expect(failing.text).not.toContain(idNumber);
    expect(failing.text).not.toContain(phone);
    expect(failing.json.error.data).toMatchObject({ sifaCode: 'INTERNAL', requestId: 'leaky-request-0001' });
    const tooBig = await call('/trpc/casework.open', { method: 'POST', body: JSON.stringify({ ...personal, title: `${idNumber} `.repeat(60_000) }) });
    expect(tooBig.status).toBe(413);
    const health = await call(`/healthz?tk=${token}`);
    expect(health.status).toBe(200);

    // A request is logged when its response closes: wait for all of them.
    await vi.waitFor(
      () => {
        const logged = new Set(t.logs.map((l) => JSON.parse(l).requestId));
        for (const r of responses) if (!logged.has(r.requestId)) throw new Error(`not logged yet: ${r.requestId}`);
      },
      { timeout: 5_000, interval: 20 },
    );
  });
  afterAll(() => t?.close());

  it('every line is JSON; every request has a line with requestId, method, path, status and time', () => {
    expect(t.logs.length).toBeGreaterThan(responses.length);
    const lines = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const r of responses) {
      const line = lines.find((l) => l.msg === 'request' && l.requestId === r.requestId);
      expect(line, r.path).toBeDefined();
      expect(line).toMatchObject({ method: r.method, status: r.status, service: 'sifa' });
      expect(typeof line!.path).toBe('string');
      expect(typeof line!.ms).toBe('number');
      expect(typeof line!.time).toBe('string');
    }
    const byId = (id: string) => lines.find((l) => l.msg === 'request' && l.requestId === id)!;
    expect(byId(responses[0]!.requestId).path).toBe('/trpc/casework.open');
    expect(byId('leaky-request-0001')).toMatchObject({ path: '/trpc/leaky.lookup', status: 500, method: 'POST' });
  });

  it('the log holds neither the token, the ID numbers, the phone nor the password', () => {
    const text = t.logs.join('\n');
    expect(text).not.toContain(token);
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain(idNumberX);
    expect(text).not.toContain(phone);
    expect(text).not.toContain(testPassword);
    // Not even a long run of the digits.
    expect(text).not.toContain(idNumber.slice(0, 14));
    expect(text).not.toContain(phone.slice(0, 9));
  });

  it('personal data in a path is scrubbed, the path kept readable', () => {
    const line = t.logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'request' && l.status === 404 && String(l.path).startsWith('/trpc/'));
    expect(line.path).toBe('/trpc/[id-number],[phone]');
  });

  it('a failing procedure is logged with its request id and a scrubbed error', () => {
    const line = t.logs.map((l) => JSON.parse(l)).find((l) => l.msg === 'procedure failed');
    expect(line).toMatchObject({ requestId: 'leaky-request-0001', path: 'leaky.lookup', level: 50 });
    expect(line.err.message).toBe('resident lookup failed for [id-number] (tel [phone]); Bearer [redacted]');
  });
});
