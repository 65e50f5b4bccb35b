/**
 * The applications a judicial office receives and passes on, as case types of the platform's
 * casework engine (data, browser-safe: the engine runs them, `<sifa-cases type="…">` shows them).
 *
 * - `applications.reconsideration` — 行政复议转递: the office is a forwarding point (转递代办点);
 *   it receives the application (written, or oral and written up by staff, 行政复议法 2023
 *   art. 22) with a receipt (回执) to the applicant, forwards it to the reconsideration body, and
 *   records what it learns: the body's acceptance (5 working days, art. 30), a request to correct
 *   (补正: the applicant supplements within 10 working days, art. 31), non-acceptance, the
 *   decision (60 calendar days from acceptance, 30 under the simplified procedure, art. 62).
 *   Periods written 三日/五日/七日/十日 are working days (art. 88), the 60- and 30-day ones calendar
 *   days; both through the platform calendar. No national figure applies to the forwarding itself:
 *   a local, configurable default.
 * - `applications.legal-aid` — 法律援助申请: the office receives (接收) and passes on (转交) the
 *   application to the legal-aid institution, which decides (法律援助法 art. 43: within 7 days).
 *   The office never 受理s (accepts for decision): the words say 接收 / 转交.
 * - `applications.notary`, `applications.arbitration` — 公证 and 仲裁 referrals: received, passed
 *   on to the notary office / arbitration commission, what became of them recorded.
 */
import { defineCaseType, type CaseFieldSpecInput, type LocalizedText } from '@sifa/core';

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

export const reconsiderationCaseTypeCode = 'applications.reconsideration';
export const legalAidCaseTypeCode = 'applications.legal-aid';
export const notaryCaseTypeCode = 'applications.notary';
export const arbitrationCaseTypeCode = 'applications.arbitration';

export const applicationChannels = [
  { value: 'in-person', title: t('当面递交书面申请', 'Written, handed in') },
  { value: 'post', title: t('邮寄', 'By post') },
  { value: 'online', title: t('网上申请', 'Online') },
  { value: 'oral', title: t('口头申请（当场记录）', 'Oral (written up on the spot)') },
] as const;
export type ApplicationChannel = (typeof applicationChannels)[number]['value'];

export const reconsiderationDecisions = [
  { value: 'upheld', title: t('维持', 'Upheld') },
  { value: 'varied', title: t('变更', 'Varied') },
  { value: 'revoked', title: t('撤销', 'Revoked') },
  { value: 'unlawful', title: t('确认违法', 'Declared unlawful') },
  { value: 'ordered', title: t('责令履行', 'Body ordered to act') },
  { value: 'dismissed', title: t('驳回复议请求', 'Request dismissed') },
  { value: 'mediated', title: t('调解结案', 'Settled by mediation') },
  { value: 'terminated', title: t('终止', 'Terminated') },
] as const;

const applicants = (roles: readonly { value: string; title: LocalizedText }[]): CaseFieldSpecInput => ({
  kind: 'parties',
  title: t('申请人', 'Applicant'),
  help: t('申请人（公民填写姓名、身份证号码、电话、住址；法人或其他组织填写名称，并将法定代表人或代理人另列一行）。', 'The applicant (a person: name, ID number, phone, address; an organisation: its name, with its legal representative or agent on a line of their own).'),
  roles: [...roles],
  maxItems: 10,
});
const applicantRoles = [
  { value: 'applicant', title: t('申请人', 'Applicant') },
  { value: 'representative', title: t('法定代表人', 'Legal representative') },
  { value: 'agent', title: t('委托代理人', 'Agent') },
];

const consent = t(
  '您填写的姓名、身份证号码、联系电话、住址和申请内容，仅用于所选司法所办理本申请（接收、转递或转交有关机关，并告知办理情况），由司法行政机关依照《中华人民共和国个人信息保护法》处理：加密存储，只有承办人员可以查看，按档案管理规定的期限保存；除法律另有规定外，不向其他单位提供。您可以向该司法所查询、更正您的信息。',
  'Your name, ID number, phone, address and what you apply for are used only by the office you choose to handle this application (receive it, forward or pass it to the competent body, and tell you how it goes). The justice administration processes them under the Personal Information Protection Law: stored encrypted, seen only by the staff handling it, kept as long as the archive rules require, given to no other body unless the law requires it. You may ask the office to show or correct them.',
);

/** Facts for the diary's items where the diary is installed (its items become read-only: these cases count). */
const diary = (metric: string) => ({ metric, ifInstalled: true as const });

export const reconsiderationCaseType = defineCaseType({
  code: reconsiderationCaseTypeCode,
  title: t('行政复议申请转递', 'Administrative reconsideration: forwarding'),
  description: t(
    '司法所作为行政复议转递代办点：接收行政复议申请（口头申请当场记录并由申请人确认），出具回执，转递复议机关，并登记复议机关受理、补正、决定等情况。',
    'The judicial office as a forwarding point for administrative reconsideration: it receives applications (an oral one written up and confirmed by the applicant), gives a receipt, forwards them to the reconsideration body and records its acceptance, requests to correct and decision.',
  ),
  numberMark: '复转',
  readPermission: 'applications.read',
  fields: {
    applicants: applicants(applicantRoles),
    respondent: {
      kind: 'text',
      title: t('被申请人（作出行政行为的行政机关）', 'Respondent (the administrative body that acted)'),
      maxLength: 200,
    },
    act: {
      kind: 'text',
      title: t('申请复议的行政行为', 'The administrative act contested'),
      help: t('行政行为的名称、文号和内容，如：某某镇人民政府《责令限期拆除决定书》（某政拆字〔2026〕3号）。', 'The act’s name, reference number and content.'),
      multiline: true,
      maxLength: 2000,
    },
    actOn: { kind: 'date', title: t('行政行为作出日期', 'Day the act was made'), required: false },
    knewOn: {
      kind: 'date',
      title: t('知道该行政行为的日期', 'Day the applicant learned of the act'),
      help: t('申请期限自该日起算（《行政复议法》第二十条）。', 'The application period runs from this day (Administrative Reconsideration Law, art. 20).'),
    },
    rightNotified: {
      kind: 'boolean',
      title: t('行政机关已告知申请复议的权利、复议机关和申请期限', 'The body told the applicant of the right to apply, the body and the period'),
      help: t('未告知的，申请期限自知道或者应当知道之日起计算，但最长不超过一年（第二十条第三款）。', 'If not, the period runs from when they learn of these, but at most one year from learning of the act (art. 20 para. 3).'),
    },
    immovable: {
      kind: 'boolean',
      title: t('涉及不动产', 'Concerns immovable property'),
      help: t('自行政行为作出之日起最长二十年，其他最长五年（第二十一条）。', 'At most 20 years from the act; 5 for other acts (art. 21).'),
    },
    request: { kind: 'text', title: t('行政复议请求', 'What the applicant asks for'), multiline: true, maxLength: 2000 },
    factsReasons: { kind: 'text', title: t('主要事实和理由', 'Facts and reasons'), multiline: true, maxLength: 10_000 },
    channel: { kind: 'choice', title: t('申请方式', 'Form of application'), options: [...applicationChannels] },
    procedure: {
      kind: 'choice',
      title: t('审理程序', 'Procedure'),
      required: false,
      options: [
        { value: 'normal', title: t('普通程序（60日内决定）', 'Ordinary (decision within 60 days)') },
        { value: 'simplified', title: t('简易程序（30日内决定）', 'Simplified (decision within 30 days)') },
      ],
    },
    oralRecord: {
      kind: 'choice',
      title: t('口头申请记录的确认', 'Confirmation of the oral application’s record'),
      help: t('当场记录后向申请人宣读或交其阅读，由申请人签字确认；拒绝签字的，在记录上注明。', 'Read the record to the applicant (or let them read it) and have them sign it; if they refuse, note it on the record.'),
      required: false,
      requiredWhen: { field: 'channel', in: ['oral'] },
      options: [
        { value: 'signed', title: t('申请人已签字确认', 'Signed by the applicant') },
        { value: 'refused', title: t('申请人拒绝签字，已在记录上注明', 'The applicant refused to sign; noted on the record') },
      ],
    },
    materials: { kind: 'attachments', title: t('申请书及证据材料', 'Application and evidence'), maxFiles: 30 },
  },
  listFields: ['respondent', 'act', 'channel'],
  publicForm: {
    fields: ['applicants', 'respondent', 'act', 'actOn', 'knewOn', 'rightNotified', 'immovable', 'request', 'factsReasons'],
    preset: { channel: 'online' },
    consent,
    // The applicant adds the application letter's scan and evidence after sending (with the number and code).
    attachments: 'materials',
    intro: t(
      '向行政机关的行政行为申请行政复议：司法所接收您的申请后转递有管辖权的行政复议机关。请自知道该行政行为之日起六十日内提出（《行政复议法》第二十条）。',
      'Apply for administrative reconsideration of an administrative act: the judicial office receives your application and forwards it to the competent reconsideration body. Apply within 60 days of learning of the act (Administrative Reconsideration Law art. 20).',
    ),
  },
  states: [
    { code: 'received', title: t('已接收', 'Received') },
    { code: 'forwarded', title: t('已转递', 'Forwarded') },
    { code: 'correction', title: t('补正中', 'Being corrected') },
    { code: 'accepted', title: t('复议机关已受理', 'Accepted by the body') },
    { code: 'not-accepted', title: t('复议机关不予受理', 'Not accepted by the body'), closed: true },
    { code: 'decided', title: t('已作出复议决定', 'Decided'), closed: true },
    { code: 'withdrawn', title: t('申请人撤回', 'Withdrawn'), closed: true },
  ],
  transitions: [
    {
      code: 'receive',
      title: t('接收申请', 'Receive the application'),
      from: [],
      to: 'received',
      permission: 'applications.work',
      document: 'applications.reconsideration-receipt',
      note: t('登记日期为接收日期。口头申请的，当场记录申请人的基本情况、复议请求、主要事实、理由和时间，并由申请人签字确认。', 'The day registered is the day received. An oral application is written up on the spot (the applicant, the request, the facts, the reasons, the time) and signed by the applicant.'),
      facts: [{ metric: 'applications.reconsideration-received' }, { metric: 'applications.oral', when: { field: 'channel', in: ['oral'] } }, diary('diary.reconsideration-received')],
    },
    {
      code: 'forward',
      title: t('转递复议机关', 'Forward to the reconsideration body'),
      from: ['received'],
      to: 'forwarded',
      permission: 'applications.work',
      // The checks before it (period, scope, reconsideration first, jurisdiction) are the plugin's
      // server half (`caseChecks`): an 'attention' one needs a reason, recorded with the step.
      note: t('转递前请查看审查提示（申请期限、受理范围、复议前置、管辖）；需要注意的提示仍予转递的，逐项说明理由。', 'Before forwarding, read the checks (period, scope, reconsideration first, jurisdiction); to forward although one needs attention, give a reason for each.'),
      fields: {
        body: {
          kind: 'text',
          title: t('行政复议机关', 'Reconsideration body'),
          help: t('一般为被申请人所属的县级以上地方人民政府（《行政复议法》第二十四条），如：红山区人民政府、赤峰市人民政府。', 'Usually the local government at or above county level the respondent belongs to (art. 24), e.g. 红山区人民政府, 赤峰市人民政府.'),
          maxLength: 100,
        },
        method: {
          kind: 'choice',
          title: t('转递方式', 'How forwarded'),
          options: [
            { value: 'delivered', title: t('专人送达', 'Delivered in person') },
            { value: 'post', title: t('邮寄', 'By post') },
            { value: 'online', title: t('行政复议网上平台', 'Through the online reconsideration system') },
          ],
        },
      },
      facts: [{ metric: 'applications.reconsideration-forwarded' }, diary('diary.reconsideration-forwarded')],
    },
    {
      code: 'correction-requested',
      title: t('复议机关要求补正', 'The body asks for corrections'),
      from: ['forwarded'],
      to: 'correction',
      permission: 'applications.work',
      fields: { items: { kind: 'text', title: t('需补正的事项', 'What must be corrected or supplied'), multiline: true, maxLength: 2000 } },
    },
    {
      code: 'corrected',
      title: t('申请人已补正', 'The applicant has corrected it'),
      from: ['correction'],
      to: 'forwarded',
      permission: 'applications.work',
      fields: { supplied: { kind: 'text', title: t('补正情况', 'What was supplied'), multiline: true, maxLength: 2000 } },
    },
    {
      code: 'accepted',
      title: t('复议机关已受理', 'Accepted by the body'),
      from: ['forwarded'],
      to: 'accepted',
      permission: 'applications.work',
      sets: ['procedure'],
      requires: ['procedure'],
      facts: [{ metric: 'applications.reconsideration-accepted' }],
    },
    {
      code: 'not-accepted',
      title: t('复议机关不予受理', 'Not accepted by the body'),
      from: ['forwarded', 'correction'],
      to: 'not-accepted',
      permission: 'applications.work',
      fields: { reason: { kind: 'text', title: t('不予受理的理由', 'Why not accepted'), multiline: true, maxLength: 2000 } },
    },
    {
      code: 'decided',
      title: t('登记复议决定', 'Record the decision'),
      from: ['accepted'],
      to: 'decided',
      permission: 'applications.work',
      fields: {
        decision: { kind: 'choice', title: t('复议决定', 'Decision'), options: [...reconsiderationDecisions] },
        decisionNotes: { kind: 'text', title: t('决定书文号及要点', 'Reference and gist of the decision'), required: false, multiline: true, maxLength: 2000 },
      },
      facts: [{ metric: 'applications.reconsideration-decided' }],
    },
    {
      code: 'withdraw',
      title: t('申请人撤回申请', 'The applicant withdraws'),
      from: ['received', 'forwarded', 'correction', 'accepted'],
      to: 'withdrawn',
      permission: 'applications.work',
      fields: { reason: { kind: 'text', title: t('撤回原因', 'Reason'), required: false, maxLength: 500 } },
    },
  ],
  deadlines: [
    {
      code: 'forwarding',
      title: t('转递期限', 'Forwarding period'),
      from: 'receive',
      days: 3,
      unit: 'working',
      basis: t(
        '法律对司法所转递行政复议申请没有规定全国统一的期限（《行政复议法》第三十二条的五日转送仅适用于当场作出或者依据电子技术监控设备记录的事实作出的行政处罚）；此处为本地做法，默认3个工作日，可按部署配置。',
        'No national period applies to a judicial office forwarding an application (art. 32’s five days concern on-the-spot penalties and those based on electronic monitoring, filed through the penalising body); local practice, 3 working days by default, configurable per deployment.',
      ),
      metBy: ['forward', 'withdraw'],
      warnBefore: 1,
    },
    {
      code: 'acceptance',
      title: t('复议机关审查受理期限', 'The body’s review for acceptance'),
      from: 'forward',
      days: 5,
      unit: 'working',
      basis: t('《行政复议法》第三十条：复议机关收到申请后五日内审查，决定是否受理；“五日”为工作日（第八十八条）。自转递之日起算，以复议机关收到之日为准。', 'Art. 30: the body decides within five days of receiving the application whether to accept it; “five days” are working days (art. 88). Counted from forwarding; the body’s day of receipt governs.'),
      metBy: ['accepted', 'not-accepted', 'correction-requested', 'withdraw'],
    },
    {
      code: 'correction',
      title: t('申请人补正期限', 'Period to correct'),
      from: 'correction-requested',
      days: 10,
      unit: 'working',
      basis: t('《行政复议法》第三十一条：申请人应当自收到补正通知之日起十日内提交补正材料；“十日”为工作日（第八十八条）。', 'Art. 31: the applicant supplies the corrections within ten days of the notice; “ten days” are working days (art. 88).'),
      metBy: ['corrected', 'not-accepted', 'withdraw'],
      warnBefore: 3,
    },
    {
      code: 'decision',
      title: t('复议决定期限', 'Period for the decision'),
      from: 'accepted',
      days: 60,
      unit: 'calendar',
      basis: t('《行政复议法》第六十二条：自受理申请之日起六十日内作出决定；情况复杂的，经批准可以延长，最多不超过三十日。', 'Art. 62: the decision within 60 days of accepting the application; in complex cases it may be extended, by at most 30 days.'),
      metBy: ['decided', 'withdraw'],
      warnBefore: 10,
      when: { field: 'procedure', in: ['normal'] },
    },
    {
      code: 'decision-simplified',
      title: t('简易程序复议决定期限', 'Period for the decision (simplified procedure)'),
      from: 'accepted',
      days: 30,
      unit: 'calendar',
      basis: t('《行政复议法》第六十二条：适用简易程序的，自受理申请之日起三十日内作出决定。', 'Art. 62: under the simplified procedure, the decision within 30 days of accepting the application.'),
      metBy: ['decided', 'withdraw'],
      warnBefore: 5,
      when: { field: 'procedure', in: ['simplified'] },
    },
  ],
});

/** The shape the three referrals share: received → passed on to the institution → what it decided. */
function referralCaseType(spec: {
  code: string;
  title: LocalizedText;
  description: LocalizedText;
  numberMark: string;
  matters: readonly { value: string; title: LocalizedText }[];
  institution: LocalizedText;
  institutionHelp: LocalizedText;
  outcomes: readonly { value: string; title: LocalizedText }[];
  metric: string;
  diaryReceived?: string;
  diaryForwarded?: string;
  decisionPeriod?: { days: number; unit: 'working' | 'calendar'; basis: LocalizedText };
  /** Offered as a public form (`<sifa-apply>`) with this introduction. */
  publicIntro?: LocalizedText;
}) {
  return defineCaseType({
    code: spec.code,
    title: spec.title,
    description: spec.description,
    numberMark: spec.numberMark,
    readPermission: 'applications.read',
    fields: {
      applicants: applicants(applicantRoles),
      matter: { kind: 'choice', title: t('申请事项类别', 'Kind of matter'), options: [...spec.matters] },
      summary: { kind: 'text', title: t('申请事项及理由', 'The matter and the reasons'), multiline: true, maxLength: 5000 },
      channel: { kind: 'choice', title: t('申请方式', 'Form of application'), options: [...applicationChannels] },
      materials: { kind: 'attachments', title: t('申请材料', 'Application materials'), maxFiles: 30 },
    },
    listFields: ['matter', 'summary', 'channel'],
    ...(spec.publicIntro ? { publicForm: { fields: ['applicants', 'matter', 'summary'], preset: { channel: 'online' }, consent, intro: spec.publicIntro, attachments: 'materials' } } : {}),
    states: [
      { code: 'received', title: t('已接收', 'Received') },
      { code: 'forwarded', title: t('已转交', 'Passed on') },
      { code: 'decided', title: t('已有结果', 'Decided'), closed: true },
      { code: 'withdrawn', title: t('申请人撤回', 'Withdrawn'), closed: true },
    ],
    transitions: [
      {
        code: 'receive',
        title: t('接收申请', 'Receive the application'),
        from: [],
        to: 'received',
        permission: 'applications.work',
        note: t('司法所接收并转交申请，由有关机构审查决定。', 'The office receives and passes on the application; the institution examines and decides.'),
        facts: [{ metric: `${spec.metric}-received` }, ...(spec.diaryReceived ? [diary(spec.diaryReceived)] : [])],
      },
      {
        code: 'forward',
        title: t('转交', 'Pass on'),
        from: ['received'],
        to: 'forwarded',
        permission: 'applications.work',
        fields: { institution: { kind: 'text', title: spec.institution, help: spec.institutionHelp, maxLength: 100 } },
        facts: [{ metric: `${spec.metric}-forwarded` }, ...(spec.diaryForwarded ? [diary(spec.diaryForwarded)] : [])],
      },
      {
        code: 'decided',
        title: t('登记处理结果', 'Record the outcome'),
        from: ['forwarded'],
        to: 'decided',
        permission: 'applications.work',
        fields: {
          outcome: { kind: 'choice', title: t('处理结果', 'Outcome'), options: [...spec.outcomes] },
          outcomeNotes: { kind: 'text', title: t('结果说明', 'Notes'), required: false, multiline: true, maxLength: 2000 },
        },
      },
      {
        code: 'withdraw',
        title: t('申请人撤回申请', 'The applicant withdraws'),
        from: ['received', 'forwarded'],
        to: 'withdrawn',
        permission: 'applications.work',
        fields: { reason: { kind: 'text', title: t('撤回原因', 'Reason'), required: false, maxLength: 500 } },
      },
    ],
    deadlines: [
      {
        code: 'forwarding',
        title: t('转交期限', 'Period to pass it on'),
        from: 'receive',
        days: 3,
        unit: 'working',
        basis: t('本地做法：司法所接收申请后及时转交，默认3个工作日，可按部署配置。', 'Local practice: the office passes the application on promptly, 3 working days by default, configurable per deployment.'),
        metBy: ['forward', 'withdraw'],
        warnBefore: 1,
      },
      ...(spec.decisionPeriod
        ? [
            {
              code: 'institution-decision',
              title: t('机构审查决定期限', 'The institution’s decision'),
              from: 'forward',
              days: spec.decisionPeriod.days,
              unit: spec.decisionPeriod.unit,
              basis: spec.decisionPeriod.basis,
              metBy: ['decided', 'withdraw'],
            },
          ]
        : []),
    ],
  });
}

export const legalAidCaseType = referralCaseType({
  code: legalAidCaseTypeCode,
  title: t('法律援助申请接收转交', 'Legal aid: receiving and passing on applications'),
  description: t(
    '司法所接收法律援助申请并转交法律援助机构，由法律援助机构审查决定是否给予法律援助（司法所不受理、不作决定）。',
    'The office receives legal-aid applications and passes them to the legal-aid institution, which decides whether to grant aid (the office neither accepts nor decides).',
  ),
  numberMark: '援转',
  matters: [
    { value: 'wages', title: t('追索劳动报酬', 'Unpaid wages') },
    { value: 'maintenance', title: t('赡养费、抚养费、扶养费', 'Maintenance') },
    { value: 'injury', title: t('工伤、交通事故、医疗损害赔偿', 'Injury compensation') },
    { value: 'social-insurance', title: t('社会保险、最低生活保障待遇', 'Social insurance and assistance') },
    { value: 'state-compensation', title: t('国家赔偿', 'State compensation') },
    { value: 'criminal', title: t('刑事案件', 'Criminal case') },
    { value: 'other', title: t('其他', 'Other') },
  ],
  institution: t('转交的法律援助机构', 'Legal-aid institution'),
  institutionHelp: t('如：红山区法律援助中心。', 'E.g. 红山区法律援助中心.'),
  outcomes: [
    { value: 'granted', title: t('给予法律援助', 'Aid granted') },
    { value: 'refused', title: t('不予法律援助', 'Aid refused') },
    { value: 'other', title: t('其他', 'Other') },
  ],
  metric: 'applications.legal-aid',
  publicIntro: t(
    '经济困难或符合法律规定的其他情形，可以申请法律援助：司法所接收您的申请并转交法律援助机构，由法律援助机构审查决定。',
    'If you cannot afford a lawyer (or the law otherwise provides), you may apply for legal aid: the judicial office receives your application and passes it to the legal-aid institution, which decides.',
  ),
  diaryReceived: 'diary.legal-aid-applications',
  diaryForwarded: 'diary.legal-aid-forwarded',
  decisionPeriod: {
    days: 7,
    unit: 'calendar',
    basis: t('《法律援助法》第四十三条：法律援助机构应当自收到法律援助申请之日起七日内审查，作出是否给予法律援助的决定。自转交之日起算，以法律援助机构收到之日为准。', 'Legal Aid Law art. 43: the institution decides within seven days of receiving the application whether to grant aid. Counted from passing it on; the institution’s day of receipt governs.'),
  },
});

export const notaryCaseType = referralCaseType({
  code: notaryCaseTypeCode,
  title: t('公证申请转介', 'Notary: referring applications'),
  description: t('司法所接收群众的公证申请，转介公证机构办理，并登记办理结果。', 'The office receives notarisation requests, refers them to a notary office and records the outcome.'),
  numberMark: '公转',
  matters: [
    { value: 'inheritance', title: t('继承', 'Inheritance') },
    { value: 'will', title: t('遗嘱', 'Will') },
    { value: 'entrustment', title: t('委托书', 'Power of attorney') },
    { value: 'contract', title: t('合同协议', 'Contract') },
    { value: 'certificate', title: t('身份、学历、亲属关系等证明', 'Certificates (identity, education, kinship)') },
    { value: 'other', title: t('其他', 'Other') },
  ],
  institution: t('转介的公证机构', 'Notary office'),
  institutionHelp: t('如：赤峰市红山公证处。', 'E.g. 赤峰市红山公证处.'),
  outcomes: [
    { value: 'notarised', title: t('已出具公证书', 'Notarised') },
    { value: 'refused', title: t('不予办理', 'Refused') },
    { value: 'other', title: t('其他', 'Other') },
  ],
  metric: 'applications.notary',
});

export const arbitrationCaseType = referralCaseType({
  code: arbitrationCaseTypeCode,
  title: t('仲裁申请转介', 'Arbitration: referring applications'),
  description: t('司法所接收仲裁申请（如合同纠纷、劳动争议、农村土地承包经营纠纷），转介有管辖权的仲裁机构，并登记处理结果。', 'The office receives arbitration requests (contract disputes, labour disputes, rural land contracts), refers them to the competent arbitration body and records the outcome.'),
  numberMark: '仲转',
  matters: [
    { value: 'contract', title: t('合同及其他财产权益纠纷（仲裁委员会）', 'Contract and property disputes (arbitration commission)') },
    { value: 'labour', title: t('劳动人事争议（劳动人事争议仲裁委员会）', 'Labour disputes (labour arbitration committee)') },
    { value: 'land', title: t('农村土地承包经营纠纷（农村土地承包仲裁委员会）', 'Rural land contract disputes (rural land arbitration committee)') },
  ],
  institution: t('转介的仲裁机构', 'Arbitration body'),
  institutionHelp: t('如：赤峰仲裁委员会、红山区劳动人事争议仲裁委员会。', 'E.g. 赤峰仲裁委员会.'),
  outcomes: [
    { value: 'accepted', title: t('仲裁机构已受理', 'Accepted by the arbitration body') },
    { value: 'refused', title: t('仲裁机构不予受理', 'Not accepted') },
    { value: 'other', title: t('其他', 'Other') },
  ],
  metric: 'applications.arbitration',
});

export const applicationCaseTypes = [reconsiderationCaseType, legalAidCaseType, notaryCaseType, arbitrationCaseType] as const;
