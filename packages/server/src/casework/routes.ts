/**
 * The HTTP routes of a case type, for what tRPC's JSON cannot carry: attachment upload (the raw
 * file as the body, its name in the query) and download. A plugin lists them in its server half:
 * `routes: caseworkRoutes('mediation.case', { read: 'mediation.read', work: 'mediation.work' })`,
 * mounted at `/plugins/<plugin id>/cases/:id/attachments[/:sha256]`. The platform checks the
 * permission before the body is read; the engine (`scoped.cases.attach / attachment`) does the rest
 * inside the caller's scoped transaction (another office's case is NOT_FOUND, nothing written).
 */
import { SifaError, type CaseworkPermissions, type PluginRoute } from '@sifa/core';
import { maxCaseFileBytes } from './service.js';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });

/** RFC 6266 / 5987: an ASCII fallback and the UTF-8 name (中文 names survive every browser). */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * The routes of a plugin's case types (one, or several sharing the plugin's read and work
 * permissions: the case id tells them apart, the URL is the same).
 */
export function caseworkRoutes(types: string | readonly string[], permissions: CaseworkPermissions): PluginRoute[] {
  const list = typeof types === 'string' ? [types] : [...types];
  if (list.length === 0) throw new Error('caseworkRoutes needs at least one case type');
  /** Runs `work` with the case's type: the first that knows the id (NOT_FOUND from the others: nothing was read or written). */
  const withType = async <T>(work: (type: string) => Promise<T>): Promise<T> => {
    for (const [i, type] of list.entries()) {
      try {
        return await work(type);
      } catch (error) {
        if (i === list.length - 1 || !(error instanceof SifaError) || error.sifaCode !== 'NOT_FOUND') throw error;
      }
    }
    throw new SifaError('NOT_FOUND');
  };
  return [
    {
      method: 'POST',
      path: '/cases/:id/attachments',
      permission: permissions.work,
      maxBodyBytes: maxCaseFileBytes,
      async handler(request, ctx) {
        const name = new URL(request.url).searchParams.get('name') ?? '';
        const bytes = new Uint8Array(await request.arrayBuffer());
        const view = await ctx.platform.runScoped(ctx.actor, (scoped) => withType((type) => scoped.cases.attach(type, ctx.params.id ?? '', { name, bytes })));
        return json(201, view);
      },
    },
    {
      method: 'GET',
      path: '/cases/:id/attachments/:sha256',
      permission: permissions.read,
      async handler(_request, ctx) {
        const { meta, bytes } = await ctx.platform.runScoped(ctx.actor, (scoped) => withType((type) => scoped.cases.attachment(type, ctx.params.id ?? '', ctx.params.sha256 ?? '')));
        // The engine hands a copy on its own ArrayBuffer.
        return new Response(bytes as Uint8Array<ArrayBuffer>, {
          status: 200,
          headers: {
            'content-type': meta.mimeType === 'text/plain' ? 'text/plain; charset=utf-8' : meta.mimeType,
            'content-disposition': contentDisposition(meta.name),
            'x-content-type-options': 'nosniff',
            // Case files hold personal data: never kept by shared caches, never run as a page.
            'cache-control': 'private, no-store',
            'content-security-policy': "default-src 'none'; sandbox",
            etag: `"${meta.sha256}"`,
          },
        });
      },
    },
  ];
}
