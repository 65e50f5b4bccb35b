/**
 * Migrations: each committed file is applied once and recorded with its checksum; a file edited
 * after it was applied stops the start with a message naming it; a failing new migration leaves
 * nothing of itself behind.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { isSifaError, type SifaError } from '@sifa/core';
import { createSifaServer, migrate, type MigrationSource } from '@sifa/server';
import { caseworkPlugin } from './fixtures/casework/plugin.js';
import { createTestDatabase, memoryLogger, type TestDatabase } from '@sifa/server/testing';

const platformFolder = fileURLToPath(new URL('../migrations', import.meta.url));
const caseworkFolder = caseworkPlugin.migrationsFolder!;

const temps: string[] = [];
function copyOfCasework(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sifa-migrate-'));
  temps.push(dir);
  cpSync(caseworkFolder, dir, { recursive: true });
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** Adds a migration to a copied folder's journal and writes its SQL. */
function addMigration(folder: string, tag: string, text: string) {
  const file = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(file, 'utf8')) as { entries: { idx: number; tag: string }[] };
  journal.entries.push({ idx: journal.entries.length, version: '7', when: Date.now(), tag, breakpoints: true } as never);
  writeFileSync(file, JSON.stringify(journal, null, 2));
  writeFileSync(join(folder, `${tag}.sql`), text);
}

const rows = <T>(r: unknown) => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(() => db?.drop());

const query = async <T>(q: ReturnType<typeof sql>) => rows<T>(await db.handle.db.execute(q));
const tableExists = async (name: string) => (await query<{ name: string | null }>(sql`SELECT to_regclass(${`public.${name}`})::text AS name`))[0]!.name === name;
const recorded = () => query<{ source: string; tag: string; checksum: string }>(sql`SELECT source, tag, checksum FROM sifa_migrations ORDER BY source, tag`);

async function refusalOf(promise: Promise<unknown>): Promise<SifaError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'expected the migration to be refused').not.toBeNull();
  expect(isSifaError(error)).toBe(true);
  return error as SifaError;
}

/** The platform's migrations, in order, as its journal lists them. */
const platformTags = (JSON.parse(readFileSync(join(platformFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] }).entries.map((e) => e.tag);

describe('applying', () => {
  it('applies each file once and records it with its checksum', async () => {
    const sources: MigrationSource[] = [
      { source: 'platform', folder: platformFolder },
      { source: 'casework', folder: caseworkFolder },
    ];
    const first = await migrate(db.handle.db, sources);
    expect(first).toEqual({
      applied: [...platformTags.map((tag) => `platform/${tag}`), 'casework/0000_casework'],
      alreadyApplied: 0,
    });
    expect(await tableExists('casework_cases')).toBe(true);
    expect(await tableExists('audit_log')).toBe(true);

    const sha = (folder: string, tag: string) => createHash('sha256').update(readFileSync(join(folder, `${tag}.sql`))).digest('hex');
    expect(await recorded()).toEqual([
      { source: 'casework', tag: '0000_casework', checksum: sha(caseworkFolder, '0000_casework') },
      ...platformTags.map((tag) => ({ source: 'platform', tag, checksum: sha(platformFolder, tag) })),
    ]);

    const second = await migrate(db.handle.db, sources);
    expect(second).toEqual({ applied: [], alreadyApplied: platformTags.length + 1 });
    expect(await recorded()).toHaveLength(platformTags.length + 1);
  });

  it('applies only what is new on a later start', async () => {
    const folder = copyOfCasework();
    const first = await createSifaServer({ database: db.handle, plugins: [{ ...caseworkPlugin, migrationsFolder: folder }], logger: memoryLogger().logger });
    expect(first.migrations!.applied).toContain('casework/0000_casework');
    await first.close();

    addMigration(folder, '0001_casework_notes', 'ALTER TABLE "casework_cases" ADD COLUMN "notes" text;');
    const second = await createSifaServer({ database: db.handle, plugins: [{ ...caseworkPlugin, migrationsFolder: folder }], logger: memoryLogger().logger });
    expect(second.migrations).toEqual({ applied: ['casework/0001_casework_notes'], alreadyApplied: platformTags.length + 1 });
    await second.close();
    const columns = await query<{ column_name: string }>(sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'casework_cases' ORDER BY ordinal_position`);
    expect(columns.map((c) => c.column_name)).toContain('notes');
  });

  it('keeps migrations of different sources apart, even with the same tag', async () => {
    await migrate(db.handle.db, [{ source: 'platform', folder: platformFolder }]);
    const other = copyOfCasework();
    writeFileSync(join(other, 'meta', '_journal.json'), JSON.stringify({ entries: [{ idx: 0, tag: '0000_roles' }] }));
    writeFileSync(join(other, '0000_roles.sql'), 'CREATE TABLE other_roles (id int);');
    const report = await migrate(db.handle.db, [
      { source: 'platform', folder: platformFolder },
      { source: 'other', folder: other },
    ]);
    expect(report).toEqual({ applied: ['other/0000_roles'], alreadyApplied: platformTags.length });
    expect(await tableExists('other_roles')).toBe(true);
  });
});

describe('a wrong migrationsFolder', () => {
  it('stops the server naming the plugin and the folder, not with a bare ENOENT', async () => {
    const missing = join(tmpdir(), 'sifa-no-such-migrations-folder');
    const error = await refusalOf(createSifaServer({ database: db.handle, plugins: [{ ...caseworkPlugin, migrationsFolder: missing }], logger: memoryLogger().logger }));
    expect(error.message).toBe(
      `Plugin "casework": in its migrationsFolder ${missing}, ${join('meta', '_journal.json')} does not exist. Check migrationsFolder (an absolute path to drizzle-kit's output, with meta/_journal.json).`,
    );
    expect(error.messageFor('zh-CN')).toContain('插件“casework”');
    expect(error.details).toEqual({ plugin: 'casework', folder: missing, file: join('meta', '_journal.json') });
    // Nothing ran: not even the platform's migrations.
    expect(await tableExists('sifa_migrations')).toBe(false);
  });

  it('names the plugin when its journal lists a file that is not there, or is not a journal', async () => {
    const folder = copyOfCasework();
    addMigration(folder, '0001_gone', 'SELECT 1;');
    rmSync(join(folder, '0001_gone.sql'));
    const gone = await refusalOf(migrate(db.handle.db, [{ source: 'casework', folder }]));
    expect(gone.message).toMatch(/^Plugin "casework": in its migrationsFolder .*, 0001_gone\.sql does not exist\./);
    writeFileSync(join(folder, 'meta', '_journal.json'), 'not json');
    const garbled = await refusalOf(migrate(db.handle.db, [{ source: 'casework', folder }]));
    expect(garbled.message).toMatch(/^Plugin "casework": in its migrationsFolder .*, meta\/_journal\.json cannot be read \(/);
  });
});

describe('an applied file that was changed', () => {
  it('is refused, naming the file and saying what to do', async () => {
    const folder = copyOfCasework();
    const sources = [
      { source: 'platform', folder: platformFolder },
      { source: 'casework', folder },
    ];
    await migrate(db.handle.db, sources);
    const before = await recorded();

    appendFileSync(join(folder, '0000_casework.sql'), '\n--> statement-breakpoint\nALTER TABLE "casework_cases" ADD COLUMN "sneaky" text;');
    const error = await refusalOf(migrate(db.handle.db, sources));
    expect(error.message).toContain('casework/0000_casework');
    expect(error.message).toContain('changed after it was applied');
    expect(error.message).toContain('Restore the file and put the change in a new migration');
    expect(error.messageFor('zh-CN')).toContain('casework/0000_casework');
    expect(error.details).toMatchObject({ migration: 'casework/0000_casework', recorded: before.find((r) => r.source === 'casework')!.checksum });

    // Nothing of the edited file ran, and the record is unchanged.
    const columns = await query<{ column_name: string }>(sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'casework_cases'`);
    expect(columns.map((c) => c.column_name)).not.toContain('sneaky');
    expect(await recorded()).toEqual(before);
  });

  it('even a whitespace edit stops the server from starting', async () => {
    const folder = copyOfCasework();
    const plugins = [{ ...caseworkPlugin, migrationsFolder: folder }];
    const server = await createSifaServer({ database: db.handle, plugins, logger: memoryLogger().logger });
    await server.close();

    appendFileSync(join(folder, '0000_casework.sql'), '\n');
    const error = await refusalOf(createSifaServer({ database: db.handle, plugins, logger: memoryLogger().logger }));
    expect(error.message).toContain('Migration casework/0000_casework.sql was changed after it was applied');
    // The handle it was given is still usable after the refusal.
    expect(await tableExists('casework_cases')).toBe(true);
  });
});

describe('a failing new migration', () => {
  it('leaves nothing of itself behind: a good statement before the bad one is undone', async () => {
    const folder = copyOfCasework();
    const sources = [
      { source: 'platform', folder: platformFolder },
      { source: 'casework', folder },
    ];
    await migrate(db.handle.db, sources);
    addMigration(
      folder,
      '0001_half',
      'CREATE TABLE "casework_half" ("id" integer);\n--> statement-breakpoint\nALTER TABLE "casework_cases" ADD COLUMN "half" text;\n--> statement-breakpoint\nINSERT INTO "no_such_table" VALUES (1);',
    );
    await expect(migrate(db.handle.db, sources)).rejects.toThrow();

    expect(await tableExists('casework_half')).toBe(false);
    const columns = await query<{ column_name: string }>(sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'casework_cases'`);
    expect(columns.map((c) => c.column_name)).not.toContain('half');
    expect((await recorded()).map((r) => `${r.source}/${r.tag}`)).not.toContain('casework/0001_half');

    // Once fixed (it was never recorded, so editing it is allowed), it applies cleanly.
    writeFileSync(join(folder, '0001_half.sql'), 'CREATE TABLE "casework_half" ("id" integer);\n--> statement-breakpoint\nALTER TABLE "casework_cases" ADD COLUMN "half" text;');
    expect(await migrate(db.handle.db, sources)).toEqual({ applied: ['casework/0001_half'], alreadyApplied: platformTags.length + 1 });
    expect(await tableExists('casework_half')).toBe(true);
  });
});
