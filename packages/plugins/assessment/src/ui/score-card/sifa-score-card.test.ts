/**
 * <sifa-score-card> in Chromium against the real Sifa server of test/global-setup.ts, whose seeds
 * wrote the diary's demo history for every office and published the DEMO standard: the card
 * shows what `assessment.score` computes (total, parts, rank, trend), drills down part → items →
 * the diary entries behind a figure with the keyboard (Escape climbs back, focus returns), speaks
 * three languages (Mongolian vertical), shows the server's errors in the reader's language, sets
 * no style attribute (strict CSP) and passes axe in every theme.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { Locale, Role } from '@sifa/core';
import { configureSifa, SifaClient, themes, type SifaTheme } from '@sifa/components';
import { axeViolations, connectTestServer, describeViolations, eventually, testMonth, testNow, uniqueId } from '@sifa/components/testing';
import { scoreCardMessages } from './messages.js';
import { trendEnd } from './periods.js';
import './define.js';
import type { ScoreCardCalls, SifaScoreCard } from './sifa-score-card.js';
import type { ScoreDrillDetail, ScoreSourceDetail } from './define.js';

// A year the demo history has entries in, at any date: the year of last month (the history ends
// before today, so early in January this year has none yet). Dates come from the page's test clock.
const year = testMonth(-1).slice(0, 4);
const XITUN = '150402001';

interface Mounted {
  el: SifaScoreCard;
  root: ShadowRoot;
  client: SifaClient;
  drills: ScoreDrillDetail[];
}

async function mount(options: { orgCode: string; role: Role; attrs?: Record<string, string>; lang?: Locale; theme?: SifaTheme; wait?: 'score' | 'error' }): Promise<Mounted> {
  const connection = await connectTestServer({ orgCode: options.orgCode, userId: uniqueId('u'), role: options.role });
  configureSifa({ ...connection.config, locale: undefined, theme: undefined });
  const el = document.createElement('sifa-score-card');
  for (const [k, v] of Object.entries(options.attrs ?? {})) el.setAttribute(k, v);
  if (options.lang) el.setAttribute('lang', options.lang);
  if (options.theme) el.setAttribute('theme', options.theme);
  const drills: ScoreDrillDetail[] = [];
  el.addEventListener('sifa-score-drill', (e) => drills.push(e.detail));
  document.body.append(el);
  const root = el.shadowRoot!;
  const wait = options.wait ?? 'score';
  await eventually(() => root.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false' && (wait === 'score' ? root.querySelector('.parts') : root.querySelector('.error')), {
    what: `the card to show its ${wait}`,
    timeoutMs: 25_000,
  });
  await el.updateComplete;
  return { el, root, client: new SifaClient(connection.config), drills };
}

const q = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => {
  const found = root.querySelector<T & Element>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found as T;
};
const all = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => [...root.querySelectorAll<T & Element>(selector)] as T[];
const focused = (root: ShadowRoot) => root.activeElement as HTMLElement | null;
const fmt = (n: number) => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2, useGrouping: false }).format(n);

beforeEach(() => {
  // The page speaks no language of its own: the card speaks its element's, else Chinese.
  document.documentElement.lang = '';
});

afterEach(async () => {
  document.body.replaceChildren();
  await page.viewport(1400, 900);
});

describe('<sifa-score-card> with the real server and the demo history', () => {
  it("shows the office's computed score: total, parts, rank among the county's offices, the demo label", async () => {
    const m = await mount({ orgCode: '150402', role: 'county_admin', attrs: { 'org-code': XITUN, period: year } });
    const score = await m.client.query<ScoreCardCalls, 'assessment.score'>('assessment.score', { orgCode: XITUN, period: year });
    expect(score.standard.demo).toBe(true);
    expect(score.rank).not.toBeNull();
    expect(q(m.root, 'h2').textContent).toContain('西屯街道司法所');
    expect(q(m.root, '.total .value').textContent).toBe(fmt(score.total));
    expect(q(m.root, '.total .sr-only').textContent).toBe(scoreCardMessages.t('zh-CN', 'totalLabel', { total: fmt(score.total), max: fmt(score.fullMarks) }));
    expect(q(m.root, '.total [aria-hidden="true"]').textContent).toBe(`${fmt(score.total)} / 1000`);
    expect(q(m.root, '.rank').textContent).toBe(`在红山区所属 ${score.rank!.of} 个单位中排名第 ${score.rank!.position}`);
    expect(q(m.root, '.badge').textContent).toBe('示范');
    const parts = all<HTMLButtonElement>(m.root, 'button.part');
    expect(parts.map((b) => b.dataset['part'])).toEqual(score.parts.map((p) => p.code));
    score.parts.forEach((p, i) => {
      const fill = parts[i]!.querySelector('rect.fill')!;
      expect(Number(fill.getAttribute('width'))).toBeCloseTo(Math.min(100, (Math.abs(p.points) / p.max) * 100), 1);
    });
    expect(parts[0]!.getAttribute('aria-expanded')).toBe('false');
    // Strict CSP: nothing is styled through a style attribute.
    expect(m.root.querySelectorAll('[style]')).toHaveLength(0);
  });

  it('draws the trend the server computed as an SVG sparkline with a text summary', async () => {
    const m = await mount({ orgCode: XITUN, role: 'office_staff', attrs: { period: year } });
    const trend = await m.client.query<ScoreCardCalls, 'assessment.trend'>('assessment.trend', { orgCode: XITUN, period: trendEnd(year, 'month', testNow()), count: 12 });
    const svg = q(m.root, '.trend svg');
    expect(svg.getAttribute('role')).toBe('img');
    const scored = trend.points.filter((p) => p.total !== null).map((p) => p.total!);
    expect(scored.length).toBeGreaterThan(1);
    expect(svg.getAttribute('aria-label')).toContain(`最高 ${fmt(Math.max(...scored))}`);
    expect(all(m.root, '.trend .line, .trend .dot').length).toBeGreaterThan(0);
    expect(all(m.root, '.trend li')).toHaveLength(trend.points.length);
    // An office sees its own score; its rank among its neighbours is the county's to see.
    expect(q(m.root, '.rank').textContent).toBe('排名由上级单位查看。');
  });

  it('drills down by keyboard: part → items table → the diary entries behind an item, Escape climbing back', async () => {
    const m = await mount({ orgCode: XITUN, role: 'office_staff', attrs: { period: year } });
    const score = await m.client.query<ScoreCardCalls, 'assessment.score'>('assessment.score', { orgCode: XITUN, period: year });
    const item = score.items.find((i) => i.part !== 'negative' && i.points > 0 && i.value > 0)!;
    const partButton = q<HTMLButtonElement>(m.root, `button.part[data-part="${item.part}"]`);
    partButton.focus();
    await userEvent.keyboard('{Enter}');
    await m.el.updateComplete;
    expect(partButton.getAttribute('aria-expanded')).toBe('true');
    const rows = all(m.root, '#items tbody tr');
    expect(rows.map((r) => r.dataset['item'])).toEqual(score.items.filter((i) => i.part === item.part).map((i) => i.code));
    expect(all(m.root, '#items thead th').map((th) => th.getAttribute('scope'))).toEqual(['col', 'col', 'col', 'col', 'col', 'col']);
    expect(q(m.root, '[role="status"]').textContent).toContain('考核项');

    const records = q<HTMLButtonElement>(m.root, `button.records[data-item="${item.code}"]`);
    records.focus();
    await userEvent.keyboard('{Enter}');
    await eventually(() => m.root.querySelector('#sources')?.getAttribute('aria-busy') === 'false', { what: 'the records' });
    await m.el.updateComplete;
    expect(focused(m.root)?.id).toBe('sources-title');
    const breakdown = await m.client.query<ScoreCardCalls, 'assessment.breakdown'>('assessment.breakdown', { orgCode: XITUN, period: year, itemCode: item.code, limit: 50 });
    const sourceRows = all(m.root, '#sources tbody tr');
    expect(sourceRows.map((r) => r.dataset['source'])).toEqual(breakdown.sources.map((s) => s.id));
    expect(sourceRows[0]!.querySelector('th')!.textContent).toBe(breakdown.sources[0]!.day);
    // Diary entries, or case files where the item counts a metric the case files produce.
    breakdown.sources.forEach((s, i) => expect(sourceRows[i]!.textContent).toContain(s.kind === 'diary.entry' ? '工作日志' : '案卷'));
    expect(m.drills.at(-1)).toEqual({ orgCode: XITUN, period: year, part: item.part, item: item.code });

    await userEvent.keyboard('{Escape}');
    await m.el.updateComplete;
    expect(m.root.querySelector('#sources')).toBeNull();
    expect(focused(m.root)).toBe(q(m.root, `button.records[data-item="${item.code}"]`));
    await userEvent.keyboard('{Escape}');
    await m.el.updateComplete;
    expect(m.root.querySelector('#items')).toBeNull();
    expect(focused(m.root)).toBe(q(m.root, `button.part[data-part="${item.part}"]`));
    expect(m.drills.at(-1)).toEqual({ orgCode: XITUN, period: year, part: null, item: null });
  });

  it('links records through source-href and lets the host take the click', async () => {
    const m = await mount({ orgCode: XITUN, role: 'office_staff', attrs: { period: year, 'source-href': '/diary?entry={id}&day={day}' } });
    const score = await m.client.query<ScoreCardCalls, 'assessment.score'>('assessment.score', { orgCode: XITUN, period: year });
    const item = score.items.find((i) => i.part !== 'negative' && i.value > 0)!;
    q<HTMLButtonElement>(m.root, `button.part[data-part="${item.part}"]`).click();
    await m.el.updateComplete;
    q<HTMLButtonElement>(m.root, `button.records[data-item="${item.code}"]`).click();
    const link = await eventually(() => m.root.querySelector<HTMLAnchorElement>('#sources tbody a'), { what: 'a record link' });
    const row = link.closest('tr')!;
    expect(link.getAttribute('href')).toBe(`/diary?entry=${row.dataset['source']}&day=${link.textContent}`);
    const seen: ScoreSourceDetail[] = [];
    m.el.addEventListener('sifa-score-source', (e) => (seen.push(e.detail), e.preventDefault()));
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(seen).toEqual([{ kind: 'diary.entry', id: row.dataset['source'], orgCode: XITUN, day: link.textContent, href: link.getAttribute('href') }]);
  });

  // Issue 20 F1: a link template set from data (a VR hotspot's widget) to `java<TAB>script:…`.
  it('a source-href the browser would parse as script gives no links: the records list their days as text', async () => {
    const m = await mount({ orgCode: XITUN, role: 'office_staff', attrs: { period: year, 'source-href': 'java\tscript:alert(document.domain)//{id}' } });
    const score = await m.client.query<ScoreCardCalls, 'assessment.score'>('assessment.score', { orgCode: XITUN, period: year });
    const item = score.items.find((i) => i.part !== 'negative' && i.value > 0)!;
    q<HTMLButtonElement>(m.root, `button.part[data-part="${item.part}"]`).click();
    await m.el.updateComplete;
    q<HTMLButtonElement>(m.root, `button.records[data-item="${item.code}"]`).click();
    const day = await eventually(() => m.root.querySelector<HTMLElement>('#sources tbody tr[data-source] th'), { what: 'the records' });
    expect(day.textContent).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(m.root.querySelectorAll('#sources a')).toHaveLength(0);
  });

  it("averages a county's offices and ranks it among the city's counties", async () => {
    const m = await mount({ orgCode: '1504', role: 'city_admin', attrs: { 'org-code': '150402', period: year } });
    const score = await m.client.query<ScoreCardCalls, 'assessment.score'>('assessment.score', { orgCode: '150402', period: year });
    expect(score.offices).toBe(15);
    expect(q(m.root, '.total .value').textContent).toBe(fmt(score.total));
    expect(q(m.root, '.note').textContent).toBe('15 个司法所的平均分');
    expect(q(m.root, '.rank').textContent).toBe(`在赤峰市所属 12 个单位中排名第 ${score.rank!.position}`);
    // The records of a county name the office of each.
    const item = score.items.find((i) => i.part !== 'negative' && i.value > 0)!;
    q<HTMLButtonElement>(m.root, `button.part[data-part="${item.part}"]`).click();
    await m.el.updateComplete;
    q<HTMLButtonElement>(m.root, `button.records[data-item="${item.code}"]`).click();
    await eventually(() => m.root.querySelector('#sources tbody tr'), { what: 'county records' });
    expect(all(m.root, '#sources thead th').map((th) => th.textContent)).toEqual(['日期', '单位', '来源', '数值']);
    expect(q(m.root, '#sources tbody tr td').textContent).toMatch(/司法所$/);
  });

  it('speaks English and Mongolian (vertical, drafts marked), titles falling back to Chinese marked as such', async () => {
    const en = await mount({ orgCode: XITUN, role: 'office_staff', attrs: { period: year }, lang: 'en' });
    expect(q(en.root, '#parts-title').textContent).toBe('Points by part');
    expect(q(en.root, '.badge').textContent).toBe('DEMO');
    expect(q(en.root, '.meta').textContent).toContain(`Year ${year}`);
    en.el.remove();
    const mn = await mount({ orgCode: XITUN, role: 'office_staff', attrs: { period: year }, lang: 'mn-Mong' });
    await mn.el.updateComplete;
    const base = q(mn.root, '[part="base"]');
    expect(base.classList.contains('vertical')).toBe(true);
    expect(base.getAttribute('lang')).toBe('mn-Mong');
    expect(base.dataset['draft']).toBe('mn');
    expect(getComputedStyle(base).writingMode).toBe('vertical-lr');
    expect(q(mn.root, '#parts-title').textContent).toBe(scoreCardMessages.t('mn-Mong', 'parts'));
    // The org has no Mongolian name: shown in Chinese, marked so.
    expect(q(mn.root, 'h2 [lang="zh-CN"]').textContent).toBe('西屯街道司法所');
  });

  it('V4: the Mongolian card holds at 1400 and 390 px: it scrolls sideways itself, never the page; the sparkline and bars keep their size; the standard is marked Chinese', async () => {
    for (const width of [1400, 390]) {
      await page.viewport(width, 844);
      const m = await mount({ orgCode: '150402', role: 'county_admin', attrs: { 'org-code': XITUN, period: year }, lang: 'mn-Mong' });
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      expect(document.documentElement.scrollWidth, `page at ${width}`).toBeLessThanOrEqual(width);
      const host = m.el.getBoundingClientRect();
      expect(host.right, `host at ${width}`).toBeLessThanOrEqual(width);
      // The card is as tall as its line (36em), not stretched: the sparkline is 12em wide at most.
      const fontSize = parseFloat(getComputedStyle(m.el).fontSize);
      expect(host.height, `card at ${width}`).toBeLessThan(40 * fontSize);
      const trend = q(m.root, '[part="trend"] svg').getBoundingClientRect();
      expect(trend.width, `trend at ${width}`).toBeLessThanOrEqual(12 * fontSize + 1);
      expect(trend.width / trend.height).toBeCloseTo(160 / 40, 0);
      // The bars run along the line: taller than wide, inside the card.
      for (const bar of all(m.root, '.part .bar')) {
        const r = bar.getBoundingClientRect();
        expect(r.height).toBeGreaterThan(r.width);
        expect(r.bottom).toBeLessThanOrEqual(host.bottom + 1);
      }
      // The standard has no Mongolian title: its Chinese one is marked so.
      expect(q(m.root, '.meta .standard [lang="zh-CN"]').textContent).toMatch(/[\u4e00-\u9fff]/);
      m.el.remove();
    }
  });

  it("shows the server's refusal in the reader's language, and again in the new one when the language changes", async () => {
    const m = await mount({ orgCode: XITUN, role: 'office_staff', attrs: { 'org-code': '150404001', period: year }, lang: 'en', wait: 'error' });
    expect(q(m.root, '.error').textContent).toContain('is outside the area you manage');
    expect(q(m.root, '.error').getAttribute('role')).toBe('alert');
    m.el.setAttribute('lang', 'zh-CN');
    await eventually(() => m.root.querySelector('.error')?.textContent?.includes('不在您的管辖范围内'), { what: 'the error in Chinese' });
    expect(q(m.root, '.error button').textContent!.trim()).toBe('重试');
  });

  it.each(themes)('passes axe (%s theme), parts and items open', async (theme) => {
    const m = await mount({ orgCode: '150402', role: 'county_admin', attrs: { 'org-code': XITUN, period: year }, theme });
    q<HTMLButtonElement>(m.root, 'button.part[data-part="key"]').click();
    await m.el.updateComplete;
    const violations = await axeViolations(m.el);
    expect(describeViolations(violations)).toEqual([]);
  });
});
