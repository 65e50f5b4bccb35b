/**
 * <sifa-plan-board> in Chromium against the real Sifa server of global-setup (plans plugin and
 * its demo plan, PGlite): rendering per locale, overdue items, the split, an office checking off
 * its own item with evidence (server messages, keyboard, focus), reloading on focus, the
 * timeline with letter downloads, Mongolian vertical layout, no inline styles (strict CSP), axe
 * in every theme.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commands, page, userEvent } from 'vitest/browser';
import type { Locale, Role } from '@sifa/core';
import type { PlansApi } from '../../index.js';
import { configureSifa, SifaClient, themes, type SifaTheme } from '@sifa/components';
import { axeViolations, chineseOutsideDeep, connectTestServer, describeViolations, eventually, layoutReport, testMonth, testYear, uniqueId } from '@sifa/components/testing';
import { planBoardMessages, type PlanBoardMessageKey } from './messages.js';
import './define.js';
import type { PlanCheckedDetail, SifaPlanBoard } from './sifa-plan-board.js';

type Api = { [K in keyof PlansApi]: PlansApi[K] };

// The widget's default period: the year of the page's clock (the test clock, see test/browser-clock.ts).
const year = testYear();
const demoTitle = `【演示】${year}年度司法所重点工作计划`;

/** The page's own fetch (the configuration is merged: each mount sets it again). */
const pageFetch: typeof fetch = (input, init) => fetch(input, init);

interface Mounted {
  el: SifaPlanBoard;
  root: ShadowRoot;
}

async function apiAs(orgCode: string, role: Role, server?: string): Promise<SifaClient> {
  const connection = await connectTestServer({ orgCode, userId: uniqueId('api'), role, ...(server ? { server } : {}) });
  return new SifaClient(connection.config);
}

async function mount(options: { orgCode: string; role: Role; lang?: Locale; theme?: SifaTheme; period?: string; fetch?: typeof fetch; server?: string }): Promise<Mounted> {
  const connection = await connectTestServer({ orgCode: options.orgCode, userId: uniqueId('u'), role: options.role, ...(options.server ? { server: options.server } : {}) });
  configureSifa({ ...connection.config, fetch: options.fetch ?? pageFetch, locale: undefined, theme: undefined });
  const el = document.createElement('sifa-plan-board');
  el.setAttribute('period', options.period ?? year);
  if (options.lang) el.setAttribute('lang', options.lang);
  if (options.theme) el.setAttribute('theme', options.theme);
  document.body.append(el);
  const root = el.shadowRoot!;
  await eventually(() => root.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false' && root.querySelector('.plans'), { what: 'the plans to load' });
  await el.updateComplete;
  return { el, root };
}

const q = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => {
  const found = root.querySelector<T & Element>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found as T;
};
const planByTitle = (root: ShadowRoot, title: string) => [...root.querySelectorAll<HTMLElement>('.plan')].find((p) => p.querySelector('.toggle')?.textContent?.includes(title));
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

beforeEach(() => {
  // The test page starts in English; the board follows the page unless told otherwise.
  document.documentElement.lang = '';
});

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
  document.documentElement.lang = '';
});

describe('<sifa-plan-board> rendering', () => {
  const mn = (key: PlanBoardMessageKey) => (): string => planBoardMessages.t('mn-Mong', key);
  const rows: [Locale, () => string, () => string][] = [
    ['zh-CN', () => '工作规划', () => `${year}年度`],
    ['en', () => 'Work plans', () => year],
    ['mn-Mong', mn('title'), () => planBoardMessages.t('mn-Mong', 'periodYear', { year })],
  ];
  it.each(rows)('shows the city its plans of the year in %s, the demo plan labelled', async (lang, title, period) => {
    const m = await mount({ orgCode: '1504', role: 'city_admin', lang });
    expect(planBoardMessages.has(lang)).toBe(true);
    expect(text(q(m.root, 'h2'))).toBe(title());
    expect(text(q(m.root, '.head .period'))).toBe(period());
    expect(q(m.root, '[part="base"]').getAttribute('lang')).toBe(lang);
    const demo = planByTitle(m.root, demoTitle)!;
    expect(demo).toBeTruthy();
    expect(text(demo.querySelector('.badge.demo'))).toBe(planBoardMessages.t(lang, 'demo'));
    // The plan title is Chinese as entered: marked so outside the Chinese UI.
    expect(demo.querySelector('.toggle [lang="zh-CN"]') !== null).toBe(lang !== 'zh-CN');
    expect(getComputedStyle(q(m.root, '.board')).writingMode).toBe(lang === 'mn-Mong' ? 'vertical-lr' : 'horizontal-tb');
    expect(q(m.root, '.board').dataset['draft']).toBe(lang === 'mn-Mong' ? 'mn' : undefined);
  });

  it('has the same keys in every catalog, every Mongolian string a draft', async () => {
    const [en, mnCatalog] = await Promise.all([planBoardMessages.load('en'), planBoardMessages.load('mn-Mong')]);
    const keys = Object.keys(planBoardMessages.catalogs['zh-CN']).sort();
    expect(Object.keys(en).sort()).toEqual(keys);
    expect(Object.keys(mnCatalog).sort()).toEqual(keys);
    expect([...planBoardMessages.mnDrafts].sort()).toEqual(keys);
    for (const catalog of [planBoardMessages.catalogs['zh-CN'], en, mnCatalog]) for (const key of keys) expect(catalog[key as PlanBoardMessageKey]).not.toBe('');
  });

  it('opens a plan with its items, each assignee’s progress and split', async () => {
    const m = await mount({ orgCode: '1504', role: 'city_admin' });
    const demo = planByTitle(m.root, demoTitle)!;
    const toggle = q<HTMLButtonElement>(demo, '.toggle');
    if (toggle.getAttribute('aria-expanded') === 'false') toggle.click();
    await eventually(() => demo.querySelector('.item'), { what: 'the demo plan’s items' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(q(m.root, `#${toggle.getAttribute('aria-controls')}`).hidden).toBe(false);
    const items = [...demo.querySelectorAll('.item h5')].map((h) => text(h));
    expect(items).toEqual(['开展普法宣传活动 指标', '排查调处矛盾纠纷 指标', '培训法律明白人 指标', '报送上半年工作总结 人工勾选', '报送全年工作总结 人工勾选']);
    // Twelve counties and their offices: summarised, listed on demand.
    q<HTMLButtonElement>(demo, '.item .assignees-toggle').click();
    const county = await eventually(() => demo.querySelector<HTMLElement>('.item .instance'), { what: 'the first item’s assignees' });
    const bar = q<HTMLProgressElement>(county, 'progress');
    expect(bar.getAttribute('aria-label')).toMatch(/完成进度$/);
    expect(bar.max).toBe(24);
    // Twelve months, each with its share of the year's working days.
    const rowsOfSplit = county.querySelectorAll('.split tbody tr');
    expect(rowsOfSplit).toHaveLength(12);
    expect(text(rowsOfSplit[0]!.querySelector('th'))).toBe('1月');

    toggle.click();
    await m.el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('lists overdue items first, and takes the user to the item in its plan', async () => {
    // Last month's plan: due on its last working day, so overdue whatever today is.
    const lastMonth = testMonth(-1);
    const county = await apiAs('150402', 'county_admin');
    const title = `逾期测试 ${uniqueId('p')}`;
    await county.mutate<Api, 'plans.create'>('plans.create', {
      period: lastMonth,
      title,
      items: [{ title: '报送月度工作总结', kind: 'manual', assignees: [{ orgCode: '150402010' }, { orgCode: '150402011' }] }],
    });
    const m = await mount({ orgCode: '150402', role: 'county_admin', period: lastMonth });
    // Other tests' overdue items of that month may be grouped: open the groups.
    for (const toggle of m.root.querySelectorAll<HTMLButtonElement>('.overdue-group .group-toggle')) toggle.click();
    await m.el.updateComplete;
    const overdue = [...m.root.querySelectorAll<HTMLElement>('.overdue-item')];
    const late = overdue.filter((o) => text(o).includes('报送月度工作总结'));
    expect(late).toHaveLength(2);
    expect(text(late[0]!.querySelector('.meta'))).toMatch(/^截止 .+，已逾期 \d+ 天 · /);
    q<HTMLButtonElement>(late[0]!, 'button').click();
    await eventually(() => (m.root.activeElement as HTMLElement | null)?.dataset['instance'], { what: 'focus on the overdue item' });
    const focused = m.root.activeElement as HTMLElement;
    expect(focused.classList.contains('status-overdue')).toBe(true);
    expect(text(focused.querySelector('.status'))).toMatch(/^! 已逾期 \d+ 天$/);
  });

  it('D13: a county or the city sees collapsed groups with summaries, opened on demand by keyboard', async () => {
    // Many overdue items (one item assigned to every office of 红山区, last month): one summary line.
    const lastMonth = testMonth(-1);
    const county = await apiAs('150402', 'county_admin');
    const offices = ['150402003', '150402004', '150402100', '150402102', '150402400', '150402401'];
    const title = `分组测试 ${uniqueId('p')}`;
    await county.mutate<Api, 'plans.create'>('plans.create', {
      period: lastMonth,
      title,
      items: [{ title: '报送分组材料', kind: 'manual', assignees: offices.map((orgCode) => ({ orgCode })) }],
    });
    const m = await mount({ orgCode: '150402', role: 'county_admin', period: lastMonth });
    const group = [...m.root.querySelectorAll<HTMLElement>('.overdue-group')].find((g) => text(g).includes('报送分组材料'))!;
    expect(group).toBeTruthy();
    const groupToggle = q<HTMLButtonElement>(group, '.group-toggle');
    expect(text(groupToggle)).toMatch(/报送分组材料 · 6 个单位逾期，最长 \d+ 天/);
    expect(groupToggle.getAttribute('aria-expanded')).toBe('false');
    expect(group.querySelectorAll('.overdue-item')).toHaveLength(0);
    groupToggle.focus();
    await userEvent.keyboard('{Enter}');
    await eventually(() => group.querySelectorAll('.overdue-item').length === 6, { what: 'the group opened' });
    expect(groupToggle.getAttribute('aria-expanded')).toBe('true');
    expect(m.root.getElementById(groupToggle.getAttribute('aria-controls')!)!.hidden).toBe(false);
    // "Show in plan" opens the plan and the item's assignees, and takes focus there.
    q<HTMLButtonElement>(group, '.overdue-item button').click();
    await eventually(() => (m.root.activeElement as HTMLElement | null)?.dataset['instance'], { what: 'focus on the overdue item' });
    m.el.remove();

    // The city's year: its demo plan opens with every item summarised, not 12 counties + offices each.
    const city = await mount({ orgCode: '1504', role: 'city_admin', lang: 'zh-CN' });
    const demo = planByTitle(city.root, demoTitle)!;
    if (q(demo, '.toggle').getAttribute('aria-expanded') === 'false') q<HTMLButtonElement>(demo, '.toggle').click();
    await eventually(() => demo.querySelector('.item'), { what: 'the demo plan’s items' });
    expect(demo.querySelectorAll('.instance')).toHaveLength(0);
    const items = [...demo.querySelectorAll<HTMLElement>('.item')];
    for (const item of items) expect(text(item.querySelector('.assignee-summary'))).toMatch(/^\d+ 个单位：\d+ 个已完成，\d+ 个落后，\d+ 个逾期$/);
    expect(city.el.getBoundingClientRect().height).toBeLessThan(2500);
    const toggle = q<HTMLButtonElement>(items[0]!, '.assignees-toggle');
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    await eventually(() => items[0]!.querySelectorAll('.instance').length > 3, { what: 'the assignees listed' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await userEvent.keyboard('{Enter}');
    await eventually(() => items[0]!.querySelectorAll('.instance').length === 0, { what: 'the assignees hidden again' });
  });

  /** The county's demo plan opened, every split table shown. */
  async function openDemo(m: Mounted, splits = true): Promise<HTMLElement> {
    const demo = planByTitle(m.root, demoTitle)!;
    const toggle = q<HTMLButtonElement>(demo, '.toggle');
    if (toggle.getAttribute('aria-expanded') === 'false') toggle.click();
    await eventually(() => demo.querySelector('.item .split'), { what: 'the demo plan’s items' });
    for (const d of demo.querySelectorAll<HTMLDetailsElement>('details.split')) d.open = splits;
    await m.el.updateComplete;
    return demo;
  }

  it('visual review: in Mongolian, dates, units and server names are Mongolian or marked Chinese', async () => {
    const m = await mount({ orgCode: '150402', role: 'county_admin', lang: 'mn-Mong' });
    const demo = await openDemo(m);
    expect(text(demo)).not.toMatch(/\d+年\d+月\d+日/);
    expect(text(demo)).toContain(planBoardMessages.t('mn-Mong', 'dayDate', { year, month: 12, day: 31 }));
    expect(chineseOutsideDeep(m.el)).toEqual([]);
  });

  it('visual review: on a phone the split tables stay inside the widget, closed or open (wide ones scroll in their own box)', async () => {
    const [width, height] = [window.innerWidth, window.innerHeight];
    await page.viewport(390, 800);
    try {
      for (const [lang, theme] of [['en', 'light'], ['zh-CN', 'elderly']] as const) {
        const m = await mount({ orgCode: '150402', role: 'county_admin', lang, theme });
        // As the review sees it (split closed), then open.
        await openDemo(m, false);
        expect(layoutReport(m.el).overflow, `${lang} ${theme}, split closed`).toEqual([]);
        await openDemo(m);
        expect(layoutReport(m.el).overflow, `${lang} ${theme}, split open`).toEqual([]);
        m.el.remove();
      }
    } finally {
      await page.viewport(width, height);
    }
  });

  it('says what is wrong with a bad period', async () => {
    const connection = await connectTestServer({ orgCode: '1504', userId: uniqueId('u'), role: 'city_admin' });
    configureSifa({ ...connection.config, locale: undefined, theme: undefined });
    const el = document.createElement('sifa-plan-board');
    el.setAttribute('period', '2026-13');
    document.body.append(el);
    await eventually(() => el.shadowRoot!.querySelector('.error'), { what: 'the error' });
    expect(text(el.shadowRoot!.querySelector('.error'))).toBe('期间“2026-13”格式不对：应为年（2026）、季度（2026-Q4）或月（2026-10）。');
    expect(el.shadowRoot!.querySelector('.plans')).toBeNull();
  });
});

describe('<sifa-plan-board> checking off', () => {
  it('D26: an empty check-off is refused in the widget, with no request sent', async () => {
    const county = await apiAs('150402', 'county_admin');
    const title = `空提交 ${uniqueId('p')}`;
    const plan = await county.mutate<Api, 'plans.create'>('plans.create', { period: '2026-12', title, items: [{ title: '报送材料', kind: 'manual', assignees: [{ orgCode: '150402100' }] }] });
    const sent: string[] = [];
    const recording: typeof fetch = (input, init) => {
      sent.push(new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).pathname);
      return fetch(input, init);
    };
    const m = await mount({ orgCode: '150402100', role: 'office_staff', period: '2026-12', fetch: recording });
    const card = planByTitle(m.root, title)!;
    if (q(card, '.toggle').getAttribute('aria-expanded') === 'false') q<HTMLButtonElement>(card, '.toggle').click();
    const id = plan.items[0]!.instances[0]!.id;
    const instance = await eventually(() => card.querySelector<HTMLElement>(`[data-instance="${id}"]`), { what: 'the manual item' });
    q<HTMLButtonElement>(instance, '[data-check]').click();
    await eventually(() => instance.querySelector('form'), { what: 'the form' });
    await userEvent.fill(q<HTMLTextAreaElement>(instance, 'textarea'), '   ');
    await userEvent.fill(q<HTMLInputElement>(instance, '[name="attachmentUrl"]'), 'http://example.com/x');
    sent.length = 0;
    q<HTMLFormElement>(instance, 'form').requestSubmit();
    await m.el.updateComplete;
    await m.el.updateComplete;
    expect(text(instance.querySelector('#text-' + id + '-error'))).toBe('请填写完成情况说明（1–2000 个字符）。');
    expect(text(instance.querySelector('#attachmentName-' + id + '-error'))).toBe('填写了佐证材料地址时，请填写材料名称（1–200 个字符）。');
    expect(text(instance.querySelector('#attachmentUrl-' + id + '-error'))).toBe('佐证材料地址须以 https:// 开头，或为以 / 开头的站内路径。');
    expect(text(instance.querySelector('.error[role="alert"]'))).toBe('请按提示修改后再提交。');
    expect((m.root.activeElement as HTMLElement).id).toBe(`text-${id}`);
    // Give a request time to leave: none did.
    await new Promise((r) => setTimeout(r, 200));
    expect(sent.filter((path) => path.includes('plans.check'))).toEqual([]);
  });

  it('lets an office check off its own item with evidence, by keyboard, with the server’s messages', async () => {
    const county = await apiAs('150402', 'county_admin');
    const title = `勾选测试 ${uniqueId('p')}`;
    const plan = await county.mutate<Api, 'plans.create'>('plans.create', {
      period: '2026-12',
      title,
      items: [
        { title: '报送年度总结', kind: 'manual', assignees: [{ orgCode: '150402005' }] },
        { title: '开展普法宣传活动', kind: 'metric', metric: 'diary.law-education-events', target: 5, assignees: [{ orgCode: '150402005' }] },
      ],
    });
    const m = await mount({ orgCode: '150402005', role: 'office_staff', period: '2026-12' });
    const card = planByTitle(m.root, title)!;
    expect(text(card.querySelector('.badge:not(.demo)'))).toBe('上级下达');
    if (q(card, '.toggle').getAttribute('aria-expanded') === 'false') q<HTMLButtonElement>(card, '.toggle').click();
    const manualId = plan.items[0]!.instances[0]!.id;
    const instance = await eventually(() => card.querySelector<HTMLElement>(`[data-instance="${manualId}"]`), { what: 'the manual item' });
    const metric = q(card, `[data-instance="${plan.items[1]!.instances[0]!.id}"]`);
    expect(text(metric.querySelector('.bar span'))).toBe('0/5场（0%）');

    const events: PlanCheckedDetail[] = [];
    m.el.addEventListener('sifa-plan-checked', (e) => events.push(e.detail));
    q<HTMLButtonElement>(instance, '[data-check]').focus();
    await userEvent.keyboard('{Enter}');
    await eventually(() => (m.root.activeElement as HTMLElement | null)?.id === `text-${manualId}`, { what: 'focus in the evidence field' });

    // Nothing written: the server's message appears at the field, which gets focus.
    q<HTMLFormElement>(instance, 'form').requestSubmit();
    await eventually(() => instance.querySelector('.field-error'), { what: 'the field error' });
    expect(text(instance.querySelector('.field-error'))).toBe('请填写完成情况说明（1–2000 个字符）。');
    expect(q(instance, 'textarea').getAttribute('aria-invalid')).toBe('true');
    expect(q(instance, 'textarea').getAttribute('aria-describedby')).toBe(`text-${manualId}-error`);

    await userEvent.fill(q<HTMLTextAreaElement>(instance, 'textarea'), '年度总结已报送县局');
    await userEvent.fill(q<HTMLInputElement>(instance, '[name="attachmentName"]'), '年度总结.docx');
    await userEvent.fill(q<HTMLInputElement>(instance, '[name="attachmentUrl"]'), 'https://oa.example.gov.cn/files/2026-summary');
    q<HTMLButtonElement>(instance, 'button[type="submit"]').focus();
    await userEvent.keyboard('{Enter}');
    await eventually(() => instance.querySelector('.checked'), { what: 'the checkmark' });
    expect(text(instance.querySelector('.checked'))).toMatch(/标记完成 说明：年度总结已报送县局 材料：年度总结\.docx/);
    expect(q<HTMLAnchorElement>(instance, '.checked a').href).toBe('https://oa.example.gov.cn/files/2026-summary');
    expect(text(instance.querySelector('.status'))).toBe('✓ 已完成');
    expect(events).toEqual([{ planId: plan.id, instanceId: manualId, checked: true }]);
    expect(text(m.root.querySelector('.announce'))).toBe('已标记“报送年度总结”完成。');
    expect((m.root.activeElement as HTMLElement).dataset['uncheck']).toBe(manualId);

    const stored = await county.query<Api, 'plans.get'>('plans.get', { planId: plan.id });
    expect(stored.items[0]!.instances[0]!.check?.evidence.text).toBe('年度总结已报送县局');

    await userEvent.keyboard('{Enter}');
    await eventually(() => instance.querySelector('[data-check]'), { what: 'the checkmark withdrawn' });
    expect(events.at(-1)).toEqual({ planId: plan.id, instanceId: manualId, checked: false });
    expect((m.root.activeElement as HTMLElement).dataset['check']).toBe(manualId);
  });

  it('offers no checkmark for another org’s item', async () => {
    const county = await apiAs('150402', 'county_admin');
    const title = `他人事项 ${uniqueId('p')}`;
    const nextMonth = testMonth(1);
    await county.mutate<Api, 'plans.create'>('plans.create', { period: nextMonth, title, items: [{ title: '报送材料', kind: 'manual', assignees: [{ orgCode: '150402006' }] }] });
    const m = await mount({ orgCode: '150402', role: 'county_admin', period: nextMonth });
    const card = planByTitle(m.root, title)!;
    if (q(card, '.toggle').getAttribute('aria-expanded') === 'false') q<HTMLButtonElement>(card, '.toggle').click();
    await eventually(() => card.querySelector('.instance'), { what: 'the item' });
    expect(card.querySelector('[data-check]')).toBeNull();
    // Next month has not begun: the item is not started yet.
    expect(text(card.querySelector('.instance .status'))).toBe('– 未开始');
  });
});

describe('<sifa-plan-board> staying current', () => {
  it('reloads when the page regains focus', async () => {
    const county = await apiAs('150402', 'county_admin');
    const title = `刷新测试 ${uniqueId('p')}`;
    const plan = await county.mutate<Api, 'plans.create'>('plans.create', { period: '2026-12', title, items: [{ title: '报送材料', kind: 'manual', assignees: [{ orgCode: '150402007' }] }] });
    const m = await mount({ orgCode: '150402', role: 'county_admin', period: '2026-12' });
    expect(planByTitle(m.root, title)).toBeTruthy();
    await county.mutate<Api, 'plans.update'>('plans.update', { planId: plan.id, title: `${title}（已改）` });
    window.dispatchEvent(new FocusEvent('focus'));
    await eventually(() => planByTitle(m.root, `${title}（已改）`), { what: 'the new title' });
  });

  it('shows who was reminded and supervised when by the real jobs, and downloads the letters', async () => {
    // A server of its own: the jobs run over every plan on it (as `sifa jobs run` would).
    const server = 'plans-jobs';
    const county = await apiAs('150402', 'county_admin', server);
    // The story is October 2026 (National Day and its adjusted Saturday): this server lives on
    // 20 October 2026, after the due date, whatever the test clock says.
    await commands.setServerClock({ server, offsetMs: Date.parse('2026-10-20T10:00:00+08:00') - Date.now() });
    const title = `时间线测试 ${uniqueId('p')}`;
    const plan = await county.mutate<Api, 'plans.create'>('plans.create', { period: '2026-10', title, items: [{ title: '报送值班情况', kind: 'manual', due: '2026-10-16', assignees: [{ orgCode: '150402008' }] }] });
    const instance = plan.items[0]!.instances[0]!;
    // 5 working days before Fri 16 Oct is Sat 10 Oct (an adjusted working day after National Day), 2 is Wed 14 Oct;
    // the first working day after the due date is Mon 19 Oct (08:00 and 08:30 in Beijing).
    for (const [name, at] of [
      ['plans.reminders', '2026-10-10T00:00:00.000Z'],
      ['plans.reminders', '2026-10-14T00:00:00.000Z'],
      ['plans.escalation', '2026-10-19T00:30:00.000Z'],
    ] as const) {
      expect((await commands.runJob({ server, name, at })).status).toBe('succeeded');
    }
    const downloads: { path: string; authorization: string | null; status: number; type: string | null }[] = [];
    const recording: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      if (url.pathname.startsWith('/plugins/platform/documents/')) {
        downloads.push({ path: url.pathname, authorization: new Headers(init?.headers).get('authorization'), status: res.status, type: res.headers.get('content-type') });
      }
      return res;
    };
    const created = vi.spyOn(URL, 'createObjectURL');
    const m = await mount({ orgCode: '150402', role: 'county_admin', period: '2026-10', fetch: recording, server });
    const card = planByTitle(m.root, title)!;
    if (q(card, '.toggle').getAttribute('aria-expanded') === 'false') q<HTMLButtonElement>(card, '.toggle').click();
    const item = await eventually(() => card.querySelector<HTMLElement>(`[data-instance="${instance.id}"]`), { what: 'the item' });
    const timeline = q<HTMLDetailsElement>(item, '.timeline');
    expect(text(timeline.querySelector('summary'))).toBe('提醒与督办记录（3）');
    timeline.open = true;
    const entries = [...timeline.querySelectorAll('li')].map((li) => text(li.querySelector('span')));
    const who = text(item.querySelector('.who'));
    expect(entries[0]).toMatch(new RegExp(`^提醒${who}：到期前 5 个工作日 · 方式：站内通知`));
    expect(entries[1]).toMatch(new RegExp(`^提醒${who}：到期前 2 个工作日 · 方式：站内通知`));
    expect(entries[2]).toMatch(/^红山区\S*督办（第 1 级）：逾期 3 天，限 2026年10月\d+日 前书面报送$/);
    expect([...timeline.querySelectorAll('time')].map((t) => t.getAttribute('datetime')!.slice(0, 10))).toEqual(['2026-10-10', '2026-10-14', '2026-10-19']);
    // The letter is numbered in the year it is issued (the server's today, 20 October 2026).
    const download = [...timeline.querySelectorAll<HTMLButtonElement>('button')].find((b) => /^下载 红\S*督〔2026〕\d+号$/.test(text(b)))!;
    expect(download).toBeTruthy();
    download.click();
    await eventually(() => downloads.length === 1, { what: 'the download' });
    expect(downloads[0]).toMatchObject({ status: 200, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    expect(downloads[0]!.authorization).toMatch(/^Bearer /);
    await eventually(() => created.mock.calls.length === 1, { what: 'the file handed to the browser' });
    // Overdue since 16 October: highlighted, also in the overdue list.
    expect(item.classList.contains('status-overdue')).toBe(true);
    // (An item on its own, or the summary of its group when many are overdue.)
    expect([...m.root.querySelectorAll('.overdue-item, .overdue-group')].some((o) => text(o).includes('报送值班情况'))).toBe(true);
  });
});

describe('<sifa-plan-board> strict CSP and accessibility', () => {
  it('renders no inline style or script', async () => {
    const m = await mount({ orgCode: '1504', role: 'city_admin' });
    for (const d of m.root.querySelectorAll('details')) d.open = true;
    await m.el.updateComplete;
    expect(m.root.querySelectorAll('[style], style, script').length).toBe(0);
  });

  it.each(themes)('has no axe violations in the %s theme (plans, split, timeline, check form with an error)', async (theme) => {
    const county = await apiAs('150402', 'county_admin');
    const title = `无障碍 ${theme} ${uniqueId('p')}`;
    await county.mutate<Api, 'plans.create'>('plans.create', { period: '2026-11', title, items: [{ title: '报送材料', kind: 'manual', assignees: [{ orgCode: '150402009' }] }, { title: '开展普法宣传活动', kind: 'metric', metric: 'diary.law-education-events', target: 4, assignees: [{ orgCode: '150402009' }] }] });
    const m = await mount({ orgCode: '150402009', role: 'office_staff', period: '2026-11', theme });
    const card = planByTitle(m.root, title)!;
    if (q(card, '.toggle').getAttribute('aria-expanded') === 'false') q<HTMLButtonElement>(card, '.toggle').click();
    await eventually(() => card.querySelector('[data-check]'), { what: 'the item' });
    for (const d of m.root.querySelectorAll('details')) d.open = true;
    q<HTMLButtonElement>(card, '[data-check]').click();
    await m.el.updateComplete;
    q<HTMLFormElement>(card, 'form').requestSubmit();
    await eventually(() => card.querySelector('.field-error'), { what: 'the field error' });
    expect(describeViolations(await axeViolations(m.el))).toEqual([]);
  });

  it('has no axe violations in English and Mongolian (vertical)', async () => {
    for (const lang of ['en', 'mn-Mong'] as const) {
      const m = await mount({ orgCode: '1504', role: 'city_admin', lang });
      for (const d of m.root.querySelectorAll('details')) d.open = true;
      await m.el.updateComplete;
      expect(describeViolations(await axeViolations(m.el))).toEqual([]);
      m.el.remove();
    }
  });
});
