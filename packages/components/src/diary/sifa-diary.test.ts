/**
 * <sifa-diary> in Chromium against the real Sifa server of global-setup (diary plugin, PGlite):
 * rendering per locale, day states, keyboard, quick entry, validation messages (the server's own),
 * saving through the outbox with visible states and events, offline then online, server
 * refusals, the edit window, Mongolian vertical layout, theme tokens, axe in every theme.
 * Each test writes as its own user in its own office, so tests never see each other's entries.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { assessmentParts, diaryFieldsSchema, fieldIssuesOf, type Locale, type Role } from '@sifa/core';
import { configureSifa } from '../config/config.js';
import { SifaClient, SifaClientError } from '../client/client.js';
import { themes, type SifaTheme } from '../config/config.js';
import { tokenValue } from '../theme/tokens.js';
import { connectTestServer, eventually, uniqueId } from '../test-utils/test-server.js';
import { axeViolations, describeViolations } from '../test-utils/axe.js';
import type { DiaryCalls } from './outbox.js';
import { diaryMessages, type DiaryMessageKey } from './messages.js';
import './define.js';
import type { SifaDiary } from './sifa-diary.js';
import type { DiaryPlatformCalls, DiaryRejectedDetail, DiarySavedDetail, DiarySyncedDetail } from './sifa-diary.js';
import { Outbox } from './outbox.js';
import { chineseOutside, layoutReport } from '../test-utils/layout.js';
import { testMonth } from '../test-utils/clock.js';

/** The page's network, switchable off (what the browser sees when the connection drops). */
let offline = false;
/** Calls the page made while offline (failed). */
let failedOffline = 0;
const pageFetch: typeof fetch = (input, init) => (offline ? (failedOffline++, Promise.reject(new TypeError('Failed to fetch'))) : fetch(input, init));

interface Mounted {
  el: SifaDiary;
  root: ShadowRoot;
  client: SifaClient;
  tokenCalls: () => number;
  /** The caller's id as the server knows it (`platform.auth.me`). */
  userId: string;
  storageKey: string;
}

interface MountOptions {
  orgCode: string;
  role?: Role;
  lang?: Locale;
  theme?: SifaTheme;
  month?: string;
  orgAttr?: string;
  /** The test's user (a fresh one by default); the same id on two mounts is one person on two devices. */
  userId?: string;
  /** This device's storage name (a fresh one by default); the same on two mounts is one shared browser. */
  storageKey?: string;
  /** Items starred by this user before the widget shows. */
  favourites?: string[];
  fetch?: typeof fetch;
  /** Runs before the widget is added (the user's storage may be prepared here). */
  before?: (me: { userId: string; storageKey: string; client: SifaClient }) => Promise<void>;
}

const meOf = (client: SifaClient) => client.query<DiaryPlatformCalls, 'platform.auth.me'>('platform.auth.me', undefined);

async function mount(options: MountOptions = { orgCode: '150402001' }): Promise<Mounted> {
  const connection = await connectTestServer({ orgCode: options.orgCode, userId: options.userId ?? uniqueId('u'), ...(options.role ? { role: options.role } : {}) });
  configureSifa({ ...connection.config, fetch: options.fetch ?? pageFetch, locale: undefined, theme: undefined });
  const client = new SifaClient(connection.config);
  const { userId } = await meOf(client);
  const storageKey = options.storageKey ?? uniqueId('diary-test');
  if (options.favourites) localStorage.setItem(`sifa-diary:favourites:${userId}`, JSON.stringify(options.favourites));
  await options.before?.({ userId, storageKey, client });
  const el = document.createElement('sifa-diary');
  el.setAttribute('storage-key', storageKey);
  el.setAttribute('month', options.month ?? '2025-03');
  if (options.lang) el.setAttribute('lang', options.lang);
  if (options.theme) el.setAttribute('theme', options.theme);
  if (options.orgAttr) el.setAttribute('org-code', options.orgAttr);
  document.body.append(el);
  const root = el.shadowRoot!;
  await eventually(() => root.querySelector('[part="calendar"]')?.getAttribute('aria-busy') === 'false', { what: 'the month to load' });
  return { el, root, client, tokenCalls: () => connection.tokenCalls, userId, storageKey };
}

const q = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => {
  const found = root.querySelector<T & Element>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found as T;
};
const day = (root: ShadowRoot, iso: string) => q<HTMLButtonElement>(root, `[data-day="${iso}"]`);

async function openItem(m: Mounted, iso: string, itemCode: string) {
  day(m.root, iso).click();
  const pick = await eventually(() => m.root.querySelector<HTMLButtonElement>(`.pick[data-item="${itemCode}"]`), { what: `item ${itemCode}` });
  pick.click();
  await m.el.updateComplete;
  return q<HTMLFormElement>(m.root, 'form');
}

async function fill(root: ShadowRoot, name: string, value: string) {
  const input = q<HTMLInputElement>(root, `[name="${name}"]`);
  await userEvent.fill(input, value);
  input.dispatchEvent(new FocusEvent('blur'));
}

async function catalogItem(m: Mounted, code: string) {
  const catalog = await m.client.query<DiaryCalls, 'diary.catalog'>('diary.catalog', undefined);
  return catalog.items.find((i) => i.code === code)!;
}

const hexToRgb = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};

const nextMonth = () => testMonth(1);

beforeEach(() => {
  offline = false;
  localStorage.clear();
});

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
  document.documentElement.lang = '';
});

describe('<sifa-diary> rendering', () => {
  // The en and mn-Mong messages are loaded by the element when shown: the expected Mongolian is read after mounting.
  const mn = (key: DiaryMessageKey, params?: Record<string, number>) => (): string => diaryMessages.t('mn-Mong', key, params);
  const fixed = (text: string) => (): string => text;
  const rows: [Locale, () => string, () => string, () => string][] = [
    ['zh-CN', fixed('工作日志'), fixed('2025年3月'), fixed('3月3日 星期一, 工作日，未填报')],
    ['en', fixed('Work diary'), fixed('March 2025'), fixed('3 March Monday, working day, nothing entered')],
    ['mn-Mong', mn('title'), mn('monthTitle', { year: 2025, month: 3 }), mn('dayDate', { month: 3, day: 3 })],
  ];
  it.each(rows)('renders the month in %s', async (lang, title, monthTitle, labelStart) => {
    const m = await mount({ orgCode: '150402002', lang });
    expect(diaryMessages.has(lang)).toBe(true);
    expect(q(m.root, 'h2').textContent).toBe(title());
    expect(q(m.root, '#month-title').textContent).toBe(monthTitle());
    expect(m.root.querySelectorAll('[data-day]')).toHaveLength(31);
    expect(day(m.root, '2025-03-03').getAttribute('aria-label')).toContain(labelStart());
    expect(q(m.root, '[part="base"]').getAttribute('lang')).toBe(lang);
    expect(m.el.dataset['sifaLocale']).toBe(lang);
    // The first of March 2025 is a Saturday: five blanks after the weekday headers (weeks start Monday).
    expect(m.root.querySelectorAll('.blank')).toHaveLength(5);
  });

  it('tells filled, missing, rest and future days apart by more than colour', async () => {
    const m = await mount({ orgCode: '150402003' });
    await m.client.mutate<DiaryCalls, 'diary.save'>('diary.save', { idempotencyKey: crypto.randomUUID(), day: '2025-03-03', itemCode: 'diary.legal-aid', fields: { applications: 1, forwarded: 0 } });
    await m.el.refresh();
    const filled = await eventually(() => (day(m.root, '2025-03-03').dataset['kind'] === 'filled' ? day(m.root, '2025-03-03') : null), { what: 'a filled day' });
    const missing = day(m.root, '2025-03-04');
    const rest = day(m.root, '2025-03-08');
    expect([missing.dataset['kind'], rest.dataset['kind']]).toEqual(['missing', 'rest']);
    expect(filled.querySelector('.mark')!.textContent).toBe('✓1');
    expect(missing.querySelector('.mark')!.textContent).toBe('!');
    expect(filled.getAttribute('aria-label')).toContain('已填 1 条');
    expect(missing.getAttribute('aria-label')).toContain('工作日，未填报');
    expect(rest.getAttribute('aria-label')).toContain('休息日');
    const styles = [filled, missing, rest].map((b) => getComputedStyle(b).borderTopStyle);
    expect(styles).toEqual(['solid', 'dashed', 'solid']);
    expect(getComputedStyle(rest).borderTopColor).toBe('rgba(0, 0, 0, 0)');

    m.el.setAttribute('month', nextMonth());
    await eventually(() => m.root.querySelector('[data-day]')?.getAttribute('data-day')?.startsWith(nextMonth()), { what: 'next month' });
    const future = q<HTMLButtonElement>(m.root, '[data-day]');
    expect(future.dataset['kind']).toBe('future');
    expect(future.getAttribute('aria-disabled')).toBe('true');
    expect(getComputedStyle(future).borderTopStyle).toBe('dotted');
    future.click();
    await m.el.updateComplete;
    expect(q(m.root, '.day-panel .empty').textContent).toBe('不能为未来的日期填报日志。');
    expect(m.root.querySelector('.quick')).toBeNull();
  });

  it('moves between days with the arrow keys (one roving tab stop); weeks run across in Mongolian', async () => {
    const m = await mount({ orgCode: '150402004', lang: 'en' });
    expect(m.root.querySelectorAll('[data-day][tabindex="0"]')).toHaveLength(1);
    const focused = () => (m.root.activeElement as HTMLElement | null)?.dataset['day'];
    day(m.root, '2025-03-12').focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(focused()).toBe('2025-03-13');
    await userEvent.keyboard('{ArrowDown}');
    expect(focused()).toBe('2025-03-20');
    await userEvent.keyboard('{Home}');
    expect(focused()).toBe('2025-03-17');
    await userEvent.keyboard('{End}');
    expect(focused()).toBe('2025-03-23');
    await userEvent.keyboard('{PageDown}');
    await eventually(() => focused() === '2025-04-23', { what: 'April 23 focused' });
    expect(q(m.root, '#month-title').textContent).toBe('April 2025');
    await userEvent.keyboard('{Enter}');
    expect(day(m.root, '2025-04-23').getAttribute('aria-pressed')).toBe('true');
    expect(m.root.querySelectorAll('[data-day][tabindex="0"]')).toHaveLength(1);

    m.el.setAttribute('lang', 'mn-Mong');
    await m.el.updateComplete;
    day(m.root, '2025-04-23').focus();
    await userEvent.keyboard('{ArrowDown}');
    expect(focused()).toBe('2025-04-24');
    await userEvent.keyboard('{ArrowRight}');
    expect(focused()).toBe('2025-05-01');
  });
});

describe('<sifa-diary> entry', () => {
  it('shows items whose numbers come from case files read-only, saying so, and never offers them as recent or starred', async () => {
    const m = await mount({ orgCode: '150402005', favourites: ['diary.mediation', 'diary.legal-aid'] });
    day(m.root, '2025-03-05').click();
    await eventually(() => m.root.querySelector('.pick'), { what: 'quick entry' });
    const derived = q(m.root, '.derived');
    expect(derived.textContent).toContain('人民调解');
    expect(derived.textContent).toContain('来自调解案卷');
    expect(derived.querySelector('button')).toBeNull();
    expect(m.root.querySelector('.pick[data-item="diary.mediation"]')).toBeNull();
    expect([...m.root.querySelectorAll<HTMLElement>('[data-group="favourites"] .pick')].map((b) => b.dataset['item'])).toEqual(['diary.legal-aid']);
  });

  it('offers recent and starred items first; stars are kept in localStorage', async () => {
    const m = await mount({ orgCode: '150402005' });
    day(m.root, '2025-03-05').click();
    await eventually(() => m.root.querySelector('.pick'), { what: 'quick entry' });
    expect(m.root.querySelector('[data-group="favourites"]')).toBeNull();
    const star = q<HTMLButtonElement>(m.root, '.pick[data-item="diary.legal-aid"] + .star');
    expect(star.getAttribute('aria-label')).toBe('收藏“法律援助申请接收转交”');
    star.click();
    await m.el.updateComplete;
    expect(JSON.parse(localStorage.getItem(`sifa-diary:favourites:${m.userId}`)!)).toEqual(['diary.legal-aid']);
    const groups = [...m.root.querySelectorAll<HTMLElement>('.quick .group')].map((g) => g.dataset['group']);
    expect(groups[0]).toBe('favourites');
    expect(q(m.root, '[data-group="favourites"] .pick').dataset['item']).toBe('diary.legal-aid');
    expect(groups).toContain('part-key');
    // The parts in the standard's order (the form chunk keeps its own list, to leave @sifa/core's zod side out of the element's first load).
    const partGroups = groups.filter((g) => g?.startsWith('part-'));
    expect(partGroups).toEqual(assessmentParts.map((part) => `part-${part}`).filter((g) => partGroups.includes(g)));

    const form = await openItem(m, '2025-03-05', 'diary.legal-aid');
    await fill(m.root, 'applications', '2');
    await fill(m.root, 'forwarded', '1');
    form.requestSubmit();
    await eventually(() => m.root.querySelector('[data-group="recent"] .pick[data-item="diary.legal-aid"]'), { what: 'the recent group' });
    expect([...m.root.querySelectorAll<HTMLElement>('.quick .group')].map((g) => g.dataset['group']).slice(0, 2)).toEqual(['recent', 'favourites']);
  });

  it.each(['zh-CN', 'en', 'mn-Mong'] as const)('shows validation messages in %s: on blur, on submit, and the same as the server', async (lang) => {
    const m = await mount({ orgCode: '150402006', lang });
    const form = await openItem(m, '2025-03-06', 'diary.legal-aid');
    const item = await catalogItem(m, 'diary.legal-aid');
    const expected = fieldIssuesOf(diaryFieldsSchema(item).safeParse({ applications: -1, forwarded: 2.5 }).error, lang)!;
    // The platform's messages have no Mongolian yet: the widget says them in its own (draft) words.
    const shown = (path: string, mnKey: DiaryMessageKey) => (lang === 'mn-Mong' ? diaryMessages.t(lang, mnKey) : expected.find((i) => i.path === path)!.message);

    await fill(m.root, 'applications', '-1');
    await m.el.updateComplete;
    expect(q(m.root, '#error-applications').textContent).toBe(shown('applications', 'errNotNegative'));
    expect(q(m.root, '[name="applications"]').getAttribute('aria-invalid')).toBe('true');
    expect(q(m.root, '[name="applications"]').getAttribute('aria-describedby')).toContain('error-applications');
    // Not blurred yet: no message under the other field.
    expect(m.root.querySelector('#error-forwarded')).toBeNull();

    await fill(m.root, 'forwarded', '2.5');
    form.requestSubmit();
    await m.el.updateComplete;
    expect(q(m.root, '#error-forwarded').textContent).toBe(shown('forwarded', 'errWholeNumber'));
    expect(q(m.root, '.summary').textContent).toBe(diaryMessages.t(lang, 'fixErrors', { count: 2 }));
    expect((m.root.activeElement as HTMLInputElement).name).toBe('applications');

    // The server, asked in the same language, gives the very same messages.
    const error = await m.client
      .mutate<DiaryCalls, 'diary.save'>('diary.save', { idempotencyKey: crypto.randomUUID(), day: '2025-03-06', itemCode: 'diary.legal-aid', fields: { applications: -1, forwarded: 2.5 } }, lang)
      .catch((e: unknown) => e as SifaClientError);
    expect(error).toBeInstanceOf(SifaClientError);
    expect((error as SifaClientError).issues).toEqual(expected);
    const byLang = { 'zh-CN': '不能小于 0。', en: 'Must not be less than 0.', 'mn-Mong': diaryMessages.t('mn-Mong', 'errNotNegative') };
    expect(q(m.root, '#error-applications').textContent).toBe(byLang[lang]);

    // Empty required fields: the schema's own "enter a number" message.
    await fill(m.root, 'applications', '');
    await m.el.updateComplete;
    expect(q(m.root, '#error-applications').textContent).toBe({ en: 'Enter a number.', 'zh-CN': '请填写数字。', 'mn-Mong': diaryMessages.t('mn-Mong', 'errNumber') }[lang]);
  });

  it('saves through the outbox: saved on this device, then synced, with events', async () => {
    const m = await mount({ orgCode: '150402007' });
    const events: string[] = [];
    const saved: DiarySavedDetail[] = [];
    const synced: DiarySyncedDetail[] = [];
    m.el.addEventListener('sifa-diary-saved', (e) => (events.push(e.type), saved.push(e.detail)));
    m.el.addEventListener('sifa-diary-synced', (e) => (events.push(e.type), synced.push(e.detail)));
    const form = await openItem(m, '2025-03-07', 'diary.law-education');
    const select = (name: string, value: string) => {
      const s = q<HTMLSelectElement>(m.root, `[name="${name}"]`);
      s.value = value;
      s.dispatchEvent(new Event('change'));
    };
    select('form', 'village');
    await fill(m.root, 'topic', '民法典进村');
    await fill(m.root, 'events', '1');
    await fill(m.root, 'audience', '40');
    const file = q<HTMLInputElement>(m.root, '[name="photos"]');
    const transfer = new DataTransfer();
    transfer.items.add(new File(['照片内容'], '宣传现场.jpg', { type: 'image/jpeg' }));
    file.files = transfer.files;
    file.dispatchEvent(new Event('change'));
    await m.el.updateComplete;
    expect(q(m.root, '.files li').textContent).toContain('宣传现场.jpg');
    form.requestSubmit();

    await eventually(() => synced.length === 1, { what: 'the synced event' });
    expect(events).toEqual(['sifa-diary-saved', 'sifa-diary-synced']);
    expect(saved[0]).toMatchObject({ op: 'save', day: '2025-03-07', itemCode: 'diary.law-education' });
    expect(synced[0]!.idempotencyKey).toBe(saved[0]!.idempotencyKey);
    expect(synced[0]!.entry!.fields).toMatchObject({ events: 1, photos: [{ name: '宣传现场.jpg', type: 'image/jpeg', size: 12 }] });
    const entry = await eventually(() => m.root.querySelector<HTMLElement>(`[part="entry"][data-state="synced"]`), { what: 'a synced entry' });
    expect(entry.querySelector('.badge')!.textContent).toBe('已同步');
    expect(entry.textContent).toContain('进村入户');
    expect(day(m.root, '2025-03-07').dataset['kind']).toBe('filled');
  });

  it('offline: the entry is saved on this device and syncs when the connection returns', async () => {
    const m = await mount({ orgCode: '150402008' });
    const synced: DiarySyncedDetail[] = [];
    m.el.addEventListener('sifa-diary-synced', (e) => synced.push(e.detail));
    offline = true;
    const form = await openItem(m, '2025-03-10', 'diary.legal-aid');
    await fill(m.root, 'applications', '3');
    await fill(m.root, 'forwarded', '0');
    form.requestSubmit();
    const local = await eventually(() => m.root.querySelector<HTMLElement>('[part="entry"][data-state="local"]'), { what: 'an entry saved on this device' });
    expect(local.querySelector('.badge')!.textContent).toBe('已保存在本机，等待同步');
    expect(q(m.root, '[part="status"]').dataset['pending']).toBe('1');
    expect(day(m.root, '2025-03-10').dataset['kind']).toBe('filled');

    offline = false;
    dispatchEvent(new Event('online'));
    await eventually(() => synced.length === 1, { what: 'sync after reconnecting' });
    await eventually(() => m.root.querySelector('[part="entry"][data-state="synced"]'), { what: 'the entry marked synced' });
    expect(q(m.root, '[part="status"]').dataset['pending']).toBe('0');
  });

  it("D4: shows the server's refusal in plain words (never a permission's name), counts it in the status and fires sifa-diary-rejected", async () => {
    // A change queued on this device that the server refuses: a county administrator may read the diary but not write it.
    const rejected: DiaryRejectedDetail[] = [];
    const onRejected = (e: Event) => rejected.push((e as CustomEvent<DiaryRejectedDetail>).detail);
    document.body.addEventListener('sifa-diary-rejected', onRejected);
    const m = await mount({
      orgCode: '150402',
      role: 'county_admin',
      lang: 'en',
      orgAttr: '150402001',
      before: async ({ userId, storageKey, client }) => {
        const outbox = await Outbox.open({ name: `${storageKey}:${userId}`, client });
        await outbox.save({ day: '2025-03-11', itemCode: 'diary.legal-aid', orgCode: '150402001', fields: { applications: 1, forwarded: 0 } });
        await outbox.close();
      },
    });
    day(m.root, '2025-03-11').click();
    const entry = await eventually(() => m.root.querySelector<HTMLElement>('[part="entry"][data-state="rejected"]'), { what: 'a rejected entry' });
    const reason = diaryMessages.t('en', 'noWritePermission');
    expect(entry.querySelector('.reason')!.textContent).toContain(reason);
    expect(m.root.textContent).not.toContain('diary.write');
    expect(q(m.root, '[part="status"]').textContent).toContain('1 not accepted');
    expect(q(m.root, '[part="status"]').textContent).not.toContain('All synced');
    await eventually(() => rejected.length === 1, { what: 'the rejected event' });
    document.body.removeEventListener('sifa-diary-rejected', onRejected);
    expect(rejected[0]).toMatchObject({ code: 'FORBIDDEN', reason, day: '2025-03-11' });
    // Nothing to correct and send again for a caller who may not write: only "dismiss".
    expect(entry.querySelector('.resubmit')).toBeNull();
    q<HTMLButtonElement>(entry, '.dismiss').click();
    await eventually(() => m.root.querySelector('[part="entry"]') === null, { what: 'the dismissed entry gone' });
    expect(q(m.root, '[part="status"]').textContent).toContain('All synced');
  });

  it("edits and deletes one's own entries inside the edit window only", async () => {
    const m = await mount({ orgCode: '150402009', lang: 'en' });
    // Someone else's entry in the same office: shown, but not editable.
    const other = await connectTestServer({ orgCode: '150402009', userId: uniqueId('other') });
    await new SifaClient(other.config).mutate<DiaryCalls, 'diary.save'>('diary.save', { idempotencyKey: crypto.randomUUID(), day: '2025-03-12', itemCode: 'diary.legal-aid', fields: { applications: 9, forwarded: 9 } });

    const form = await openItem(m, '2025-03-12', 'diary.legal-aid');
    await fill(m.root, 'applications', '1');
    await fill(m.root, 'forwarded', '0');
    form.requestSubmit();
    const synced = () => m.root.querySelectorAll<HTMLElement>('[part="entry"][data-state="synced"]');
    await eventually(() => synced().length === 2, { what: 'both entries' });
    const own = () => [...synced()].find((e) => e.querySelector('.edit'))!;
    expect([...synced()].filter((e) => e.querySelector('.edit'))).toHaveLength(1);
    expect(own().querySelector('.meta')!.textContent).toContain('Can be changed until');

    q<HTMLButtonElement>(own(), '.edit').click();
    await m.el.updateComplete;
    expect(q(m.root, '#form-title').textContent).toBe('Edit: Legal-aid applications received and passed on');
    expect(q<HTMLInputElement>(m.root, '[name="applications"]').value).toBe('1');
    await fill(m.root, 'applications', '4');
    q<HTMLFormElement>(m.root, 'form').requestSubmit();
    await eventually(() => own()?.textContent?.includes('4 cases'), { what: 'the edited value' });
    const rows = await m.client.query<DiaryCalls, 'diary.month'>('diary.month', { month: '2025-03' });
    expect(rows.entries.filter((e) => e.fields['applications'] === 4)).toHaveLength(1);

    // Outside the window (8 days on: the server's window is 7) the buttons are gone.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 8 * 86_400_000);
    m.el.requestUpdate();
    await m.el.updateComplete;
    expect(m.root.querySelectorAll('.edit, .remove')).toHaveLength(0);
    vi.useRealTimers();
    m.el.requestUpdate();
    await m.el.updateComplete;

    q<HTMLButtonElement>(own(), '.remove').click();
    await m.el.updateComplete;
    q<HTMLButtonElement>(m.root, '.confirm-remove').click();
    await eventually(() => m.root.querySelectorAll('[part="entry"]').length === 1 && synced().length === 1, { what: 'the deletion synced' });
    expect(synced()[0]!.querySelector('.edit')).toBeNull();
    const after = await m.client.query<DiaryCalls, 'diary.month'>('diary.month', { month: '2025-03' });
    expect(after.entries.map((e) => e.fields['applications'])).toEqual([9]);
  });
});

/**
 * The page's network with the mediation item typed, as on a server without the mediation plugin
 * (its catalogue entry loses `derived`): its cross-field rules are then the form's to check.
 * Counts the saves sent.
 */
function typedMediation() {
  const saves: string[] = [];
  const undoDerived = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(undoDerived);
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (o['code'] === 'diary.mediation') delete o['derived'];
      Object.values(o).forEach(undoDerived);
    }
  };
  const rewriting: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.includes('diary.save')) saves.push(url);
    const res = await pageFetch(input, init);
    if (!url.includes('diary.catalog')) return res;
    const body: unknown = await res.json();
    undoDerived(body);
    const headers = new Headers(res.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    return new Response(JSON.stringify(body), { status: res.status, statusText: res.statusText, headers });
  };
  return { fetch: rewriting, saves };
}

const pickOption = async (m: Mounted, name: string, value: string) => {
  const s = q<HTMLSelectElement>(m.root, `[name="${name}"]`);
  s.value = value;
  s.dispatchEvent(new Event('change'));
  s.dispatchEvent(new FocusEvent('blur'));
  await m.el.updateComplete;
};

describe('<sifa-diary> issue 19', () => {
  it.each(['zh-CN', 'en', 'mn-Mong'] as const)("D1: refuses more agreements than disputes (and too few parties) under the right field, in %s, before sending", async (lang) => {
    const net = typedMediation();
    const m = await mount({ orgCode: '150403001', lang, fetch: net.fetch });
    const item = await catalogItem(m, 'diary.mediation');
    const message = (i: number) => (lang === 'en' ? item.rules[i]!.message.en : lang === 'mn-Mong' ? item.rules[i]!.message.mn! : item.rules[i]!.message.zh);
    const form = await openItem(m, '2025-03-05', 'diary.mediation');
    await pickOption(m, 'disputeType', 'neighbourhood');
    await pickOption(m, 'caseSource', 'application');
    await fill(m.root, 'cases', '2');
    await fill(m.root, 'agreements', '5');
    await fill(m.root, 'parties', '4');
    await m.el.updateComplete;
    // On leaving the field already: the rule's message under 调解成功数, not under 调解纠纷数.
    expect(q(m.root, '#error-agreements').textContent).toBe(message(0));
    expect(m.root.querySelector('#error-cases')).toBeNull();
    form.requestSubmit();
    await m.el.updateComplete;
    expect(q(m.root, '[name="agreements"]').getAttribute('aria-invalid')).toBe('true');
    expect(q(m.root, '[name="agreements"]').getAttribute('aria-describedby')).toContain('error-agreements');
    expect(q(m.root, '.summary').textContent).toBe(diaryMessages.t(lang, 'fixErrors', { count: 1 }));

    await fill(m.root, 'agreements', '2');
    await fill(m.root, 'parties', '3');
    form.requestSubmit();
    await m.el.updateComplete;
    expect(m.root.querySelector('#error-agreements')).toBeNull();
    expect(q(m.root, '#error-parties').textContent).toBe(message(1));
    expect(m.root.querySelector('[part="entry"]')).toBeNull();
    expect(net.saves).toEqual([]);

    // Corrected, it goes (this server has the case files plugin, which refuses the typed item for its own reason).
    await fill(m.root, 'parties', '4');
    form.requestSubmit();
    await eventually(() => net.saves.length === 1, { what: 'the corrected entry sent' });
  });

  it("D3: on a shared browser the next user never sees, edits or sends the last user's entries", async () => {
    const storageKey = uniqueId('shared-pc');
    const wangUser = uniqueId('wang');
    // 王芳 saves one entry (synced) and one while offline (still on this device), then signs out.
    const wang = await mount({ orgCode: '150403002', storageKey, userId: wangUser });
    const form = await openItem(wang, '2025-03-12', 'diary.legal-aid');
    await fill(wang.root, 'applications', '1');
    await fill(wang.root, 'forwarded', '0');
    form.requestSubmit();
    await eventually(() => wang.root.querySelector('[part="entry"][data-state="synced"]'), { what: "王芳's entry synced" });
    offline = true;
    const failedBefore = failedOffline;
    const second = await openItem(wang, '2025-03-13', 'diary.legal-aid');
    await fill(wang.root, 'applications', '2');
    await fill(wang.root, 'forwarded', '0');
    second.requestSubmit();
    // Tried once and kept on this device (not still on its way).
    await eventually(() => failedOffline > failedBefore && wang.root.querySelector('[part="entry"][data-state="local"]'), { what: "王芳's offline entry, tried and kept" });
    expect(q(wang.root, '.edit')).toBeTruthy();
    wang.el.remove();
    offline = false;

    // A county administrator signs in on the same browser and opens that office's diary.
    const admin = await mount({ orgCode: '150403', role: 'county_admin', orgAttr: '150403002', storageKey });
    day(admin.root, '2025-03-12').click();
    const entry = await eventually(() => admin.root.querySelector<HTMLElement>('[part="entry"][data-state="synced"]'), { what: "王芳's entry, read by the admin" });
    await admin.el.updateComplete;
    expect(entry.querySelector('.edit, .remove')).toBeNull();
    expect(admin.root.querySelectorAll('.edit, .remove')).toHaveLength(0);
    // 王芳's unsent entry stays hers: not shown, not counted, never stored under (or refused for) the admin.
    // (Had her page sent it before she left, it would show here as hers: synced, read-only.)
    day(admin.root, '2025-03-13').click();
    await admin.el.updateComplete;
    expect(admin.root.querySelectorAll('[part="entry"]:not([data-state="synced"])')).toHaveLength(0);
    expect(admin.root.querySelectorAll('.edit, .remove, .resubmit')).toHaveLength(0);
    expect(q(admin.root, '[part="status"]').dataset['pending']).toBe('0');
    expect(q(admin.root, '[part="status"]').dataset['rejected']).toBe('0');
    admin.el.remove();

    // 王芳 signs in again: her offline entry is still there and syncs.
    const back = await mount({ orgCode: '150403002', storageKey, userId: wangUser });
    day(back.root, '2025-03-13').click();
    await eventually(() => back.root.querySelector('[part="entry"][data-state="synced"]'), { what: "王芳's offline entry synced on her return" });
  });

  it('D4: a read-only caller (no diary.write) gets the diary without the entry form, and says why in plain words', async () => {
    const m = await mount({ orgCode: '150403', role: 'county_admin', orgAttr: '150403003' });
    day(m.root, '2025-03-05').click();
    const note = await eventually(() => m.root.querySelector<HTMLElement>('.day-panel .read-only'), { what: 'the read-only note' });
    expect(note.textContent).toBe(diaryMessages.t('zh-CN', 'readOnly'));
    expect(m.root.querySelector('.quick, form, .pick, .star')).toBeNull();
    expect(m.root.textContent).not.toContain('diary.write');
  });

  it("D5: the author's own entries can be changed on a device that has never saved anything", async () => {
    const userId = uniqueId('wang');
    // Saved on another device (straight to the server).
    const other = await connectTestServer({ orgCode: '150403004', userId });
    await new SifaClient(other.config).mutate<DiaryCalls, 'diary.save'>('diary.save', { idempotencyKey: crypto.randomUUID(), day: '2025-03-12', itemCode: 'diary.legal-aid', fields: { applications: 3, forwarded: 1 } });
    // A colleague's entry in the same office: never hers to change.
    const colleague = await connectTestServer({ orgCode: '150403004', userId: uniqueId('li') });
    await new SifaClient(colleague.config).mutate<DiaryCalls, 'diary.save'>('diary.save', { idempotencyKey: crypto.randomUUID(), day: '2025-03-12', itemCode: 'diary.legal-aid', fields: { applications: 9, forwarded: 9 } });

    const m = await mount({ orgCode: '150403004', userId });
    day(m.root, '2025-03-12').click();
    await eventually(() => m.root.querySelectorAll('[part="entry"][data-state="synced"]').length === 2, { what: 'both entries' });
    await m.el.updateComplete;
    const editable = [...m.root.querySelectorAll<HTMLElement>('[part="entry"]')].filter((e) => e.querySelector('.edit') && e.querySelector('.remove'));
    expect(editable).toHaveLength(1);
    expect(editable[0]!.textContent).toContain('3 件');
  });

  it('D14: after Enter on 保存 focus stays in the widget, on the saved entry, and the save is announced', async () => {
    const m = await mount({ orgCode: '150403005' });
    day(m.root, '2025-03-05').click();
    const pick = await eventually(() => m.root.querySelector<HTMLButtonElement>('.pick[data-item="diary.legal-aid"]'), { what: 'quick entry' });
    pick.focus();
    await userEvent.keyboard('{Enter}');
    await eventually(() => (m.root.activeElement as HTMLInputElement | null)?.name === 'applications', { what: 'the first field focused' });
    await userEvent.keyboard('2');
    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard('1');
    q<HTMLButtonElement>(m.root, 'form .save').focus();
    await userEvent.keyboard('{Enter}');
    const entry = await eventually(() => m.root.querySelector<HTMLElement>('[part="entry"]'), { what: 'the saved entry' });
    await eventually(() => m.root.activeElement === entry, { what: 'focus on the saved entry' });
    expect(document.activeElement).toBe(m.el);
    expect(q(m.root, '[part="status"]').textContent).toContain('已保存“法律援助申请接收转交”。');
    expect(q(m.root, '[part="status"]').getAttribute('role')).toBe('status');
  });

  it('D6: the Mongolian form has no Chinese left: labels, units, options and its own messages', async () => {
    await page.viewport(1400, 900);
    const net = typedMediation();
    const m = await mount({ orgCode: '150403006', lang: 'mn-Mong', fetch: net.fetch });
    const form = await openItem(m, '2025-03-05', 'diary.mediation');
    form.requestSubmit();
    await m.el.updateComplete;
    expect(q(m.root, '#error-disputeType').textContent).toBe(diaryMessages.t('mn-Mong', 'errChoice'));
    // Data (names, entries' free text) may be Chinese; the widget's own words, the items, fields, units and options are not.
    expect(chineseOutside(m.root, '.entries, .meta')).toEqual([]);
    const options = [...m.root.querySelectorAll('option')].map((o) => o.textContent ?? '');
    expect(options.filter((o) => /[\u4e00-\u9fff]/.test(o))).toEqual([]);
  });
});

describe('<sifa-diary> Mongolian, themes, accessibility', () => {
  it('lays Mongolian out vertically (lines left to right) in the Mongolian font, with every string marked draft', async () => {
    await page.viewport(1600, 900);
    const m = await mount({ orgCode: '150402010', lang: 'mn-Mong' });
    day(m.root, '2025-03-05').click();
    await eventually(() => m.root.querySelector('.pick'), { what: 'quick entry' });
    const base = q(m.root, '[part="base"]');
    expect(getComputedStyle(base).writingMode).toBe('vertical-lr');
    expect(getComputedStyle(base).fontFamily).toContain('Noto Sans Mongolian');
    expect(base.dataset['draft']).toBe('mn');
    expect(diaryMessages.mnDrafts.size).toBe(Object.keys(diaryMessages.catalogs['mn-Mong']!).length);

    const title = q(m.root, 'h2').getBoundingClientRect();
    expect(title.height).toBeGreaterThan(title.width * 2);
    const calendar = q(m.root, '[part="calendar"]').getBoundingClientRect();
    expect(calendar.width).toBeGreaterThan(100);
    expect(calendar.height).toBeGreaterThan(100);
    // Weekdays run down a column; the next week is the column to the right.
    const d3 = day(m.root, '2025-03-03').getBoundingClientRect();
    const d4 = day(m.root, '2025-03-04').getBoundingClientRect();
    const d10 = day(m.root, '2025-03-10').getBoundingClientRect();
    expect(d4.top).toBeGreaterThan(d3.top);
    expect(Math.abs(d4.left - d3.left)).toBeLessThan(1);
    expect(d10.left).toBeGreaterThan(d3.left);
    expect(Math.abs(d10.top - d3.top)).toBeLessThan(1);
    // The day panel follows the calendar to its right, as the next "lines" of vertical text.
    expect(q(m.root, '.day-panel').getBoundingClientRect().left).toBeGreaterThan(calendar.right);
    // Mongolian glyphs are drawn by the Mongolian font (not boxes): a word's run is taller than wide.
    const label = q(m.root, '#month-title').getBoundingClientRect();
    expect(label.height).toBeGreaterThan(label.width);
    expect(await document.fonts.check(`16px "Noto Sans Mongolian"`, diaryMessages.catalogs['mn-Mong']!.title)).toBe(true);
    await page.screenshot({ element: m.el, path: '__screenshots__/sifa-diary-mn-mong-calendar.png' });
    // Item titles have Mongolian (draft) titles: none falls back to Chinese.
    expect(m.root.querySelectorAll('.pick span[lang="zh-CN"]')).toHaveLength(0);
    const form = await openItem(m, '2025-03-05', 'diary.legal-aid');
    expect(getComputedStyle(q(m.root, '[name="applications"]')).writingMode).toBe('vertical-lr');
    expect(form.getBoundingClientRect().width).toBeGreaterThan(0);
    await page.screenshot({ element: m.el, path: '__screenshots__/sifa-diary-mn-mong-form.png' });
  });

  it.each(themes)('applies the %s theme tokens', async (theme) => {
    const m = await mount({ orgCode: '150402011', theme });
    const primary = getComputedStyle(m.el).getPropertyValue('--sifa-color-primary').trim();
    expect(primary).toBe(tokenValue(theme, '--sifa-color-primary'));
    day(m.root, '2025-03-05').click();
    const pick = await eventually(() => m.root.querySelector<HTMLButtonElement>('.pick'), { what: 'quick entry' });
    expect(getComputedStyle(q(m.root, '[part="base"]')).backgroundColor).toBe(hexToRgb(tokenValue(theme, '--sifa-color-surface')));
    expect(getComputedStyle(pick).fontSize).toBe(tokenValue(theme, '--sifa-font-size'));
    const target = Number.parseFloat(tokenValue(theme, '--sifa-target-size'));
    expect(day(m.root, '2025-03-05').getBoundingClientRect().height).toBeGreaterThanOrEqual(target);
    expect(pick.getBoundingClientRect().height).toBeGreaterThanOrEqual(target);
  });

  it.each(themes)('has no axe violations in the %s theme (calendar, entries, form with errors)', async (theme) => {
    const m = await mount({ orgCode: '150402100', theme });
    const form = await openItem(m, '2025-03-05', 'diary.law-education');
    form.requestSubmit();
    await m.el.updateComplete;
    expect(m.root.querySelectorAll('.error').length).toBeGreaterThan(0);
    expect(describeViolations(await axeViolations(m.el))).toEqual([]);

    q<HTMLButtonElement>(m.root, 'button.cancel').click();
    await m.el.updateComplete;
    expect(describeViolations(await axeViolations(m.el))).toEqual([]);
  });

  it('has no axe violations in Mongolian (vertical) and English', async () => {
    for (const lang of ['mn-Mong', 'en'] as const) {
      const m = await mount({ orgCode: '150402100', lang });
      await openItem(m, '2025-03-05', 'diary.law-education');
      expect(describeViolations(await axeViolations(m.el))).toEqual([]);
      m.el.remove();
    }
  });
});

describe('<sifa-diary> visual review', () => {
  const cases: [Locale, SifaTheme, number][] = [
    ['zh-CN', 'light', 1400],
    ['en', 'elderly', 390],
    ['mn-Mong', 'light', 1400],
    ['mn-Mong', 'elderly', 1400],
  ];
  it.each(cases)('visual review: legend glyphs, day marks and month buttons fit their boxes; a day is named by what it shows (%s, %s, %i px)', async (lang, theme, width) => {
    await page.viewport(width, 900);
    const m = await mount({ orgCode: '150402003', lang, theme });
    await m.client.mutate<DiaryCalls, 'diary.save'>('diary.save', { idempotencyKey: crypto.randomUUID(), day: '2025-03-03', itemCode: 'diary.legal-aid', fields: { applications: 1, forwarded: 0 } });
    await m.el.refresh();
    const filled = await eventually(() => (day(m.root, '2025-03-03').dataset['kind'] === 'filled' ? day(m.root, '2025-03-03') : null), { what: 'a filled day' });
    // The legend's ✓ and !, a day's "✓1" and the month buttons' words stay inside their boxes.
    expect(layoutReport(m.el).clipped.filter((line) => /swatch|mark|month-nav/.test(line))).toEqual([]);
    // The accessible name contains the visible text (number and mark): speech input can say it.
    const mark = filled.querySelector('.mark')!.textContent!;
    expect(mark).toMatch(/^✓\d+$/);
    expect(filled.getAttribute('aria-label')!.startsWith(`3 ${mark}, `)).toBe(true);
    expect(describeViolations(await axeViolations(m.el)).filter((v) => v.includes('label-content-name-mismatch'))).toEqual([]);
  });
});
