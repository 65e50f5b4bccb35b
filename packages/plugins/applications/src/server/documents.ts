/**
 * The receipt (行政复议申请接收回执) the office gives the applicant when it receives a
 * reconsideration application (step `receive`): who applied, against which body and act, how and
 * on which day it was received, the materials, and what happens next (the office forwards it to
 * the reconsideration body, which decides within five working days whether to accept it, art. 30).
 * Laid out as a form (the case number as its reference, no 文号), signed by the receiving staff
 * member under the office's seal. A plausible model of such a receipt, not a prescribed form.
 */
import { caseDocumentDataSchema, caseDocumentText, defineDocumentTemplate, type CaseDocumentData, type DocumentBlock, type LocalizedText } from '@sifa/core';
import { applicationChannels, reconsiderationCaseType } from '../case-types.js';

const { optionTitle: titleOf, day: dayLabel, text } = caseDocumentText;
type Option = { readonly value: string; readonly title: LocalizedText };

const oralRecords = (reconsiderationCaseType.fields.oralRecord as { options: readonly Option[] }).options;
/** The applicants' roles as the case type names them (申请人, 法定代表人, 委托代理人). */
const applicantRoles = (reconsiderationCaseType.fields.applicants as { roles: readonly Option[] }).roles;

export const reconsiderationReceiptTemplate = defineDocumentTemplate<CaseDocumentData>({
  code: 'applications.reconsideration-receipt',
  title: { zh: '行政复议申请接收回执', en: 'Receipt for a reconsideration application' },
  layout: 'form',
  dataSchema: caseDocumentDataSchema,
  render(data, ctx) {
    const en = ctx.locale === 'en';
    const L = (zh: string, english: string) => (en ? english : zh);
    const f = data.fields;
    const none = L('无', 'None');
    const oral = f.channel === 'oral';
    const materials = Array.isArray(f.materials) ? f.materials.length : 0;
    const rows: [string, string][] = [
      [L('申请人', 'Applicant'), caseDocumentText.people(f.applicants, en, applicantRoles)],
      [L('被申请人', 'Respondent'), text(f.respondent)],
      [L('申请复议的行政行为', 'Act contested'), text(f.act)],
      [L('知道该行政行为的日期', 'Learned of the act on'), typeof f.knewOn === 'string' ? dayLabel(f.knewOn, en) : none],
      [L('行政复议请求', 'Request'), text(f.request)],
      [L('申请方式', 'Form of application'), titleOf(applicationChannels, f.channel, en) + (oral ? `${L('（', ' (')}${titleOf(oralRecords, f.oralRecord, en)}${L('）', ')')}` : '')],
      [L('接收日期', 'Received on'), dayLabel(data.on, en)],
      [L('接收材料', 'Materials received'), materials ? L(`${materials} 份`, `${materials} file(s)`) : L('申请书', 'The application')],
    ];
    const next = en
      ? 'We forward it to the competent reconsideration body without delay. The body decides within five working days of receiving it whether to accept it (art. 30); if material is missing it asks for it, to be supplied within ten working days (art. 31). Quote the number above when asking.'
      : '本所将及时转递有管辖权的行政复议机关。复议机关自收到申请之日起五个工作日内决定是否受理（第三十条）；材料不全的通知补正，申请人应于十个工作日内补正（第三十一条）。查询请提供上列编号。';
    // In the table (not a paragraph after it): the receipt stays on one page with its signatures.
    rows.push([L('告知事项', 'What happens next'), next]);
    const blocks: DocumentBlock[] = [
      { kind: 'fields', rows: rows.map(([label, value]) => ({ label, value })) },
      {
        kind: 'signatures',
        // The receipt goes to the applicant: the receiving staff member signs it (the office's seal beside).
        lines: [{ label: L('接收人', 'Received by'), mark: L('签名并加盖公章', 'Signature and seal') }],
      },
    ];
    return { title: L('行政复议申请接收回执', 'Receipt for a reconsideration application'), reference: data.number, blocks };
  },
});
