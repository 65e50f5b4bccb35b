import { defineConfig } from 'drizzle-kit';

// `npx tsc -b packages/core` first (the schema imports @sifa/core/db from its build), then
// `npx drizzle-kit generate --name <name>` in this folder.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/schema.ts',
  out: './migrations',
  entities: { roles: { provider: '' } },
});
