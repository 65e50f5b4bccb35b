#!/usr/bin/env node
/**
 * The `sifa` command: start | migrate [--check] | seed [--city] | org import|close|merge|history | audit verify | backup | restore | keys create|list|revoke | jobs list|run|history |
 * facts rebuild-rollups | calendar import|show|status | plugin new. Settings come from the environment
 * (see config.ts); plugins and static folders from a config module (default ./sifa.config.mjs).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { calendarFileFormats, isSifaError, orgImportFormats, type CalendarFileFormat, type OrgImportFormat, type ServerPlugin } from '@sifa/core';
import { clockOf, databaseConfigOf, readEnv } from './config.js';
import { checkSifaDatabase, createSifaServer, type SifaServerOptions } from './server.js';
import { seedDemo, readDemoCredentials, type DemoCredential } from './seed/demo.js';
import { UnknownCityError } from './seed/orgs.js';
import { rootOrgCode, systemActor } from './auth/system-actor.js';
import { anchorAuditRoot, verifyAuditChain } from './audit/log.js';
import { createLogger } from './logging.js';
import type { StaticRoot } from './http/static.js';
import { PluginCompositionError } from './plugins/compose.js';
import { createPluginPackage, PluginScaffoldError } from './plugins/scaffold.js';
import { aesGcmFieldCipher } from './casework/cipher.js';
import { backupDatabase, isBackupError, restoreDatabase } from './backup/index.js';
import { installProcessGuards } from './process-guard.js';

interface SifaConfigModule {
  plugins?: ServerPlugin[];
  staticRoots?: StaticRoot[];
  /** Outer notification channels, e.g. `[webhookChannel({ url, secret }), smsChannel({ provider })]`. */
  notificationChannels?: SifaServerOptions['notificationChannels'];
  /** The ten supervisory documents' names and number marks (default: the demo set). */
  documents?: SifaServerOptions['documents'];
  /** Time zone of the jobs' cron patterns (default Asia/Shanghai). */
  jobsTimeZone?: string;
  /** Casework: the deployment's deadline days (`{ deadlines: { 'mediation.case/mediation-period': { days: 30 } } }`). */
  casework?: SifaServerOptions['casework'];
  /** A field-encryption provider other than AES-256-GCM with SIFA_FIELD_KEY (e.g. SM4). */
  fieldCipher?: SifaServerOptions['fieldCipher'];
}

const usage = `Usage: sifa <command> [options]

Commands:
  start [--seed [--city <code>]]
                     migrate, optionally seed the demo, and serve HTTP (PORT, default 3000)
  migrate            apply pending migrations and exit
  migrate --check    apply nothing: list pending migrations and schema drift (tables in code vs the
                     database the migrations build); exit 1 when there is any, 0 when clean
  seed [--city <code>]
                     seed the real Chifeng org tree, demo accounts and demo records, print the accounts;
                     --city: another prefecture-level city's real tree instead (e.g. 1505 通辽市: province,
                     city, county-level divisions, one office per township) and three accounts, no records
  org import <file> [--format csv|json] [--dry-run]
                     add, rename and move units from a CSV/JSON file (columns code,parent,level,name_zh,
                     name_en,name_mn,kind; docs/adopting.md). The whole file is checked first, each
                     problem named by its line; then one transaction. Re-importing changes nothing
  org close <code> --reason <text>
                     close a unit (no new records there; its history stays)
  org merge <code> --into <code> --reason <text>
                     merge a unit into another of its level: closed, sub-units, accounts and records moved
  org history <code> the unit's renames, moves, closing and merges
  audit verify       recompute the audit log's chains, anchors and audited rows; exit 1 naming each problem
  backup <file> [--force]
                     write a full backup of the database to <file> (uploads and issued documents
                     are in the database): PostgreSQL (DATABASE_URL) through pg_dump, schema public;
                     PGlite (SIFA_DATA_DIR) through its data-folder dump, with the server STOPPED.
                     Prints size, rows per table, seconds. --force overwrites <file> (PGlite: and
                     backs up despite a postmaster.pid left by a crashed server)
  restore <file> [--force]
                     restore a backup into an EMPTY target of the same engine: a new PostgreSQL
                     database (DATABASE_URL; created if missing) or a new PGlite folder
                     (SIFA_DATA_DIR); checks the row counts and runs the migration check.
                     --force restores over a target that holds data (PostgreSQL: drops its schema
                     public; PGlite: renames the folder to <folder>.before-restore-<time>)
  keys create --kind publishable|secret --org <code> --origin <origin> [--origin …] [--label <text>] [--form <case type> …]
                     create an embedding key; a secret key is printed this once
  keys list          list every key (never a secret)
  keys revoke <id>   revoke a key; embed tokens minted with it stop working
  jobs list          the plugins' scheduled jobs, their schedules and next runs
  jobs run <name> [--at <ISO instant>]
                     run a job now (for the instant given), print its outcome; exit 1 if it failed
  jobs history [<name>]
                     the latest runs and their outcomes
  facts rebuild-rollups
                     recompute the facts rollups from the facts (repair); prints the row counts
  calendar import <file> [--format json|csv|ics] [--year <year>] [--dry-run]
                     load (or correct) a year's public holidays and adjusted working days as a new
                     version; open plans are split again with it. Format from the file's extension.
                     --dry-run checks the file and reports what would change. Exit 1 on a bad file.
  calendar show <year>
                     the year's holidays and adjusted working days in use, and every version held
  calendar status    which years have holiday data and which upcoming year still lacks it
                     (exit 0; the missing year is printed)
  plugin new <id> [--dir <folder>] [--title <中文名>] [--title-en <English title>]
                     write a working plugin package (default packages/plugins/<id>): table with
                     row-level security, first migration, router, metrics, document template,
                     tests; and register it (packages/tsconfig.build.json, the root package.json,
                     sifa.config.mjs). Run at the workspace root, then \`pnpm install\`.

Options:
  --config <file>    config module exporting { plugins, staticRoots, notificationChannels, documents,
                     jobsTimeZone, casework, fieldCipher } (default ./sifa.config.mjs)
  --help             show this help

Environment: DATABASE_URL (PostgreSQL; embedded PGlite when unset), SIFA_DATA_DIR, PORT, HOST,
SIFA_PUBLIC_ORIGINS (origins of this server's own pages, comma-separated; default the listening address),
SIFA_LOG_LEVEL, SIFA_MAX_BODY_BYTES, SIFA_MAX_BATCH_SIZE, SIFA_SESSION_IDLE_MINUTES, ...,
SIFA_FIELD_KEY (base64 of 32 bytes: the key of the personal data of cases; required with
DATABASE_URL when a case type is installed), SIFA_NOW (start the clock at an instant: demos, training, tests), SIFA_PG_BIN_DIR (folder of pg_dump and
pg_restore for backup/restore, e.g. /usr/lib/postgresql/16/bin; default: PATH)`;

async function loadConfig(file: string | undefined): Promise<SifaConfigModule> {
  const path = resolve(file ?? 'sifa.config.mjs');
  if (!existsSync(path)) {
    if (file) throw new Error(`Config module ${path} does not exist.`);
    return {};
  }
  const mod = (await import(pathToFileURL(path).href)) as { default?: SifaConfigModule };
  return mod.default ?? {};
}

function printCredentials(credentials: DemoCredential[]) {
  if (credentials.length === 0) return;
  console.log('\nDemo accounts (DEMO ONLY — random passwords generated for this data folder):');
  for (const c of credentials) console.log(`  ${c.username.padEnd(18)} ${c.password.padEnd(20)} ${c.role.padEnd(13)} ${c.orgCode} ${c.org}`);
  console.log('');
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      seed: { type: 'boolean', default: false },
      city: { type: 'string' },
      into: { type: 'string' },
      reason: { type: 'string' },
      help: { type: 'boolean', default: false },
      kind: { type: 'string' },
      org: { type: 'string' },
      origin: { type: 'string', multiple: true },
      form: { type: 'string', multiple: true },
      label: { type: 'string' },
      at: { type: 'string' },
      format: { type: 'string' },
      year: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      dir: { type: 'string' },
      title: { type: 'string' },
      'title-en': { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  const [command, sub, arg] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return command ? 0 : 1;
  }
  // Writes files only: needs neither the environment nor a config's plugins.
  if (command === 'plugin') return newPlugin(sub, arg, values);
  const env = readEnv();
  const config = await loadConfig(values.config);
  const logger = createLogger({ level: env.SIFA_LOG_LEVEL });
  const database = databaseConfigOf(env);
  const credentialsFile = join(env.SIFA_DATA_DIR, 'demo-credentials.json');
  const now = clockOf(env);

  const open = ({ scheduleJobs = true }: { scheduleJobs?: boolean } = {}) =>
    createSifaServer({
      jobs: { schedule: scheduleJobs, ...(config.jobsTimeZone ? { timeZone: config.jobsTimeZone } : {}) },
      ...(config.notificationChannels ? { notificationChannels: config.notificationChannels } : {}),
      ...(config.documents ? { documents: config.documents } : {}),
      ...(config.casework ? { casework: config.casework } : {}),
      ...(config.fieldCipher ? { fieldCipher: config.fieldCipher } : env.SIFA_FIELD_KEY ? { fieldCipher: aesGcmFieldCipher(env.SIFA_FIELD_KEY) } : {}),
      plugins: config.plugins ?? [],
      database,
      port: env.PORT,
      host: env.HOST,
      ...(env.SIFA_PUBLIC_ORIGINS.length ? { publicOrigins: env.SIFA_PUBLIC_ORIGINS } : {}),
      staticRoots: config.staticRoots ?? [],
      limits: { maxBodyBytes: env.SIFA_MAX_BODY_BYTES, maxBatchSize: env.SIFA_MAX_BATCH_SIZE },
      auth: {
        sessionIdleMinutes: env.SIFA_SESSION_IDLE_MINUTES,
        sessionMaxHours: env.SIFA_SESSION_MAX_HOURS,
        maxFailedLogins: env.SIFA_MAX_FAILED_LOGINS,
        backoffMinutes: env.SIFA_BACKOFF_MINUTES,
        maxBackoffMinutes: env.SIFA_MAX_BACKOFF_MINUTES,
        signInsPerClient: { burst: env.SIFA_SIGN_IN_BURST_PER_CLIENT, perMinute: env.SIFA_SIGN_INS_PER_CLIENT_PER_MINUTE },
      },
      keyRequestsPerMinute: env.SIFA_KEY_REQUESTS_PER_MINUTE,
      trustProxy: env.SIFA_TRUST_PROXY,
      logger,
      now,
    });

  if (command === 'migrate' && values.check) {
    const { pending, drift } = await checkSifaDatabase({ plugins: config.plugins ?? [], database, now });
    const errors = drift.filter((d) => d.severity === 'error');
    const warnings = drift.filter((d) => d.severity === 'warning');
    if (pending.length) {
      console.log(`${pending.length} pending migration(s) (not applied; run \`sifa migrate\`):`);
      for (const key of pending) console.log(`  ${key}`);
    }
    if (errors.length) {
      console.log(`Schema drift${pending.length ? ' (as the database will be after the pending migrations)' : ''}: ${errors.length} difference(s) between the tables in code and the database:`);
      for (const d of errors) console.log(`  ERROR ${d.message}`);
    }
    for (const d of warnings) console.log(`  WARNING ${d.message}`);
    if (!pending.length && !errors.length) console.log(`Database up to date: no pending migration, no schema drift${warnings.length ? ` (${warnings.length} warning(s))` : ''}.`);
    return pending.length || errors.length ? 1 : 0;
  }
  if (command === 'migrate') {
    const server = await open();
    console.log(`Applied ${server.migrations?.applied.length ?? 0} migration(s) on ${server.database.engine} (${server.database.location}); ${server.migrations?.alreadyApplied ?? 0} already applied.`);
    await server.close();
    return 0;
  }
  if (command === 'seed') {
    const server = await open();
    let seeded: Awaited<ReturnType<typeof seedDemo>>;
    try {
      seeded = await seedDemo(server, credentialsFile, { city: values.city });
    } catch (error) {
      await server.close();
      if (error instanceof UnknownCityError) {
        console.error(error.message);
        return 1;
      }
      throw error;
    }
    const { orgsInserted, credentials } = seeded;
    console.log(`Seeded ${orgsInserted} new organisation(s).`);
    printCredentials(credentials);
    await server.close();
    return 0;
  }
  if (command === 'audit' && sub === 'verify') {
    const server = await open();
    let result: Awaited<ReturnType<typeof verifyAuditChain>>;
    let root: string | null = null;
    try {
      result = await verifyAuditChain(server.database.db);
      // An intact log gets a root anchor over its chain heads: later runs check the chains still hold them.
      if (result.ok) root = await anchorAuditRoot(server.database.db);
    } finally {
      await server.close();
    }
    if (result.ok) {
      console.log(
        `Audit log intact: ${result.entries} entries verified in ${result.chains.length} chain(s), ${result.rows} audited row(s) match their last entry. ` +
          `Root hash ${root} (recorded as a root anchor; keep it elsewhere too: a later run must find every chain still holding these heads).`,
      );
      return 0;
    }
    const first = result.brokenAt === null ? 'Audit log BROKEN' : `Audit log BROKEN at entry #${result.brokenAt}`;
    console.error(`${first}: ${result.reason}. ${result.problems.length} problem(s):`);
    for (const problem of result.problems) console.error(`- [${problem.kind}] ${problem.message}`);
    return 1;
  }
  if (command === 'backup' || command === 'restore') {
    if (!sub) {
      console.error(`${command} needs a file: sifa ${command} sifa-${command === 'backup' ? '2026-11-26' : '<date>'}.backup`);
      return 1;
    }
    try {
      const pgBinDir = process.env.SIFA_PG_BIN_DIR || undefined;
      if (command === 'backup') printBackup(await backupDatabase({ database, file: sub, force: values.force, now, pgBinDir }));
      else return printRestore(await restoreDatabase({ database, file: sub, force: values.force, now, pgBinDir, plugins: config.plugins ?? [] }));
      return 0;
    } catch (error) {
      if (isBackupError(error)) {
        console.error(error.bilingual());
        return 1;
      }
      throw error;
    }
  }
  if (command === 'keys' && (sub === 'create' || sub === 'list' || sub === 'revoke')) {
    if (sub === 'create' && (values.kind !== 'publishable' && values.kind !== 'secret')) {
      console.error('keys create needs --kind publishable or --kind secret.');
      return 1;
    }
    if (sub === 'create' && !values.org) {
      console.error('keys create needs --org <org code> (the subtree the key serves).');
      return 1;
    }
    if (sub === 'revoke' && !arg) {
      console.error('keys revoke needs the id of the key (see `sifa keys list`).');
      return 1;
    }
    const server = await open();
    try {
      // The owner, at the console: no actor and no subtree limit; audited as "cli".
      const owner = { actorId: 'cli', actorRole: 'owner', withinPath: null, locale: 'en' as const };
      if (sub === 'create') {
        const created = await server.keys.create(owner, {
          kind: values.kind as 'publishable' | 'secret',
          label: values.label ?? '',
          orgCode: values.org!,
          allowedOrigins: values.origin ?? [],
          // Publishable keys: only these public forms (every one offered when none is named).
          publicForms: values.form ?? null,
        });
        console.log(
          `Created ${created.kind} key ${created.id} for org ${created.orgCode}${created.allowedOrigins.length ? `, origins ${created.allowedOrigins.join(' ')}` : ''}${created.publicForms ? `, public forms ${created.publicForms.join(' ')}` : ''}.`,
        );
        if (created.kind === 'secret') console.log('Keep this secret key on the host site\'s server; it is shown only now:');
        console.log(created.key);
      } else if (sub === 'list') {
        const keys = await server.keys.list(null);
        if (keys.length === 0) console.log('No keys.');
        for (const k of keys) {
          const state = k.revokedAt ? `revoked ${k.revokedAt}` : 'active';
          console.log([k.id, k.kind.padEnd(11), k.orgCode.padEnd(9), state.padEnd(6), k.display, k.allowedOrigins.join(',') || '-', k.label].join('  ').trimEnd());
        }
      } else {
        const revoked = await server.keys.revoke(owner, arg!);
        console.log(`Revoked key ${revoked.id} (${revoked.kind}, org ${revoked.orgCode}) at ${revoked.revokedAt}.`);
      }
    } catch (error) {
      if (isSifaError(error)) {
        console.error([error.messageFor('en'), ...error.issues.map((i) => `  ${i.path}: ${i.message}`)].join('\n'));
        return 1;
      }
      throw error;
    } finally {
      await server.close();
    }
    return 0;
  }
  if (command === 'jobs' && (sub === 'list' || sub === 'run' || sub === 'history')) {
    if (sub === 'run' && !arg) {
      console.error('jobs run needs the name of a job (see `sifa jobs list`).');
      return 1;
    }
    const at = values.at === undefined ? undefined : new Date(values.at);
    if (at && Number.isNaN(at.getTime())) {
      console.error(`--at must be an ISO instant such as 2026-11-26T08:00:00+08:00, not "${values.at}".`);
      return 1;
    }
    const server = await open({ scheduleJobs: false });
    try {
      if (sub === 'list') {
        const jobs = server.jobs.list();
        if (jobs.length === 0) console.log('No plugin declares a job.');
        for (const j of jobs) console.log([j.name.padEnd(28), j.schedule.padEnd(14), `next ${j.nextRun ?? '-'}`, j.title.en, ...(j.readsSealedCases ? [`[reads sealed cases: ${j.readsSealedCases.en}]`] : [])].join('  '));
        return 0;
      }
      if (sub === 'history') {
        const runs = await server.jobs.history({ job: arg, limit: 30 });
        if (runs.length === 0) console.log('No runs yet.');
        for (const r of runs) console.log([r.startedAt, r.job.padEnd(28), r.trigger.padEnd(8), r.status.padEnd(9), r.summary ?? ''].join('  ').trimEnd());
        return 0;
      }
      const result = await server.jobs.run(arg!, { at });
      const counts = Object.entries(result.counts).map(([k, v]) => `${k}=${v}`).join(' ');
      console.log(`${result.job} ${result.status} (${result.startedAt} → ${result.finishedAt}): ${result.summary ?? ''}${counts ? ` [${counts}]` : ''}`);
      return result.status === 'succeeded' ? 0 : 1;
    } catch (error) {
      if (isSifaError(error)) {
        console.error(error.messageFor('en'));
        return 1;
      }
      throw error;
    } finally {
      await server.close();
    }
  }
  if (command === 'calendar' && (sub === 'import' || sub === 'show' || sub === 'status')) {
    return calendarCommand(sub, arg, values, open);
  }
  if (command === 'org' && (sub === 'import' || sub === 'close' || sub === 'merge' || sub === 'history')) {
    return orgCommand(sub, arg, values, open);
  }
  if (command === 'facts' && sub === 'rebuild-rollups') {
    const server = await open({ scheduleJobs: false });
    try {
      const started = Date.now();
      const result = await server.facts.rebuildRollups();
      console.log(`Rollups rebuilt from ${result.facts} facts: ${result.dayRows} day rows, ${result.monthRows} month rows (${Date.now() - started} ms).`);
      return 0;
    } finally {
      await server.close();
    }
  }
  if (command === 'start') {
    const started = Date.now();
    const server = await open();
    // Unhandled rejections are logged and survived; an uncaught exception closes and exits 1 (process-guard.ts).
    installProcessGuards({ logger, close: () => server.close() });
    if (values.seed) await seedDemo(server, credentialsFile, { city: values.city });
    const url = await server.listen();
    const credentials = await readDemoCredentials(credentialsFile);
    if (credentials) printCredentials(credentials);
    console.log(`Sifa Kit serving ${url} (engine: ${server.database.engine}, ${server.database.location}) — ready in ${Date.now() - started} ms`);
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down: finishing in-flight requests');
      server.close().then(
        () => process.exit(0),
        (error) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
    return -1;
  }
  console.error(`Unknown command "${[command, sub].filter(Boolean).join(' ')}".\n\n${usage}`);
  return 1;
}

const mib = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`);
const engineNames = { pglite: 'PGlite', postgres: 'PostgreSQL' } as const;

/** Every table with rows, largest first, and the totals. */
function countsLine(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  const filled = entries.filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return `Rows: ${total} in ${entries.length} tables (${entries.length - filled.length} empty): ${filled.map(([t, n]) => `${t} ${n}`).join(', ')}`;
}

/** "23 migrations (platform at 0012_case_event_checks)": the journal has no order within one run, the tags do. */
function migrationsLine(migrations: string[]): string {
  const platform = migrations.filter((m) => m.startsWith('platform/')).sort().at(-1);
  return `${migrations.length} migrations${platform ? ` (platform at ${platform.slice('platform/'.length)})` : ''}`;
}

function printBackup(report: Awaited<ReturnType<typeof backupDatabase>>) {
  const { meta } = report;
  console.log(
    `Backed up ${engineNames[meta.engine]} ${meta.source} (PostgreSQL ${meta.postgres}, ${meta.tool}; schema ${meta.schema}, ${migrationsLine(meta.migrations)}) to ${report.file}: ${mib(report.bytes)} in ${report.seconds.toFixed(2)} s.`,
  );
  console.log(countsLine(meta.counts));
  if (report.hasFieldKey) console.log('The folder\'s field key (field-key: the key of the cases\' personal data) is inside this file: keep the file as safe as the key.');
  if (meta.engine === 'postgres') console.log('Not inside: SIFA_FIELD_KEY (the key of the cases\' personal data). Keep it apart from the backups, and with them.');
}

function printRestore(report: Awaited<ReturnType<typeof restoreDatabase>>): number {
  const { meta } = report;
  if (report.movedAside) console.log(`The folder that was there is kept as ${report.movedAside}.`);
  if (report.droppedObjects) console.log(`--force: dropped schema public of the target with its ${report.droppedObjects} objects.`);
  console.log(
    `Restored ${report.file} (${engineNames[meta.engine]}, made ${meta.createdAt} by @sifa/server ${meta.sifaServer} from ${meta.source}) into ${report.target}${report.createdDatabase ? ' (database created)' : ''}: ${mib(report.bytes)} in ${report.seconds.toFixed(2)} s.`,
  );
  console.log(`${countsLine(report.counts)}. Every table holds the rows the backup counted.`);
  if (report.hasFieldKey) console.log('The field key (field-key) came back with the folder.');
  const errors = report.drift.filter((d) => d.severity === 'error');
  console.log(`Migration check: the backup is at ${migrationsLine(meta.migrations)}.`);
  if (report.pending.length) {
    console.log(`${report.pending.length} migration(s) of the installed code are not applied yet (\`sifa migrate\` or the next start applies them):`);
    for (const key of report.pending) console.log(`  ${key}`);
  }
  for (const d of errors) console.log(`  ERROR ${d.message}`);
  for (const d of report.drift.filter((d) => d.severity === 'warning')) console.log(`  WARNING ${d.message}`);
  if (!report.pending.length && !errors.length) console.log('Database up to date with the installed code: no pending migration, no schema drift.');
  if (errors.length) {
    console.error(`Schema drift: ${errors.length} difference(s) between the installed code and the restored tables (see above). Install the Sifa version and plugins the backup was made with.`);
    return 1;
  }
  return 0;
}

type OpenServer = (options?: { scheduleJobs?: boolean }) => ReturnType<typeof createSifaServer>;

const kindLabel = { holiday: '休 holiday', workday: '班 workday' } as const;

/** `sifa calendar import | show | status`: the working-day calendar's data, as the owner at the console. */
async function orgCommand(
  sub: 'import' | 'close' | 'merge' | 'history',
  arg: string | undefined,
  values: { format?: string | undefined; 'dry-run'?: boolean | undefined; into?: string | undefined; reason?: string | undefined },
  open: OpenServer,
): Promise<number> {
  if (!arg) {
    console.error(sub === 'import' ? 'org import needs a file: sifa org import tree.csv' : `org ${sub} needs a unit's code: sifa org ${sub} 150402001${sub === 'merge' ? ' --into 150402002 --reason "…"' : sub === 'close' ? ' --reason "…"' : ''}`);
    return 1;
  }
  let content = '';
  let format: OrgImportFormat = 'csv';
  if (sub === 'import') {
    const given = values.format ?? extname(arg).slice(1).toLowerCase();
    if (!(orgImportFormats as readonly string[]).includes(given)) {
      console.error(`Cannot tell the file's format from "${arg}": pass --format csv or json.`);
      return 1;
    }
    format = given as OrgImportFormat;
    try {
      content = await readFile(arg, 'utf8');
    } catch (error) {
      console.error(`Cannot read ${arg}: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  }
  const server = await open({ scheduleJobs: false });
  try {
    if (sub === 'import') {
      const r = await server.orgs.importAsOwner({ format, content, dryRun: values['dry-run'] ?? false });
      const what = r.dryRun ? 'Dry run, nothing changed' : r.changed ? 'Imported' : 'Unchanged';
      console.log(`${what}: ${r.rows} rows; ${r.added} added, ${r.renamed} renamed, ${r.moved} moved, ${r.unchanged} unchanged; ${r.notInFile} unit(s) of the tree not in the file (kept).`);
      for (const c of r.changes) console.log(`  line ${c.line}: ${c.code} ${c.change}${c.change === 'moved' ? ` ${c.before?.path} → ${c.after?.path}` : c.change === 'renamed' ? ` ${c.before?.name?.zh} → ${c.after?.name?.zh}` : ''}`);
      if (r.closedSkipped.length) console.log(`  closed, left as they are: ${r.closedSkipped.join(', ')}`);
      for (const [table, n] of Object.entries(r.rowsMoved)) console.log(`  ${table}: ${n} row(s) re-pointed`);
      return 0;
    }
    const actor = await systemActor(server.database.db, await rootOrgCode(server.database.db), 'cli', `Console (sifa org ${sub})`, new Set());
    if (sub === 'history') {
      for (const h of await server.orgs.history(actor, arg)) console.log(`${h.at}  ${h.change.padEnd(9)}  ${JSON.stringify(h.after ?? h.before)}`);
      return 0;
    }
    if (!values.reason) {
      console.error(`org ${sub} needs --reason "<why>": it is kept in the unit's history.`);
      return 1;
    }
    if (sub === 'close') {
      const r = await server.orgs.close(actor, { code: arg, reason: values.reason }, 'en');
      console.log(`Closed ${r.code} on ${r.closedOn}.`);
      return 0;
    }
    if (!values.into) {
      console.error('org merge needs --into <code>: the unit that takes over.');
      return 1;
    }
    const r = await server.orgs.merge(actor, { code: arg, into: values.into, reason: values.reason }, 'en');
    console.log(`Merged ${r.code} into ${r.into} on ${r.closedOn}: ${r.units.length} sub-unit(s), ${r.users} account(s) moved.`);
    for (const [table, n] of Object.entries(r.rowsMoved)) console.log(`  ${table}: ${n} row(s) re-pointed`);
    return 0;
  } catch (error) {
    if (isSifaError(error)) {
      console.error([error.messageFor('en'), ...error.issues.map((i) => `  ${i.path ? `${i.path}: ` : ''}${i.message}`)].join('\n'));
      return 1;
    }
    throw error;
  } finally {
    await server.close();
  }
}

async function calendarCommand(
  sub: 'import' | 'show' | 'status',
  arg: string | undefined,
  values: { format?: string | undefined; year?: string | undefined; 'dry-run'?: boolean | undefined },
  open: OpenServer,
): Promise<number> {
  const year = values.year === undefined ? undefined : Number(values.year);
  if (values.year !== undefined && (!Number.isInteger(year) || year! < 1900 || year! > 2200)) {
    console.error(`--year must be a year such as 2027, not "${values.year}".`);
    return 1;
  }
  if (sub === 'import' && !arg) {
    console.error('calendar import needs a file: sifa calendar import 2027.ics (JSON, CSV or the iCalendar file chinese-days publishes).');
    return 1;
  }
  if (sub === 'show' && !(arg && /^\d{4}$/.test(arg))) {
    console.error('calendar show needs a year: sifa calendar show 2027');
    return 1;
  }
  let format: CalendarFileFormat | undefined;
  let content = '';
  if (sub === 'import') {
    const given = values.format ?? extname(arg!).slice(1).toLowerCase();
    if (!(calendarFileFormats as readonly string[]).includes(given)) {
      console.error(`Cannot tell the file's format from "${arg}": pass --format json, csv or ics.`);
      return 1;
    }
    format = given as CalendarFileFormat;
    try {
      content = await readFile(arg!, 'utf8');
    } catch (error) {
      console.error(`Cannot read ${arg}: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  }
  const server = await open({ scheduleJobs: false });
  try {
    if (sub === 'status') {
      const status = server.calendar.status();
      const covered = status.coveredYears;
      console.log(`Holiday data (today ${status.today}): ${covered.length ? `${covered[0]}–${covered.at(-1)}` : 'none'}${covered.length ? ` (${covered.length} years)` : ''}.`);
      for (const u of status.upcoming) console.log(`  ${u.year}: version ${u.version} (${u.source === 'package' ? 'chinese-days package' : 'imported'})`);
      if (status.missingYears.length) {
        console.log(`MISSING: ${status.missingYears.join(', ')} — working days there count Monday to Friday only. Load the State Council's arrangement: sifa calendar import <file>.`);
      } else console.log('No upcoming year lacks data.');
      return 0;
    }
    if (sub === 'show') {
      const view = server.calendar.year(Number(arg));
      if (!view.covered) {
        console.log(`${view.year}: NO DATA — working days count Monday to Friday only (no public holidays, no adjusted working days). Import it: sifa calendar import <file>.`);
        return 0;
      }
      console.log(`${view.year}: version ${view.version} (${view.source === 'package' ? 'chinese-days package' : `imported ${view.importedAt}`}), ${view.days.filter((d) => d.kind === 'holiday').length} holidays, ${view.days.filter((d) => d.kind === 'workday').length} adjusted working days`);
      for (const d of view.days) console.log(`  ${d.date}  ${kindLabel[d.kind].padEnd(10)}  ${d.name ? `${d.name.zh} / ${d.name.en}` : ''}`.trimEnd());
      if (view.versions.length > 1) {
        console.log('Versions:');
        for (const v of view.versions) console.log(`  v${v.version}  ${v.source.padEnd(8)}  ${v.importedAt ?? '-'}  ${v.holidays} holidays, ${v.workdays} workdays`);
      }
      return 0;
    }
    const result = await server.calendar.importAsOwner({ format: format!, content, year, dryRun: values['dry-run'] ?? false });
    const what = result.dryRun ? 'Dry run, nothing imported' : result.changed ? 'Imported' : 'Unchanged';
    console.log(
      `${what}: ${result.year} ${result.changed ? `version ${result.version}${result.previousVersion === null ? ' (the year had no data)' : ` (was version ${result.previousVersion})`}` : `is already version ${result.version}`}; ${result.holidays} holidays, ${result.workdays} adjusted working days; ${result.differences.length} date(s) differ.`,
    );
    for (const e of result.effects) console.log(`  ${e.plugin}: ${e.summary.en}`);
    return 0;
  } catch (error) {
    if (isSifaError(error)) {
      console.error([error.messageFor('en'), ...error.issues.map((i) => `  ${i.message}`)].join('\n'));
      return 1;
    }
    throw error;
  } finally {
    await server.close();
  }
}

/** `sifa plugin new <id>`: see plugins/scaffold.ts. */
async function newPlugin(sub: string | undefined, id: string | undefined, values: { dir?: string | undefined; title?: string | undefined; 'title-en'?: string | undefined }): Promise<number> {
  if (sub !== 'new' || !id) {
    console.error('Usage: sifa plugin new <id> [--dir <folder>] [--title <中文名>] [--title-en <English title>]');
    return 1;
  }
  const root = workspaceRoot(process.cwd());
  if (!root) {
    console.error(`No pnpm-workspace.yaml in ${process.cwd()} or above it: run \`sifa plugin new\` inside the Sifa Kit workspace.`);
    return 1;
  }
  try {
    const result = await createPluginPackage({ id, root, dir: values.dir && resolve(values.dir), titleZh: values.title, titleEn: values['title-en'] });
    const where = relative(process.cwd(), result.dir) || '.';
    console.log(`Created ${result.packageName} in ${where} (${result.files.length} files).`);
    if (result.registered.length) console.log(`Registered it in ${result.registered.join(', ')}.`);
    if (result.alreadyRegistered.length) console.log(`Already registered in ${result.alreadyRegistered.join(', ')}.`);
    for (const note of result.notes) console.log(`Note: ${note}`);
    console.log(`\nNext:\n  pnpm install                                  # links the new package\n  pnpm exec vitest run --project server-pglite --project server-postgres ${where}\n  pnpm --filter ${result.packageName} db:generate --name <change>   # after changing src/server/schema.ts\nThe guide: docs/plugins.md`);
    return 0;
  } catch (error) {
    if (error instanceof PluginScaffoldError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

/** The nearest folder at or above `from` that holds pnpm-workspace.yaml. */
function workspaceRoot(from: string): string | null {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof PluginCompositionError) console.error(`Cannot start: ${error.message}`);
    else if (error instanceof Error && 'localized' in error) console.error(`Cannot start: ${error.message}`);
    else console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
