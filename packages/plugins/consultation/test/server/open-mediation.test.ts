/**
 * `consultation.openMediation`: a consultation record opens a people's mediation case with the
 * person carried over (no re-typing), through the engine's `cases.open('mediation.case', …)`
 * without importing the mediation plugin, and records the link on the record (refer → link-mediation).
 * The mediation case type here is a TEST FIXTURE (./fixtures/mediation-case.ts) standing in for
 * the mediation plugin. Without any `mediation.case` installed the procedure answers the typed
 * NOT_FOUND naming the plugin; every refusal writes nothing. On both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPluginError, type CaseFile, type CaseParty } from '@sifa/core';
import { sifaErrorOf, startTestServer, type TestServerOf } from '@sifa/server/testing';
import '../../src/index.js';
import { createConsultationPlugin } from '../../src/server/index.js';
import { createFixtureMediationPlugin } from './fixtures/mediation-case.js';

const clock = { now: new Date('2026-03-20T10:00:00+08:00') };
const plugins = [createConsultationPlugin({ demo: false }), createFixtureMediationPlugin()] as const;
const without = [createConsultationPlugin({ demo: false })] as const;
let t: TestServerOf<typeof plugins>;
let bare: TestServerOf<typeof without>;

beforeAll(async () => {
  [t, bare] = await Promise.all([startTestServer({ plugins, now: () => clock.now }), startTestServer({ plugins: without, now: () => clock.now })]);
});
afterAll(async () => {
  await Promise.all([t?.close(), bare?.close()]);
});

const person: CaseParty = { role: 'consultant', name: '李某某', idNumber: '150402197702021236', phone: '13800005678', address: '赤峰市红山区西屯街道东山村' };
const respondent: CaseParty = { role: 'respondent', name: '赵某某', phone: '13800008765' };
const mediationFields = { committee: '西屯街道人民调解委员会', disputeType: 'neighbourhood', parties: [respondent] };

async function record(server: typeof t | typeof bare, fields: Record<string, unknown> = {}): Promise<CaseFile> {
  return (await server.client('xitun')).consultation.cases.open.mutate({
    on: '2026-03-09',
    fields: { channel: 'visit', person: [person], question: '邻居盖房挡了我家排水，怎么办？', facts: '邻居翻建房屋，雨水排向咨询人院内。', answer: '建议先行调解。', ...fields },
  });
}

describe('opening a mediation case from a record', () => {
  let consultation: CaseFile;
  let mediation: CaseFile;

  it('carries the person over as a party, the facts as the facts in dispute, and links the case on the record', async () => {
    const before = await record(t);
    const client = await t.client('xitun');
    ({ consultation, mediation } = await client.consultation.openMediation.mutate({ id: before.id, revision: before.revision, on: '2026-03-10', fields: mediationFields }));

    expect(mediation).toMatchObject({ type: 'mediation.case', orgCode: '150402001', state: 'registered', openedOn: '2026-03-10', masked: false });
    expect(mediation.fields.parties).toEqual([{ ...person, role: 'applicant' }, respondent]);
    expect(mediation.fields.facts).toBe('邻居翻建房屋，雨水排向咨询人院内。');
    expect(mediation.fields.committee).toBe('西屯街道人民调解委员会');

    expect(consultation).toMatchObject({ state: 'referred', revision: before.revision + 2 });
    expect(consultation.fields).toMatchObject({ referral: 'mediation', mediationCase: mediation.number });
    expect(consultation.events.map((e) => [e.transition, e.on])).toEqual([
      ['record', '2026-03-09'],
      ['refer', '2026-03-10'],
      ['link-mediation', '2026-03-10'],
    ]);
    expect(consultation.events.at(-1)!.fields).toMatchObject({ mediationCaseId: mediation.id, mediationCase: mediation.number });
  });

  it('finds the new case in the mediation list, and counts the referral and the case opened', async () => {
    const client = await t.client('xitun');
    const list = await client.mediation.cases.list.query({});
    expect(list.rows.map((r) => r.id)).toEqual([mediation.id]);
    const on = async (day: string) => {
      const facts = await client.platform.facts.query.query({ metrics: ['consultation.records', 'consultation.referrals', 'consultation.mediation-opened'], from: day, to: day });
      return Object.fromEntries(facts.rows.map((r) => [r.metric, r.value]));
    };
    // The referral counts on the day the consultation was recorded (a part of the records: the
    // referral rate stays within 100 %); the case opened on its own day.
    expect(await on('2026-03-09')).toEqual({ 'consultation.records': 1, 'consultation.referrals': 1 });
    expect(await on('2026-03-10')).toEqual({ 'consultation.mediation-opened': 1 });
  });

  it('links an already referred record without referring it again', async () => {
    const client = await t.client('xitun');
    let file = await record(t, { channel: 'phone' });
    file = await client.consultation.cases.transition.mutate({ id: file.id, revision: file.revision, transition: 'refer', on: '2026-03-09', fields: { referral: 'legal-aid' } });
    const result = await client.consultation.openMediation.mutate({ id: file.id, fields: mediationFields });
    expect(result.consultation.events.map((e) => e.transition)).toEqual(['record', 'refer', 'link-mediation']);
    expect(result.consultation.fields.referral).toBe('mediation');
  });

  it('refuses a second mediation case for the same record (CONFLICT), writing nothing', async () => {
    const client = await t.client('xitun', { locale: 'zh-CN' });
    const error = await sifaErrorOf(client.consultation.openMediation.mutate({ id: consultation.id, fields: mediationFields }));
    expect(error.data).toMatchObject({ sifaCode: 'CONFLICT', pluginError: 'consultation.mediationAlreadyOpened', details: { id: consultation.id, mediationCase: mediation.number } });
    expect(error.message).toContain(mediation.number);
    expect((await client.mediation.cases.list.query({})).total).toBe(2);
  });
});

describe('refusals write nothing', () => {
  const unchanged = async (server: typeof t, file: CaseFile) => {
    const again = await (await server.client('xitun')).consultation.cases.get.query({ id: file.id });
    expect([again.revision, again.state, again.events.length]).toEqual([file.revision, file.state, file.events.length]);
  };

  it('without a mediation case type: NOT_FOUND naming the plugin, in zh and en', async () => {
    const file = await record(bare);
    const en = await sifaErrorOf((await bare.client('xitun', { locale: 'en' })).consultation.openMediation.mutate({ id: file.id, fields: mediationFields }));
    expect(en.data).toMatchObject({ sifaCode: 'NOT_FOUND', pluginError: 'consultation.mediationNotInstalled', details: { plugin: 'mediation', caseType: 'mediation.case' } });
    expect(en.message).toContain('mediation');
    const zh = await sifaErrorOf((await bare.client('xitun', { locale: 'zh-CN' })).consultation.openMediation.mutate({ id: file.id, fields: mediationFields }));
    expect(zh.message).toContain('人民调解');
    // Typed for clients through the plugin's common entry.
    try {
      await (await bare.client('xitun')).consultation.openMediation.mutate({ id: file.id });
    } catch (error) {
      expect(isPluginError(error, 'consultation.mediationNotInstalled') && error.data.details.plugin).toBe('mediation');
    }
    await unchanged(bare as unknown as typeof t, file);
  });

  it('an anonymous person cannot become a party (BAD_REQUEST), nothing opened or referred', async () => {
    const file = await record(t, { person: [{ role: 'consultant', name: null }] });
    const error = await sifaErrorOf((await t.client('xitun', { locale: 'zh-CN' })).consultation.openMediation.mutate({ id: file.id, fields: mediationFields }));
    expect(error.data).toMatchObject({ sifaCode: 'BAD_REQUEST', pluginError: 'consultation.personMissing', details: { reason: 'anonymous' } });
    expect(error.message).toContain('姓名');
    await unchanged(t, file);
    const none = await record(t, { person: [] });
    expect((await sifaErrorOf((await t.client('xitun')).consultation.openMediation.mutate({ id: none.id, fields: mediationFields }))).data.details).toMatchObject({ reason: 'none' });
  });

  it('a mediation field missing: VALIDATION_FAILED from the engine; the referral made first is rolled back', async () => {
    const file = await record(t);
    const before = (await (await t.client('xitun')).mediation.cases.list.query({})).total;
    const error = await sifaErrorOf((await t.client('xitun')).consultation.openMediation.mutate({ id: file.id, fields: { parties: [respondent] } }));
    expect(error.data.sifaCode).toBe('VALIDATION_FAILED');
    expect(error.data.issues.map((i) => i.path).join(' ')).toMatch(/committee/);
    await unchanged(t, file);
    expect((await (await t.client('xitun')).mediation.cases.list.query({})).total).toBe(before);
  });

  it('a stale revision: CONFLICT with the current one', async () => {
    const file = await record(t);
    const error = await sifaErrorOf((await t.client('xitun')).consultation.openMediation.mutate({ id: file.id, revision: file.revision + 5, fields: mediationFields }));
    expect(error.data).toMatchObject({ sifaCode: 'CONFLICT', pluginError: 'case.revision-conflict', details: { caseId: file.id, revision: file.revision + 5, currentRevision: file.revision } });
    await unchanged(t, file);
  });

  it('the county sees the record masked: it cannot carry the person (FORBIDDEN)', async () => {
    const file = await record(t);
    const error = await sifaErrorOf((await t.client('hongshan')).consultation.openMediation.mutate({ id: file.id, fields: mediationFields }));
    expect(error.data).toMatchObject({ sifaCode: 'FORBIDDEN', pluginError: 'consultation.notOwnRecord', details: { orgCode: '150402001' } });
    await unchanged(t, file);
  });

  it('another office’s record: NOT_FOUND (never its existence), another county’s too', async () => {
    const file = await record(t);
    for (const user of ['sanzhongjie', 'zhenxing', 'songshan'] as const) {
      const error = await sifaErrorOf((await t.client(user)).consultation.openMediation.mutate({ id: file.id, fields: mediationFields }));
      expect(['NOT_FOUND', 'OUT_OF_SCOPE']).toContain(error.data.sifaCode);
    }
    await unchanged(t, file);
  });

  it('a closed record cannot open one (the engine names the state and the allowed steps)', async () => {
    const client = await t.client('xitun', { locale: 'en' });
    let file = await record(t);
    file = await client.consultation.cases.transition.mutate({ id: file.id, revision: file.revision, transition: 'close', fields: { answer: '建议先行调解。' } });
    const error = await sifaErrorOf(client.consultation.openMediation.mutate({ id: file.id, fields: mediationFields }));
    expect(error.data.sifaCode).toBe('CONFLICT');
    expect(error.data.details).toMatchObject({ state: 'closed', transition: 'refer' });
    await unchanged(t, file);
  });
});
