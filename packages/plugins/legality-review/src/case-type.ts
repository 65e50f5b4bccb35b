/**
 * Legality review (合法性审核) as a case type of the platform's casework engine: one case file per
 * submission a judicial office (or a county bureau) reviews for legality — a draft normative
 * document (规范性文件), a major administrative decision (重大行政决策), a contract, village rules
 * filed with the township (村规民约、居民公约), or the legal review (法制审核) of an enforcement
 * decision. Data, browser-safe: the engine runs it, `<sifa-cases type="legality-review.case">`
 * shows it.
 *
 * A case: received (kind, title, the submitting body — an organisation or department, not a
 * person —, the received day = the opening's day, the materials) → the review of the four points
 * (制定主体 issuer, 权限 authority, 内容 content, 程序 procedure), each with a finding (合法 /
 * 需修改 / 不合法) and notes, and the 审核意见书 → whether the opinion was adopted (采纳 / 部分采纳
 * / 未采纳), or withdrawn by the submitter before the opinion.
 *
 * The review periods are LOCAL PRACTICE, not national law: provinces and cities set them in their
 * rules on normative documents and major decisions, commonly 5–15 working days for normative
 * documents. The defaults here (15 working days; 5 for enforcement decisions) are configurable per
 * deployment (`casework.deadlines['legality-review.case/review-period']`), and the basis shown says so.
 */
import { defineCaseType, type LocalizedText } from '@sifa/core';

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

export const legalityReviewKinds = [
  { value: 'normative-document', title: t('行政规范性文件（草案）', 'Normative document (draft)') },
  { value: 'major-decision', title: t('重大行政决策', 'Major administrative decision') },
  { value: 'contract', title: t('合同', 'Contract') },
  { value: 'village-rules', title: t('村规民约、居民公约（报乡镇备案）', 'Village rules filed with the township') },
  { value: 'enforcement-decision', title: t('行政执法决定法制审核', 'Legal review of an enforcement decision') },
] as const;
export type LegalityReviewKind = (typeof legalityReviewKinds)[number]['value'];

/** The finding on one review point. */
export const legalityFindings = [
  { value: 'lawful', title: t('合法', 'Lawful') },
  { value: 'revise', title: t('需修改', 'Needs changes') },
  { value: 'unlawful', title: t('不合法', 'Unlawful') },
] as const;

/** The overall conclusion of the opinion. */
export const legalityConclusions = [
  { value: 'lawful', title: t('合法，可以出台（实施）', 'Lawful: may be issued (carried out)') },
  { value: 'revise', title: t('修改完善后可以出台（实施）', 'May be issued (carried out) once changed') },
  { value: 'unlawful', title: t('不合法，不宜出台（实施）', 'Unlawful: should not be issued (carried out)') },
] as const;

/** The four review points, each a finding and notes in the review step. */
export const reviewPoints = [
  { code: 'issuer', title: t('制定主体', 'Issuer'), help: t('是否具有制定（作出）主体资格', 'Whether the body may issue (decide) it') },
  { code: 'authority', title: t('权限', 'Authority'), help: t('是否超越法定职权', 'Whether it stays within the body’s legal powers') },
  { code: 'content', title: t('内容', 'Content'), help: t('是否违反法律、法规、规章和上级规定，是否违法减损权利、增加义务', 'Whether it conflicts with laws, regulations, rules or higher provisions, or unlawfully limits rights or adds obligations') },
  { code: 'procedure', title: t('程序', 'Procedure'), help: t('是否履行公众参与、专家论证、风险评估、集体讨论等法定程序', 'Whether the required procedures (public participation, expert review, risk assessment, collective decision) were followed') },
] as const;
export type ReviewPoint = (typeof reviewPoints)[number]['code'];

export const legalityReviewCaseTypeCode = 'legality-review.case';

const finding = (title: LocalizedText, help: LocalizedText) => ({ kind: 'choice' as const, title, help, options: [...legalityFindings] });
const notes = (title: LocalizedText) => ({ kind: 'text' as const, title, required: false, multiline: true, maxLength: 2000 });

const adoptionNotes = (required: boolean) => ({
  adoptionNotes: { kind: 'text' as const, title: t('采纳情况说明', 'How the opinion was taken up'), required, multiline: true, maxLength: 2000 },
});

export const legalityReviewCaseType = defineCaseType({
  code: legalityReviewCaseTypeCode,
  title: t('合法性审核', 'Legality review'),
  description: t(
    '对规范性文件草案、重大行政决策、合同、报乡镇备案的村规民约和行政执法决定进行合法性审核：审核制定主体、权限、内容、程序，出具合法性审核意见书，并跟踪意见采纳情况。',
    'Legality review of draft normative documents, major decisions, contracts, village rules filed with the township and enforcement decisions: issuer, authority, content and procedure reviewed, the review opinion issued and its adoption tracked.',
  ),
  numberMark: '审',
  readPermission: 'legality-review.read',
  fields: {
    kind: { kind: 'choice', title: t('审核类别', 'What is reviewed'), options: [...legalityReviewKinds] },
    title: { kind: 'text', title: t('送审件名称', 'Title of the submission'), maxLength: 200 },
    submitter: {
      kind: 'text',
      title: t('送审单位（部门）', 'Submitted by (body or department)'),
      help: t('填写机关、部门或村（居）民委员会的名称，不填个人姓名。', 'The name of the body, department or village committee; not a person’s name.'),
      maxLength: 100,
    },
    materialsList: {
      kind: 'text',
      title: t('送审材料', 'Materials received'),
      help: t('如：送审稿、起草说明、制定依据、征求意见及采纳情况、集体讨论记录等。', 'E.g. the draft, the drafting notes, the legal grounds, the consultation and how it was taken up, the minutes of the collective decision.'),
      required: false,
      multiline: true,
      maxLength: 2000,
    },
    materials: { kind: 'attachments', title: t('送审材料附件', 'Attached materials'), maxFiles: 20 },
  },
  listFields: ['kind', 'title', 'submitter'],
  states: [
    { code: 'received', title: t('审核中', 'Under review') },
    { code: 'opinion-issued', title: t('已出具意见', 'Opinion issued') },
    { code: 'adopted', title: t('意见已采纳', 'Opinion adopted'), closed: true },
    { code: 'partly-adopted', title: t('意见部分采纳', 'Opinion partly adopted'), closed: true },
    { code: 'not-adopted', title: t('意见未采纳', 'Opinion not adopted'), closed: true },
    { code: 'withdrawn', title: t('已撤回', 'Withdrawn'), closed: true },
  ],
  transitions: [
    {
      code: 'receive',
      title: t('收件登记', 'Register the submission'),
      from: [],
      to: 'received',
      permission: 'legality-review.work',
      note: t('登记日期为收件日期，审核期限自该日起算。', 'The day registered is the day received: the review period runs from it.'),
      facts: [
        { metric: 'legality-review.received' },
        { metric: 'legality-review.normative-documents', when: { field: 'kind', in: ['normative-document'] } },
        { metric: 'legality-review.major-decisions', when: { field: 'kind', in: ['major-decision'] } },
        { metric: 'legality-review.contracts', when: { field: 'kind', in: ['contract'] } },
        { metric: 'legality-review.village-rules', when: { field: 'kind', in: ['village-rules'] } },
        { metric: 'legality-review.enforcement-decisions', when: { field: 'kind', in: ['enforcement-decision'] } },
      ],
    },
    {
      code: 'add-materials',
      title: t('补充材料', 'Add materials'),
      from: ['received'],
      to: 'received',
      permission: 'legality-review.work',
      sets: ['materialsList', 'materials'],
    },
    {
      code: 'issue-opinion',
      title: t('出具审核意见', 'Issue the review opinion'),
      from: ['received'],
      to: 'opinion-issued',
      permission: 'legality-review.work',
      fields: {
        issuerFinding: finding(t('制定主体', 'Issuer'), reviewPoints[0].help),
        issuerNotes: notes(t('制定主体：说明', 'Issuer: notes')),
        authorityFinding: finding(t('权限', 'Authority'), reviewPoints[1].help),
        authorityNotes: notes(t('权限：说明', 'Authority: notes')),
        contentFinding: finding(t('内容', 'Content'), reviewPoints[2].help),
        contentNotes: notes(t('内容：说明', 'Content: notes')),
        procedureFinding: finding(t('程序', 'Procedure'), reviewPoints[3].help),
        procedureNotes: notes(t('程序：说明', 'Procedure: notes')),
        conclusion: { kind: 'choice', title: t('审核结论', 'Conclusion'), options: [...legalityConclusions] },
        opinion: { kind: 'text', title: t('审核意见', 'Opinion'), help: t('逐条写明修改意见及理由、依据。', 'Each change proposed, with its reason and legal ground.'), multiline: true, maxLength: 10_000 },
        changesProposed: { kind: 'number', title: t('提出修改意见条数', 'Changes proposed'), min: 0, max: 500, unit: t('条', 'items') },
      },
      document: 'legality-review.opinion',
      note: t('审核制定主体、权限、内容、程序四个方面，逐项写明结论。', 'Review the issuer, the authority, the content and the procedure, each with its finding.'),
      facts: [
        { metric: 'legality-review.reviewed' },
        { metric: 'legality-review.changes-proposed', value: { field: 'changesProposed' } },
        { metric: 'diary.legality-reviews', ifInstalled: true },
        { metric: 'diary.legality-opinions', value: { field: 'changesProposed' }, ifInstalled: true },
      ],
    },
    {
      code: 'adopted',
      title: t('意见已采纳', 'Opinion adopted'),
      from: ['opinion-issued'],
      to: 'adopted',
      permission: 'legality-review.work',
      fields: adoptionNotes(false),
      facts: [{ metric: 'legality-review.adopted' }],
    },
    {
      code: 'partly-adopted',
      title: t('意见部分采纳', 'Opinion partly adopted'),
      from: ['opinion-issued'],
      to: 'partly-adopted',
      permission: 'legality-review.work',
      fields: adoptionNotes(true),
      facts: [{ metric: 'legality-review.partly-adopted' }],
    },
    {
      code: 'not-adopted',
      title: t('意见未采纳', 'Opinion not adopted'),
      from: ['opinion-issued'],
      to: 'not-adopted',
      permission: 'legality-review.work',
      fields: adoptionNotes(true),
      facts: [{ metric: 'legality-review.not-adopted' }],
    },
    {
      code: 'withdraw',
      title: t('送审单位撤回', 'Withdrawn by the submitter'),
      from: ['received'],
      to: 'withdrawn',
      permission: 'legality-review.work',
      fields: { withdrawalReason: { kind: 'text', title: t('撤回原因', 'Reason'), maxLength: 500 } },
    },
  ],
  deadlines: [
    {
      code: 'review-period',
      title: t('合法性审核期限', 'Review period'),
      from: 'receive',
      days: 15,
      unit: 'working',
      basis: t(
        '合法性审核期限由各地规范性文件和重大行政决策管理规定确定，规范性文件一般为5至15个工作日；此处为本地做法，默认15个工作日，可按部署配置。',
        'Review periods are set by each province’s or city’s rules on normative documents and major decisions, commonly 5–15 working days for normative documents; local practice, 15 working days by default, configurable per deployment.',
      ),
      metBy: ['issue-opinion'],
      warnBefore: 3,
      when: { field: 'kind', in: ['normative-document', 'major-decision', 'contract', 'village-rules'] },
    },
    {
      code: 'enforcement-review-period',
      title: t('法制审核期限', 'Legal review period'),
      from: 'receive',
      days: 5,
      unit: 'working',
      basis: t(
        '重大行政执法决定法制审核期限由各地规定（常见为3至7个工作日）；此处为本地做法，默认5个工作日，可按部署配置。',
        'The period for the legal review of major enforcement decisions is set locally (commonly 3–7 working days); local practice, 5 working days by default, configurable per deployment.',
      ),
      metBy: ['issue-opinion'],
      warnBefore: 1,
      when: { field: 'kind', in: ['enforcement-decision'] },
    },
  ],
});
