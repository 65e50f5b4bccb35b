/**
 * A bureau's own org tree, on a real server: an import file is checked as a whole (each problem
 * by its line, nothing changed), applied in one transaction, unchanged on re-import; a moved
 * office takes its records, facts and accounts' scope along (rollups equal a rebuild, the audit
 * log still verifies); a closed unit takes no new records; a merged unit's records, sub-units and
 * accounts move into the unit it merged into, with the mapping in both units' history. (Seeding
 * other cities and the CLI: org-admin-cli.test.ts.)
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@sifa/core/db';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { createWarningsPlugin } from '@sifa/plugin-warnings/server';
import { verifyAuditChain, type AppRouterOf } from '@sifa/server';
import { sifaErrorOf, startTestServer, testToday, type TestServer } from '@sifa/server/testing';
import { caseworkPlugin } from './fixtures/casework/plugin.js';
import { orgCsv as csv } from './fixtures/org-csv.js';

const plugins = [caseworkPlugin, createDiaryPlugin(), createWarningsPlugin()] as const;
let t: TestServer<AppRouterOf<typeof plugins>>;

beforeAll(async () => {
  t = await startTestServer({ plugins });
}, 120_000);
afterAll(() => t?.close());

/** A refusal's code, message (in the client's locale), field issues and details. */
const refusal = async (call: Promise<unknown>) => {
  const e = await sifaErrorOf(call);
  return { code: e.data.sifaCode, message: e.message, issues: e.data.issues, details: e.data.details };
};
const orgCount = async () => Number(rowsOf<{ n: string | number }>(await t.db.handle.db.execute(sql`SELECT count(*) AS n FROM orgs`))[0]!.n);
const pathOf = async (code: string) => rowsOf<{ path: string }>(await t.db.handle.db.execute(sql`SELECT path FROM orgs WHERE code = ${code}`))[0]?.path;
/** Every non-empty rollup row (node, day, metric → total), sorted. */
const rollups = async () =>
  rowsOf<{ node_path: string; day: string; metric: string; total: string; n: number }>(
    await t.db.handle.db.execute(sql`SELECT node_path, day::text AS day, metric, sum(total)::text AS total, sum(n)::integer AS n FROM fact_rollups_day GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3`),
  );
const people = async (user: 'hongshan' | 'songshan' | 'city', orgCode?: string) => {
  const day = testToday();
  const r = await (await t.client(user)).platform.facts.query.query({ metrics: ['casework.people-served'], from: `${day.slice(0, 4)}-01-01`, to: day, ...(orgCode ? { orgCode } : {}) });
  return r.rows.reduce((sum, row) => sum + Number(row.value), 0);
};

describe('org import: checked as a whole', () => {
  it('names every problem by its line and changes nothing', async () => {
    const before = await orgCount();
    const file = csv(
      '150499,1504,county,测试新区,,,', // line 2: fine on its own
      '150499001,150499,office,甲街道司法所,,,', // 3
      '150499001,150499,office,乙街道司法所,,,', // 4: duplicate of line 3
      '150499002,150498,office,丙街道司法所,,,', // 5: unknown parent
      '150499003,150499,county,丁街道司法所,,,', // 6: 9 digits but level county
      '150499004001,150499001,village,戊村,,,', // 7: fine (village under office)
      '150499005,150499001,office,己街道司法所,,,', // 8: office under office
      '150497,150496,county,环一,,,', // 9: cycle with line 10 (and county under county)
      '150496,150497,county,环二,,,', // 10
      '16,,region,辽宁,,,', // 11: a second root
      '150499006,150499,office,,,,', // 12: no Chinese name
    );
    const error = await refusal((await t.client('city')).platform.org.import.mutate({ format: 'csv', content: file }));
    expect(error.code).toBe('VALIDATION_FAILED');
    const byLine = (line: number) => error.issues.filter((i) => i.path === `line ${line}`).map((i) => i.message);
    expect(byLine(2)).toEqual([]);
    expect(byLine(4)).toEqual([expect.stringContaining('duplicate: line 3')]);
    expect(byLine(5)).toEqual([expect.stringContaining('Parent 150498 is neither in the file nor in the tree')]);
    expect(byLine(6)).toContainEqual(expect.stringContaining('has 9 digits (level office), but the level says county'));
    expect(byLine(7)).toEqual([]);
    expect(byLine(8)).toEqual([expect.stringContaining('150499005 (office) cannot lie under 150499001 (office)')]);
    expect(byLine(9).join('\n')).toContain('The parents form a cycle: 150497 → 150496 → 150497 (lines 9, 10)');
    expect(byLine(11)).toEqual([expect.stringContaining("the tree's root is 15")]);
    expect(byLine(12)).toEqual([expect.stringContaining('The Chinese name')]);
    expect(await orgCount()).toBe(before);
  });

  it('answers in Chinese, and refuses a bad header and JSON that is not an array', async () => {
    const zh = await refusal((await t.client('city', { locale: 'zh-CN' })).platform.org.import.mutate({ format: 'csv', content: 'code;parent\n1,2' }));
    expect(zh.issues[0]).toMatchObject({ path: 'line 1', message: expect.stringContaining('第一行须为表头 code,parent,level,name_zh') });
    const json = await refusal((await t.client('city')).platform.org.import.mutate({ format: 'json', content: '{"code":"150499"}' }));
    expect(json.issues[0]!.message).toContain('must be an array of units');
  });

  it('is refused to office staff and keeps a county administrator inside the county', async () => {
    const staff = await refusal((await t.client('xitun')).platform.org.import.mutate({ format: 'csv', content: csv('150402099,150402,office,新所,,,') }));
    expect(staff).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'platform.org.manage' } });
    // Moving one of its offices to another county leaves the county's area: refused, named by line.
    const out = await refusal((await t.client('hongshan')).platform.org.import.mutate({ format: 'csv', content: csv('150402003,150404,office,永巨街道司法所,,,') }));
    expect(out.issues).toEqual([{ path: 'line 2', message: expect.stringContaining('outside the area you manage') }]);
  });
});

describe('org import: applied', () => {
  const file = csv(
    '150499,1504,county,测试新区,Test New District,,',
    '150499001,150499,office,甲街道司法所,Jia Street Office,,',
    '150499002,150499,office,乙街道司法所,,,station',
    '150402010,150402,office,西城街道司法所,Xicheng Street Office,ᠰᠢ ᠴᠧᠩ,',
  );

  it('adds and renames in one transaction, reports it, and changes nothing on re-import', async () => {
    const city = await t.client('city');
    const dry = await city.platform.org.import.mutate({ format: 'csv', content: file, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, changed: true, added: 3, renamed: 1, moved: 0 });
    expect(await pathOf('150499')).toBeUndefined();
    const first = await city.platform.org.import.mutate({ format: 'csv', content: file });
    expect(first).toMatchObject({ dryRun: false, rows: 4, changed: true, added: 3, renamed: 1, moved: 0, unchanged: 0 });
    expect(first.changes.find((c) => c.code === '150402010')).toMatchObject({ change: 'renamed', line: 5, after: { name: { zh: '西城街道司法所', en: 'Xicheng Street Office' } } });
    expect(await pathOf('150499002')).toBe('/15/1504/150499/150499002/');
    const node = await city.platform.org.get.query({ code: '150499002' });
    expect(node).toMatchObject({ kind: 'station', name: { zh: '乙街道司法所' } });
    expect(await city.platform.org.get.query({ code: '150402010' })).toMatchObject({ kind: 'office', name: { en: 'Xicheng Street Office', mn: 'ᠰᠢ ᠴᠧᠩ' } });
    // The same file again, as JSON this time: nothing to do, nothing recorded.
    const asJson = JSON.stringify(
      file
        .split('\n')
        .slice(1)
        .map((l) => l.split(','))
        .map(([code, parent, level, name_zh, name_en, name_mn, kind]) => ({ code, parent, level, name_zh, name_en: name_en || null, name_mn: name_mn || null, kind: kind || null })),
    );
    const again = await city.platform.org.import.mutate({ format: 'json', content: asJson });
    expect(again).toMatchObject({ changed: false, added: 0, renamed: 0, moved: 0, unchanged: 4 });
    const history = await city.platform.org.history.query({ code: '150402010' });
    expect(history.map((h) => h.change)).toEqual(['renamed']);
    expect(history[0]).toMatchObject({ before: { name: { zh: expect.stringContaining('司法所') } }, after: { name: { en: 'Xicheng Street Office' } } });
  });
});

describe('a moved office keeps its history', () => {
  it('takes its cases, diary entries, facts and accounts to the new county; rollups equal a rebuild; the audit log verifies', async () => {
    const hongshan = await t.client('hongshan');
    const xitun = await t.client('xitun');
    const opened = await hongshan.casework.open.mutate({ orgCode: '150402001', title: '西屯的案件', openedOn: testToday(), people: 7 });
    const saved = await xitun.diary.save.mutate({ idempotencyKey: randomUUID(), day: testToday(), itemCode: 'diary.correction-supervision', fields: { homeVisits: 2, talks: 1, reports: 3 } });
    expect(saved).toBeTruthy();
    const [hongshanBefore, songshanBefore, cityBefore] = [await people('hongshan'), await people('songshan'), await people('city')];

    const moved = await (await t.client('city')).platform.org.import.mutate({ format: 'csv', content: csv('150402001,150404,office,西屯街道司法所,,,') });
    expect(moved).toMatchObject({ changed: true, moved: 1 });
    expect(moved.changes[0]).toMatchObject({ code: '150402001', change: 'moved', before: { path: '/15/1504/150402/150402001/' }, after: { path: '/15/1504/150404/150402001/' } });
    expect(moved.rowsMoved).toMatchObject({ casework_cases: 1, diary_entries: expect.any(Number), facts: expect.any(Number) });

    // The records follow: the new county sees them, the old one no longer does.
    expect((await (await t.client('songshan')).casework.list.query({})).map((c) => c.id)).toContain(opened.id);
    expect((await hongshan.casework.list.query({})).map((c) => c.id)).not.toContain(opened.id);
    expect(await people('hongshan')).toBe(hongshanBefore - 7);
    expect(await people('songshan')).toBe(songshanBefore + 7);
    expect(await people('city')).toBe(cityBefore);
    // The office's account works on, in its new place.
    const me = await xitun.platform.auth.me.query();
    expect(me.orgCode).toBe('150402001');
    const listed = await xitun.casework.list.query({});
    expect(listed.map((c) => c.id)).toContain(opened.id);
    expect(listed.every((c) => c.orgPath === '/15/1504/150404/150402001/')).toBe(true);

    // Incremental rollups = a rebuild from the facts.
    const incremental = await rollups();
    await t.server.facts.rebuildRollups();
    expect(await rollups()).toEqual(incremental);
    // Each re-pointed row-hashed row has an audit entry with its new hash.
    const verified = await verifyAuditChain(t.db.handle.db);
    expect('problems' in verified ? verified.problems : []).toEqual([]);
    expect(verified.ok).toBe(true);
    expect((await (await t.client('city')).platform.org.history.query({ code: '150402001' })).map((h) => h.change)).toEqual(['moved']);
  });
});

describe('closing and merging units', () => {
  it('a closed unit takes no new records, keeps its history and leaves the lists', async () => {
    const hongshan = await t.client('hongshan');
    const before = await hongshan.casework.open.mutate({ orgCode: '150402002', title: '三中街的旧案', openedOn: testToday(), people: 2 });
    // While it serves a township, closing it would leave the township without an office.
    const serving = await refusal(hongshan.platform.org.close.mutate({ code: '150402002', reason: '撤并' }));
    expect(serving).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('still serves 1 township(s) (150402002)'), details: { townships: '150402002' } });
    await hongshan.platform.org.setServiceArea.mutate({ office: '150402003', divisions: ['150402003', '150402002'], move: true });
    const closed = await hongshan.platform.org.close.mutate({ code: '150402002', reason: '撤并' });
    expect(closed).toEqual({ code: '150402002', closedOn: testToday() });
    const byCounty = await refusal(hongshan.casework.open.mutate({ orgCode: '150402002', title: '新案', openedOn: testToday(), people: 1 }));
    expect(byCounty).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`was closed on ${testToday()}`), details: { orgCode: '150402002' } });
    const ownStaff = await refusal(
      (await t.client('sanzhongjie')).diary.save.mutate({ idempotencyKey: randomUUID(), day: testToday(), itemCode: 'diary.correction-supervision', fields: { homeVisits: 1, talks: 0, reports: 0 } }),
    );
    expect(ownStaff.code).toBe('CONFLICT');
    // History stays readable; the unit is gone from the lists citizens and jobs use.
    expect((await hongshan.casework.list.query({ orgCode: '150402002' })).map((c) => c.id)).toEqual([before.id]);
    expect(await hongshan.platform.org.get.query({ code: '150402002' })).toMatchObject({ closed: { on: testToday(), mergedInto: null } });
    expect((await hongshan.platform.org.children.query({ code: '150402' })).map((o) => o.code)).not.toContain('150402002');
    const again = await refusal(hongshan.platform.org.close.mutate({ code: '150402002', reason: '再次' }));
    expect(again.code).toBe('CONFLICT');
    // Nor does it take townships to serve again.
    const serveAgain = await refusal(hongshan.platform.org.setServiceArea.mutate({ office: '150402002', divisions: ['150402002'], move: true }));
    expect(serveAgain).toMatchObject({ code: 'CONFLICT', details: { orgCode: '150402002' } });
  });

  it('refuses to close a unit with open units under it, or the caller’s own unit', async () => {
    const city = await t.client('city');
    const busy = await refusal(city.platform.org.close.mutate({ code: '150403', reason: 'x' }));
    expect(busy).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('open unit(s) under it') });
    const own = await refusal((await t.client('hongshan')).platform.org.close.mutate({ code: '150402', reason: 'x' }));
    expect(own.code).toBe('BAD_REQUEST');
    const outside = await refusal((await t.client('hongshan')).platform.org.close.mutate({ code: '150404002', reason: 'x' }));
    expect(outside.code).toBe('OUT_OF_SCOPE');
  });

  it('a merged office hands its records, facts and accounts to the office it merged into, with the mapping recorded', async () => {
    const songshan = await t.client('songshan');
    const opened = await songshan.casework.open.mutate({ orgCode: '150404001', title: '振兴的案件', openedOn: testToday(), people: 5 });
    const target = await people('songshan', '150404002');
    const wrongLevel = await refusal(songshan.platform.org.merge.mutate({ code: '150404001', into: '150404', reason: 'x' }));
    expect(wrongLevel).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('Only units of one level merge') });

    const merged = await songshan.platform.org.merge.mutate({ code: '150404001', into: '150404002', reason: '两所合署办公' });
    expect(merged).toMatchObject({ code: '150404001', into: '150404002', closedOn: testToday(), users: 1, townships: ['150404001'], rowsMoved: { casework_cases: expect.any(Number), facts: expect.any(Number) } });
    // A citizen of the merged office's township is now sent to the office it merged into.
    const serving = await (await t.client()).platform.org.servingOffice.query({ division: '150404001' });
    expect(serving.office.code).toBe('150404002');
    expect(serving.serviceArea.map((d) => d.code)).toEqual(['150404001', '150404002']);
    // The target's staff see and continue the merged office's cases; its figures now include them.
    expect((await songshan.casework.list.query({ orgCode: '150404002' })).map((c) => c.id)).toContain(opened.id);
    expect(await people('songshan', '150404002')).toBe(target + 5);
    // The merged office's account now belongs to the target.
    expect((await t.freshClient('t.zhenxing').then((c) => c.platform.auth.me.query())).orgCode).toBe('150404002');
    expect(await songshan.platform.org.get.query({ code: '150404001' })).toMatchObject({ closed: { on: testToday(), mergedInto: '150404002' } });
    const history = await songshan.platform.org.history.query({ code: '150404002' });
    expect(history.at(-1)).toMatchObject({ change: 'merged-in', after: { from: '150404001', into: '150404002', users: 1, rowsMoved: merged.rowsMoved } });
    const closedTarget = await refusal(songshan.casework.open.mutate({ orgCode: '150404001', title: '新案', openedOn: testToday(), people: 1 }));
    expect(closedTarget).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('was merged into 150404002') });
    expect((await verifyAuditChain(t.db.handle.db)).ok).toBe(true);
    const incremental = await rollups();
    await t.server.facts.rebuildRollups();
    expect(await rollups()).toEqual(incremental);
  });
});
