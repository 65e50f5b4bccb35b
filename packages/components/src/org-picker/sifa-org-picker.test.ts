/**
 * <sifa-org-picker> in Chromium against the real Sifa server of test/global-setup.ts (its demo
 * org tree): choosing by part of a name with the keyboard (WAI-ARIA APG combobox), a text that
 * names no org refused in the user's language, Escape, a full name chosen on leaving, the three
 * locales, axe.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { configureSifa, type SifaConfig } from '../config/config.js';
import { connectTestServer, eventually, uniqueId } from '../test-utils/test-server.js';
import { axeViolations, describeViolations } from '../test-utils/axe.js';
import './define.js';
import type { OrgChangeDetail, SifaOrgPicker } from './define.js';

let county: SifaConfig;
beforeAll(async () => {
  document.documentElement.lang = '';
  county = (await connectTestServer({ orgCode: '150402', role: 'county_admin', userId: uniqueId('county') })).config;
});

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = '';
});

interface Mounted {
  el: SifaOrgPicker;
  root: ShadowRoot;
  input: HTMLInputElement;
  changes: OrgChangeDetail[];
}

async function mount(attrs: Record<string, string> = {}): Promise<Mounted> {
  configureSifa({ ...county, locale: undefined, theme: undefined });
  const el = document.createElement('sifa-org-picker');
  el.setAttribute('root', '150402');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const changes: OrgChangeDetail[] = [];
  el.addEventListener('sifa-org-change', (e) => changes.push(e.detail));
  document.body.append(el);
  const root = el.shadowRoot!;
  await eventually(() => root.querySelector('input') && !root.querySelector('#state'), { what: 'the org tree to load' });
  await el.updateComplete;
  return { el, root, input: root.querySelector('input')!, changes };
}

const options = (root: ShadowRoot) => [...root.querySelectorAll<HTMLElement>('[role="option"]')];
const listbox = (root: ShadowRoot) => root.querySelector<HTMLElement>('[role="listbox"]')!;

describe('<sifa-org-picker>', () => {
  it('D10: an org is chosen by typing part of its name and picking it with the keyboard', async () => {
    const m = await mount({ label: '承办单位' });
    expect(m.root.querySelector('label')!.textContent).toBe('承办单位');
    expect(m.input.getAttribute('role')).toBe('combobox');
    expect(m.input.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(m.input);
    await userEvent.keyboard('三中');
    await eventually(() => options(m.root).length === 1 && m.input.getAttribute('aria-expanded') === 'true', { what: 'the one match' });
    expect(options(m.root)[0]!.textContent).toContain('三中街街道司法所');
    expect(m.input.hasAttribute('aria-activedescendant')).toBe(false);
    await userEvent.keyboard('{ArrowDown}');
    await eventually(() => m.input.getAttribute('aria-activedescendant') === 'o-150402002');
    expect(options(m.root)[0]!.getAttribute('aria-selected')).toBe('true');
    expect(m.root.activeElement).toBe(m.input);
    expect(describeViolations(await axeViolations(m.el))).toEqual([]);
    await userEvent.keyboard('{Enter}');
    await eventually(() => m.el.value === '150402002');
    expect(m.input.value).toBe('三中街街道司法所');
    expect(m.input.getAttribute('aria-expanded')).toBe('false');
    expect(listbox(m.root).hidden).toBe(true);
    expect(m.changes.at(-1)).toEqual({ code: '150402002', name: expect.objectContaining({ zh: '三中街街道司法所' }) });

    // Only the subtree is offered: the county and its offices, nothing of another county.
    m.input.select();
    await userEvent.keyboard('司法所');
    await eventually(() => options(m.root).length > 1);
    expect(options(m.root).every((o) => o.dataset['code']!.startsWith('150402'))).toBe(true);
    // Escape closes the list (and goes no further); with the list closed it is the host's.
    const escapes: string[] = [];
    document.body.addEventListener('keydown', (e) => e.key === 'Escape' && escapes.push('host'));
    await userEvent.keyboard('{Escape}');
    await eventually(() => m.input.getAttribute('aria-expanded') === 'false');
    expect(escapes).toEqual([]);
    await userEvent.keyboard('{Escape}');
    expect(escapes).toEqual(['host']);
    expect(m.el.value).toBe('');
    m.input.select();
    await userEvent.keyboard('{Backspace}');
    // A full name typed and left chooses it; so does a code.
    await userEvent.keyboard('西屯街道司法所');
    await userEvent.keyboard('{Tab}');
    await eventually(() => m.el.value === '150402001');
    expect(m.input.getAttribute('aria-invalid')).toBe('false');
  });

  it('D10: a text naming no org is refused in the user’s language, with no raw codes', async () => {
    const m = await mount({ lang: 'en' });
    await eventually(() => m.root.querySelector('label')?.textContent === 'Organisation', { what: 'the English messages' });
    await userEvent.click(m.input);
    await userEvent.keyboard('Nowhere office');
    await eventually(() => listbox(m.root).textContent?.includes('No organisation’s name or code matches “Nowhere office”'));
    await userEvent.keyboard('{Tab}');
    await eventually(() => m.input.getAttribute('aria-invalid') === 'true');
    expect(m.root.querySelector('#message')!.textContent).toMatch(/^Choose an organisation from the list/);
    expect(m.input.getAttribute('aria-describedby')).toContain('message');
    expect(m.el.value).toBe('');
    expect(m.el.pendingText).toBe('Nowhere office');
    expect(m.root.querySelector('[part="base"]')!.textContent).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('speaks Mongolian, the names it has no Mongolian for marked as Chinese', async () => {
    const m = await mount({ lang: 'mn-Mong' });
    await eventually(() => /[\u1800-\u18af]/.test(m.root.querySelector('label')?.textContent ?? ''), { what: 'the Mongolian messages' });
    await userEvent.click(m.input);
    await userEvent.keyboard('{ArrowDown}');
    await eventually(() => options(m.root).length > 1);
    for (const name of m.root.querySelectorAll('.name')) if (/[\u4e00-\u9fff]/.test(name.textContent!)) expect(name.getAttribute('lang')).toBe('zh-CN');
    expect(describeViolations(await axeViolations(m.el))).toEqual([]);
  });
});
