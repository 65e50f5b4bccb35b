/**
 * <sifa-cases type="correction.case">: a check that BLOCKS a step (state 'blocked': an enforced
 * rule, no reason can override it), in Chromium against a real Sifa server with the correction
 * plugin (installed through the repository's sifa.config.mjs): the team of a female person with
 * no woman (社区矫正法 art. 25) shows the check as an error in words, with what to fix and no
 * reason box, and the step cannot be sent; once a woman is on the team the check passes and the
 * step is recorded. Axe in the default theme. Dates come from the test clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, type CaseFile } from '@sifa/core';
import { configureSifa } from '../config/config.js';
import { SifaClient } from '../client/client.js';
import { connectTestServer, eventually, uniqueId } from '../test-utils/test-server.js';
import { axeViolations, describeViolations } from '../test-utils/axe.js';
import { testToday } from '../test-utils/clock.js';
import { casesMessages } from './messages.js';
import type { CaseCalls } from './sifa-cases.js';
import './define.js';
import type { SifaCases } from './sifa-cases.js';

const server = 'correction-blocked';
/** One office per test (巴林左旗: no demo files there). */
const offices = ['150422100', '150422101', '150422102'];
let officeIndex = 0;
const nextOffice = () => offices[officeIndex++ % offices.length]!;

const clientFor = async (orgCode: string) => new SifaClient((await connectTestServer({ server, orgCode, userId: uniqueId('u') })).config);

/** A female person's file, received a few days ago. */
async function femaleFile(office: string): Promise<CaseFile> {
  const today = testToday();
  return (await clientFor(office)).mutate<CaseCalls, 'correction.cases.open'>('correction.cases.open', {
    on: addDays(today, -3),
    fields: {
      person: [{ role: 'subject', name: '测试对象' }],
      sex: 'female',
      birthDate: '1990-01-01',
      kind: 'probation',
      court: '巴林左旗人民法院',
      judgmentEffectiveOn: addDays(today, -5),
      offence: '盗窃罪',
      termStart: addDays(today, -5),
      termEnd: addDays(today, 360),
      stage: 'intake',
    },
  });
}

let mounted: SifaCases | null = null;
afterEach(() => {
  mounted?.remove();
  mounted = null;
});

async function mount(office: string, file: CaseFile) {
  const connection = await connectTestServer({ server, orgCode: office, userId: uniqueId('u') });
  configureSifa({ ...connection.config, locale: undefined, theme: undefined });
  const el = document.createElement('sifa-cases');
  el.setAttribute('type', 'correction.case');
  el.setAttribute('org-code', office);
  el.setAttribute('case', file.id);
  el.setAttribute('lang', 'zh-CN');
  document.body.append(el);
  mounted = el;
  const root = el.shadowRoot!;
  await eventually(() => root.querySelector('[data-step="form-team"]'), { what: 'the file with its steps' });
  return { el, root };
}

const zh = (key: Parameters<typeof casesMessages.t>[1]) => casesMessages.t('zh-CN', key);

function type(root: ShadowRoot, selector: string, value: string) {
  const input = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<sifa-cases> a blocked check', () => {
  it('shows it as an error without a reason box and keeps the step from being sent until it is fixed', async () => {
    const office = nextOffice();
    const file = await femaleFile(office);
    const { el, root } = await mount(office, file);
    root.querySelector<HTMLButtonElement>('[data-step="form-team"]')!.click();
    await eventually(() => root.querySelector('#step-form [data-check="team-woman"]'), { what: 'the team check' });
    type(root, '#f-members', '王某（组长）\n张某');
    type(root, '#f-women', '0');
    const check = await eventually(() => root.querySelector<HTMLElement>('#step-form [data-check="team-woman"].blocked'), { what: 'the check blocked' });
    expect(check.querySelector('.check-state')!.textContent).toBe(zh('checkBlocked'));
    expect(check.textContent).toContain('第二十五条');
    expect(check.textContent).toContain('矫正小组中应有女性成员');
    expect(check.querySelector('[role="alert"]')!.textContent).toBe(zh('checkBlockedHint'));
    // No reason can override it: no reason box; the step cannot be sent.
    expect(root.querySelector('textarea[name^="overrides."]')).toBeNull();
    const submit = root.querySelector<HTMLButtonElement>('#step-form button.submit')!;
    expect(submit.disabled).toBe(true);
    expect(describeViolations(await axeViolations(el))).toEqual([]);
    // Fixed: a woman on the team; the check passes and the step is recorded.
    type(root, '#f-members', '王某（组长）\n赵某（女）');
    type(root, '#f-women', '1');
    await eventually(() => root.querySelector('#step-form [data-check="team-woman"].pass'), { what: 'the check passing' });
    expect(root.querySelector<HTMLButtonElement>('#step-form button.submit')!.disabled).toBe(false);
    root.querySelector<HTMLButtonElement>('#step-form button.submit')!.click();
    await eventually(() => root.querySelector('#step-form') === null, { what: 'the step recorded' });
    const stored = await (await clientFor(office)).query<CaseCalls, 'correction.cases.get'>('correction.cases.get', { id: file.id });
    expect(stored.events.at(-1)).toMatchObject({ transition: 'form-team', fields: { women: 1 }, checks: [expect.objectContaining({ code: 'team-woman', state: 'pass' })] });
  });
});
