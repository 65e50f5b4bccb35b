/**
 * Service areas on both engines: an office serves one or more townships (issue 18). The seed gives
 * every township its own office; a county admin merges three townships of 松山区 into
 * 振兴街道司法所 (moving 向阳街道 and 松州街道 from their offices explicitly), after which the
 * public lookups resolve each of the three (and a village under one) to the merged office and a
 * citizen's application for one of them lands there; the public search by name or code finds
 * each with the office serving it now. Refused: a move not confirmed, a township or
 * office outside the caller's subtree (also by row-level security alone), a township left without
 * an office, a village, an empty area, a caller without the permission.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '@sifa/core/db';
import { seedOrgTree } from '@sifa/server';
import { sifaErrorOf, startTestServer, type TestServerOf } from '@sifa/server/testing';
import { casebookPlugin } from './fixtures/casebook/plugin.js';

const clock = { now: new Date('2026-10-12T02:00:00Z') };
const plugins = [casebookPlugin] as const;
let t: TestServerOf<typeof plugins>;

const zhenxing = '150404001';
const xiangyang = '150404002';
const songzhou = '150404003';
const tiedong = '150404004';

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now, trustProxy: true });
});
afterAll(() => t?.close());

const anonymous = () => t.clientWithToken(null).platform.org;
const auditCount = async () => rowsOf<{ n: number }>(await t.db.handle.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'platform.org.setServiceArea'`))[0]!.n;

describe('as seeded: one office per township', () => {
  it('has all 197 townships, each served by the office with its code', async () => {
    const [counts] = rowsOf<{ townships: number; offices: number; own: number }>(
      await t.db.handle.db.execute(sql`SELECT
        (SELECT count(*)::int FROM divisions WHERE level = 'township') AS townships,
        (SELECT count(*)::int FROM orgs WHERE level = 'office') AS offices,
        (SELECT count(*)::int FROM org_service_areas WHERE division_code = org_code) AS own`),
    );
    expect(counts).toEqual({ townships: 197, offices: 197, own: 197 });
    const served = await anonymous().servingOffice.query({ division: xiangyang });
    expect(served).toMatchObject({ division: { code: xiangyang, level: 'township', name: { zh: '向阳街道' } }, office: { code: xiangyang, name: { zh: '向阳街道司法所' } } });
    expect(served.serviceArea.map((d) => d.code)).toEqual([xiangyang]);
  });

  it("lists a county's townships with their offices, and refuses what is not a county or not a division", async () => {
    const townships = await anonymous().divisions.query({ county: '150404' });
    expect(townships).toHaveLength(22);
    expect(townships.slice(0, 2)).toMatchObject([
      { code: zhenxing, name: { zh: '振兴街道' }, office: { code: zhenxing, name: { zh: '振兴街道司法所' } } },
      { code: xiangyang, name: { zh: '向阳街道' }, office: { code: xiangyang } },
    ]);
    expect((await sifaErrorOf(anonymous().divisions.query({ county: '150499' }))).data.sifaCode).toBe('NOT_FOUND');
    const unknown = await sifaErrorOf(t.clientWithToken(null, { locale: 'zh-CN' }).platform.org.servingOffice.query({ division: '150404999' }));
    expect(unknown.data).toMatchObject({ sifaCode: 'NOT_FOUND', details: { division: '150404999' } });
    expect(unknown.message).toBe('没有代码为 150404999 的乡镇（街道）或村（社区）。');
    expect((await sifaErrorOf(anonymous().servingOffice.query({ division: '1504' }))).data.sifaCode).toBe('VALIDATION_FAILED');
    expect((await sifaErrorOf(anonymous().serviceArea.query({ office: '150404999' }))).data.sifaCode).toBe('NOT_FOUND');
  });
});

describe('a merged office serving three townships', () => {
  it('refuses to take a township another office serves unless the move is confirmed, naming it, and changes nothing', async () => {
    const admin = (await t.client('songshan', { locale: 'zh-CN' })).platform.org;
    const before = await auditCount();
    const refused = await sifaErrorOf(admin.setServiceArea.mutate({ office: zhenxing, divisions: [zhenxing, xiangyang, songzhou] }));
    expect(refused.data).toMatchObject({ sifaCode: 'CONFLICT', details: { division: xiangyang, servedBy: xiangyang } });
    expect(refused.message).toBe('向阳街道（150404002）现由向阳街道司法所服务；如要划入振兴街道司法所，请确认调整（move）。');
    const en = await sifaErrorOf((await t.client('songshan', { locale: 'en' })).platform.org.setServiceArea.mutate({ office: zhenxing, divisions: [zhenxing, songzhou] }));
    expect(en.message).toBe('松州街道 (150404003) is served by 松州街道司法所: confirm the move to give it to 振兴街道司法所.');
    expect((await anonymous().servingOffice.query({ division: xiangyang })).office.code).toBe(xiangyang);
    expect(await auditCount()).toBe(before);
  });

  it('moves two townships to 振兴街道司法所: each of the three resolves to it, with the whole area; audited per office', async () => {
    const admin = (await t.client('songshan')).platform.org;
    const before = await auditCount();
    const result = await admin.setServiceArea.mutate({ office: zhenxing, divisions: [songzhou, zhenxing, xiangyang], move: true });
    expect(result.office.code).toBe(zhenxing);
    expect(result.divisions.map((d) => d.code)).toEqual([zhenxing, xiangyang, songzhou]);
    expect(result.moved).toEqual([
      { division: xiangyang, from: xiangyang },
      { division: songzhou, from: songzhou },
    ]);
    for (const division of [zhenxing, xiangyang, songzhou]) {
      const served = await anonymous().servingOffice.query({ division });
      expect(served.division.code).toBe(division);
      expect(served.office).toMatchObject({ code: zhenxing, level: 'office', name: { zh: '振兴街道司法所' } });
      expect(served.serviceArea.map((d) => d.name.zh)).toEqual(['振兴街道', '向阳街道', '松州街道']);
    }
    expect((await anonymous().servingOffice.query({ division: tiedong })).office.code).toBe(tiedong);
    expect((await anonymous().serviceArea.query({ office: zhenxing })).divisions.map((d) => d.code)).toEqual([zhenxing, xiangyang, songzhou]);
    expect(await anonymous().serviceArea.query({ office: xiangyang })).toMatchObject({ office: { code: xiangyang }, divisions: [] });
    const townships = await anonymous().divisions.query({ county: '150404' });
    expect(townships.filter((d) => d.office.code === zhenxing).map((d) => d.code)).toEqual([zhenxing, xiangyang, songzhou]);
    // One entry for the office that gained, one for each that lost a township.
    expect(await auditCount()).toBe(before + 3);
    const entries = await (await t.client('songshan')).platform.audit.list.query({ limit: 3 });
    expect(entries.map((e) => [e.action, e.entityId]).sort()).toEqual([zhenxing, xiangyang, songzhou].map((o) => ["platform.org.setServiceArea", o]));
    const [row] = rowsOf<{ updated_by: string; updated_at: Date | string }>(await t.db.handle.db.execute(sql`SELECT updated_by, updated_at FROM org_service_areas WHERE division_code = ${songzhou}`));
    expect(new Date(row!.updated_at).toISOString()).toBe('2026-10-12T02:00:00.000Z');
    expect(row!.updated_by).toBeTruthy();
    // Setting the same area again moves nothing and rewrites no row (the platform still audits the call itself, once).
    clock.now = new Date('2026-10-12T02:05:00Z');
    try {
      expect((await admin.setServiceArea.mutate({ office: zhenxing, divisions: [zhenxing, xiangyang, songzhou] })).moved).toEqual([]);
    } finally {
      clock.now = new Date('2026-10-12T02:00:00Z');
    }
    expect(await auditCount()).toBe(before + 4);
    const [again] = rowsOf<{ updated_at: Date | string }>(await t.db.handle.db.execute(sql`SELECT updated_at FROM org_service_areas WHERE division_code = ${songzhou}`));
    expect(new Date(again!.updated_at).toISOString()).toBe('2026-10-12T02:00:00.000Z');
  });

  it('serves a village through its township: a village of 向阳街道 goes to the merged office', async () => {
    await t.db.handle.db.execute(
      sql`INSERT INTO divisions (code, parent_code, level, path, name_zh) VALUES ('150404002001', ${xiangyang}, 'village', '/15/1504/150404/150404002/150404002001/', '测试社区')`,
    );
    const served = await anonymous().servingOffice.query({ division: '150404002001' });
    expect(served).toMatchObject({ division: { code: '150404002001', level: 'village', parentCode: xiangyang }, township: { code: xiangyang }, office: { code: zhenxing } });
    const village = await sifaErrorOf((await t.client('songshan', { locale: 'en' })).platform.org.setServiceArea.mutate({ office: tiedong, divisions: [tiedong, '150404002001'] as string[] }));
    expect(village.data.sifaCode).toBe('VALIDATION_FAILED');
  });

  it('finds a township or village by name or code, with its county and the office serving it now', async () => {
    const find = anonymous().findDivisions;
    const [songzhouMatch, ...rest] = await find.query({ q: '松州', within: '1504' });
    expect(rest).toEqual([]);
    expect(songzhouMatch).toMatchObject({
      division: { code: songzhou, level: 'township', name: { zh: '松州街道' } },
      township: { code: songzhou },
      county: { code: '150404', name: { zh: '松山区' } },
      office: { code: zhenxing, name: { zh: '振兴街道司法所' } },
    });
    // A village resolves through its township (the one added in the previous test).
    expect(await find.query({ q: '测试社区' })).toMatchObject([{ division: { code: '150404002001', level: 'village' }, township: { code: xiangyang, name: { zh: '向阳街道' } }, office: { code: zhenxing } }]);
    // Digits match codes from the start; townships come before villages, then by code.
    expect((await find.query({ q: '1504040', within: '150404', limit: 5 })).map((m) => m.division.code)).toEqual([zhenxing, xiangyang, songzhou, tiedong, '150404002001']);
    // An exact name ranks before names that merely contain the words.
    expect((await find.query({ q: '松城街道筹备处' })).map((m) => m.division.code)).toEqual(['150404408']);
    const streets = await find.query({ q: '街道', within: '150404', limit: 20 });
    expect(streets.map((m) => m.division.code)).toEqual([zhenxing, xiangyang, songzhou, tiedong, '150404400', '150404401', '150404407', '150404408']);
    // Within a county only; the whole tree without `within`.
    expect(await find.query({ q: '松州', within: '150402' })).toEqual([]);
    expect((await find.query({ q: '松州' })).map((m) => m.division.code)).toEqual([songzhou]);
    // LIKE's wildcards are taken literally.
    expect(await find.query({ q: '%' })).toEqual([]);
    expect(await find.query({ q: '_' })).toEqual([]);
    const empty = await sifaErrorOf(t.clientWithToken(null, { locale: 'zh-CN' }).platform.org.findDivisions.query({ q: '  ' }));
    expect(empty.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(empty.data.issues).toEqual([{ path: 'q', message: '请输入要查找的乡镇（街道）或村（社区）的名称或代码（1 到 40 个字）。' }]);
    expect((await sifaErrorOf(find.query({ q: '松州', within: '1599' }))).data.sifaCode).toBe('NOT_FOUND');
  });

  it('lands a public application for 松州街道 at the merged office (and one for the village too)', async () => {
    const key = await t.publishableKey('150404');
    const apply = t.publicClient(key, { locale: 'zh-CN', headers: { 'x-forwarded-for': '203.0.113.90' } }).platform.publicForms;
    const consent = { accepted: true as const, version: (await apply.list.query({ type: 'casebook.case' }))[0]!.consentVersion };
    const party = { role: 'applicant', name: '李四', idNumber: '150402198001011232', phone: '13812345678', address: '松州街道1号' };
    const sent = await apply.submit.mutate({ type: 'casebook.case', division: songzhou, fields: { parties: [party], category: 'neighbour', summary: '松州街道的申请', contactPhone: '13900001111' }, consent });
    expect(sent).toMatchObject({ duplicate: false, orgCode: zhenxing, orgName: { zh: '振兴街道司法所' } });
    const fromVillage = await apply.submit.mutate({ type: 'casebook.case', division: '150404002001', fields: { parties: [party], category: 'neighbour', summary: '社区的申请', contactPhone: '13900001111' }, consent });
    expect(fromVillage).toMatchObject({ orgCode: zhenxing });
    const office = (await t.client('zhenxing')).casebook.cases;
    const { rows } = await office.list.query({});
    expect(rows.map((r) => r.number)).toEqual(expect.arrayContaining([sent.number, fromVillage.number]));
    const [stored] = rowsOf<{ org_code: string }>(await t.db.handle.db.execute(sql`SELECT org_code FROM public_applications WHERE number = ${sent.number}`));
    expect(stored!.org_code).toBe(zhenxing);
    // Either the office or the place, not both; a place outside the key's subtree is refused.
    const both = await sifaErrorOf(apply.submit.mutate({ type: 'casebook.case', orgCode: zhenxing, division: songzhou, fields: { parties: [party], category: 'neighbour', summary: 'x', contactPhone: '13900001111' }, consent }));
    expect(both.data.sifaCode).toBe('VALIDATION_FAILED');
    const elsewhere = await sifaErrorOf(apply.submit.mutate({ type: 'casebook.case', division: '150402001', fields: { parties: [party], category: 'neighbour', summary: '红山区', contactPhone: '13900001111' }, consent }));
    expect(elsewhere.data.sifaCode).toBe('OUT_OF_SCOPE');
  });
});

describe('refusals', () => {
  it('refuses an area leaving a township without an office, an empty area, an unknown township, a county as office', async () => {
    const admin = (await t.client('songshan', { locale: 'zh-CN' })).platform.org;
    const left = await sifaErrorOf(admin.setServiceArea.mutate({ office: zhenxing, divisions: [zhenxing, xiangyang] }));
    expect(left.data).toMatchObject({ sifaCode: 'CONFLICT', details: { division: songzhou } });
    expect(left.message).toContain('松州街道（150404003）将没有受理的司法所');
    const empty = await sifaErrorOf(admin.setServiceArea.mutate({ office: zhenxing, divisions: [] }));
    expect(empty.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'divisions', message: '司法所的服务区域至少包括一个乡镇（街道）。' }] });
    expect((await sifaErrorOf(admin.setServiceArea.mutate({ office: zhenxing, divisions: [zhenxing, xiangyang, songzhou, '150404999'] }))).data).toMatchObject({ sifaCode: 'NOT_FOUND', details: { division: '150404999' } });
    expect((await sifaErrorOf(admin.setServiceArea.mutate({ office: '150404', divisions: [tiedong] }))).data.sifaCode).toBe('VALIDATION_FAILED');
    expect((await anonymous().servingOffice.query({ division: songzhou })).office.code).toBe(zhenxing);
  });

  it("refuses a township or an office outside the admin's county, and callers without the permission", async () => {
    const hongshan = (await t.client('hongshan', { locale: 'zh-CN' })).platform.org;
    const township = await sifaErrorOf(hongshan.setServiceArea.mutate({ office: '150402001', divisions: ['150402001', tiedong], move: true }));
    expect(township.data).toMatchObject({ sifaCode: 'OUT_OF_SCOPE', details: { division: tiedong } });
    expect(township.message).toBe('铁东街道（150404004）不在您的管辖范围内。');
    expect((await sifaErrorOf(hongshan.setServiceArea.mutate({ office: tiedong, divisions: [tiedong] }))).data.sifaCode).toBe('OUT_OF_SCOPE');
    const staff = await sifaErrorOf((await t.client('zhenxing')).platform.org.setServiceArea.mutate({ office: zhenxing, divisions: [zhenxing, xiangyang, songzhou] }));
    expect(staff.data.sifaCode).toBe('FORBIDDEN');
    expect((await sifaErrorOf(anonymous().setServiceArea.mutate({ office: zhenxing, divisions: [zhenxing] }))).data.sifaCode).toBe('UNAUTHENTICATED');
    // The city admin may move a township between counties' offices.
    const city = (await t.client('city')).platform.org;
    await city.setServiceArea.mutate({ office: '150402001', divisions: ['150402001', tiedong], move: true });
    expect((await anonymous().servingOffice.query({ division: tiedong })).office.code).toBe('150402001');
    await city.setServiceArea.mutate({ office: tiedong, divisions: [tiedong], move: true });
    expect((await anonymous().servingOffice.query({ division: tiedong })).office.code).toBe(tiedong);
  });

  it('is held by row-level security alone: a county scope can neither take nor give away a township of another county', async () => {
    const actor = {
      userId: 'raw',
      username: 'raw',
      displayName: 'raw',
      role: 'county_admin' as const,
      scope: { orgCode: '150402', orgPath: '/15/1504/150402/' },
      permissions: new Set<string>(),
      via: 'session' as const,
    };
    const count = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows).length;
    const taken = await t.server.runScoped(actor, async ({ db }) =>
      count(await db.execute(sql`UPDATE org_service_areas SET org_code = '150402001', org_path = '/15/1504/150402/150402001/' WHERE division_code = ${tiedong} RETURNING division_code`)),
    );
    expect(taken).toBe(0);
    const given = await t.server
      .runScoped(actor, ({ db }) => db.execute(sql`UPDATE org_service_areas SET org_code = ${tiedong}, org_path = '/15/1504/150404/150404004/' WHERE division_code = '150402002'`))
      .then(
        () => null,
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
    expect(given).toMatch(/row-level security/i);
    // Reading is open to every scope (public reference data).
    const seen = await t.server.runScoped(actor, async ({ db }) => count(await db.execute(sql`SELECT division_code FROM org_service_areas`)));
    expect(seen).toBe(197);
    expect((await anonymous().servingOffice.query({ division: tiedong })).office.code).toBe(tiedong);
  });

  it('keeps areas an admin set when the seed runs again', async () => {
    await seedOrgTree(t.db.handle.db);
    expect((await anonymous().servingOffice.query({ division: xiangyang })).office.code).toBe(zhenxing);
  });
});
