import { defineConfig } from 'drizzle-kit';

// The migrations are generated from src/server/schema.ts, never written by hand: change a table,
// then `pnpm --filter @sifa/plugin-correction db:generate --name <what-changed>` and commit the new
// SQL file with its meta/ snapshot. The server applies them in order at start (checksummed: never
// edit one that has been applied) and `sifa migrate --check` reports a table whose code and
// migrations differ.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/schema.ts',
  out: './migrations',
  // sifa_app, the role of scoped transactions, is created by the platform's migrations.
  entities: { roles: { provider: '' } },
});
