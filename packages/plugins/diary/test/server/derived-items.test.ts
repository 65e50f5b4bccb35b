/**
 * Diary items whose numbers another plugin's records produce (`contributes.derivedDiaryItems`):
 * the catalogue marks them with where their numbers come from, and the diary refuses typed
 * values for them (they would count twice), in the caller's language, writing nothing. Without
 * such a plugin the same item is typed as before (diary.test.ts).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin, defineServerPlugin } from '@sifa/core';
import { createDiaryPlugin } from '../../src/server/index.js';
import { sifaErrorOf, startTestServer, type TestServer } from '@sifa/server/testing';
import type { AppRouterOf } from '@sifa/server';

/** A plugin whose case files produce the mediation item's numbers (only its manifest matters here). */
const caseFiles = defineServerPlugin(
  definePlugin({
    id: 'case-files',
    version: '1.0.0',
    core: '^0.1.0',
    title: { zh: '案卷测试', en: 'Case files (test)' },
    dependsOn: ['diary'],
    contributes: { derivedDiaryItems: [{ item: 'diary.mediation', from: { zh: '来自调解案卷', en: 'From mediation case files' } }] },
  }),
  {},
);

const plugins = [createDiaryPlugin(), caseFiles] as const;
let t: TestServer<AppRouterOf<typeof plugins>>;
const clock = new Date('2026-03-10T02:00:00Z');

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock });
});
afterAll(() => t?.close());

const fields = { disputeType: 'neighbourhood', caseSource: 'application', cases: 1, agreements: 1, parties: 2, summary: '邻里纠纷' };

describe('derived diary items', () => {
  it('are marked in the catalogue with the plugin and the words the diary shows; other items are not', async () => {
    const catalog = await (await t.client('xitun')).diary.catalog.query();
    const mediation = catalog.items.find((i) => i.code === 'diary.mediation')!;
    expect(mediation.derived).toEqual({ plugin: 'case-files', from: { zh: '来自调解案卷', en: 'From mediation case files' } });
    expect(catalog.items.filter((i) => i.derived).map((i) => i.code)).toEqual(['diary.mediation']);
  });

  it('refuse typed values in the caller\'s language, naming where the numbers come from, and write nothing', async () => {
    for (const [locale, text] of [
      ['en', 'From mediation case files'],
      ['zh-CN', '来自调解案卷'],
    ] as const) {
      const client = await t.client('xitun', { locale });
      const { data } = await sifaErrorOf(client.diary.save.mutate({ idempotencyKey: randomUUID(), day: '2026-03-09', itemCode: 'diary.mediation', fields }));
      expect(data.sifaCode).toBe('VALIDATION_FAILED');
      expect(data.issues).toHaveLength(1);
      expect(data.issues[0]!.path).toBe('itemCode');
      expect(data.issues[0]!.message).toContain(text);
    }
    const month = await (await t.client('xitun')).diary.month.query({ month: '2026-03' });
    expect(month.entries).toEqual([]);
    const facts = await (await t.client('xitun')).platform.facts.query.query({ metrics: ['diary.mediation-cases', 'diary.entries'], from: '2026-03-01', to: '2026-03-31' });
    expect(facts.rows.filter((r) => r.value !== 0)).toEqual([]);
  });

  it('leave the other items typed as before', async () => {
    const entry = await (await t.client('xitun')).diary.save.mutate({
      idempotencyKey: randomUUID(),
      day: '2026-03-09',
      itemCode: 'diary.consultation',
      fields: { channel: 'phone', consultations: 2 },
    });
    expect(entry).toMatchObject({ itemCode: 'diary.consultation', fields: { channel: 'phone', consultations: 2 } });
  });
});
