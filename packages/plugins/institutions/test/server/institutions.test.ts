/**
 * The institutions plugin end to end over HTTP, on both engines: the contract, public reads
 * through a publishable key, scoped edits, validation in two languages, CSV and GeoJSON import
 * (problems per row and field, dry run, re-import by id and external id) and the GeoJSON export
 * that imports back losslessly.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { AppRouterOf } from '@sifa/server';
import { createInstitutionsPlugin, defaultInstitutionTypes } from '../../src/server/index.js';
import type { ImportReport, Institution, InstitutionCatalog, InstitutionFeatureCollection, InstitutionsApi } from '../../src/index.js';
import { sifaErrorOf, startTestServer, type TestServer } from '@sifa/server/testing';

const plugins = [createInstitutionsPlugin()] as const;
type Plugins = typeof plugins;
let t: TestServer<AppRouterOf<Plugins>>;

beforeAll(async () => {
  t = await startTestServer({ plugins });
});
afterAll(() => t?.close());

/** A valid create input (fictitious phone numbers: subscriber numbers never start with 1). */
const office = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'judicial-office',
  name: { zh: name },
  address: { zh: `${name}地址` },
  phone: '0476-1000001',
  hours: [{ days: [1, 2, 3, 4, 5], opens: '08:30', closes: '17:30' }],
  services: ['mediation'],
  position: [118.95, 42.28] as [number, number],
  ...extra,
});

const withoutTime = ({ updatedAt: _u, ...rest }: Institution) => rest;

describe('contract', () => {
  it('sends the very types the map renders (nothing turns into a string on the wire)', () => {
    // InstitutionsApi is inferred from the router with the wire's serialisation: a Date (or any
    // non-JSON value) in a served type would make it differ from the declared domain type.
    expectTypeOf<InstitutionsApi['institutions.catalog']['output']>().toEqualTypeOf<InstitutionCatalog>();
    expectTypeOf<InstitutionsApi['institutions.list']['output']>().toEqualTypeOf<Institution[]>();
    expectTypeOf<InstitutionsApi['institutions.get']['output']>().toEqualTypeOf<Institution>();
    expectTypeOf<InstitutionsApi['institutions.exportGeoJson']['output']>().toEqualTypeOf<InstitutionFeatureCollection>();
    expectTypeOf<InstitutionsApi['institutions.create']['output']>().toEqualTypeOf<Institution>();
    expectTypeOf<InstitutionsApi['institutions.import']['output']>().toEqualTypeOf<ImportReport>();
  });

  it('serves the configured catalogue publicly', async () => {
    const catalog = await t.publicClient(await t.publishableKey('150402')).institutions.catalog.query();
    expect(catalog.types.map((x) => x.code)).toEqual(defaultInstitutionTypes.map((x) => x.code));
    expect(catalog.types.find((x) => x.code === 'judicial-office')).toMatchObject({ title: { zh: '司法所', en: 'Judicial office' }, color: expect.stringMatching(/^#/) });
    // Configuration, not org data: a page without a key may read it too.
    expect(await (await t.client()).institutions.catalog.query()).toEqual(catalog);
    expect(catalog.services.map((s) => s.code)).toEqual(expect.arrayContaining(['consultation', 'legal-aid', 'mediation', 'notarisation', 'reconsideration-forwarding', 'community-correction', 'law-education', 'arbitration']));
  });

  it('refuses options with duplicate codes', () => {
    expect(() => createInstitutionsPlugin({ types: [{ code: 'aa', title: { zh: '甲', en: 'A' }, color: '#123' }, { code: 'aa', title: { zh: '乙', en: 'B' }, color: '#456' }] })).toThrow(/unique/);
  });
});

describe('public reads and scoped edits', () => {
  let xitunId: string;
  let sanzhongjieId: string;

  beforeAll(async () => {
    xitunId = (await (await t.client('xitun')).institutions.create.mutate(office('西屯街道司法所', { name: { zh: '西屯街道司法所', en: 'Xitun Judicial Office', mn: 'ᠰᠢ ᠲᠦᠨ' } }))).id;
    sanzhongjieId = (await (await t.client('sanzhongjie')).institutions.create.mutate(office('三中街街道司法所', { services: ['legal-aid', 'consultation'] }))).id;
    await (await t.client('hongshan')).institutions.create.mutate({
      ...office('红山区公共法律服务中心'),
      type: 'legal-service-centre',
      orgCode: '150402',
      address: { zh: '红山区钢铁街', en: 'Gangtie Street, Hongshan' },
      services: ['consultation', 'notarisation'],
    });
    await (await t.client('zhenxing')).institutions.create.mutate(office('振兴街道司法所', { position: [118.9, 42.3] }));
  });

  it("lists exactly the key's subtree, with county code and every field", async () => {
    const hongshan = await t.publicClient(await t.publishableKey('150402')).institutions.list.query({});
    expect(hongshan.map((i) => i.name.zh)).toEqual(['红山区公共法律服务中心', '西屯街道司法所', '三中街街道司法所']);
    expect(hongshan[1]).toMatchObject({
      id: xitunId,
      type: 'judicial-office',
      name: { zh: '西屯街道司法所', en: 'Xitun Judicial Office', mn: 'ᠰᠢ ᠲᠦᠨ' },
      phone: '0476-1000001',
      hours: [{ days: [1, 2, 3, 4, 5], opens: '08:30', closes: '17:30' }],
      hoursNote: null,
      position: [118.95, 42.28],
      positionApproximate: false,
      photos: [],
      tourId: null,
      orgCode: '150402001',
      countyCode: '150402',
    });
    const office = await t.publicClient(await t.publishableKey('150404001')).institutions.list.query({});
    expect(office.map((i) => i.name.zh)).toEqual(['振兴街道司法所']);
    const city = await t.publicClient(await t.publishableKey('1504')).institutions.list.query({ orgCode: '150404' });
    expect(city.map((i) => i.name.zh)).toEqual(['振兴街道司法所']);
    // A key cannot widen itself with orgCode.
    const wider = await sifaErrorOf(t.publicClient(await t.publishableKey('150402')).institutions.list.query({ orgCode: '150404' }));
    expect(wider.data.sifaCode).toBe('OUT_OF_SCOPE');
  });

  it('filters by type and by q over names, addresses and service titles in any language', async () => {
    const pub = t.publicClient(await t.publishableKey('150402'));
    expect((await pub.institutions.list.query({ types: ['legal-service-centre'] })).map((i) => i.name.zh)).toEqual(['红山区公共法律服务中心']);
    expect((await pub.institutions.list.query({ types: ['law-firm'] }))).toEqual([]);
    expect((await pub.institutions.list.query({ q: 'XITUN' })).map((i) => i.id)).toEqual([xitunId]);
    expect((await pub.institutions.list.query({ q: 'ᠲᠦᠨ' })).map((i) => i.id)).toEqual([xitunId]);
    expect((await pub.institutions.list.query({ q: 'gangtie street' })).map((i) => i.name.zh)).toEqual(['红山区公共法律服务中心']);
    expect((await pub.institutions.list.query({ q: '三中街' })).map((i) => i.id)).toEqual([sanzhongjieId]);
    // Service titles: "Legal aid" (en) and "公证" (zh).
    expect((await pub.institutions.list.query({ q: 'legal AID' })).map((i) => i.id)).toEqual([sanzhongjieId]);
    expect((await pub.institutions.list.query({ q: '公证' })).map((i) => i.name.zh)).toEqual(['红山区公共法律服务中心']);
    expect((await pub.institutions.list.query({ q: '司法所', types: ['judicial-office'] })).map((i) => i.id)).toEqual([xitunId, sanzhongjieId]);
    expect(await pub.institutions.list.query({ q: '%' })).toEqual([]);
  });

  it('gets one institution by id within the scope only', async () => {
    expect((await t.publicClient(await t.publishableKey('150402')).institutions.get.query({ id: xitunId })).name.zh).toBe('西屯街道司法所');
    const hidden = await sifaErrorOf(t.publicClient(await t.publishableKey('150404')).institutions.get.query({ id: xitunId }));
    expect(hidden.data.sifaCode).toBe('NOT_FOUND');
  });

  it('refuses anonymous reads without a key', async () => {
    const err = await sifaErrorOf((await t.client()).institutions.list.query({}));
    expect(err.data.sifaCode).toBe('UNAUTHENTICATED');
    expect(err.message).toContain('data-sifa-key');
  });

  it("lets office staff edit their own office's entries only; nothing else is written", async () => {
    const xitun = await t.client('xitun');
    const renamed = await xitun.institutions.update.mutate({ ...office('西屯街道司法所（新址）'), id: xitunId });
    expect(renamed.name.zh).toBe('西屯街道司法所（新址）');
    const update = await sifaErrorOf(xitun.institutions.update.mutate({ ...office('改名'), id: sanzhongjieId }));
    expect(update.data.sifaCode).toBe('NOT_FOUND');
    const create = await sifaErrorOf(xitun.institutions.create.mutate({ ...office('越权'), orgCode: '150402002' }));
    expect(create.data.sifaCode).toBe('OUT_OF_SCOPE');
    const move = await sifaErrorOf(xitun.institutions.update.mutate({ ...office('搬走'), id: xitunId, orgCode: '150402002' }));
    expect(move.data.sifaCode).toBe('OUT_OF_SCOPE');
    const remove = await sifaErrorOf(xitun.institutions.remove.mutate({ id: sanzhongjieId }));
    expect(remove.data.sifaCode).toBe('NOT_FOUND');
    // Anonymous and key holders cannot write at all.
    expect((await sifaErrorOf((await t.client()).institutions.create.mutate(office('匿名')))).data.sifaCode).toBe('UNAUTHENTICATED');
    const county = await (await t.client('hongshan')).institutions.list.query({});
    expect(county.map((i) => i.name.zh).sort()).toEqual(['三中街街道司法所', '红山区公共法律服务中心', '西屯街道司法所（新址）'].sort());
    // The county admin edits anything in the county, and the edit is audited.
    await (await t.client('hongshan')).institutions.update.mutate({ ...office('三中街街道司法所'), id: sanzhongjieId, phone: '13800000000' });
    const audit = await (await t.client('hongshan')).platform.audit.list.query({ limit: 50 });
    expect(audit.filter((a) => a.entityId === sanzhongjieId).map((a) => a.action).sort()).toEqual(['institutions.create', 'institutions.update']);
  });

  it('refuses an external id another institution has, visible or not, naming the field', async () => {
    await (await t.client('sanzhongjie')).institutions.create.mutate(office('外部编号甲', { externalId: 'ext-a' }));
    const xitun = await t.client('xitun', { locale: 'en' });
    // Taken outside the caller's office (invisible to it): still a field issue, not a server error.
    const hidden = await sifaErrorOf(xitun.institutions.create.mutate(office('外部编号乙', { externalId: 'ext-a' })));
    expect(hidden.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'externalId', message: 'The external id ext-a is already used by another institution.' }] });
    const mine = await xitun.institutions.create.mutate(office('外部编号丙', { externalId: 'ext-c' }));
    const update = await sifaErrorOf(xitun.institutions.update.mutate({ ...office('外部编号丙'), id: mine.id, externalId: 'ext-a' }));
    expect(update.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'externalId' }] });
    expect((await xitun.institutions.get.query({ id: mine.id })).name.zh).toBe('外部编号丙');
    await xitun.institutions.remove.mutate({ id: mine.id });
  });

  it('removes within the scope', async () => {
    const zhenxing = await t.client('zhenxing');
    const id = (await zhenxing.institutions.create.mutate(office('临时'))).id;
    expect(await zhenxing.institutions.remove.mutate({ id })).toEqual({ id });
    expect((await sifaErrorOf(zhenxing.institutions.get.query({ id }))).data.sifaCode).toBe('NOT_FOUND');
  });
});

describe('validation', () => {
  const bad = {
    ...office('坏数据'),
    type: 'castle',
    name: { zh: '  ' },
    phone: '1234567890123',
    position: [2.35, 60] as [number, number],
    hours: [{ days: [1, 8], opens: '8:30', closes: '07:00' }],
    services: ['mediation', 'dragon-taming'],
    photos: [{ url: 'javascript:alert(1)', alt: { zh: '门' } }],
  };
  const byPath = (issues: { path: string; message: string }[]) => Object.fromEntries(issues.map((i) => [i.path, i.message]));

  it('names every bad field, in the caller\'s language, and writes nothing', async () => {
    const en = await sifaErrorOf((await t.client('songshan', { locale: 'en' })).institutions.create.mutate(bad));
    expect(en.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(en.data.httpStatus).toBe(400);
    expect(byPath(en.data.issues)).toEqual({
      type: expect.stringMatching(/^There is no such institution type\. Choose one of: legal-service-centre, .*judicial-office/),
      'name.zh': 'This field is required.',
      phone: expect.stringContaining('mainland China landline or mobile number'),
      'position.0': 'The longitude must be a number within China (73° to 136° E).',
      'position.1': 'The latitude must be a number within China (3° to 54° N).',
      'hours.0.days.1': 'Days are 1 (Monday) to 7 (Sunday), each at most once.',
      'hours.0.opens': 'Write times as HH:MM (24-hour clock), e.g. 08:30.',
      'hours.0.closes': 'The closing time must be after the opening time.',
      'services.1': expect.stringMatching(/^There is no such service\. Choose from: consultation/),
      'photos.0.url': expect.stringContaining('https://'),
    });
    const zh = await sifaErrorOf((await t.client('songshan', { locale: 'zh-CN' })).institutions.create.mutate({ ...office('坏数据'), position: [118.9, 60], hours: [{ days: [1], opens: '09:00', closes: '08:00' }] }));
    expect(byPath(zh.data.issues)).toEqual({ 'position.1': '纬度应为数字，且在中国范围内（北纬 3° 至 54°）。', 'hours.0.closes': '结束时间应晚于开始时间。' });
    const mn = await sifaErrorOf((await t.client('songshan', { locale: 'mn-Mong' })).institutions.create.mutate({ ...office('坏数据'), phone: 'abc' }));
    expect(mn.data.issues).toEqual([{ path: 'phone', message: expect.stringContaining('请填写中国大陆') }]);
    expect(JSON.stringify([en, zh, mn])).not.toMatch(/at .*\.ts|INSERT|institutions_/);
    expect(await (await t.client('songshan')).institutions.list.query({ q: '坏数据' })).toEqual([]);
  });

  it('accepts the usual Chinese phone formats', async () => {
    const songshan = await t.client('songshan');
    for (const phone of ['0476-1000002', '(0476)1000003', '047610000040', '13912345678', '+86 139 1234 5678', '12348', '400-123-4567', '0476-1000005转123']) {
      const created = await songshan.institutions.create.mutate({ ...office(`电话 ${phone}`), phone });
      expect(created.phone).toBe(phone);
      await songshan.institutions.remove.mutate({ id: created.id });
    }
  });
});

const header = 'id,external_id,type,name_zh,name_mn,name_en,address_zh,address_mn,address_en,phone,hours,hours_note_zh,hours_note_mn,hours_note_en,services,lng,lat,position_approximate,photos,tour_id,org_code';

describe('import', () => {
  it('imports the good rows of a CSV and reports every bad row with its row, field and problem', async () => {
    const csv = [
      'external_id,type,name_zh,name_en,address_zh,phone,hours,services,lng,lat,org_code',
      'ssh-1,judicial-office,安庆镇司法所,Anqing,松山区安庆镇,0476-1000101,1-5 08:30-12:00; 1-5 14:30-17:30,mediation;法律咨询,118.70,42.10,150404',
      'ssh-2,律师事务所,甲律师事务所,,松山区,13800000000,,lawyer-services,118.80,42.20,',
      'ssh-3,castle,城堡,,松山区,0476-1000102,,,118.80,42.20,',
      'ssh-4,law-firm,乙律师事务所,,松山区,abc,1-5 8:30-17:30,,200,42.2,',
      'ssh-5,law-firm,,,松山区,,every day,,118.8,,',
      'ssh-6,law-firm,丙律师事务所,,松山区,,,,118.8,42.2,150402',
      'ssh-1,law-firm,重复,,松山区,,,,118.8,42.2,',
    ].join('\n');
    const report = await (await t.client('songshan', { locale: 'en' })).institutions.import.mutate({ format: 'csv', content: csv });
    expect(report).toEqual({
      imported: 2,
      updated: 0,
      skipped: 5,
      problems: [
        { row: 4, field: 'type', problem: expect.stringMatching(/^There is no such institution type/) },
        { row: 5, field: 'phone', problem: expect.stringContaining('mainland China') },
        { row: 5, field: 'lng', problem: 'The longitude must be a number within China (73° to 136° E).' },
        { row: 6, field: 'hours', problem: expect.stringContaining('"1-5 08:30-17:30; 6 09:00-12:00"') },
        { row: 6, field: 'name_zh', problem: 'This field is required.' },
        { row: 6, field: 'lat', problem: 'The latitude must be a number within China (3° to 54° N).' },
        { row: 7, field: 'org_code', problem: 'There is no org with this code in your area.' },
        { row: 8, field: 'external_id', problem: 'The same external id as row 2.' },
      ],
    });
    const list = await (await t.client('songshan')).institutions.list.query({ q: '司法所' });
    const anqing = list.find((i) => i.name.zh === '安庆镇司法所')!;
    expect(anqing).toMatchObject({
      name: { zh: '安庆镇司法所', en: 'Anqing' },
      services: ['mediation', 'consultation'],
      hours: [
        { days: [1, 2, 3, 4, 5], opens: '08:30', closes: '12:00' },
        { days: [1, 2, 3, 4, 5], opens: '14:30', closes: '17:30' },
      ],
      orgCode: '150404',
      position: [118.7, 42.1],
    });
    // Row 3 had no org_code: it belongs to the importer's unit; its type was given by title.
    expect((await (await t.client('songshan')).institutions.list.query({ q: '甲律师' }))[0]).toMatchObject({ type: 'law-firm', orgCode: '150404' });

    // Re-importing the same external id updates instead of adding a duplicate; Chinese problems.
    const again = await (await t.client('songshan', { locale: 'zh-CN' })).institutions.import.mutate({
      format: 'csv',
      content: 'external_id,type,name_zh,address_zh,lng,lat,position_approximate\nssh-1,judicial-office,安庆镇司法所（更新）,松山区安庆镇,118.71,42.11,是\nssh-9,judicial-office,x,y,118.7,42.1,maybe\n',
    });
    expect(again).toEqual({ imported: 0, updated: 1, skipped: 1, problems: [{ row: 3, field: 'position_approximate', problem: '请填写 true/false（或 是/否、1/0）。' }] });
    const updated = await (await t.client('songshan')).institutions.get.query({ id: anqing.id });
    expect(updated).toMatchObject({ name: { zh: '安庆镇司法所（更新）' }, position: [118.71, 42.11], positionApproximate: true, services: [] });
  });

  it('reads quoted fields with commas, quotes, line breaks and a BOM', async () => {
    const csv =
      '\uFEFF' +
      header +
      '\r\n' +
      ',q-1,law-firm,"丁律师事务所, 分所","ᠳᠢᠩ","Ding ""&"" Partners","松山区\n振兴街 1 号",,"No. 1, Zhenxing St",0476-1000201,"1-5 09:00-17:00; 6,7 10:00-12:00","午休 12:00-13:00",,,"lawyer-services;consultation",118.88,42.28,true,"https://example.org/a.jpg|正门, 东侧;/img/b.jpg|大厅",tour-7,150404001\r\n';
    const report = await (await t.client('zhenxing')).institutions.import.mutate({ format: 'csv', content: csv });
    expect(report).toEqual({ imported: 1, updated: 0, skipped: 0, problems: [] });
    const [ding] = await (await t.client('zhenxing')).institutions.list.query({ q: 'partners' });
    expect(ding).toMatchObject({
      name: { zh: '丁律师事务所, 分所', mn: 'ᠳᠢᠩ', en: 'Ding "&" Partners' },
      address: { zh: '松山区\n振兴街 1 号', en: 'No. 1, Zhenxing St' },
      hours: [
        { days: [1, 2, 3, 4, 5], opens: '09:00', closes: '17:00' },
        { days: [6, 7], opens: '10:00', closes: '12:00' },
      ],
      hoursNote: { zh: '午休 12:00-13:00' },
      services: ['lawyer-services', 'consultation'],
      positionApproximate: true,
      photos: [
        { url: 'https://example.org/a.jpg', alt: { zh: '正门, 东侧' } },
        { url: '/img/b.jpg', alt: { zh: '大厅' } },
      ],
      tourId: 'tour-7',
      orgCode: '150404001',
    });
  });

  it('refuses a file that is not CSV or misses required columns, naming the content', async () => {
    const songshan = await t.client('songshan', { locale: 'en' });
    const quotes = await sifaErrorOf(songshan.institutions.import.mutate({ format: 'csv', content: 'type,name_zh,address_zh,lng,lat\nlaw-firm,"unclosed,x,118,42\n' }));
    expect(quotes.data.issues).toEqual([{ path: 'content', message: expect.stringContaining('not valid CSV') }]);
    const columns = await sifaErrorOf(songshan.institutions.import.mutate({ format: 'csv', content: 'name,lng\nx,1\n' }));
    expect(columns.data.issues).toEqual([{ path: 'content', message: 'Required columns are missing: type, name_zh, address_zh, lat. The first row must name the columns.' }]);
    const json = await sifaErrorOf(songshan.institutions.import.mutate({ format: 'geojson', content: '{"type":"Feature"}' }));
    expect(json.data.issues).toEqual([{ path: 'content', message: expect.stringContaining('FeatureCollection') }]);
  });

  it('imports GeoJSON points, reporting bad features by index + 1', async () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [119.0, 42.5] }, properties: { externalId: 'gj-1', type: 'notary-office', name: { zh: '松山区公证处' }, address: { zh: '松山区' }, services: ['notarisation'] } },
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [[119, 42], [119.1, 42.1]] }, properties: { type: 'notary-office', name: { zh: '线' }, address: { zh: '松山区' } } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [119.0, 42.5] }, properties: { type: 'notary-office', name: { zh: '电话错' }, address: { zh: '松山区' }, phone: '110110110110' } },
      ],
    };
    const report = await (await t.client('songshan', { locale: 'en' })).institutions.import.mutate({ format: 'geojson', content: JSON.stringify(collection) });
    expect(report).toMatchObject({ imported: 1, updated: 0, skipped: 2 });
    expect(report.problems).toEqual([
      { row: 2, field: 'geometry', problem: 'Each feature must be a Point ("type": "Point" with [longitude, latitude]).' },
      { row: 2, field: 'geometry.coordinates', problem: expect.stringContaining('longitude') },
      { row: 3, field: 'properties.phone', problem: expect.stringContaining('mainland China') },
    ]);
    expect((await (await t.client('songshan')).institutions.list.query({ types: ['notary-office'] })).map((i) => i.name.zh)).toEqual(['松山区公证处']);
  });

  it('a dry run reports what an import would do and writes nothing', async () => {
    const songshan = await t.client('songshan');
    const before = await songshan.institutions.list.query({});
    const content = `type,name_zh,address_zh,lng,lat,external_id\nlaw-firm,试运行所,松山区,118.9,42.3,dry-1\nlaw-firm,,松山区,118.9,42.3,dry-2\njudicial-office,安庆镇司法所（再次）,松山区,118.7,42.1,ssh-1\n`;
    const report = await songshan.institutions.import.mutate({ format: 'csv', content, dryRun: true });
    expect(report).toMatchObject({ imported: 1, updated: 1, skipped: 1, problems: [{ row: 3, field: 'name_zh' }] });
    expect(await songshan.institutions.list.query({})).toEqual(before);
  });

  it('rolls the whole import back when something unexpected fails, and says nothing of SQL', async () => {
    const songshan = await t.client('songshan');
    const before = (await songshan.institutions.list.query({})).length;
    // The database refuses the last row after 50 good ones (a trigger of this test's own: what
    // input can still make fail is refused before the import runs, e.g. U+0000).
    const db = t.db.handle.db;
    await db.execute(`CREATE FUNCTION test_refuse_institution() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.name->>'zh' = '坏行' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`);
    await db.execute(`CREATE TRIGGER test_refuse_institution BEFORE INSERT ON institutions FOR EACH ROW EXECUTE FUNCTION test_refuse_institution()`);
    try {
      const rows = [...Array.from({ length: 50 }, (_, i) => `law-firm,回滚测试${i},松山区,118.9,42.3`), 'law-firm,坏行,松山区,118.9,42.3'];
      const err = await sifaErrorOf(songshan.institutions.import.mutate({ format: 'csv', content: `type,name_zh,address_zh,lng,lat\n${rows.join('\n')}\n` }));
      expect(err.data.sifaCode).toBe('INTERNAL');
      expect(JSON.stringify(err)).not.toMatch(/insert into|"institutions"|refused by the test|at .*\.ts/i);
      expect((await songshan.institutions.list.query({})).length).toBe(before);
    } finally {
      await db.execute('DROP TRIGGER test_refuse_institution ON institutions');
      await db.execute('DROP FUNCTION test_refuse_institution()');
    }
  });

  it('never writes an institution outside the scope through its id', async () => {
    const [other] = await (await t.client('hongshan')).institutions.list.query({ q: '三中街' });
    const content = `id,type,name_zh,address_zh,lng,lat\n${other!.id},law-firm,抢占,松山区,118.9,42.3\n,law-firm,正常,松山区,118.9,42.3\n`;
    const report = await (await t.client('songshan', { locale: 'en' })).institutions.import.mutate({ format: 'csv', content });
    // The row naming 红山区's institution is a new one of 松山区's, with an id of its own.
    expect(report).toEqual({ imported: 2, updated: 0, skipped: 0, problems: [] });
    expect((await (await t.client('hongshan')).institutions.get.query({ id: other!.id })).name.zh).toBe('三中街街道司法所');
    const [added] = await (await t.client('songshan')).institutions.list.query({ q: '抢占' });
    expect(added!.id).not.toBe(other!.id);

    // Re-importing a visible institution with an external id taken outside the scope keeps it as it was.
    const songshan = await t.client('songshan', { locale: 'en' });
    const [mine] = await songshan.institutions.list.query({ q: '正常' });
    const rename = await songshan.institutions.import.mutate({ format: 'csv', content: `id,external_id,type,name_zh,address_zh,lng,lat\n${mine!.id},ext-a,law-firm,改名,松山区,118.9,42.3\n` });
    expect(rename).toEqual({ imported: 0, updated: 0, skipped: 1, problems: [{ row: 2, field: 'external_id', problem: 'This external id is already used by an institution outside your area.' }] });
    expect(await songshan.institutions.get.query({ id: mine!.id })).toEqual(mine);
  });

  it('answers an id or org outside the caller\'s area exactly as one that does not exist (issue 20)', async () => {
    const [other] = await (await t.client('hongshan')).institutions.list.query({ q: '三中街' });
    const songshan = await t.client('songshan', { locale: 'en' });
    const rowWith = (id: string, orgCode: string) => `id,type,name_zh,address_zh,lng,lat,org_code\n${id},law-firm,探测,松山区,118.9,42.3,${orgCode}\n`;
    const reportOf = (content: string) => songshan.institutions.import.mutate({ format: 'csv', content, dryRun: true });
    // An existing id in 红山区 and a well-formed id that exists nowhere: the same report.
    const taken = await reportOf(rowWith(other!.id, '150404'));
    const unknown = await reportOf(rowWith('00000000-0000-4000-8000-000000000000', '150404'));
    expect(taken).toEqual(unknown);
    expect(taken).toEqual({ imported: 1, updated: 0, skipped: 0, problems: [] });
    // An org of 红山区 (exists, outside 松山区) and a code no org has: the same problem.
    const outside = await reportOf(rowWith('', '150402'));
    const missing = await reportOf(rowWith('', '150499'));
    expect(outside).toEqual(missing);
    expect(outside).toEqual({ imported: 0, updated: 0, skipped: 1, problems: [{ row: 2, field: 'org_code', problem: 'There is no org with this code in your area.' }] });
  });

  it('exports GeoJSON that imports back losslessly', async () => {
    const songshan = await t.client('songshan');
    const pub = t.publicClient(await t.publishableKey('150404'));
    const before = await pub.institutions.list.query({});
    expect(before.length).toBeGreaterThan(4);
    const exported = await pub.institutions.exportGeoJson.query({});
    expect(exported.type).toBe('FeatureCollection');
    expect(exported.features).toHaveLength(before.length);
    expect(exported.features[0]).toMatchObject({ type: 'Feature', id: before[0]!.id, geometry: { type: 'Point', coordinates: before[0]!.position } });

    // Re-importing the export changes nothing.
    const same = await songshan.institutions.import.mutate({ format: 'geojson', content: JSON.stringify(exported) });
    expect(same).toEqual({ imported: 0, updated: before.length, skipped: 0, problems: [] });
    expect((await pub.institutions.list.query({})).map(withoutTime)).toEqual(before.map(withoutTime));

    // After deleting everything, the export restores every institution (with fresh ids: an id that
    // names nothing in the caller's area is not kept, so an import cannot probe other areas' ids).
    for (const i of before) await songshan.institutions.remove.mutate({ id: i.id });
    expect(await pub.institutions.list.query({})).toEqual([]);
    const restored = await songshan.institutions.import.mutate({ format: 'geojson', content: JSON.stringify(exported) });
    expect(restored).toEqual({ imported: before.length, updated: 0, skipped: 0, problems: [] });
    const withoutId = ({ id: _id, ...rest }: ReturnType<typeof withoutTime>) => rest;
    const sorted = (list: ReturnType<typeof withoutTime>[]) => list.map(withoutId).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(sorted((await pub.institutions.list.query({})).map(withoutTime))).toEqual(sorted(before.map(withoutTime)));
  });
});
