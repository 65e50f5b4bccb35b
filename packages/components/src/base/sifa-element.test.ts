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
});
