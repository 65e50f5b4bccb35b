/**
 * Core's validation message catalog (messages.ts) in Mongolian: every key has a (draft) text in
 * traditional script, marked as a draft in the source, and a reader whose locale is mn-Mong gets
 * it (not the Chinese) through the error paths: `fieldIssuesOf` and the tRPC error formatter.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import {
  catalogMessage,
  createRouter,
  factsQuerySchema,
  fieldIssuesOf,
  isoDaySchema,
  msg,
  orgCodeSchema,
  pickText,
  publicProcedure,
  SifaError,
  validationMessages,
  type SifaContext,
  type SifaErrorData,
  type ValidationMessageKey,
} from '@sifa/core';

const mongolian = /[\u1800-\u18af]/u;
const han = /\p{Script=Han}/u;
const keys = Object.keys(validationMessages) as ValidationMessageKey[];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('Mongolian validation messages', () => {
  it('has a Mongolian text, without Han characters, for every key', () => {
    expect(keys.length).toBeGreaterThanOrEqual(58);
    for (const key of keys) {
      const text: { zh: string; en: string; mn?: string } = validationMessages[key];
      expect(text.mn, key).toMatch(mongolian);
      expect(text.mn, key).not.toMatch(han);
      expect(text.mn, key).not.toBe(text.zh);
      // Whatever the Chinese and English interpolate, the Mongolian does too.
      expect(placeholders(text.mn!), key).toEqual(placeholders(text.zh));
      expect(placeholders(text.mn!), key).toEqual(placeholders(text.en));
      expect(pickText(catalogMessage(msg(key))!, 'mn-Mong'), key).toBe(text.mn);
    }
  });

  it('marks every Mongolian text as a draft in the source, as the diary catalogue does', () => {
    const source = readFileSync(new URL('../src/messages.ts', import.meta.url), 'utf8');
    expect(source).toMatch(/MONGOLIAN: every `mn` text below is a DRAFT/);
    const lines = source.split('\n');
    const mnLines = lines.flatMap((line, i) => (/^\s+mn: '/.test(line) ? [i] : []));
    expect(mnLines).toHaveLength(keys.length);
    for (const i of mnLines) expect(lines[i - 1], lines[i]).toMatch(/^\s+\/\/ mn draft: \S/);
  });

  it('renders zod issues for locale mn-Mong in Mongolian', () => {
    const schema = z.object({ org: orgCodeSchema, day: isoDaySchema });
    const error = schema.safeParse({ org: '123', day: '2026-13-40' }).error!;
    expect(fieldIssuesOf(error, 'mn-Mong')).toEqual([
      { path: 'org', message: validationMessages.orgCode.mn },
      { path: 'day', message: validationMessages.isoDay.mn },
    ]);
    const refined = factsQuerySchema.safeParse({ metrics: ['a.b'], from: '2026-05-01', to: '2026-04-01' }).error!;
    expect(fieldIssuesOf(refined, 'mn-Mong')).toEqual([{ path: 'to', message: validationMessages.fromAfterTo.mn }]);
    // The other locales are unchanged.
    expect(fieldIssuesOf(error, 'zh-CN')![0]!.message).toBe(validationMessages.orgCode.zh);
    expect(fieldIssuesOf(error, 'en')![0]!.message).toBe(validationMessages.orgCode.en);
  });

  it('gives a procedure caller with locale mn-Mong the Mongolian issues (the tRPC error formatter)', async () => {
    const router = createRouter({
      check: publicProcedure.input(z.object({ org: orgCodeSchema })).query(() => 'ok'),
      // A service that names catalog keys itself (like the casework engine) gets them rendered too.
      named: publicProcedure.query(() => {
        throw new SifaError('VALIDATION_FAILED', { issues: [{ path: 'fields.signatures', message: msg('caseSignatureMissing') }] });
      }),
    });
    const call = async (path: string, input?: unknown) => {
      const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      const response = await fetchRequestHandler({
        endpoint: '/trpc',
        req: new Request(`http://localhost/trpc/${path}${query}`),
        router,
        createContext: () => ({ requestId: 'test', locale: 'mn-Mong', actor: null, apiKey: null, bearerToken: null, origin: null }) as unknown as SifaContext,
      });
      return ((await response.json()) as { error: { data: SifaErrorData } }).error.data;
    };
    expect((await call('check', { org: '123' })).issues).toEqual([{ path: 'org', message: validationMessages.orgCode.mn }]);
    const named = await call('named');
    expect(named.issues).toEqual([{ path: 'fields.signatures', message: validationMessages.caseSignatureMissing.mn }]);
  });
});
