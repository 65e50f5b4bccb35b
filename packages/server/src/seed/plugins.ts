/**
 * Runs every plugin's `seed` hook (demo content) in start order. Each hook gets `runScoped` for
 * an org's subtree as the platform's seed actor, the server's clock (`now`: demo content is "this year" of it) (row-level security applies; audit entries name
 * the actor `seed`) and what earlier hooks returned (`seeded`). Hooks must be idempotent: `sifa start --seed` runs them at every start.
 */
import type { PluginSeedContext, SeedExports } from '@sifa/core';
import { systemActor } from '../auth/system-actor.js';
import type { SifaServer } from '../server.js';

export async function seedPlugins(server: SifaServer<unknown>, orgCodes: readonly string[], log: (message: string) => void = () => {}): Promise<void> {
  const db = server.database.db;
  const { permissions } = server.composition;
  const runScoped: PluginSeedContext['runScoped'] = async (orgCode, work) =>
    server.runScoped(await systemActor(db, orgCode, 'seed', '演示数据', permissions), work);
  const exports = new Map<string, SeedExports>();
  for (const plugin of server.composition.plugins) {
    const seed = plugin.source.seed;
    if (!seed) continue;
    const id = plugin.manifest.id;
    const started = Date.now();
    const result = await seed({ orgCodes, log: (message) => log(`[${id}] ${message}`), runScoped, now: server.now, seeded: (other) => exports.get(other), catalog: server.composition.catalog });
    if (result) exports.set(id, result);
    log(`[${id}] seeded in ${Date.now() - started} ms`);
  }
}
