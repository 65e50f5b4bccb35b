/**
 * The legality review opinion (合法性审核意见书), issued by the step `issue-opinion`: addressed to
 * the submitting body, it states what was reviewed and when it was received, the finding on each
 * of the four points (制定主体, 权限, 内容, 程序) with its notes, the conclusion, the opinion itself
 * (each change proposed) and how many changes it proposes, and asks for feedback on adoption.
 * Its data is the case file as the engine hands it to the step (`CaseDocumentData`). Laid out as
 * an official letter (GB/T 9704): the opinion goes out under the office's document number.
 *
 * The wording is a plausible model of such an opinion, not a prescribed form.
 */
import { caseDocumentDataSchema, caseDocumentText, defineDocumentTemplate, type CaseDocumentData, type DocumentBlock } from '@sifa/core';
import { legalityConclusions, legalityFindings, legalityReviewKinds, reviewPoints } from '../case-type.js';

const { optionTitle: titleOf, day: dayLabel, text } = caseDocumentText;

const chineseOrdinals = ['一', '二', '三', '四', '五', '六'];

export const legalityOpinionTemplate = defineDocumentTemplate<CaseDocumentData>({
  code: 'legality-review.opinion',
  title: { zh: '合法性审核意见书', en: 'Legality review opinion' },
  dataSchema: caseDocumentDataSchema,
  render(data, ctx) {
    const en = ctx.locale === 'en';
    const L = (zh: string, english: string) => (en ? english : zh);
    const f = data.fields;
    const s = data.step;
    const title = text(f.title);
    const submitter = text(f.submitter);
    const received = data.events.find((e) => e.transition === 'receive')?.on ?? data.on;
    const kind = titleOf(legalityReviewKinds, f.kind, en);
    const changes = typeof s.changesProposed === 'number' ? s.changesProposed : 0;
    const heading = (n: number, zh: string, english: string): DocumentBlock => ({ kind: 'heading', level: 1, text: en ? `${n + 1}. ${english}` : `${chineseOrdinals[n]}、${zh}` });

    const rows = reviewPoints.map((point) => [
      en ? point.title.en : point.title.zh,
      titleOf(legalityFindings, s[`${point.code}Finding`], en),
      text(s[`${point.code}Notes`]) || L('无', 'None'),
    ]);
    const opinionParagraphs = text(s.opinion)
      .split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line): DocumentBlock => ({ kind: 'paragraph', text: line }));
    const materials = text(f.materialsList);

    const blocks: DocumentBlock[] = [
      {
        kind: 'paragraph',
        text: en
          ? `We received your ${kind.toLowerCase()} “${title}” and its materials on ${dayLabel(received, true)} (case ${data.number}). Having reviewed its legality, we give the following opinion.`
          : `你单位于${dayLabel(received, false)}报送的《${title}》（${kind}）及相关材料收悉（案号：${data.number}）。经审核，现提出如下意见：`,
      },
      heading(0, '审核情况', 'Review'),
      { kind: 'table', columns: [L('审核事项', 'Point'), L('审核结论', 'Finding'), L('说明', 'Notes')], rows },
      heading(1, '审核结论', 'Conclusion'),
      { kind: 'paragraph', text: titleOf(legalityConclusions, s.conclusion, en) },
      heading(2, '修改意见', 'Changes proposed'),
      ...opinionParagraphs,
      { kind: 'paragraph', text: en ? `Changes proposed: ${changes}.` : `共提出修改意见${changes}条。` },
      {
        kind: 'paragraph',
        text: L('请你单位根据本意见修改完善，并将意见采纳情况及时反馈我单位。', 'Please revise the submission accordingly and tell us how the opinion was taken up.'),
      },
    ];
    if (materials) blocks.splice(1, 0, { kind: 'paragraph', text: `${L('送审材料：', 'Materials: ')}${materials.replace(/\n+/g, L('；', '; '))}` });
    return {
      title: en ? `Legality review opinion on “${title}”` : `关于《${title}》的合法性审核意见书`,
      recipients: submitter ? [submitter] : [],
      blocks,
    };
  },
});
