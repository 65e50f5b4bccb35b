/**
 * Security regression (issue 20, F5): U+0000 and lone surrogates in an input. PostgreSQL cannot
 * store either; 13 procedures answered 500 INTERNAL to them and the log got the failed SQL with
 * its parameters. Every procedure of the full composed router (the platform's and every plugin
 * the repository's sifa.config.mjs installs, a third party's included) is called over real HTTP
 * with both, in a value, in a field name and as the whole input: each answers VALIDATION_FAILED
 * (400) naming the field, the character and its position, before anything else runs, and nothing
 * is logged as an error. Then the finding's own calls: the anonymous sign-in, the legal map's
 * public list with only a publishable key, and a diary save with a lone surrogate in its text.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerPlugin } from '@sifa/core';
import { rawFetch, startTestServer, testToday, type RawResponse, type TestServer } from '@sifa/server/testing';
import type { AnyRouter } from '@trpc/server';

type ProcedureType = 'query' | 'mutation' | 'subscription';

/** The repository's demo configuration: every workspace plugin, as `npm start` composes them. */
async function repositoryPlugins(): Promise<ServerPlugin[]> {
  const config = new URL('../../../../sifa.config.mjs', import.meta.url).href;
  return ((await import(/* @vite-ignore */ config)) as { default: { plugins: ServerPlugin[] } }).default.plugins;
}

let t: TestServer<AnyRouter>;
let procedures: [path: string, type: ProcedureType][];

beforeAll(async () => {
  t = (await startTestServer({ plugins: await repositoryPlugins() })) as unknown as TestServer<AnyRouter>;
  const record = (t.server.router as unknown as { _def: { procedures: Record<string, { _def: { type: ProcedureType } }> } })._def.procedures;
  procedures = Object.entries(record).map(([path, procedure]) => [path, procedure._def.type]);
}, 120_000);
afterAll(() => t?.close());

/** Calls `path` over HTTP the way its type is called (GET for queries and streams, POST for mutations) with `json` as the input's JSON text. */
async function call(path: string, type: ProcedureType, json: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const common = { 'x-sifa-locale': 'en', ...headers };
  if (type === 'mutation') return rawFetch(`${t.url}/trpc/${path}`, { method: 'POST', headers: { ...common, 'content-type': 'application/json' }, body: json });
  return rawFetch(`${t.url}/trpc/${path}?input=${encodeURIComponent(json)}`, { headers: type === 'subscription' ? { ...common, accept: 'text/event-stream' } : common });
}

/** Log lines at warn or above, or naming SQL, since `from` lines were written. */
function troubleLoggedSince(from: number): string[] {
  return t.logs.slice(from).filter((line) => {
    const level = (JSON.parse(line) as { level?: number }).level ?? 0;
    return level >= 40 || /\b(insert into|select\b.*\bfrom|update \S+ set|delete from)\b/i.test(line) || /"(query|params|parameters)"/.test(line) || line.includes('\\u0000');
  });
}

// Written as JSON text: `\u0000` and `\ud800` are JSON escapes, as an attacker's body carries them.
const payloads = [
  { name: 'U+0000 in a value', json: '{"x":"\\u0000"}', path: 'x', says: 'Character 1 is the NUL character (U+0000)' },
  { name: 'a lone high surrogate in a value', json: '{"x":"ab\\ud800"}', path: 'x', says: 'Character 3 is an unpaired surrogate (U+D800)' },
  { name: 'a lone low surrogate deep in an array', json: '{"a":[{"b":"ok"},{"b":"\\udfff"}]}', path: 'a.1.b', says: 'Character 1 is an unpaired surrogate (U+DFFF)' },
  { name: 'U+0000 in a field name', json: '{"a":{"k\\u0000":1}}', path: 'a.k\uFFFD', says: 'Character 2 of the field name is the NUL character (U+0000)' },
  { name: 'a lone surrogate as the whole input', json: '"\\ud800"', path: '', says: 'Character 1 is an unpaired surrogate (U+D800)' },
] as const;

describe('every procedure of the composed router refuses U+0000 and lone surrogates (VALIDATION_FAILED, never 500)', () => {
  it('composes the platform and every plugin of the repository', () => {
    const plugins = new Set(procedures.map(([path]) => path.split('.')[0]));
    for (const id of ['platform', 'diary', 'institutions', 'tours', 'mediation', 'consultation', 'legality-review', 'applications', 'plans', 'assessment', 'warnings', 'statistics', 'village-advisers']) {
      expect(plugins).toContain(id);
    }
    expect(procedures.length).toBeGreaterThan(100);
    expect(new Set(procedures.map(([, type]) => type))).toEqual(new Set(['query', 'mutation', 'subscription']));
  });

  for (const payload of payloads) {
    it(`${payload.name}: every procedure, signed in as the city and anonymously`, async () => {
      const from = t.logs.length;
      const token = await t.tokenOf('city');
      const wrong: string[] = [];
      for (const [path, type] of procedures) {
        for (const headers of [{ authorization: `Bearer ${token}` }, {}] as Record<string, string>[]) {
          const res = await call(path, type, payload.json, headers);
          const data = res.json?.error?.data as { sifaCode?: string; issues?: { path: string; message: string }[] } | undefined;
          const issue = data?.issues?.[0];
          if (res.status !== 400 || data?.sifaCode !== 'VALIDATION_FAILED' || issue?.path !== payload.path || !issue.message.startsWith(payload.says)) {
            wrong.push(`${type} ${path}${headers.authorization ? '' : ' (anonymous)'}: ${res.status} ${res.text.slice(0, 200)}`);
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(troubleLoggedSince(from)).toEqual([]);
      // Hundreds of requests each: generous for a loaded CI machine.
    }, 240_000);
  }
});

describe("the finding's calls", () => {
  it('platform.auth.login, anonymous: U+0000 in the user name or the password is VALIDATION_FAILED at that field', async () => {
    const from = t.logs.length;
    for (const [body, path] of [
      ['{"username":"t.city\\u0000","password":"x"}', 'username'],
      ['{"username":"t.city","password":"pass\\u0000word"}', 'password'],
      ['{"username":"\\ud800","password":"x"}', 'username'],
    ] as const) {
      const res = await call('platform.auth.login', 'mutation', body, { 'x-sifa-locale': 'zh-CN' });
      expect(res.status).toBe(400);
      expect(res.json.error.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path }] });
      expect(res.json.error.data.issues[0].message).toMatch(/^第 \d+ 个字符是(空字符（U\+0000）|不成对的代理字符（U\+D800）)，不允许使用/);
    }
    expect(troubleLoggedSince(from)).toEqual([]);
  });

  it('institutions.list with only a publishable key: U+0000 in the search is VALIDATION_FAILED at q', async () => {
    const key = await t.publishableKey('1504');
    const from = t.logs.length;
    const res = await call('institutions.list', 'query', '{"q":"法律\\u0000援助"}', { 'x-sifa-key': key });
    expect(res.status).toBe(400);
    expect(res.json.error.data).toMatchObject({ sifaCode: 'VALIDATION_FAILED', issues: [{ path: 'q', message: 'Character 3 is the NUL character (U+0000), which is not allowed. Remove it and submit again.' }] });
    // The same call without the character works: the key is good.
    expect((await call('institutions.list', 'query', '{"q":"法律援助"}', { 'x-sifa-key': key })).status).toBe(200);
    expect(troubleLoggedSince(from)).toEqual([]);
  });

  it('diary.save: a lone surrogate in a text field is VALIDATION_FAILED at that field, and nothing is stored', async () => {
    const token = await t.tokenOf('xitun');
    const entry = (summary: string) => ({ idempotencyKey: randomUUID(), day: testToday(), itemCode: 'diary.resettlement', fields: { contacted: 2, assisted: 1, summary } });
    const from = t.logs.length;
    // JSON.stringify writes a lone surrogate as the escape `\udc00`, as a browser's fetch body would.
    const res = await call('diary.save', 'mutation', JSON.stringify(entry('走访\uDC00记录')), { authorization: `Bearer ${token}` });
    expect(res.status).toBe(400);
    expect(res.json.error.data).toMatchObject({
      sifaCode: 'VALIDATION_FAILED',
      issues: [{ path: 'fields.summary', message: 'Character 3 is an unpaired surrogate (U+DC00), which is not allowed. Remove it and submit again.' }],
    });
    expect(troubleLoggedSince(from)).toEqual([]);
    // The same entry with the text whole (an emoji's surrogate pair included) is saved.
    const saved = await call('diary.save', 'mutation', JSON.stringify(entry('走访😀记录')), { authorization: `Bearer ${token}` });
    expect(saved.status).toBe(200);
    expect(saved.json.result.data.fields.summary).toBe('走访😀记录');
  });
});
