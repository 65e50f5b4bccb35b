/**
 * Storybook only (documentation, never used by tests): an in-memory stand-in for the Sifa
 * server's diary procedures, handed to the widgets through `configureSifa({ fetch })`, so the
 * stories run offline with no server. It answers the same tRPC wire protocol (batched GET
 * queries, POST mutations) with the demo diary catalogue and a few DEMO entries, validates saves
 * with the same `diaryFieldsSchema` the server uses, and can play offline or slow.
 */
import { demoDiaryItems } from '@sifa/plugin-diary';
import { diaryFieldsSchema, diaryItemSchema, fieldIssuesOf, negotiateLocale, type DiaryFieldSpec, type Locale } from '@sifa/core';
import type { DiaryCatalog, DiaryEntry } from '@sifa/plugin-diary';
import { configureSifa, type EmbedToken } from '../src/config/config.js';
import { casesFake } from './cases-fake.js';

export const fakeEndpoint = 'https://sifa.storybook.invalid';
export type FakeMode = 'online' | 'slow' | 'offline';

const catalog: DiaryCatalog = {
  items: demoDiaryItems.map((item) => ({ ...diaryItemSchema.parse(item), plugin: 'diary' })),
  editWindowDays: 7,
};
const author = { id: 'storybook-user', name: '演示用户 (demo)' };

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

function sampleValue(spec: DiaryFieldSpec): unknown {
  switch (spec.kind) {
    case 'count':
      return 2;
    case 'minutes':
      return 45;
    case 'text':
      return '演示内容 (demo)';
    case 'choice':
      return spec.options[0]!.value;
    case 'attachments':
      return [];
  }
}

function demoEntries(): DiaryEntry[] {
  const entries: DiaryEntry[] = [];
  const today = new Date();
  // Entries on the working days of the last two weeks, skipping some so the calendar shows gaps.
  for (let back = 1; back <= 14; back++) {
    const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() - back);
    if (day.getDay() === 0 || day.getDay() === 6 || back % 4 === 0) continue;
    const item = catalog.items[back % catalog.items.length]!;
    const created = new Date(day.getTime() + 17 * 3600_000);
    entries.push({
      id: crypto.randomUUID(),
      idempotencyKey: crypto.randomUUID(),
      orgCode: '150402001',
      day: iso(day),
      itemCode: item.code,
      fields: Object.fromEntries(Object.entries(item.fields).map(([name, spec]) => [name, sampleValue(spec)])),
      authorId: author.id,
      authorName: author.name,
      createdAt: created.toISOString(),
      updatedAt: created.toISOString(),
      editableUntil: new Date(created.getTime() + catalog.editWindowDays * 86_400_000).toISOString(),
    });
  }
  return entries;
}

type Answer = { result: { data: unknown } } | { error: { message: string; data: { sifaCode: string; httpStatus: number; issues: { path: string; message: string }[] } } };

class FakeError extends Error {
  constructor(
    readonly sifaCode: string,
    readonly httpStatus: number,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export class FakeDiaryServer {
  mode: FakeMode = 'online';
  private entries = demoEntries();

  reset(): void {
    this.entries = demoEntries();
  }

  private call(path: string, input: unknown, locale: Locale): unknown {
    const zh = locale !== 'en';
    switch (path) {
      case 'diary.catalog':
        return catalog;
      case 'diary.month': {
        const { month, orgCode } = input as { month: string; orgCode?: string };
        return { month, orgCode: orgCode ?? '150402001', entries: this.entries.filter((e) => e.day.startsWith(month)) };
      }
      case 'diary.save': {
        const save = input as { idempotencyKey: string; day: string; itemCode: string; orgCode?: string; fields: Record<string, unknown> };
        const again = this.entries.find((e) => e.idempotencyKey === save.idempotencyKey);
        if (again) return again;
        const item = catalog.items.find((i) => i.code === save.itemCode);
        if (!item) throw new FakeError('NOT_FOUND', 404, zh ? '没有这个日志事项。' : 'No such diary item.');
        const parsed = diaryFieldsSchema(item).safeParse(save.fields);
        if (!parsed.success) throw new FakeError('VALIDATION_FAILED', 400, zh ? '填写的内容有误，请按提示修改后再提交。' : 'Some fields are not valid.', fieldIssuesOf(parsed.error, locale) ?? []);
        const now = new Date();
        const entry: DiaryEntry = {
          id: crypto.randomUUID(),
          idempotencyKey: save.idempotencyKey,
          orgCode: save.orgCode ?? '150402001',
          day: save.day,
          itemCode: save.itemCode,
          fields: parsed.data,
          authorId: author.id,
          authorName: author.name,
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
          editableUntil: new Date(now.getTime() + catalog.editWindowDays * 86_400_000).toISOString(),
        };
        this.entries.push(entry);
        return entry;
      }
      case 'diary.update': {
        const { id, fields } = input as { id: string; fields: Record<string, unknown> };
        const entry = this.entries.find((e) => e.id === id);
        if (!entry) throw new FakeError('NOT_FOUND', 404, zh ? '这条日志已不存在。' : 'This entry no longer exists.');
        const item = catalog.items.find((i) => i.code === entry.itemCode)!;
        const parsed = diaryFieldsSchema(item).safeParse(fields);
        if (!parsed.success) throw new FakeError('VALIDATION_FAILED', 400, zh ? '填写的内容有误，请按提示修改后再提交。' : 'Some fields are not valid.', fieldIssuesOf(parsed.error, locale) ?? []);
        Object.assign(entry, { fields: parsed.data, updatedAt: new Date().toISOString() });
        return entry;
      }
      case 'diary.remove': {
        const { id } = input as { id: string };
        this.entries = this.entries.filter((e) => e.id !== id);
        return { id };
      }
      default:
        throw new FakeError('NOT_FOUND', 404, `The Storybook fake server has no procedure "${path}".`);
    }
  }

  private answer(path: string, input: unknown, locale: Locale): Answer {
    try {
      return { result: { data: this.call(path, input, locale) } };
    } catch (error) {
      const e = error instanceof FakeError ? error : new FakeError('INTERNAL', 500, String(error));
      return { error: { message: e.message, data: { sifaCode: e.sifaCode, httpStatus: e.httpStatus, issues: e.issues } } };
    }
  }

  /** A `fetch` speaking the server's wire protocol. */
  readonly fetch: typeof fetch = async (resource, init) => {
    const url = new URL(typeof resource === 'string' ? resource : resource instanceof URL ? resource.href : resource.url);
    // <sifa-cases>' procedures and routes: the DEMO case type's own fake (cases-fake.ts).
    if (casesFake.handles(url)) return casesFake.fetch(resource, init);
    if (this.mode === 'offline') throw new TypeError('Failed to fetch (Storybook: offline mode)');
    await new Promise((resolve) => setTimeout(resolve, this.mode === 'slow' ? 1500 : 120));
    const headers = new Headers(init?.headers);
    const locale = negotiateLocale(headers.get('x-sifa-locale'));
    const paths = url.pathname.replace(/^\/trpc\//, '').split(',');
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (url.searchParams.get('batch') === '1') {
      const inputs = JSON.parse(url.searchParams.get('input') ?? '{}') as Record<string, unknown>;
      return json(paths.map((path, i) => this.answer(path, inputs[i], locale)));
    }
    const input: unknown = init?.method === 'POST' ? JSON.parse(String(init.body ?? 'null')) : JSON.parse(url.searchParams.get('input') ?? 'null');
    const answer = this.answer(paths[0]!, input, locale);
    return json(answer, 'error' in answer ? answer.error.data.httpStatus : 200);
  };
}

export const fakeServer = new FakeDiaryServer();

/** Points the page configuration at the fake server (a signed-in demo office worker). */
export function useFakeServer(): void {
  const token: EmbedToken = { token: 'storybook-demo-token', expiresAt: new Date(Date.now() + 3600_000 * 24 * 365).toISOString() };
  configureSifa({ endpoint: fakeEndpoint, fetch: fakeServer.fetch, getToken: async () => token });
}
