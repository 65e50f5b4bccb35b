/**
 * The legal consultation record (法律咨询记录单) as a case type of the platform's casework engine:
 * one case file per consultation. Data, browser-safe: the engine runs it, `<sifa-cases
 * type="consultation.record">` shows it, the statistics and the diary count it.
 *
 * What a record holds follows the domain notes (../shared/design/domain.md, "Legal
 * consultation"): the channel (来访/电话/网络/信函/视频), the person and their contact (or a note
 * that they declined to give their identity), the question, the facts, the answer, the legal
 * basis, the referral (法律援助, 人民调解, 行政复议, 公证, 仲裁, 诉讼; none when answered) and
 * its follow-up.
 *
 * The fast path (a phone consultation answered on the spot) asks for THREE inputs: the channel
 * and the question (the opening's only required fields) and the answer (required when the record
 * is closed, 办结; typed once: the closing form starts with the answer given at the opening).
 * Everything else is optional. See `fastPathFields` and the plugin's README.
 *
 * States: recorded → referred → followed-up, or recorded → closed. Letters and online messages
 * have a reply deadline (7 working days, 1 calendar day): one county's published guide, local
 * practice, configurable per deployment (`casework.deadlines['consultation.record/letter-reply']`).
 *
 * Administrative reconsideration (行政复议, issue 16) is not built yet: when it is, a record will
 * open a reconsideration application the way `consultation.openMediation` opens a mediation case
 * (the person carried over), and the referral `reconsideration` will link it.
 */
import { defineCaseType, type LocalizedText } from '@sifa/core';

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

/** How the consultation reached the office. */
export const consultationChannels = [
  { value: 'visit', title: t('来访', 'In person') },
  { value: 'phone', title: t('电话', 'Phone') },
  { value: 'online', title: t('网络', 'Online') },
  { value: 'letter', title: t('信函', 'Letter') },
  { value: 'video', title: t('视频', 'Video') },
] as const;
export type ConsultationChannel = (typeof consultationChannels)[number]['value'];

/** Where the person was referred (the diary's referral list plus litigation); none = answered and closed. */
export const consultationReferrals = [
  { value: 'legal-aid', title: t('法律援助', 'Legal aid') },
  { value: 'mediation', title: t('人民调解', "People's mediation") },
  { value: 'reconsideration', title: t('行政复议', 'Administrative reconsideration') },
  { value: 'notary', title: t('公证', 'Notarisation') },
  { value: 'arbitration', title: t('仲裁', 'Arbitration') },
  { value: 'litigation', title: t('诉讼', 'Litigation') },
] as const;
export type ConsultationReferral = (typeof consultationReferrals)[number]['value'];

/** How a written reply went out. */
export const consultationReplyForms = [
  { value: 'letter', title: t('书面回函', 'Letter') },
  { value: 'online', title: t('网络回复', 'Online') },
  { value: 'phone', title: t('电话', 'Phone') },
  { value: 'in-person', title: t('当面', 'In person') },
] as const;

/** What the consultation was about (for statistics; the same areas the mediation catalogue uses, broadly). */
export const consultationMatters = [
  { value: 'marriage-family', title: t('婚姻家庭', 'Marriage and family') },
  { value: 'inheritance', title: t('继承', 'Inheritance') },
  { value: 'land-housing', title: t('土地房屋', 'Land and housing') },
  { value: 'labour', title: t('劳动用工', 'Labour') },
  { value: 'contract-debt', title: t('合同债务', 'Contracts and debts') },
  { value: 'damages', title: t('损害赔偿', 'Damages') },
  { value: 'administrative', title: t('行政事务', 'Administrative matters') },
  { value: 'criminal', title: t('刑事', 'Criminal matters') },
  { value: 'other', title: t('其他', 'Other') },
] as const;

/** How a referral turned out, asked at the follow-up (回访). */
export const followUpOutcomes = [
  { value: 'accepted', title: t('已受理，正在办理', 'Accepted, in progress') },
  { value: 'resolved', title: t('问题已解决', 'Resolved') },
  { value: 'not-accepted', title: t('未受理', 'Not accepted') },
  { value: 'gave-up', title: t('当事人未前往或放弃', 'The person did not go or gave up') },
  { value: 'unreachable', title: t('无法联系', 'Could not be reached') },
] as const;

export const consultationCaseTypeCode = 'consultation.record';
/** The record sheet's template code (issued by refer, follow-up and close). */
export const consultationSheetTemplateCode = 'consultation.record-sheet';

export const consultationCaseType = defineCaseType({
  code: consultationCaseTypeCode,
  title: t('法律咨询记录', 'Legal consultation record'),
  description: t(
    '每次法律咨询一份记录：咨询方式、咨询人、问题、事实、答复、法律依据、引导去向及回访。电话咨询当场答复的，填写咨询方式、问题和答复三项即可登记。',
    'One record per consultation: channel, person, question, facts, answer, legal basis, referral and follow-up. A phone consultation answered on the spot needs three inputs: channel, question and answer.',
  ),
  numberMark: '咨',
  readPermission: 'consultation.read',
  fields: {
    channel: { kind: 'choice', title: t('咨询方式', 'Channel'), options: [...consultationChannels] },
    person: {
      kind: 'parties',
      title: t('咨询人', 'Person consulting'),
      help: t('可匿名；拒绝提供身份信息的，勾选下一项。', 'May be anonymous; if the person declines to give their identity, tick the next box.'),
      required: false,
      roles: [{ value: 'consultant', title: t('咨询人', 'Person consulting') }],
      minItems: 0,
      maxItems: 10,
      anonymous: true,
    },
    identityDeclined: { kind: 'boolean', title: t('咨询人拒绝提供身份信息', 'The person declined to give their identity') },
    matter: { kind: 'choice', title: t('咨询事项类别', 'Kind of matter'), required: false, options: [...consultationMatters] },
    question: { kind: 'text', title: t('咨询问题', 'Question'), multiline: true, maxLength: 2000 },
    facts: { kind: 'text', title: t('基本事实', 'Facts'), required: false, multiline: true, maxLength: 5000 },
    answer: {
      kind: 'text',
      title: t('答复意见', 'Answer'),
      help: t('当场答复的在登记时填写；信函、网络留言的书面答复在“答复”步骤填写。', 'Answered on the spot: fill it in now; written replies to letters and online messages: at the "Reply" step.'),
      required: false,
      multiline: true,
      maxLength: 5000,
    },
    basis: { kind: 'text', title: t('法律依据', 'Legal basis'), required: false, multiline: true, maxLength: 2000 },
    referral: { kind: 'choice', title: t('引导去向', 'Referred to'), required: false, options: [...consultationReferrals] },
    referredTo: { kind: 'text', title: t('接收单位', 'Receiving body'), required: false, maxLength: 200 },
    mediationCase: { kind: 'text', title: t('转入的人民调解案件', 'Mediation case opened'), required: false, maxLength: 60 },
  },
  listFields: ['channel', 'person', 'matter', 'referral'],
  states: [
    { code: 'recorded', title: t('已登记', 'Recorded') },
    { code: 'referred', title: t('已引导', 'Referred') },
    { code: 'followed-up', title: t('已回访', 'Followed up'), closed: true },
    { code: 'closed', title: t('已办结', 'Closed'), closed: true },
  ],
  transitions: [
    {
      code: 'record',
      title: t('登记', 'Record'),
      from: [],
      to: 'recorded',
      permission: 'consultation.work',
      facts: [
        { metric: 'consultation.records' },
        { metric: 'consultation.visits', when: { field: 'channel', in: ['visit'] } },
        { metric: 'consultation.phone-calls', when: { field: 'channel', in: ['phone'] } },
        { metric: 'consultation.online', when: { field: 'channel', in: ['online'] } },
        { metric: 'consultation.letters', when: { field: 'channel', in: ['letter'] } },
        { metric: 'consultation.video', when: { field: 'channel', in: ['video'] } },
        // One record is one consultation (人次) in the diary's figures.
        { metric: 'diary.consultations', ifInstalled: true },
      ],
    },
    {
      code: 'reply',
      title: t('答复', 'Reply'),
      from: ['recorded'],
      to: 'recorded',
      permission: 'consultation.work',
      sets: ['answer', 'basis'],
      requires: ['answer'],
      fields: {
        replyForm: {
          kind: 'choice',
          title: t('答复方式', 'Replied by'),
          options: [...consultationReplyForms],
        },
      },
      note: t('信函咨询应在收到后7个工作日内答复，网络留言24小时内答复（本地做法，可配置）。', 'Letters are answered within 7 working days of receipt, online messages within 24 hours (local practice, configurable).'),
    },
    {
      code: 'refer',
      title: t('引导分流', 'Refer'),
      from: ['recorded'],
      to: 'referred',
      permission: 'consultation.work',
      sets: ['referral', 'referredTo', 'answer', 'basis'],
      requires: ['referral'],
      document: consultationSheetTemplateCode,
      // On the day the consultation was recorded: a part of consultation.records (the referral rate).
      facts: [{ metric: 'consultation.referrals', dated: 'opening' }],
    },
    {
      // Taken by consultation.openMediation after it opened the mediation case (a referred
      // record: the procedure refers it to mediation first), or by hand for a case opened apart.
      code: 'link-mediation',
      title: t('关联人民调解案件', 'Link a mediation case'),
      from: ['referred'],
      to: 'referred',
      permission: 'consultation.work',
      sets: ['mediationCase', 'referral'],
      requires: ['mediationCase', 'referral'],
      fields: {
        mediationCaseId: { kind: 'text', title: t('调解案件标识', 'Mediation case id'), required: false, maxLength: 60 },
      },
      note: t(
        '“转人民调解”（consultation.openMediation）以咨询人信息开立调解案件并在此登记关联；已另行立案的，填写调解案号。',
        'consultation.openMediation opens the mediation case with the person’s data and records the link here; for a case opened separately, enter its number.',
      ),
      facts: [{ metric: 'consultation.mediation-opened' }],
    },
    {
      code: 'follow-up',
      title: t('回访', 'Follow up'),
      from: ['referred'],
      to: 'followed-up',
      permission: 'consultation.work',
      fields: {
        outcome: { kind: 'choice', title: t('回访结果', 'Outcome'), options: [...followUpOutcomes] },
        followUpNotes: { kind: 'text', title: t('回访情况', 'Notes'), required: false, multiline: true, maxLength: 2000 },
      },
      document: consultationSheetTemplateCode,
      facts: [{ metric: 'consultation.followed-up' }],
    },
    {
      code: 'close',
      title: t('办结', 'Close'),
      from: ['recorded'],
      to: 'closed',
      permission: 'consultation.work',
      sets: ['answer', 'basis'],
      requires: ['answer'],
      fields: {
        closingNotes: { kind: 'text', title: t('备注', 'Notes'), required: false, multiline: true, maxLength: 2000 },
      },
      document: consultationSheetTemplateCode,
    },
  ],
  deadlines: [
    {
      code: 'letter-reply',
      title: t('信函咨询答复期限', 'Reply to a letter'),
      from: 'record',
      days: 7,
      unit: 'working',
      basis: t('信函咨询自收到之日起7个工作日内答复（旗县公开的办事指南，本地做法，可按部署配置）。', 'Letters are answered within 7 working days of receipt (a county’s published guide: local practice, configurable per deployment).'),
      metBy: ['reply', 'refer'],
      warnBefore: 2,
      when: { field: 'channel', in: ['letter'] },
    },
    {
      code: 'online-reply',
      title: t('网络留言答复期限', 'Reply to an online message'),
      from: 'record',
      days: 1,
      unit: 'calendar',
      basis: t('网络留言24小时内答复（旗县公开的办事指南，本地做法，可按部署配置；按自然日计）。', 'Online messages are answered within 24 hours (a county’s published guide: local practice, configurable per deployment; counted in calendar days).'),
      metBy: ['reply', 'refer'],
      warnBefore: 0,
      when: { field: 'channel', in: ['online'] },
    },
  ],
});

/**
 * The inputs a phone consultation answered on the spot needs: the opening's required fields
 * (channel, question) and the one the closing step requires (answer, typed at the opening).
 */
export const fastPathFields = ['channel', 'question', 'answer'] as const;
