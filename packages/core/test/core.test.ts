/**
 * The isomorphic core: the error model (codes → HTTP statuses, nothing internal leaks), localized
 * validation messages, locale negotiation, org path helpers, the plugin manifest schema and the
 * contract version.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import {
  catalogMessage,
  childCodeUnder,
  codesOfPath,
  coreVersion,
  defaultLocale,
  defineMessages,
  factsQuerySchema,
  fieldIssuesOf,
  isoDaySchema,
  isSifaError,
  isWithinScope,
  msg,
  negotiateLocale,
  orgCodeSchema,
  orgPathOf,
  pickText,
  pluginError,
  pluginManifestSchema,
  SifaError,
  sifaErrorCodes,
  toSifaError,
  databaseConnectionFailure,
  validationMessages,
  type SifaErrorCode,
} from '@sifa/core';

const han = /[\u4e00-\u9fff]/;

describe('error codes', () => {
  // The documented contract: each code answers with exactly this HTTP status.
  const documented: Record<SifaErrorCode, number> = {
    PARSE_ERROR: 400,
    VALIDATION_FAILED: 400,
    BAD_REQUEST: 400,
    UNAUTHENTICATED: 401,
    TOKEN_EXPIRED: 401,
    INVALID_CREDENTIALS: 401,
    FORBIDDEN: 403,
    OUT_OF_SCOPE: 403,
    ORIGIN_NOT_ALLOWED: 403,
    NOT_FOUND: 404,
    PROCEDURE_NOT_FOUND: 404,
    METHOD_NOT_SUPPORTED: 405,
    CONFLICT: 409,
    RETRY_LATER: 409,
    REQUEST_TIMEOUT: 408,
    PAYLOAD_TOO_LARGE: 413,
    UNSUPPORTED_MEDIA_TYPE: 415,
    ACCOUNT_LOCKED: 429,
    RATE_LIMITED: 429,
    CHALLENGE_REQUIRED: 429,
    INTERNAL: 500,
    UNAVAILABLE: 503,
    DATABASE_UNAVAILABLE: 503,
  };

  it('has exactly the documented codes', () => {
    expect(Object.keys(sifaErrorCodes).sort()).toEqual(Object.keys(documented).sort());
  });

  it.each(Object.entries(documented) as [SifaErrorCode, number][])('%s → HTTP %i, the same status tRPC answers with', (code, status) => {
    const error = new SifaError(code);
    expect(error.httpStatus).toBe(status);
    expect(sifaErrorCodes[code].http).toBe(status);
    // The status in the error data and the response's own status never disagree.
    expect(getHTTPStatusCodeFromError(error)).toBe(status);
  });

  it.each(Object.keys(documented) as SifaErrorCode[])('%s tells the user what happened in Chinese and English', (code) => {
    const error = new SifaError(code);
    expect(error.messageFor('zh-CN')).toMatch(han);
    expect(error.messageFor('en')).not.toMatch(han);
    expect(error.message).toBe(error.messageFor('en'));
    // No reviewed Mongolian text: Chinese, the region's other official script.
    expect(error.messageFor('mn-Mong')).toBe(error.messageFor('zh-CN'));
  });

  it('carries a specific message, field issues and safe details', () => {
    const error = new SifaError('CONFLICT', {
      message: { zh: '已存在', en: 'Already exists', mn: 'ᠪᠠᠢᠨ᠎ᠠ' },
      issues: [{ path: 'code', message: 'taken' }],
      details: { code: '150402' },
    });
    expect(error).toBeInstanceOf(TRPCError);
    expect(error.code).toBe('CONFLICT');
    expect(error.sifaCode).toBe('CONFLICT');
    expect(error.name).toBe('SifaError');
    expect(error.messageFor('mn-Mong')).toBe('ᠪᠠᠢᠨ᠎ᠠ');
    expect(error.messageFor('zh-CN')).toBe('已存在');
    expect(error.issues).toEqual([{ path: 'code', message: 'taken' }]);
    expect(error.details).toEqual({ code: '150402' });
  });

  it('recognises a SifaError from another copy of the package by its shape', () => {
    const foreign = Object.assign(new Error('x'), { sifaCode: 'FORBIDDEN', localized: { zh: '禁止', en: 'x' } });
    expect(isSifaError(foreign)).toBe(true);
    expect(isSifaError(new Error('x'))).toBe(false);
    expect(isSifaError({ sifaCode: 'FORBIDDEN', localized: {} })).toBe(false);
  });
});

describe('toSifaError', () => {
  it('turns an unknown error into INTERNAL without leaking its message', () => {
    const original = new Error('relation "secret_table" does not exist at /srv/app/db.ts:42');
    const error = toSifaError(original);
    expect(error.sifaCode).toBe('INTERNAL');
    expect(error.httpStatus).toBe(500);
    for (const locale of ['en', 'zh-CN', 'mn-Mong'] as const) expect(error.messageFor(locale)).not.toMatch(/secret_table|db\.ts/);
    expect(error.message).toBe(sifaErrorCodes.INTERNAL.message.en);
    expect(error.details).toEqual({});
    expect(error.issues).toEqual([]);
    // Kept only for the server log.
    expect(error.cause).toBe(original);
  });

  it.each([['a string', 'password=hunter2'], ['null', null], ['an object', { sql: 'SELECT 1' }], ['undefined', undefined]])(
    'turns %s thrown into INTERNAL',
    (_what, thrown) => {
      const error = toSifaError(thrown);
      expect(error.sifaCode).toBe('INTERNAL');
      expect(error.message).not.toContain('hunter2');
    },
  );

  it('turns a lost or refused database connection into DATABASE_UNAVAILABLE (503, retry after 5 s), through the wrappers', () => {
    const socket = (code: string) => Object.assign(new Error(`write ${code} 127.0.0.1:5432`), { code });
    const wrapped = (cause: unknown) => new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: Object.assign(new Error('Failed query: insert …'), { cause }) });
    for (const code of ['CONNECTION_CLOSED', 'ECONNREFUSED', 'ECONNRESET', 'CONNECT_TIMEOUT', '57P01', '08006']) {
      const error = toSifaError(wrapped(socket(code)));
      expect([code, error.sifaCode, error.httpStatus, error.details]).toEqual([code, 'DATABASE_UNAVAILABLE', 503, { retryAfter: 5 }]);
    }
    expect(databaseConnectionFailure(wrapped(socket('ECONNRESET')))).toBe('ECONNRESET');
    // A query the database refused is not an outage.
    expect(toSifaError(wrapped(socket('23505'))).sifaCode).toBe('INTERNAL');
    expect(databaseConnectionFailure(new Error('no code'))).toBeNull();
  });

  it('returns a SifaError as it is, also when tRPC wrapped it', () => {
    const original = new SifaError('OUT_OF_SCOPE', { details: { orgCode: '150404' } });
    expect(toSifaError(original)).toBe(original);
    expect(toSifaError(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: original }))).toBe(original);
  });

  it('maps tRPC codes to Sifa codes', () => {
    const cases: [TRPCError['code'], SifaErrorCode][] = [
      ['PARSE_ERROR', 'PARSE_ERROR'],
      ['BAD_REQUEST', 'BAD_REQUEST'],
      ['UNAUTHORIZED', 'UNAUTHENTICATED'],
      ['FORBIDDEN', 'FORBIDDEN'],
      ['NOT_FOUND', 'NOT_FOUND'],
      ['METHOD_NOT_SUPPORTED', 'METHOD_NOT_SUPPORTED'],
      ['CONFLICT', 'CONFLICT'],
      ['PAYLOAD_TOO_LARGE', 'PAYLOAD_TOO_LARGE'],
      ['UNSUPPORTED_MEDIA_TYPE', 'UNSUPPORTED_MEDIA_TYPE'],
      ['TOO_MANY_REQUESTS', 'RATE_LIMITED'],
      ['SERVICE_UNAVAILABLE', 'UNAVAILABLE'],
      ['INTERNAL_SERVER_ERROR', 'INTERNAL'],
      ['TIMEOUT', 'INTERNAL'],
    ];
    for (const [trpc, sifa] of cases) {
      const error = toSifaError(new TRPCError({ code: trpc, message: 'internal detail: users.password_hash' }));
      expect(error.sifaCode, trpc).toBe(sifa);
      expect(error.message).not.toContain('password_hash');
    }
  });

  it.each(['No "query"-procedure on path "casework.nope"', 'No procedure found on path "casework.nope"'])('recognises tRPC’s "%s" as PROCEDURE_NOT_FOUND', (message) => {
    expect(toSifaError(new TRPCError({ code: 'NOT_FOUND', message })).sifaCode).toBe('PROCEDURE_NOT_FOUND');
  });

  it('turns a zod failure into VALIDATION_FAILED with localized field issues', () => {
    const zodError = z.object({ orgCode: orgCodeSchema }).safeParse({ orgCode: '1' }).error!;
    const wrapped = new TRPCError({ code: 'BAD_REQUEST', cause: zodError });
    const error = toSifaError(wrapped, (cause) => fieldIssuesOf(cause, 'zh-CN'));
    expect(error.sifaCode).toBe('VALIDATION_FAILED');
    expect(error.issues).toEqual([{ path: 'orgCode', message: validationMessages.orgCode.zh }]);
    // Without a formatter it is a plain BAD_REQUEST.
    expect(toSifaError(wrapped).sifaCode).toBe('BAD_REQUEST');
    // A bare zod error too.
    expect(toSifaError(zodError, (cause) => fieldIssuesOf(cause, 'en')).issues).toEqual([{ path: 'orgCode', message: validationMessages.orgCode.en }]);
  });
});

describe('pluginError', () => {
  const manifest = {
    id: 'casebook',
    errors: { quota: { code: 'CONFLICT', details: z.object({ limit: z.int(), note: z.string().optional() }) } },
  } as const;

  it('is a SifaError with the declared code, the checked details and its full name', () => {
    const error = pluginError(manifest, 'quota', { limit: 3 }, { message: { zh: '超额', en: 'Over' } });
    expect(error).toBeInstanceOf(SifaError);
    expect([error.sifaCode, error.httpStatus, error.pluginError, error.details, error.messageFor('en')]).toEqual(['CONFLICT', 409, 'casebook.quota', { limit: 3 }, 'Over']);
  });

  it('is INTERNAL, with the reason only as cause, for details of the wrong shape or an undeclared name', () => {
    const wrong = pluginError(manifest, 'quota', { limit: 'three' } as never);
    expect([wrong.sifaCode, wrong.pluginError, wrong.details]).toEqual(['INTERNAL', null, {}]);
    expect(String(wrong.cause)).toContain('The details of "casebook.quota" do not match its declared shape: limit:');
    const undeclared = pluginError(manifest, 'nope' as never, {} as never);
    expect(undeclared.sifaCode).toBe('INTERNAL');
    expect(String(undeclared.cause)).toContain('"casebook.nope", which its manifest does not declare');
  });
});

describe('fieldIssuesOf', () => {
  const schema = z.object({
    name: z.string().min(3),
    age: z.number(),
    tags: z.array(z.object({ v: z.string().max(2) })),
    kind: z.enum(['a', 'b']),
    org: orgCodeSchema,
    day: isoDaySchema,
    title: z.string().min(1, 'Title is required'),
  });
  const error = schema.safeParse({ name: 'a', age: 'x', tags: [{ v: 'long' }], kind: 'c', org: '123', day: '2026-13-40', title: '' }).error!;
  const byPath = (locale: 'en' | 'zh-CN' | 'mn-Mong') => Object.fromEntries(fieldIssuesOf(error, locale)!.map((i) => [i.path, i.message]));

  it('gives dotted paths', () => {
    expect(Object.keys(byPath('en'))).toEqual(['name', 'age', 'tags.0.v', 'kind', 'org', 'day', 'title']);
  });

  it('renders built-in zod messages in English and Chinese', () => {
    const en = byPath('en');
    const zh = byPath('zh-CN');
    expect(en.name).toBe('Too small: expected string to have >=3 characters');
    expect(en['tags.0.v']).toBe('Too big: expected string to have <=2 characters');
    for (const path of ['name', 'age', 'tags.0.v', 'kind']) {
      expect(zh[path], path).toMatch(han);
      expect(en[path], path).not.toMatch(han);
    }
    expect(zh.name).toContain('3');
    expect(zh.kind).toContain('"a"|"b"');
  });

  it('does not echo what was received for a wrong type', () => {
    expect(byPath('en').age).toBe('Invalid input: expected number');
    expect(byPath('zh-CN').age).not.toMatch(/接收|string/);
  });

  it('renders catalog keys in the reader’s locale', () => {
    expect(byPath('en').org).toBe(validationMessages.orgCode.en);
    expect(byPath('zh-CN').org).toBe(validationMessages.orgCode.zh);
    expect(byPath('en').day).toBe(validationMessages.isoDay.en);
    expect(byPath('zh-CN').day).toBe(validationMessages.isoDay.zh);
    // Core's catalog has (draft) Mongolian for every key: mn-Mong readers get it, not the Chinese.
    expect(byPath('mn-Mong').org).toBe(validationMessages.orgCode.mn);
    expect(byPath('mn-Mong').day).toBe(validationMessages.isoDay.mn);
    for (const message of Object.values(byPath('zh-CN'))) expect(message).not.toContain('§');
  });

  it('keeps a schema’s own sentence as written', () => {
    expect(byPath('en').title).toBe('Title is required');
    expect(byPath('zh-CN').title).toBe('Title is required');
  });

  it('renders refinements with catalog keys on their path', () => {
    const refined = factsQuerySchema.safeParse({ metrics: ['a.b'], from: '2026-05-01', to: '2026-04-01' }).error!;
    expect(fieldIssuesOf(refined, 'zh-CN')).toEqual([{ path: 'to', message: validationMessages.fromAfterTo.zh }]);
  });

  it('gives null for what is not a zod error', () => {
    expect(fieldIssuesOf(new Error('x'), 'en')).toBeNull();
    expect(fieldIssuesOf({ issues: [] }, 'en')).toBeNull();
    expect(fieldIssuesOf(undefined, 'en')).toBeNull();
  });

  it('has a catalog entry in Chinese and English behind every key', () => {
    for (const key of Object.keys(validationMessages) as (keyof typeof validationMessages)[]) {
      const text = catalogMessage(msg(key))!;
      expect(text.zh, key).toMatch(han);
      expect(text.en, key).not.toMatch(han);
    }
    expect(catalogMessage('plain sentence')).toBeNull();
    expect(catalogMessage('§noSuchKey')).toBeNull();
  });

  it("renders a plugin's own catalog (defineMessages) in the reader's language, Mongolian falling back to Chinese", () => {
    const pmsg = defineMessages('fixture-plugin', {
      plate: { zh: '请填写车牌号，例如 蒙D12345。', en: 'Enter a number plate, e.g. 蒙D12345.' },
      seats: { zh: '座位数为 1 至 60。', en: 'Seats are 1 to 60.', mn: 'ᠰᠠᠭᠤᠳᠠᠯ 1-60' },
    });
    const schema = z.object({ plate: z.string().regex(/^\p{Script=Han}[A-Z]\d{5}$/u, pmsg('plate')), seats: z.number().max(60, pmsg('seats')) });
    const error = schema.safeParse({ plate: 'x', seats: 99 }).error!;
    expect(fieldIssuesOf(error, 'en')).toEqual([
      { path: 'plate', message: 'Enter a number plate, e.g. 蒙D12345.' },
      { path: 'seats', message: 'Seats are 1 to 60.' },
    ]);
    expect(fieldIssuesOf(error, 'mn-Mong')!.map((i) => i.message)).toEqual(['请填写车牌号，例如 蒙D12345。', 'ᠰᠠᠭᠤᠳᠠᠯ 1-60']);
    // Another namespace's key, or an unknown one, is not a catalog message.
    expect(catalogMessage('§other-plugin:plate')).toBeNull();
    expect(catalogMessage('§fixture-plugin:nope')).toBeNull();
  });
});

describe('locales', () => {
  it.each([
    [undefined, 'zh-CN'],
    [null, 'zh-CN'],
    ['', 'zh-CN'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['EN-gb', 'en'],
    ['zh-TW,zh;q=0.9', 'zh-CN'],
    ['mn', 'mn-Mong'],
    ['mn-Mong-CN', 'mn-Mong'],
    ['fr-FR,fr;q=0.9,en;q=0.8', 'en'],
    ['fr-FR,de', 'zh-CN'],
    ['*', 'zh-CN'],
  ] as const)('negotiates %j → %s', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });

  it('defaults to zh-CN and falls back from Mongolian to Chinese', () => {
    expect(defaultLocale).toBe('zh-CN');
    expect(pickText({ zh: '中', en: 'en' }, 'mn-Mong')).toBe('中');
    expect(pickText({ zh: '中', en: 'en', mn: 'ᠮᠣ' }, 'mn-Mong')).toBe('ᠮᠣ');
  });
});

describe('org paths', () => {
  it('builds and splits paths', () => {
    expect(orgPathOf(['15', '1504', '150402'])).toBe('/15/1504/150402/');
    expect(codesOfPath('/15/1504/150402/')).toEqual(['15', '1504', '150402']);
    expect(codesOfPath(orgPathOf(['15']))).toEqual(['15']);
  });

  it('isWithinScope: the scope itself and below, nothing beside or above', () => {
    const county = '/15/1504/150402/';
    expect(isWithinScope(county, county)).toBe(true);
    expect(isWithinScope('/15/1504/150402/150402001/', county)).toBe(true);
    expect(isWithinScope('/15/1504/150404/', county)).toBe(false);
    expect(isWithinScope('/15/1504/', county)).toBe(false);
    // A code that merely starts with the same digits is not inside.
    expect(isWithinScope('/15/1504/1504021/', county)).toBe(false);
    expect(isWithinScope('/15/15041/', '/15/1504/')).toBe(false);
  });

  it('childCodeUnder: the direct child a path lies under', () => {
    const city = '/15/1504/';
    expect(childCodeUnder('/15/1504/150402/', city)).toBe('150402');
    expect(childCodeUnder('/15/1504/150402/150402001/', city)).toBe('150402');
    expect(childCodeUnder(city, city)).toBeNull();
    expect(childCodeUnder('/15/1505/150502/', city)).toBeNull();
    expect(childCodeUnder('/15/', city)).toBeNull();
  });

  it('accepts official division codes only', () => {
    for (const code of ['15', '1504', '150402', '150402001', '150402001001']) expect(orgCodeSchema.safeParse(code).success, code).toBe(true);
    for (const code of ['1', '150', '15040', '1504020010', 'abcd', '']) expect(orgCodeSchema.safeParse(code).success, code).toBe(false);
  });
});

describe('pluginManifestSchema', () => {
  const minimal = { id: 'mediation', version: '1.2.0', core: '^0.1.0', title: { zh: '人民调解', en: 'Mediation' } };

  it('fills defaults', () => {
    expect(pluginManifestSchema.parse(minimal)).toEqual({
      ...minimal,
      dependsOn: [],
      permissions: [],
      errors: {},
      contributes: { metrics: [], diaryItems: [], documentTemplates: [], entryPoints: [], entryPointGroups: [], caseTypes: [], derivedDiaryItems: [] },
    });
  });

  it('fills defaults inside contributions', () => {
    const parsed = pluginManifestSchema.parse({
      ...minimal,
      permissions: [{ name: 'mediation.write', title: { zh: '登记', en: 'Write' } }],
      contributes: {
        metrics: [{ code: 'mediation.cases', title: { zh: '案件', en: 'Cases' }, unit: { zh: '件', en: 'cases' } }],
        diaryItems: [{ code: 'mediation.visit', title: { zh: '走访', en: 'Visit' }, part: 'daily', fields: { people: { kind: 'count', title: { zh: '人数', en: 'People' } } } }],
      },
    });
    expect(parsed.permissions[0]!.roles).toEqual([]);
    expect(parsed.contributes.metrics[0]!.aggregation).toBe('sum');
    expect(parsed.contributes.diaryItems[0]!.fields.people).toMatchObject({ required: true, max: 10_000 });
    expect(parsed.contributes.documentTemplates).toEqual([]);
  });

  it('rejects bad fields with their paths and catalog keys', () => {
    const result = pluginManifestSchema.safeParse({ ...minimal, id: 'Mediation!', version: 'v1', dependsOn: ['X'], title: { zh: '', en: 'x' } });
    const issues = fieldIssuesOf(result.error, 'en')!;
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'id', message: validationMessages.pluginId.en },
        { path: 'version', message: validationMessages.semver.en },
        { path: 'dependsOn.0', message: validationMessages.pluginId.en },
        expect.objectContaining({ path: 'title.zh' }),
      ]),
    );
  });

  it('requires every contribution and permission to carry the plugin id', () => {
    const result = pluginManifestSchema.safeParse({
      ...minimal,
      permissions: [{ name: 'diary.write', title: { zh: '写', en: 'Write' } }],
      contributes: { documentTemplates: [{ code: 'other.notice', title: { zh: '通知', en: 'Notice' } }] },
    });
    expect(fieldIssuesOf(result.error, 'en')).toEqual([
      { path: 'permissions.0.name', message: '"diary.write" must start with "mediation."' },
      { path: 'contributes.documentTemplates.0.code', message: '"other.notice" must start with "mediation."' },
    ]);
  });

  it('rejects an unknown role and a part outside the assessment standard', () => {
    const result = pluginManifestSchema.safeParse({
      ...minimal,
      permissions: [{ name: 'mediation.read', title: { zh: '读', en: 'Read' }, roles: ['root'] }],
      contributes: { diaryItems: [{ code: 'mediation.visit', title: { zh: '走访', en: 'Visit' }, part: 'bonus', fields: { n: { kind: 'count', title: { zh: '数', en: 'n' } } } }] },
    });
    expect(fieldIssuesOf(result.error, 'en')!.map((i) => i.path)).toEqual(['permissions.0.roles.0', 'contributes.diaryItems.0.part']);
  });
});

describe('coreVersion', () => {
  it('equals the version in @sifa/core’s package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    expect(pkg.name).toBe('@sifa/core');
    expect(coreVersion).toBe(pkg.version);
    expect(coreVersion).toMatch(/^\d+\.\d+\.\d+/);
  });
});
