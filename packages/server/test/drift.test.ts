/**
 * Schema drift: tables described in code against the database their committed migrations build.
 * Every plugin of this repository must show none on a fresh database (the check the test kit
 * runs for every plugin); a plugin whose code moved on without a migration is named precisely,
 * at start (logged) and by `sifa migrate --check` (exit 1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { createInstitutionsPlugin } from '@sifa/plugin-institutions/server';
import { createToursPlugin } from '@sifa/plugin-tours/server';
import { createAssessmentPlugin } from '@sifa/plugin-assessment/server';
import { createPlansPlugin } from '@sifa/plugin-plans/server';
import { createWarningsPlugin } from '@sifa/plugin-warnings/server';
import { createStatisticsPlugin } from '@sifa/plugin-statistics/server';
import { sql } from 'drizzle-orm';
import { pgTable, text } from 'drizzle-orm/pg-core';
import { checkSchemaDrift, normalizeSqlType } from '@sifa/server';
import { createCliDatabase, runCli, startTestServer, type CliDatabase } from '@sifa/server/testing';
import { caseworkPlugin } from './fixtures/casework/plugin.js';
import { caseworkAddedColumnPlugin, caseworkChangedTypePlugin } from './fixtures/casework-drift/plugin.js';

describe('type names', () => {
  it('compares the spellings PostgreSQL and drizzle use', () => {
    const same: [string, string][] = [
      ['timestamp with time zone', 'timestamptz'],
      ['timestamp (3) with time zone', 'timestamp(3) with time zone'],
      ['timestamp', 'timestamp without time zone'],
      ['varchar(20)', 'character varying(20)'],
      ['integer', 'int4'],
      ['serial', 'integer'],
      ['bigserial', 'bigint'],
      ['text[]', 'text[]'],
      ['numeric(12, 2)', 'numeric(12,2)'],
      ['double precision', 'float8'],
    ];
    for (const [a, b] of same) expect(normalizeSqlType(a), `${a} vs ${b}`).toBe(normalizeSqlType(b));
    expect(normalizeSqlType('varchar(20)')).not.toBe(normalizeSqlType('varchar(30)'));
    expect(normalizeSqlType('text[]')).not.toBe(normalizeSqlType('text'));
    expect(normalizeSqlType('timestamp')).not.toBe(normalizeSqlType('timestamptz'));
  });
});

describe('schema drift at start', () => {
  it('every plugin of this repository, migrated on a fresh database, shows no drift', async () => {
    const plugins = [
      createDiaryPlugin(),
      createInstitutionsPlugin(),
      createToursPlugin(),
      createAssessmentPlugin(),
      createPlansPlugin(),
      createWarningsPlugin(),
      createStatisticsPlugin(),
    ] as const;
    const t = await startTestServer({ plugins, seedUsers: false });
    try {
      expect(t.server.drift).toEqual([]);
      // It did look: every table of every plugin (and the platform's) was compared.
      const ids = t.server.composition.plugins.map((p) => p.manifest.id);
      expect(ids).toEqual(expect.arrayContaining(['platform', 'diary', 'institutions', 'tours', 'assessment', 'plans', 'warnings', 'statistics']));
      expect(t.logs.filter((l) => l.includes('schema drift'))).toEqual([]);
    } finally {
      await t.close();
    }
  }, 120_000);

  it('names a column the code adds and its migrations lack, and logs it as an error (the server still starts)', async () => {
    const t = await startTestServer({ plugins: [caseworkAddedColumnPlugin], seedUsers: false, allowDrift: true });
    try {
      expect(t.server.drift).toEqual([
        expect.objectContaining({ severity: 'error', kind: 'missing-column', plugin: 'casework', table: 'casework_cases', column: 'priority', code: 'integer not null', database: 'absent' }),
      ]);
      const message = t.server.drift![0]!.message;
      expect(message).toContain('Plugin "casework", table "casework_cases"."priority": the column is missing in the database');
      expect(message).toContain('run `pnpm --filter @sifa/server db:generate` and commit the migration');
      const logged = t.logs.map((l) => JSON.parse(l) as { level: number; msg: string; column?: string });
      expect(logged).toContainEqual(expect.objectContaining({ level: 50, column: 'priority', msg: expect.stringContaining('schema drift') }));
    } finally {
      await t.close();
    }
  }, 60_000);

  it('names a column whose type differs, with the code and the database types', async () => {
    const t = await startTestServer({ plugins: [caseworkChangedTypePlugin], seedUsers: false, allowDrift: true });
    try {
      const drift = t.server.drift!.map(({ kind, column, code, database, severity }) => ({ kind, column, code, database, severity }));
      expect(drift).toEqual([
        { kind: 'type', column: 'title', code: 'varchar(200)', database: 'text', severity: 'error' },
        { kind: 'type', column: 'opened_on', code: 'text', database: 'date', severity: 'error' },
      ]);
      expect(t.server.drift![0]!.message).toContain('Plugin "casework", table "casework_cases"."title": the column type differs (code: varchar(200), database: text)');
    } finally {
      await t.close();
    }
  }, 60_000);

  it('stops the test kit\'s server unless the test allows drift, so every plugin\'s tests check its migrations', async () => {
    await expect(startTestServer({ plugins: [caseworkAddedColumnPlugin], seedUsers: false })).rejects.toThrow(
      /^Schema drift: the tables in code differ from what the migrations build\.\n {2}Plugin "casework", table "casework_cases"\."priority": the column is missing in the database/,
    );
  }, 60_000);

  it('reports a table missing in the database, and a column only the database has as a warning', async () => {
    const t = await startTestServer({ plugins: [caseworkPlugin], seedUsers: false });
    try {
      await t.db.handle.db.execute(sql`ALTER TABLE casework_cases ADD COLUMN legacy_note text`);
      const gone = pgTable('casework_gone', { id: text('id').primaryKey() });
      const drift = await checkSchemaDrift(t.db.handle.db, [{ source: 'casework', tables: [gone, ...caseworkPlugin.tables!] }]);
      expect(drift.map((d) => [d.severity, d.kind, d.table, d.column, d.code, d.database])).toEqual([
        ['error', 'missing-table', 'casework_gone', null, 'table', 'absent'],
        ['warning', 'extra-column', 'casework_cases', 'legacy_note', 'absent', 'text'],
      ]);
    } finally {
      await t.close();
    }
  }, 60_000);
});

describe('sifa migrate --check (CLI)', () => {
  let cliDb: CliDatabase;
  const clean = ['--config', 'packages/server/test/fixtures/casework-drift/clean.config.ts'];
  const drifted = ['--config', 'packages/server/test/fixtures/casework-drift/sifa.config.ts'];

  beforeAll(async () => {
    cliDb = await createCliDatabase();
  }, 120_000);
  afterAll(async () => {
    await cliDb?.drop();
  });

  it('lists pending migrations without applying them, exits 0 once migrated and 1 on drift', async () => {
    const before = await runCli(['migrate', '--check', ...clean], cliDb.env);
    expect(before.code, before.stderr).toBe(1);
    expect(before.stdout).toMatch(/pending migration\(s\)/);
    expect(before.stdout).toContain('casework/0000_casework');
    expect(before.stdout).not.toContain('Schema drift');
    // Nothing was applied: the same migrations are still pending.
    const again = await runCli(['migrate', '--check', ...clean], cliDb.env);
    expect(again.stdout).toContain('casework/0000_casework');

    const migrated = await runCli(['migrate', ...clean], cliDb.env);
    expect(migrated.code, migrated.stderr).toBe(0);

    const ok = await runCli(['migrate', '--check', ...clean], cliDb.env);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Database up to date: no pending migration, no schema drift');

    const drift = await runCli(['migrate', '--check', ...drifted], cliDb.env);
    expect(drift.code, drift.stderr).toBe(1);
    expect(drift.stdout).not.toContain('pending migration');
    expect(drift.stdout).toContain('Schema drift: 1 difference(s)');
    expect(drift.stdout).toContain(
      'ERROR Plugin "casework", table "casework_cases"."priority": the column is missing in the database (code: integer not null, database: absent); run `pnpm --filter @sifa/server db:generate` and commit the migration.',
    );
  }, 180_000);
});
