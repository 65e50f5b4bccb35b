/**
 * Runs every plugin's `seed` hook (demo content) in start order. Each hook gets `runScoped` for
 * an org's subtree as the platform's seed actor (row-level security applies; audit entries name
 * the actor `seed`) and what earlier hooks returned (`seeded`). Hooks must be idempotent: `sifa start --seed` runs them at every start.
 */
import { eq } from 'drizzle-orm';
import { SifaError, type Actor, type PluginSeedContext, type SeedExports } from '@sifa/core';
import { orgs } from '../db/schema.js';
import type { SifaServer } from '../server.js';

export async function seedPlugins(server: SifaServer<unknown>, orgCodes: readonly string[], log: (message: string) => void = () => {}): Promise<void> {
  const db = server.database.db;
  const permissions = new Set(server.composition.plugins.flatMap((p) => p.manifest.permissions.map((x) => x.name)));
  const runScoped: PluginSeedContext['runScoped'] = async (orgCode, work) => {
    const [org] = await db.select({ code: orgs.code, path: orgs.path }).from(orgs).where(eq(orgs.code, orgCode));
    if (!org) throw new SifaError('NOT_FOUND', { details: { orgCode } });
    const actor: Actor = {
      userId: 'seed',
      username: 'seed',
      displayName: 'Demo seed',
      role: 'city_admin',
      scope: { orgCode: org.code, orgPath: org.path },
      permissions,
      via: 'session',
    };
    return server.runScoped(actor, work);
  };
  const exports = new Map<string, SeedExports>();
  for (const plugin of server.composition.plugins) {
    const seed = plugin.source.seed;
    if (!seed) continue;
    const id = plugin.manifest.id;
    const started = Date.now();
    const result = await seed({ orgCodes, log: (message) => log(`[${id}] ${message}`), runScoped, now: () => new Date(), seeded: (other) => exports.get(other) });
    if (result) exports.set(id, result);
    log(`[${id}] seeded in ${Date.now() - started} ms`);
  }
}
