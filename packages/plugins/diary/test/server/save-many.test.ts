/**
 * `diary.saveMany` over HTTP on both engines: an outbox's queue in one request, each entry with
 * `diary.save`'s checks and idempotency in a savepoint of its own, refusals per entry in the
 * caller's language, and nothing left behind by a refused entry.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createDiaryPlugin } from '../../src/server/index.js';
import { diarySaveManyMax, type DiaryApi, type DiarySaveManyOutput } from '../../src/index.js';
import { sifaErrorOf, startTestServer, type TestServer } from '@sifa/server/testing';
import type { AppRouterOf } from '@sifa/server';

const plugins = [createDiaryPlugin()] as const;
const clock = new Date('2026-03-10T04:00:00Z');
let t: TestServer<AppRouterOf<typeof plugins>>;

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock });
});
afterAll(() => t?.close());

const mediation = (cases: number, agreements = cases) => ({ disputeType: 'neighbourhood', caseSource: 'application', cases, agreements, parties: cases * 2, summary: '邻里纠纷' });
const duty = (minutes: number) => ({ dutyMinutes: minutes, visitors: 1 });

describe('diary.saveMany', () => {
  it('saves the good entries and refuses the bad ones, each with the answer diary.save would give', async () => {
    const xitun = await t.client('xitun', { locale: 'en' });
    const earlier = await xitun.diary.save.mutate({ idempotencyKey: randomUUID(), day: '2026-03-01', itemCode: 'diary.station-duty', fields: duty(30) });
    const reused = await xitun.diary.save.mutate({ idempotencyKey: randomUUID(), day: '2026-03-01', itemCode: 'diary.station-duty', fields: duty(45) });
    const good1 = { idempotencyKey: randomUUID(), day: '2026-03-02', itemCode: 'diary.mediation', fields: mediation(2) };
    const ruleBroken = { idempotencyKey: randomUUID(), day: '2026-03-02', itemCode: 'diary.mediation', fields: mediation(1, 3) };
    const good2 = { idempotencyKey: randomUUID(), day: '2026-03-03', itemCode: 'diary.station-duty', fields: duty(120) };
    const replay = { idempotencyKey: earlier.idempotencyKey, day: '2026-03-01', itemCode: 'diary.station-duty', fields: duty(30) };
    const keyReused = { idempotencyKey: reused.idempotencyKey, day: '2026-03-01', itemCode: 'diary.station-duty', fields: duty(99) };
    const future = { idempotencyKey: randomUUID(), day: '2026-03-20', itemCode: 'diary.station-duty', fields: duty(10) };

    const { results } = await xitun.diary.saveMany.mutate({ entries: [good1, ruleBroken, good2, replay, keyReused, future] });
    expect(results.map((r) => [r.idempotencyKey, r.ok])).toEqual([
      [good1.idempotencyKey, true],
      [ruleBroken.idempotencyKey, false],
      [good2.idempotencyKey, true],
      [replay.idempotencyKey, true],
      [keyReused.idempotencyKey, false],
      [future.idempotencyKey, false],
    ]);
    const refusal = (i: number) => {
      const r = results[i]!;
      if (r.ok) throw new Error(`entry ${i} was saved`);
      return r.error;
    };
    expect(refusal(1)).toMatchObject({ sifaCode: 'VALIDATION_FAILED', pluginError: 'diary.ruleBroken', details: { field: 'agreements', other: 'cases' } });
    expect(refusal(1).issues[0]).toMatchObject({ path: 'agreements' });
    expect(refusal(1).issues[0]!.message).toMatch(/[a-z]/);
    expect(refusal(4)).toMatchObject({ sifaCode: 'CONFLICT', details: { idempotencyKey: reused.idempotencyKey } });
    expect(refusal(5)).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'day', message: expect.stringContaining('future') }] });
    // The replay answers the stored entry, unchanged.
    const replayed = results[3]!;
    expect(replayed.ok && replayed.entry.id).toBe(earlier.id);

    // Exactly the good ones are stored, and only their facts counted.
    const month = await xitun.diary.month.query({ month: '2026-03' });
    const keys = new Set(month.entries.map((e) => e.idempotencyKey));
    expect([good1, good2, ruleBroken, future].map((e) => keys.has(e.idempotencyKey))).toEqual([true, true, false, false]);
    const facts = await xitun.platform.facts.query.query({ metrics: ['diary.mediation-cases', 'diary.station-duty-minutes'], from: '2026-03-02', to: '2026-03-03' });
    expect(facts.rows).toEqual([
      { key: '', metric: 'diary.mediation-cases', value: 2 },
      { key: '', metric: 'diary.station-duty-minutes', value: 120 },
    ]);
  });

  it('answers the same entries when the whole batch is sent again (its answer was lost)', async () => {
    const xitun = await t.client('xitun');
    const entries = Array.from({ length: 5 }, (_, i) => ({ idempotencyKey: randomUUID(), day: '2026-03-04', itemCode: 'diary.station-duty', fields: duty(10 + i) }));
    const first = await xitun.diary.saveMany.mutate({ entries });
    const again = await xitun.diary.saveMany.mutate({ entries });
    expect(again).toEqual(first);
    expect(first.results.every((r) => r.ok)).toBe(true);
    const month = await xitun.diary.month.query({ month: '2026-03' });
    expect(month.entries.filter((e) => e.day === '2026-03-04')).toHaveLength(5);
    const facts = await xitun.platform.facts.query.query({ metrics: ['diary.station-duty-minutes'], from: '2026-03-04', to: '2026-03-04' });
    expect(facts.rows).toEqual([{ key: '', metric: 'diary.station-duty-minutes', value: 10 + 11 + 12 + 13 + 14 }]);
  });

  it('takes at most the documented number of entries, and writers only', async () => {
    const xitun = await t.client('xitun');
    const entry = () => ({ idempotencyKey: randomUUID(), day: '2026-03-05', itemCode: 'diary.station-duty', fields: duty(5) });
    const tooMany = await sifaErrorOf(xitun.diary.saveMany.mutate({ entries: Array.from({ length: diarySaveManyMax + 1 }, entry) }));
    expect(tooMany.data.sifaCode).toBe('VALIDATION_FAILED');
    expect((await sifaErrorOf(xitun.diary.saveMany.mutate({ entries: [] }))).data.sifaCode).toBe('VALIDATION_FAILED');
    const county = await sifaErrorOf((await t.client('hongshan')).diary.saveMany.mutate({ entries: [entry()] }));
    expect(county.data).toMatchObject({ sifaCode: 'FORBIDDEN', details: { permission: 'diary.write' } });
    // A full batch goes through in one request.
    const full = await xitun.diary.saveMany.mutate({ entries: Array.from({ length: diarySaveManyMax }, entry) });
    expect(full.results.filter((r) => r.ok)).toHaveLength(diarySaveManyMax);
  });

  it('is typed for clients from the router', () => {
    expectTypeOf<DiaryApi['diary.saveMany']['output']>().toEqualTypeOf<DiarySaveManyOutput>();
  });
});
