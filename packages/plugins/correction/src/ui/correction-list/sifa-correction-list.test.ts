/**
 * <sifa-correction-list> in Chromium against the real Sifa server of the repository's browser-test
 * set-up (every plugin of sifa.config.mjs, this one included; PGlite): records in each locale,
 * an office sees only its own and a county its offices', refresh, the unreachable server, axe in
 * every theme.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Locale, Role } from '@sifa/core';
import { configureSifa, SifaClient, themes, type SifaTheme } from '@sifa/components';
import { axeViolations, connectTestServer, describeViolations, eventually, uniqueId } from '@sifa/components/testing';
import type { CorrectionApi } from '@sifa/plugin-correction';
import { correctionListMessages, type CorrectionListMessageKey } from './messages.js';
import './define.js';
import type { SifaCorrectionList } from './sifa-correction-list.js';

type Api = { [K in keyof CorrectionApi]: CorrectionApi[K] };

const xitun = '150402001';
const sanzhongjie = '150402002';

/** Creates a record as an office user, through the API (as another page of the office would). */
async function createRecord(orgCode: string, title: string, day = '2026-03-05', people = 2) {
  const connection = await connectTestServer({ orgCode, userId: uniqueId('api'), role: 'office_staff' });
  return new SifaClient(connection.config).mutate<Api, 'correction.create'>('correction.create', { orgCode, title, day, people });
}

async function mount(options: { orgCode: string; role?: Role; lang?: Locale; theme?: SifaTheme; attributes?: Record<string, string>; fetch?: typeof fetch }) {
  const connection = await connectTestServer({ orgCode: options.orgCode, userId: uniqueId('u'), role: options.role ?? 'office_staff' });
  configureSifa({ ...connection.config, fetch: options.fetch ?? ((input, init) => fetch(input, init)), locale: undefined, theme: undefined });
  const el = document.createElement('sifa-correction-list');
  if (options.lang) el.setAttribute('lang', options.lang);
  if (options.theme) el.setAttribute('theme', options.theme);
  for (const [name, value] of Object.entries(options.attributes ?? {})) el.setAttribute(name, value);
  document.body.append(el);
  const root = el.shadowRoot!;
  await eventually(() => root.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false', { what: 'the records to load' });
  await el.updateComplete;
  return { el: el as SifaCorrectionList, root };
}

// Collapses the markup's ASCII white space only: \s would also turn Mongolian's U+202F (before a suffix) into a space.
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' ').trim();
const titles = (root: ShadowRoot) => [...root.querySelectorAll('tbody tr td:nth-child(2)')].map((td) => text(td));

beforeEach(() => {
  document.documentElement.lang = '';
});
afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = '';
});

describe('<sifa-correction-list>', () => {
  it.each(['zh-CN', 'en', 'mn-Mong'] as const)('shows the office its records in %s', async (lang) => {
    const title = uniqueId('记录');
    const record = await createRecord(xitun, title, '2026-03-05', 4);
    const { root } = await mount({ orgCode: xitun, lang });
    expect(text(root.querySelector('h2'))).toBe(correctionListMessages.t(lang, 'title'));
    const row = root.querySelector<HTMLTableRowElement>(`tr[data-id="${record.id}"]`)!;
    expect(text(row.cells[1])).toBe(title);
    expect(row.querySelector('time')!.getAttribute('datetime')).toBe('2026-03-05');
    expect(text(row.cells[2])).toBe(correctionListMessages.t(lang, 'peopleValue', { count: '4' }));
    expect(root.querySelector('[part="base"]')!.getAttribute('lang')).toBe(lang);
    expect(getComputedStyle(root.querySelector('.list')!).writingMode).toBe(lang === 'mn-Mong' ? 'vertical-lr' : 'horizontal-tb');
  });

  it('has the same keys in every catalog, every Mongolian string a draft in Mongolian script', async () => {
    const [en, mn] = await Promise.all([correctionListMessages.load('en'), correctionListMessages.load('mn-Mong')]);
    const keys = Object.keys(correctionListMessages.catalogs['zh-CN']).sort();
    expect(Object.keys(en).sort()).toEqual(keys);
    expect(Object.keys(mn).sort()).toEqual(keys);
    expect([...correctionListMessages.mnDrafts].sort()).toEqual(keys);
    for (const catalog of [correctionListMessages.catalogs['zh-CN'], en, mn]) for (const key of keys) expect(catalog[key as CorrectionListMessageKey]).not.toBe('');
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of keys as CorrectionListMessageKey[]) {
      // Traditional script (U+1800–U+18AF), no Chinese left over, the same placeholders as zh-CN.
      expect(mn[key], key).toMatch(/[\u1800-\u18af]/u);
      expect(mn[key], key).not.toMatch(/\p{Script=Han}/u);
      expect(placeholders(mn[key]), key).toEqual(placeholders(correctionListMessages.catalogs['zh-CN'][key]));
    }
  });

  it('shows an office only its own records, and a county its offices\'', async () => {
    const title = uniqueId('西屯');
    await createRecord(xitun, title);
    const other = await mount({ orgCode: sanzhongjie, lang: 'en' });
    expect(titles(other.root)).not.toContain(title);
    document.body.replaceChildren();
    const county = await mount({ orgCode: '150402', role: 'county_admin', lang: 'en' });
    expect(titles(county.root)).toContain(title);
    county.el.orgCode = sanzhongjie;
    await eventually(() => !titles(county.root).includes(title), { what: 'the county to list one office only' });
  });

  it('says so when there is nothing to show', async () => {
    // No test writes records for this office (松山区振兴街道).
    const { root } = await mount({ orgCode: '150404001', lang: 'en' });
    expect(text(root.querySelector('.empty'))).toBe('No records yet.');
    expect(root.querySelector('table')).toBeNull();
  });

  it('loads again on refresh', async () => {
    const { root } = await mount({ orgCode: xitun, lang: 'en' });
    const title = uniqueId('later');
    await createRecord(xitun, title, '2026-03-06');
    expect(titles(root)).not.toContain(title);
    root.querySelector<HTMLButtonElement>('.refresh')!.click();
    await eventually(() => titles(root).includes(title), { what: 'the new record after refresh' });
  });

  it('says when the server cannot be reached', async () => {
    const { root } = await mount({ orgCode: xitun, lang: 'en', fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    expect(text(root.querySelector('[role="alert"]'))).toBe('Could not load the records: The server cannot be reached; try again later.');
  });

  it.each(themes)('has no accessibility violations in the %s theme', async (theme) => {
    await createRecord(xitun, uniqueId('axe'));
    const { el } = await mount({ orgCode: xitun, theme, lang: 'zh-CN' });
    const violations = await axeViolations(el);
    expect(violations, describeViolations(violations).join('\n')).toEqual([]);
  });
});
