/**
 * Bad input over raw HTTP: what a typed client would never send. Every failure is a Sifa error
 * with a localized message, the request id of its response and no internals (stack, SQL, table
 * names); a rejected mutation writes nothing. Also /healthz and static hosting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseworkPlugin } from './fixtures/casework/plugin.js';
import { engine, rawFetch, startTestServer, testPassword, testUsers, type TestServer } from '@sifa/server/testing';
import type { AppRouterOf } from '@sifa/server';

type Router = AppRouterOf<[typeof caseworkPlugin]>;
const limits = { maxBodyBytes: 4096, maxBatchSize: 3 };
const secret = 'TOP-SECRET-OUTSIDE-THE-ROOT';

let t: TestServer<Router>;
let tmp: string;
let siteDir: string;
let xitunToken: string;
let hongshanToken: string;

async function rawLogin(username: string): Promise<string> {
  const res = await rawFetch(`${t.url}/trpc/platform.auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: testPassword }),
  });
  expect(res.status).toBe(200);
  return res.json.result.data.token as string;
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'sifa-http-test-'));
  siteDir = join(tmp, 'site');
  await mkdir(join(siteDir, 'widgets'), { recursive: true });
  await writeFile(join(siteDir, 'index.html'), '<!doctype html><title>portal</title><h1>portal</h1>');
  await writeFile(join(siteDir, 'app.js'), 'console.log("app");');
  await writeFile(join(siteDir, 'widgets', 'index.html'), '<!doctype html><title>widgets</title>');
  // Files next to the root (never served): what a path escape would reach.
  await writeFile(join(tmp, 'package.json'), JSON.stringify({ name: secret }));
  await writeFile(join(tmp, 'secret.txt'), secret);
  await mkdir(join(tmp, 'site-private'));
  await writeFile(join(tmp, 'site-private', 'secret.txt'), secret);

  t = await startTestServer({ plugins: [caseworkPlugin] as const, limits, staticRoots: [{ prefix: '/', dir: siteDir }] });
  xitunToken = await rawLogin(testUsers.xitun.username);
  hongshanToken = await rawLogin(testUsers.hongshan.username);
  const xitun = await t.client('xitun');
  await xitun.casework.open.mutate({ orgCode: '150402001', title: 'A1', openedOn: '2026-03-02', people: 3 });
  await t.client('city'); // signs in now, so its own sign-in is not counted as a write later
});
afterAll(async () => {
  await t?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

type Raw = Awaited<ReturnType<typeof rawFetch>>;

const trpcUrl = (path: string, query: Record<string, string> = {}) => {
  const qs = new URLSearchParams(query).toString();
  return `${t.url}/trpc/${path}${qs ? `?${qs}` : ''}`;
};

function post(path: string, body: NonNullable<RequestInit['body']> | null, headers: Record<string, string> = {}, query: Record<string, string> = {}) {
  return rawFetch(trpcUrl(path, query), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${xitunToken}`, ...headers },
    body,
  });
}

function get(path: string, input?: unknown, headers: Record<string, string> = {}, query: Record<string, string> = {}) {
  return rawFetch(trpcUrl(path, { ...query, ...(input === undefined ? {} : { input: JSON.stringify(input) }) }), {
    headers: { authorization: `Bearer ${xitunToken}`, ...headers },
  });
}

/** The error objects of a response (one for a single call, one per failed call of a batch). */
function errorsOf(res: Raw): any[] {
  if (Array.isArray(res.json)) return res.json.filter((r: any) => r.error).map((r: any) => r.error);
  return res.json?.error ? [res.json.error] : [];
}

const leaks = ['.ts:', '.js:', 'node_modules', 'SELECT', 'INSERT', 'UPDATE ', 'DELETE ', 'casework_cases', 'audit_log', 'facts', 'sifa_', 'stack', 'drizzle', 'postgres', 'PGlite'];

/** No internals in the raw text; every error carries the response's request id. */
function expectSafeError(res: Raw, expected: { status: number; sifaCode: string }) {
  expect(res.status, res.text).toBe(expected.status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  for (const word of leaks) expect(res.text, `response leaks "${word}"`).not.toContain(word);
  // A stack frame ("    at fn (file:line:col)" or "at /path/file.js:1:2"); plain "at " occurs in prose.
  expect(res.text).not.toMatch(/\bat\s+(?:async\s+)?\S*\s*\(?(?:file:|node:|\/)[^)"]*:\d+:\d+/);
  expect(res.text).not.toMatch(/\\n\s+at\s/);
  const requestId = res.headers.get('x-request-id');
  expect(requestId).toBeTruthy();
  const errors = errorsOf(res);
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) {
    expect(typeof error.message).toBe('string');
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.data.requestId).toBe(requestId);
    expect(Object.keys(error.data)).not.toContain('stack');
  }
  if (!Array.isArray(res.json)) {
    expect(res.json.error.data.sifaCode).toBe(expected.sifaCode);
    expect(res.json.error.data.httpStatus).toBe(expected.status);
  }
  return errors;
}

/** Rows and audit entries as the city admin sees them. */
async function snapshot() {
  const city = await t.client('city');
  const rows = await city.casework.list.query({});
  const audit = await city.platform.audit.list.query({ limit: 200 });
  return { rows: rows.length, audit: audit.length, lastAudit: audit[0]?.seq ?? 0 };
}

/** Runs `bad`, then checks nothing was written meanwhile. */
async function expectNothingWritten(bad: () => Promise<void>) {
  const before = await snapshot();
  await bad();
  expect(await snapshot()).toEqual(before);
}

const goodCase = { orgCode: '150402001', title: 'good', openedOn: '2026-03-10', people: 1 };

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends bytes exactly as given over a socket (no URL normalisation, any framing) and reads one
 * response. `parts` are written one after another with a short pause, to make a streamed body.
 */
function rawRequest(parts: (string | Buffer)[], timeoutMs = 10_000): Promise<RawResponse> {
  const { hostname, port } = new URL(t.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let buffer = Buffer.alloc(0);
    let done = false;
    const timer = setTimeout(() => finish(new Error(`no complete response within ${timeoutMs} ms: ${buffer.toString('latin1')}`)), timeoutMs);
    const finish = (error: Error | null, value?: RawResponse) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(value!);
    };
    const tryParse = (ended: boolean) => {
      const headEnd = buffer.indexOf('\r\n\r\n');
      if (headEnd < 0) {
        if (ended) finish(new Error(`connection closed without a response: ${buffer.toString('latin1')}`));
        return;
      }
      const [statusLine, ...headerLines] = buffer.subarray(0, headEnd).toString('latin1').split('\r\n');
      const status = Number(statusLine!.split(' ')[1]);
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      let rest = buffer.subarray(headEnd + 4);
      if (headers['content-length'] !== undefined) {
        const length = Number(headers['content-length']);
        if (rest.length >= length) finish(null, { status, headers, body: rest.subarray(0, length).toString('utf8') });
        else if (ended) finish(new Error('connection closed mid-body'));
        return;
      }
      if (headers['transfer-encoding'] === 'chunked') {
        const chunks: Buffer[] = [];
        for (;;) {
          const lineEnd = rest.indexOf('\r\n');
          if (lineEnd < 0) break;
          const size = parseInt(rest.subarray(0, lineEnd).toString('latin1'), 16);
          if (rest.length < lineEnd + 2 + size + 2) break;
          if (size === 0) return finish(null, { status, headers, body: Buffer.concat(chunks).toString('utf8') });
          chunks.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
          rest = rest.subarray(lineEnd + 2 + size + 2);
        }
        if (ended) finish(new Error('connection closed mid-body'));
        return;
      }
      if (ended || status === 304 || status === 204) finish(null, { status, headers, body: rest.toString('utf8') });
    };
    socket.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      tryParse(false);
    });
    socket.on('end', () => tryParse(true));
    socket.on('error', (error) => {
      // The server may answer and close before the whole body is sent; keep what arrived.
      if (buffer.length > 0) tryParse(true);
      else finish(error);
    });
    socket.on('connect', async () => {
      for (const [i, part] of parts.entries()) {
        if (done || socket.destroyed) return;
        socket.write(part);
        if (i < parts.length - 1) await new Promise((r) => setTimeout(r, 20));
      }
    });
  });
}

const host = () => new URL(t.url).host;
const rawGet = (target: string) => rawRequest([`GET ${target} HTTP/1.1\r\nHost: ${host()}\r\nConnection: close\r\n\r\n`]);

describe('/healthz', () => {
  it('answers 200 JSON naming the engine and the plugins', async () => {
    const res = await rawFetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.json).toMatchObject({ status: 'ok', engine });
    expect(res.json.plugins).toEqual(['platform', 'casework']);
    // PostgreSQL: a NOTIFY probe came back through this instance's LISTEN connection.
    expect(res.json.changeFeed).toBe(engine === 'postgres' ? 'listening' : 'local');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });
});

describe('malformed JSON', () => {
  it('in a POST body: PARSE_ERROR 400, localized, nothing written', async () => {
    await expectNothingWritten(async () => {
      const zh = await post('casework.open', '{"orgCode":"150402001","title":');
      expectSafeError(zh, { status: 400, sifaCode: 'PARSE_ERROR' });
      expect(zh.json.error.message).toBe('请求内容不是有效的 JSON，请检查后重新提交。');
      const en = await post('casework.open', '{"orgCode": 150402001,,}', { 'x-sifa-locale': 'en' });
      expectSafeError(en, { status: 400, sifaCode: 'PARSE_ERROR' });
      expect(en.json.error.message).toBe('The request body is not valid JSON. Check it and send it again.');
    });
  });

  it('in a batch POST body: one PARSE_ERROR per call', async () => {
    await expectNothingWritten(async () => {
      const res = await post('casework.open,casework.open', '{"0": {', {}, { batch: '1' });
      const errors = expectSafeError(res, { status: 400, sifaCode: 'PARSE_ERROR' });
      expect(res.json).toHaveLength(2);
      expect(errors.map((e) => e.data.sifaCode)).toEqual(['PARSE_ERROR', 'PARSE_ERROR']);
    });
  });

  it('in the input query parameter: PARSE_ERROR 400', async () => {
    const res = await rawFetch(`${t.url}/trpc/casework.list?input=${encodeURIComponent('{"orgCode":')}`, {
      headers: { authorization: `Bearer ${xitunToken}`, 'accept-language': 'en-GB,en;q=0.8' },
    });
    expectSafeError(res, { status: 400, sifaCode: 'PARSE_ERROR' });
    expect(res.json.error.message).toMatch(/not valid JSON/);
  });

  it('a body that is JSON of the wrong kind for a batch: BAD_REQUEST for each call', async () => {
    await expectNothingWritten(async () => {
      const res = await post('casework.open,casework.open', JSON.stringify([goodCase, goodCase]), {}, { batch: '1' });
      const errors = expectSafeError(res, { status: 400, sifaCode: 'BAD_REQUEST' });
      expect(errors).toHaveLength(2);
      expect(errors.every((e) => e.data.sifaCode === 'BAD_REQUEST')).toBe(true);
    });
  });
});

describe('wrong types', () => {
  const bad = { orgCode: 150402001, title: '', openedOn: '2026-13-45', people: 'three' };

  it('VALIDATION_FAILED 400 with one issue per field, nothing written', async () => {
    await expectNothingWritten(async () => {
      const res = await post('casework.open', JSON.stringify(bad), { 'x-sifa-locale': 'en' });
      const [error] = expectSafeError(res, { status: 400, sifaCode: 'VALIDATION_FAILED' });
      expect(error.data.path).toBe('casework.open');
      expect(error.data.issues.map((i: { path: string }) => i.path).sort()).toEqual(['openedOn', 'orgCode', 'people', 'title']);
      for (const issue of error.data.issues) expect(issue.message.length).toBeGreaterThan(0);
      // The value sent is not echoed back in the messages.
      expect(JSON.stringify(error.data.issues)).not.toContain('three');
    });
  });

  it('messages are localized: zh-CN by default, en on request, and they differ', async () => {
    const zh = await post('casework.open', JSON.stringify(bad));
    const zhExplicit = await post('casework.open', JSON.stringify(bad), { 'x-sifa-locale': 'zh-CN' });
    const en = await post('casework.open', JSON.stringify(bad), { 'x-sifa-locale': 'en' });
    const enByAccept = await post('casework.open', JSON.stringify(bad), { 'accept-language': 'en-US,en;q=0.9' });
    for (const res of [zh, zhExplicit, en, enByAccept]) expectSafeError(res, { status: 400, sifaCode: 'VALIDATION_FAILED' });

    expect(zh.json.error.message).toBe('填写的内容有误，请按提示修改后再提交。');
    expect(zhExplicit.json.error.message).toBe(zh.json.error.message);
    expect(en.json.error.message).toBe('Some fields are not valid. Correct them as indicated and submit again.');
    expect(enByAccept.json.error.message).toBe(en.json.error.message);

    const byPath = (res: Raw) => Object.fromEntries(res.json.error.data.issues.map((i: { path: string; message: string }) => [i.path, i.message]));
    const zhIssues = byPath(zh);
    const enIssues = byPath(en);
    expect(Object.keys(zhIssues).sort()).toEqual(Object.keys(enIssues).sort());
    for (const path of Object.keys(enIssues)) {
      expect(zhIssues[path], path).not.toBe(enIssues[path]);
      expect(zhIssues[path], path).toMatch(/[\u4e00-\u9fff]/);
      expect(enIssues[path], path).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(byPath(enByAccept)).toEqual(enIssues);
  });

  it("a schema's own rule message is rendered in the reader's language", async () => {
    const input = { ...goodCase, orgCode: '12345', openedOn: 'yesterday' };
    const zh = await post('casework.open', JSON.stringify(input));
    const en = await post('casework.open', JSON.stringify(input), { 'x-sifa-locale': 'en' });
    expectSafeError(zh, { status: 400, sifaCode: 'VALIDATION_FAILED' });
    expectSafeError(en, { status: 400, sifaCode: 'VALIDATION_FAILED' });
    expect(zh.json.error.data.issues).toEqual([
      { path: 'orgCode', message: '单位代码应为 2、4、6、9 或 12 位的官方区划代码。' },
      { path: 'openedOn', message: '日期格式应为 YYYY-MM-DD。' },
    ]);
    expect(en.json.error.data.issues).toEqual([
      { path: 'orgCode', message: 'An organisation code is an official division code of 2, 4, 6, 9 or 12 digits.' },
      { path: 'openedOn', message: 'A date is written YYYY-MM-DD.' },
    ]);
  });

  it('a whole input of the wrong type has an issue at the root path', async () => {
    await expectNothingWritten(async () => {
      const res = await post('casework.open', JSON.stringify('just a string'), { 'x-sifa-locale': 'en' });
      const [error] = expectSafeError(res, { status: 400, sifaCode: 'VALIDATION_FAILED' });
      expect(error.data.issues).toHaveLength(1);
      expect(error.data.issues[0].path).toBe('');
    });
  });

  it('in a GET input: VALIDATION_FAILED with the field path', async () => {
    const res = await rawFetch(trpcUrl('platform.audit.list', { input: JSON.stringify({ limit: 'lots', before: -1 }) }), {
      headers: { authorization: `Bearer ${hongshanToken}`, 'x-sifa-locale': 'en' },
    });
    const [error] = expectSafeError(res, { status: 400, sifaCode: 'VALIDATION_FAILED' });
    expect(error.data.issues.map((i: { path: string }) => i.path).sort()).toEqual(['before', 'limit']);
  });
});

describe('unknown procedures', () => {
  it('PROCEDURE_NOT_FOUND 404 for a query, a mutation and names that exist on every JS object', async () => {
    const names = ['casework.nope', 'nope', 'platform.auth', 'toString', 'constructor', '__proto__', 'casework.open.extra', 'hasOwnProperty'];
    for (const name of names) {
      for (const res of [await get(name, {}), await post(name, '{}', { 'x-sifa-locale': 'en' })]) {
        const [error] = expectSafeError(res, { status: 404, sifaCode: 'PROCEDURE_NOT_FOUND' });
        expect(error.data.path).toBe(name);
      }
    }
    const zh = await get('casework.nope', {});
    expect(zh.json.error.message).toBe('请求的接口不存在，请检查接口名称和 SDK 版本。');
  });

  it('an unknown name in a batch fails only that call', async () => {
    const res = await get('casework.list,casework.nope', { 0: {}, 1: {} }, {}, { batch: '1' });
    expect(res.status).toBe(207);
    expect(res.json[0].result.data).toHaveLength(1);
    expect(res.json[1].error.data.sifaCode).toBe('PROCEDURE_NOT_FOUND');
    expectSafeError(res, { status: 207, sifaCode: '' });
  });
});

describe('oversized bodies', () => {
  const big = JSON.stringify({ ...goodCase, title: 'x'.repeat(limits.maxBodyBytes) });

  it('PAYLOAD_TOO_LARGE 413 with the limit, nothing written', async () => {
    await expectNothingWritten(async () => {
      const res = await post('casework.open', big, { 'x-sifa-locale': 'en' });
      const [error] = expectSafeError(res, { status: 413, sifaCode: 'PAYLOAD_TOO_LARGE' });
      expect(error.data.details).toEqual({ maxBytes: limits.maxBodyBytes });
      expect(error.message).toBe('The request is too large. Send less data, or send it in smaller batches.');
    });
  });

  it('a body exactly at the limit is accepted', async () => {
    const body = JSON.stringify({ ...goodCase, title: 'at-limit' });
    const padded = body + ' '.repeat(limits.maxBodyBytes - Buffer.byteLength(body));
    expect(Buffer.byteLength(padded)).toBe(limits.maxBodyBytes);
    const res = await post('casework.open', padded);
    expect(res.status, res.text).toBe(200);
    const tooBig = await post('casework.open', `${padded} `);
    expectSafeError(tooBig, { status: 413, sifaCode: 'PAYLOAD_TOO_LARGE' });
  });

  it('rejects at once when content-length declares too much, without waiting for the body', async () => {
    await expectNothingWritten(async () => {
      const started = Date.now();
      const res = await rawRequest(
        [
          `POST /trpc/casework.open HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${xitunToken}\r\n` +
            `Content-Length: 50000000\r\nX-Request-Id: declared-too-much-1\r\n\r\n${JSON.stringify(goodCase)}`,
        ],
        5_000,
      );
      expect(Date.now() - started).toBeLessThan(4_000);
      expect(res.status).toBe(413);
      expect(res.headers['x-request-id']).toBe('declared-too-much-1');
      const body = JSON.parse(res.body);
      expect(body.error.data.sifaCode).toBe('PAYLOAD_TOO_LARGE');
      expect(body.error.data.requestId).toBe('declared-too-much-1');
    });
  });

  it('counts the bytes of a chunked body that declares no length', async () => {
    await expectNothingWritten(async () => {
      const chunk = (text: string) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
      const head = `{"orgCode":"150402001","title":"`;
      const res = await rawRequest([
        `POST /trpc/casework.open HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${xitunToken}\r\n` +
          `Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunk(head)}`,
        ...Array.from({ length: 4 }, () => chunk('y'.repeat(1500))),
        chunk(`","openedOn":"2026-03-10","people":1}`),
        '0\r\n\r\n',
      ]);
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body).error.data.sifaCode).toBe('PAYLOAD_TOO_LARGE');
      expect(JSON.parse(res.body).error.data.requestId).toBe(res.headers['x-request-id']);
    });
  });

  it('a small chunked body is accepted (the limit is about size, not framing)', async () => {
    const before = await snapshot();
    const body = JSON.stringify({ ...goodCase, title: 'chunked-ok' });
    const res = await rawRequest([
      `POST /trpc/casework.open HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${xitunToken}\r\n` +
        `Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
      `${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n`,
    ]);
    expect(res.status, res.body).toBe(200);
    expect((await snapshot()).rows).toBe(before.rows + 1);
  });

  it('a content-length shorter than the body: only the declared bytes are read, nothing written', async () => {
    await expectNothingWritten(async () => {
      const body = JSON.stringify(goodCase);
      const res = await rawRequest([
        `POST /trpc/casework.open HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${xitunToken}\r\n` +
          `Content-Length: 10\r\nConnection: close\r\n\r\n${body}`,
      ]);
      // The trailing bytes are not a request: Node's parser answers 400 and drops the connection
      // (or our handler answers PARSE_ERROR for the truncated JSON); either way nothing runs.
      expect(res.status).toBe(400);
      if (res.body) expect(JSON.parse(res.body).error.data.sifaCode).toBe('PARSE_ERROR');
    });
  });
});

describe('oversized batches', () => {
  it('more than maxBatchSize queries: an error for each call', async () => {
    const paths = Array.from({ length: limits.maxBatchSize + 1 }, () => 'casework.list');
    const input = Object.fromEntries(paths.map((_, i) => [i, {}]));
    const res = await get(paths.join(','), input, { 'x-sifa-locale': 'en' }, { batch: '1' });
    expect(res.status).toBe(400);
    const errors = expectSafeError(res, { status: 400, sifaCode: 'BAD_REQUEST' });
    expect(res.json).toHaveLength(paths.length);
    expect(errors).toHaveLength(paths.length);
    for (const error of errors) {
      expect(error.data.sifaCode).toBe('BAD_REQUEST');
      expect(error.data.details).toEqual({ maxBatchSize: limits.maxBatchSize, received: paths.length });
      expect(error.message).toContain(String(limits.maxBatchSize));
    }
  });

  it('more than maxBatchSize mutations: none of them runs', async () => {
    await expectNothingWritten(async () => {
      const paths = Array.from({ length: limits.maxBatchSize + 2 }, () => 'casework.open');
      const input = Object.fromEntries(paths.map((_, i) => [i, { ...goodCase, title: `batch-${i}` }]));
      const res = await post(paths.join(','), JSON.stringify(input), {}, { batch: '1' });
      const errors = expectSafeError(res, { status: 400, sifaCode: 'BAD_REQUEST' });
      expect(errors).toHaveLength(paths.length);
      expect(errors[0].message).toMatch(/[\u4e00-\u9fff]/);
    });
  });

  it('exactly maxBatchSize calls are served', async () => {
    const paths = Array.from({ length: limits.maxBatchSize }, () => 'casework.list');
    const res = await get(paths.join(','), Object.fromEntries(paths.map((_, i) => [i, {}])), {}, { batch: '1' });
    expect(res.status).toBe(200);
    expect(res.json.every((r: any) => Array.isArray(r.result.data))).toBe(true);
  });
});

describe('content type', () => {
  const cases: [string, Record<string, string>, NonNullable<RequestInit['body']>][] = [
    ['no content-type', {}, new TextEncoder().encode(JSON.stringify(goodCase))],
    ['text/plain', { 'content-type': 'text/plain' }, JSON.stringify(goodCase)],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }, 'orgCode=150402001&title=x'],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=zz' }, '--zz--'],
    ['json look-alike', { 'content-type': 'application/jsonx' }, JSON.stringify(goodCase)],
  ];
  for (const [label, headers, body] of cases) {
    it(`POST with ${label}: UNSUPPORTED_MEDIA_TYPE 415, nothing written`, async () => {
      await expectNothingWritten(async () => {
        const res = await rawFetch(trpcUrl('casework.open'), {
          method: 'POST',
          headers: { authorization: `Bearer ${xitunToken}`, 'x-sifa-locale': 'en', ...headers },
          body,
        });
        if (label === 'no content-type') expect(res.status).toBe(415);
        const [error] = expectSafeError(res, { status: 415, sifaCode: 'UNSUPPORTED_MEDIA_TYPE' });
        expect(error.message).toBe('Send the request body as application/json.');
      });
    });
  }

  it('application/json with a charset parameter is accepted', async () => {
    const res = await post('casework.open', JSON.stringify({ ...goodCase, title: 'charset' }), { 'content-type': 'Application/JSON; charset=utf-8' });
    expect(res.status, res.text).toBe(200);
  });
});

describe('HTTP methods', () => {
  it('GET on a mutation: METHOD_NOT_SUPPORTED 405, nothing written', async () => {
    await expectNothingWritten(async () => {
      const res = await get('casework.open', goodCase, { 'x-sifa-locale': 'en' });
      const [error] = expectSafeError(res, { status: 405, sifaCode: 'METHOD_NOT_SUPPORTED' });
      expect(error.message).toMatch(/casework\.open is a mutation: use POST/);
      const zh = await get('casework.open', goodCase);
      expectSafeError(zh, { status: 405, sifaCode: 'METHOD_NOT_SUPPORTED' });
      expect(zh.json.error.message).toMatch(/^casework\.open 是修改，请用 POST/);
    });
  });

  it('POST on a query: 405', async () => {
    const res = await post('casework.list', '{}', { 'x-sifa-locale': 'en' });
    const [error] = expectSafeError(res, { status: 405, sifaCode: 'METHOD_NOT_SUPPORTED' });
    expect(error.message).toMatch(/casework\.list is a query: use GET/);
  });

  it('other methods: 405, nothing written', async () => {
    await expectNothingWritten(async () => {
      for (const method of ['PUT', 'DELETE', 'PATCH']) {
        const res = await rawFetch(trpcUrl('casework.open'), {
          method,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${xitunToken}` },
          body: JSON.stringify(goodCase),
        });
        expectSafeError(res, { status: 405, sifaCode: 'METHOD_NOT_SUPPORTED' });
      }
    });
  });
});

describe('a batch mixing good and bad calls', () => {
  it('mutations: each call gets its own result; only the good one is written', async () => {
    const before = await snapshot();
    const mixed = await post(
      'casework.open,casework.open,casework.open',
      JSON.stringify({
        0: { ...goodCase, title: 'mixed-good' },
        1: { ...goodCase, people: 'many' },
        2: { ...goodCase, orgCode: '150404001', title: 'mixed-out-of-scope' },
      }),
      { 'x-sifa-locale': 'en' },
      { batch: '1' },
    );
    expect(mixed.status).toBe(207);
    expect(mixed.json).toHaveLength(3);
    expect(typeof mixed.json[0].result.data.id).toBe('number');
    expect(mixed.json[1].error.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', path: 'casework.open', httpStatus: 400 });
    expect(mixed.json[1].error.data.issues.map((i: { path: string }) => i.path)).toEqual(['people']);
    expect(mixed.json[2].error.data).toMatchObject({ sifaCode: 'OUT_OF_SCOPE', httpStatus: 403 });
    expectSafeError(mixed, { status: 207, sifaCode: '' });

    const after = await snapshot();
    expect(after.rows).toBe(before.rows + 1);
    const titles = (await (await t.client('city')).casework.list.query({})).map((r) => r.title);
    expect(titles).toContain('mixed-good');
    expect(titles).not.toContain('mixed-out-of-scope');
    // One audit entry: the good call's.
    expect(after.audit).toBe(before.audit + 1);
  });

  it('queries: a good call, a bad input, an unknown name and an out-of-scope call', async () => {
    const res = await get(
      'casework.list,casework.list,casework.missing',
      { 0: {}, 1: { orgCode: 'abc' } },
      { 'x-sifa-locale': 'en' },
      { batch: '1' },
    );
    expect(res.status).toBe(207);
    expect(Array.isArray(res.json[0].result.data)).toBe(true);
    expect(res.json[1].error.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(res.json[1].error.data.issues[0].path).toBe('orgCode');
    expect(res.json[2].error.data.sifaCode).toBe('PROCEDURE_NOT_FOUND');
    expectSafeError(res, { status: 207, sifaCode: '' });

    const scope = await get('casework.list,casework.list', { 0: {}, 1: { orgCode: '150404' } }, {}, { batch: '1' });
    expect(scope.status).toBe(207);
    expect(scope.json[0].result.data.length).toBeGreaterThan(0);
    expect(scope.json[1].error.data.sifaCode).toBe('OUT_OF_SCOPE');
    expectSafeError(scope, { status: 207, sifaCode: '' });
  });
});

describe('auth errors over raw HTTP', () => {
  it('no token, a forged token: 401 without internals, nothing written', async () => {
    await expectNothingWritten(async () => {
      const none = await post('casework.open', JSON.stringify(goodCase), { authorization: '' });
      expectSafeError(none, { status: 401, sifaCode: 'UNAUTHENTICATED' });
      const forged = await post('casework.open', JSON.stringify(goodCase), { authorization: 'Bearer forged-token-0123456789' });
      expectSafeError(forged, { status: 401, sifaCode: 'UNAUTHENTICATED' });
    });
  });

  it('a client-supplied request id is echoed when well formed, replaced when not', async () => {
    const ok = await get('casework.nope', {}, { 'x-request-id': 'client-req-12345' });
    expect(ok.headers.get('x-request-id')).toBe('client-req-12345');
    expectSafeError(ok, { status: 404, sifaCode: 'PROCEDURE_NOT_FOUND' });
    const bad = await get('casework.nope', {}, { 'x-request-id': 'x"><script>' });
    expect(bad.headers.get('x-request-id')).not.toBe('x"><script>');
    expectSafeError(bad, { status: 404, sifaCode: 'PROCEDURE_NOT_FOUND' });
  });
});

describe('static files', () => {
  it('serves index.html with a strict CSP', async () => {
    for (const path of ['/', '/index.html']) {
      const res = await rawFetch(`${t.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('<h1>portal</h1>');
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const csp = res.headers.get('content-security-policy');
      expect(csp).toBeTruthy();
      const directives = Object.fromEntries(csp!.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
      expect(directives['default-src']).toBe("'self'");
      expect(directives['script-src']).toBe("'self'");
      expect(directives['object-src']).toBe("'none'");
      expect(directives['base-uri']).toBe("'none'");
      expect(directives['frame-ancestors']).toBeTruthy();
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toContain('*');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const widgets = await rawFetch(`${t.url}/widgets/`);
    expect(widgets.status).toBe(200);
    expect(widgets.headers.get('content-security-policy')).toBeTruthy();
  });

  it('serves other files with their type', async () => {
    const res = await rawFetch(`${t.url}/app.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.text).toBe('console.log("app");');
    // Widget bundles are loaded as module scripts by pages on other origins: CORS for files, not pages.
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect((await rawFetch(`${t.url}/`)).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('404 for a missing file', async () => {
    for (const path of ['/missing.html', '/widgets/missing.js', '/nope/']) {
      const res = await rawFetch(`${t.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-security-policy')).toBeNull();
    }
  });

  it('does not let a path escape the root', async () => {
    const targets = [
      '/../package.json',
      '/../secret.txt',
      '/../../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/secret.txt',
      '/%2e%2e%2fpackage.json',
      '/..%2fsecret.txt',
      '/..%2f..%2fpackage.json',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/widgets/..%2f..%2fsecret.txt',
      '/%252e%252e/secret.txt',
      '/..%5csecret.txt',
      '/..%00/secret.txt',
      '/index.html%00.js',
      '/../site-private/secret.txt',
      '/..%2fsite-private%2fsecret.txt',
      `/${encodeURIComponent(join(tmp, 'secret.txt'))}`,
      `//${join(tmp, 'secret.txt').slice(1)}`,
    ];
    for (const target of targets) {
      const res = await rawGet(target);
      expect(res.status, target).toBe(404);
      expect(res.body, target).not.toContain(secret);
      expect(res.body, target).not.toContain('root:');
    }
    // The control: the same socket helper does read a file inside the root.
    const inside = await rawGet('/%61pp.js');
    expect(inside.status).toBe(200);
    expect(inside.body).toBe('console.log("app");');
  });
});
