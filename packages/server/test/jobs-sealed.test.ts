/**
 * Jobs and sealed cases (casework `privacy.sealedWhen`), on both engines: a job sees sealed cases
 * only when it declares `readsSealedCases` (with a reason, listed for operators), and then only in
 * its own transactions: the same job without the declaration, and every procedure after it, still
 * do not. `scoped.cases.factsOrgs` places a case's figures as the engine places its own facts: the
 * office for an ordinary case, the county above it for a sealed one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { caseworkRouter, createRouter, defineCaseType, definePlugin, defineServerPlugin, type JobContext } from '@sifa/core';
import { rowsOf } from '@sifa/core/db';
import { createSifaServer, PluginCompositionError } from '@sifa/server';
import { memoryLogger, sifaErrorOf, startTestServer, type TestServerOf } from '@sifa/server/testing';

const t = (zh: string, en: string) => ({ zh, en });

const hushedCaseType = defineCaseType({
  code: 'hushed.case',
  title: t('测试档案', 'Test file'),
  numberMark: '档',
  readPermission: 'hushed.read',
  fields: {
    person: { kind: 'text', title: t('姓名', 'Name'), personal: 'name' },
    juvenile: { kind: 'boolean', title: t('未成年人', 'Juvenile') },
  },
  listFields: ['person'],
  privacy: { sealedWhen: { field: 'juvenile', in: [true] } },
  states: [{ code: 'open', title: t('在办', 'Open') }],
  transitions: [{ code: 'intake', title: t('登记', 'Intake'), from: [], to: 'open', permission: 'hushed.work', facts: [{ metric: 'hushed.persons' }] }],
});

/** What each run saw: the cases listed, where `factsOrgs` places them, and the transaction's `sifa.sealed`. */
const seen: { job: string; total: number; placed: Record<string, string>; sealed: string }[] = [];
const look = (job: string) => async (ctx: JobContext) => {
  await ctx.runScoped(ctx.rootOrgCode, async (s) => {
    const { rows, total } = await s.cases.list('hushed.case', { limit: 200 });
    const placed = await s.cases.factsOrgs('hushed.case', rows.map((r) => r.id));
    const [setting] = rowsOf<{ sealed: string | null }>(await s.db.execute(sql`SELECT current_setting('sifa.sealed', true) AS sealed`));
    seen.push({ job, total, placed: Object.fromEntries(placed), sealed: setting?.sealed ?? '' });
  });
};

const manifest = definePlugin({
  id: 'hushed',
  version: '1.0.0',
  core: '^0.1.0',
  title: t('封存测试', 'Sealed (test)'),
  permissions: [
    { name: 'hushed.read', title: t('查看', 'Read'), roles: ['city_admin', 'county_admin', 'office_staff'] },
    { name: 'hushed.work', title: t('办理', 'Work'), roles: ['county_admin', 'office_staff'] },
  ],
  contributes: { metrics: [{ code: 'hushed.persons', title: t('人数', 'Persons'), unit: t('人', 'people') }], caseTypes: [hushedCaseType] },
});
const census = { reason: { zh: '封存档案计入上级旗县区的统计。', en: 'Sealed files count in the figures of the county above their office.', mn: 'ᠨᠢᠭᠤᠴᠠ ᠬᠡᠷᠡᠭ ᠢ ᠬᠣᠰᠢᠭᠤ ᠳᠤ ᠲᠣᠭᠠᠯᠠᠨ᠎ᠠ' } };
const hushedPlugin = defineServerPlugin(manifest, {
  router: createRouter({ cases: caseworkRouter('hushed.case', { read: 'hushed.read', work: 'hushed.work' }) }),
  jobs: [
    { name: 'peek', title: t('不声明', 'Undeclared'), schedule: '0 3 * * *', run: look('peek') },
    { name: 'census', title: t('声明', 'Declared'), schedule: '0 4 * * *', readsSealedCases: census, run: look('census') },
  ],
});

const plugins = [hushedPlugin] as const;
let ts: TestServerOf<typeof plugins>;
const XITUN = '150402001';
const HONGSHAN = '150402';
let ordinary: { id: string };
let sealed: { id: string; restricted: boolean };

beforeAll(async () => {
  ts = await startTestServer({ plugins });
  const xitun = (await ts.client('xitun', { locale: 'en' })).hushed.cases;
  ordinary = await xitun.open.mutate({ fields: { person: '成年人', juvenile: false } });
  sealed = await xitun.open.mutate({ fields: { person: '未成年人', juvenile: true } });
}, 120_000);
afterAll(() => ts?.close());

describe('a job and sealed cases', () => {
  it('lists which jobs read sealed cases, with the reason', () => {
    const jobs = ts.server.jobs.list();
    expect(jobs.find((j) => j.name === 'hushed.census')!.readsSealedCases).toEqual(census.reason);
    expect(jobs.find((j) => j.name === 'hushed.peek')!.readsSealedCases).toBeNull();
  });

  it('undeclared, does not see them; declared, sees them in its own transactions and places them at the county', async () => {
    expect(sealed.restricted).toBe(true);
    seen.length = 0;
    expect((await ts.server.jobs.run('hushed.peek')).status).toBe('succeeded');
    expect((await ts.server.jobs.run('hushed.census')).status).toBe('succeeded');
    expect(seen).toEqual([
      { job: 'peek', total: 1, placed: { [ordinary.id]: XITUN }, sealed: '' },
      { job: 'census', total: 2, placed: { [ordinary.id]: XITUN, [sealed.id]: HONGSHAN }, sealed: 'all' },
    ]);
    // The engine placed the case's own facts the same way.
    const facts = await rowsOf<{ org_code: string; source_id: string }>(await ts.db.handle.db.execute(sql`SELECT org_code, source_id FROM facts WHERE metric = 'hushed.persons' ORDER BY org_code`));
    expect(facts).toEqual([
      { org_code: HONGSHAN, source_id: sealed.id },
      { org_code: XITUN, source_id: ordinary.id },
    ]);
    // After it, the county admin still finds nothing: the job's sight ended with its transactions.
    const county = (await ts.client('hongshan', { locale: 'en' })).hushed.cases;
    expect((await sifaErrorOf(county.get.query({ id: sealed.id }))).data.sifaCode).toBe('NOT_FOUND');
    expect((await county.list.query({ limit: 200 })).rows.map((r) => r.id)).toEqual([ordinary.id]);
  });

  it('refuses a declaration without a reason', async () => {
    const bad = defineServerPlugin(definePlugin({ id: 'badseal', version: '0.1.0', core: '^0.1.0', title: { zh: '坏', en: 'Bad' } }), {
      jobs: [{ name: 'x', title: { zh: 'x', en: 'x' }, schedule: '0 3 * * *', readsSealedCases: { reason: { zh: '', en: 'because' } }, run: async () => {} }],
    });
    const { logger } = memoryLogger();
    const attempt = createSifaServer({ plugins: [bad], database: ts.db.handle, logger, migrate: false });
    await expect(attempt).rejects.toBeInstanceOf(PluginCompositionError);
    await expect(attempt).rejects.toThrow(/job "x" declares readsSealedCases without a reason/);
  });
});
