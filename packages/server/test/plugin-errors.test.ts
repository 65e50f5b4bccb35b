/**
 * Declared plugin errors end to end over the real HTTP server: the manifest declares a name, a
 * code and the details' shape; `pluginError()` checks the details when thrown; clients (typed
 * tRPC client, plugin route JSON) receive `data.pluginError` and `data.details`, narrowed by
 * `isPluginError`; details that do not match are a programming error: INTERNAL for the caller,
 * the mismatch in the log. Malformed declarations refuse the start.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  createRouter,
  definePlugin,
  defineServerPlugin,
  isPluginError,
  pluginError,
  publicProcedure,
  type PluginErrorDetailsOf,
} from '@sifa/core';
import { composePlugins, PluginCompositionError, type AppRouterOf } from '@sifa/server';
import { rawFetch, sifaErrorOf, startTestServer, type TestServer } from '@sifa/server/testing';

const title = (en: string) => ({ zh: en, en });

const quotaManifest = definePlugin({
  id: 'quota',
  version: '1.0.0',
  core: '^0.1.0',
  title: title('Quota'),
  errors: {
    exceeded: { code: 'CONFLICT', details: z.object({ limit: z.int(), used: z.int(), unit: z.string() }) },
  },
});

declare module '@sifa/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PluginErrorDetails extends PluginErrorDetailsOf<typeof quotaManifest> {}
}

const exceeded = () => pluginError(quotaManifest, 'exceeded', { limit: 3, used: 4, unit: 'cases' }, { message: { zh: '超出配额。', en: 'Over the quota.' } });

const quotaPlugin = defineServerPlugin(quotaManifest, {
  router: createRouter({
    reserve: publicProcedure.mutation(() => {
      throw exceeded();
    }),
    /** A programming error: details of the wrong shape. */
    misdeclared: publicProcedure.mutation(() => {
      throw pluginError(quotaManifest, 'exceeded', { limit: 'three', used: 4 } as never);
    }),
  }),
  routes: [
    {
      method: 'POST',
      path: '/reserve',
      handler: async () => {
        throw exceeded();
      },
    },
  ],
});

const plugins = [quotaPlugin] as const;
let t: TestServer<AppRouterOf<typeof plugins>>;
beforeAll(async () => {
  t = await startTestServer({ plugins });
});
afterAll(() => t?.close());

describe('a declared plugin error', () => {
  it('reaches a typed client with its name and details, narrowed by isPluginError', async () => {
    const error: unknown = await (await t.client()).quota.reserve.mutate().catch((e: unknown) => e);
    expect(isPluginError(error, 'quota.exceeded')).toBe(true);
    if (!isPluginError(error, 'quota.exceeded')) throw new Error('not the declared error');
    expectTypeOf(error.data.details).toEqualTypeOf<{ limit: number; used: number; unit: string }>();
    expect(error.message).toBe('Over the quota.');
    expect(error.data).toMatchObject({ sifaCode: 'CONFLICT', httpStatus: 409, pluginError: 'quota.exceeded', details: { limit: 3, used: 4, unit: 'cases' } });
  });

  it('reaches a plugin route’s caller in the same error JSON', async () => {
    // Signed in: a body-taking route refuses a caller with no credential before anything else (issue 20, F3).
    const res = await rawFetch(`${t.url}/plugins/quota/reserve`, { method: 'POST', headers: { 'x-sifa-locale': 'en', authorization: `Bearer ${await t.tokenOf('xitun')}` } });
    expect(res.status).toBe(409);
    expect(isPluginError(res.json.error, 'quota.exceeded')).toBe(true);
    expect(res.json.error.data).toMatchObject({ pluginError: 'quota.exceeded', details: { limit: 3, used: 4, unit: 'cases' } });
  });

  it('with details of the wrong shape is INTERNAL for the caller (nothing of it sent) and logged with the mismatch', async () => {
    const error = await sifaErrorOf((await t.client()).quota.misdeclared.mutate());
    expect(error.data).toMatchObject({ sifaCode: 'INTERNAL', httpStatus: 500, pluginError: null, details: {} });
    expect(isPluginError(error, 'quota.exceeded')).toBe(false);
    const logged = t.logs.filter((line) => line.includes(error.data.requestId!)).join('\n');
    expect(logged).toContain('The details of \\"quota.exceeded\\" do not match its declared shape');
    expect(logged).toContain('limit');
  });

  it('other errors are not declared errors', async () => {
    const error = await sifaErrorOf((await t.client()).platform.auth.me.query());
    expect(error.data.pluginError).toBeNull();
    expect(isPluginError(error, 'quota.exceeded')).toBe(false);
    expect(isPluginError(null, 'quota.exceeded')).toBe(false);
  });
});

describe('a malformed declaration refuses the start', () => {
  const withErrors = (errors: unknown) => defineServerPlugin(definePlugin({ id: 'bad', version: '1.0.0', core: '^0.1.0', title: title('Bad'), errors: errors as never }), {});
  it.each([
    ['an unknown code', { oops: { code: 'NOPE', details: z.object({}) } }, 'errors.oops.code'],
    ['INTERNAL (never a declared error)', { oops: { code: 'INTERNAL', details: z.object({}) } }, 'errors.oops.code'],
    ['details that are not a zod schema', { oops: { code: 'CONFLICT', details: { limit: 'number' } } }, 'errors.oops.details: Expected a zod schema'],
    ['a name that is not camelCase', { 'Oops-2': { code: 'CONFLICT', details: z.object({}) } }, 'An error name is camelCase'],
  ])('%s', (_name, errors, message) => {
    expect(() => composePlugins([withErrors(errors)])).toThrow(PluginCompositionError);
    expect(() => composePlugins([withErrors(errors)])).toThrow(message);
  });
});
