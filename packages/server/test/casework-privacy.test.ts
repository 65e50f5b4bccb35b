/**
 * A case type's privacy (core `casework.ts`, `privacy`), on both engines, with a test-only case
 * type declared here (community-correction-like, not the correction plugin's):
 * - the sensitive personal kinds (health, location, sensitive text) sealed at rest and masked
 *   whole (`***`) in lists and to readers outside the office; no plaintext in any raw row;
 * - `auditReads`: every `get` and attachment download leaves a `<type>.read` audit entry naming the
 *   reader and the case; lists do not;
 * - `sealedWhen`: a sealed case is visible (list, get, attachments, documents, deadlines, records
 *   behind a figure) only to its responsible staff, not to another office, the county admin or a
 *   colleague of the same office, until `assign` adds them; its facts lie at the county.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
  caseDocumentDataSchema,
  caseworkDeadlineSource,
  caseworkRouter,
  createRouter,
  defineCaseType,
  defineDocumentTemplate,
  definePlugin,
  defineServerPlugin,
  type Actor,
  type CaseDocumentData,
} from '@sifa/core';
import { rowsOf } from '@sifa/core/db';
import { caseworkRoutes } from '@sifa/server';
import { rawFetch, sifaErrorOf, startTestServer, testPassword, testToday, type TestServerOf, type TestUserName } from '@sifa/server/testing';

const t = (zh: string, en: string) => ({ zh, en });

const privyCaseType = defineCaseType({
  code: 'privy.case',
  title: t('测试矫正档案', 'Test supervision file'),
  numberMark: '矫',
  readPermission: 'privy.read',
  fields: {
    person: { kind: 'text', title: t('姓名', 'Name'), personal: 'name' },
    idNumber: { kind: 'text', title: t('身份证号', 'ID number'), personal: 'idNumber' },
    health: { kind: 'text', title: t('健康状况', 'Health'), personal: 'health', required: false },
    location: { kind: 'text', title: t('居住地', 'Residence'), personal: 'location', required: false },
    notes: { kind: 'text', title: t('其他情况', 'Other'), personal: 'sensitive', multiline: true, required: false },
    juvenile: { kind: 'boolean', title: t('未成年人', 'Juvenile') },
    sentence: {
      kind: 'choice',
      title: t('类别', 'Kind'),
      options: [
        { value: 'probation', title: t('缓刑', 'Probation') },
        { value: 'parole', title: t('假释', 'Parole') },
      ],
    },
  },
  listFields: ['person', 'health', 'location', 'sentence'],
  privacy: { auditReads: true, sealedWhen: { field: 'juvenile', in: [true] } },
  states: [
    { code: 'supervised', title: t('在矫', 'Supervised') },
    { code: 'released', title: t('解矫', 'Released'), closed: true },
  ],
  transitions: [
    { code: 'intake', title: t('入矫登记', 'Intake'), from: [], to: 'supervised', permission: 'privy.work', document: 'privy.notice', facts: [{ metric: 'privy.persons' }] },
    {
      code: 'visit',
      title: t('走访', 'Visit'),
      from: ['supervised'],
      to: 'supervised',
      permission: 'privy.work',
      fields: { place: { kind: 'text', title: t('走访地点', 'Place'), personal: 'location' } },
      facts: [{ metric: 'privy.visits' }],
    },
    { code: 'correct', title: t('更正', 'Correct'), from: ['supervised'], to: 'supervised', permission: 'privy.work', sets: ['juvenile', 'sentence'] },
  ],
  deadlines: [{ code: 'report', title: t('报到', 'Report'), from: 'intake', days: 10, unit: 'working', basis: t('测试规则', 'Test rule') }],
});

const notice = defineDocumentTemplate<CaseDocumentData>({
  code: 'privy.notice',
  title: t('入矫告知书', 'Intake notice'),
  dataSchema: caseDocumentDataSchema,
  render: (data) => ({
    title: '入矫告知书',
    blocks: [{ kind: 'paragraph', text: `${String(data.fields.person)}，${String(data.fields.location ?? '')}，${String(data.fields.health ?? '')}` }],
  }),
});

const permissions = { read: 'privy.read', work: 'privy.work' };
const privyPlugin = defineServerPlugin(
  definePlugin({
    id: 'privy',
    version: '1.0.0',
    core: '^0.1.0',
    title: t('隐私测试', 'Privacy (test)'),
    permissions: [
      { name: 'privy.read', title: t('查看', 'Read'), roles: ['city_admin', 'county_admin', 'office_staff'] },
      { name: 'privy.work', title: t('办理', 'Work'), roles: ['county_admin', 'office_staff'] },
    ],
    contributes: {
      metrics: [
        { code: 'privy.persons', title: t('在矫人数', 'Persons'), unit: t('人', 'people') },
        { code: 'privy.visits', title: t('走访', 'Visits'), unit: t('次', 'visits') },
      ],
      documentTemplates: [{ code: 'privy.notice', title: t('入矫告知书', 'Intake notice') }],
      caseTypes: [privyCaseType],
    },
  }),
  {
    router: createRouter({ cases: caseworkRouter('privy.case', permissions) }),
    routes: caseworkRoutes('privy.case', permissions),
    documentTemplates: [notice],
    deadlineSources: [caseworkDeadlineSource('privy.case', { code: 'privy.deadlines', title: t('期限', 'Deadlines') })],
  },
);

const plugins = [privyPlugin] as const;
let ts: TestServerOf<typeof plugins>;
/** A second staff member of the Xitun office (not responsible for Xitun's cases unless assigned). */
const colleague = 'p.xitun2';
const ids = new Map<string, string>();

beforeAll(async () => {
  ts = await startTestServer({ plugins });
  await ts.server.auth.createUser({ username: colleague, displayName: colleague, password: testPassword, role: 'office_staff', orgCode: '150402001' });
  for (const row of rowsOf<{ id: string; username: string }>(await ts.db.handle.db.execute(sql`SELECT id, username FROM users`))) ids.set(row.username, row.id);
});
afterAll(() => ts?.close());

const cases = async (who: TestUserName) => (await ts.client(who, { locale: 'en' })).privy.cases;
const colleagueCases = async () => (await ts.freshClient(colleague, { locale: 'en' })).privy.cases;
const idOf = (who: TestUserName | typeof colleague) => ids.get(who === colleague ? colleague : `t.${who}`)!;

const secrets = {
  person: '王小明',
  idNumber: '150402198001011232',
  health: '重度抑郁症正在服药',
  location: '红山区西屯街道幸福小区3号楼2单元',
  notes: '曾遭受家庭暴力',
  place: '锡林郭勒盟某工地宿舍',
};
const fields = (juvenile: boolean) => ({ person: secrets.person, idNumber: secrets.idNumber, health: secrets.health, location: secrets.location, notes: secrets.notes, juvenile, sentence: 'probation' });

const owner = () => ts.db.handle.db;
const raw = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await owner().execute(query));
const readsOf = (caseId: string) => raw<{ actor_id: string; entity_id: string; action: string }>(sql`SELECT actor_id, entity_id, action FROM audit_log WHERE action = 'privy.case.read' AND entity_id = ${caseId} ORDER BY seq`);

async function upload(who: TestUserName, caseId: string, body: string) {
  const res = await rawFetch(`${ts.url}/plugins/privy/cases/${caseId}/attachments?name=a.txt`, { method: 'POST', headers: { authorization: `Bearer ${await ts.tokenOf(who)}` }, body: Buffer.from(body) });
  expect(res.status).toBe(201);
  return res.json.sha256 as string;
}
const download = async (token: string, caseId: string, sha256: string) => rawFetch(`${ts.url}/plugins/privy/cases/${caseId}/attachments/${sha256}`, { headers: { authorization: `Bearer ${token}` } });

/** A session's actor for reads straight through the engine (the org's real path from the tree). */
async function actorOf(username: string, orgCode: string, role: Actor['role'], permissions: string[]): Promise<Actor> {
  const [org] = await raw<{ path: string }>(sql`SELECT path FROM orgs WHERE code = ${orgCode}`);
  return { userId: ids.get(username)!, username, displayName: username, role, scope: { orgCode, orgPath: org!.path }, permissions: new Set(permissions), via: 'session' };
}

describe('sensitive personal kinds', () => {
  it('are sealed at rest: no raw row of cases, events, audit, facts, notifications or documents holds a plaintext value', async () => {
    const xitun = await cases('xitun');
    const opened = await xitun.open.mutate({ fields: fields(false) });
    await xitun.transition.mutate({ id: opened.id, revision: 1, transition: 'visit', fields: { place: secrets.place } });
    const sealed = await xitun.open.mutate({ fields: fields(true) });
    await xitun.transition.mutate({ id: sealed.id, revision: 1, transition: 'visit', fields: { place: secrets.place } });
    await (await cases('hongshan')).get.query({ id: opened.id });
    const tables = ['cases', 'case_events', 'audit_log', 'facts', 'notifications', 'documents'];
    let rows = 0;
    for (const table of tables) {
      const dump = await raw<{ row: string }>(sql`SELECT row_to_json(x)::text AS row FROM ${sql.identifier(table)} x`);
      if (table !== 'notifications') expect(dump.length, table).toBeGreaterThan(0);
      rows += dump.length;
      for (const { row } of dump) for (const [name, value] of Object.entries(secrets)) expect(row, `${table} holds ${name}`).not.toContain(value);
    }
    expect(rows).toBeGreaterThan(10);
    // Nor the server's log, a refused step's values included.
    const refused = await sifaErrorOf(xitun.open.mutate({ fields: { ...fields(false), idNumber: '150402198001011233' } }));
    expect(refused.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED' });
    expect(ts.logs.length).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(secrets)) expect(ts.logs.join('\n'), `the log holds ${name}`).not.toContain(value);
    // The case's own office reads everything back (so the values were there to leak).
    const file = await xitun.get.query({ id: opened.id });
    expect(file.fields).toMatchObject({ person: secrets.person, health: secrets.health, location: secrets.location, notes: secrets.notes });
    expect(file.events[1]!.fields.place).toBe(secrets.place);
  });

  it('are masked whole in lists and for readers outside the office; lists never unmask, not even for the office', async () => {
    const xitun = await cases('xitun');
    const opened = await xitun.open.mutate({ fields: fields(false) });
    await xitun.transition.mutate({ id: opened.id, revision: 1, transition: 'visit', fields: { place: secrets.place } });
    for (const who of ['xitun', 'hongshan', 'city'] as const) {
      const row = (await (await cases(who)).list.query({ limit: 200 })).rows.find((r) => r.id === opened.id)!;
      expect(row.summary, who).toEqual({ person: '王**', health: '***', location: '***', sentence: 'probation' });
      expect(row.restricted).toBe(false);
    }
    const county = await (await cases('hongshan')).get.query({ id: opened.id });
    expect(county.masked).toBe(true);
    expect(county.fields).toMatchObject({ person: '王**', idNumber: '1504**********1232', health: '***', location: '***', notes: '***' });
    expect(county.events[1]!.fields.place).toBe('***');
    // Searching a list by a sensitive value finds nothing (it is not in the search text).
    expect((await xitun.list.query({ q: '抑郁' })).total).toBe(0);
  });
});

describe('audited reads (privacy.auditReads)', () => {
  it('writes a read entry naming the reader and the case for every get and attachment download, none for lists', async () => {
    // An integrator's webhook on the plugin: it hears the changes, not the reads.
    const county = await actorOf('t.hongshan', '150402', 'county_admin', []);
    const [org] = await raw<{ path: string }>(sql`SELECT path FROM orgs WHERE code = '150402'`);
    await ts.server.runScoped(county, (s) =>
      s.db.execute(sql`INSERT INTO webhook_subscriptions (id, org_code, org_path, plugin, url, secret, created_by, created_at)
        VALUES ('privy-hook', '150402', ${org!.path}, 'privy', 'https://hooks.example.invalid/privy', 'secret', ${county.userId}, now())`),
    );
    const xitun = await cases('xitun');
    const opened = await xitun.open.mutate({ fields: fields(false) });
    const sha256 = await upload('xitun', opened.id, '社区矫正宣告书扫描件');
    expect(await readsOf(opened.id)).toEqual([]);
    await xitun.list.query({ limit: 200 });
    await (await cases('hongshan')).list.query({ limit: 200 });
    expect(await readsOf(opened.id)).toEqual([]);
    await (await cases('hongshan')).get.query({ id: opened.id });
    await xitun.get.query({ id: opened.id });
    const down = await download(await ts.tokenOf('city'), opened.id, sha256);
    expect(down.status).toBe(200);
    // The case's document, downloaded through the documents route, is a read of the file too.
    const docx = await rawFetch(`${ts.url}/plugins/platform/documents/${opened.events[0]!.documentId}`, { headers: { authorization: `Bearer ${await ts.tokenOf('xitun')}` } });
    expect(docx.status).toBe(200);
    expect(await readsOf(opened.id)).toEqual([
      { actor_id: idOf('hongshan'), entity_id: opened.id, action: 'privy.case.read' },
      { actor_id: idOf('xitun'), entity_id: opened.id, action: 'privy.case.read' },
      { actor_id: idOf('city'), entity_id: opened.id, action: 'privy.case.read' },
      { actor_id: idOf('xitun'), entity_id: opened.id, action: 'privy.case.read' },
    ]);
    // A refused read (another office) reads nothing and audits nothing.
    expect(await sifaErrorOf((await cases('sanzhongjie')).get.query({ id: opened.id }))).toMatchObject({ data: { sifaCode: 'NOT_FOUND' } });
    expect(await readsOf(opened.id)).toHaveLength(4);
    const hooked = await raw<{ type: string }>(sql`SELECT payload->>'type' AS type FROM webhook_events WHERE subscription_id = 'privy-hook' AND payload->>'entityId' = ${opened.id} ORDER BY id`);
    expect(hooked.map((h) => h.type)).toEqual(['privy.case.intake', 'privy.case.attach']);
  });
});

describe('sealed cases (privacy.sealedWhen)', () => {
  let sealedId = '';
  let openId = '';
  let sha256 = '';
  let documentId = '';
  beforeAll(async () => {
    const xitun = await cases('xitun');
    const sealed = await xitun.open.mutate({ fields: fields(true) });
    sealedId = sealed.id;
    documentId = sealed.events[0]!.documentId!;
    sha256 = await upload('xitun', sealedId, '未成年人档案材料');
    openId = (await xitun.open.mutate({ fields: fields(false) })).id;
  });

  it('are visible to the staff who opened them, marked restricted with them responsible', async () => {
    const file = await (await cases('xitun')).get.query({ id: sealedId });
    expect(file).toMatchObject({ restricted: true, responsible: [idOf('xitun')], masked: false });
    expect(file.attachments.map((a) => a.sha256)).toEqual([sha256]);
    expect((await (await cases('xitun')).list.query({ limit: 200 })).rows.find((r) => r.id === sealedId)?.restricted).toBe(true);
    expect((await (await cases('xitun')).get.query({ id: openId })).restricted).toBe(false);
  });

  const outsiders = [
    { who: 'sanzhongjie' as const, relation: 'another office of the county' },
    { who: 'hongshan' as const, relation: 'the county admin' },
    { who: 'city' as const, relation: 'the city admin' },
  ];
  it.each(outsiders)('are invisible to $relation: list, count, get, attachment, document, deadlines', async ({ who }) => {
    const c = await cases(who);
    const list = await c.list.query({ limit: 200 });
    expect(list.rows.map((r) => r.id)).not.toContain(sealedId);
    expect(list.rows.length).toBe(list.total);
    expect(await sifaErrorOf(c.get.query({ id: sealedId }))).toMatchObject({ data: { sifaCode: 'NOT_FOUND', details: { caseId: sealedId } } });
    const down = await download(await ts.tokenOf(who), sealedId, sha256);
    expect(down.status).toBe(404);
    expect(down.text).not.toContain('未成年人');
    const platform = (await ts.client(who, { locale: 'en' })).platform;
    expect(await sifaErrorOf(platform.documents.get.query({ id: documentId }))).toMatchObject({ data: { sifaCode: 'NOT_FOUND' } });
    expect((await platform.documents.list.query({ entity: { kind: 'case', id: sealedId } })).items).toEqual([]);
  });

  it('are invisible to a colleague of the same office who is not responsible, and to the county in counts and deadlines', async () => {
    const c = await colleagueCases();
    expect((await c.list.query({ limit: 200 })).rows.map((r) => r.id)).not.toContain(sealedId);
    expect(await sifaErrorOf(c.get.query({ id: sealedId }))).toMatchObject({ data: { sifaCode: 'NOT_FOUND' } });
    // The same office's open case is there for the colleague (the office scope is not what hides the sealed one).
    expect((await c.get.query({ id: openId })).id).toBe(openId);
    const county = await actorOf('t.hongshan', '150402', 'county_admin', ['privy.read', 'privy.work']);
    const range = { from: testToday(), to: '2099-12-31' };
    const deadlines = await ts.server.runScoped(county, (s) => s.cases.deadlines(range));
    expect(deadlines.map((d) => d.entity?.id)).toContain(openId);
    expect(deadlines.map((d) => d.entity?.id)).not.toContain(sealedId);
    const responsible = await actorOf('t.xitun', '150402001', 'office_staff', ['privy.read', 'privy.work']);
    expect((await ts.server.runScoped(responsible, (s) => s.cases.deadlines(range))).map((d) => d.entity?.id)).toContain(sealedId);
  });

  it('are hidden by the database itself: the case, its events and attachments read straight through the scoped handle', async () => {
    const count = async (actor: Actor) =>
      ts.server.runScoped(actor, async (s) => {
        const [row] = rowsOf<Record<string, number>>(
          await s.db.execute(sql`SELECT (SELECT count(*) FROM cases WHERE id = ${sealedId})::int AS cases, (SELECT count(*) FROM case_events WHERE case_id = ${sealedId})::int AS events,
            (SELECT count(*) FROM case_attachments WHERE case_id = ${sealedId})::int AS attachments, (SELECT count(*) FROM case_files WHERE sha256 = ${sha256})::int AS files,
            (SELECT count(*) FROM documents WHERE entity_id = ${sealedId})::int AS documents`),
        );
        return row;
      });
    const county = await actorOf('t.hongshan', '150402', 'county_admin', []);
    expect(await count(county)).toEqual({ cases: 0, events: 0, attachments: 0, files: 0, documents: 0 });
    const responsible = await actorOf('t.xitun', '150402001', 'office_staff', []);
    expect(await count(responsible)).toEqual({ cases: 1, events: 1, attachments: 1, files: 1, documents: 1 });
    // What `sifa audit verify` reads through (an owner that does not bypass row security): the
    // scoped role over the whole tree, sealed cases included only with sifa.sealed = 'all'.
    const asVerifier = (sealed: string) =>
      owner().transaction(async (tx) => {
        await tx.execute(sql`SELECT set_config('sifa.scope', '/', true), set_config('sifa.sealed', ${sealed}, true), set_config('role', 'sifa_app', true)`);
        return rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM cases WHERE id = ${sealedId}`))[0]!.n;
      });
    expect(await asVerifier('')).toBe(0);
    expect(await asVerifier('all')).toBe(1);
  });

  it('record their facts for the county, never the office; the records behind a figure do not name them', async () => {
    const facts = await raw<{ org_code: string; metric: string; source_id: string }>(sql`SELECT org_code, metric, source_id FROM facts WHERE source_id IN (${sealedId}, ${openId}) ORDER BY source_id`);
    expect(facts.filter((f) => f.source_id === sealedId)).toEqual([{ org_code: '150402', metric: 'privy.persons', source_id: sealedId }]);
    expect(facts.filter((f) => f.source_id === openId)).toEqual([{ org_code: '150402001', metric: 'privy.persons', source_id: openId }]);
    const county = await actorOf('t.hongshan', '150402', 'county_admin', ['privy.read']);
    const query = { metrics: ['privy.persons'], orgCode: '150402', from: '2000-01-01', to: '2099-12-31', limit: 200 };
    const { figure, sources } = await ts.server.runScoped(county, async (s) => ({
      figure: await s.facts.query({ metrics: ['privy.persons'], orgCode: '150402', from: '2000-01-01', to: '2099-12-31', groupBy: 'total' }),
      sources: await s.facts.sources(query),
    }));
    // Counted in the county's figure (every person's fact under the county, the sealed ones at the county itself) ...
    const [all] = await raw<{ n: number }>(sql`SELECT count(*)::int AS n FROM facts WHERE metric = 'privy.persons' AND org_code LIKE '150402%'`);
    const [atCounty] = await raw<{ n: number }>(sql`SELECT count(*)::int AS n FROM facts WHERE metric = 'privy.persons' AND org_code = '150402'`);
    expect(atCounty!.n).toBeGreaterThan(0);
    expect(figure.rows.find((r) => r.metric === 'privy.persons')?.value).toBe(all!.n);
    const listed = sources.rows.map((r) => r.source.id);
    // ... but never named behind it; an open case is.
    expect(listed).toContain(openId);
    expect(listed).not.toContain(sealedId);
    // The office's own figure has none of the sealed case's facts.
    const office = await actorOf('t.xitun', '150402001', 'office_staff', ['privy.read']);
    const officeSources = await ts.server.runScoped(office, (s) => s.facts.sources({ ...query, orgCode: '150402001' }));
    expect(officeSources.rows.map((r) => r.source.id)).not.toContain(sealedId);
  });

  it('imported, are sealed the same way: the importer responsible, the facts at the county', async () => {
    const xitun = await cases('xitun');
    const on = testToday();
    const { imported } = await xitun.import.mutate({ cases: [{ on, fields: fields(true), steps: [{ transition: 'visit', on, fields: { place: secrets.place } }] }, { on, fields: fields(false) }] });
    const [sealed, open] = imported.map((c) => c.id) as [string, string];
    expect((await xitun.get.query({ id: sealed })).responsible).toEqual([idOf('xitun')]);
    expect(await sifaErrorOf((await cases('hongshan')).get.query({ id: sealed }))).toMatchObject({ data: { sifaCode: 'NOT_FOUND' } });
    const facts = async (id: string) => (await raw<{ org_code: string; metric: string }>(sql`SELECT org_code, metric FROM facts WHERE source_id = ${id} ORDER BY metric`)).map((f) => `${f.metric}@${f.org_code}`);
    expect(await facts(sealed)).toEqual(['privy.persons@150402', 'privy.visits@150402']);
    expect(await facts(open)).toEqual(['privy.persons@150402001']);
  });

  it('a step that would seal a case from the one taking it is refused; the responsible staff may seal it and its facts move to the county', async () => {
    const county = await cases('hongshan');
    const before = await county.get.query({ id: openId });
    const refused = await sifaErrorOf(county.transition.mutate({ id: openId, revision: before.revision, transition: 'correct', fields: { juvenile: true, sentence: 'probation' } }));
    expect(refused).toMatchObject({ data: { sifaCode: 'FORBIDDEN' } });
    const xitun = await cases('xitun');
    const other = await xitun.open.mutate({ fields: fields(false) });
    await xitun.transition.mutate({ id: other.id, revision: 1, transition: 'correct', fields: { juvenile: true, sentence: 'parole' } });
    expect(await sifaErrorOf(county.get.query({ id: other.id }))).toMatchObject({ data: { sifaCode: 'NOT_FOUND' } });
    expect(await raw<{ org_code: string }>(sql`SELECT org_code FROM facts WHERE source_id = ${other.id}`)).toEqual([{ org_code: '150402' }]);
    // And back: unsealed, its facts return to the office (the county's are removed, not left behind).
    await xitun.transition.mutate({ id: other.id, revision: 2, transition: 'correct', fields: { juvenile: false, sentence: 'parole' } });
    expect(await raw<{ org_code: string }>(sql`SELECT org_code FROM facts WHERE source_id = ${other.id}`)).toEqual([{ org_code: '150402001' }]);
    expect((await county.get.query({ id: other.id })).restricted).toBe(false);
  });

  it('assign: users of the case office or above only; on a sealed case the caller stays responsible; the assigned colleague then sees it', async () => {
    const xitun = await cases('xitun');
    const wrong = await sifaErrorOf(xitun.assign.mutate({ id: sealedId, userIds: [idOf('xitun'), idOf('sanzhongjie'), 'no-such-user'] }));
    expect(wrong.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED' });
    expect(JSON.stringify(wrong.data)).toContain('userIds.1');
    expect(JSON.stringify(wrong.data)).toContain('userIds.2');
    const leaving = await sifaErrorOf(xitun.assign.mutate({ id: sealedId, userIds: [idOf(colleague)] }));
    expect(leaving.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED' });
    // The county admin cannot assign a sealed case it cannot see.
    expect(await sifaErrorOf((await cases('hongshan')).assign.mutate({ id: sealedId, userIds: [idOf('hongshan')] }))).toMatchObject({ data: { sifaCode: 'NOT_FOUND' } });
    expect((await (await colleagueCases()).list.query({ limit: 200 })).rows.map((r) => r.id)).not.toContain(sealedId);

    const assigned = await xitun.assign.mutate({ id: sealedId, userIds: [idOf('xitun'), idOf(colleague), idOf('hongshan')] });
    expect(assigned).toEqual({ id: sealedId, responsible: [idOf('xitun'), idOf(colleague), idOf('hongshan')] });
    const c = await colleagueCases();
    expect((await c.list.query({ limit: 200 })).rows.map((r) => r.id)).toContain(sealedId);
    expect((await c.get.query({ id: sealedId })).fields.health).toBe(secrets.health);
    // Assigned, the county admin sees it (masked: it is not the office).
    const county = await (await cases('hongshan')).get.query({ id: sealedId });
    expect(county).toMatchObject({ masked: true, fields: { health: '***' } });
    expect((await download(await ts.tokenOf('hongshan'), sealedId, sha256)).status).toBe(200);
    // Still hidden from the rest.
    expect(await sifaErrorOf((await cases('sanzhongjie')).get.query({ id: sealedId }))).toMatchObject({ data: { sifaCode: 'NOT_FOUND' } });
    expect(await sifaErrorOf((await cases('city')).get.query({ id: sealedId }))).toMatchObject({ data: { sifaCode: 'NOT_FOUND' } });
    const [entry] = await raw<{ actor_id: string }>(sql`SELECT actor_id FROM audit_log WHERE action = 'privy.case.assign' AND entity_id = ${sealedId}`);
    expect(entry?.actor_id).toBe(idOf('xitun'));
  });

  it('assign needs the assign permission (default the opening step\'s), checked by the engine whoever calls it', async () => {
    const readOnly = await actorOf('t.xitun', '150402001', 'office_staff', ['privy.read']);
    const refused = await ts.server.runScoped(readOnly, (s) => s.cases.assign('privy.case', { id: openId, userIds: [idOf('xitun')] })).catch((e: unknown) => e);
    expect(refused).toMatchObject({ sifaCode: 'FORBIDDEN' });
  });

  it('an open case: responsible by default its opener; the county (with the opening permission) may assign a staff member of the office', async () => {
    const county = await cases('hongshan');
    expect((await county.get.query({ id: openId })).responsible).toEqual([idOf('xitun')]);
    expect(await county.assign.mutate({ id: openId, userIds: [idOf(colleague)] })).toEqual({ id: openId, responsible: [idOf(colleague)] });
    expect((await county.get.query({ id: openId })).responsible).toEqual([idOf(colleague)]);
  });
});

// The declaration checks of `privacy` (what a plugin author gets wrong).
describe('the privacy declaration', () => {
  it('refuses a sealedWhen on an unknown or non-choice field, with a public form, or a foreign assign permission', async () => {
    const { caseTypeSchema } = await import('@sifa/core');
    const base = { ...privyCaseType, privacy: { auditReads: false } };
    expect(caseTypeSchema.safeParse(base).success).toBe(true);
    const issues = (privacy: unknown, extra: Record<string, unknown> = {}) =>
      (caseTypeSchema.safeParse({ ...base, ...extra, privacy }).error?.issues ?? []).map((i) => i.path.join('.'));
    expect(issues({ sealedWhen: { field: 'nope', in: [true] } })).toEqual(['privacy.sealedWhen.field']);
    expect(issues({ sealedWhen: { field: 'person', in: ['x'] } })).toEqual(['privacy.sealedWhen.field']);
    expect(issues({ assignPermission: 'other.assign' })).toEqual(['privacy.assignPermission']);
    const publicForm = { fields: ['person', 'idNumber', 'juvenile', 'sentence'], consent: t('同意', 'Agree') };
    expect(issues({ sealedWhen: { field: 'juvenile', in: [true] } }, { publicForm })).toEqual(['privacy.sealedWhen']);
  });
});
