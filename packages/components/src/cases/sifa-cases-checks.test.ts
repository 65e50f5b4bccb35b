/**
 * <sifa-cases type="applications.reconsideration">: the checks before a step (a plugin's
 * `caseChecks`) on the forward step's form, in Chromium against a real Sifa server with the
 * applications plugin (the `apply-checks` instance of global-setup): each check with its state in
 * words, article and explanation; a reason asked for each one needing attention (before sending);
 * the server's refusal beside the check when a list changed since the form opened (the checks
 * reloaded); the reasons recorded in the timeline; keyboard, axe in the dark and elderly themes and
 * in en / mn-Mong, no overflow at 390 px. Dates come from the test clock (never the machine's).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { addDays, type CaseFile, type Locale, type Role } from '@sifa/core';
import { configureSifa, type SifaTheme } from '../config/config.js';
import { SifaClient } from '../client/client.js';
import { connectTestServer, eventually, uniqueId } from '../test-utils/test-server.js';
import { axeViolations, describeViolations } from '../test-utils/axe.js';
import { testToday } from '../test-utils/clock.js';
import { casesMessages } from './messages.js';
import type { CaseCalls } from './sifa-cases.js';
import './define.js';
import type { SifaCases } from './sifa-cases.js';

const server = 'apply-checks';
/** One office per test (巴林左旗: no demo cases there). */
const offices = ['150422100', '150422101', '150422102', '150422103', '150422104', '150422105', '150422106', '150422107'];
let officeIndex = 0;
const nextOffice = () => offices[officeIndex++ % offices.length]!;

type Calls = CaseCalls & {
  'applications.negativeList.create': { type: 'mutation'; input: { title: { zh: string }; basis: string; fields: string[]; keywords: string[] }; output: { id: string } };
  'applications.bodies.list': { type: 'query'; input: undefined; output: { name: string }[] };
  'applications.bodies.create': { type: 'mutation'; input: { orgCode: string; name: string; level: 'county'; divisionCode: string; area: string[] }; output: { id: string } };
};

/**
 * The county's entry of the list of reconsideration bodies (the named servers start from the main
 * server's data, which lacks this plugin's seed): kept by the city admin, once per server.
 */
let bodiesReady: Promise<void> | null = null;
const ensureBodies = () =>
  (bodiesReady ??= (async () => {
    const city = await clientFor('1504', 'city_admin');
    const listed = await city.query<Calls, 'applications.bodies.list'>('applications.bodies.list', undefined);
    if (listed.some((b) => b.name === '巴林左旗人民政府')) return;
    await city.mutate<Calls, 'applications.bodies.create'>('applications.bodies.create', { orgCode: '150422', name: '巴林左旗人民政府', level: 'county', divisionCode: '150422', area: ['巴林左旗'] });
  })());

const clientFor = async (orgCode: string, role: Role = 'office_staff') => new SifaClient((await connectTestServer({ server, orgCode, userId: uniqueId('u'), role })).config);

/** An application received today whose applicant learned of the act 200 days ago: late (art. 20). */
async function lateApplication(office: string, act = '《行政处罚决定书》：罚款五千元。'): Promise<CaseFile> {
  await ensureBodies();
  return (await clientFor(office)).mutate<CaseCalls, 'applications.cases.open'>('applications.cases.open', {
    fields: {
      applicants: [{ role: 'applicant', name: '演示申请人', phone: '13800000000' }],
      respondent: '巴林左旗市场监督管理局',
      act,
      knewOn: addDays(testToday(), -200),
      rightNotified: true,
      request: '撤销该行政处罚决定。',
      factsReasons: '申请人认为处罚过重。',
      channel: 'in-person',
    },
  });
}

let mounted: SifaCases | null = null;
afterEach(() => {
  mounted?.remove();
  mounted = null;
});

async function mount(office: string, file: CaseFile, options: { lang?: Locale; theme?: SifaTheme } = {}) {
  const connection = await connectTestServer({ server, orgCode: office, userId: uniqueId('u') });
  configureSifa({ ...connection.config, locale: undefined, theme: undefined });
  const el = document.createElement('sifa-cases');
  el.setAttribute('type', 'applications.reconsideration');
  el.setAttribute('org-code', office);
  el.setAttribute('case', file.id);
  el.setAttribute('lang', options.lang ?? 'zh-CN');
  if (options.theme) el.setAttribute('theme', options.theme);
  document.body.append(el);
  mounted = el;
  const root = el.shadowRoot!;
  await eventually(() => root.querySelector('[data-step="forward"]'), { what: 'the case file with its steps' });
  return { el, root };
}

/** Opens the forward step's form and waits for its checks. */
async function openForward(root: ShadowRoot): Promise<HTMLFormElement> {
  root.querySelector<HTMLButtonElement>('[data-step="forward"]')!.click();
  await eventually(() => root.querySelectorAll('#step-form .check-list > li').length === 4, { what: 'the four checks' });
  return root.querySelector<HTMLFormElement>('#step-form')!;
}

const stateOf = (root: ShadowRoot, code: string) => root.querySelector<HTMLElement>(`#step-form [data-check="${code}"]`)?.className ?? '';
const zh = (key: Parameters<typeof casesMessages.t>[1]) => casesMessages.t('zh-CN', key);

describe('<sifa-cases> the checks before a step', () => {
  it('shows each check with its state, article and explanation; a reason for the one needing attention; proposes the body', async () => {
    const office = nextOffice();
    const file = await lateApplication(office);
    const { root } = await mount(office, file);
    const form = await openForward(root);
    expect([...form.querySelectorAll<HTMLElement>('.check-list > li')].map((li) => li.dataset['check'])).toEqual(['period', 'scope', 'reconsideration-first', 'jurisdiction']);
    const period = form.querySelector<HTMLElement>('[data-check="period"]')!;
    expect(period.className).toContain('attention');
    expect(period.querySelector('.check-state')!.textContent).toBe(zh('checkAttention'));
    expect(period.textContent).toContain('第二十条第一款');
    expect(period.textContent).toContain('已超过期限');
    expect(stateOf(root, 'scope')).toContain('pass');
    expect(form.querySelector('[data-check="scope"] .check-state')!.textContent).toBe(zh('checkPass'));
    // Only the check needing attention asks for a reason, labelled and required.
    expect([...form.querySelectorAll('textarea[name^="overrides."]')].map((e) => e.getAttribute('name'))).toEqual(['overrides.period']);
    expect(root.querySelector(`label[for="r-period"]`)!.textContent).toContain(zh('checkReason'));
    // Laid out as a list, each check's text and its reason the width of the box (not squeezed into columns).
    const box = period.getBoundingClientRect();
    expect(root.querySelector<HTMLElement>('#r-period')!.getBoundingClientRect().width).toBeGreaterThan(box.width * 0.6);
    expect(period.querySelector<HTMLElement>('.explanation')!.getBoundingClientRect().width).toBeGreaterThan(box.width * 0.6);
    // The jurisdiction check proposes the county's government (the seeded list of bodies) for the empty body field.
    await eventually(() => root.querySelector<HTMLInputElement>('#f-body')?.value === '巴林左旗人民政府', { what: 'the proposed body' });
  });

  it('asks for the reason before sending (keyboard only), and the server\'s refusal appears beside a check that changed meanwhile', async () => {
    const office = nextOffice();
    const file = await lateApplication(office);
    const { root } = await mount(office, file);
    await openForward(root);
    const method = root.querySelector<HTMLSelectElement>('#f-method')!;
    method.value = 'post';
    method.dispatchEvent(new Event('change', { bubbles: true }));
    method.dispatchEvent(new Event('input', { bubbles: true }));
    root.querySelector<HTMLButtonElement>('#step-form button.submit')!.focus();
    await userEvent.keyboard('{Enter}');
    // Refused before sending: the issue beside the check, focus on its reason.
    const issue = await eventually(() => root.querySelector('#e-r-period'), { what: "the period check's issue" });
    expect(issue.textContent).toBe(zh('caseCheckReason'));
    const reason = root.querySelector<HTMLTextAreaElement>('#r-period')!;
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(root.activeElement).toBe(reason);
    await userEvent.keyboard('申请人住院耽误期限，已提交住院证明。');

    // Meanwhile the county adds an entry to its negative list that this application matches.
    const county = await clientFor(office.slice(0, 6), 'county_admin');
    await county.mutate<Calls, 'applications.negativeList.create'>('applications.negativeList.create', { title: { zh: '测试事项' }, basis: '巴林左旗测试清单第1项', fields: ['act'], keywords: ['罚款五千元'] });
    root.querySelector<HTMLButtonElement>('#step-form button.submit')!.click();
    // The server refuses (the scope now needs attention); the checks are reloaded and its refusal is beside the scope check.
    const scopeIssue = await eventually(() => root.querySelector('#e-r-scope'), { what: "the server's refusal beside the scope check" });
    expect(scopeIssue.textContent).toBe('此项审查提示需要注意：仍要办理的，请说明理由。');
    expect(stateOf(root, 'scope')).toContain('attention');
    expect(root.querySelector('[data-check="scope"]')!.textContent).toContain('巴林左旗测试清单第1项');
    expect(root.querySelector<HTMLTextAreaElement>('#r-period')!.value).toBe('申请人住院耽误期限，已提交住院证明。'); // nothing typed is lost
    root.querySelector<HTMLTextAreaElement>('#r-scope')!.focus();
    await userEvent.keyboard('该处罚系针对经营行为，非本清单所指事项。');
    root.querySelector<HTMLButtonElement>('#step-form button.submit')!.click();

    // Forwarded: the reasons in the timeline.
    await eventually(() => root.querySelector('#step-form') === null && root.querySelector('.event-checks'), { what: 'the forward step recorded' });
    const recorded = root.querySelector('.event-checks')!;
    expect(recorded.textContent).toContain('理由：申请人住院耽误期限，已提交住院证明。');
    expect(recorded.textContent).toContain('理由：该处罚系针对经营行为，非本清单所指事项。');
    const stored = await (await clientFor(office)).query<CaseCalls, 'applications.cases.get'>('applications.cases.get', { id: file.id });
    expect(stored.state).toBe('forwarded');
    expect(stored.events.at(-1)!.checks.filter((c) => c.reason).map((c) => c.code)).toEqual(['period', 'scope']);
  });

  it.each(['dark', 'elderly'] as const)('has no axe violations in the %s theme (checks, a reason missing)', async (theme) => {
    const office = nextOffice();
    const file = await lateApplication(office);
    const { el, root } = await mount(office, file, { theme });
    await openForward(root);
    expect(describeViolations(await axeViolations(el))).toEqual([]);
    root.querySelector<HTMLButtonElement>('#step-form button.submit')!.click();
    await eventually(() => root.querySelector('#e-r-period'), { what: 'the issue' });
    expect(describeViolations(await axeViolations(el))).toEqual([]);
  });

  it.each(['en', 'mn-Mong'] as const)('speaks %s (the checks come from the server, zh/en) with no axe violations', async (lang) => {
    const office = nextOffice();
    const file = await lateApplication(office);
    const { el, root } = await mount(office, file, { lang });
    await openForward(root);
    expect(root.querySelector('#checks-title')!.textContent).toBe(casesMessages.t(lang, 'checksTitle'));
    expect(root.querySelector('[data-check="period"] .check-state')!.textContent).toBe(casesMessages.t(lang, 'checkAttention'));
    if (lang === 'en') expect(root.querySelector('[data-check="period"]')!.textContent).toContain('day(s) late');
    expect(describeViolations(await axeViolations(el))).toEqual([]);
  });

  it('does not overflow at 390 px in the elderly theme', async () => {
    await page.viewport(390, 844);
    try {
      const office = nextOffice();
      const file = await lateApplication(office);
      const { el, root } = await mount(office, file, { theme: 'elderly' });
      await openForward(root);
      root.querySelector<HTMLButtonElement>('#step-form button.submit')!.click();
      await eventually(() => root.querySelector('#e-r-period'), { what: 'the issue' });
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
      const host = el.getBoundingClientRect();
      const wide = [...root.querySelectorAll<HTMLElement>('.checks *')].filter((e) => e.getBoundingClientRect().right > host.right + 1).map((e) => e.localName);
      expect(wide).toEqual([]);
    } finally {
      await page.viewport(1280, 900);
    }
  });
});
