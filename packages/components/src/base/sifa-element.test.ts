import { afterEach, describe, expect, it } from 'vitest';
import { html, render } from 'lit';
import { customElement } from 'lit/decorators.js';
import { SifaElement } from './sifa-element.js';
import { configureSifa } from '../config/config.js';

@customElement('sifa-probe')
class SifaProbe extends SifaElement {
  override render() {
    return html`<p part="text">${this.locale}</p>`;
  }
  get resolvedLocale() {
    return this.locale;
  }
}

/** A host widget that, like every widget, marks its frame with the language it shows, and nests a probe. */
@customElement('sifa-probe-host')
class SifaProbeHost extends SifaElement {
  override render() {
    return html`<section lang=${this.locale}><sifa-probe></sifa-probe><sifa-probe theme="light" lang="zh-CN" class="own"></sifa-probe></section>`;
  }
  get nested() {
    return this.shadowRoot!.querySelector('sifa-probe:not(.own)') as SifaProbe;
  }
  get ownNested() {
    return this.shadowRoot!.querySelector('sifa-probe.own') as SifaProbe;
  }
}

const settle = async (...els: SifaElement[]) => {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 0));
    for (const el of els) await el.updateComplete;
  }
};

const mount = async (template: unknown) => {
  const host = document.createElement('div');
  document.body.append(host);
  render(template, host);
  const el = host.querySelector('sifa-probe') as SifaProbe;
  await el.updateComplete;
  return el;
};

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = '';
});

describe('SifaElement', () => {
  it('takes the locale from the element, else the page, else the configuration', async () => {
    configureSifa({ endpoint: 'http://example.invalid', locale: 'en' });
    expect((await mount(html`<sifa-probe></sifa-probe>`)).resolvedLocale).toBe('en');
    document.documentElement.lang = 'mn-Mong';
    expect((await mount(html`<sifa-probe></sifa-probe>`)).resolvedLocale).toBe('mn-Mong');
    const own = await mount(html`<sifa-probe lang="zh-CN"></sifa-probe>`);
    expect(own.resolvedLocale).toBe('zh-CN');
    expect(own.dataset['sifaLocale']).toBe('zh-CN');
  });

  it('follows a language switch of the page', async () => {
    document.documentElement.lang = 'zh-CN';
    const el = await mount(html`<sifa-probe></sifa-probe>`);
    document.documentElement.lang = 'en';
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).toContain('en');
  });

  it('applies theme tokens', async () => {
    const el = await mount(html`<sifa-probe theme="elderly"></sifa-probe>`);
    expect(getComputedStyle(el).getPropertyValue('--sifa-font-size').trim()).toBe('20px');
    el.theme = 'dark';
    await el.updateComplete;
    expect(getComputedStyle(el).getPropertyValue('--sifa-color-surface').trim()).toBe('#1c1b1a');
  });

  it('D7: a widget nested in another widget’s shadow tree follows its host’s language and theme, as they switch', async () => {
    configureSifa({ endpoint: 'http://example.invalid' });
    document.documentElement.lang = 'zh-CN';
    const host = document.createElement('sifa-probe-host') as SifaProbeHost;
    document.body.append(host);
    await settle(host);
    const nested = host.nested;
    await settle(host, nested);
    expect(nested.resolvedLocale).toBe('zh-CN');
    expect(nested.hasAttribute('theme')).toBe(false);

    // The page switches language: the host re-renders its frame's lang; the nested widget follows.
    document.documentElement.lang = 'en';
    await settle(host, nested);
    expect(nested.resolvedLocale).toBe('en');
    expect(nested.shadowRoot!.textContent).toContain('en');

    // The host element gets a language of its own.
    host.setAttribute('lang', 'mn-Mong');
    await settle(host, nested);
    expect(nested.resolvedLocale).toBe('mn-Mong');
    expect(nested.dataset['sifaLocale']).toBe('mn-Mong');

    // Theme: the host's theme attribute (as the portal's switch sets it) reaches the nested widget.
    host.setAttribute('theme', 'dark');
    await settle(host, nested);
    expect(nested.getAttribute('theme')).toBe('dark');
    expect(getComputedStyle(nested).getPropertyValue('--sifa-color-surface').trim()).toBe('#1c1b1a');
    host.setAttribute('theme', 'elderly');
    await settle(host, nested);
    expect(nested.getAttribute('theme')).toBe('elderly');
    expect(getComputedStyle(nested).getPropertyValue('--sifa-font-size').trim()).toBe('20px');
    host.removeAttribute('theme');
    await settle(host, nested);
    expect(nested.hasAttribute('theme')).toBe(false);
    expect(getComputedStyle(nested).getPropertyValue('--sifa-color-surface').trim()).toBe('#ffffff');

    // A nested widget with a language and theme of its own keeps them.
    host.setAttribute('theme', 'dark');
    await settle(host, nested, host.ownNested);
    expect(host.ownNested.getAttribute('theme')).toBe('light');
    expect(host.ownNested.resolvedLocale).toBe('zh-CN');
  });

  it('D7: a widget without a theme follows a page ancestor’s and the configuration’s, an own theme wins', async () => {
    configureSifa({ endpoint: 'http://example.invalid', theme: 'high-contrast' });
    const el = await mount(html`<div theme="dark"><sifa-probe></sifa-probe></div>`);
    expect(el.getAttribute('theme')).toBe('dark');
    el.parentElement!.removeAttribute('theme');
    await settle(el);
    expect(el.getAttribute('theme')).toBe('high-contrast');
    el.theme = 'elderly';
    await settle(el);
    el.parentElement!.setAttribute('theme', 'dark');
    await settle(el);
    expect(el.getAttribute('theme')).toBe('elderly');
    configureSifa({ endpoint: 'http://example.invalid' });
  });
});
