/**
 * A query that fails inside the database is logged by what the database said (message, SQLSTATE,
 * severity, the names of the table, column or constraint), with the procedure's path and the
 * request id, and never with the query's parameters, the error's `detail` (it quotes row values)
 * or the query text. The caller gets a bare INTERNAL. Runs on PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorForLog } from '@sifa/server';
import type { AppRouterOf } from '@sifa/server';
import { failingPlugin } from './fixtures/failing/plugin.js';
import { rawFetch, startTestServer, testPassword, testUsers, type TestServer } from '@sifa/server/testing';

const idNumber = '150402199001011234';
// Personal data no pattern of the scrubber recognises: only leaving it out keeps it out.
const name = 'Zhang-Sanfeng-Witness';

type Router = AppRouterOf<[typeof failingPlugin]>;

describe('a database error inside a procedure or a route', () => {
  let t: TestServer<Router>;
  let token: string;

  beforeAll(async () => {
    t = await startTestServer({ plugins: [failingPlugin] as const });
    const login = await rawFetch(`${t.url}/trpc/platform.auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: testUsers.xitun.username, password: testPassword }),
    });
    token = login.json.result.data.token;
  });
  afterAll(() => t?.close());

  async function call(path: string, requestId: string) {
    const res = await rawFetch(`${t.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ idNumber, name }),
    });
    const line = await vi.waitFor(
      () => {
        const found = t.logs.map((l) => JSON.parse(l) as Record<string, any>).find((l) => l.requestId === requestId && l.level === 50);
        if (!found) throw new Error(`no error logged for ${requestId}`);
        return found;
      },
      { timeout: 5_000, interval: 20 },
    );
    return { res, line, logged: t.logs.filter((l) => l.includes(requestId)).join('\n') };
  }

  function expectNoInternals(res: Awaited<ReturnType<typeof rawFetch>>, requestId: string) {
    expect(res.status).toBe(500);
    expect(res.json.error.data).toMatchObject({ sifaCode: 'INTERNAL', requestId, details: {} });
    for (const leak of [idNumber, name, 'failing_people', 'birth_place', 'duplicate key', 'select', 'INSERT', 'stack']) expect(res.text).not.toContain(leak);
  }

  function expectNoPersonalData(text: string) {
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain(idNumber.slice(0, 12));
    expect(text).not.toContain(name);
    expect(text).not.toContain('[id-number]'); // not even scrubbed: it was never copied
    expect(text).not.toMatch(/params|parameters|detail|Key \(|Failed query|\$1/i);
  }

  it('a column the table does not have: the log has the message, the code, the path and the request id', async () => {
    const { res, line, logged } = await call('/trpc/failing.staleColumn', 'stale-column-0001');
    expectNoInternals(res, 'stale-column-0001');
    expect(line).toMatchObject({
      msg: 'procedure failed',
      path: 'failing.staleColumn',
      requestId: 'stale-column-0001',
      err: { type: 'DatabaseError', message: 'column "birth_place" does not exist', code: '42703', severity: 'ERROR' },
    });
    expect(line.err.stack).toMatch(/^\s+at /);
    expectNoPersonalData(logged);
  });

  it('a unique violation: the constraint and table are named, the duplicated value is not', async () => {
    const { res, line, logged } = await call('/trpc/failing.duplicate', 'duplicate-0001');
    expectNoInternals(res, 'duplicate-0001');
    expect(line).toMatchObject({
      msg: 'procedure failed',
      path: 'failing.duplicate',
      err: { type: 'DatabaseError', code: '23505', severity: 'ERROR', table: 'failing_people', constraint: 'failing_people_pkey' },
    });
    expect(line.err.message).toBe('duplicate key value violates unique constraint "failing_people_pkey"');
    expectNoPersonalData(logged);
  });

  it('the same through a plugin route', async () => {
    const { res, line, logged } = await call('/plugins/failing/duplicate', 'route-duplicate-0001');
    expectNoInternals(res, 'route-duplicate-0001');
    expect(line).toMatchObject({
      msg: 'plugin route failed',
      path: 'failing/duplicate',
      requestId: 'route-duplicate-0001',
      err: { type: 'DatabaseError', code: '23505', table: 'failing_people', constraint: 'failing_people_pkey' },
    });
    expectNoPersonalData(logged);
  });
});

describe('errorForLog()', () => {
  /** Shaped as drizzle 0.45's DrizzleQueryError around a driver's error, inside tRPC's wrapper. */
  function wrapped(cause: Record<string, unknown>) {
    const database = Object.assign(new Error(cause.message as string), cause);
    const query = Object.assign(new Error(`Failed query: select * from t where a = $1\nparams: ${name}`), { query: 'select * from t where a = $1', params: [name], cause: database });
    return Object.assign(new Error(query.message), { name: 'TRPCError', cause: query });
  }

  it('reads postgres.js and PGlite spellings alike, and copies no value-bearing field', () => {
    const postgresJs = errorForLog(wrapped({ name: 'PostgresError', message: 'insert or update on table "a" violates foreign key constraint "a_b_fkey"', code: '23503', severity: 'ERROR', severity_local: 'ERROR', detail: `Key (b)=(${name}) is not present`, hint: name, where: name, schema_name: 'public', table_name: 'a', constraint_name: 'a_b_fkey', routine: 'ri_ReportViolation', query: `select ${name}`, parameters: [name], args: [name] }));
    const pglite = errorForLog(wrapped({ name: 'error', message: 'insert or update on table "a" violates foreign key constraint "a_b_fkey"', code: '23503', severity: 'ERROR', detail: `Key (b)=(${name}) is not present`, schema: 'public', table: 'a', constraint: 'a_b_fkey', routine: 'ri_ReportViolation', query: `select ${name}`, params: [name], internalQuery: name }));
    for (const logged of [postgresJs, pglite]) {
      expect(logged).toMatchObject({ type: 'DatabaseError', code: '23503', severity: 'ERROR', schema: 'public', table: 'a', constraint: 'a_b_fkey', routine: 'ri_ReportViolation' });
      expect(JSON.stringify(logged)).not.toContain(name);
    }
  });

  it('drops the input a data exception quotes, keeps the names other errors quote', () => {
    expect(errorForLog(wrapped({ message: `invalid input syntax for type integer: "${name}"`, code: '22P02', severity: 'ERROR' })).message).toBe('invalid input syntax for type integer: "[value]"');
    expect(errorForLog(wrapped({ message: 'relation "gone" does not exist', code: '42P01', severity: 'ERROR' })).message).toBe('relation "gone" does not exist');
  });

  it('a failed query without a database error (a dropped connection) says what failed, not the query', () => {
    const logged = errorForLog(wrapped({ message: 'write CONNECTION_CLOSED 127.0.0.1:5432', code: 'CONNECTION_CLOSED' }));
    expect(logged.message).toBe('write CONNECTION_CLOSED 127.0.0.1:5432');
    expect(JSON.stringify(logged)).not.toContain(name);
  });

  it('an ordinary error keeps its message and stack', () => {
    const error = new Error('plain failure');
    expect(errorForLog(error)).toEqual({ type: 'Error', message: 'plain failure', stack: error.stack });
  });
});
