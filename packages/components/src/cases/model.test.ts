/**
 * What <sifa-cases> computes without rendering (model.ts): forms generated from field specs,
 * their payload, the checks before sending, where server issues go, deadline wording, what
 * changed between two copies of a case; and its message catalogs (same keys, Mongolian drafts).
 */
import { describe, expect, it } from 'vitest';
import { caseFieldSpecSchema, validationMessages, type CaseDeadlineView, type CaseFieldSpec, type CaseFile, type CaseNextStep } from '@sifa/core';
import { casesMessages, type CasesMessageKey } from './messages.js';
import { keyOfServerText, schemaIssues } from './validate.js';
import { basicChecks, changesSince, deadlineText, isRequired, issueKey, newStepForm, payloadOf, visibleErrors, type PartyRow, type SignatureRow, type StepForm } from './model.js';

const zh = (key: CasesMessageKey, params?: Record<string, string | number>) => casesMessages.t('zh-CN', key, params);
const title = (zh: string) => ({ zh, en: zh });
const spec = (input: unknown): CaseFieldSpec => caseFieldSpecSchema.parse(input);

const fields: Record<string, CaseFieldSpec> = {
  facts: spec({ kind: 'text', title: title('事实'), multiline: true, maxLength: 20 }),
  amount: spec({ kind: 'number', title: title('金额'), required: false, integer: false, max: 1000 }),
  count: spec({ kind: 'number', title: title('次数') }),
  heldOn: spec({ kind: 'date', title: title('日期') }),
  oral: spec({ kind: 'boolean', title: title('口头') }),
  source: spec({ kind: 'choice', title: title('来源'), options: [{ value: 'a', title: title('甲') }, { value: 'b', title: title('乙') }] }),
  present: spec({ kind: 'choices', title: title('到场'), options: [{ value: 'a', title: title('甲') }, { value: 'b', title: title('乙') }], maxItems: 1 }),
  parties: spec({ kind: 'parties', title: title('当事人'), roles: [{ value: 'applicant', title: title('申请人') }, { value: 'respondent', title: title('被申请人') }], minItems: 2, anonymous: true }),
  signatures: spec({ kind: 'signatures', title: title('签名'), extraSigners: [{ value: 'mediator', title: title('调解员') }] }),
  evidence: spec({ kind: 'attachments', title: title('材料'), maxFiles: 1 }),
};

const step: CaseNextStep = { code: 'agree', title: title('达成协议'), to: 'agreed', fields, sets: ['amount', 'parties'], document: null, checks: false };

const file = {
  id: '00000000-0000-4000-8000-000000000001',
  masked: false,
  revision: 3,
  state: 'mediating',
  fields: { amount: 1200, parties: [{ role: 'applicant', name: '张三', phone: '13800000000' }, { role: 'respondent', name: null }] },
  events: [{ seq: 1 }, { seq: 2 }],
} as unknown as CaseFile;

describe('the step form', () => {
  it('starts empty for the step’s own fields and with the case’s values for the fields it sets', () => {
    const form = newStepForm(step, file, null);
    expect(form.key).toBe(`${file.id}/agree`);
    expect(form.values['facts']).toBe('');
    expect(form.values['amount']).toBe('1200');
    expect(form.values['oral']).toBe(false);
    expect(form.values['present']).toEqual([]);
    expect((form.values['parties'] as PartyRow[]).map((p) => [p.role, p.name, p.phone, p.anonymous])).toEqual([
      ['applicant', '张三', '13800000000', false],
      ['respondent', '', '', true],
    ]);
    // One row per party of the case, then the extra signers.
    expect((form.values['signatures'] as SignatureRow[]).map((r) => r.signer)).toEqual(['mediator']);
  });

  it('leaves personal fields empty when the reader sees them masked (never sends 张* back)', () => {
    const form = newStepForm(step, { ...file, masked: true, fields: { ...file.fields, parties: [{ role: 'applicant', name: '张*' }] } } as CaseFile, null);
    expect((form.values['parties'] as PartyRow[]).map((p) => p.name)).toEqual(['', '']);
    expect(form.values['amount']).toBe('1200');
  });

  it('offers two empty party rows for minItems 2 on a new case', () => {
    const form = newStepForm(step, null, null);
    expect((form.values['parties'] as PartyRow[]).map((p) => p.role)).toEqual(['applicant', 'respondent']);
    expect(form.key).toBe('new/agree');
  });
});

function filled(values: Partial<Record<string, unknown>>): StepForm {
  const form = newStepForm(step, file, null);
  return { ...form, values: { ...form.values, ...(values as StepForm['values']) } };
}

describe('checks before sending', () => {
  it('names every missing required field, once each', () => {
    const form = newStepForm(step, null, null);
    const errors = basicChecks(form, zh, '2026-12-01');
    expect(Object.keys(errors).sort()).toEqual(['count', 'facts', 'heldOn', 'parties', 'parties.0.name', 'parties.1.name', 'present', 'signatures', 'source'].sort());
    expect(errors['facts']).toBe('此项必填。');
    expect(errors['parties']).toBe('至少需要 2 项。');
    // The empty rows still needed ask for a name where it is typed.
    expect(errors['parties.0.name']).toBe('此项必填。');
  });

  it('checks lengths, numbers, dates, list sizes, party rows and signature dates', () => {
    const party = (p: Partial<PartyRow>): PartyRow => ({ role: 'applicant', name: '', idNumber: '', phone: '', address: '', anonymous: false, ...p });
    const form = filled({
      facts: 'x'.repeat(21),
      amount: '1000.5',
      count: '1.5',
      heldOn: '2026-13-40',
      source: 'a',
      present: ['a', 'b'],
      parties: [party({ name: '张三' }), party({ role: 'respondent', phone: '139' }), party({ anonymous: true })],
      signatures: [{ signer: 'mediator', signed: true, signedOn: '' }],
      evidence: ['a', 'b'],
    });
    const errors = basicChecks({ ...form, on: '2027-01-01' }, zh, '2026-12-01');
    expect(errors).toEqual({
      on: '不能晚于今天。',
      facts: '不能超过 20 个字。',
      amount: '不能大于 1000。',
      count: '请填写整数。',
      heldOn: '请填写有效的日期（年-月-日）。',
      present: '最多 1 项。',
      evidence: '最多 1 项。',
      'parties.1.name': '此项必填。',
      'signatures.0.signedOn': '请填写签名日期。',
    });
  });

  it('shows a field’s message once it was left (or the form submitted), not before', () => {
    const form = newStepForm(step, null, null);
    const errors = basicChecks(form, zh, '2026-12-01');
    expect(visibleErrors(form, errors)).toEqual({});
    expect(Object.keys(visibleErrors({ ...form, touched: new Set(['facts']) }, errors))).toEqual(['facts']);
    expect(visibleErrors({ ...form, submitted: true }, errors)).toBe(errors);
  });
});

describe('requiredWhen', () => {
  // The referring body is required when the source is a referral (in the form, or in the case).
  const referrer = spec({ kind: 'text', title: title('移送单位'), required: false, requiredWhen: { field: 'source', in: ['referral'] } });
  const source = spec({ kind: 'choice', title: title('来源'), options: [{ value: 'referral', title: title('移送') }, { value: 'active', title: title('主动') }] });

  it('makes a field required by another field’s value in the same form', () => {
    const open: CaseNextStep = { code: 'register', title: title('登记'), to: 'registered', fields: { source, referrer }, sets: ['source', 'referrer'], document: null, checks: false };
    const form = newStepForm(open, null, null);
    expect(isRequired(form, 'referrer')).toBe(false);
    expect(basicChecks({ ...form, values: { ...form.values, source: 'active' } }, zh, '2026-12-01')['referrer']).toBeUndefined();
    const referred = { ...form, values: { ...form.values, source: 'referral' } };
    expect(isRequired(referred, 'referrer')).toBe(true);
    expect(basicChecks(referred, zh, '2026-12-01')['referrer']).toBe('此项必填。');
  });

  it('or by the case’s value when the form does not hold that field', () => {
    const fix: CaseNextStep = { code: 'fix', title: title('更正'), to: 'registered', fields: { referrer }, sets: ['referrer'], document: null, checks: false };
    const form = newStepForm(fix, { ...file, fields: { source: 'referral' } } as unknown as CaseFile, null);
    expect(isRequired(form, 'referrer')).toBe(true);
  });
});

describe('the payload', () => {
  it('sends numbers as numbers, drops empty optional fields and blank party rows, keeps anonymity', () => {
    const form = filled({
      facts: '  事实  ',
      amount: '',
      count: '2',
      heldOn: '2026-11-30',
      oral: true,
      source: 'b',
      present: ['a'],
      parties: [
        { role: 'applicant', name: ' 张三 ', idNumber: '', phone: '138', address: '', anonymous: false },
        { role: 'respondent', name: 'x', idNumber: '', phone: '', address: '', anonymous: true },
        { role: 'respondent', name: '', idNumber: '', phone: '', address: '', anonymous: false },
      ],
      signatures: [
        { signer: 'party-0', signed: true, signedOn: '2026-11-30' },
        { signer: 'mediator', signed: false, signedOn: '' },
      ],
    });
    const { fields: sent, rows } = payloadOf(form);
    expect(rows).toEqual({ parties: [0, 1], signatures: [0] });
    expect(sent).toEqual({
      facts: '事实',
      count: 2,
      heldOn: '2026-11-30',
      oral: true,
      source: 'b',
      present: ['a'],
      parties: [
        { role: 'applicant', name: '张三', phone: '138' },
        { role: 'respondent', name: null },
      ],
      signatures: [{ signer: 'party-0', signedOn: '2026-11-30' }],
    });
  });
});

describe('the shared schema (validate.ts)', () => {
  it('finds what the engine would refuse, each issue at the form row it came from', () => {
    const form = filled({
      facts: '事实',
      amount: '',
      count: '2',
      heldOn: '2026-11-30',
      source: 'a',
      present: ['a'],
      parties: [
        { role: 'applicant', name: '', idNumber: '', phone: '', address: '', anonymous: false },
        { role: 'applicant', name: '张三', idNumber: '150402199001011234', phone: '12', address: '', anonymous: false },
        { role: 'respondent', name: '', idNumber: '', phone: '139', address: '', anonymous: false },
      ],
      signatures: [{ signer: 'mediator', signed: true, signedOn: '2026-11-30' }],
    });
    const { fields: sent, rows } = payloadOf(form);
    const issues = schemaIssues(fields, sent, 0).map((i) => [issueKey(i.path, form, rows), i.key]);
    expect(issues).toEqual([
      ['parties.1.idNumber', 'caseIdNumber'],
      ['parties.1.phone', 'casePhone'],
      ['parties.2.name', 'casePartyName'],
      ['parties.2.phone', 'casePhone'],
      // Two parties are sent: both must sign (requireAll), not the mediator alone.
      ['signatures', 'caseSignatureMissing'],
    ]);
  });

  it('knows the server’s Chinese sentences (what a Mongolian reader is sent) by their key', () => {
    expect(keyOfServerText('此项必填。')).toBe('caseRequired');
    expect(keyOfServerText('电话号码应为 11 位手机号或带区号的固定电话。')).toBe('casePhone');
    expect(keyOfServerText('张三')).toBeNull();
  });
});

describe('server issues', () => {
  it('go to the field, the row input, the date, or the form', () => {
    const form = newStepForm(step, null, null);
    expect(issueKey('facts', form)).toBe('facts');
    expect(issueKey('fields.facts', form)).toBe('facts');
    expect(issueKey('fields.parties.1.name', form)).toBe('parties.1.name');
    expect(issueKey('parties.1', form)).toBe('parties');
    expect(issueKey('on', form)).toBe('on');
    expect(issueKey('revision', form)).toBeNull();
    // The second party sent was the form's third row (a blank row is not sent).
    expect(issueKey('fields.parties.1.phone', form, { parties: [0, 2] })).toBe('parties.2.phone');
    expect(issueKey('signatures.0.signer', form, { signatures: [1] })).toBe('signatures');
    expect(issueKey('signatures.0.signedOn', form, { signatures: [1] })).toBe('signatures.1.signedOn');
    expect(issueKey('', form)).toBeNull();
  });
});

describe('deadline wording', () => {
  const d = (remaining: number | null, state: CaseDeadlineView['state'], unit: 'working' | 'calendar' = 'working') => ({ remaining, state, unit, metOn: state === 'met' ? '2026-11-30' : null });
  const en = (key: CasesMessageKey, params?: Record<string, string | number>) => casesMessages.t('en', key, params);
  const day = (s: string) => s;

  it('says how many (working) days are left, or by how many a deadline is overdue, in zh-CN and en', async () => {
    await casesMessages.load('en');
    expect(deadlineText(d(3, 'running'), zh, day)).toBe('还剩 3 个工作日');
    expect(deadlineText(d(3, 'running'), en, day)).toBe('due in 3 working days');
    expect(deadlineText(d(1, 'due-soon'), en, day)).toBe('due in 1 working day');
    expect(deadlineText(d(5, 'running', 'calendar'), zh, day)).toBe('还剩 5 天');
    expect(deadlineText(d(0, 'due-soon'), zh, day)).toBe('今天到期');
    expect(deadlineText(d(-2, 'overdue'), zh, day)).toBe('已超期 2 个工作日');
    expect(deadlineText(d(-2, 'overdue', 'calendar'), en, day)).toBe('overdue by 2 days');
    expect(deadlineText(d(-1, 'overdue'), en, day)).toBe('overdue by 1 working day');
    expect(deadlineText(d(null, 'met'), zh, day)).toBe('已于 2026-11-30 完成');
  });
});

describe('changes since a form was filled', () => {
  it('are the steps taken since and whether the state moved', () => {
    const after = { ...file, state: 'agreed', events: [...file.events, { seq: 3 }] } as CaseFile;
    expect(changesSince(file, after)).toEqual({ events: [{ seq: 3 }], stateChanged: true });
    expect(changesSince(file, file)).toEqual({ events: [], stateChanged: false });
  });
});

describe('the catalogs of <sifa-cases>', () => {
  it('have the keys of zh-CN in en and mn-Mong, no empty string, every Mongolian string a draft', async () => {
    const [enCatalog, mnCatalog] = await Promise.all([casesMessages.load('en'), casesMessages.load('mn-Mong')]);
    const keys = Object.keys(casesMessages.catalogs['zh-CN']).sort();
    expect(Object.keys(enCatalog).sort()).toEqual(keys);
    expect(Object.keys(mnCatalog).sort()).toEqual(keys);
    expect([...casesMessages.mnDrafts].sort()).toEqual(keys);
    for (const catalog of [casesMessages.catalogs['zh-CN'], enCatalog, mnCatalog]) for (const key of keys) expect(catalog[key as CasesMessageKey]).not.toBe('');
    // The placeholders of each message are the same in every language.
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of keys as CasesMessageKey[]) {
      expect(names(enCatalog[key]), `en ${key}`).toEqual(names(casesMessages.catalogs['zh-CN'][key]));
      expect(names(mnCatalog[key]), `mn-Mong ${key}`).toEqual(names(casesMessages.catalogs['zh-CN'][key]));
    }
    // The shared schema's messages are the server's own words, in every language (its Mongolian drafts too).
    for (const key of keys.filter((k) => k in validationMessages) as (keyof typeof validationMessages & CasesMessageKey)[]) {
      expect(validationMessages[key], key).toBeDefined();
      expect(casesMessages.catalogs['zh-CN'][key], key).toBe(validationMessages[key].zh);
      expect(enCatalog[key], key).toBe(validationMessages[key].en);
      expect(mnCatalog[key], key).toBe(validationMessages[key].mn);
    }
    // No Chinese in the English and Mongolian catalogs.
    for (const catalog of [enCatalog, mnCatalog]) for (const key of keys) expect(catalog[key as CasesMessageKey]).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
