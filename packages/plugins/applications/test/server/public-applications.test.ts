/**
 * A citizen applies for reconsideration forwarding on a public page (the publishable key only),
 * on the engine of the run: the county's dashboard counts the application (the diary's
 * reconsideration item, fed by the case's facts), and the citizen downloads the receipt (回执) with
 * the number and the secret code:
 * the receipt is the document the office's receiving step issued (it names the applicant and the
 * number), a wrong code and an unknown number get the same refusal, the code never in a URL, and a
 * form that issues no receipt says so. The clock is fixed (Monday 28 September 2026, China time).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicApplyAttachmentHeaders, publicApplyReceiptPath } from '@sifa/core';
import { docxText, rawFetch, startTestServer, type TestServerOf } from '@sifa/server/testing';
import { createDiaryPlugin } from '@sifa/plugin-diary/server';
import { createStatisticsPlugin } from '@sifa/plugin-statistics/server';
import { createApplicationsPlugin } from '../../src/server/index.js';

const clock = { now: new Date('2026-09-28T10:00:00+08:00') };
const plugins = [createDiaryPlugin(), createApplicationsPlugin({ demo: false }), createStatisticsPlugin()] as const;
let t: TestServerOf<typeof plugins>;
let key = '';

beforeAll(async () => {
  t = await startTestServer({ plugins, now: () => clock.now, publicApply: { challengeAfter: 100, perClientPerHour: 100 } });
  key = await t.publishableKey('150402');
});
afterAll(() => t?.close());

const forms = () => t.publicClient(key, { locale: 'zh-CN' }).platform.publicForms;

async function apply(type: string, fields: Record<string, unknown>) {
  const [form] = await forms().list.query({ type });
  const sent = await forms().submit.mutate({ type, orgCode: '150402001', fields, consent: { accepted: true, version: form!.consentVersion } });
  if (sent.duplicate) throw new Error('unexpected duplicate');
  return sent;
}

const receipt = (number: string, code: string, headers: Record<string, string> = {}) =>
  fetch(`${t.url}${publicApplyReceiptPath}`, {
    method: 'POST',
    headers: { 'x-sifa-key': key, [publicApplyAttachmentHeaders.number]: encodeURIComponent(number), [publicApplyAttachmentHeaders.code]: code, ...headers },
  });

describe('a public application as the county sees it', () => {
  it('counts on the county dashboard as a reconsideration application received, and not yet forwarded', async () => {
    const hongshan = (await t.client('hongshan', { locale: 'zh-CN' })).statistics;
    const received = async () => (await hongshan.view.query({ entry: 'legality-review', period: '2026-09' })).items.find((i) => i.metric === 'diary.reconsideration-received')!.value;
    const before = await received();
    await apply('applications.reconsideration', {
      applicants: [{ role: 'applicant', name: '看板申请人' }],
      respondent: '西屯街道办事处',
      act: '计入看板的行政行为',
      knewOn: '2026-09-22',
      request: '撤销。',
      factsReasons: '理由。',
    });
    expect(await received()).toBe(before + 1);
    const view = await hongshan.view.query({ entry: 'legality-review', period: '2026-09' });
    expect(view.items.find((i) => i.metric === 'diary.reconsideration-forwarded')!.value).toBe(0);
    expect(view.breakdown.find((b) => b.org.code === '150402001')).toBeDefined();
  });
});

describe('the receipt of a public application', () => {
  it('is the receiving step\'s document, downloaded with the number and the code', async () => {
    const sent = await apply('applications.reconsideration', {
      applicants: [{ role: 'applicant', name: '网上申请人', idNumber: '150402198001011232', phone: '13912345678', address: '西屯街道幸福村一组8号' }],
      respondent: '西屯街道办事处',
      act: '《责令限期拆除决定书》（西拆字〔2026〕5号）',
      knewOn: '2026-09-20',
      rightNotified: true,
      request: '撤销该决定。',
      factsReasons: '彩钢房建于自家宅基地内。',
    });
    const res = await receipt(sent.number, sent.code.toLowerCase());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toContain('回执');
    const text = await docxText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain('网上申请人');
    expect(text).toContain(sent.number);
    expect(text).toContain('西屯街道办事处');
  });

  it('answers a wrong code and an unknown number alike, writing and revealing nothing', async () => {
    const sent = await apply('applications.reconsideration', {
      applicants: [{ role: 'applicant', name: '另一申请人' }],
      respondent: '西屯街道办事处',
      act: '另一个行政行为',
      knewOn: '2026-09-21',
      request: '撤销。',
      factsReasons: '理由。',
    });
    const wrong = await rawFetch(`${t.url}${publicApplyReceiptPath}`, {
      method: 'POST',
      headers: { 'x-sifa-key': key, [publicApplyAttachmentHeaders.number]: encodeURIComponent(sent.number), [publicApplyAttachmentHeaders.code]: sent.code.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
    });
    const unknown = await rawFetch(`${t.url}${publicApplyReceiptPath}`, {
      method: 'POST',
      headers: { 'x-sifa-key': key, [publicApplyAttachmentHeaders.number]: encodeURIComponent('（2026）西屯复转字第999号'), [publicApplyAttachmentHeaders.code]: sent.code },
    });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrong.json.error.message).toBe(unknown.json.error.message);
    expect(wrong.text).not.toContain('另一申请人');
    // No key: no receipt.
    const keyless = await fetch(`${t.url}${publicApplyReceiptPath}`, { method: 'POST', headers: { [publicApplyAttachmentHeaders.number]: encodeURIComponent(sent.number), [publicApplyAttachmentHeaders.code]: sent.code } });
    expect(keyless.status).toBe(401);
  });

  it('says so for a form that issues no receipt (legal aid: the number and code are the record)', async () => {
    const sent = await apply('applications.legal-aid', await legalAidFields());
    const res = await rawFetch(`${t.url}${publicApplyReceiptPath}`, { method: 'POST', headers: { 'x-sifa-key': key, [publicApplyAttachmentHeaders.number]: encodeURIComponent(sent.number), [publicApplyAttachmentHeaders.code]: sent.code } });
    expect(res.status).toBe(404);
    expect(res.json.error.message).toContain('不出具回执');
  });
});

/** The legal-aid form's required fields, filled from its own specs. */
async function legalAidFields(): Promise<Record<string, unknown>> {
  const [form] = await forms().list.query({ type: 'applications.legal-aid' });
  const fields: Record<string, unknown> = {};
  for (const name of form!.order) {
    const spec = form!.fields[name]!;
    if (!spec.required) continue;
    if (spec.kind === 'parties') fields[name] = [{ role: spec.roles[0]!.value, name: '法援申请人' }];
    else if (spec.kind === 'text') fields[name] = '因劳动报酬纠纷申请法律援助。';
    else if (spec.kind === 'choice') fields[name] = spec.options[0]!.value;
    else if (spec.kind === 'date') fields[name] = '2026-09-20';
    else if (spec.kind === 'boolean') fields[name] = false;
  }
  return fields;
}
