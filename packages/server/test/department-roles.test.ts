/**
 * Department roles (股室, issue 18 part 3) on a real server with every plugin of the repository's
 * sifa.config.mjs, on both engines:
 * - the administrator's list of every permission the installed plugins declare;
 * - defining: unknown permissions (named, zh and en), permissions the administrator does not
 *   hold, orgs outside its subtree, levels above its org, non-administrators, embed tokens: refused;
 * - isolation per module: for each plugin P, a county department user holding exactly P's
 *   permissions (those its county administrator holds) is refused FORBIDDEN, naming the
 *   permission, by every procedure permitted by another plugin's (or the platform's) permission
 *   and by every HTTP route of another plugin that needs a permission,
 *   and P's queries answer it; a mediation department sees both offices' cases of its county and
 *   none of the other county's;
 * - a department is told (in-app and through outer channels) of its org's notifications of its
 *   own modules only;
 * - an embed token minted with a department role carries its permissions (and no others);
 * - a changed role or assignment applies at the session's next request; a role held by users
 *   cannot be removed; assignments stay inside the administrator's subtree and level.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationChannel, OutboundNotification, ServerPlugin, SifaProcedureMeta } from '@sifa/core';
import { rawFetch, sifaErrorOf, startTestServer, testPassword, testToday, wholeRegionReader, type TestServer } from '@sifa/server/testing';
import type { AnyRouter } from '@trpc/server';

type ProcedureType = 'query' | 'mutation' | 'subscription';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the composed router of every plugin, called by path
type Any = any;

let plugins: ServerPlugin[];
let t: TestServer<AnyRouter>;
let procedures: { path: string; type: ProcedureType; permission: string | undefined }[];
/** What the county administrator of Hongshan holds (what it may grant). */
let countyHolds: Set<string>;
/** What an outer notification channel was handed. */
const delivered: OutboundNotification[] = [];
const channel: NotificationChannel = {
  id: 'memory',
  async deliver(notification) {
    delivered.push(notification);
  },
};

const client = async (user: Parameters<TestServer<AnyRouter>['client']>[0], locale = 'en') => (await t.client(user, { locale })) as Any;
/** A plugin's declared permissions (the manifest input may leave them out). */
const declaredBy = (plugin: ServerPlugin) => plugin.manifest.permissions ?? [];
const signIn = async (username: string, locale = 'en') => (await t.freshClient(username, { locale })) as Any;

async function createUser(username: string, role: 'county_admin' | 'office_staff', orgCode: string) {
  await t.server.auth.createUser({ username, displayName: username, password: testPassword, role, orgCode });
}

/** Calls a procedure over raw HTTP with `{}` as input (the permission is checked before the input). */
async function call(token: string, path: string, type: ProcedureType, input: unknown = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'x-sifa-locale': 'en' };
  const url = `${t.url}/trpc/${path}`;
  if (type === 'mutation') return rawFetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(input), signal: AbortSignal.timeout(20_000) });
  return rawFetch(`${url}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers, signal: AbortSignal.timeout(20_000) });
}

/** A well-formed, clearly fake ID number (sequence 000 is never issued), as the mediation plugin's demo makes them. */
function demoIdNumber(countyCode: string, birth: string): string {
  const body = `${countyCode.slice(0, 6)}${birth.replaceAll('-', '')}000`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

const party = (i: number) => ({
  role: i === 0 ? 'applicant' : 'respondent',
  name: `演示当事人${'甲乙'[i]}`,
  idNumber: demoIdNumber('150402', `198${i}-0${i + 1}-1${i}`),
  phone: `1380000000${i}`,
  address: `演示社区${i + 1}号楼`,
});
const mediationFields = {
  committee: '人民调解委员会',
  mediators: '演示调解员王某',
  source: 'application',
  disputeType: 'neighbourhood',
  parties: [party(0), party(1)],
  amount: 100,
  facts: '【示范】漏水纠纷。',
};

beforeAll(async () => {
  const config = new URL('../../../sifa.config.mjs', import.meta.url).href;
  plugins = ((await import(/* @vite-ignore */ config)) as { default: { plugins: ServerPlugin[] } }).default.plugins;
  t = (await startTestServer({ plugins, notificationChannels: [channel] })) as unknown as TestServer<AnyRouter>;
  const record = (t.server.router as unknown as { _def: { procedures: Record<string, { _def: { type: ProcedureType; meta?: SifaProcedureMeta } }> } })._def.procedures;
  procedures = Object.entries(record).map(([path, p]) => ({ path, type: p._def.type, permission: p._def.meta?.permission }));
  countyHolds = new Set<string>((await (await client('hongshan')).platform.auth.me.query()).permissions);
}, 180_000);
afterAll(() => t?.close());

describe('the permissions catalogue', () => {
  it("lists every permission the installed plugins declare, with plugin, title and default roles, for administrators only", async () => {
    const listed = (await (await client('hongshan')).platform.roles.permissions.query()) as { name: string; plugin: string; title: { zh: string; en: string }; defaultRoles: string[] }[];
    const declared = plugins.flatMap((p) => declaredBy(p).map((d) => ({ name: d.name, plugin: p.manifest.id, roles: d.roles ?? [] })));
    for (const d of declared) {
      expect(listed.find((l) => l.name === d.name)).toMatchObject({ plugin: d.plugin, defaultRoles: d.roles, title: { zh: expect.any(String), en: expect.any(String) } });
    }
    expect(listed.find((l) => l.name === 'platform.roles.manage')).toMatchObject({ plugin: 'platform', defaultRoles: ['city_admin', 'county_admin'] });
    expect(listed.length).toBe(declared.length + listed.filter((l) => l.plugin === 'platform').length);
    const office = await sifaErrorOf((await client('xitun')).platform.roles.permissions.query());
    expect(office.data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { permission: 'platform.roles.manage' } });
  });
});

describe('defining roles', () => {
  const name = { zh: '社区矫正股', en: 'Community correction' };

  it('refuses a permission no installed plugin declares, naming it in zh and en', async () => {
    const input = { key: 'county-bad', name, base: 'county_admin', permissions: ['mediation.read', 'nothing.here'] };
    const en = await sifaErrorOf((await client('hongshan')).platform.roles.define.mutate(input));
    expect(en.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', details: { reason: 'role.unknown-permission', permission: 'nothing.here' }, issues: [{ path: 'permissions.1' }] });
    expect(en.message).toContain('"nothing.here"');
    const zh = await sifaErrorOf((await client('hongshan', 'zh-CN')).platform.roles.define.mutate(input));
    expect(zh.message).toContain('没有已安装的插件声明权限“nothing.here”');
  });

  it('refuses a permission the administrator does not hold, an org outside its subtree, a level above its org', async () => {
    const hongshan = await client('hongshan');
    expect(countyHolds.has('diary.write')).toBe(false);
    const beyond = await sifaErrorOf(hongshan.platform.roles.define.mutate({ key: 'county-more', name, base: 'county_admin', permissions: ['diary.write'] }));
    expect(beyond.data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { reason: 'role.beyond-grantor', permission: 'diary.write' } });
    const outside = await sifaErrorOf(hongshan.platform.roles.define.mutate({ key: 'county-x', orgCode: '150404', name, base: 'county_admin', permissions: [] }));
    expect(outside.data.sifaCode).toBe('OUT_OF_SCOPE');
    const above = await sifaErrorOf(hongshan.platform.roles.define.mutate({ key: 'city-x', name, base: 'city_admin', permissions: [] }));
    expect(above.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'base' }] });
    const office = await sifaErrorOf((await client('xitun')).platform.roles.define.mutate({ key: 'x-office', name, base: 'office_staff', permissions: [] }));
    expect(office.data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { permission: 'platform.roles.manage' } });
    expect((await hongshan.platform.roles.list.query()).map((r: { key: string }) => r.key)).toEqual([]);
  });
});

describe('isolation per module: a county department holding exactly one plugin’s permissions', () => {
  const modules = () => plugins.map((p) => p.manifest.id);
  // The plugin list is known only after the config loads: one test walks every plugin.
  it('is refused by every procedure of the other plugins and the platform, and answered by its own queries', async () => {
    const hongshan = await client('hongshan');
    const checked: string[] = [];
    for (const plugin of plugins) {
      const id = plugin.manifest.id;
      const holds = declaredBy(plugin).map((p) => p.name).filter((p) => countyHolds.has(p));
      if (holds.length === 0) continue;
      const username = `t.dept.${id}`;
      await createUser(username, 'county_admin', '150402');
      await hongshan.platform.roles.define.mutate({ key: `dept-${id}`, name: { zh: `${id} 股`, en: `${id} department` }, base: 'county_admin', permissions: holds });
      expect(await hongshan.platform.roles.assign.mutate({ username, key: `dept-${id}` })).toMatchObject({ role: 'county_admin', department: { key: `dept-${id}`, orgCode: '150402' } });
      const dept = await signIn(username);
      const me = await dept.platform.auth.me.query();
      expect(me).toMatchObject({ role: 'county_admin', orgCode: '150402', department: { key: `dept-${id}`, orgCode: '150402' }, permissions: [...holds].sort() });
      const token = (await t.server.auth.login(username, testPassword)).token;
      const wrong: string[] = [];
      let refused = 0;
      let answered = 0;
      for (const p of procedures) {
        if (!p.permission) continue;
        if (!holds.includes(p.permission)) {
          const res = await call(token, p.path, p.type);
          const data = res.json?.error?.data;
          if (res.status !== 403 || data?.sifaCode !== 'FORBIDDEN' || data?.details?.permission !== p.permission) wrong.push(`${id}: ${p.path} answered ${res.status} ${res.text.slice(0, 160)}`);
          else refused++;
        } else if (p.type === 'query') {
          // Its own queries: never refused for a permission (an input they need is another matter).
          const res = await call(token, p.path, p.type);
          if (res.status === 401 || res.status === 403) wrong.push(`${id}: its own ${p.path} refused ${res.status} ${res.text.slice(0, 160)}`);
          if (res.status === 200) answered++;
        }
      }
      // And every HTTP route of the other plugins that needs a permission: 403 before its handler.
      for (const other of plugins) {
        for (const route of other.routes ?? []) {
          if (!route.permission || holds.includes(route.permission)) continue;
          const path = route.path.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');
          const res = await rawFetch(`${t.url}/plugins/${other.manifest.id}${path}`, { method: route.method, headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(20_000) });
          if (res.status !== 403 || res.json?.error?.data?.details?.permission !== route.permission) wrong.push(`${id}: route ${route.method} ${other.manifest.id}${route.path} answered ${res.status} ${res.text.slice(0, 160)}`);
          else refused++;
        }
      }
      expect(wrong).toEqual([]);
      expect(refused).toBeGreaterThan(50);
      if (procedures.some((p) => p.type === 'query' && p.permission && holds.includes(p.permission))) expect(answered, `${id}: none of its queries answered`).toBeGreaterThan(0);
      checked.push(id);
    }
    // Every business module with permissions a county holds was walked.
    expect(checked).toEqual(modules().filter((id) => declaredBy(plugins.find((p) => p.manifest.id === id)!).some((d) => countyHolds.has(d.name))));
    expect(checked).toEqual(expect.arrayContaining(['mediation', 'applications', 'diary', 'consultation']));
  }, 600_000);

  it("sees its module's records of both offices of its county, and none of another county", async () => {
    for (const [office, orgCode] of [['xitun', '150402001'], ['sanzhongjie', '150402002'], ['zhenxing', '150404001']] as const) {
      await (await client(office)).mediation.cases.open.mutate({ on: testToday(), fields: { ...mediationFields, committee: `${orgCode} 人民调解委员会` } });
    }
    const dept = await signIn('t.dept.mediation');
    const listed = await dept.mediation.cases.list.query({});
    expect(listed.rows.map((c: { orgCode: string }) => c.orgCode).sort()).toEqual(['150402001', '150402002']);
    const other = await sifaErrorOf(dept.mediation.cases.list.query({ orgCode: '150404001' }));
    expect(other.data.sifaCode).toBe('OUT_OF_SCOPE');
    // The applications department of the same county holds nothing of mediation.
    const applications = await signIn('t.dept.applications');
    expect((await sifaErrorOf(applications.mediation.cases.list.query({}))).data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { permission: 'mediation.read' } });
  });
});

describe('notifications', () => {
  it("tells a department of its county's notifications of its own modules only, in-app and through outer channels", async () => {
    const hongshan = await client('hongshan');
    await createUser('t.notified', 'county_admin', '150402');
    await hongshan.platform.roles.define.mutate({ key: 'dept-notified', name: { zh: '调解股', en: 'Mediation' }, base: 'county_admin', permissions: ['mediation.read', 'platform.notifications.read'] });
    await hongshan.platform.roles.assign.mutate({ username: 't.notified', key: 'dept-notified' });
    await t.server.notifications.dispatch();
    delivered.length = 0;
    await t.server.runScoped(wholeRegionReader, async (scoped) => {
      for (const kind of ['mediation.overdue', 'plans.reminder']) {
        await scoped.notifications.send({ to: { orgCode: '150402' }, kind, title: { zh: kind, en: kind }, body: { zh: kind, en: kind } });
      }
    });
    const titles = async (c: Any) => (await c.platform.notifications.list.query({})).items.map((n: { title: { en: string } }) => n.title.en).sort();
    expect(await titles(await signIn('t.notified'))).toEqual(['mediation.overdue']);
    expect(await titles(hongshan)).toEqual(['mediation.overdue', 'plans.reminder']);
    await t.server.notifications.dispatch();
    const recipients = (kind: string) => delivered.find((n) => n.kind === kind)!.recipients.map((r) => r.displayName);
    expect(recipients('mediation.overdue')).toContain('t.notified');
    expect(recipients('plans.reminder')).not.toContain('t.notified');
    expect(recipients('plans.reminder')).toContain('t.hongshan');
  });
});

describe('embed tokens', () => {
  it("carry a department role's permissions when minted with one, at its base role and within the key's subtree", async () => {
    const hongshan = await client('hongshan');
    const { key: secret } = await hongshan.platform.keys.create.mutate({ kind: 'secret', label: 'portal', allowedOrigins: ['https://portal.example.gov.cn'] });
    const mint = (input: Record<string, unknown>) =>
      rawFetch(`${t.url}/trpc/platform.embed.mint`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', 'x-sifa-locale': 'en' },
        body: JSON.stringify({ user: { id: 'host-7', displayName: '王芳' }, role: 'county_admin', orgCode: '150402', ...input }),
      });
    const minted = await mint({ department: { key: 'dept-consultation', orgCode: '150402' } });
    expect(minted.status).toBe(200);
    const embedded = t.clientWithToken(minted.json.result.data.token) as Any;
    const holds = declaredBy(plugins.find((p) => p.manifest.id === 'consultation')!).map((p) => p.name).filter((p) => countyHolds.has(p));
    expect(await embedded.platform.auth.me.query()).toMatchObject({ role: 'county_admin', department: { key: 'dept-consultation' }, permissions: [...holds].sort() });
    expect((await embedded.consultation.cases.list.query({})).total).toBe(0);
    expect((await sifaErrorOf(embedded.mediation.cases.list.query({}))).data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { permission: 'mediation.read' } });
    // The role's base, not another built-in role; a role the org may hold; none of another county.
    expect((await mint({ role: 'office_staff', orgCode: '150402001', department: { key: 'dept-consultation', orgCode: '150402' } })).json.error.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'role' }] });
    expect((await mint({ department: { key: 'no-such-role', orgCode: '150402' } })).json.error.data.sifaCode).toBe('NOT_FOUND');
    const songshan = await client('songshan');
    await songshan.platform.roles.define.mutate({ key: 'songshan-only', name: { zh: '松山股', en: 'Songshan' }, base: 'county_admin', permissions: ['mediation.read'] });
    expect((await mint({ department: { key: 'songshan-only', orgCode: '150404' } })).json.error.data.sifaCode).toBe('NOT_FOUND');
    // Without one: the built-in role's defaults, as before.
    const plain = t.clientWithToken((await mint({})).json.result.data.token) as Any;
    expect(new Set((await plain.platform.auth.me.query()).permissions)).toEqual(countyHolds);
  });
});

describe('changes and limits', () => {
  it('applies a changed role and a new assignment at the open session’s next request', async () => {
    const hongshan = await client('hongshan');
    const dept = await signIn('t.dept.mediation');
    expect(await dept.mediation.cases.list.query({})).toBeTruthy();
    const mediationOnly = (await hongshan.platform.roles.list.query()).find((r: { key: string }) => r.key === 'dept-mediation');
    await hongshan.platform.roles.define.mutate({ key: 'dept-mediation', name: mediationOnly.name, base: 'county_admin', permissions: ['consultation.read'] });
    expect((await sifaErrorOf(dept.mediation.cases.list.query({}))).data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { permission: 'mediation.read' } });
    expect((await dept.platform.auth.me.query()).permissions).toEqual(['consultation.read']);
    // Back to the built-in role's defaults.
    await hongshan.platform.roles.assign.mutate({ username: 't.dept.mediation', key: null });
    const me = await dept.platform.auth.me.query();
    expect(me).toMatchObject({ role: 'county_admin', department: null });
    expect(new Set(me.permissions)).toEqual(countyHolds);
  });

  it('keeps assignments inside the administrator’s subtree and the role’s level, and records them in the audit log', async () => {
    const hongshan = await client('hongshan');
    await createUser('t.office.clerk', 'office_staff', '150402001');
    // A county role for an office user: wrong level.
    const level = await sifaErrorOf(hongshan.platform.roles.assign.mutate({ username: 't.office.clerk', key: 'dept-consultation' }));
    expect(level.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'key' }] });
    // Another county's user answers like an unknown one.
    const foreign = await sifaErrorOf(hongshan.platform.roles.assign.mutate({ username: 't.zhenxing', key: 'dept-consultation' }));
    expect(foreign.data).toMatchObject({ sifaCode: 'NOT_FOUND', details: { username: 't.zhenxing' } });
    // Songshan can neither see nor assign Hongshan's roles.
    const songshan = await client('songshan');
    expect((await songshan.platform.roles.list.query()).map((r: { orgCode: string }) => r.orgCode)).toEqual(['150404']);
    await createUser('t.songshan.dept', 'county_admin', '150404');
    const unseen = await sifaErrorOf(songshan.platform.roles.assign.mutate({ username: 't.songshan.dept', key: 'dept-consultation', orgCode: '150402' }));
    expect(unseen.data.sifaCode).toBe('NOT_FOUND');
    // An office-level role defined by the county, for its office.
    await hongshan.platform.roles.define.mutate({ key: 'office-mediation', name: { zh: '调解员', en: 'Mediator' }, base: 'office_staff', permissions: ['mediation.read', 'mediation.work'] });
    await hongshan.platform.roles.assign.mutate({ username: 't.office.clerk', key: 'office-mediation' });
    const clerk = await signIn('t.office.clerk');
    expect(await clerk.platform.auth.me.query()).toMatchObject({ role: 'office_staff', orgCode: '150402001', permissions: ['mediation.read', 'mediation.work'] });
    // The office sees its own cases only (its subtree), as the built-in office role would.
    expect((await clerk.mediation.cases.list.query({})).rows.map((c: { orgCode: string }) => c.orgCode)).toEqual(['150402001']);
    expect((await sifaErrorOf(clerk.diary.catalog.query({}))).data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { permission: 'diary.read' } });
    const audit = await hongshan.platform.audit.list.query({ limit: 200 });
    const actions = audit.map((a: { action: string }) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['platform.roles.define', 'platform.roles.assign']));
  });

  it('lets the city define roles its counties assign, never beyond what the city holds nor what the county holds', async () => {
    const city = await client('city');
    // The city does not hold applications.work itself (counties and offices do by default).
    const notHeld = await sifaErrorOf(city.platform.roles.define.mutate({ key: 'county-aid', name: { zh: '法律援助股', en: 'Legal aid' }, base: 'county_admin', permissions: ['applications.work'] }));
    expect(notHeld.data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { permission: 'applications.work' } });
    await city.platform.roles.define.mutate({ key: 'county-aid', name: { zh: '法律援助股', en: 'Legal aid' }, base: 'county_admin', permissions: ['applications.read', 'applications.lists'] });
    await city.platform.roles.define.mutate({ key: 'county-lists', name: { zh: '复议股', en: 'Reconsideration' }, base: 'county_admin', permissions: ['applications.read', 'platform.calendar.manage'] });
    const hongshan = await client('hongshan');
    const seen = await hongshan.platform.roles.list.query();
    expect(seen.find((r: { key: string }) => r.key === 'county-aid')).toMatchObject({ orgCode: '1504', editable: false, level: 'county' });
    await createUser('t.aid', 'county_admin', '150402');
    expect(await hongshan.platform.roles.assign.mutate({ username: 't.aid', key: 'county-aid', orgCode: '1504' })).toMatchObject({ department: { key: 'county-aid', orgCode: '1504' } });
    expect((await (await signIn('t.aid')).platform.auth.me.query()).permissions).toEqual(['applications.lists', 'applications.read']);
    const beyond = await sifaErrorOf(hongshan.platform.roles.assign.mutate({ username: 't.aid', key: 'county-lists', orgCode: '1504' }));
    expect(beyond.data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { permission: 'platform.calendar.manage' } });
    // The county cannot change or remove the city's role.
    expect((await sifaErrorOf(hongshan.platform.roles.define.mutate({ key: 'county-aid', orgCode: '1504', name: { zh: '改', en: 'x' }, base: 'county_admin', permissions: [] }))).data.sifaCode).toBe('OUT_OF_SCOPE');
    expect((await sifaErrorOf(hongshan.platform.roles.remove.mutate({ key: 'county-aid', orgCode: '1504' }))).data.sifaCode).toBe('OUT_OF_SCOPE');
  });

  it('refuses to remove a role while users hold it, and removes it once nobody does', async () => {
    const city = await client('city');
    const held = await sifaErrorOf(city.platform.roles.remove.mutate({ key: 'county-aid' }));
    expect(held.data).toMatchObject({ sifaCode: 'CONFLICT', details: { reason: 'role.in-use', key: 'county-aid', holders: 1 } });
    await city.platform.roles.assign.mutate({ username: 't.aid', key: null });
    expect(await city.platform.roles.remove.mutate({ key: 'county-aid' })).toEqual({ key: 'county-aid', orgCode: '1504' });
    expect((await city.platform.roles.list.query()).some((r: { key: string }) => r.key === 'county-aid')).toBe(false);
  });
});
