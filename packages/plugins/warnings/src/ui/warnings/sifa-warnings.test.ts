/**
 * <sifa-warnings> in Chromium against the real Sifa server of test/global-setup.ts (the warnings
 * plugin with its demo rules, the diary with its demo history, embed tokens minted as a host
 * backend does). Each test run makes its own rules (unique titles) for one office of Hongshan, so
 * the server's demo rules never decide an assertion: a county admin evaluates, issues the notice
 * (with documents it downloads), the office answers, the county closes; field issues from the
 * server show beside their fields; keyboard, the three locales, axe and strict-CSP rendering.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { Locale } from '@sifa/core';
import { configureSifa, SifaClient, type SifaConfig } from '@sifa/components';
import { axeViolations, connectTestServer, describeViolations, eventually, layoutReport, uniqueId } from '@sifa/components/testing';
import { warningsMessages } from './messages.js';
import './define.js';
import type { SifaWarnings, WarningsCalls } from './sifa-warnings.js';
import type { WarningChangedDetail, WarningSelectDetail } from './define.js';
import type { SifaOrgPicker } from '@sifa/components/org-picker';

const office = '150402001';
let county: SifaConfig;
let staff: SifaConfig;
const run = uniqueId('浏览器测试');
const titles = [`${run}（甲）`, `${run}（乙）`];

beforeAll(async () => {
  document.documentElement.lang = '';
  county = (await connectTestServer({ orgCode: '150402', role: 'county_admin', userId: uniqueId('county') })).config;
  staff = (await connectTestServer({ orgCode: office, role: 'office_staff', userId: uniqueId('staff') })).config;
  // Two rules that warn every office whatever its data (diary entries this year below a billion).
  const client = new SifaClient(county);
  for (const zh of titles) {
    await client.mutate<WarningsCalls, 'warnings.createRule'>('warnings.createRule', {
      title: { zh, en: `${zh} (en)` },
      targetLevel: 'office',
      severity: zh === titles[0] ? 'urgent' : 'info',
      params: { kind: 'metric-threshold', metric: 'diary.entries', period: 'year', periodOf: 'current', comparison: 'below', threshold: 1e9 },
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  document.documentElement.lang = '';
});

interface Mounted {
  el: SifaWarnings;
  root: ShadowRoot;
  changes: WarningChangedDetail[];
  selects: string[];
}

async function mount(config: SifaConfig, attrs: Record<string, string> = {}): Promise<Mounted> {
  configureSifa({ ...config, locale: undefined, theme: undefined });
  const el = document.createElement('sifa-warnings');
  el.setAttribute('org-code', office);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const changes: WarningChangedDetail[] = [];
  const selects: string[] = [];
  el.addEventListener('sifa-warning-changed', (e) => changes.push(e.detail));
  el.addEventListener('sifa-warning-select', (e) => selects.push((e as CustomEvent<WarningSelectDetail>).detail.id));
  document.body.append(el);
  const root = el.shadowRoot!;
  await eventually(() => root.querySelector('.error[role="alert"]') || (root.querySelector('.count') && !root.querySelector('.count')!.textContent!.includes('…')), { what: 'the warnings to load' });
  await el.updateComplete;
  return { el, root, changes, selects };
}

const q = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => {
  const found = root.querySelector<T & Element>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found as T;
};
const items = (root: ShadowRoot) => [...root.querySelectorAll<HTMLElement>('[role="option"]')];
const ours = (root: ShadowRoot, title: string) => items(root).find((o) => o.querySelector('.title')?.textContent?.trim() === title);
const button = (root: ShadowRoot, text: string) => {
  const found = [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
};

/** Every element of the shadow tree: nothing may need an inline style or handler (strict CSP). */
function inlineStyleOrHandler(root: ShadowRoot): string[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name === 'style' || a.name.startsWith('on')).map((a) => `${el.localName}[${a.name}]`));
}

describe('<sifa-warnings> with the real server', () => {
  it('a county evaluates, issues a notice with its documents, the office answers, the county closes', async () => {
    let m = await mount(county);
    expect(ours(m.root, titles[0]!)).toBeUndefined();
    await userEvent.click(button(m.root, '立即评估'));
    await eventually(() => m.root.querySelector('.evaluation'), { what: 'the evaluation result' });
    expect(q(m.root, '.evaluation').textContent).toMatch(/评估完成：新增 \d+ 条/);
    const item = await eventually(() => ours(m.root, titles[0]!), { what: 'our warning in the list' });
    expect(item.querySelector('.badge')!.textContent).toBe('紧急');
    expect(item.querySelector('.org')!.textContent).toBe('西屯街道司法所');
    expect(item.querySelector('.meta')!.textContent).toContain('待下发');

    await userEvent.click(item);
    await eventually(() => m.root.querySelector('#detail-title')?.textContent === titles[0], { what: 'the detail' });
    expect(m.root.activeElement?.id).toBe('detail-title');
    expect(m.selects).toEqual([item.dataset['id']]);
    const detail = q(m.root, '[part="detail"]');
    expect(detail.textContent).toContain('低于预警线');
    expect([...detail.querySelectorAll('.actions button')].map((b) => b.textContent?.trim())).toEqual(['下发预警单', '关闭预警']);
    expect(detail.querySelectorAll('.timeline > li')).toHaveLength(1);

    // The notice: required fields are checked before sending.
    await userEvent.click(button(m.root, '下发预警单'));
    const form = await eventually(() => m.root.querySelector<HTMLFormElement>('form'), { what: 'the form' });
    await userEvent.click(button(m.root, '提交'));
    await eventually(() => q(m.root, '#f-requirement').getAttribute('aria-invalid') === 'true');
    expect(q(m.root, '#f-requirement-issue').textContent).toBe('此项必填。');
    expect(m.root.activeElement?.id).toBe('f-requirement');
    await userEvent.fill(q(m.root, '#f-requirement'), '请补填工作日志并说明原因。');
    await userEvent.click(form.querySelector<HTMLInputElement>('input[type="checkbox"]')!);
    await userEvent.fill(await eventually(() => m.root.querySelector<HTMLTextAreaElement>('#f-requirements')), '补填日志\n建立日志检查制度');
    // axe with the form open.
    expect(describeViolations(await axeViolations(m.el))).toEqual([]);
    await userEvent.click(button(m.root, '提交'));
    await eventually(() => m.root.querySelector('form') === null, { what: 'the notice to be stored' });
    expect(m.changes).toEqual([{ id: item.dataset['id'], action: 'notice', state: 'notice-issued' }]);
    expect(q(m.root, '[part="detail"] dl').textContent).toContain('已下发预警单');
    const links = [...m.root.querySelectorAll<HTMLAnchorElement>('.docs a')];
    expect(links.map((a) => a.textContent)).toEqual([expect.stringMatching(/的预警单$/), expect.stringMatching(/的整改通知书$/)]);
    expect(new URL(links[0]!.href).pathname).toMatch(/^\/plugins\/platform\/documents\//);

    // A download goes out with the page's token and hands the .docx to the browser.
    const saved: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (saved.push(blob as Blob), 'blob:test'));
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await userEvent.click(links[0]!);
    await eventually(() => saved.length === 1, { what: 'the document to download' });
    const bytes = new Uint8Array(await saved[0]!.arrayBuffer());
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
    expect(inlineStyleOrHandler(m.root)).toEqual([]);
    m.el.remove();

    // The office: only "respond" is offered.
    m = await mount(staff);
    expect(m.root.querySelector('.evaluate')).toBeNull();
    await userEvent.click(await eventually(() => ours(m.root, titles[0]!)));
    await eventually(() => m.root.querySelector('.actions'));
    expect([...m.root.querySelectorAll('.actions button')].map((b) => b.textContent?.trim())).toEqual(['反馈']);
    await userEvent.click(button(m.root, '反馈'));
    await userEvent.fill(await eventually(() => m.root.querySelector<HTMLTextAreaElement>('#f-text')), '已补填全部日志。');
    await userEvent.fill(q(m.root, '#f-measures'), '每日下班前填写');
    await userEvent.click(button(m.root, '提交'));
    await eventually(() => m.root.querySelector('form') === null && m.root.querySelector('[part="detail"] dl')?.textContent?.includes('已反馈'), { what: 'the feedback to be stored' });
    expect(q(m.root, '.timeline').textContent).toContain('已补填全部日志。');
    m.el.remove();

    // The county: the assignee is offered by name (the warned office); Escape closes the form.
    m = await mount(county);
    await userEvent.click(await eventually(() => ours(m.root, titles[0]!)));
    await eventually(() => m.root.querySelector('.actions'));
    await userEvent.click(button(m.root, '交办'));
    const picker = await eventually(() => m.root.querySelector<SifaOrgPicker>('#f-orgCode'));
    await eventually(() => picker.shadowRoot?.querySelector('input')?.value === '西屯街道司法所', { what: 'the warned office, by name' });
    expect(picker.value).toBe(office);
    await eventually(() => m.root.activeElement === picker, { what: 'focus in the picker' });
    await userEvent.keyboard('{Escape}');
    await eventually(() => m.root.querySelector('form') === null);
    expect(m.root.activeElement?.getAttribute('data-action')).toBe('assign');

    await userEvent.click(button(m.root, '关闭预警'));
    await userEvent.fill(await eventually(() => m.root.querySelector<HTMLTextAreaElement>('#f-advice')), '建议建立日志每日提醒。');
    await userEvent.click(button(m.root, '提交'));
    await eventually(() => m.root.querySelector('[part="detail"] dl')?.textContent?.includes('已关闭'), { what: 'the warning to close' });
    expect([...m.root.querySelectorAll('.timeline > li strong')].map((s) => s.textContent?.trim())).toEqual(['系统触发预警', '下发预警单', '提交反馈', '关闭预警']);
    expect(q(m.root, '[part="detail"]').textContent).toContain('您目前无需处置这条预警。');
    // Closed warnings leave the open list.
    await eventually(() => ours(m.root, titles[0]!) === undefined, { what: 'the list to drop it' });
  });

  it('keyboard: arrows move through the list, Enter opens, Escape closes and returns focus', async () => {
    const m = await mount(county);
    await eventually(() => ours(m.root, titles[1]!) || undefined);
    const list = items(m.root);
    expect(list.length).toBeGreaterThanOrEqual(1);
    expect(list.filter((o) => o.tabIndex === 0)).toHaveLength(1);
    const start = list.length > 1 ? 0 : -1;
    list[Math.max(0, start)]!.focus();
    if (list.length > 1) {
      await userEvent.keyboard('{ArrowDown}');
      await eventually(() => m.root.activeElement === items(m.root)[1]);
      expect(items(m.root)[1]!.tabIndex).toBe(0);
      await userEvent.keyboard('{End}');
      await eventually(() => m.root.activeElement === items(m.root).at(-1));
      await userEvent.keyboard('{Home}');
      await eventually(() => m.root.activeElement === items(m.root)[0]);
    }
    const target = ours(m.root, titles[1]!)!;
    target.focus();
    await userEvent.keyboard('{Enter}');
    await eventually(() => m.root.activeElement?.id === 'detail-title', { what: 'focus on the detail' });
    expect(m.el.selected).toBe(target.dataset['id']);
    expect(target.getAttribute('aria-selected')).toBe('true');
    expect(describeViolations(await axeViolations(m.el))).toEqual([]);
    await userEvent.keyboard('{Escape}');
    await eventually(() => m.root.querySelector('[part="detail"]') === null);
    await eventually(() => m.root.activeElement === ours(m.root, titles[1]!), { what: 'focus back on the item' });
  });

  it('compact mode: the open warnings only, as links to the host’s page, with the select event', async () => {
    const m = await mount(county, { mode: 'compact', limit: '3', 'detail-href': '/warnings?id={id}' });
    expect(q(m.root, 'h2').textContent).toBe('待处置预警');
    const links = [...m.root.querySelectorAll<HTMLAnchorElement>('a.compact-item')];
    expect(links.length).toBeGreaterThan(0);
    expect(links.length).toBeLessThanOrEqual(3);
    expect(m.root.querySelector('select')).toBeNull();
    expect(m.root.querySelector('[part="detail"]')).toBeNull();
    for (const a of links) expect(new URL(a.href).pathname + new URL(a.href).search).toBe(`/warnings?id=${encodeURIComponent(a.dataset['id']!)}`);
    // The host may handle the pick itself: cancelling the event keeps the link from opening.
    m.el.addEventListener('sifa-warning-select', (e) => e.preventDefault());
    await userEvent.click(links[0]!);
    expect(m.selects).toEqual([links[0]!.dataset['id']]);
    expect(location.pathname).not.toBe('/warnings');
    expect(describeViolations(await axeViolations(m.el))).toEqual([]);
    expect(inlineStyleOrHandler(m.root)).toEqual([]);
  });

  // Issue 20 F1: `detail-href` set from data (a VR hotspot's widget) to `java<TAB>script:…`.
  it('compact mode: a detail-href the browser would parse as script gives buttons, not links', async () => {
    for (const template of ['java\tscript:alert(document.domain)//{id}', '\u0001javascript:alert(1)']) {
      const m = await mount(county, { mode: 'compact', limit: '3', 'detail-href': template });
      const buttons = await eventually(() => {
        const found = [...m.root.querySelectorAll<HTMLButtonElement>('button.compact-item')];
        return found.length ? found : null;
      }, { what: JSON.stringify(template) });
      expect(m.root.querySelectorAll('a.compact-item'), JSON.stringify(template)).toHaveLength(0);
      expect(m.root.querySelectorAll('a[href]')).toHaveLength(0);
      await userEvent.click(buttons[0]!);
      expect(m.selects).toEqual([buttons[0]!.dataset['id']]);
      m.el.remove();
    }
  });

  it.each<[Locale, string, string]>([
    ['en', 'Early warnings', 'Evaluate now'],
    ['mn-Mong', warningsMessages.catalogs['zh-CN'].title, ''],
  ])('speaks %s', async (locale, title, evaluate) => {
    const m = await mount(county, { lang: locale });
    await eventually(() => m.el.dataset['sifaLocale'] === locale && q(m.root, '[part="base"]').getAttribute('lang') === locale, { what: `the ${locale} messages` });
    const frame = q(m.root, '[part="base"]');
    if (locale === 'en') {
      expect(q(m.root, 'h2').textContent).toBe(title);
      expect(q(m.root, '.evaluate').textContent?.trim()).toBe(evaluate);
      // Rule titles in English where the rule has one.
      await eventually(() => ours(m.root, `${titles[1]} (en)`));
    } else {
      expect(frame.classList.contains('vertical')).toBe(true);
      expect(frame.dataset['draft']).toBe('mn');
      expect(getComputedStyle(frame).writingMode).toBe('vertical-lr');
      // Mongolian, not the Chinese default; text with no Mongolian form is marked as Chinese.
      expect(q(m.root, 'h2').textContent).not.toBe(title);
      expect(q(m.root, 'h2').textContent).toMatch(/[\u1800-\u18af]/);
      const item = await eventually(() => items(m.root).find((o) => o.querySelector('.title')?.textContent?.trim() === titles[1]));
      expect(item.querySelector('.title [lang="zh-CN"]')).not.toBeNull();
    }
    expect(describeViolations(await axeViolations(m.el))).toEqual([]);
  });

  it('has the keys of zh-CN in en and mn-Mong, every Mongolian string a draft', async () => {
    const [en, mn] = await Promise.all([warningsMessages.load('en'), warningsMessages.load('mn-Mong')]);
    const keys = Object.keys(warningsMessages.catalogs['zh-CN']).sort();
    expect(Object.keys(en).sort()).toEqual(keys);
    expect(Object.keys(mn).sort()).toEqual(keys);
    expect([...warningsMessages.mnDrafts].sort()).toEqual(keys);
    for (const catalog of [warningsMessages.catalogs['zh-CN'], en, mn]) for (const key of keys) expect(catalog[key as keyof typeof catalog]).not.toBe('');
    // Placeholders survive translation.
    for (const key of keys) {
      const wanted = (warningsMessages.catalogs['zh-CN'][key as keyof typeof en].match(/\{\w+\}/g) ?? []).sort();
      expect((en[key as keyof typeof en].match(/\{\w+\}/g) ?? []).sort(), `en ${key}`).toEqual(wanted);
      expect((mn[key as keyof typeof mn].match(/\{\w+\}/g) ?? []).sort(), `mn ${key}`).toEqual(wanted);
    }
  });

  it('says why when the server refuses (no token: sign in first)', async () => {
    const m = await mount({ endpoint: county.endpoint, publishableKey: county.publishableKey, getToken: undefined, tokenUrl: undefined });
    await eventually(() => m.root.querySelector('.error[role="alert"]'), { what: 'the error' });
    expect(q(m.root, '.error').textContent).toContain('请先登录');
    expect(button(m.root, '重试')).toBeTruthy();
  });

  /** A rule of its own warning the office (severity `warning`), evaluated: its open warning's id. */
  async function ownWarning(label: string, notice = false): Promise<string> {
    const client = new SifaClient(county);
    const zh = `${run}（${label}）`;
    await client.mutate<WarningsCalls, 'warnings.createRule'>('warnings.createRule', {
      title: { zh, en: `${zh} (en)` },
      targetLevel: 'office',
      severity: 'warning',
      params: { kind: 'metric-threshold', metric: 'diary.entries', period: 'year', periodOf: 'current', comparison: 'below', threshold: 1e9 },
    });
    await client.mutate<WarningsCalls, 'warnings.evaluate'>('warnings.evaluate', { orgCode: office });
    const list = await client.query<WarningsCalls, 'warnings.list'>('warnings.list', { orgCode: office, status: 'open', limit: 200 });
    const id = list.warnings.find((w) => w.title.zh === zh)!.id;
    if (notice) await client.mutate<WarningsCalls, 'warnings.issueNotice'>('warnings.issueNotice', { id, requirement: '请说明原因。' });
    return id;
  }

  it('D9: "show more" pages through every open warning, focus on the first new one', async () => {
    await ownWarning('丙');
    const m = await mount(county, { limit: '1' });
    await eventually(() => m.root.querySelector('.more'), { what: 'the show-more button' });
    const total = Number(/共 (\d+) 条/.exec(q(m.root, '.count').textContent!)![1]);
    expect(total).toBeGreaterThanOrEqual(2);
    expect(q(m.root, '.count').textContent).toBe(`共 ${total} 条，已显示 1 条`);
    expect(q(m.root, '.more').textContent!.trim()).toBe(`显示更多（还有 ${total - 1} 条）`);
    await userEvent.click(q(m.root, '.more'));
    await eventually(() => items(m.root).length === 2, { what: 'the second page' });
    await eventually(() => m.root.activeElement === items(m.root)[1], { what: 'focus on the first new warning' });
    for (let shown = 2; shown < total; shown++) {
      await userEvent.click(q(m.root, '.more'));
      await eventually(() => items(m.root).length === shown + 1, { what: `page ${shown + 1}` });
    }
    await eventually(() => m.root.querySelector('.more') === null, { what: 'the button to go with the last page' });
    expect(new Set(items(m.root).map((o) => o.dataset['id'])).size).toBe(total);
    expect(q(m.root, '.count').textContent).toBe(`共 ${total} 条`);
  });

  it('D22: the detail’s action buttons and a form’s submit row are whole in the pane; an empty list leaves no blank pane', async () => {
    const id = await ownWarning('戊');
    const m = await mount(county, { selected: id });
    // The wide layout (list beside detail, each pane scrolling), a short pane.
    m.el.style.setProperty('--sifa-warnings-height', '300px');
    m.el.style.inlineSize = '1100px';
    const detail = await eventually(() => m.root.querySelector<HTMLElement>('[part="detail"] .actions') && m.root.querySelector<HTMLElement>('[part="detail"]'), { what: 'the detail' });
    await m.el.updateComplete;
    const inside = (el: Element) => {
      const pane = detail.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      // Within the pane's scrollport (its border box less the borders).
      return box.top >= pane.top && box.bottom <= pane.top + detail.clientTop + detail.clientHeight + 0.5 && box.height > 0;
    };
    expect(detail.scrollHeight).toBeGreaterThan(detail.clientHeight);
    for (const b of m.root.querySelectorAll('.actions button')) expect(inside(b), b.textContent!.trim()).toBe(true);
    await userEvent.click(button(m.root, '下发预警单'));
    await eventually(() => m.root.querySelector('form .buttons'));
    await m.el.updateComplete;
    for (const b of m.root.querySelectorAll('form .buttons button')) expect(inside(b), b.textContent!.trim()).toBe(true);
    m.el.remove();

    // Closed notices of this office: none; the widget is as tall as what it shows.
    const empty = await mount(county);
    const [status, severity] = [...empty.root.querySelectorAll<HTMLSelectElement>('.toolbar select')];
    await userEvent.selectOptions(status!, 'closed');
    await userEvent.selectOptions(severity!, 'info');
    await eventually(() => empty.root.querySelector('.empty'), { what: 'the empty list' });
    const body = q(empty.root, '.body').getBoundingClientRect();
    expect(body.height).toBeLessThan(120);
  });

  it('D10: the assignee is chosen by name from a picker; a name not chosen is refused in words, before sending', async () => {
    const id = await ownWarning('丁', true);
    const m = await mount(county, { selected: id });
    await userEvent.click(await eventually(() => [...m.root.querySelectorAll<HTMLButtonElement>('.actions button')].find((b) => b.textContent?.trim() === '交办')));
    const picker = await eventually(() => m.root.querySelector<SifaOrgPicker>('#f-orgCode'));
    const input = await eventually(() => (picker.shadowRoot?.querySelector('input')?.value === '西屯街道司法所' ? picker.shadowRoot.querySelector('input') : null), { what: 'the picker' });
    expect(input.getAttribute('role')).toBe('combobox');
    expect(picker.shadowRoot!.querySelector('label')!.textContent).toBe('承办单位');
    // A name typed but not chosen: no request, a message in words beside the field.
    const calls: string[] = [];
    const fetch = window.fetch;
    vi.spyOn(window, 'fetch').mockImplementation((input, init) => (calls.push(String(input)), fetch(input, init)));
    input.select();
    await userEvent.keyboard('不存在的单位');
    await userEvent.fill(q(m.root, '#f-task'), '请核实情况。');
    await userEvent.click(button(m.root, '提交'));
    await eventually(() => picker.shadowRoot!.querySelector('#message')?.textContent, { what: 'the message' });
    expect(picker.shadowRoot!.querySelector('#message')!.textContent).toBe('请输入承办单位名称，并从列表中选定。');
    expect(calls.filter((c) => c.includes('warnings.assign'))).toEqual([]);
    expect(m.root.activeElement).toBe(picker);
    // Part of the name, the arrow key and Enter choose it.
    input.select();
    await userEvent.keyboard('西屯');
    await eventually(() => picker.shadowRoot!.querySelectorAll('[role="option"]').length === 1, { what: 'the match' });
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await eventually(() => picker.value === office);
    expect(describeViolations(await axeViolations(m.el))).toEqual([]);
    await userEvent.click(button(m.root, '提交'));
    await eventually(() => m.root.querySelector('form') === null && m.root.querySelector('[part="detail"] dl')?.textContent?.includes('已交办'), { what: 'the assignment' });
    expect(q(m.root, '[part="detail"] dl').textContent).toContain('西屯街道司法所');
  });
  it('mn-Mong: the detail pane shows all its text (nothing cut at the pane\'s edge); a narrow screen scrolls inside the widget, not the page', async () => {
    const id = await ownWarning('己', true);
    const m = await mount(county, { selected: id, lang: 'mn-Mong' });
    await eventually(() => m.el.dataset['sifaLocale'] === 'mn-Mong' && m.root.querySelector('[part="detail"] dl'), { what: 'the Mongolian detail' });
    await m.el.updateComplete;
    // The server's summary in its Mongolian draft (the diary's metric has Mongolian words): shown as
    // it is, not the Chinese marked lang="zh-CN".
    const summary = q(m.root, '[part="detail"] .summary');
    expect(summary.textContent).toMatch(/[\u1800-\u18af]/);
    expect(summary.textContent).not.toMatch(/\p{Script=Han}/u);
    expect(summary.querySelector('[lang="zh-CN"]')).toBeNull();
    await page.viewport(1400, 900);
    const wide = layoutReport(m.el);
    expect(wide.clipped).toEqual([]);
    // Lines run top to bottom: each fits the pane's height (the pane scrolls sideways only).
    const pane = q(m.root, '[part="detail"]');
    const bottom = pane.getBoundingClientRect().top + pane.clientTop + pane.clientHeight + 0.5;
    const cut = [...pane.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().height > 0 && e.getBoundingClientRect().bottom > bottom).map((e) => `${e.localName}.${e.className}`);
    expect(cut).toEqual([]);
    expect(wide.overflow).toEqual([]);
    await page.viewport(390, 800);
    await m.el.updateComplete;
    const narrow = layoutReport(m.el);
    expect(narrow.overflow).toEqual([]);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(390);
  });
  it('English: the apostrophe of "quarter’s" is a narrow Latin one, not a full-width Chinese glyph', async () => {
    const zh = `${run}（季）`;
    const en = `Last quarter’s score low ${run}`;
    await new SifaClient(county).mutate<WarningsCalls, 'warnings.createRule'>('warnings.createRule', {
      title: { zh, en },
      targetLevel: 'office',
      severity: 'warning',
      params: { kind: 'metric-threshold', metric: 'diary.entries', period: 'year', periodOf: 'current', comparison: 'below', threshold: 1e9 },
    });
    await new SifaClient(county).mutate<WarningsCalls, 'warnings.evaluate'>('warnings.evaluate', { orgCode: office });
    const m = await mount(county, { lang: 'en' });
    const title = await eventually(() => items(m.root).map((o) => o.querySelector<HTMLElement>('.title')).find((t) => t?.textContent?.includes('quarter’s')), { what: 'the rule in English' });
    const text = [...title!.childNodes, ...title!.querySelectorAll('*')].flatMap((n) => (n.nodeType === Node.TEXT_NODE ? [n] : [...n.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE))).find((n) => n.textContent!.includes('’'))!;
    const range = document.createRange();
    const at = text.textContent!.indexOf('’');
    range.setStart(text, at);
    range.setEnd(text, at + 1);
    const size = parseFloat(getComputedStyle(title!).fontSize);
    // A full-width glyph is 1em wide; a Latin apostrophe about a quarter of that.
    expect(range.getBoundingClientRect().width).toBeLessThan(size * 0.45);
  });
});
