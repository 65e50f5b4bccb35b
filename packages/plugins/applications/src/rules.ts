/**
 * The statutory rules of the checks before forwarding a reconsideration application (行政复议法,
 * revised 2023), as DATA: which words in which case fields point to which provision. A match
 * explains itself (the rule, its article, the word and the field it was found in); it never
 * decides: the staff member reads the explanation and, where a check needs attention, forwards
 * with a reason or not at all. Local additions (the city's negative list, the list of
 * reconsideration bodies) are rows the city and county admins edit (`applications.negativeList.*`,
 * `applications.bodies.*`), matched the same way.
 *
 * Keywords are plain text; `*` stands for a gap of up to 20 characters within one field
 * (`责令*拆除` matches 责令限期拆除). No regular expressions from data: an admin's entry can never
 * make matching slow.
 * Browser-safe.
 */
import type { LocalizedText } from '@sifa/core';

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

/** The case fields a matter rule may read. */
export const matterFields = ['respondent', 'act', 'request', 'factsReasons'] as const;
export type MatterField = (typeof matterFields)[number];

export const matterFieldTitles: Record<MatterField, LocalizedText> = {
  respondent: t('被申请人', 'the respondent'),
  act: t('申请复议的行政行为', 'the act contested'),
  request: t('行政复议请求', 'the request'),
  factsReasons: t('主要事实和理由', 'the facts and reasons'),
};

export interface MatterRule {
  code: string;
  /** As users cite it: 第十二条第二项. */
  article: string;
  title: LocalizedText;
  /** What follows when it matches. */
  explanation: LocalizedText;
  /** What the staff member may do about it. */
  suggestion?: LocalizedText;
  fields: readonly MatterField[];
  keywords: readonly string[];
}

/** Art. 12: matters outside reconsideration. A match needs attention (forward only with a reason). */
export const scopeExclusions: readonly MatterRule[] = [
  {
    code: 'state-act',
    article: '第十二条第一项',
    title: t('国防、外交等国家行为', 'National defence, foreign affairs and other acts of state'),
    explanation: t('国防、外交等国家行为不属于行政复议范围（《行政复议法》第十二条第一项）。', 'Acts of state such as national defence and foreign affairs are outside reconsideration (art. 12 item 1).'),
    fields: ['act'],
    keywords: ['国防', '外交', '国家行为', '戒严', '总动员', '宣战'],
  },
  {
    code: 'normative-document',
    article: '第十二条第二项',
    title: t('行政法规、规章或者规范性文件', 'Administrative regulations, rules or normative documents'),
    explanation: t(
      '行政法规、规章或者行政机关制定、发布的具有普遍约束力的决定、命令等规范性文件不能单独申请行政复议（第十二条第二项）。申请人认为行政行为所依据的规范性文件（不含规章）不合法的，可以在对该行政行为申请复议时一并提出附带审查申请（第十三条）。',
      'Administrative regulations, rules and documents of general binding force cannot be contested on their own (art. 12 item 2). If the applicant thinks a normative document (not a rule) an act rests on is unlawful, they may ask for it to be reviewed together with the act (art. 13).',
    ),
    suggestion: t('请核实申请复议的是否为针对申请人作出的具体行政行为；如是对文件本身不服，告知申请人可在对依据该文件作出的行政行为申请复议时一并提出附带审查（第十三条）。', 'Check whether the applicant contests an act addressed to them; if they contest the document itself, tell them to contest an act based on it and ask for the document to be reviewed with it (art. 13).'),
    fields: ['act'],
    keywords: ['规范性文件', '红头文件', '普遍约束力', '行政法规', '规章', '《关于*的通知》', '《关于*的意见》', '《*办法》', '《*实施细则》', '《*暂行规定》'],
  },
  {
    code: 'personnel',
    article: '第十二条第三项',
    title: t('对工作人员的奖惩、任免等决定', 'Rewards, sanctions, appointments and dismissals of staff'),
    explanation: t('行政机关对行政机关工作人员的奖惩、任免等决定（如处分）不属于行政复议范围（第十二条第三项），按公务员法等规定申诉。', "An administrative body's decisions on rewarding, sanctioning, appointing or dismissing its staff (e.g. 处分) are outside reconsideration (art. 12 item 3); the civil-service complaint routes apply."),
    fields: ['act', 'request'],
    keywords: ['处分', '记过', '记大过', '降级', '撤职', '开除公职', '辞退', '免职', '任免', '奖惩', '年度考核'],
  },
  {
    code: 'civil-mediation',
    article: '第十二条第四项',
    title: t('对民事纠纷作出的调解', 'Mediation of a civil dispute by an administrative body'),
    explanation: t('行政机关对民事纠纷作出的调解不属于行政复议范围（第十二条第四项）；当事人可就原纠纷向人民法院提起民事诉讼或者申请仲裁。', 'Mediation of a civil dispute by an administrative body is outside reconsideration (art. 12 item 4); the parties may take the dispute itself to court or to arbitration.'),
    fields: ['act'],
    keywords: ['调解书', '调解协议', '主持调解', '调解意见', '调解*民事纠纷', '民事纠纷*调解'],
  },
];

/** Art. 11: what reconsideration covers. A match only names the item (the check passes with it). */
export const scopeItems: readonly MatterRule[] = [
  { code: 'penalty', article: '第十一条第一项', title: t('行政处罚决定', 'An administrative penalty'), explanation: t('对行政处罚决定不服', 'a penalty decision'), fields: ['act'], keywords: ['行政处罚', '处罚决定', '罚款', '没收', '吊销', '暂扣', '责令停产停业', '行政拘留'] },
  { code: 'coercion', article: '第十一条第二项', title: t('行政强制措施、行政强制执行决定', 'A coercive measure or enforcement'), explanation: t('对行政强制措施、行政强制执行决定不服', 'a coercive measure or enforcement decision'), fields: ['act'], keywords: ['查封', '扣押', '冻结', '强制执行', '强制拆除', '代履行'] },
  { code: 'licence', article: '第十一条第三项', title: t('行政许可', 'A licence'), explanation: t('申请行政许可被拒绝或者不予答复，或者对有关行政许可的其他决定不服', 'a licence refused, not answered or otherwise decided'), fields: ['act'], keywords: ['行政许可', '不予许可', '不予批准', '撤销许可', '许可证'] },
  { code: 'natural-resources', article: '第十一条第四项', title: t('确认自然资源的所有权或者使用权', 'Ownership or use of natural resources'), explanation: t('对确认自然资源的所有权或者使用权的决定不服', 'a decision confirming ownership or use of natural resources'), fields: ['act'], keywords: ['自然资源', '土地*使用权', '土地*所有权', '林权', '林地', '草原', '草场', '滩涂', '水域', '采矿权', '承包经营权', '确权', '权属'] },
  { code: 'expropriation', article: '第十一条第五项', title: t('征收征用及其补偿决定', 'Expropriation and its compensation'), explanation: t('对征收征用决定及其补偿决定不服', 'an expropriation or requisition and its compensation'), fields: ['act'], keywords: ['征收', '征用', '补偿决定'] },
  { code: 'compensation', article: '第十一条第六项', title: t('赔偿决定', 'A compensation decision'), explanation: t('对赔偿决定或者不予赔偿决定不服', 'a decision on compensation'), fields: ['act'], keywords: ['行政赔偿', '不予赔偿', '赔偿决定'] },
  { code: 'work-injury', article: '第十一条第七项', title: t('工伤认定', 'Work-injury recognition'), explanation: t('对不予受理工伤认定申请的决定或者工伤认定结论不服', 'a work-injury decision'), fields: ['act'], keywords: ['工伤'] },
  { code: 'business-autonomy', article: '第十一条第八项', title: t('经营自主权、农村土地承包经营权', 'Business autonomy, rural land contracts'), explanation: t('认为行政机关侵犯其经营自主权或者农村土地承包经营权、农村土地经营权', 'an infringement of business autonomy or rural land rights'), fields: ['act', 'request'], keywords: ['经营自主权', '土地经营权'] },
  { code: 'duty', article: '第十一条第十一项', title: t('不履行法定职责', 'Failure to perform a statutory duty'), explanation: t('申请行政机关履行法定职责，行政机关拒绝履行、未依法履行或者不予答复', 'a statutory duty refused, not performed or not answered'), fields: ['act', 'request'], keywords: ['不履行', '未履行', '拒绝履行', '不予答复', '未予答复', '未答复', '不作为', '逾期未', '未在法定期限内'] },
  { code: 'benefits', article: '第十一条第十二项', title: t('抚恤金、社会保险待遇、最低生活保障', 'Pensions, social insurance, minimum living allowance'), explanation: t('申请行政机关依法给付抚恤金、社会保险待遇或者最低生活保障等社会保障，行政机关没有依法给付', 'social security not paid as the law requires'), fields: ['act', 'request'], keywords: ['抚恤金', '社会保险', '最低生活保障', '低保', '养老保险', '医疗保险'] },
  { code: 'agreement', article: '第十一条第十三项', title: t('行政协议', 'An administrative agreement'), explanation: t('认为行政机关不依法订立、履行或者违法变更、解除行政协议', 'an administrative agreement not concluded, performed or changed lawfully'), fields: ['act'], keywords: ['行政协议', '特许经营协议', '征收补偿协议'] },
  { code: 'information', article: '第十一条第十四项', title: t('政府信息公开', 'Government information'), explanation: t('认为行政机关在政府信息公开工作中侵犯其合法权益', 'government information disclosure'), fields: ['act', 'request'], keywords: ['信息公开'] },
  { code: 'other', article: '第十一条第十五项', title: t('其他行政行为', 'Another administrative act'), explanation: t('认为行政机关的其他行政行为侵犯其合法权益', 'another administrative act'), fields: ['act'], keywords: ['责令', '决定书', '不予登记', '不予认定', '不予更正'] },
];

/** Art. 23: matters that must go to reconsideration before a court. A match is information, never a refusal. */
export const reconsiderationFirst: readonly MatterRule[] = [
  {
    code: 'on-the-spot-penalty',
    article: '第二十三条第一款第一项',
    title: t('当场作出的行政处罚决定', 'A penalty decided on the spot'),
    explanation: t('对当场作出的行政处罚决定不服的，应当先申请行政复议', 'a penalty decided on the spot must first go to reconsideration'),
    fields: ['act'],
    keywords: ['当场作出', '当场处罚', '当场罚款', '当场*处罚决定', '简易程序*处罚'],
  },
  {
    code: 'natural-resources',
    article: '第二十三条第一款第二项',
    title: t('侵犯已经依法取得的自然资源所有权或者使用权的决定', 'A decision infringing natural-resource ownership or use rights held'),
    explanation: t('对行政机关作出的侵犯其已经依法取得的自然资源的所有权或者使用权的决定不服的，应当先申请行政复议', 'a decision infringing natural-resource ownership or use already held must first go to reconsideration'),
    fields: ['act'],
    keywords: ['自然资源', '土地*使用权', '土地*所有权', '林权', '林地', '草原*使用权', '草原*承包', '草场', '滩涂', '采矿权', '探矿权', '取水权', '海域使用权', '承包经营权', '权属'],
  },
  {
    code: 'statutory-duty',
    article: '第二十三条第一款第三项',
    title: t('未履行法定职责', 'Failure to perform a statutory duty'),
    explanation: t('认为行政机关存在第十一条规定的未履行法定职责情形的，应当先申请行政复议', 'a statutory duty of art. 11 not performed must first go to reconsideration'),
    fields: ['act', 'request'],
    keywords: ['不履行', '未履行', '拒绝履行', '不予答复', '未予答复', '未答复', '不作为', '逾期未', '未在法定期限内'],
  },
  {
    code: 'information',
    article: '第二十三条第一款第四项',
    title: t('申请政府信息公开，行政机关不予公开', 'Government information refused'),
    explanation: t('申请政府信息公开，行政机关不予公开的，应当先申请行政复议', 'a refusal to disclose government information must first go to reconsideration'),
    fields: ['act', 'request'],
    keywords: ['不予公开', '信息公开*拒绝', '拒绝*信息公开', '政府信息公开'],
  },
  {
    code: 'tax',
    article: '第二十三条第一款第五项',
    title: t('法律、行政法规规定应当先申请行政复议的其他情形（纳税争议）', 'Other matters the law sends to reconsideration first (tax disputes)'),
    explanation: t('法律、行政法规规定应当先申请行政复议的，如纳税人同税务机关在纳税上发生争议（《税收征收管理法》第八十八条），应当先申请行政复议', 'where a law or administrative regulation requires it, e.g. a dispute over tax payable (Tax Collection Law art. 88), reconsideration comes first'),
    fields: ['act'],
    keywords: ['纳税争议', '补缴税款', '核定*税', '征税*决定', '应纳税额'],
  },
];

/**
 * Art. 27: bodies under vertical leadership (customs, finance, foreign exchange …), tax and state
 * security: the application goes to the next higher department, not to a local government.
 */
export const verticalBodyKeywords: readonly string[] = ['税务', '海关', '国家安全', '金融监督管理', '金融监管', '外汇管理', '中国人民银行', '证券监督管理'];

/** Art. 28: the justice bureau acting as the reconsideration office's department: its own government or the next higher justice bureau. */
export const justiceBureauKeywords: readonly string[] = ['司法局'];
