/**
 * 人民调解协议书 (人民调解法 art. 29), issued by the step `agree-written` from the case file (the
 * engine passes `CaseDocumentData`, decrypted: the document is the office's own). Laid out as a
 * form (`layout: 'form'`): the case number as its reference, the committee and mediators, the
 * parties' basic information, the main facts, the disputed matters and each side's
 * responsibility, the terms, how and by when they are performed, when it takes effect, the
 * copies (one per party plus one kept), the judicial-confirmation notice (art. 33), and a
 * signature row for every party, the mediator and the committee's seal.
 */
import { z } from 'zod';
import { defineDocumentTemplate, isoDaySchema, pickText, type DocumentBlock, type DocumentSignatureLine, type LocalizedText } from '@sifa/core';
import { disputeTypes, mediationCaseType } from '../case-type.js';

const partySchema = z.object({
  role: z.string().min(1),
  name: z.string().min(1).nullable(),
  idNumber: z.string().optional(),
  phone: z.string().optional(),
  address: z.string().optional(),
});

/** What the template reads of the case file (the rest of `CaseDocumentData` is not kept in the snapshot). */
export const agreementDataSchema = z.object({
  caseId: z.string().min(1),
  number: z.string().min(1).max(60),
  type: z.literal('mediation.case'),
  orgCode: z.string().min(1),
  transition: z.string().min(1),
  /** The day the agreement was reached. */
  on: isoDaySchema,
  fields: z.object({
    committee: z.string().min(1).max(100),
    mediators: z.string().min(1).max(100),
    disputeType: z.string().min(1),
    parties: z.array(partySchema).min(2).max(20),
    amount: z.number().nonnegative().nullish(),
    facts: z.string().min(1).max(5000),
  }),
  step: z.object({
    matters: z.string().min(1).max(5000),
    terms: z.string().min(1).max(5000),
    performance: z.string().min(1).max(500),
    performBy: isoDaySchema,
  }),
});
export type AgreementData = z.infer<typeof agreementDataSchema>;

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1 … 99 in Chinese numerals (一式三份, 一式十二份). */
export function chineseNumber(n: number): string {
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones ? digits[ones] : ''}`;
}

const chineseDay = (day: string) => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** 12345.5 → 12,345.50 元 */
const yuan = (amount: number) => `${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}元`;

const partiesField = mediationCaseType.fields.parties;
const roleTitle = (role: string): LocalizedText => partiesField.roles.find((r) => r.value === role)?.title ?? { zh: '当事人', en: 'Party' };
const disputeTitle = (value: string): LocalizedText => disputeTypes.find(([v]) => v === value)?.[1] ?? { zh: value, en: value };

export const mediationAgreementTemplate = defineDocumentTemplate<AgreementData>({
  code: 'mediation.agreement',
  title: { zh: '人民调解协议书', en: 'People’s mediation agreement' },
  layout: 'form',
  dataSchema: agreementDataSchema,
  render(data, ctx) {
    const text = (value: LocalizedText) => pickText(value, ctx.locale);
    const { fields, step } = data;
    const parties = fields.parties;
    const partyName = (p: (typeof parties)[number]) => p.name ?? '（匿名）';
    const copies = parties.length + 1;

    const head: { label: string; value: string }[] = [
      { label: '人民调解委员会', value: fields.committee },
      { label: '人民调解员', value: fields.mediators },
      { label: '纠纷类型', value: text(disputeTitle(fields.disputeType)) },
    ];
    if (fields.amount != null && fields.amount > 0) head.push({ label: '涉及金额', value: yuan(fields.amount) });
    head.push({ label: '达成协议日期', value: chineseDay(data.on) });

    const signatures: DocumentSignatureLine[] = [
      ...parties.map((p) => ({ label: text(roleTitle(p.role)), name: partyName(p), mark: '签名、盖章或按指印' })),
      { label: '人民调解员', name: fields.mediators, mark: '签名' },
      { label: '人民调解委员会', name: fields.committee, mark: '印章', seal: true },
    ];

    const blocks: DocumentBlock[] = [
      { kind: 'fields', rows: head },
      { kind: 'heading', level: 1, text: '一、当事人基本情况' },
      {
        kind: 'table',
        columns: ['身份', '姓名', '公民身份号码', '联系电话', '住址'],
        widths: [2.7, 2.9, 5.5, 3.6, 5.5],
        rows: parties.map((p) => [text(roleTitle(p.role)), partyName(p), p.idNumber ?? '', p.phone ?? '', p.address ?? '']),
      },
      { kind: 'heading', level: 1, text: '二、纠纷主要事实、争议事项及各方责任' },
      {
        kind: 'fields',
        rows: [
          { label: '纠纷主要事实', value: fields.facts },
          { label: '争议事项及各方责任', value: step.matters },
        ],
      },
      { kind: 'heading', level: 1, text: '三、协议内容' },
      { kind: 'paragraph', text: `经${fields.committee}调解，各方当事人在平等自愿的基础上达成如下协议：` },
      {
        kind: 'fields',
        rows: [
          { label: '协议内容', value: step.terms },
          { label: '履行方式', value: step.performance },
          { label: '履行期限', value: `${chineseDay(step.performBy)}前履行完毕` },
        ],
      },
      { kind: 'heading', level: 1, text: '四、协议效力' },
      {
        kind: 'paragraph',
        text: '本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效，具有法律约束力，当事人应当按照约定履行（《中华人民共和国人民调解法》第二十九条、第三十一条）。',
      },
      {
        kind: 'paragraph',
        text: '双方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院申请司法确认（《中华人民共和国人民调解法》第三十三条）。',
      },
      { kind: 'paragraph', text: `本协议一式${chineseNumber(copies)}份，当事人各执一份，人民调解委员会留存一份。` },
      { kind: 'signatures', lines: signatures },
    ];
    return { title: '人民调解协议书', reference: data.number, blocks };
  },
});
