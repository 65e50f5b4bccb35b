/**
 * Procedure kinds whose permission the platform checks: `permittedProcedure` (no transaction)
 * answers UNAUTHENTICATED (401) or FORBIDDEN (403, naming the permission) before its body runs,
 * over the real HTTP server; the procedures that once checked by hand (plans.splitPreview,
 * platform.documents.catalogue, platform.keys.*) carry their permission as procedure meta, so
 * composition checks it is declared and the platform refuses callers without it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, definePlugin, defineServerPlugin, permittedProcedure, type Actor, type SifaContext } from '@sifa/core';
import type { AppRouterOf } from '@sifa/server';
import { createPlansPlugin } from '@sifa/plugin-plans/server';
import { sifaErrorOf, startTestServer, testUsers, type TestServer } from '@sifa/server/testing';

const title = (en: string) => ({ zh: en, en });
let bodyRuns = 0;

const kindsPlugin = defineServerPlugin(
  definePlugin({
    id: 'kinds',
    version: '1.0.0',
    core: '^0.1.0',
    title: title('Procedure kinds'),
    permissions: [{ name: 'kinds.admin', title: title('Administer'), roles: ['city_admin'] }],
  }),
  {
    router: createRouter({
      settings: permittedProcedure('kinds.admin').query(({ ctx }) => {
        bodyRuns++;
        return { by: ctx.actor.username };
      }),
    }),
  },
);

/** The plans plugin with `plans.read` granted to the city only (a bureau may grant less than the defaults). */
function plansReadByCityOnly() {
  const plans = createPlansPlugin({ demo: false });
  return {
    ...plans,
    manifest: { ...plans.manifest, permissions: (plans.manifest.permissions ?? []).map((p) => (p.name === 'plans.read' ? { ...p, roles: ['city_admin' as const] } : p)) },
  };
}

const plugins = [kindsPlugin, plansReadByCityOnly()] as const;
let t: TestServer<AppRouterOf<typeof plugins>>;

beforeAll(async () => {
  t = await startTestServer({ plugins });
});
afterAll(() => t?.close());

describe('permittedProcedure', () => {
  it('refuses an anonymous caller (401) and one without the permission (403, naming it) before the body runs', async () => {
    const before = bodyRuns;
    const anonymous = await sifaErrorOf((await t.client()).kinds.settings.query());
    expect(anonymous.data).toMatchObject({ sifaCode: 'UNAUTHENTICATED', httpStatus: 401 });
    const office = await sifaErrorOf((await t.client('xitun')).kinds.settings.query());
    expect(office.data).toMatchObject({ sifaCode: 'FORBIDDEN', httpStatus: 403, details: { permission: 'kinds.admin' } });
    expect(office.message).toBe('You need the "kinds.admin" permission for this. Ask your administrator.');
    expect(bodyRuns).toBe(before);
    expect(await (await t.client('city')).kinds.settings.query()).toEqual({ by: 't.city' });
    expect(bodyRuns).toBe(before + 1);
  });
});

describe('the procedures that once checked their permission by hand', () => {
  const metaOf = (path: string) => (t.server.router as unknown as { _def: { procedures: Record<string, { _def: { meta?: unknown } }> } })._def.procedures[path]?._def.meta;

  it('carry their permission as meta (checked at composition, enforced by the platform)', () => {
    expect(metaOf('plans.splitPreview')).toEqual({ permission: 'plans.read', access: 'permitted' });
    expect(metaOf('platform.documents.catalogue')).toEqual({ permission: 'platform.documents.read', access: 'permitted' });
    for (const path of ['platform.keys.create', 'platform.keys.list', 'platform.keys.revoke']) expect(metaOf(path)).toMatchObject({ permission: 'platform.keys.manage' });
  });

  it('plans.splitPreview: 403 FORBIDDEN naming plans.read over HTTP for a caller without it', async () => {
    const office = await sifaErrorOf((await t.client('xitun')).plans.splitPreview.query({ period: '2026-10', target: 36 }));
    expect(office.data).toMatchObject({ sifaCode: 'FORBIDDEN', httpStatus: 403, details: { permission: 'plans.read' } });
    const split = await (await t.client('city')).plans.splitPreview.query({ period: '2026-10', target: 36 });
    expect(split.subPeriods.reduce((sum, p) => sum + p.target, 0)).toBe(36);
  });

  it('platform.keys.list: 403 FORBIDDEN naming platform.keys.manage over HTTP for an office', async () => {
    const office = await sifaErrorOf((await t.client('xitun')).platform.keys.list.query());
    expect(office.data).toMatchObject({ sifaCode: 'FORBIDDEN', httpStatus: 403, details: { permission: 'platform.keys.manage' } });
  });

  it('platform.documents.catalogue: FORBIDDEN naming platform.documents.read for an actor without it (every role holds it)', async () => {
    const user = testUsers.xitun;
    const actor: Actor = {
      userId: 'no-documents',
      username: user.username,
      displayName: user.username,
      role: user.role,
      scope: { orgCode: user.orgCode, orgPath: '/15/1504/150402/150402001/' },
      permissions: new Set(['plans.read']),
      via: 'session',
    };
    // The refusal comes before the body, so no platform services are needed.
    const ctx = { requestId: 'test', locale: 'en', actor, platform: undefined as never, apiKey: null, bearerToken: null, origin: null } satisfies SifaContext;
    const caller = (t.server.router as unknown as { createCaller(ctx: SifaContext): { platform: { documents: { catalogue(): Promise<unknown> } } } }).createCaller(ctx);
    const error = await caller.platform.documents.catalogue().then(
      () => null,
      (e: unknown) => e as { sifaCode?: string; httpStatus?: number; details?: unknown },
    );
    expect(error).toMatchObject({ sifaCode: 'FORBIDDEN', httpStatus: 403, details: { permission: 'platform.documents.read' } });
    const catalogue = await (await t.client('xitun')).platform.documents.catalogue.query();
    expect(catalogue.templates.map((tpl) => tpl.code)).toContain('plans.reminder-letter');
  });
});
