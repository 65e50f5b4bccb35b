import { afterEach, it } from 'vitest';
import { page } from 'vitest/browser';
import { configureSifa } from '../config/config.js';
import { eventually } from '../test-utils/test-server.js';
import { casesFake } from '../../stories/cases-fake.js';
import './define.js';

afterEach(() => document.body.replaceChildren());

async function mount(lang: string, theme: string, width: number) {
  await page.viewport(width, 900);
  configureSifa({ endpoint: 'https://fake.invalid', fetch: casesFake.fetch, getToken: async () => ({ token: 't', expiresAt: new Date(Date.now() + 3600e3).toISOString() }) });
  const el = document.createElement('sifa-cases');
  el.setAttribute('type', 'mediation.case');
  el.setAttribute('lang', lang);
  el.setAttribute('theme', theme);
  document.body.append(el);
  await eventually(() => el.shadowRoot?.querySelector('.row'), { what: 'rows' });
  await el.updateComplete;
  return el;
}

for (const [lang, theme, width] of [['zh-CN', 'light', 1400], ['en', 'dark', 1400], ['zh-CN', 'elderly', 390], ['mn-Mong', 'light', 1400]] as const) {
  it(`dev ${lang} ${theme} ${width}`, async () => {
    const el = await mount(lang, theme, width);
    const name = `${lang}-${theme}-${width}`;
    await page.screenshot({ path: `__screenshots__/cases-${name}-list.png` });
    const btn = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.row .number')[3]!;
    btn.click();
    await eventually(() => el.shadowRoot!.querySelector('.file-head'), { what: 'file' });
    await el.updateComplete;
    await page.screenshot({ path: `__screenshots__/cases-${name}-file.png` });
    const step = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-step]');
    step?.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLFormElement>('#step-form')?.requestSubmit();
    await el.updateComplete;
    await page.screenshot({ path: `__screenshots__/cases-${name}-form.png` });
    console.log(lang, theme, width, 'scrollWidth', document.documentElement.scrollWidth, 'el', el.scrollWidth, el.clientWidth);
  });
}
