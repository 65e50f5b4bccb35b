/**
 * <sifa-apply> in Chromium against real Sifa servers of global-setup that run the applications
 * plugin (`apply`: limits out of the way; `apply-limits`: a proof of work after the first
 * submission, the fourth in an hour refused), with the page's publishable key only (no sign-in):
 * choosing the office from county and township, the form the case type offers, checks before
 * sending with a linked summary, the draft kept across a reload and cleared after sending, the
 * number and secret code, a repeat answered with the first number, the proof of work solved in
 * the page, the rate limit's wait, progress by number and code (and what the office did since),
 * the case in the office's list, axe in every theme and language, no overflow at 390 and 1400 px,
 * Mongolian vertical, every control reached by Tab.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { CaseFile, CaseSummary, Locale } from '@sifa/core';
import { configureSifa, themes, type SifaTheme } from '../config/config.js';
import { SifaClient } from '../client/client.js';
import { connectTestServer, eventually, uniqueId } from '../test-utils/test-server.js';
import { axeViolations, describeViolations } from '../test-utils/axe.js';
import { testToday } from '../test-utils/clock.js';
import { chineseOutside, overflowing as overflowingOf, wordsSplit } from '../test-utils/layout.js';
import { applyMessages, type ApplyMessageKey } from './messages.js';
import './define.js';
import type { SifaApply } from './sifa-apply.js';

interface Mounted {
  el: SifaApply;
  root: ShadowRoot;
}

const county = '150421';
/** One office per test of 阿鲁科尔沁旗 (no demo applications on these servers). */
const offices = ['150421100', '150421101', '150421102', '150421103', '150421104', '150421105', '150421106', '150421200', '150421201', '150421202', '150421203', '150421204', '150421205', '150421206'];
let officeIndex = 0;
const nextOffice = () => offices[officeIndex++ % offices.length]!;

const q = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => {
  const found = root.querySelector<T & Element>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found as T;
};
const zh = (key: ApplyMessageKey, params?: Record<string, string | number>) => applyMessages.t('zh-CN', key, params);

const overflowing = (m: Mounted) => overflowingOf(m.el, m.root);
/** Untranslated text: Chinese outside server data (marked lang="zh-CN"), options and the office's name. */
const chineseOutsideData = (root: ShadowRoot) => chineseOutside(root, '[lang^="zh"], option, .office-fixed, .receiving');

/** `days` before the page's today. */
function daysAgo(days: number): string {
  const [y, m, d] = testToday().split('-').map(Number) as [number, number, number];
  const at = new Date(y, m - 1, d - days);
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
}

/** A valid 18-character resident ID number (its check character computed). */
function idNumber(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, c, i) => s + Number(c) * weights[i]!, 0);
  return body17 + '10X98765432'[sum % 11]!;
}

async function mount(options: { server?: string; lang?: Locale; theme?: SifaTheme; type?: string; office?: string } = {}): Promise<Mounted> {
  const connection = await connectTestServer({ server: options.server ?? 'apply', orgCode: '150421100', userId: uniqueId('citizen') });
  // A citizen on a public page: the publishable key, nobody signed in.
  configureSifa({ endpoint: connection.endpoint, publishableKey: connection.config.publishableKey! });
  const el = document.createElement('sifa-apply');
  el.setAttribute('type', options.type ?? 'applications.reconsideration');
  if (options.office) el.setAttribute('office', options.office);
  if (options.lang) el.setAttribute('lang', options.lang);
  if (options.theme) el.setAttribute('theme', options.theme);
  document.body.append(el);
  const root = el.shadowRoot!;
  await eventually(() => root.querySelector(options.office ? '.office-fixed' : '#f-county option[value]:not([value=""])'), { what: 'the form and its counties' });
  await el.updateComplete;
  return { el, root };
}

const buttonNamed = (root: ParentNode, name: string) => {
  const found = [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};

/** The file `action` hands to the browser's save (saveFile makes an object URL of it). */
async function capturingDownloads(action: () => Promise<unknown>): Promise<Blob> {
  const original = URL.createObjectURL;
  let saved: Blob | null = null;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    saved = blob as Blob;
    return original.call(URL, blob);
  };
  try {
    await action();
    return await eventually(() => saved, { what: 'a download' });
  } finally {
    URL.createObjectURL = original;
  }
}

/** Staff of `office` on the same server (signed in through an embed token). */
async function staff(office: string, server = 'apply'): Promise<SifaClient> {
  return new SifaClient((await connectTestServer({ server, orgCode: office, userId: uniqueId('staff') })).config);
}

interface Filled {
  name: string;
  act: string;
}

/** Chooses the township with the office's code: as seeded, each township is served by the office with its code. */
async function chooseOffice(m: Mounted, office: string): Promise<void> {
  await chooseTownship(m, office);
}

async function chooseTownship(m: Mounted, township: string, inCounty = county): Promise<void> {
  await userEvent.selectOptions(q<HTMLSelectElement>(m.root, '#f-county'), inCounty);
  await eventually(() => m.root.querySelector(`#f-township option[value="${township}"]`), { what: 'the townships of the county' });
  await userEvent.selectOptions(q<HTMLSelectElement>(m.root, '#f-township'), township);
}

async function fill(m: Mounted, office: string, name = uniqueId('申请人')): Promise<Filled> {
  const act = `某镇人民政府《责令限期拆除决定书》（${name}）`;
  await chooseOffice(m, office);
  await userEvent.fill(q(m.root, '#f-applicants-0-name'), name);
  await userEvent.fill(q(m.root, '#f-applicants-0-idNumber'), idNumber('15042119800101123'));
  await userEvent.fill(q(m.root, '#f-applicants-0-phone'), '13800138000');
  await userEvent.fill(q(m.root, '#f-applicants-0-address'), '天山镇幸福村一组 1 号');
  await userEvent.fill(q(m.root, '#f-respondent'), '天山镇人民政府');
  await userEvent.fill(q(m.root, '#f-act'), act);
  await userEvent.fill(q(m.root, '#f-actOn'), daysAgo(12));
  await userEvent.fill(q(m.root, '#f-knewOn'), daysAgo(10));
  await userEvent.click(q(m.root, '#f-rightNotified'));
  await userEvent.click(q(m.root, '#f-immovable-1'));
  await userEvent.fill(q(m.root, '#f-request'), '撤销该决定。');
  await userEvent.fill(q(m.root, '#f-factsReasons'), '房屋系合法建造，决定认定事实错误。');
  return { name, act };
}

async function send(m: Mounted): Promise<void> {
  if (!q<HTMLInputElement>(m.root, '#f-consent').checked) await userEvent.click(q(m.root, '#f-consent'));
  await userEvent.click(q(m.root, 'form button[type="submit"]'));
}

async function sent(m: Mounted): Promise<{ number: string; code: string }> {
  await eventually(() => m.root.querySelector('#done-title'), { what: 'the application to be sent', timeoutMs: 30_000 });
  const codes = [...m.root.querySelectorAll('.codes .code')].map((c) => c.textContent!.trim());
  return { number: codes[0]!, code: codes[1]! };
}

beforeEach(() => {
  // The page says nothing of its language: the widget speaks its default (zh-CN) unless told.
  document.documentElement.lang = '';
  localStorage.clear();
});

afterEach(async () => {
  document.querySelectorAll('sifa-apply').forEach((el) => el.remove());
  localStorage.clear();
  await page.viewport(1280, 900);
});

describe('<sifa-apply> applying', () => {
  it('sends an application into the chosen office: number and code shown once, the draft cleared, the case in the office list', async () => {
    const office = nextOffice();
    const m = await mount();
    expect(q(m.root, '#apply-title').textContent).toContain('行政复议');
    expect(q(m.root, '.intro').textContent).toContain('六十日');
    expect(q(m.root, '.consent').textContent).toContain('个人信息保护法');
    const submitted: CustomEvent[] = [];
    m.el.addEventListener('sifa-apply-submitted', (e) => submitted.push(e));
    const { name, act } = await fill(m, office);
    expect(localStorage.getItem('sifa-apply:draft:applications.reconsideration')).toContain(name);
    await send(m);
    const { number, code } = await sent(m);
    expect(number).toMatch(/复转/);
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(q(m.root, '.done').textContent).toContain(zh('doneKeep'));
    // Focus moves to the result once it is all shown (the follow-up chunk is loaded).
    await eventually(() => m.root.activeElement?.id === 'done-title', { what: 'focus on the result' });
    expect(localStorage.getItem('sifa-apply:draft:applications.reconsideration')).toBeNull();
    // The page learns the number, never the secret code.
    expect(submitted.map((e) => e.detail)).toEqual([{ type: 'applications.reconsideration', number, orgCode: office, duplicate: false }]);
    expect(JSON.stringify(submitted[0]!.detail)).not.toContain(code);

    // The receipt the office's receiving step issued, saved as a .docx.
    const saved = await capturingDownloads(() => userEvent.click(buttonNamed(m.root, zh('downloadReceipt'))));
    expect(saved.type).toContain('wordprocessingml');
    expect(saved.size).toBeGreaterThan(2000);
    // A document added: sniffed by the server, listed back.
    const pdf = new File([`%PDF-1.7\n${'证据材料 '.repeat(50)}`], '证据.pdf', { type: 'application/pdf' });
    await userEvent.upload(q<HTMLInputElement>(m.root, '#docs-input'), pdf);
    await eventually(() => m.root.querySelector('.doc-list .doc-name')?.textContent === '证据.pdf', { what: 'the document listed' });
    // A hostile file name shows as text (whatever the server keeps of it), never as markup.
    await userEvent.upload(q<HTMLInputElement>(m.root, '#docs-input'), new File([`%PDF-1.7\n${'另一份 '.repeat(40)}`], '<img src=x onerror=alert(1)>.pdf', { type: 'application/pdf' }));
    await eventually(() => m.root.querySelectorAll('.doc-list .doc-name').length === 2, { what: 'the second document listed' });
    expect(m.root.querySelector('.doc-list img')).toBeNull();
    expect(m.root.querySelectorAll('.doc-list .doc-name')[1]!.textContent).toContain('.pdf');
    // A renamed page is refused with what to do, and nothing is listed for it.
    await userEvent.upload(q<HTMLInputElement>(m.root, '#docs-input'), new File(['<html><script>alert(1)</script></html>'], '照片.pdf', { type: 'application/pdf' }));
    await eventually(() => m.root.querySelector('.doc-list li.error')?.textContent?.includes('照片.pdf'), { what: 'the refusal' });
    expect(m.root.querySelectorAll('.doc-name')).toHaveLength(2);

    const client = await staff(office);
    const list = await client.query<{ 'applications.cases.list': { type: 'query'; input: { orgCode: string }; output: { rows: CaseSummary[] } } }, 'applications.cases.list'>('applications.cases.list', { orgCode: office });
    const row = list.rows.find((r) => r.number === number)!;
    expect(row.state).toBe('received');
    const file = await client.query<{ 'applications.cases.get': { type: 'query'; input: { id: string }; output: CaseFile } }, 'applications.cases.get'>('applications.cases.get', { id: row.id });
    expect(file.fields['act']).toBe(act);
    expect(file.fields['channel']).toBe('online');
    expect((file.fields['applicants'] as { name: string }[])[0]!.name).toBe(name);
    expect(file.attachments).toHaveLength(2);
    expect(file.attachments[0]!.name).toBe('证据.pdf');
  });

  it('checks before sending: a summary linking each issue to its field, nothing sent', async () => {
    const office = nextOffice();
    const m = await mount();
    await userEvent.fill(q(m.root, '#f-applicants-0-idNumber'), '150421198001011230');
    await userEvent.fill(q(m.root, '#f-applicants-0-phone'), '12345');
    await userEvent.click(q(m.root, 'form button[type="submit"]'));
    const summary = await eventually(() => m.root.querySelector<HTMLElement>('#summary:not([hidden])'), { what: 'the summary' });
    expect(m.root.activeElement).toBe(summary);
    const text = summary.textContent!;
    expect(text).toContain(zh('townshipRequired'));
    expect(text).toContain(zh('idNumber'));
    expect(text).toContain(zh('phone'));
    expect(text).toContain(zh('consentRequired'));
    expect(q(m.root, '[data-field="respondent"] .field-error').textContent).toBe(zh('required'));
    expect(q(m.root, '#f-respondent').getAttribute('aria-invalid')).toBe('true');
    expect(q(m.root, '#f-respondent').getAttribute('aria-describedby')).toContain('e-respondent');
    // Each summary entry takes the reader to its field.
    const entry = [...summary.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes(zh('phone')))!;
    await userEvent.click(entry);
    expect(m.root.activeElement?.id).toBe('f-applicants-0-phone');
    // Correcting a field clears its issue; a date that has not come is refused.
    await userEvent.fill(q(m.root, '#f-applicants-0-phone'), '13800138000');
    expect(m.root.querySelector('[data-field="applicants.0.phone"] .field-error')).toBeNull();
    await chooseOffice(m, office);
    await userEvent.fill(q(m.root, '#f-knewOn'), daysAgo(-3));
    await userEvent.click(q(m.root, 'form button[type="submit"]'));
    await eventually(() => m.root.querySelector('[data-field="knewOn"] .field-error')?.textContent === zh('futureDate'), { what: 'the future day refused' });
    expect(m.root.querySelector('#done-title')).toBeNull();
    const client = await staff(office);
    const list = await client.query<{ 'applications.cases.list': { type: 'query'; input: { orgCode: string }; output: { total: number } } }, 'applications.cases.list'>('applications.cases.list', { orgCode: office });
    expect(list.total).toBe(0);
  });

  it('keeps what was typed across a reload (never the consent); clearing forgets it', async () => {
    const office = nextOffice();
    let m = await mount();
    const { name, act } = await fill(m, office);
    await userEvent.click(q(m.root, '#f-consent'));
    m.el.remove();
    m = await mount();
    await eventually(() => q<HTMLInputElement>(m.root, '#f-applicants-0-name').value === name, { what: 'the draft restored' });
    expect(q<HTMLTextAreaElement>(m.root, '#f-act').value).toBe(act);
    expect(q<HTMLInputElement>(m.root, '#f-knewOn').value).toBe(daysAgo(10));
    expect(q<HTMLInputElement>(m.root, '#f-rightNotified').checked).toBe(true);
    expect(q<HTMLInputElement>(m.root, '#f-immovable-1').checked).toBe(true);
    await eventually(() => q<HTMLSelectElement>(m.root, '#f-township').value === office, { what: 'the township restored' });
    expect(q<HTMLInputElement>(m.root, '#f-consent').checked).toBe(false);
    expect(q(m.root, '.draft').textContent).toContain(zh('draftRestored'));
    await userEvent.click(q(m.root, '.draft button'));
    expect(q<HTMLInputElement>(m.root, '#f-applicants-0-name').value).toBe('');
    expect(localStorage.getItem('sifa-apply:draft:applications.reconsideration')).toBeNull();
  });

  it('answers the same application sent again the same day with the first number (no second code)', async () => {
    const office = nextOffice();
    const name = uniqueId('重复');
    let m = await mount();
    await fill(m, office, name);
    await send(m);
    const first = await sent(m);
    m.el.remove();
    m = await mount();
    await fill(m, office, name);
    await send(m);
    await eventually(() => m.root.querySelector('#done-title')?.textContent === zh('duplicateTitle'), { what: 'the repeat recognised' });
    expect(q(m.root, '.done').textContent).toContain(first.number);
    expect(m.root.querySelector('.codes')).toBeNull();
  });

  it('shows the form of a fixed office without a choice; a short type name finds the form', async () => {
    const office = nextOffice();
    const m = await mount({ office, type: 'legal-aid' });
    expect(q(m.root, '.office-fixed').textContent).toContain('司法所');
    expect(m.root.querySelector('#f-county')).toBeNull();
    expect(q(m.root, '#apply-title').textContent).toContain('法律援助');
  });

  it('takes a judicial office chosen on a legal map of the page as the receiving office (other institutions are not offices)', async () => {
    const m = await mount();
    const select = (detail: { id: string; type: string; orgCode: string }) => document.body.dispatchEvent(new CustomEvent('sifa-map-select', { detail, bubbles: true, composed: true }));
    select({ id: 'i-1', type: 'legal-aid-centre', orgCode: '150421102' });
    await m.el.updateComplete;
    expect(q<HTMLSelectElement>(m.root, '#f-county').value).toBe('');
    select({ id: 'i-2', type: 'judicial-office', orgCode: '150421102' });
    // 双胜镇司法所 serves 双胜镇 alone: that township is chosen.
    await eventually(() => q<HTMLSelectElement>(m.root, '#f-county').value === county && m.root.querySelector<HTMLSelectElement>('#f-township')?.value === '150421102', { what: 'the office chosen on the map' });
    expect(q(m.root, '.receiving').textContent).toContain(zh('officeServing', { office: '双胜镇司法所' }));
  });

  it('sends an application for a township of a merged office to that office, naming the townships it serves; the merged office chosen on the map too', async () => {
    // Its own server: the county admin moves 罕乌拉街道 and 欧沐沦街道 to 天山镇司法所 (three townships, one office).
    const server = 'apply-areas';
    const admin = new SifaClient((await connectTestServer({ server, orgCode: county, role: 'county_admin', userId: uniqueId('admin') })).config);
    type SetArea = { 'platform.org.setServiceArea': { type: 'mutation'; input: { office: string; divisions: string[]; move: boolean }; output: { divisions: { code: string }[] } } };
    const merged = '150421100';
    const area = await admin.mutate<SetArea, 'platform.org.setServiceArea'>('platform.org.setServiceArea', { office: merged, divisions: [merged, '150421403', '150421404'], move: true });
    expect(area.divisions.map((d) => d.code)).toEqual([merged, '150421403', '150421404']);

    let m = await mount({ server });
    const submitted: CustomEvent[] = [];
    m.el.addEventListener('sifa-apply-submitted', (e) => submitted.push(e));
    const name = uniqueId('合并');
    await chooseTownship(m, '150421404');
    expect(q(m.root, '.receiving').textContent).toContain(zh('officeServing', { office: '天山镇司法所' }));
    expect(q(m.root, '.receiving .serves').textContent).toBe(zh('officeServes', { townships: '天山镇、罕乌拉街道、欧沐沦街道' }));
    // The townships list still names each township once; the office is said beside it.
    expect([...m.root.querySelectorAll('#f-township option')].filter((o) => o.textContent === '欧沐沦街道')).toHaveLength(1);
    await fill(m, '150421404', name);
    expect(q(m.root, '.receiving').textContent).toContain('天山镇司法所');
    await send(m);
    const { number } = await sent(m);
    expect(q(m.root, '.done').textContent).toContain('天山镇司法所');
    expect(submitted.map((e) => (e.detail as { orgCode: string }).orgCode)).toEqual([merged]);
    const client = await staff(merged, server);
    const list = await client.query<{ 'applications.cases.list': { type: 'query'; input: { orgCode: string }; output: { rows: CaseSummary[] } } }, 'applications.cases.list'>('applications.cases.list', { orgCode: merged });
    expect(list.rows.map((r) => r.number)).toContain(number);
    m.el.remove();

    // The merged office chosen on a legal map: named with its three townships, no township forced on the applicant.
    m = await mount({ server });
    document.body.dispatchEvent(new CustomEvent('sifa-map-select', { detail: { id: 'i-9', type: 'judicial-office', orgCode: merged }, bubbles: true, composed: true }));
    await eventually(() => m.root.querySelector('.receiving .serves'), { what: 'the merged office from the map' });
    expect(q<HTMLSelectElement>(m.root, '#f-county').value).toBe(county);
    expect(q<HTMLSelectElement>(m.root, '#f-township').value).toBe('');
    expect(q(m.root, '.receiving').textContent).toContain('天山镇司法所');
    await userEvent.click(q(m.root, 'form button[type="submit"]'));
    await eventually(() => m.root.querySelector('#summary:not([hidden])'), { what: 'the summary' });
    expect(m.root.querySelector('[data-field="orgCode"] .field-error, #e-orgCode')).toBeNull();
  });

  it("finds a map office's county from the townships it serves, not from its code (an office imported under another county)", async () => {
    // Its own server: the city admin adds 测试联合司法所 (code 150421900) under 巴林左旗 (150422) and gives it 林东镇.
    const server = 'apply-moved';
    const city = new SifaClient((await connectTestServer({ server, orgCode: '1504', role: 'city_admin', userId: uniqueId('city') })).config);
    type Admin = {
      'platform.org.import': { type: 'mutation'; input: { format: 'csv'; content: string }; output: unknown };
      'platform.org.divisions': { type: 'query'; input: { county: string }; output: { code: string; name: { zh: string } }[] };
      'platform.org.setServiceArea': { type: 'mutation'; input: { office: string; divisions: string[]; move: boolean }; output: unknown };
    };
    const office = '150421900';
    await city.mutate<Admin, 'platform.org.import'>('platform.org.import', { format: 'csv', content: `code,parent,level,name_zh\n${office},150422,office,测试联合司法所\n` });
    const township = (await city.query<Admin, 'platform.org.divisions'>('platform.org.divisions', { county: '150422' }))[0]!;
    await city.mutate<Admin, 'platform.org.setServiceArea'>('platform.org.setServiceArea', { office, divisions: [township.code], move: true });
    const m = await mount({ server });
    document.body.dispatchEvent(new CustomEvent('sifa-map-select', { detail: { id: 'i-10', type: 'judicial-office', orgCode: office }, bubbles: true, composed: true }));
    await eventually(() => q<HTMLSelectElement>(m.root, '#f-county').value === '150422' && m.root.querySelector<HTMLSelectElement>('#f-township')?.value === township.code, {
      what: "the office's township in 巴林左旗",
    });
    expect(q(m.root, '.receiving').textContent).toContain(zh('officeServing', { office: '测试联合司法所' }));
  });

  it('says so when the site offers no such form', async () => {
    const connection = await connectTestServer({ server: 'apply', orgCode: '150421100', userId: uniqueId('citizen') });
    configureSifa({ endpoint: connection.endpoint, publishableKey: connection.config.publishableKey! });
    const el = document.createElement('sifa-apply');
    el.setAttribute('type', 'applications.no-such-form');
    document.body.append(el);
    await eventually(() => el.shadowRoot!.querySelector('.error')?.textContent?.includes(zh('noForm')), { what: 'the refusal' });
  });
});

describe('<sifa-apply> abuse guards as the applicant meets them', () => {
  it('solves the proof of work when asked, and says how long to wait once refused for sending too often', async () => {
    const office = nextOffice();
    const results: string[] = [];
    for (let i = 0; i < 3; i++) {
      const m = await mount({ server: 'apply-limits' });
      await fill(m, office);
      await send(m);
      results.push((await sent(m)).number);
      m.el.remove();
    }
    expect(new Set(results).size).toBe(3);
    const m = await mount({ server: 'apply-limits' });
    await fill(m, office);
    await send(m);
    const summary = await eventually(() => m.root.querySelector<HTMLElement>('#summary:not([hidden])'), { what: 'the refusal' });
    expect(summary.textContent).toMatch(/请 \d+ 秒后再试/);
    // Nothing typed is lost: the draft is still there to send later.
    expect(localStorage.getItem('sifa-apply:draft:applications.reconsideration')).toContain('天山镇人民政府');
  });
});

describe('<sifa-apply> progress by number and code', () => {
  it('shows the state and steps; after the office forwards it, the new state; a wrong code finds nothing', async () => {
    const office = nextOffice();
    const m = await mount();
    await fill(m, office);
    await send(m);
    const { number, code } = await sent(m);
    await userEvent.click([...m.root.querySelectorAll<HTMLButtonElement>('.done button')].find((b) => b.textContent === zh('checkStatus'))!);
    await eventually(() => m.root.querySelector('#status-title'), { what: 'the status' });
    expect(m.el.mode).toBe('status');
    expect(q(m.root, '.state strong').textContent).toBe('已接收');
    expect(q(m.root, '.steps').textContent).toContain('接收申请');
    expect(q(m.root, '.status').textContent).not.toContain('天山镇人民政府');

    // The office forwards it.
    const client = await staff(office);
    type Calls = {
      'applications.cases.list': { type: 'query'; input: { orgCode: string }; output: { rows: CaseSummary[] } };
      'applications.cases.get': { type: 'query'; input: { id: string }; output: CaseFile };
      'applications.cases.transition': { type: 'mutation'; input: { id: string; revision: number; transition: string; fields: Record<string, unknown>; overrides?: Record<string, string> }; output: CaseFile };
      'applications.cases.checks': { type: 'query'; input: { id: string; transition: string; fields: Record<string, unknown> }; output: { code: string; state: string }[] };
    };
    const row = (await client.query<Calls, 'applications.cases.list'>('applications.cases.list', { orgCode: office })).rows.find((r) => r.number === number)!;
    const file = await client.query<Calls, 'applications.cases.get'>('applications.cases.get', { id: row.id });
    const forward = { body: '阿鲁科尔沁旗人民政府', method: 'online' };
    // The checks before forwarding (period, scope, jurisdiction …): a reason for each that asks for one.
    const checks = await client.query<Calls, 'applications.cases.checks'>('applications.cases.checks', { id: row.id, transition: 'forward', fields: forward });
    const overrides = Object.fromEntries(checks.filter((c) => c.state === 'attention').map((c) => [c.code, '经审查仍予转递（测试）']));
    await client.mutate<Calls, 'applications.cases.transition'>('applications.cases.transition', {
      id: file.id,
      revision: file.revision,
      transition: 'forward',
      fields: forward,
      ...(Object.keys(overrides).length ? { overrides } : {}),
    });
    await userEvent.click(q(m.root, '.lookup button[type="submit"]'));
    await eventually(() => m.root.querySelector('.state strong')?.textContent === '已转递', { what: 'the new state' });
    expect(q(m.root, '.steps').textContent).toContain('转递复议机关');

    // A wrong code and a malformed one.
    await userEvent.fill(q(m.root, '#s-code'), code.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')));
    await userEvent.click(q(m.root, '.lookup button[type="submit"]'));
    await eventually(() => m.root.querySelector('#status-error')?.textContent === zh('statusNotFound'), { what: 'nothing found' });
    expect(m.root.querySelector('#status-title')).toBeNull();
    await userEvent.fill(q(m.root, '#s-code'), 'abc');
    await userEvent.click(q(m.root, '.lookup button[type="submit"]'));
    await eventually(() => m.root.querySelector('#status-error')?.textContent === zh('statusBadCode'), { what: 'the malformed code' });
    // Typed in lower case without dashes: still found.
    await userEvent.fill(q(m.root, '#s-code'), code.replaceAll('-', '').toLowerCase());
    await userEvent.click(q(m.root, '.lookup button[type="submit"]'));
    await eventually(() => m.root.querySelector('#status-title'), { what: 'found again' });
  });
});

describe('<sifa-apply> themes, languages, layout', () => {
  async function withErrors(m: Mounted) {
    await userEvent.click(q(m.root, 'form button[type="submit"]'));
    await eventually(() => m.root.querySelector('#summary:not([hidden])'), { what: 'the summary' });
  }

  it.each(themes)('has no axe violations in the %s theme (form, errors, the result)', async (theme) => {
    const m = await mount({ theme });
    expect(describeViolations(await axeViolations(m.el))).toEqual([]);
    await withErrors(m);
    expect(describeViolations(await axeViolations(m.el))).toEqual([]);
    await fill(m, nextOffice());
    await send(m);
    await sent(m);
    expect(describeViolations(await axeViolations(m.el))).toEqual([]);
  });

  it.each(['en', 'mn-Mong'] as const)('has no axe violations in %s, and no Chinese outside the office names', async (lang) => {
    const m = await mount({ lang });
    await eventually(() => m.root.querySelector('#apply-title')?.closest('[lang]')?.getAttribute('lang') === lang, { what: `${lang} shown` });
    expect(describeViolations(await axeViolations(m.el))).toEqual([]);
    expect(chineseOutsideData(m.root)).toEqual([]);
    await withErrors(m);
    expect(describeViolations(await axeViolations(m.el))).toEqual([]);
    expect(chineseOutsideData(m.root)).toEqual([]);
  });

  it.each(['en', 'mn-Mong'] as const)('names the applicant roles (法定代表人, 委托代理人) in %s: the widget\'s own words where the case type has none', async (lang) => {
    const m = await mount({ lang });
    await eventually(() => m.root.querySelector('[part="base"]')?.getAttribute('lang') === lang && m.root.querySelector('select[id$="-role"] option'), { what: `${lang} shown` });
    const options = [...m.root.querySelectorAll<HTMLOptionElement>('select[id$="-role"] option')];
    expect(options.map((o) => o.value)).toEqual(['applicant', 'representative', 'agent']);
    for (const o of options) expect(o.textContent!.trim()).not.toMatch(/[\u4e00-\u9fff]/);
    const catalog = await applyMessages.load(lang);
    expect(options.map((o) => o.textContent!.trim())).toEqual([catalog.roleApplicant, catalog.roleRepresentative, catalog.roleAgent]);
  });

  it('lays Mongolian out vertically in the Mongolian font; the widget scrolls, never the page', async () => {
    const m = await mount({ lang: 'mn-Mong' });
    await eventually(() => m.root.querySelector('.vertical'), { what: 'Mongolian shown' });
    const base = q(m.root, '[part="base"]');
    expect(getComputedStyle(base).writingMode).toBe('vertical-lr');
    expect(getComputedStyle(base).fontFamily).toContain('Noto Sans Mongolian');
    expect(base.dataset['draft']).toBe('mn');
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
    expect(getComputedStyle(m.el).overflowX).toBe('auto');
  });

  for (const width of [390, 1400]) {
    it(`has no horizontal overflow at ${width} px in any language, elderly theme (form with errors, the result)`, async () => {
      await page.viewport(width, 900);
      for (const lang of ['zh-CN', 'en', 'mn-Mong'] as const) {
        const m = await mount({ lang, theme: 'elderly' });
        await eventually(() => m.root.querySelector('[part="base"]')?.getAttribute('lang') === lang, { what: `${lang} shown` });
        await withErrors(m);
        expect(overflowing(m), `${lang} form`).toEqual([]);
        if (lang === 'en') expect(wordsSplit(m.root, 'label, legend, h3'), `${lang} labels`).toEqual([]);
        m.el.remove();
      }
      const m = await mount({ theme: 'elderly' });
      await fill(m, nextOffice());
      await send(m);
      await sent(m);
      expect(overflowing(m), 'result').toEqual([]);
    });
  }

  it('is large in the elderly theme: 20 px type, 48 px targets', async () => {
    const m = await mount({ theme: 'elderly' });
    expect(getComputedStyle(q(m.root, '#f-respondent')).fontSize).toBe('20px');
    expect(q(m.root, '#f-respondent').getBoundingClientRect().height).toBeGreaterThanOrEqual(48);
    expect(q(m.root, 'form button[type="submit"]').getBoundingClientRect().height).toBeGreaterThanOrEqual(48);
  });

  it('reaches every control by Tab with a visible focus ring, and sends by keyboard alone', async () => {
    const office = nextOffice();
    const m = await mount();
    await fill(m, office);
    const controls = [...m.root.querySelectorAll<HTMLElement>('button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"]')].filter((c) => !c.closest('[hidden]'));
    const reached = new Set<Element>();
    q<HTMLElement>(m.root, '#apply-title').focus();
    for (let i = 0; i < controls.length + 5; i++) {
      await userEvent.keyboard('{Tab}');
      const active = m.root.activeElement as HTMLElement | null;
      if (active) {
        reached.add(active);
        expect(getComputedStyle(active).outlineStyle, `focus ring of ${active.outerHTML.slice(0, 80)}`).not.toBe('none');
      }
    }
    // Radios of a group are one stop (arrow keys move within it): the checked one is reached.
    const missed = controls.filter((c) => !reached.has(c) && !(c instanceof HTMLInputElement && c.type === 'radio' && !c.checked));
    expect(missed.map((c) => c.outerHTML.slice(0, 80))).toEqual([]);
    // The consent by Space, the form sent by Enter on its button.
    q<HTMLElement>(m.root, '#f-consent').focus();
    await userEvent.keyboard(' ');
    q<HTMLElement>(m.root, 'form button[type="submit"]').focus();
    await userEvent.keyboard('{Enter}');
    await sent(m);
  });
});
