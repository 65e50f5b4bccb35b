/**
 * Child-process entry of the writes benchmark: `serve.ts` creates its own PostgreSQL database,
 * starts a Sifa server with the diary plugin (rollup triggers and the audit chain on, as in
 * production), seeds the demo city's org tree and one member of staff per judicial office, signs
 * each in, and prints `{"url":…,"tokens":[…]}` on stdout. Each `cpu` line on stdin is answered
 * with `{"cpu":<µs>}`; when stdin closes the server closes, the database is dropped and the
 * process exits (so --cpu-prof gets written).
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createInterface } from 'node:readline';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { createLogger, createSifaServer, openDatabase, seedOrgTree } from '@sifa/server';

const adminUrl = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `sifa_bench_writes_${randomBytes(4).toString('hex')}`;
/** The admin URL with another database (its query, e.g. `?host=/var/run/postgresql` for the Unix socket, kept). */
const databaseUrl = (database: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
};
const admin = await openDatabase({ engine: 'postgres', url: adminUrl, maxConnections: 1 });
await admin.db.execute(`CREATE DATABASE ${name}`);
const clock = new Date('2026-03-10T04:00:00Z');
const server = await createSifaServer({
  database: { engine: 'postgres', url: databaseUrl(name), maxConnections: Number(process.env['BENCH_WRITES_CONNECTIONS'] ?? 10) },
  plugins: [createDiaryPlugin()],
  logger: createLogger({ level: 'silent' }),
  jobs: { schedule: false },
  now: () => clock,
  port: 0,
});
await seedOrgTree(server.database.db);
const offices = (await server.database.db.execute(`SELECT code FROM orgs WHERE level = 'office' ORDER BY code`)) as unknown;
const codes = (Array.isArray(offices) ? offices : (offices as { rows: unknown[] }).rows).map((r) => (r as { code: string }).code);
const tokens: string[] = [];
for (const code of codes) {
  const username = `bench.${code}`;
  await server.auth.createUser({ username, password: 'bench-password-1', displayName: username, role: 'office_staff', orgCode: code });
  // Each from an address of its own: the per-client sign-in limit is not what is measured.
  tokens.push((await server.auth.login(username, 'bench-password-1', { clientAddress: `10.0.${tokens.length >> 8}.${tokens.length & 255}` })).token);
}
const url = await server.listen();
const reply = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);
reply({ url, tokens });
// `profile <file>` … `profile-end`: a CPU profile of what happens in between (BENCH_WRITES_PROFILE).
let profiling: { session: Session; file: string } | null = null;
createInterface({ input: process.stdin })
  .on('line', (line) => {
    const [command, file] = line.trim().split(' ');
    if (command === 'cpu') {
      const { user, system } = process.cpuUsage();
      reply({ cpu: user + system });
    } else if (command === 'profile' && file) {
      void (async () => {
        const session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
        profiling = { session, file };
      })();
    } else if (command === 'profile-end' && profiling) {
      const { session, file: out } = profiling;
      profiling = null;
      void session.post('Profiler.stop').then(({ profile }) => writeFileSync(out, JSON.stringify(profile)));
    }
  })
  .on('close', () => {
    void (async () => {
      await server.close();
      await admin.db.execute(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
      process.exit(0);
    })();
  });
