/**
 * <sifa-cases type="mediation.case"> in Chromium against the real Sifa server of global-setup
 * (casework engine + the mediation plugin, PGlite): the list (filters, paging, next deadline),
 * the case file (fields, deadlines with their basis, timeline, documents), the generated forms
 * (the opening with its parties editor, steps, signatures), checks that are the engine's own,
 * CONFLICT, server field issues beside their field, attachments, a county administrator's
 * masked read-only view, keyboard, axe in every theme and language, and no overflow at 390 and
 * 1400 px. Each test works in its own office of 阿鲁科尔沁旗 (no demo cases there), so tests never
 * see each other's cases.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { CaseFile, Locale, Role } from '@sifa/core';
import { configureSifa, themes, type SifaTheme } from '../config/config.js';
import { SifaClient } from '../client/client.js';
import { connectTestServer, eventually, uniqueId } from '../test-utils/test-server.js';
import { axeViolations, describeViolations } from '../test-utils/axe.js';
import { testToday } from '../test-utils/clock.js';
import { chineseOutside, overflowing as overflowingOf, wordsSplit } from '../test-utils/layout.js';
import { casesMessages, type CasesMessageKey } from './messages.js';
import { deadlineText } from './model.js';
import type { CaseCalls } from './sifa-cases.js';
import './define.js';
import type { SifaCases } from './sifa-cases.js';

interface Mounted {
  el: SifaCases;
  root: ShadowRoot;
  client: SifaClient;
}

/** One office per test (阿鲁科尔沁旗 has no demo mediation cases). */
const offices = ['150421100', '150421101', '150421102', '150421103', '150421104', '150421105', '150421106', '150421200', '150421201', '150421202', '150421203', '150421204', '150421205', '150421206'];
let officeIndex = 0;
const nextOffice = () => offices[officeIndex++ % offices.length]!;

async function clientFor(orgCode: string, role: Role = 'office_staff', userId = uniqueId('u')): Promise<SifaClient> {
  return new SifaClient((await connectTestServer({ orgCode, userId, role })).config);
}

async function mount(options: { orgCode: string; role?: Role; lang?: Locale; theme?: SifaTheme; pageSize?: number; type?: string }): Promise<Mounted> {
  // A county administrator signs in at the county (the office's parent).
  const orgCode = options.role === 'county_admin' ? options.orgCode.slice(0, 6) : options.orgCode;
  const connection = await connectTestServer({ orgCode, userId: uniqueId('u'), ...(options.role ? { role: options.role } : {}) });
  configureSifa({ ...connection.config, locale: undefined, theme: undefined });
  const el = document.createElement('sifa-cases');
  el.setAttribute('type', options.type ?? 'mediation.case');
  el.setAttribute('org-code', options.orgCode);
  if (options.lang) el.setAttribute('lang', options.lang);
  if (options.theme) el.setAttribute('theme', options.theme);
  if (options.pageSize) el.setAttribute('page-size', String(options.pageSize));
  document.body.append(el);
  const root = el.shadowRoot!;
  await eventually(() => root.querySelector('#list-status')?.textContent?.trim() && root.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false', { what: 'the list to load' });
  await el.updateComplete;
  return { el, root, client: new SifaClient(connection.config) };
}

const overflowing = (m: Mounted) => overflowingOf(m.el, m.root);
/** Untranslated text: Chinese outside data (server values are marked lang="zh-CN" or sit in data slots). */
const chineseOutsideData = (root: ShadowRoot) =>
  chineseOutside(root, '[lang^="zh"], dd, .number, #case-title, .meta, time, .by, .files, .doc, .remaining, .summary, .parties-view, .signer, .options, .hint, option, .basis');

const q = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => {
  const found = root.querySelector<T & Element>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found as T;
};

const parties = [
  { role: 'applicant', name: '张三', phone: '13800138000', address: '天山镇幸福村一组 1 号' },
  { role: 'respondent', name: '李四', address: '天山镇幸福村一组 2 号' },
];
const openingFields = (facts = '院墙界线纠纷。') => ({
  committee: '天山镇人民调解委员会',
  mediators: '王芳',
  source: 'application',
  disputeType: 'neighbourhood',
  parties,
  amount: 1200,
  facts,
});

async function openCase(client: SifaClient, facts?: string): Promise<CaseFile> {
  return client.mutate<CaseCalls, 'mediation.cases.open'>('mediation.cases.open', { fields: openingFields(facts) });
}

async function step(client: SifaClient, file: CaseFile, transition: string, fields: Record<string, unknown>): Promise<CaseFile> {
  return client.mutate<CaseCalls, 'mediation.cases.transition'>('mediation.cases.transition', { id: file.id, revision: file.revision, transition, fields });
}

async function showFile(m: Mounted, file: CaseFile): Promise<void> {
  const button = await eventually(() => m.root.querySelector<HTMLButtonElement>(`.row [data-id="${file.id}"]`), { what: `the row of ${file.number}` });
  button.click();
  await eventually(() => m.root.querySelector('#case-title')?.textContent === file.number && m.root.querySelector('.file-body'), { what: 'the case file' });
  await m.el.updateComplete;
}

async function openStep(m: Mounted, code: string): Promise<HTMLFormElement> {
  q<HTMLButtonElement>(m.root, `[data-step="${code}"]`).click();
  await m.el.updateComplete;
  return q<HTMLFormElement>(m.root, '#step-form');
}

async function fill(root: ParentNode, selector: string, value: string) {
  const input = q<HTMLInputElement>(root, selector);
  await userEvent.fill(input, value);
  input.dispatchEvent(new FocusEvent('blur'));
}

function choose(root: ParentNode, selector: string, value: string) {
  const select = q<HTMLSelectElement>(root, selector);
  select.value = value;
  select.dispatchEvent(new Event('change'));
}

async function submitted(m: Mounted, form: HTMLFormElement) {
  form.requestSubmit();
  await m.el.updateComplete;
  await eventually(() => !m.root.querySelector('#step-form[aria-busy="true"]'), { what: 'the submission to end' });
  await m.el.updateComplete;
}

const zh = (key: CasesMessageKey, params?: Record<string, string | number>) => casesMessages.t('zh-CN', key, params);

beforeEach(async () => {
  // The test page's own lang would choose the language otherwise: zh-CN unless a test says.
  document.documentElement.lang = '';
  await page.viewport(1400, 900);
});

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = '';
});

describe('<sifa-cases> list', () => {
  it.each(['zh-CN', 'en', 'mn-Mong'] as const)('shows each case with its number, state, list fields and next deadline in %s', async (lang) => {
    const office = nextOffice();
    const client = await clientFor(office);
    const file = await openCase(client);
    const m = await mount({ orgCode: office, lang });
    const row = await eventually(() => m.root.querySelector<HTMLElement>(`.row:has([data-id="${file.id}"])`), { what: 'the row' });
    expect(q(row, '.number').textContent).toBe(file.number);
    const type = await client.query<CaseCalls, 'mediation.cases.type'>('mediation.cases.type', undefined);
    const stateTitle = type.states.find((s) => s.code === 'registered')!.title;
    expect(q(row, '.state').textContent!.trim()).toBe(lang === 'en' ? stateTitle.en : stateTitle.zh);
    // The list fields as served, with option titles.
    expect(row.querySelector('.summary')!.textContent).toContain(lang === 'en' ? 'Neighbours' : '邻里');
    // "还剩 30 天" / "due in 30 days": the server's count of the running deadline.
    const t = (key: CasesMessageKey, params?: Record<string, string | number>) => casesMessages.t(lang, key, params);
    const deadline = file.deadlines.find((d) => d.state !== 'met')!;
    expect(q(row, '.remaining').textContent).toBe(deadlineText(deadline, t, (d) => d));
    if (lang === 'zh-CN') expect(q(row, '.remaining').textContent).toMatch(/^还剩 \d+ 天$/);
    if (lang === 'en') expect(q(row, '.remaining').textContent).toMatch(/^due in \d+ days?$/);
    expect(q(m.root, '[part="base"]').getAttribute('lang')).toBe(lang);
  });

  it('filters by state, progress and a word, and pages through the list', async () => {
    const office = nextOffice();
    const client = await clientFor(office);
    const files = [await openCase(client, '一号纠纷'), await openCase(client, '二号纠纷'), await openCase(client, '三号纠纷')];
    await step(client, files[0]!, 'investigate', { findings: '走访双方。', evidence: [], disputeType: 'neighbourhood', amount: 1200, facts: '一号纠纷' });
    const m = await mount({ orgCode: office, pageSize: 2 });
    expect(q(m.root, '#list-status').textContent).toBe(zh('range', { from: 1, to: 2, total: 3 }));
    expect(q(m.root, '.pager .page').textContent).toBe(zh('page', { page: 1, pages: 2 }));
    q<HTMLButtonElement>(m.root, '.pager .next').click();
    await eventually(() => q(m.root, '#list-status').textContent === zh('range', { from: 3, to: 3, total: 3 }), { what: 'page 2' });
    // Focus follows to the new page's status, read out.
    expect(m.root.activeElement?.id).toBe('list-status');

    choose(m.root, '#filter-state', 'investigating');
    await eventually(() => m.root.querySelectorAll('.row').length === 1 && q(m.root, '#list-status').textContent === zh('count', { total: 1 }), { what: 'the state filter' });
    expect(q(m.root, '.row .number').dataset['id']).toBe(files[0]!.id);

    q<HTMLButtonElement>(m.root, '.clear').click();
    await eventually(() => m.root.querySelectorAll('.row').length === 2, { what: 'filters cleared' });
    choose(m.root, '#filter-status', 'closed');
    await eventually(() => m.root.querySelector('.empty')?.textContent === zh('empty'), { what: 'no closed case' });
    choose(m.root, '#filter-status', 'open');
    await fill(m.root, '#filter-q', files[2]!.number);
    await userEvent.keyboard('{Enter}');
    await eventually(() => m.root.querySelectorAll('.row').length === 1 && q(m.root, '.row .number').dataset['id'] === files[2]!.id, { what: 'the search' });
  });
});

describe('<sifa-cases> case file', () => {
  it('opens by keyboard with focus on the number; shows fields, deadlines with their basis and the timeline; Escape goes back to the row', async () => {
    const office = nextOffice();
    const client = await clientFor(office);
    const file = await openCase(client);
    const m = await mount({ orgCode: office });
    const button = await eventually(() => m.root.querySelector<HTMLButtonElement>(`.row [data-id="${file.id}"]`), { what: 'the row' });
    button.focus();
    await userEvent.keyboard('{Enter}');
    await eventually(() => m.root.activeElement?.id === 'case-title' && q(m.root, '#case-title').textContent === file.number, { what: 'focus on the case number' });
    expect(m.el.getAttribute('case')).toBe(file.id);
    expect(m.root.querySelector('.masked')).toBeNull();
    // Fields in full for the owning office (the parties' phone too).
    const fields = q(m.root, '.fields');
    expect(q(fields, '[data-field="parties"] dd').textContent).toContain('张三');
    expect(q(fields, '[data-field="parties"] dd').textContent).toContain('13800138000');
    expect(q(fields, '[data-field="amount"] dd').textContent).toContain('元');
    // The mediation period with its basis and whether the deployment set it.
    const period = q(m.root, '[data-deadline="mediation-period"]');
    expect(period.textContent).toContain('调解期限');
    expect(q(period, '.basis').textContent).toContain('人民调解工作若干规定');
    expect(q(period, '.remaining').textContent).toMatch(/^还剩 \d+ 天 · 期限至 /);
    // Who did what when.
    const event = q(m.root, '.timeline > li');
    expect(event.textContent).toContain('受理登记');
    expect(event.textContent).toContain('测试用户');
    // The steps the office may take now.
    expect([...m.root.querySelectorAll<HTMLElement>('[data-step]')].map((b) => b.dataset['step'])).toEqual(file.next.map((s) => s.code));

    await userEvent.keyboard('{Escape}');
    await eventually(() => (m.root.activeElement as HTMLElement | null)?.dataset['id'] === file.id, { what: 'focus back on the row' });
    expect(m.el.hasAttribute('case')).toBe(false);
  });

  it('dates each step by the day it was taken; a step recorded on a later day also says when it was recorded', async () => {
    const office = nextOffice();
    const client = await clientFor(office);
    const today = await openCase(client);
    const before = new Date(Date.parse(`${today.openedOn}T00:00:00Z`) - 5 * 86_400_000).toISOString().slice(0, 10);
    const late = await client.mutate<CaseCalls, 'mediation.cases.open'>('mediation.cases.open', { on: before, fields: openingFields('补录的纠纷') });
    const m = await mount({ orgCode: office });
    const zhDay = (day: string) => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
    await showFile(m, late);
    const recorded = q(m.root, '.timeline > li > p.muted').textContent!;
    expect(recorded).toMatch(new RegExp(`^${zhDay(before)} · 测试用户 · .* 录入$`));
    expect([...m.root.querySelectorAll('.timeline > li > p.muted time')].map((t) => t.getAttribute('datetime'))).toEqual([before, late.events[0]!.at]);
    q<HTMLButtonElement>(m.root, '.back').click();
    await showFile(m, today);
    expect(q(m.root, '.timeline > li > p.muted').textContent).toBe(`${zhDay(today.openedOn)} · 测试用户`);
  });

  it('shows hostile text as text: markup, scripts and template syntax in a case never run nor become elements', async () => {
    const office = nextOffice();
    const client = await clientFor(office);
    const hostile = '<img src=x onerror="window.__sifaPwned=1"><script>window.__sifaPwned=2</script>${7*7}{{constructor}}<b>粗</b>';
    const file = await client.mutate<CaseCalls, 'mediation.cases.open'>('mediation.cases.open', {
      fields: { ...openingFields(hostile), parties: [{ ...parties[0]!, name: '<svg onload="window.__sifaPwned=3">张三' }, parties[1]!] },
    });
    const m = await mount({ orgCode: office });
    const row = await eventually(() => m.root.querySelector<HTMLElement>(`.row:has([data-id="${file.id}"])`), { what: 'the row' });
    expect(row.querySelector('img, script, svg, b')).toBeNull();
    await showFile(m, file);
    expect(m.root.querySelector('.file-body img, .file-body script, .file-body svg, .file-body b')).toBeNull();
    expect(q(m.root, '[data-field="facts"] dd').textContent).toContain(hostile);
    expect(q(m.root, '[data-field="parties"] dd').textContent).toContain('<svg onload="window.__sifaPwned=3">张三');
    await new Promise((r) => setTimeout(r, 100));
    expect((window as unknown as { __sifaPwned?: number }).__sifaPwned).toBeUndefined();
  });

  it('a county administrator reads masked files: no opening, no steps of the office', async () => {
    const office = nextOffice();
    const file = await openCase(await clientFor(office));
    const m = await mount({ orgCode: office, role: 'county_admin' });
    expect(m.root.querySelector('.open-new')).toBeNull();
    await showFile(m, file);
    expect(q(m.root, '.masked').textContent).toBe(zh('masked'));
    const partiesText = q(m.root, '[data-field="parties"] dd').textContent!;
    expect(partiesText).toContain('张*');
    expect(partiesText).not.toContain('张三');
    expect(partiesText).not.toContain('13800138000');
    expect(m.root.querySelectorAll('[data-step]')).toHaveLength(0);
    expect(q(m.root, '.next .muted').textContent).toBe(zh('noNext'));
  });
});

describe('<sifa-cases> forms', () => {
  it('opens a case through the generated form: the engine’s checks before sending, requiredWhen, the parties editor', async () => {
    const office = nextOffice();
    const m = await mount({ orgCode: office });
    const opened: string[] = [];
    m.el.addEventListener('sifa-case-opened', (e) => opened.push(e.detail.number));
    q<HTMLButtonElement>(m.root, '.open-new').click();
    await m.el.updateComplete;
    const form = q<HTMLFormElement>(m.root, '#step-form');
    expect(q(m.root, '#case-title').textContent).toBe(zh('newCase', { step: '受理登记' }));
    // Focus on the first field.
    expect((m.root.activeElement as HTMLInputElement).id).toBe('f-committee');

    // Nothing filled: the engine's own messages, focus on the first field in error, nothing sent.
    await submitted(m, form);
    expect(q(m.root, '#e-committee').textContent).toBe('此项必填。');
    expect(q(m.root, '#f-committee').getAttribute('aria-invalid')).toBe('true');
    expect(q(m.root, '#f-committee').getAttribute('aria-describedby')).toContain('e-committee');
    expect((m.root.activeElement as HTMLElement).id).toBe('f-committee');
    expect(q(m.root, '#form-error').textContent).toMatch(/^有 \d+ 处需要修改/);

    await fill(m.root, '#f-committee', '天山镇人民调解委员会');
    await fill(m.root, '#f-mediators', '王芳、李明');
    // A referred case needs the referring body (requiredWhen).
    choose(m.root, '#f-source', 'referred');
    await m.el.updateComplete;
    expect(q(m.root, '[data-field="referredBy"] label').textContent).toContain(zh('required'));
    choose(m.root, '#f-disputeType', 'neighbourhood');
    await fill(m.root, '#f-facts', '院墙界线纠纷。');
    // Parties: two rows to start with (minItems 2); a third added, then removed.
    await fill(m.root, '#f-parties-0-name', '张三');
    await fill(m.root, '#f-parties-0-idNumber', '150421199001011234');
    await fill(m.root, '#f-parties-1-name', '李四');
    q<HTMLButtonElement>(m.root, '#f-parties-add').click();
    await m.el.updateComplete;
    expect(m.root.querySelectorAll('.party')).toHaveLength(3);
    expect((m.root.activeElement as HTMLElement).id).toBe('f-parties-2-name');
    q<HTMLButtonElement>(m.root, '.party[data-row="2"] .remove-party').click();
    await m.el.updateComplete;
    expect(m.root.querySelectorAll('.party')).toHaveLength(2);

    await submitted(m, form);
    // The ID number's check digit and the referring body, before anything is sent.
    expect(q(m.root, '#f-parties-0-idNumber-e').textContent).toBe('身份证号码应为 18 位，且校验位正确。');
    expect(q(m.root, '#e-referredBy').textContent).toBe(zh('fieldRequired'));
    await fill(m.root, '#f-parties-0-idNumber', '');
    await fill(m.root, '#f-referredBy', '阿鲁科尔沁旗人民法院');
    await submitted(m, form);

    await eventually(() => opened.length === 1, { what: 'the sifa-case-opened event' });
    await eventually(() => m.root.activeElement?.id === 'case-title', { what: 'focus on the new case' });
    expect(q(m.root, '#case-title').textContent).toBe(opened[0]);
    expect(q(m.root, '.notice').textContent).toBe(zh('opened', { number: opened[0]! }));
    expect(q(m.root, '[data-field="referredBy"] dd').textContent).toBe('阿鲁科尔沁旗人民法院');
  });

  it('takes a step; a CONFLICT keeps what was typed and says who changed the case', async () => {
    const office = nextOffice();
    const client = await clientFor(office);
    const colleague = await clientFor(office, 'office_staff', uniqueId('colleague'));
    const file = await openCase(client);
    const m = await mount({ orgCode: office });
    const changed: string[] = [];
    m.el.addEventListener('sifa-case-changed', (e) => changed.push(`${e.detail.transition}:${e.detail.state}`));
    await showFile(m, file);
    let form = await openStep(m, 'investigate');
    expect((m.root.activeElement as HTMLElement).id).toBe('f-findings');
    // The case fields the step corrects start with the case's values.
    expect(q<HTMLSelectElement>(m.root, '#f-disputeType').value).toBe('neighbourhood');
    await fill(m.root, '#f-findings', '走访四邻，核实院墙位置。');

    // A colleague records a session first: the revision this form was filled against is stale.
    await step(colleague, file, 'session', { place: '调解室', record: '双方陈述。', files: [] });
    await submitted(m, form);
    const error = q(m.root, '#form-error').textContent!;
    expect(error).toContain('测试用户');
    expect(error).toContain('“调解”');
    expect(q<HTMLTextAreaElement>(m.root, '#f-findings').value).toBe('走访四邻，核实院墙位置。');
    // Investigating is no longer possible from 调解: the form stays for copying, without a submit button.
    expect(error).toContain(zh('conflictGone', { step: '调查' }));
    expect(m.root.querySelector('#step-form .submit')).toBeNull();
    expect(m.root.activeElement?.id).toBe('form-error');
    expect(changed).toEqual([]);

    // A step still open from the new state goes through, on the current revision.
    q<HTMLButtonElement>(m.root, '#step-form .cancel').click();
    await m.el.updateComplete;
    form = await openStep(m, 'session');
    await fill(m.root, '#f-place', '村委会');
    await fill(m.root, '#f-record', '第二次调解。');
    await submitted(m, form);
    await eventually(() => changed.length === 1, { what: 'the sifa-case-changed event' });
    expect(changed).toEqual(['session:mediating']);
    expect(m.root.querySelector('#step-form')).toBeNull();
    expect(m.root.activeElement?.id).toBe('case-title');
    expect(m.root.querySelectorAll('.timeline > li')).toHaveLength(3);
  });

  it('shows the server’s field issue beside its field (a step dated before the previous one)', async () => {
    const office = nextOffice();
    const client = await clientFor(office);
    const file = await openCase(client);
    const m = await mount({ orgCode: office, lang: 'en' });
    await showFile(m, file);
    const form = await openStep(m, 'terminate');
    choose(m.root, '#f-reason', 'party-refuses');
    const before = new Date(`${file.openedOn}T00:00:00`);
    before.setDate(before.getDate() - 3);
    const day = `${before.getFullYear()}-${String(before.getMonth() + 1).padStart(2, '0')}-${String(before.getDate()).padStart(2, '0')}`;
    await fill(m.root, '#f-on', day);
    await submitted(m, form);
    expect(q(m.root, '#e-on').textContent).toBe("The day must not be before the case's previous step.");
    expect(m.root.activeElement?.id).toBe('f-on');
    expect(q<HTMLSelectElement>(m.root, '#f-reason').value).toBe('party-refuses');
  });

  it('issues the agreement with a document link, then signs it: one row per party and each extra signer', async () => {
    const office = nextOffice();
    const client = await clientFor(office);
    let file = await openCase(client);
    file = await step(client, file, 'session', { place: '调解室', record: '达成一致。', files: [] });
    const m = await mount({ orgCode: office });
    await showFile(m, file);
    let form = await openStep(m, 'agree-written');
    await fill(m.root, '#f-matters', '院墙越界约 0.5 米，被申请人负主要责任。');
    await fill(m.root, '#f-terms', '被申请人十日内将院墙移回原界线。');
    await fill(m.root, '#f-performance', '自行拆除重建');
    await fill(m.root, '#f-performBy', testToday());
    await submitted(m, form);
    // The link names the document by its title and number (platform.documents.get).
    const link = await eventually(() => (m.root.querySelector('.timeline .doc a')?.textContent?.includes('调解协议书') ? m.root.querySelector<HTMLAnchorElement>('.timeline .doc a') : null), { what: 'the agreement’s link' });
    expect(link.getAttribute('href')).toMatch(/\/plugins\/platform\/documents\/[^/]+$/);
    const { blob } = await m.client.download(new URL(link.href).pathname as `/${string}`);
    expect(blob.size).toBeGreaterThan(1000);

    form = await openStep(m, 'take-effect');
    const signers = [...m.root.querySelectorAll<HTMLElement>('.signer')];
    expect(signers.map((s) => s.dataset['signer'])).toEqual(['party-0', 'party-1', 'mediator', 'committee-seal']);
    expect(signers[0]!.textContent).toContain('申请人 张三');
    q<HTMLInputElement>(m.root, '#f-signatures-0-signed').click();
    await submitted(m, form);
    expect(q(m.root, '#e-signatures').textContent).toBe('尚有当事人或签署人未签名。');
    for (const i of [1, 2, 3]) q<HTMLInputElement>(m.root, `#f-signatures-${i}-signed`).click();
    await m.el.updateComplete;
    expect(q<HTMLInputElement>(m.root, '#f-signatures-3-signedOn').value).toBe(testToday());
    await submitted(m, form);
    await eventually(() => q(m.root, '.file-head .state').textContent === '协议生效', { what: 'the agreement in effect' });
    expect(q(m.root, '[data-deadline="judicial-confirmation"] .basis').textContent).toContain('第三十三条');
  });
});

describe('<sifa-cases> any case type', () => {
  it('records a phone consultation with three inputs (consultation.record), and counts a letter’s reply in working days', async () => {
    const office = nextOffice();
    const m = await mount({ orgCode: office, type: 'consultation.record' });
    expect(q(m.root, '#title').textContent).toBe('法律咨询记录');
    q<HTMLButtonElement>(m.root, '.open-new').click();
    await m.el.updateComplete;
    // The opening asks for two inputs: the channel and the question.
    const required = () => [...m.root.querySelectorAll<HTMLElement>('#step-form [aria-required="true"]')].map((e) => e.getAttribute('name'));
    expect(required()).toEqual(['channel', 'question']);
    choose(m.root, '#f-channel', 'phone');
    await fill(m.root, '#f-question', '邻居占用通道怎么办？');
    await submitted(m, q<HTMLFormElement>(m.root, '#step-form'));
    await eventually(() => m.root.activeElement?.id === 'case-title', { what: 'the record opened' });
    // Closing it asks for the third: the answer.
    const form = await openStep(m, 'close');
    expect(required()).toEqual(['answer']);
    await fill(m.root, '#f-answer', '可先协商，协商不成可申请人民调解。');
    await submitted(m, form);
    await eventually(() => q(m.root, '.file-head .state').textContent === '已办结', { what: 'the record closed' });

    // A letter's reply deadline runs in working days: "还剩 N 个工作日".
    const client = await clientFor(office);
    const letter = await client.mutate<CaseCalls, 'consultation.cases.open'>('consultation.cases.open', { fields: { channel: 'letter', question: '来信咨询：土地承包合同纠纷。' } });
    q<HTMLButtonElement>(m.root, '.back').click();
    const row = await eventually(() => m.root.querySelector<HTMLElement>(`.row:has([data-id="${letter.id}"])`), { what: 'the letter’s row' });
    expect(q(row, '.remaining').textContent).toMatch(/^还剩 \d+ 个工作日$/);
  });
});

describe('<sifa-cases> attachments', () => {
  it('uploads with progress, refuses a wrong type in the user’s language, offers the files to steps', async () => {
    const office = nextOffice();
    const client = await clientFor(office);
    const file = await openCase(client);
    const m = await mount({ orgCode: office, lang: 'en' });
    await showFile(m, file);
    const input = q<HTMLInputElement>(m.root, '#upload');
    const pick = (files: File[]) => {
      const transfer = new DataTransfer();
      for (const f of files) transfer.items.add(f);
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
    };
    const pdf = new File(['%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'], '询问笔录.pdf', { type: 'application/pdf' });
    pick([pdf]);
    await eventually(() => m.root.querySelector('.upload progress') || m.root.querySelector('.files [data-sha]'), { what: 'the upload under way' });
    const item = await eventually(() => m.root.querySelector<HTMLElement>('.files [data-sha]'), { what: 'the uploaded file' });
    expect(q(item, 'a').textContent).toBe('询问笔录.pdf');
    expect(q(m.root, '.notice').textContent).toBe('Uploaded “询问笔录.pdf”.');
    const { blob } = await m.client.download(new URL(q<HTMLAnchorElement>(item, 'a').href).pathname as `/${string}`);
    expect(await blob.text()).toContain('%PDF-1.4');

    // Not one of the accepted types: the engine says so, in English.
    pick([new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 1, 2, 3])], 'setup.exe', { type: 'application/octet-stream' })]);
    const refusal = await eventually(() => m.root.querySelector<HTMLElement>('.upload.failed .error'), { what: 'the refusal' });
    expect(refusal.textContent).toContain('“setup.exe” was not uploaded:');
    expect(refusal.textContent).toContain('PDF');
    // Too large: refused before a byte is sent.
    pick([new File([new Uint8Array(21 * 1024 * 1024)], 'big.pdf', { type: 'application/pdf' })]);
    await eventually(() => m.root.querySelectorAll('.upload.failed').length === 2, { what: 'the size refusal' });
    expect(m.root.querySelectorAll('.upload.failed')[1]!.textContent).toContain('at most 20 MB');
    for (const b of [...m.root.querySelectorAll<HTMLButtonElement>('.upload.failed button')]) b.click();
    await eventually(() => m.root.querySelectorAll('.upload').length === 0, { what: 'dismissed' });

    // A step's attachments field offers the case's files.
    await openStep(m, 'investigate');
    expect(q(m.root, '[data-field="evidence"] .options').textContent).toContain('询问笔录.pdf');
  });
});

describe('<sifa-cases> themes, languages, layout', () => {
  async function fileWithErrors(m: Mounted, file: CaseFile) {
    await showFile(m, file);
    const form = await openStep(m, 'session');
    await submitted(m, form);
    expect(m.root.querySelectorAll('#step-form .issue').length).toBeGreaterThan(0);
  }

  it.each(themes)('has no axe violations in the %s theme (list, file, a form with errors)', async (theme) => {
    const office = nextOffice();
    const file = await openCase(await clientFor(office));
    const m = await mount({ orgCode: office, theme });
    expect(describeViolations(await axeViolations(m.el))).toEqual([]);
    await fileWithErrors(m, file);
    expect(describeViolations(await axeViolations(m.el))).toEqual([]);
  });

  it.each(['en', 'mn-Mong'] as const)('has no axe violations in %s, and no Chinese outside data', async (lang) => {
    const office = nextOffice();
    const file = await openCase(await clientFor(office));
    const m = await mount({ orgCode: office, lang });
    expect(describeViolations(await axeViolations(m.el))).toEqual([]);
    expect(chineseOutsideData(m.root)).toEqual([]);
    await fileWithErrors(m, file);
    expect(describeViolations(await axeViolations(m.el))).toEqual([]);
    expect(chineseOutsideData(m.root)).toEqual([]);
  });

  it('lays Mongolian out vertically in the Mongolian font; the widget scrolls, never the page', async () => {
    const office = nextOffice();
    const file = await openCase(await clientFor(office));
    const m = await mount({ orgCode: office, lang: 'mn-Mong' });
    const base = q(m.root, '[part="base"]');
    expect(getComputedStyle(base).writingMode).toBe('vertical-lr');
    expect(getComputedStyle(base).fontFamily).toContain('Noto Sans Mongolian');
    expect(base.dataset['draft']).toBe('mn');
    await showFile(m, file);
    const title = q(m.root, '#title').getBoundingClientRect();
    expect(title.height).toBeGreaterThan(title.width);
    expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
    expect(getComputedStyle(m.el).overflowX).toBe('auto');
  });

  for (const width of [390, 1400]) {
    it(`has no horizontal overflow at ${width} px in any language (list, file, form)`, async () => {
      await page.viewport(width, 900);
      const office = nextOffice();
      const client = await clientFor(office);
      const file = await openCase(client, '很长的纠纷事实'.repeat(40));
      for (const lang of ['zh-CN', 'en', 'mn-Mong'] as const) {
        const m = await mount({ orgCode: office, lang, theme: 'elderly' });
        expect(overflowing(m), `${lang} list`).toEqual([]);
        if (lang === 'en') expect(wordsSplit(m.root, '.summary dt, .fields dt, label'), `${lang} list labels`).toEqual([]);
        await fileWithErrors(m, file);
        expect(overflowing(m), `${lang} file`).toEqual([]);
        m.el.remove();
      }
    });
  }

  it('reaches every control by Tab with a visible focus ring', async () => {
    const office = nextOffice();
    const file = await openCase(await clientFor(office));
    const m = await mount({ orgCode: office });
    await showFile(m, file);
    await openStep(m, 'investigate');
    const controls = [...m.root.querySelectorAll<HTMLElement>('button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], summary')];
    q<HTMLElement>(m.root, '.back').focus();
    const reached = new Set<Element>();
    for (let i = 0; i < controls.length + 5; i++) {
      const active = m.root.activeElement as HTMLElement | null;
      if (active) {
        reached.add(active);
        const ring = getComputedStyle(active.matches('.file-input') ? active.nextElementSibling! : active).outlineStyle;
        expect(ring, `focus ring of ${active.outerHTML.slice(0, 80)}`).not.toBe('none');
      }
      await userEvent.keyboard('{Tab}');
    }
    expect(controls.filter((c) => !reached.has(c)).map((c) => c.outerHTML.slice(0, 80))).toEqual([]);
  });
});
