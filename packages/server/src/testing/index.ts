/**
 * `@sifa/server/testing`: the kit for testing Sifa plugins (and the platform itself) against the
 * real thing. A fresh database per test server on the engine of the run (`SIFA_TEST_ENGINE`:
 * `pglite` in memory, or `postgres` at `SIFA_TEST_POSTGRES_URL`), the real HTTP server on a free
 * port, the real org tree, a user per role, typed clients signed in as them, error helpers, and
 * the test clock (`SIFA_TEST_NOW` pins it; tests never read the machine's date).
 *
 * ```ts
 * import { startTestServer, sifaErrorOf, type TestServerOf } from '@sifa/server/testing';
 * const plugins = [createMyPlugin()] as const;
 * let t: TestServerOf<typeof plugins>;
 * beforeAll(async () => { t = await startTestServer({ plugins }); });
 * afterAll(() => t?.close());
 * it('lists', async () => expect(await (await t.client('xitun')).my.list.query({})).toEqual([]));
 * ```
 *
 * Independent of the test runner (no vitest import): it works with any.
 */
export { testClockStart, testNow, testToday, testYear, testMonth, testClockFrom } from './clock.js';
export {
  adminUrl,
  createTestDatabase,
  engine,
  memoryLogger,
  startTestServer,
  testFieldKey,
  testPassword,
  testSignInLimit,
  testUsers,
  wholeRegionReader,
  type ClientOptions,
  type TestClient,
  type TestDatabase,
  type TestServer,
  type StartTestServerOptions,
  type TestServerOf,
  type TestUser,
  type TestUserName,
} from './server.js';
export { rawFetch, sifaCodeOf, sifaErrorOf, type RawResponse, type SifaErrorData } from './errors.js';
export { cliArgs, cliEnv, createCliDatabase, runCli, type CliDatabase, type RunCliOptions } from './cli.js';
export { testHolidays2027, testHolidays2027Corrected } from './holidays.js';
export { docxText, downloadDocument } from './docx.js';
export { startHttpReceiver, type HttpReceiver, type ReceivedRequest } from './http-receiver.js';
