/**
 * Starts a real Sifa server (embedded PGlite, real org tree, test users) for the browser tests,
 * in Node, and hands its URL to the tests (`inject('sifaUrl')`).
 */
import type { TestProject } from 'vitest/node';
import { createLogger, createSifaServer, seedOrgTree, type SifaServer } from '@sifa/server';

declare module 'vitest' {
  export interface ProvidedContext {
    sifaUrl: string;
  }
}

let server: SifaServer | null = null;

export async function setup(project: TestProject) {
  server = await createSifaServer({
    database: { engine: 'pglite', dataDir: 'memory' },
    port: 0,
    logger: createLogger({ level: 'silent' }),
  });
  await seedOrgTree(server.database.db);
  project.provide('sifaUrl', await server.listen());
}

export async function teardown() {
  await server?.close();
}
