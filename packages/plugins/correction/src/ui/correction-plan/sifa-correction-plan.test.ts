/**
 * <sifa-correction-plan> and <sifa-correction-caseload> in Chromium against the real Sifa server
 * of global-setup (the correction plugin with the demo catalogue, PGlite): profile save with the
 * server's translated field errors, one-click generation, explanations in the reader's language,
 * an override with a mandatory reason, re-generation previewed as a diff then applied, a task
 * completed with a note, the county's masked view, the caseload's filters and rates, selecting a
 * person (the plan follows), Mongolian vertical layout, no inline styles, axe in every theme.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Locale, Role } from '@sifa/core';
import type { CorrectionApi } from '../../index.js';
import { configureSifa, SifaClient, themes, type SifaTheme } from '@sifa/components';
import { axeViolations, chineseOutsideDeep, connectTestServer, describeViolations, eventually, testToday, uniqueId } from '@sifa/components/testing';
import { correctionPlanMessages } from './messages.js';
import { caseloadMessages } from '../correction-caseload/messages.js';
import '../index.js';
import type { SifaCorrectionPlan } from './sifa-correction-plan.js';
import type { SifaCorrectionCaseload } from '../correction-caseload/sifa-correction-caseload.js';

type Api = { [K in keyof CorrectionApi]: CorrectionApi[K] };

/** An office of 红山区 that only these tests use, and its county. */
const office = '150402010';
const county = '150402';

const quiet = {
  sex: 'male', age: 40, juvenile: false, 'subject-kind': 'probation', 'management-class': 'normal', stage: 'regular', 'months-in-correction': 6, 'months-remaining': 12,
  'risk-level': 'low', 'offence-type': 'other', 'offence-cause': 'other', 'serious-circumstances': false, remorse: 'sincere', 'psych-state': 'stable', 'psych-score': 30,
  health: 'good', 'pregnant-or-nursing': false, family: 'harmonious', dependants: 1, employment: 'employed', 'monthly-income': 4000, residence: 'own',
  'household-elsewhere': false, addiction: 'none', 'prior-convictions': 0, reprimands: 0, 'education-level': 'secondary',
};

/** A fictitious resident ID number with a valid check digit (as the server's demo seed makes them). */
function demoIdNumber(countyCode: string, birth: string): string {
  const body = `${countyCode.slice(0, 6)}${birth.replaceAll('-', '')}000`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

const pageFetch: typeof fetch = (input, init) => fetch(input, init);

async function apiAs(orgCode: string, role: Role, userId = uniqueId('api')): Promise<SifaClient> {
  const connection = await connectTestServer({ orgCode, userId, role });
  return new SifaClient(connection.config);
}

const shiftDay = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A correction file at the test office, opened today; with a profile and a plan when asked. */
async function person(options: { profile?: boolean; plan?: boolean; cls?: string; userId?: string } = {}): Promise<{ caseId: string; api: SifaClient }> {
  const api = await apiAs(office, 'office_staff', options.userId);
  const today = testToday();
  const file = await api.mutate<Api, 'correction.cases.open'>('correction.cases.open', {
    fields: {
      person: [{ role: 'subject', name: `测试${uniqueId('p').slice(-4)}`, idNumber: demoIdNumber('150402', '1990-03-15'), phone: '13800000001', address: '红山区示例小区1号楼' }],
      sex: 'male',
      birthDate: '1990-03-15',
      kind: 'probation',
      court: '赤峰市红山区人民法院',
      judgmentEffectiveOn: shiftDay(today, -3),
      offence: '盗窃罪',
      termStart: shiftDay(today, -3),
      termEnd: shiftDay(today, 362),
      class: options.cls ?? 'normal',
      stage: 'regular',
    },
  });
  if (options.profile || options.plan) await api.mutate<Api, 'correction.profile.set'>('correction.profile.set', { caseId: file.id, revision: 0, conditions: quiet });
  if (options.plan) await api.mutate<Api, 'correction.plan.generate'>('correction.plan.generate', { caseId: file.id });
  return { caseId: file.id, api };
}

/** A person with a profile and a generated plan (its tasks notified to the office: embed users have no account). */
const personWithPlan = (options: { cls?: string } = {}) => person({ ...options, plan: true });

async function configure(orgCode: string, role: Role, userId = uniqueId('u')): Promise<void> {
  const connection = await connectTestServer({ orgCode, userId, role });
  configureSifa({ ...connection.config, fetch: pageFetch, locale: undefined, theme: undefined });
}

async function mountPlan(caseId: string, options: { orgCode?: string; role?: Role; lang?: Locale; theme?: SifaTheme; userId?: string } = {}) {
  await configure(options.orgCode ?? office, options.role ?? 'office_staff', options.userId);
  const el = document.createElement('sifa-correction-plan');
  el.setAttribute('case-id', caseId);
  if (options.lang) el.setAttribute('lang', options.lang);
  if (options.theme) el.setAttribute('theme', options.theme);
  document.body.append(el);
  const root = el.shadowRoot!;
  await eventually(() => root.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false' && root.querySelector('.profile'), { what: 'the plan to load' });
  await el.updateComplete;
  return { el: el as SifaCorrectionPlan, root };
}

async function mountCaseload(options: { orgCode?: string; role?: Role; lang?: Locale; theme?: SifaTheme } = {}) {
  await configure(options.orgCode ?? office, options.role ?? 'office_staff');
  const el = document.createElement('sifa-correction-caseload');
  if (options.lang) el.setAttribute('lang', options.lang);
  if (options.theme) el.setAttribute('theme', options.theme);
  document.body.append(el);
  const root = el.shadowRoot!;
  await eventually(() => root.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false' && root.querySelector('.rates'), { what: 'the caseload to load' });
  await el.updateComplete;
  return { el: el as SifaCorrectionCaseload, root };
}

const q = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => {
  const found = root.querySelector<T & Element>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found as T;
};
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const setValue = (root: ParentNode, selector: string, value: string) => {
  const control = q<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(root, selector);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
};
const submit = (root: ParentNode, formSelector: string) => q<HTMLButtonElement>(root, `${formSelector} button[type="submit"]`).click();

beforeEach(() => {
  document.documentElement.lang = '';
});
afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = '';
});

describe('<sifa-correction-plan>', () => {
  it('has the same keys in every catalog, every Mongolian string a draft (both widgets)', async () => {
    for (const messages of [correctionPlanMessages, caseloadMessages] as const) {
      const [en, mn] = await Promise.all([messages.load('en'), messages.load('mn-Mong')]);
      const keys = Object.keys(messages.catalogs['zh-CN']).sort();
      expect(Object.keys(en).sort()).toEqual(keys);
      expect(Object.keys(mn).sort()).toEqual(keys);
      expect([...messages.mnDrafts].sort()).toEqual(keys);
    }
  });

  it('saves a profile: the server’s errors next to their fields in the user’s language, then the revision', async () => {
    const { caseId } = await person();
    const m = await mountPlan(caseId, { lang: 'en' });
    // No profile yet: the form is open, grouped, typed as the catalogue declares.
    expect(m.root.querySelectorAll('.profile-form fieldset').length).toBeGreaterThanOrEqual(5);
    expect(q<HTMLInputElement>(m.root, '#c-age').type).toBe('number');
    expect(q(m.root, '#c-sex').tagName).toBe('SELECT');
    for (const [id, value] of Object.entries(quiet)) setValue(m.root, `#c-${id}`, String(value));
    setValue(m.root, '#c-age', '130');
    setValue(m.root, '#c-sex', '');
    submit(m.root, '.profile-form');
    await eventually(() => m.root.querySelector('#c-age-error'), { what: 'the age error' });
    expect(text(q(m.root, '#c-age-error'))).toBe('"Age" takes a whole number from 12 to 100 (years).');
    expect(text(q(m.root, '#c-sex-error'))).toBe('Fill in "Sex".');
    expect(q(m.root, '#c-age').getAttribute('aria-invalid')).toBe('true');
    expect(q(m.root, '#c-age').getAttribute('aria-describedby')).toBe('c-age-error');
    expect(m.root.activeElement?.getAttribute('aria-invalid')).toBe('true');
    setValue(m.root, '#c-age', '40');
    setValue(m.root, '#c-sex', 'male');
    submit(m.root, '.profile-form');
    await eventually(() => m.root.querySelector('[data-action="edit-profile"]'), { what: 'the saved profile' });
    expect(text(q(m.root, '#profile-title'))).toContain('revision 1');
    expect(text(q(m.root, '.announce'))).toBe('Profile saved (revision 1).');
  });

  it('shows a stale revision as a conflict with a reload', async () => {
    const { caseId, api } = await person({ profile: true });
    const m = await mountPlan(caseId);
    q<HTMLButtonElement>(m.root, '[data-action="edit-profile"]').click();
    await m.el.updateComplete;
    await api.mutate<Api, 'correction.profile.set'>('correction.profile.set', { caseId, revision: 1, conditions: { ...quiet, age: 41 } });
    submit(m.root, '.profile-form');
    await eventually(() => m.root.querySelector('.profile-form .error'), { what: 'the conflict' });
    expect(text(q(m.root, '.profile-form .error'))).toContain('档案条件已被他人修改');
    expect(m.root.querySelector('.profile-form .error button')).not.toBeNull();
  });

  it('generates the plan in one click; every measure explained in the reader’s language', async () => {
    const { caseId } = await person({ profile: true });
    const m = await mountPlan(caseId);
    expect(text(q(m.root, '.plan'))).toContain('尚未生成矫正方案');
    q<HTMLButtonElement>(m.root, '[data-action="generate"]').click();
    await eventually(() => m.root.querySelectorAll('.measure').length > 0, { what: 'the measures' });
    expect(m.root.querySelector('.small-error')).toBeNull();
    const measures = [...m.root.querySelectorAll<HTMLElement>('.measures:not(.removed) > .measure')];
    expect(measures.map((x) => x.dataset['measure'])).toContain('home-visit');
    const home = measures.find((x) => x.dataset['measure'] === 'home-visit')!;
    expect(text(home.querySelector('.explanation'))).toMatch(/[\u4e00-\u9fff]/);
    expect(text(m.root.querySelector('.announce'))).toMatch(/^已生成矫正方案，共 \d+ 项措施。$/);
    // The tasks the plan made.
    await eventually(() => m.root.querySelector('.task'), { what: 'the tasks' });
    // In English the same explanation is English.
    m.el.setAttribute('lang', 'en');
    await m.el.updateComplete;
    const english = text(m.root.querySelector('[data-measure="home-visit"] .explanation'));
    expect(english).toMatch(/[a-z]/);
    expect(english).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('shows who carries out each measure and task: the role, the assignee, and who arranges a role without an account', async () => {
    // The file's staff member (who opened it) reads the plan: the measures without a mapped account are theirs.
    const userId = uniqueId('own');
    const { caseId } = await person({ plan: true, userId });
    const m = await mountPlan(caseId, { userId });
    await eventually(() => m.root.querySelector('[data-task-row] .who'), { what: 'the tasks' });
    expect(text(q(m.root, '[data-measure="report-in-monthly"] .who'))).toBe('执行：司法所工作人员 · 负责人：测试用户');
    expect(text(q(m.root, '[data-measure="home-visit"] .who'))).toBe('执行：矫正小组成员 · 由测试用户安排督促');
    const tasks = [...m.root.querySelectorAll('[data-task-row] .who')].map(text);
    expect(tasks).toContain('执行：矫正小组成员 · 由测试用户安排督促');
    expect(tasks).toContain('执行：司法所工作人员 · 负责人：测试用户');
    m.el.setAttribute('lang', 'en');
    await eventually(() => text(m.root.querySelector('[data-measure="home-visit"] .who')) === 'Carried out by: correction team member · arranged by 测试用户', { what: 'English' });
    m.el.setAttribute('lang', 'mn-Mong');
    await eventually(() => text(m.root.querySelector('[data-measure="report-in-monthly"] .who')) === 'ᠭᠦᠢᠴᠡᠳᠬᠡᠬᠦ: ᠰᠢᠭᠦᠨ ᠵᠠᠰᠠᠬᠤ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠠᠵᠢᠯᠲᠠᠨ · ᠬᠠᠷᠢᠭᠤᠴᠠᠬᠤ: 测试用户', { what: 'Mongolian' });
  });

  it('removes a measure only with a reason, and withdraws the change', async () => {
    const { caseId } = await personWithPlan();
    const m = await mountPlan(caseId);
    q<HTMLButtonElement>(m.root, '[data-override="remove"][data-for="home-visit"]').click();
    await m.el.updateComplete;
    expect(m.root.activeElement?.id).toBe('reason-home-visit');
    submit(m.root, '[data-measure="home-visit"] .small-form');
    await m.el.updateComplete;
    expect(text(q(m.root, '#reason-home-visit-error'))).toBe('请填写理由。');
    setValue(m.root, '#reason-home-visit', '对象已迁居，改为视频核查');
    submit(m.root, '[data-measure="home-visit"] .small-form');
    await eventually(() => m.root.querySelector('.measures.removed [data-measure="home-visit"]'), { what: 'the removed measure' });
    expect(text(q(m.root, '.measures.removed [data-measure="home-visit"] .staff'))).toBe('人工移除：对象已迁居，改为视频核查');
    // Add one the rules did not choose.
    q<HTMLButtonElement>(m.root, '[data-action="add"]').click();
    await m.el.updateComplete;
    setValue(m.root, '#add-measure', 'drug-test');
    setValue(m.root, '#reason-add', '群众反映有吸毒嫌疑');
    submit(m.root, '.add-form');
    await eventually(() => m.root.querySelector('.measures:not(.removed) [data-measure="drug-test"]'), { what: 'the added measure' });
    expect(text(q(m.root, '[data-measure="drug-test"] .staff'))).toBe('人工增加：群众反映有吸毒嫌疑');
  });

  it('previews a re-generation after a profile change as a diff, then applies it', async () => {
    const { caseId, api } = await personWithPlan();
    await api.mutate<Api, 'correction.profile.set'>('correction.profile.set', { caseId, revision: 1, conditions: { ...quiet, 'management-class': 'strict', 'risk-level': 'high' } });
    const m = await mountPlan(caseId);
    const before = m.root.querySelectorAll('.measures:not(.removed) > .measure').length;
    q<HTMLButtonElement>(m.root, '[data-action="preview"]').click();
    await eventually(() => m.root.querySelector('.diff'), { what: 'the diff' });
    expect(m.root.activeElement?.id).toBe('diff-title');
    const added = [...m.root.querySelectorAll('[data-diff="added"]')].map(text);
    const removed = m.root.querySelectorAll('[data-diff="removed"]').length;
    expect(added.length).toBeGreaterThan(0);
    // Nothing written yet.
    expect(m.root.querySelectorAll('.measures:not(.removed) > .measure').length).toBe(before);
    q<HTMLButtonElement>(m.root, '[data-action="apply"]').click();
    await eventually(() => !m.root.querySelector('.diff'), { what: 'the applied plan' });
    expect(text(q(m.root, '.announce'))).toBe('已应用重新生成的方案。');
    expect(m.root.querySelectorAll('.measures:not(.removed) > .measure').length).toBe(before + added.length - removed);
    expect(m.root.querySelector('[data-action="preview"]')).toBeNull();
  });

  it('completes a task with a note', async () => {
    const { caseId } = await personWithPlan();
    const m = await mountPlan(caseId);
    await eventually(() => m.root.querySelector('.task.status-open button[data-task]'), { what: 'an open task' });
    const button = q<HTMLButtonElement>(m.root, '.task.status-open button[data-task]');
    const taskId = button.dataset['task']!;
    button.click();
    await m.el.updateComplete;
    expect(m.root.activeElement?.id).toBe(`note-${taskId}`);
    submit(m.root, `[data-task-row="${taskId}"] .small-form`);
    await m.el.updateComplete;
    expect(text(q(m.root, `#note-${taskId}-error`))).toBe('请填写完成情况。');
    setValue(m.root, `#note-${taskId}`, '已按时报到');
    submit(m.root, `[data-task-row="${taskId}"] .small-form`);
    await eventually(() => m.root.querySelector(`[data-task-row="${taskId}"].status-done`), { what: 'the task done' });
    expect(text(q(m.root, `[data-task-row="${taskId}"]`))).toContain('已按时报到');
  });

  it('shows the county the masked view: no profile values, no conditions, no edit controls', async () => {
    const { caseId } = await personWithPlan();
    const m = await mountPlan(caseId, { orgCode: county, role: 'county_admin' });
    expect(m.root.querySelector('[data-masked="profile"]')).not.toBeNull();
    expect(m.root.querySelector('.profile-form')).toBeNull();
    expect(m.root.querySelectorAll('.measure').length).toBeGreaterThan(0);
    expect(m.root.querySelectorAll('[data-masked="reasons"]').length).toBe(m.root.querySelectorAll('.measures > .measure').length);
    expect(m.root.querySelector('.explanation')).toBeNull();
    expect(m.root.querySelector('[data-override]')).toBeNull();
  });

  it('lays Mongolian out vertically, Chinese only where marked', async () => {
    const { caseId } = await personWithPlan();
    const m = await mountPlan(caseId, { lang: 'mn-Mong' });
    expect(getComputedStyle(q(m.root, '.frame')).writingMode).toBe('vertical-lr');
    expect(q(m.root, '.frame').dataset['draft']).toBe('mn');
    expect(chineseOutsideDeep(m.el)).toEqual([]);
  });

  it.each(themes)('has no axe violations and no inline styles in the %s theme (profile form with errors, then the saved profile)', async (theme) => {
    const { caseId } = await person();
    const m = await mountPlan(caseId, { theme });
    submit(m.root, '.profile-form');
    await eventually(() => m.root.querySelector('.field-error'), { what: 'the field errors' });
    expect(m.root.querySelector('[style]')).toBeNull();
    expect(describeViolations(await axeViolations(m.el))).toEqual([]);
    for (const [id, value] of Object.entries(quiet)) setValue(m.root, `#c-${id}`, String(value));
    submit(m.root, '.profile-form');
    await eventually(() => m.root.querySelector('[data-action="generate"]'), { what: 'the saved profile' });
    expect(describeViolations(await axeViolations(m.el))).toEqual([]);
  });
});

describe('<sifa-correction-caseload>', () => {
  it('shows the office’s rates and persons, filters by class, and the plan follows a selection', async () => {
    const strict = await person({ profile: true, cls: 'strict' });
    await person({ cls: 'normal' });
    const c = await mountCaseload();
    const persons = Number(text(q(c.root, '[data-rate="persons"] .value')));
    expect(persons).toBeGreaterThanOrEqual(2);
    expect(c.root.querySelectorAll('.person').length).toBe(persons);
    expect(text(q(c.root, '[data-rate="out-of-supervision"] .value'))).toBe('0');
    expect(text(q(c.root, '[data-rate="missed-intake"]'))).toContain('应为 0');
    setValue(c.root, 'select[name="class"]', 'strict');
    await eventually(() => c.el.getAttribute('class-filter') === 'strict' && c.root.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false', { what: 'the filtered list' });
    await c.el.updateComplete;
    const classes = [...c.root.querySelectorAll('.person .facts div:nth-child(2) dd')].map(text);
    expect(classes.length).toBeGreaterThan(0);
    expect(new Set(classes)).toEqual(new Set(['严管']));
    // The rates stay the office's.
    expect(Number(text(q(c.root, '[data-rate="persons"] .value')))).toBe(persons);

    const plan = document.createElement('sifa-correction-plan');
    document.body.append(plan);
    const selected = new Promise<CustomEvent>((resolve) => c.el.addEventListener('sifa-correction-case-select', (e) => resolve(e), { once: true }));
    q<HTMLButtonElement>(c.root, `[data-open="${strict.caseId}"]`).click();
    expect((await selected).detail.caseId).toBe(strict.caseId);
    await eventually(() => plan.getAttribute('case-id') === strict.caseId && plan.shadowRoot?.querySelector('[data-action="edit-profile"]'), { what: 'the plan to follow' });
    expect(q(c.root, `[data-open="${strict.caseId}"]`).getAttribute('aria-pressed')).toBe('true');
  });

  it('shows the county an office filter and masked names', async () => {
    await person();
    const c = await mountCaseload({ orgCode: county, role: 'county_admin', lang: 'en' });
    expect(text(q(c.root, 'h2'))).toBe('Persons under community correction');
    expect(c.root.querySelector('[data-masked="true"], .person')).not.toBeNull();
    for (const who of c.root.querySelectorAll('.person .who')) expect(text(who)).not.toMatch(/^测试/);
  });

  it('lays Mongolian out vertically, Chinese only where marked', async () => {
    await person();
    const c = await mountCaseload({ lang: 'mn-Mong' });
    expect(getComputedStyle(q(c.root, '.frame')).writingMode).toBe('vertical-lr');
    expect(chineseOutsideDeep(c.el)).toEqual([]);
  });

  it.each(themes)('has no axe violations and no inline styles in the %s theme', async (theme) => {
    await person();
    const c = await mountCaseload({ theme });
    expect(c.root.querySelector('[style]')).toBeNull();
    expect(describeViolations(await axeViolations(c.el))).toEqual([]);
  });
});
