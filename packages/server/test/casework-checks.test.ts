/**
 * The engine's checks before a step (`caseChecks`) with the 'blocked' state, on both engines: a
 * blocked check refuses the step in `transition` and `import` (VALIDATION_FAILED at
 * `checks.<code>`, details naming it, the check's suggestion in the message) whatever reason is
 * given, and nothing is written; 'attention' still goes ahead with a reason. The test-only
 * casebook case type gets a check source on its `session` step: over 300 minutes is blocked, over
 * 120 needs attention.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFile, ServerPlugin } from '@sifa/core';
import { sifaErrorOf, startTestServer, type TestServerOf } from '@sifa/server/testing';
import { casebookPlugin } from './fixtures/casebook/plugin.js';

const t = (zh: string, en: string) => ({ zh, en });

const checkedCasebook: typeof casebookPlugin = {
  ...casebookPlugin,
  caseChecks: [
    {
      type: 'casebook.case',
      transitions: ['session'],
      async run(_scoped, input) {
        const minutes = typeof input.step.minutes === 'number' ? input.step.minutes : null;
        const state = minutes === null ? 'unknown' : minutes > 300 ? 'blocked' : minutes > 120 ? 'attention' : 'pass';
        return [
          {
            code: 'session-length',
            state,
            article: '测试规则第三条',
            title: { zh: '调解会时长', en: 'Session length', mn: 'ᠬᠤᠷᠠᠯ' },
            explanation: t(`本次${minutes ?? '?'}分钟。`, `This one took ${minutes ?? '?'} minutes.`),
            ...(state === 'blocked' ? { suggestion: { zh: '一次调解会不得超过300分钟，请分次记录。', en: 'A session may not exceed 300 minutes: record it as several.', mn: 'ᠬᠤᠷᠠᠯ 300' } } : {}),
          },
        ];
      },
    },
  ],
} satisfies ServerPlugin;
const plugins = [checkedCasebook] as const;
const clock = { now: new Date('2026-09-28T02:00:00Z') };
let t0: TestServerOf<typeof plugins>;

beforeAll(async () => {
  t0 = await startTestServer({ plugins, now: () => clock.now });
});
afterAll(() => t0?.close());

const cases = async (locale = 'en') => (await t0.client('xitun', { locale })).casebook.cases;
const opening = { parties: [{ role: 'applicant', name: '张三' }], category: 'neighbour', amount: 0, summary: '测试', contactPhone: '13900001111', source: 'walk-in' };

async function investigating(): Promise<CaseFile> {
  const c = await cases();
  const file = await c.open.mutate({ fields: opening });
  return c.transition.mutate({ id: file.id, revision: file.revision, transition: 'investigate', fields: { note: '走访' } });
}

describe('a blocked check', () => {
  it('is served by cases.checks with its suggestion', async () => {
    const file = await investigating();
    const checks = await (await cases()).checks.query({ id: file.id, transition: 'session', fields: { minutes: 400 } });
    expect(checks).toEqual([expect.objectContaining({ code: 'session-length', state: 'blocked', suggestion: expect.objectContaining({ en: expect.stringContaining('300 minutes') }) })]);
  });

  it('refuses the step even with a reason: VALIDATION_FAILED at checks.<code>, in the caller\'s language, nothing written', async () => {
    const file = await investigating();
    const c = await cases();
    const refused = await sifaErrorOf(c.transition.mutate({ id: file.id, revision: file.revision, transition: 'session', fields: { minutes: 400 }, overrides: { 'session-length': '当事人坚持。' } }));
    expect(refused.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', details: { transition: 'session', blocked: 'session-length' } });
    expect(refused.data.issues).toEqual([{ path: 'checks.session-length', message: 'This check fails: the step cannot be taken (no reason can override it). Fix what it says, then try again.' }]);
    expect(refused.message).toContain('"Session" cannot be taken: "Session length": A session may not exceed 300 minutes');
    const zh = await sifaErrorOf((await cases('zh-CN')).transition.mutate({ id: file.id, revision: file.revision, transition: 'session', fields: { minutes: 400 } }));
    expect(zh.message).toContain('“调解会时长”：一次调解会不得超过300分钟，请分次记录。');
    const mn = await sifaErrorOf((await cases('mn-Mong')).transition.mutate({ id: file.id, revision: file.revision, transition: 'session', fields: { minutes: 400 } }));
    expect(mn.message).toContain('ᠬᠤᠷᠠᠯ: ᠬᠤᠷᠠᠯ 300');
    const after = await c.get.query({ id: file.id });
    expect(after).toMatchObject({ state: 'investigating', revision: file.revision });
    expect(after.events).toHaveLength(2);
  });

  it('leaves attention as it was: a reason lets the step go ahead, recorded with it', async () => {
    const file = await investigating();
    const c = await cases();
    const refused = await sifaErrorOf(c.transition.mutate({ id: file.id, revision: file.revision, transition: 'session', fields: { minutes: 200 } }));
    expect(refused.data.issues).toEqual([{ path: 'overrides.session-length', message: expect.any(String) }]);
    const done = await c.transition.mutate({ id: file.id, revision: file.revision, transition: 'session', fields: { minutes: 200 }, overrides: { 'session-length': '双方同意延长。' } });
    expect(done.events.at(-1)!.checks).toEqual([{ code: 'session-length', state: 'attention', article: '测试规则第三条', title: expect.any(Object), reason: '双方同意延长。' }]);
  });

  it('refuses an imported step the same way, with the path of the step; nothing imported', async () => {
    const c = await cases();
    const before = (await c.list.query({ limit: 200 })).total;
    const refused = await sifaErrorOf(
      c.import.mutate({
        cases: [{ on: '2026-09-28', fields: opening, steps: [{ transition: 'investigate', on: '2026-09-28', fields: { note: 'x' } }, { transition: 'session', on: '2026-09-28', fields: { minutes: 301 }, overrides: { 'session-length': '迁移' } }] }],
      }),
    );
    expect(refused.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'cases.0.steps.1.checks.session-length' }] });
    expect((await c.list.query({ limit: 200 })).total).toBe(before);
  });
});
