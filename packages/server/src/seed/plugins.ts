/**
 * Runs every plugin's `seed` hook (demo content) in start order. Each hook gets `runScoped` for
 * an org's subtree as the platform's seed actor, the server's clock (`now`: demo content is "this year" of it) (row-level security applies; audit entries name
 * the actor `seed`) and what earlier hooks returned (`seeded`). Hooks must be idempotent: `sifa start --seed` runs them at every start.
 */
import { asc, desc, eq } from 'drizzle-orm';
import type { PluginSeedContext, SeedExports } from '@sifa/core';
import { systemActor } from '../auth/system-actor.js';
import { users } from '../db/schema.js';
import type { SifaServer } from '../server.js';

export async function seedPlugins(server: SifaServer<unknown>, orgCodes: readonly string[], log: (message: string) => void = () => {}): Promise<void> {
  const db = server.database.db;
  const { permissions } = server.composition;
  const runScoped: PluginSeedContext['runScoped'] = async (orgCode, work) =>
    server.runScoped(await systemActor(db, orgCode, 'seed', '演示数据', permissions), work);
  // Users are not readable by the scoped role: the seed (owner connection) answers ids and usernames only.
  const staffOf: PluginSeedContext['staffOf'] = async (orgCode) =>
    (
      await db
        .select({ id: users.id, username: users.username, role: users.role, isDemo: users.isDemo })
        .from(users)
        .where(eq(users.orgCode, orgCode))
        .orderBy(desc(users.isDemo), asc(users.username))
    ).map((u) => ({ id: u.id, username: u.username, role: u.role, demo: u.isDemo === 1 }));
  const exports = new Map<string, SeedExports>();
  for (const plugin of server.composition.plugins) {
    const seed = plugin.source.seed;
    if (!seed) continue;
    const id = plugin.manifest.id;
    const started = Date.now();
    const runJob: PluginSeedContext['runJob'] = async (name, at) => void (await server.jobs.run(`${id}.${name}`, { at }));
    const result = await seed({ orgCodes, log: (message) => log(`[${id}] ${message}`), runScoped, staffOf, runJob, now: server.now, seeded: (other) => exports.get(other), catalog: server.composition.catalog });
    if (result) exports.set(id, result);
    log(`[${id}] seeded in ${Date.now() - started} ms`);
  }
}
