/**
 * Plugin HTTP routes (`/plugins/<id>/…`): matching, the caller resolved as for tRPC, body limits
 * while streaming, errors in tRPC's error JSON (never internals), anonymous public routes, a
 * declared permission checked before the body is read, and declarations refused at start-up.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineServerPlugin, definePlugin, type ServerPlugin } from '@sifa/core';
import { composePlugins, PluginCompositionError, type AppRouterOf } from '@sifa/server';
import { mountPluginRoutes } from '../src/http/plugin-routes.js';
import { guardedCalls, routesPlugin } from './fixtures/routes/plugin.js';
import { rawFetch, startTestServer, testUsers, type TestServer } from '@sifa/server/testing';

const plugins = [routesPlugin] as const;
let t: TestServer<AppRouterOf<typeof plugins>>;

beforeAll(async () => {
  t = await startTestServer({ plugins });
});
afterAll(() => t?.close());

const tokenOf = (user: keyof typeof testUsers) => t.tokenOf(user);

const errorShape = (sifaCode: string, httpStatus: number) => ({
  error: { message: expect.any(String), code: expect.any(Number), data: expect.objectContaining({ sifaCode, httpStatus, requestId: expect.any(String) }) },
});

describe('plugin routes', () => {
  it('answers unknown plugins and paths with a NOT_FOUND error in the tRPC error shape', async () => {
    for (const path of ['/plugins/nope/x', '/plugins/routes/nope', '/plugins/routes', '/plugins/routes/whoami/a/b']) {
      const res = await rawFetch(`${t.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.json, path).toEqual(errorShape('NOT_FOUND', 404));
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    }
    const wrongMethod = await rawFetch(`${t.url}/plugins/routes/upload`, { headers: { 'x-sifa-locale': 'en' } });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.json.error.message).toBe('This address accepts POST only.');
  });

  it('resolves the caller as tRPC does: session, publishable key, rejected token, locale', async () => {
    const anonymous = await rawFetch(`${t.url}/plugins/routes/whoami/%E5%90%8D?q=1`, { headers: { 'x-sifa-locale': 'en' } });
    expect(anonymous.status).toBe(200);
    expect(anonymous.json).toMatchObject({ name: '名', query: '1', actor: null, apiKey: null, authError: null, locale: 'en' });
    expect(anonymous.headers.get('x-request-id')).toBe(anonymous.json.requestId);

    const token = await tokenOf('xitun');
    const signedIn = await rawFetch(`${t.url}/plugins/routes/whoami/x`, { headers: { authorization: `Bearer ${token}` } });
    expect(signedIn.json).toMatchObject({ actor: { username: 't.xitun', scope: '150402001', via: 'session' }, locale: 'zh-CN' });

    const key = await t.publishableKey('150402');
    const withKey = await rawFetch(`${t.url}/plugins/routes/whoami/x`, { headers: { 'x-sifa-key': key } });
    expect(withKey.json).toMatchObject({ actor: null, apiKey: { kind: 'publishable', orgCode: '150402' } });

    const stale = await rawFetch(`${t.url}/plugins/routes/whoami/x`, { headers: { authorization: 'Bearer not-a-session' } });
    expect(stale.json).toMatchObject({ actor: null, authError: 'UNAUTHENTICATED' });

    const badKey = await rawFetch(`${t.url}/plugins/routes/whoami/x`, { headers: { 'x-sifa-key': 'pk_nonsense' } });
    expect(badKey.status).toBe(401);
    expect(badKey.json).toEqual(errorShape('UNAUTHENTICATED', 401));
  });

  it('applies the Origin rules to credentialed routes, not to anonymous ones', async () => {
    const foreign = { origin: 'https://elsewhere.example' };
    const refused = await rawFetch(`${t.url}/plugins/routes/whoami/x`, { headers: foreign });
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual(errorShape('ORIGIN_NOT_ALLOWED', 403));
    const file = await rawFetch(`${t.url}/plugins/routes/public/a.txt`, { headers: { ...foreign, authorization: 'Bearer whatever' } });
    expect(file.status).toBe(200);
    expect(file.text).toBe('file a.txt; actor none');
    expect(file.headers.get('access-control-allow-origin')).toBe('*');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('reads bodies within the route limit, refusing larger ones while they stream', async () => {
    // A body for a route that is not anonymous needs some caller (issue 20, F3): here a session.
    const auth = { authorization: `Bearer ${await tokenOf('xitun')}` };
    const ok = await rawFetch(`${t.url}/plugins/routes/upload`, { method: 'POST', body: Buffer.alloc(1000), headers: { ...auth, 'content-type': 'application/octet-stream' } });
    expect(ok.status).toBe(201);
    expect(ok.json).toEqual({ bytes: 1000, type: 'application/octet-stream' });
    const declared = await rawFetch(`${t.url}/plugins/routes/upload`, { method: 'POST', body: Buffer.alloc(1001), headers: auth });
    expect(declared.status).toBe(413);
    expect(declared.json).toEqual(errorShape('PAYLOAD_TOO_LARGE', 413));
    expect(declared.json.error.data.details).toEqual({ maxBytes: 1000 });
    // Chunked, no Content-Length: counted as it arrives.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new Uint8Array(400));
        controller.close();
      },
    });
    const chunked = await rawFetch(`${t.url}/plugins/routes/upload`, { method: 'POST', body: stream, duplex: 'half', headers: auth } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('checks a route\'s permission before its body is read or its handler runs', async () => {
    /** Sends the headers and one chunk of a body that never ends: only an answer given without reading the body arrives. */
    const unfinishedUpload = (headers: Record<string, string>) =>
      new Promise<{ status: number; json: { error: { data: { sifaCode: string } } } }>((resolve, reject) => {
        const req = httpRequest(`${t.url}/plugins/routes/guarded`, { method: 'POST', headers: { ...headers, 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' } });
        const timer = setTimeout(() => (req.destroy(), reject(new Error('no answer: the body was waited for'))), 5000);
        req.on('error', () => undefined);
        req.on('response', (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            clearTimeout(timer);
            req.destroy();
            resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) });
          });
        });
        req.flushHeaders();
        req.write(Buffer.alloc(100));
      });
    const before = guardedCalls.count;
    const anonymous = await unfinishedUpload({ 'x-sifa-locale': 'en' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toEqual(errorShape('UNAUTHENTICATED', 401));
    const stale = await unfinishedUpload({ authorization: 'Bearer not-a-session' });
    expect(stale.status).toBe(401);
    const unpermitted = await unfinishedUpload({ authorization: `Bearer ${await tokenOf('xitun')}`, 'x-sifa-locale': 'en' });
    expect(unpermitted.status).toBe(403);
    expect(unpermitted.json).toEqual(errorShape('FORBIDDEN', 403));
    expect(unpermitted.json.error.data).toMatchObject({ details: { permission: 'routes.write' } });
    expect(guardedCalls.count).toBe(before);

    const permitted = await rawFetch(`${t.url}/plugins/routes/guarded`, { method: 'POST', body: Buffer.alloc(10), headers: { authorization: `Bearer ${await tokenOf('hongshan')}` } });
    expect(permitted.status).toBe(201);
    expect(permitted.json).toEqual({ bytes: 10, by: 't.hongshan' });
    expect(guardedCalls.count).toBe(before + 1);
  });

  it('answers thrown SifaErrors with their code and message, and hides everything else', async () => {
    const conflict = await rawFetch(`${t.url}/plugins/routes/conflict`, { headers: { 'x-sifa-locale': 'zh-CN' } });
    expect(conflict.status).toBe(409);
    expect(conflict.json.error.message).toBe('测试冲突');
    expect(conflict.json.error.data).toMatchObject({ sifaCode: 'CONFLICT', details: { why: 'test' }, path: 'routes/conflict' });
    const crash = await rawFetch(`${t.url}/plugins/routes/crash`);
    expect(crash.status).toBe(500);
    expect(crash.json).toEqual(errorShape('INTERNAL', 500));
    expect(crash.text).not.toMatch(/secret|SELECT|stack|\.ts/);
    expect(t.logs.some((l) => l.includes('plugin route failed') && l.includes('secret internals'))).toBe(true);
  });

  it('refuses bad route declarations at start-up, naming the plugin', () => {
    const bad = (route: object): ServerPlugin =>
      defineServerPlugin(definePlugin({ id: 'bad', version: '1.0.0', core: '^0.1.0', title: { zh: '坏', en: 'Bad' } }), { routes: [route as never] });
    const handler = async () => new Response('');
    expect(() => mountPluginRoutes(composePlugins([bad({ method: 'GET', path: 'no-slash', handler })]).plugins)).toThrow(PluginCompositionError);
    expect(() => mountPluginRoutes(composePlugins([bad({ method: 'PATCH', path: '/x', handler })]).plugins)).toThrow(/Plugin "bad": route PATCH \/x has an unsupported method/);
    const twice = defineServerPlugin(definePlugin({ id: 'twice', version: '1.0.0', core: '^0.1.0', title: { zh: '二', en: 'Two' } }), {
      routes: [
        { method: 'GET', path: '/a/:x', handler },
        { method: 'GET', path: '/a/:y', handler },
      ],
    });
    expect(() => mountPluginRoutes(composePlugins([twice]).plugins)).toThrow(/declared twice/);
    const anonymousButGuarded = defineServerPlugin(
      definePlugin({ id: 'bad', version: '1.0.0', core: '^0.1.0', title: { zh: '坏', en: 'Bad' }, permissions: [{ name: 'bad.read', title: { zh: '读', en: 'Read' } }] }),
      { routes: [{ method: 'GET', path: '/x', anonymous: true, permission: 'bad.read', handler } as never] },
    );
    expect(() => mountPluginRoutes(composePlugins([anonymousButGuarded]).plugins)).toThrow(/Plugin "bad": route GET \/x is anonymous and names a permission/);
  });

  it('refuses a route permission its plugin (or the platform) does not declare, naming both', () => {
    const handler = async () => new Response('');
    const guarded = (permission: string): ServerPlugin =>
      defineServerPlugin(
        definePlugin({ id: 'guarded', version: '1.0.0', core: '^0.1.0', title: { zh: '守', en: 'Guarded' }, permissions: [{ name: 'guarded.write', title: { zh: '写', en: 'Write' } }] }),
        { routes: [{ method: 'POST', path: '/x', permission, handler }] },
      );
    const platform = defineServerPlugin(
      definePlugin({ id: 'platform', version: '1.0.0', core: '^0.1.0', title: { zh: '平台', en: 'Platform' }, permissions: [{ name: 'platform.facts.read', title: { zh: '读', en: 'Read' } }] }),
      {},
    );
    expect(() => composePlugins([guarded('guarded.write'), platform])).not.toThrow();
    expect(() => composePlugins([guarded('platform.facts.read'), platform])).not.toThrow();
    expect(() => composePlugins([guarded('guarded.wirte')])).toThrow(/Plugin "guarded": route POST \/x names the permission "guarded.wirte", which is not declared/);
    expect(() => composePlugins([guarded('routes.write'), routesPlugin])).toThrow(/Plugin "guarded": route POST \/x names the permission "routes.write" of plugin "routes"/);
  });
});
