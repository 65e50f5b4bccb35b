/**
 * The consultation record sheet (法律咨询记录单), issued when a record is referred, followed up or
 * closed. Its data is the case file as the engine hands it to a transition's document
 * (`CaseDocumentData`: every field decrypted, the step's own fields, the timeline); this template
 * lays it out as a two-column form (item, content) with the signature lines of the receiving
 * staff member and the person.
 *
 * Layout: the platform's `form` layout (record sheets and agreements: the record number as its
 * reference, no 版头 or 文号), the items as a field table, then the signature lines.
 */
import { caseDocumentDataSchema, caseDocumentText, defineDocumentTemplate, type CaseDocumentData, type DocumentBlock } from '@sifa/core';
import { consultationChannels, consultationReplyForms, consultationMatters, consultationReferrals, followUpOutcomes } from '../case-type.js';

const { optionTitle: titleOf, day: dayLabel, text, people: personLines } = caseDocumentText;

/** The events of the case including the one being taken (its own fields are `step`). */
function timeline(data: CaseDocumentData) {
  const events = [...data.events];
  const last = events.at(-1);
  if (!last || last.transition !== data.transition || last.on !== data.on) events.push({ transition: data.transition, on: data.on, fields: data.step });
  return events;
}

export const consultationSheetTemplate = defineDocumentTemplate<CaseDocumentData>({
  code: 'consultation.record-sheet',
  title: { zh: '法律咨询记录单', en: 'Legal consultation record sheet' },
  layout: 'form',
  dataSchema: caseDocumentDataSchema,
  render(data, ctx) {
    const en = ctx.locale === 'en';
    const f = data.fields;
    const events = timeline(data);
    const opened = events.find((e) => e.transition === 'record');
    const reply = events.findLast((e) => e.transition === 'reply');
    const followUp = events.findLast((e) => e.transition === 'follow-up');
    const closing = events.findLast((e) => e.transition === 'close');
    const none = en ? 'None' : '无';
    const L = (zh: string, english: string) => (en ? english : zh);

    const identity = f.identityDeclined === true ? L('咨询人拒绝提供身份信息', 'The person declined to give their identity') : '';
    const person = [personLines(f.person, en), identity].filter(Boolean).join('\n') || L('匿名', 'Anonymous');
    const referral = titleOf(consultationReferrals, f.referral, en) || L('无（当场解答）', 'None (answered on the spot)');
    const followUpText = followUp
      ? [dayLabel(followUp.on, en), titleOf(followUpOutcomes, followUp.fields.outcome, en), text(followUp.fields.followUpNotes)].filter(Boolean).join(en ? '; ' : '；')
      : none;

    const rows: [string, string][] = [
      [L('咨询日期', 'Date'), dayLabel(opened?.on ?? data.on, en)],
      [L('咨询方式', 'Channel'), titleOf(consultationChannels, f.channel, en)],
      [L('咨询人', 'Person consulting'), person],
      [L('咨询事项类别', 'Kind of matter'), titleOf(consultationMatters, f.matter, en) || none],
      [L('咨询问题', 'Question'), text(f.question)],
      [L('基本事实', 'Facts'), text(f.facts) || none],
      [L('答复意见', 'Answer'), text(f.answer) || L('（尚未答复）', '(not answered yet)')],
      [L('法律依据', 'Legal basis'), text(f.basis) || none],
      [L('答复方式', 'Replied by'), reply ? `${dayLabel(reply.on, en)} ${titleOf(consultationReplyForms, reply.fields.replyForm, en)}` : L('当场答复', 'On the spot')],
      [L('引导去向', 'Referred to'), referral],
      [L('接收单位', 'Receiving body'), text(f.referredTo) || none],
      [L('转入人民调解案件', 'Mediation case opened'), text(f.mediationCase) || none],
      [L('回访情况', 'Follow-up'), followUpText],
    ];
    if (closing) rows.push([L('办结', 'Closed'), [dayLabel(closing.on, en), text(closing.fields.closingNotes)].filter(Boolean).join(en ? '; ' : '；')]);

    const blocks: DocumentBlock[] = [
      { kind: 'fields', rows: rows.map(([label, value]) => ({ label, value })) },
      {
        kind: 'signatures',
        lines: [
          { label: L('接待人', 'Received by'), mark: L('签名', 'Signature') },
          { label: L('咨询人', 'Person consulting'), mark: L('签名', 'Signature') },
        ],
      },
    ];
    return { title: L('法律咨询记录单', 'Legal consultation record sheet'), reference: data.number, blocks };
  },
});
