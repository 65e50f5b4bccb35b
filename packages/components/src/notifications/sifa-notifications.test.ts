/**
 * <sifa-notifications> in Chromium against the real Sifa server of test/global-setup.ts: the
 * list, the unread count, a notification sent while the widget is open arriving live (the
 * server-sent-events feed), read marks, the signed-out state, three locales, axe.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import { configureSifa } from '../config/config.js';
import { connectTestServer, eventually, uniqueId } from '../test-utils/test-server.js';
import { axeViolations, describeViolations } from '../test-utils/axe.js';
import './define.js';
import type { SifaNotifications } from './sifa-notifications.js';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const el of mounted.splice(0)) el.remove();
});

async function mount(attrs: Record<string, string> = {}): Promise<SifaNotifications> {
  const el = document.createElement('sifa-notifications');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  mounted.push(el);
  await el.updateComplete;
  return el;
}

const shadow = (el: HTMLElement) => el.shadowRoot!;
const bellLabel = (el: HTMLElement) => shadow(el).querySelector('.bell')?.getAttribute('aria-label') ?? '';
const unreadOf = (el: HTMLElement) => Number(/(\d+) unread/.exec(bellLabel(el))?.[1] ?? 0);

describe('<sifa-notifications>', () => {
  it('shows the unread count, receives a new notification live, and marks it read', async () => {
    const connection = await connectTestServer({ orgCode: '150402001', userId: uniqueId('u') });
    configureSifa(connection.config);
    const el = await mount({ lang: 'en' });
    await eventually(() => shadow(el).querySelector('.bell'), { what: 'the bell' });
    await eventually(() => /Notifications, /.test(bellLabel(el)), { what: 'the first count' });
    // Let the feed open before sending.
    await new Promise((r) => setTimeout(r, 300));
    const before = unreadOf(el);
    const events: string[] = [];
    el.addEventListener('sifa-notification', (e) => events.push(e.detail.title.en));

    const title = uniqueId('reminder');
    await commands.notify({ orgCode: '150402001', title, severity: 'warning' });
    await eventually(() => unreadOf(el) === before + 1, { what: 'the live count' });
    expect(events).toEqual([title]);
    expect(shadow(el).querySelector('[role="status"]')!.textContent).toContain(`New notification: ${title}`);
    // Another office's notification never reaches this one.
    await commands.notify({ orgCode: '150402002', title: uniqueId('elsewhere') });

    await userEvent.click(shadow(el).querySelector<HTMLButtonElement>('.bell')!);
    await el.updateComplete;
    const item = [...shadow(el).querySelectorAll('.item')].find((li) => li.textContent!.includes(title))!;
    expect(item.classList.contains('unread')).toBe(true);
    expect(item.textContent).toContain('Reminder');
    expect(describeViolations(await axeViolations(el))).toEqual([]);

    await userEvent.click([...item.querySelectorAll('button')].find((b) => b.textContent!.includes('Mark as read'))!);
    await eventually(() => unreadOf(el) === before, { what: 'the count after marking read' });
    expect(events).toEqual([title]);
    // The button is gone with the unread state; focus stays in the list.
    expect(shadow(el).activeElement).toBe(shadow(el).querySelector('.panel'));

    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expect(shadow(el).querySelector('.panel')).toBeNull();
    expect(shadow(el).activeElement).toBe(shadow(el).querySelector('.bell'));
  });

  it('D23: the list reads from the start edge in an end-aligned header, and Esc closes it wherever focus is, back to the bell', async () => {
    const connection = await connectTestServer({ orgCode: '150402001', userId: uniqueId('u') });
    configureSifa(connection.config);
    await commands.notify({ orgCode: '150402001', title: uniqueId('aligned'), severity: 'warning' });
    // A portal header: its controls sit at the end, its text aligned there.
    const header = document.createElement('div');
    header.className = 'end-aligned';
    header.setAttribute('style', 'text-align: right; display: flex; justify-content: flex-end');
    const outside = document.createElement('button');
    outside.textContent = 'elsewhere';
    document.body.append(header, outside);
    mounted.push(header, outside);
    const el = document.createElement('sifa-notifications') as SifaNotifications;
    el.setAttribute('lang', 'en');
    el.setAttribute('align', 'end');
    header.append(el);
    await eventually(() => unreadOf(el) > 0, { what: 'the unread count' });
    shadow(el).querySelector<HTMLButtonElement>('.bell')!.click();
    const body = await eventually(() => shadow(el).querySelector<HTMLElement>('.item .body'), { what: 'an item' });
    expect(['start', 'left']).toContain(getComputedStyle(body).textAlign);
    expect(['start', 'left']).toContain(getComputedStyle(shadow(el).querySelector('.item .head')!).textAlign);
    // The header's end is on screen; the list too.
    const panel = shadow(el).querySelector('.panel')!.getBoundingClientRect();
    expect(panel.left).toBeGreaterThanOrEqual(0);
    expect(panel.right).toBeLessThanOrEqual(document.documentElement.clientWidth);

    // Focus left the element (a click elsewhere on the page): Esc still closes the list.
    outside.focus();
    await userEvent.keyboard('{Escape}');
    await eventually(() => shadow(el).querySelector('.panel') === null, { what: 'the list closed' });
    expect(shadow(el).activeElement).toBe(shadow(el).querySelector('.bell'));
    // Closed: Esc elsewhere does nothing to it.
    outside.focus();
    await userEvent.keyboard('{Escape}');
    expect(document.activeElement).toBe(outside);
  });

  it('opens the list on screen when an end-aligned bell sits at the start of a narrow header', async () => {
    const connection = await connectTestServer({ orgCode: '150402001', userId: uniqueId('u') });
    configureSifa(connection.config);
    const el = await mount({ lang: 'en', align: 'end' });
    await eventually(() => /Notifications, /.test(bellLabel(el)), { what: 'the bell' });
    shadow(el).querySelector<HTMLButtonElement>('.bell')!.click();
    await eventually(() => shadow(el).querySelector('.frame.flipped'), { what: 'the list turned round' });
    const panel = shadow(el).querySelector('.panel')!.getBoundingClientRect();
    expect(panel.left).toBeGreaterThanOrEqual(0);
    expect(panel.right).toBeLessThanOrEqual(document.documentElement.clientWidth);
  });

  it('asks to sign in when the page has no signed-in user, in the reader’s language', async () => {
    const connection = await connectTestServer({ orgCode: '150402001', userId: uniqueId('u') });
    // configureSifa merges: take the token source of the earlier tests away.
    configureSifa({ endpoint: connection.endpoint, publishableKey: connection.config.publishableKey, getToken: undefined, tokenUrl: undefined });
    const el = await mount({ lang: 'zh-CN', inline: '' });
    await eventually(() => shadow(el).querySelector('.error'), { what: 'the error' });
    expect(shadow(el).querySelector('.error')!.textContent).toContain('登录后可查看通知。');
    expect(describeViolations(await axeViolations(el))).toEqual([]);
  });

  it('lays the list out vertically in Mongolian', async () => {
    const connection = await connectTestServer({ orgCode: '150402001', userId: uniqueId('u') });
    configureSifa(connection.config);
    const el = await mount({ lang: 'mn-Mong', inline: '' });
    await eventually(() => shadow(el).querySelector('.frame.vertical .panel'), { what: 'the vertical panel' });
    expect(getComputedStyle(shadow(el).querySelector('.panel')!).writingMode).toBe('vertical-lr');
    expect(shadow(el).querySelector('h2')!.textContent).toBe('ᠮᠡᠳᠡᠭᠳᠡᠯ');
  });

  it('visual review: times in Mongolian come from its own words, not the Chinese fallback of ICU', async () => {
    const connection = await connectTestServer({ orgCode: '150402001', userId: uniqueId('u') });
    configureSifa(connection.config);
    await commands.notify({ orgCode: '150402001', title: uniqueId('dated') });
    const el = await mount({ lang: 'mn-Mong', inline: '' });
    await eventually(() => shadow(el).querySelector('.item time'), { what: 'a dated notification' });
    for (const time of shadow(el).querySelectorAll('.item time')) {
      const at = new Date(time.getAttribute('datetime')!);
      const hm = [at.getHours(), at.getMinutes()].map((n) => String(n).padStart(2, '0')).join(':');
      expect(time.textContent).toBe(`${at.getFullYear()} ᠣᠨ ᠤ ${at.getMonth() + 1} ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ${at.getDate()} ${hm}`);
      expect(time.textContent).not.toMatch(/[年月日]/);
    }
  });
});
