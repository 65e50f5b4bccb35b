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
import type { DiaryRejectedDetail, DiarySavedDetail, DiarySyncedDetail } from './sifa-diary.js';
import { testMonth } from '../test-utils/clock.js';

/** The page's network, switchable off (what the browser sees when the connection drops). */
let offline = false;
const pageFetch: typeof fetch = (input, init) => (offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init));

interface Mounted {
  el: SifaDiary;
  root: ShadowRoot;
  client: SifaClient;
  tokenCalls: () => number;
}

async function mount(options: { orgCode: string; role?: Role; lang?: Locale; theme?: SifaTheme; month?: string; orgAttr?: string } = { orgCode: '150402001' }): Promise<Mounted> {
  const connection = await connectTestServer({ orgCode: options.orgCode, userId: uniqueId('u'), ...(options.role ? { role: options.role } : {}) });
  configureSifa({ ...connection.config, fetch: pageFetch, locale: undefined, theme: undefined });
  const el = document.createElement('sifa-diary');
  el.setAttribute('storage-key', uniqueId('diary-test'));
  el.setAttribute('month', options.month ?? '2025-03');
  if (options.lang) el.setAttribute('lang', options.lang);
  if (options.theme) el.setAttribute('theme', options.theme);
  if (options.orgAttr) el.setAttribute('org-code', options.orgAttr);
  document.body.append(el);
  const root = el.shadowRoot!;
  await eventually(() => root.querySelector('[part="calendar"]')?.getAttribute('aria-busy') === 'false', { what: 'the month to load' });
  return { el, root, client: new SifaClient(connection.config), tokenCalls: () => connection.tokenCalls };
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
    localStorage.setItem('sifa-diary:favourites', JSON.stringify(['diary.mediation', 'diary.legal-aid']));
    const m = await mount({ orgCode: '150402005' });
    day(m.root, '2025-03-05').click();
    await eventually(() => m.root.querySelector('.pick'), { what: 'quick entry' });
    const derived = q(m.root, '.derived');
    expect(derived.textContent).toContain('人民调解');
    expect(derived.textContent).toContain('来自调解案卷');
    expect(derived.querySelector('button')).toBeNull();
    expect(m.root.querySelector('.pick[data-item="diary.mediation"]')).toBeNull();
    expect([...m.root.querySelectorAll<HTMLElement>('[data-group="favourites"] .pick')].map((b) => b.dataset['item'])).toEqual(['diary.legal-aid']);
    localStorage.removeItem('sifa-diary:favourites');
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
    expect(JSON.parse(localStorage.getItem('sifa-diary:favourites')!)).toEqual(['diary.legal-aid']);
    const groups = [...m.root.querySelectorAll<HTMLElement>('.quick .group')].map((g) => g.dataset['group']);
    expect(groups[0]).toBe('favourites');
    expect(q(m.root, '[data-group="favourites"] .pick').dataset['item']).toBe('diary.legal-aid');
    expect(groups).toContain('part-key');
    // The parts in the standard's order (the element keeps its own list, to leave @sifa/core's zod side out of its first load).
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

    await fill(m.root, 'applications', '-1');
    await m.el.updateComplete;
    expect(q(m.root, '#error-applications').textContent).toBe(expected.find((i) => i.path === 'applications')!.message);
    expect(q(m.root, '[name="applications"]').getAttribute('aria-invalid')).toBe('true');
    expect(q(m.root, '[name="applications"]').getAttribute('aria-describedby')).toContain('error-applications');
    // Not blurred yet: no message under the other field.
    expect(m.root.querySelector('#error-forwarded')).toBeNull();

    await fill(m.root, 'forwarded', '2.5');
    form.requestSubmit();
    await m.el.updateComplete;
    expect(q(m.root, '#error-forwarded').textContent).toBe(expected.find((i) => i.path === 'forwarded')!.message);
    expect(q(m.root, '.summary').textContent).toBe(diaryMessages.t(lang, 'fixErrors', { count: 2 }));
    expect((m.root.activeElement as HTMLInputElement).name).toBe('applications');

    // The server, asked in the same language, gives the very same messages.
    const error = await m.client
      .mutate<DiaryCalls, 'diary.save'>('diary.save', { idempotencyKey: crypto.randomUUID(), day: '2025-03-06', itemCode: 'diary.legal-aid', fields: { applications: -1, forwarded: 2.5 } }, lang)
      .catch((e: unknown) => e as SifaClientError);
    expect(error).toBeInstanceOf(SifaClientError);
    expect((error as SifaClientError).issues).toEqual(expected);
    const byLang = { 'zh-CN': '不能小于 0。', en: 'Must not be less than 0.', 'mn-Mong': '不能小于 0。' };
    expect(q(m.root, '#error-applications').textContent).toBe(byLang[lang]);

    // Empty required fields: the schema's own "enter a number" message.
    await fill(m.root, 'applications', '');
    await m.el.updateComplete;
    expect(q(m.root, '#error-applications').textContent).toBe(lang === 'en' ? 'Enter a number.' : '请填写数字。');
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

  it("shows the server's refusal with its reason and fires sifa-diary-rejected", async () => {
    // A county administrator may read the diary but not write it: the server refuses.
    const m = await mount({ orgCode: '150402', role: 'county_admin', lang: 'en', orgAttr: '150402001' });
    const rejected: DiaryRejectedDetail[] = [];
    m.el.addEventListener('sifa-diary-rejected', (e) => rejected.push(e.detail));
    const form = await openItem(m, '2025-03-11', 'diary.legal-aid');
    await fill(m.root, 'applications', '1');
    await fill(m.root, 'forwarded', '0');
    form.requestSubmit();
    await eventually(() => rejected.length === 1, { what: 'the rejected event' });
    expect(rejected[0]).toMatchObject({ code: 'FORBIDDEN', reason: 'You need the "diary.write" permission for this. Ask your administrator.', day: '2025-03-11' });
    const entry = await eventually(() => m.root.querySelector<HTMLElement>('[part="entry"][data-state="rejected"]'), { what: 'a rejected entry' });
    expect(entry.querySelector('.reason')!.textContent).toContain(rejected[0]!.reason);
    q<HTMLButtonElement>(entry, '.dismiss').click();
    await eventually(() => m.root.querySelector('[part="entry"]') === null, { what: 'the dismissed entry gone' });
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
    // Item titles without a Mongolian translation fall back to Chinese, marked as such.
    expect(q(m.root, '.pick span').getAttribute('lang')).toBe('zh-CN');
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
