/**
 * Community correction (社区矫正) as case types of the platform's casework engine. Data,
 * browser-safe: the engine runs them, `<sifa-cases type="correction.case">` (and
 * `api="correction.investigations"` / `"correction.searches"` for the other two) shows them.
 *
 * A judicial office does the daily work on commission of the county correction institution: the
 * cases belong to the office, the county reads its subtree. Steps the law gives the county
 * institution (sanctions, proposals, county-level leave, electronic monitoring, release) need
 * `correction.decide` and the role `county_admin` (department roles do not exist yet: the county
 * admin stands in; a department role can take the permission over later).
 *
 * - `correction.investigation` (调查评估, 社区矫正法 art. 18): commission register → the contents
 *   (residence and family, past conduct and consequences, opinions heard, prohibitions proposed) →
 *   the opinion (调查评估意见书) → the copy sent to the procuratorate. 10 working days, 5 for
 *   fast-track (速裁) cases.
 * - `correction.case` (社区矫正对象档案, one per person): the judgment received → report-in (报到,
 *   art. 21, checked), registration and file, the team (art. 25, a woman for a female person:
 *   enforced), the announcement (宣告, art. 22) → supervision recorded in place (reports, home
 *   visits, education, public-interest hours, leave, rewards and sanctions with their documents,
 *   electronic monitoring, class and stage) → lost contact (art. 30, with a search case) → release
 *   (解除, art. 44, with its certificate) or termination.
 * - `correction.search` (寻查): opened with the lost-contact step, closed when the person is found.
 *
 * The field names of `correction.case` (person, sex, birthDate, juvenile, kind, termStart, termEnd,
 * class, stage; the step `change-class`) are relied on by the correction plans: do not rename them.
 */
import { defineCaseType, type LocalizedText, type PersonalKind } from '@sifa/core';

/** Every text in the three UI languages: `mn` (traditional Mongolian script) is required here. */
const t = (zh: string, en: string, mn: string): LocalizedText => ({ zh, en, mn });

export const correctionInvestigationTypeCode = 'correction.investigation';
export const correctionCaseTypeCode = 'correction.case';
export const correctionSearchTypeCode = 'correction.search';

export const correctionPermissions = {
  read: 'correction.read',
  investigate: 'correction.investigate',
  supervise: 'correction.supervise',
  decide: 'correction.decide',
} as const;

/** The four kinds of subject (社区矫正法 art. 2). */
export const correctionKinds = [
  { value: 'control', title: t('管制', 'Public surveillance (管制)', 'ᠬᠢᠨᠠᠯᠲᠠ') },
  { value: 'probation', title: t('缓刑', 'Probation (缓刑)', 'ᠲᠦᠳᠬᠡᠯᠵᠡ') },
  { value: 'parole', title: t('假释', 'Parole (假释)', 'ᠪᠠᠷᠢᠯᠲᠠ ᠭᠦᠢ ᠰᠤᠯᠠᠯᠠᠬᠤ') },
  { value: 'medical-parole', title: t('暂予监外执行', 'Temporary service outside prison (暂予监外执行)', 'ᠭᠠᠳᠠᠨ᠎ᠠ ᠬᠦᠢᠴᠡᠳᠬᠡᠬᠦ') },
] as const;
export type CorrectionKind = (typeof correctionKinds)[number]['value'];

export const commissionerKinds = [
  { value: 'court', title: t('人民法院', 'People’s court', 'ᠠᠷᠠᠳ ᠤᠨ ᠰᠢᠭᠦᠨ ᠲᠠᠰᠤᠯᠬᠤ ᠶᠠᠮᠤ') },
  { value: 'procuratorate', title: t('人民检察院', 'People’s procuratorate', 'ᠠᠷᠠᠳ ᠤᠨ ᠪᠠᠢᠴᠠᠭᠠᠨ ᠬᠢᠨᠠᠬᠤ ᠶᠠᠮᠤ') },
  { value: 'prison', title: t('监狱管理机关', 'Prison administration', 'ᠬᠣᠷᠢᠬᠠᠨ ᠤ ᠵᠠᠬᠢᠷᠬᠤ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ') },
  { value: 'public-security', title: t('公安机关', 'Public security organ', 'ᠣᠯᠠᠨ ᠠᠮᠤᠭᠤᠯᠠᠩ ᠤᠨ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ') },
] as const;

export const investigationOpinions = [
  { value: 'suitable', title: t('适用社区矫正', 'Suitable for community correction', 'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠵᠠᠰᠠᠯ ᠢ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ') },
  { value: 'unsuitable', title: t('不适用社区矫正', 'Not suitable for community correction', 'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠵᠠᠰᠠᠯ ᠢ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠦᠭᠡᠢ') },
] as const;

export const copyMethods = [
  { value: 'delivered', title: t('直接送达', 'Delivered in person', 'ᠪᠢᠶ᠎ᠡ ᠪᠡᠷ ᠲᠤᠱᠢᠶᠠᠬᠤ') },
  { value: 'post', title: t('邮寄', 'By post', 'ᠱᠤᠳᠠᠨ ᠢᠶᠠᠷ ᠢᠯᠡᠭᠡᠬᠦ') },
  { value: 'online', title: t('网上协同平台', 'Through the online coordination platform', 'ᠰᠦᠯᠵᠡ ᠶᠢᠨ ᠬᠠᠮᠲᠤᠷᠠᠭᠴᠢᠯᠠᠯ ᠤᠨ ᠲᠠᠪᠴᠠᠩ') },
] as const;

export const sexes = [
  { value: 'male', title: t('男', 'Male', 'ᠡᠷᠡ') },
  { value: 'female', title: t('女', 'Female', 'ᠡᠮᠡ') },
] as const;

export const managementClasses = [
  { value: 'strict', title: t('严管', 'Strict', 'ᠴᠢᠩ') },
  { value: 'normal', title: t('普管', 'Normal', 'ᠡᠩ ᠦᠨ') },
  { value: 'lenient', title: t('宽管', 'Lenient', 'ᠠᠭᠤᠤ') },
] as const;

export const correctionStages = [
  { value: 'intake', title: t('入矫', 'Intake (first month)', 'ᠡᠬᠢᠯᠡᠯ (ᠡᠬᠢᠨ ᠰᠠᠷ᠎ᠠ)') },
  { value: 'regular', title: t('常规', 'Regular', 'ᠡᠩ ᠦᠨ') },
  { value: 'release', title: t('解矫', 'Release (last month)', 'ᠲᠡᠬᠦᠰᠬᠡᠯ (ᠰᠡᠭᠦᠯᠴᠢ ᠰᠠᠷ᠎ᠠ)') },
] as const;

export const riskLevels = [
  { value: 'low', title: t('低风险', 'Low risk', 'ᠠᠶᠤᠯ ᠪᠠᠭᠠᠲᠠᠢ') },
  { value: 'medium', title: t('中风险', 'Medium risk', 'ᠠᠶᠤᠯ ᠳᠤᠮᠳᠠᠲᠠᠢ') },
  { value: 'high', title: t('高风险', 'High risk', 'ᠠᠶᠤᠯ ᠢᠬᠡᠲᠡᠢ') },
] as const;

export const reportKinds = [
  { value: 'in-person', title: t('当面报到', 'Reported in person', 'ᠪᠢᠶ᠎ᠡ ᠪᠡᠷ ᠢᠷᠡᠵᠦ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ') },
  { value: 'written', title: t('书面报告', 'Written report', 'ᠪᠢᠴᠢᠭ ᠢᠶᠡᠷ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ') },
  { value: 'phone', title: t('电话报告', 'By phone', 'ᠤᠲᠠᠰᠤ ᠪᠠᠷ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ') },
  { value: 'video', title: t('视频报告', 'By video', 'ᠪᠢᠴᠢᠯᠭᠡ ᠪᠡᠷ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ') },
] as const;

export const hoursKinds = [
  { value: 'study', title: t('教育学习', 'Education and study', 'ᠰᠤᠷᠭᠠᠯ ᠰᠤᠳᠤᠯᠤᠯ') },
  { value: 'public-interest', title: t('公益活动', 'Public-interest activity', 'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠦᠢᠯᠡ') },
] as const;

export const endReasons = [
  { value: 'revoked', title: t('撤销缓刑、假释或收监执行', 'Probation or parole revoked, or committed to prison', 'ᠲᠦᠳᠬᠡᠯᠵᠡ᠂ ᠪᠠᠷᠢᠯᠲᠠ ᠭᠦᠢ ᠰᠤᠯᠠᠯᠠᠬᠤ ᠶᠢ ᠬᠦᠴᠦᠨ ᠦᠭᠡᠢ ᠪᠣᠯᠭᠠᠬᠤ ᠪᠤᠶᠤ ᠬᠣᠷᠢᠬᠠᠨ ᠳᠤ ᠬᠦᠷᠭᠡᠵᠦ ᠬᠦᠢᠴᠡᠳᠬᠡᠬᠦ') },
  { value: 'death', title: t('死亡', 'Death', 'ᠨᠠᠰ᠎ᠠ ᠪᠠᠷᠠᠭᠰᠠᠨ') },
  { value: 'other', title: t('其他', 'Other', 'ᠪᠤᠰᠤᠳ') },
] as const;

const text = (title: LocalizedText, options: { required?: boolean; multiline?: boolean; maxLength?: number; help?: LocalizedText; personal?: PersonalKind } = {}) => ({
  kind: 'text' as const,
  title,
  required: options.required ?? true,
  multiline: options.multiline ?? false,
  maxLength: options.maxLength ?? 500,
  ...(options.help ? { help: options.help } : {}),
  ...(options.personal ? { personal: options.personal } : {}),
});
const long = (title: LocalizedText, required = true, help?: LocalizedText, personal?: PersonalKind) => text(title, { required, multiline: true, maxLength: 4000, ...(help ? { help } : {}), ...(personal ? { personal } : {}) });
/** Free text about the person that must not leave the file (个人信息保护法 art. 28): sealed at rest, `***` outside the owning office. */
const privateText = (title: LocalizedText, required = true, help?: LocalizedText) => long(title, required, help, 'sensitive');

/**
 * Every read of a file is audited (who looked at whom); a juvenile's file (arts. 52–58: 未成年人
 *社区矫正 records are kept confidential) is sealed to its responsible staff, the county and city
 * admins included, from the investigation on.
 */
const privacy = { auditReads: true, sealedWhen: { field: 'juvenile', in: [true] } };
const juvenileField = (help: LocalizedText) => ({ kind: 'boolean' as const, title: t('未成年人', 'Juvenile', 'ᠨᠠᠰᠤᠨ ᠳᠦ ᠬᠦᠷᠦᠭᠡ ᠦᠭᠡᠢ'), required: false, help });
const date = (title: LocalizedText, required = true) => ({ kind: 'date' as const, title, required });

const { investigate, supervise, decide } = correctionPermissions;
const county = ['county_admin'] as ('county_admin' | 'office_staff' | 'city_admin')[];

export const investigationCaseType = defineCaseType({
  code: correctionInvestigationTypeCode,
  title: t('调查评估', 'Pre-decision investigation', 'ᠰᠢᠨᠵᠢᠯᠭᠡ ᠦᠨᠡᠯᠡᠯᠲᠡ'),
  description: t(
    '受委托对拟适用社区矫正的被告人、罪犯的社会危险性和对所居住社区的影响进行调查评估，出具调查评估意见书（《社区矫正法》第十八条）。',
    'On commission, investigate the social danger of a defendant or offender proposed for community correction and the impact on the community, and issue the investigation opinion (Community Correction Law art. 18).',
    'ᠳᠠᠭᠠᠯᠭᠠᠯ ᠤᠨ ᠳᠠᠭᠤᠤ᠂ ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠵᠠᠰᠠᠯ ᠢ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠪᠡᠷ ᠲᠥᠯᠥᠪᠯᠡᠭᠰᠡᠨ ᠶᠠᠯᠠᠲᠤ ᠬᠦᠮᠦᠨ ᠦ ᠨᠢᠶᠢᠭᠡᠮ ᠳᠦ ᠠᠶᠤᠯ ᠲᠠᠢ ᠡᠰᠡᠬᠦ ᠪᠣᠯᠤᠨ ᠣᠷᠣᠰᠢᠨ ᠰᠤᠤᠭᠰᠠᠨ ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠳᠦ ᠬᠦᠷᠭᠡᠬᠦ ᠨᠥᠯᠥᠭᠡ ᠶᠢ ᠰᠢᠨᠵᠢᠯᠡᠨ ᠦᠨᠡᠯᠡᠵᠦ᠂ ᠰᠢᠨᠵᠢᠯᠭᠡ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠶᠢᠨ ᠰᠠᠨᠠᠯ ᠤᠨ ᠪᠢᠴᠢᠭ ᠭᠠᠷᠭᠠᠨ᠎ᠠ (ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠵᠠᠰᠠᠯ ᠤᠨ ᠬᠠᠤᠯᠢ᠂ 18 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ)᠃',
  ),
  numberMark: '调评',
  readPermission: correctionPermissions.read,
  privacy,
  fields: {
    commissioner: text(t('委托机关', 'Commissioning body', 'ᠳᠠᠭᠠᠯᠭᠠᠭᠰᠠᠨ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ'), { maxLength: 100, help: t('机关名称，如“赤峰市红山区人民法院”。', 'The body’s name, e.g. 赤峰市红山区人民法院.', 'ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠶᠢᠨ ᠪᠦᠷᠢᠨ ᠨᠡᠷ᠎ᠡ᠂ ᠵᠢᠰᠢᠶ᠎ᠡ ᠨᠢ ᠰᠢᠶᠠᠨ ᠤ ᠠᠷᠠᠳ ᠤᠨ ᠰᠢᠭᠦᠨ ᠲᠠᠰᠤᠯᠬᠤ ᠶᠠᠮᠤ᠃') }),
    commissionerKind: { kind: 'choice', title: t('委托机关类别', 'Kind of commissioning body', 'ᠳᠠᠭᠠᠯᠭᠠᠭᠰᠠᠨ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠶᠢᠨ ᠲᠥᠷᠥᠯ'), options: [...commissionerKinds] },
    commissionedOn: date(t('委托日期', 'Commissioned on', 'ᠳᠠᠭᠠᠯᠭᠠᠭᠰᠠᠨ ᠡᠳᠦᠷ')),
    fastTrack: { kind: 'boolean', title: t('适用速裁程序', 'Fast-track (速裁) case', 'ᠬᠤᠷᠳᠤᠨ ᠰᠢᠭᠦᠬᠦ ᠵᠠᠷᠢᠪᠤᠷ'), help: t('速裁案件调查评估期限为5个工作日。', 'Fast-track cases: 5 working days.', 'ᠬᠤᠷᠳᠤᠨ ᠰᠢᠭᠦᠬᠦ ᠬᠡᠷᠡᠭ ᠦᠨ ᠰᠢᠨᠵᠢᠯᠭᠡ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠶᠢᠨ ᠪᠣᠯᠵᠠ 5 ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ᠃') },
    person: {
      kind: 'parties',
      title: t('被调查评估对象', 'Person investigated', 'ᠰᠢᠨᠵᠢᠯᠭᠡᠨ ᠳᠦ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ'),
      roles: [{ value: 'subject', title: t('被调查评估对象', 'Person investigated', 'ᠰᠢᠨᠵᠢᠯᠭᠡᠨ ᠳᠦ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ') }],
      minItems: 1,
      maxItems: 1,
    },
    juvenile: juvenileField(t('未成年人的调查评估材料保密，只有承办人员可见（第五十二条至第五十八条）。', 'A juvenile’s investigation is confidential: only its responsible staff see it (arts. 52–58).', 'ᠨᠠᠰᠤᠨ ᠳᠦ ᠬᠦᠷᠦᠭᠡ ᠦᠭᠡᠢ ᠬᠦᠮᠦᠨ ᠦ ᠰᠢᠨᠵᠢᠯᠭᠡ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠶᠢᠨ ᠮᠠᠲᠡᠷᠢᠶᠠᠯ ᠨᠢᠭᠤᠴᠠ᠂ ᠵᠥᠪᠬᠡᠨ ᠬᠠᠷᠢᠶᠤᠴᠠᠭᠴᠢ ᠠᠵᠢᠯᠲᠠᠨ ᠦᠵᠡ ᠴᠢᠳᠠᠨ᠎ᠠ (52–58 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ)᠃')),
    offence: text(t('涉嫌（被判）罪名', 'Offence', 'ᠰᠡᠵᠢᠭᠯᠡᠭᠳᠡᠭᠰᠡᠨ (ᠰᠢᠭᠦᠭᠳᠡᠭᠰᠡᠨ) ᠭᠡᠮᠡᠰᠢᠯ'), { maxLength: 200 }),
    proposedKind: { kind: 'choice', title: t('拟适用刑罚（措施）', 'Proposed sentence or measure', 'ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠪᠡᠷ ᠲᠥᠯᠥᠪᠯᠡᠭᠰᠡᠨ ᠶᠠᠯ᠎ᠠ (ᠠᠷᠭ᠎ᠠ ᠬᠡᠮᠵᠢᠶ᠎ᠡ)'), options: [...correctionKinds] },
    residence: long(t('居所情况', 'Residence', 'ᠰᠠᠭᠤᠴᠠ'), false, t('是否有固定住所，居住时间、居住证明。', 'Whether there is a fixed residence, since when, proof.', 'ᠲᠣᠭᠲᠠᠭᠰᠠᠨ ᠣᠷᠣᠰᠢᠨ ᠰᠤᠤᠭᠠᠬᠤ ᠭᠠᠵᠠᠷ ᠪᠤᠢ ᠡᠰᠡᠬᠦ᠂ ᠰᠤᠤᠭᠰᠠᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ᠂ ᠭᠡᠷᠡᠴᠢᠯᠭᠡ᠃'), 'address'),
    family: privateText(t('家庭和社会关系', 'Family and social relations', 'ᠭᠡᠷ ᠪᠦᠯᠢ ᠪᠣᠯᠤᠨ ᠨᠢᠶᠢᠭᠡᠮ ᠦᠨ ᠬᠠᠷᠢᠯᠴᠠᠭ᠎ᠠ'), false),
    pastConduct: privateText(t('一贯表现', 'Past conduct', 'ᠤᠷᠢᠳᠠ ᠠᠴ᠎ᠠ ᠶᠢᠨ ᠶᠠᠪᠤᠳᠠᠯ'), false),
    consequences: long(t('犯罪行为的后果和影响', 'Consequences and impact of the offence', 'ᠭᠡᠮᠡᠰᠢᠯ ᠦᠨ ᠦᠷ᠎ᠡ ᠳᠠᠭᠠᠪᠠᠷᠢ ᠪᠣᠯᠤᠨ ᠨᠥᠯᠥᠭᠡ'), false),
    communityOpinion: privateText(t('村（居）民委员会意见', 'Opinion of the village (residents’) committee', 'ᠭᠠᠴᠠᠭ᠎ᠠ (ᠣᠷᠣᠰᠢᠨ ᠰᠤᠤᠭᠴᠢᠳ) ᠤᠨ ᠵᠥᠪᠯᠡᠯ ᠦᠨ ᠰᠠᠨᠠᠯ'), false),
    victimOpinion: privateText(t('被害人意见', 'Opinion of the victim', 'ᠬᠣᠣᠷᠯᠠᠭᠰᠠᠨ ᠬᠦᠮᠦᠨ ᠦ ᠰᠠᠨᠠᠯ'), false, t('无被害人的写明“无”。', 'Write 无 where there is no victim.', 'ᠬᠣᠣᠷᠯᠠᠭᠰᠠᠨ ᠬᠦᠮᠦᠨ ᠦᠭᠡᠢ ᠪᠣᠯ “ᠦᠭᠡᠢ” ᠭᠡᠵᠦ ᠪᠢᠴᠢᠨ᠎ᠡ᠃')),
    prohibitions: long(t('拟禁止的事项', 'Prohibitions proposed', 'ᠬᠣᠷᠢᠭᠯᠠᠬᠤ ᠪᠠᠷ ᠲᠥᠯᠥᠪᠯᠡᠭᠰᠡᠨ ᠵᠦᠢᠯ'), false),
    opinion: { kind: 'choice', title: t('评估意见', 'Opinion', 'ᠦᠨᠡᠯᠡᠯᠲᠡ ᠶᠢᠨ ᠰᠠᠨᠠᠯ'), required: false, options: [...investigationOpinions] },
    opinionReasons: long(t('意见理由', 'Reasons', 'ᠰᠠᠨᠠᠯ ᠤᠨ ᠦᠨᠳᠤᠰᠤᠯᠡᠯ'), false),
  },
  listFields: ['commissioner', 'proposedKind', 'fastTrack', 'opinion'],
  states: [
    { code: 'investigating', title: t('调查中', 'Investigating', 'ᠰᠢᠨᠵᠢᠯᠡᠵᠦ ᠪᠠᠶᠢᠭ᠎ᠠ') },
    { code: 'opinion-issued', title: t('已出具意见', 'Opinion issued', 'ᠰᠠᠨᠠᠯ ᠭᠠᠷᠭᠠᠭᠰᠠᠨ') },
    { code: 'copied', title: t('已抄送检察院', 'Copied to the procuratorate', 'ᠪᠠᠢᠴᠠᠭᠠᠨ ᠬᠢᠨᠠᠬᠤ ᠶᠠᠮᠤ ᠳᠤ ᠬᠠᠭᠤᠯᠪᠤᠷ ᠢᠯᠡᠭᠡᠭᠰᠡᠨ'), closed: true },
    { code: 'withdrawn', title: t('委托撤回', 'Commission withdrawn', 'ᠳᠠᠭᠠᠯᠭᠠᠯ ᠢ ᠪᠤᠴᠠᠭᠠᠨ ᠠᠪᠤᠭᠰᠠᠨ'), closed: true },
  ],
  transitions: [
    {
      code: 'register',
      title: t('委托登记', 'Register the commission', 'ᠳᠠᠭᠠᠯᠭᠠᠯ ᠢ ᠪᠦᠷᠲᠭᠡᠬᠦ'),
      from: [],
      to: 'investigating',
      permission: investigate,
      note: t('登记日期为收到委托的日期，调查评估期限自该日起算。', 'The day registered is the day the commission was received: the period runs from it.', 'ᠪᠦᠷᠲᠭᠡᠬᠦ ᠡᠳᠦᠷ ᠨᠢ ᠳᠠᠭᠠᠯᠭᠠᠯ ᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠡᠳᠦᠷ ᠪᠣᠯᠤᠨ᠎ᠠ᠂ ᠰᠢᠨᠵᠢᠯᠭᠡ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠶᠢᠨ ᠪᠣᠯᠵᠠ ᠲᠡᠷᠡ ᠡᠳᠦᠷ ᠡᠴᠡ ᠡᠬᠢᠯᠡᠨ ᠲᠣᠣᠴᠠᠭᠳᠠᠨ᠎ᠠ᠃'),
    },
    {
      code: 'residence-family',
      title: t('调查居所与家庭社会关系', 'Residence, family and social relations', 'ᠣᠷᠣᠰᠢᠨ ᠰᠤᠤᠭᠠᠬᠤ ᠭᠠᠵᠠᠷ᠂ ᠭᠡᠷ ᠪᠦᠯᠢ ᠪᠣᠯᠤᠨ ᠨᠢᠶᠢᠭᠡᠮ ᠦᠨ ᠬᠠᠷᠢᠯᠴᠠᠭ᠎ᠠ ᠶᠢ ᠰᠢᠨᠵᠢᠯᠡᠬᠦ'),
      from: ['investigating'],
      to: 'investigating',
      permission: investigate,
      sets: ['residence', 'family'],
      requires: ['residence', 'family'],
    },
    {
      code: 'conduct',
      title: t('调查一贯表现与犯罪后果', 'Past conduct and consequences of the offence', 'ᠤᠷᠢᠳᠠ ᠠᠴ᠎ᠠ ᠶᠢᠨ ᠶᠠᠪᠤᠳᠠᠯ ᠪᠣᠯᠤᠨ ᠭᠡᠮᠡᠰᠢᠯ ᠦᠨ ᠦᠷ᠎ᠡ ᠳᠠᠭᠠᠪᠠᠷᠢ ᠶᠢ ᠰᠢᠨᠵᠢᠯᠡᠬᠦ'),
      from: ['investigating'],
      to: 'investigating',
      permission: investigate,
      sets: ['pastConduct', 'consequences'],
      requires: ['pastConduct', 'consequences'],
    },
    {
      code: 'opinions-heard',
      title: t('听取村（居）委会和被害人意见', 'Hear the village committee and the victim', 'ᠭᠠᠴᠠᠭ᠎ᠠ ᠶᠢᠨ ᠵᠥᠪᠯᠡᠯ ᠪᠣᠯᠤᠨ ᠬᠣᠣᠷᠯᠠᠭᠰᠠᠨ ᠬᠦᠮᠦᠨ ᠦ ᠰᠠᠨᠠᠯ ᠢ ᠰᠣᠨᠣᠰᠬᠤ'),
      from: ['investigating'],
      to: 'investigating',
      permission: investigate,
      sets: ['communityOpinion', 'victimOpinion'],
      requires: ['communityOpinion', 'victimOpinion'],
    },
    {
      code: 'prohibitions',
      title: t('提出拟禁止事项', 'Propose prohibitions', 'ᠬᠣᠷᠢᠭᠯᠠᠬᠤ ᠵᠦᠢᠯ ᠢ ᠳᠡᠸᠰᠢᠭᠦᠯᠬᠦ'),
      from: ['investigating'],
      to: 'investigating',
      permission: investigate,
      sets: ['prohibitions'],
      requires: ['prohibitions'],
    },
    {
      code: 'issue-opinion',
      title: t('出具调查评估意见', 'Issue the investigation opinion', 'ᠰᠢᠨᠵᠢᠯᠭᠡ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠶᠢᠨ ᠰᠠᠨᠠᠯ ᠭᠠᠷᠭᠠᠬᠤ'),
      from: ['investigating'],
      to: 'opinion-issued',
      permission: investigate,
      sets: ['residence', 'family', 'pastConduct', 'consequences', 'communityOpinion', 'victimOpinion', 'prohibitions', 'opinion', 'opinionReasons'],
      requires: ['residence', 'family', 'pastConduct', 'consequences', 'communityOpinion', 'victimOpinion', 'opinion', 'opinionReasons'],
      document: 'correction.investigation-opinion',
      note: t('意见书写明调查内容、评估意见及理由，送达委托机关。', 'The opinion states what was investigated, the opinion and its reasons; it goes to the commissioning body.', 'ᠰᠠᠨᠠᠯ ᠤᠨ ᠪᠢᠴᠢᠭ ᠲᠦ ᠰᠢᠨᠵᠢᠯᠭᠡᠨ ᠦ ᠠᠭᠤᠯᠭ᠎ᠠ᠂ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠶᠢᠨ ᠰᠠᠨᠠᠯ ᠪᠣᠯᠤᠨ ᠦᠨᠳᠤᠰᠤᠯᠡᠯ ᠢ ᠲᠣᠳᠤᠷᠬᠠᠢ ᠪᠢᠴᠢᠵᠦ᠂ ᠳᠠᠭᠠᠯᠭᠠᠭᠰᠠᠨ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠳᠤ ᠲᠤᠰᠢᠶᠠᠨ᠎ᠠ᠃'),
    },
    {
      code: 'copy-procuratorate',
      title: t('抄送人民检察院', 'Copy to the procuratorate', 'ᠠᠷᠠᠳ ᠤᠨ ᠪᠠᠢᠴᠠᠭᠠᠨ ᠬᠢᠨᠠᠬᠤ ᠶᠠᠮᠤ ᠳᠤ ᠬᠠᠭᠤᠯᠪᠤᠷ ᠢᠯᠡᠭᠡᠬᠦ'),
      from: ['opinion-issued'],
      to: 'copied',
      permission: investigate,
      fields: {
        procuratorate: text(t('抄送的人民检察院', 'Procuratorate', 'ᠬᠠᠭᠤᠯᠪᠤᠷ ᠢᠯᠡᠭᠡᠬᠦ ᠪᠠᠢᠴᠠᠭᠠᠨ ᠬᠢᠨᠠᠬᠤ ᠶᠠᠮᠤ'), { maxLength: 100 }),
        copyMethod: { kind: 'choice', title: t('抄送方式', 'How it was sent', 'ᠢᠯᠡᠭᠡᠭᠰᠡᠨ ᠠᠷᠭ᠎ᠠ'), options: [...copyMethods] },
      },
      note: t('步骤日期为抄送日期。', 'The step’s day is the day it was sent.', 'ᠠᠯᠬᠤᠮ ᠤᠨ ᠡᠳᠦᠷ ᠨᠢ ᠬᠠᠭᠤᠯᠪᠤᠷ ᠢᠯᠡᠭᠡᠭᠰᠡᠨ ᠡᠳᠦᠷ ᠪᠣᠯᠤᠨ᠎ᠠ᠃'),
    },
    {
      code: 'withdraw',
      title: t('委托机关撤回委托', 'Commission withdrawn', 'ᠳᠠᠭᠠᠯᠭᠠᠭᠰᠠᠨ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠳᠠᠭᠠᠯᠭᠠᠯ ᠢᠶᠠᠨ ᠪᠤᠴᠠᠭᠠᠨ ᠠᠪᠤᠭᠰᠠᠨ'),
      from: ['investigating'],
      to: 'withdrawn',
      permission: investigate,
      fields: { withdrawalReason: text(t('撤回原因', 'Reason', 'ᠰᠢᠯᠲᠠᠭᠠᠨ')) },
    },
  ],
  deadlines: [
    {
      code: 'opinion-period',
      title: t('调查评估期限', 'Investigation period', 'ᠰᠢᠨᠵᠢᠯᠭᠡ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠶᠢᠨ ᠪᠣᠯᠵᠠ'),
      from: 'register',
      days: 10,
      unit: 'working',
      basis: t(
        '《社区矫正法实施办法》第十四条：自收到调查评估委托函及所附材料之日起十个工作日内完成（条文未经官方文本核对，天数可按部署配置）。',
        'Implementing Measures of the Community Correction Law art. 14: within 10 working days of receiving the commission (wording not verified against the official text; the days are configurable per deployment).',
        'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠵᠠᠰᠠᠯ ᠤᠨ ᠬᠠᠤᠯᠢ ᠢ ᠬᠡᠷᠡᠭᠵᠢᠭᠦᠯᠬᠦ ᠠᠷᠭ᠎ᠠ᠂ 14 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ᠄ ᠳᠠᠭᠠᠯᠭᠠᠯ ᠤᠨ ᠪᠢᠴᠢᠭ ᠪᠣᠯᠤᠨ ᠮᠠᠲᠡᠷᠢᠶᠠᠯ ᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠡᠳᠦᠷ ᠡᠴᠡ ᠡᠬᠢᠯᠡᠨ 10 ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ ᠲᠦ ᠳᠠᠭᠤᠰᠭᠠᠨ᠎ᠠ (ᠵᠦᠢᠯ ᠦᠨ ᠦᠭᠡ ᠶᠢ ᠠᠯᠪᠠᠨ ᠤ ᠡᠬᠡ ᠪᠢᠴᠢᠭ ᠲᠡᠢ ᠲᠤᠯᠭᠠᠭᠠᠨ ᠦᠭᠡᠢ᠂ ᠡᠳᠦᠷ ᠦᠨ ᠲᠣᠭᠠ ᠶᠢ ᠲᠣᠬᠢᠷᠭᠠᠨ᠎ᠠ)᠃',
      ),
      metBy: ['issue-opinion'],
      warnBefore: 3,
      when: { field: 'fastTrack', in: [false] },
    },
    {
      code: 'fast-track-period',
      title: t('速裁案件调查评估期限', 'Fast-track investigation period', 'ᠬᠤᠷᠳᠤᠨ ᠰᠢᠭᠦᠬᠦ ᠬᠡᠷᠡᠭ ᠦᠨ ᠰᠢᠨᠵᠢᠯᠭᠡ ᠦᠨᠡᠯᠡᠯᠲᠡ ᠶᠢᠨ ᠪᠣᠯᠵᠠ'),
      from: 'register',
      days: 5,
      unit: 'working',
      basis: t(
        '《社区矫正法实施办法》第十四条：适用速裁程序的，五个工作日内完成（条文未经官方文本核对，天数可按部署配置）。',
        'Implementing Measures of the Community Correction Law art. 14: 5 working days for fast-track cases (wording not verified against the official text; the days are configurable per deployment).',
        'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠵᠠᠰᠠᠯ ᠤᠨ ᠬᠠᠤᠯᠢ ᠢ ᠬᠡᠷᠡᠭᠵᠢᠭᠦᠯᠬᠦ ᠠᠷᠭ᠎ᠠ᠂ 14 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ᠄ ᠬᠤᠷᠳᠤᠨ ᠰᠢᠭᠦᠬᠦ ᠬᠡᠷᠡᠭ ᠢ 5 ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ ᠲᠦ ᠳᠠᠭᠤᠰᠭᠠᠨ᠎ᠠ (ᠵᠦᠢᠯ ᠦᠨ ᠦᠭᠡ ᠶᠢ ᠠᠯᠪᠠᠨ ᠤ ᠡᠬᠡ ᠪᠢᠴᠢᠭ ᠲᠡᠢ ᠲᠤᠯᠭᠠᠭᠠᠨ ᠦᠭᠡᠢ᠂ ᠡᠳᠦᠷ ᠦᠨ ᠲᠣᠭᠠ ᠶᠢ ᠲᠣᠬᠢᠷᠭᠠᠨ᠎ᠠ)᠃',
      ),
      metBy: ['issue-opinion'],
      warnBefore: 1,
      when: { field: 'fastTrack', in: [true] },
    },
  ],
});

const grounds = { grounds: long(t('事实和依据', 'Facts and grounds', 'ᠪᠣᠳᠠᠲᠤ ᠪᠠᠶᠢᠳᠠᠯ ᠪᠣᠯᠤᠨ ᠦᠨᠳᠤᠰᠤᠯᠡᠯ')) };

export const correctionCaseType = defineCaseType({
  code: correctionCaseTypeCode,
  title: t('社区矫正对象档案', 'Community correction file', 'ᠵᠠᠰᠠᠯ ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ ᠦ ᠳᠠᠩᠰᠠ'),
  description: t(
    '受县级社区矫正机构委托，对社区矫正对象进行接收、报到、宣告、监督管理、教育帮扶、奖惩和解除矫正，一人一档。',
    'On commission of the county correction institution: intake, report-in, announcement, supervision, education and help, rewards and sanctions, and release; one file per person.',
    'ᠰᠢᠶᠠᠨ ᠦ ᠵᠠᠰᠠᠯ ᠤᠨ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠶᠢᠨ ᠳᠠᠭᠠᠯᠭᠠᠯ ᠢᠶᠠᠷ᠂ ᠵᠠᠰᠠᠯ ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ ᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ᠂ ᠢᠷᠡᠵᠦ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ᠂ ᠵᠠᠷᠯᠠᠬᠤ᠂ ᠬᠢᠨᠠᠨ ᠬᠠᠮᠢᠶᠠᠷᠬᠤ᠂ ᠰᠤᠷᠭᠠᠨ ᠲᠤᠰᠠᠯᠠᠬᠤ᠂ ᠱᠠᠩᠨᠠᠯ ᠰᠢᠭᠲᠭᠡᠭᠡᠯ ᠪᠣᠯᠤᠨ ᠵᠠᠰᠠᠯ ᠠᠴᠠ ᠴᠢᠯᠦᠭᠡᠯᠡᠬᠦ᠂ ᠨᠢᠭᠡ ᠬᠦᠮᠦᠨ ᠳᠦ ᠨᠢᠭᠡ ᠳᠠᠩᠰᠠ᠃',
  ),
  numberMark: '矫',
  readPermission: correctionPermissions.read,
  privacy,
  fields: {
    person: {
      kind: 'parties',
      title: t('社区矫正对象', 'Person under correction', 'ᠵᠠᠰᠠᠯ ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ'),
      roles: [{ value: 'subject', title: t('社区矫正对象', 'Person under correction', 'ᠵᠠᠰᠠᠯ ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ') }],
      minItems: 1,
      maxItems: 1,
    },
    sex: { kind: 'choice', title: t('性别', 'Sex', 'ᠬᠦᠢᠰᠦ'), options: [...sexes] },
    birthDate: date(t('出生日期', 'Date of birth', 'ᠲᠥᠷᠦᠭᠰᠡᠨ ᠡᠳᠦᠷ')),
    juvenile: { ...juvenileField(t('未成年社区矫正对象单独管理，档案保密，只有负责的工作人员可见（第五十二条至第五十八条）。', 'Juveniles are managed separately and their files kept confidential: only the responsible staff see them (arts. 52–58).', 'ᠨᠠᠰᠤᠨ ᠳᠦ ᠬᠦᠷᠦᠭᠡ ᠦᠭᠡᠢ ᠵᠠᠰᠠᠯ ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ ᠢ ᠲᠤᠰᠠᠳ ᠢᠶᠠᠨ ᠵᠠᠬᠢᠷᠠᠨ᠎ᠠ᠂ ᠳᠠᠩᠰᠠ ᠨᠢᠭᠤᠴᠠ᠂ ᠵᠥᠪᠬᠡᠨ ᠬᠠᠷᠢᠶᠤᠴᠠᠭᠴᠢ ᠠᠵᠢᠯᠲᠠᠨ ᠦᠵᠡ ᠴᠢᠳᠠᠨ᠎ᠠ (52–58 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ)᠃')) },
    kind: { kind: 'choice', title: t('矫正类别', 'Kind', 'ᠵᠠᠰᠠᠯ ᠤᠨ ᠲᠥᠷᠥᠯ'), options: [...correctionKinds] },
    court: text(t('判决（决定）机关', 'Court or deciding body', 'ᠰᠢᠭᠦᠨ ᠲᠠᠰᠤᠯᠭᠠᠭᠰᠠᠨ (ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠭᠰᠡᠨ) ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ'), { maxLength: 100 }),
    judgmentNumber: text(t('判决书（决定书）文号', 'Judgment (decision) number', 'ᠰᠢᠭᠦᠨ ᠲᠠᠰᠤᠯᠭᠠᠯ ᠤᠨ (ᠰᠢᠢᠳᠪᠦᠷᠢ ᠶᠢᠨ) ᠪᠢᠴᠢᠭ ᠦᠨ ᠳᠤᠭᠠᠠᠷ'), { required: false, maxLength: 100 }),
    judgmentEffectiveOn: date(t('判决（裁定、决定）生效日期', 'Judgment took effect on', 'ᠰᠢᠭᠦᠨ ᠲᠠᠰᠤᠯᠭᠠᠯ (ᠰᠢᠢᠳᠪᠦᠷᠢ) ᠬᠦᠴᠦᠨ ᠲᠡᠢ ᠪᠣᠯᠤᠭᠰᠠᠨ ᠡᠳᠦᠷ')),
    offence: text(t('罪名', 'Offence', 'ᠭᠡᠮᠡᠰᠢᠯ'), { maxLength: 200 }),
    termStart: date(t('矫正期起', 'Term starts', 'ᠵᠠᠰᠠᠯ ᠡᠬᠢᠯᠡᠬᠦ ᠡᠳᠦᠷ')),
    termEnd: date(t('矫正期止', 'Term ends', 'ᠵᠠᠰᠠᠯ ᠳᠤᠤᠰᠬᠤ ᠡᠳᠦᠷ')),
    risk: { kind: 'choice', title: t('风险等级', 'Risk level', 'ᠠᠶᠤᠯ ᠤᠨ ᠵᠡᠷᠭᠡ'), required: false, options: [...riskLevels] },
    class: { kind: 'choice', title: t('管理类别', 'Management class', 'ᠮᠠᠨ᠋ᠠᠭᠠᠯᠠᠯᠲᠠ ᠵᠢᠨ ᠳᠡᠰ'), required: false, options: [...managementClasses] },
    stage: { kind: 'choice', title: t('矫正阶段', 'Stage', 'ᠦᠶ᠎ᠡ ᠱᠠᠲᠤ'), options: [...correctionStages] },
    searchCase: text(t('寻查案件', 'Search case', 'ᠡᠷᠢᠬᠦ ᠬᠡᠷᠡᠭ'), { required: false, maxLength: 60 }),
  },
  listFields: ['kind', 'class', 'stage', 'termEnd'],
  states: [
    { code: 'received', title: t('已接收（入矫中）', 'Received (intake)', 'ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ (ᠡᠬᠢᠯᠡᠯ)') },
    { code: 'under-correction', title: t('在矫', 'Under correction', 'ᠵᠠᠰᠠᠯ ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ') },
    { code: 'lost-contact', title: t('失去联系（寻查中）', 'Lost contact (searching)', 'ᠬᠠᠷᠢᠯᠴᠠᠭ᠎ᠠ ᠲᠠᠰᠤᠷᠠᠭᠰᠠᠨ (ᠡᠷᠢᠵᠦ ᠪᠠᠶᠢᠭ᠎ᠠ)') },
    { code: 'released', title: t('已解除矫正', 'Released', 'ᠵᠠᠰᠠᠯ ᠠᠴᠠ ᠴᠢᠯᠦᠭᠡᠯᠡᠭᠰᠡᠨ'), closed: true },
    { code: 'ended', title: t('矫正终止', 'Correction ended', 'ᠵᠠᠰᠠᠯ ᠵᠣᠭᠰᠣᠭᠰᠠᠨ'), closed: true },
  ],
  transitions: [
    {
      code: 'receive',
      title: t('接收法律文书', 'Receive the judgment or decision', 'ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠪᠢᠴᠢᠭ ᠢ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ'),
      from: [],
      to: 'received',
      permission: supervise,
      note: t('登记判决（决定）生效日期、矫正类别和矫正期限。', 'Record when the judgment took effect, the kind and the term.', 'ᠰᠢᠭᠦᠨ ᠲᠠᠰᠤᠯᠭᠠᠯ (ᠰᠢᠢᠳᠪᠦᠷᠢ) ᠬᠦᠴᠦᠨ ᠲᠡᠢ ᠪᠣᠯᠤᠭᠰᠠᠨ ᠡᠳᠦᠷ᠂ ᠵᠠᠰᠠᠯ ᠤᠨ ᠲᠥᠷᠥᠯ ᠪᠣᠯᠤᠨ ᠵᠠᠰᠠᠯ ᠤᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠶᠢ ᠪᠦᠷᠲᠭᠡᠨ᠎ᠡ᠃'),
    },
    {
      code: 'report-in',
      title: t('报到', 'Report in', 'ᠢᠷᠡᠵᠦ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ'),
      from: ['received'],
      to: 'received',
      permission: supervise,
      fields: { reportNotes: text(t('报到情况', 'Notes', 'ᠢᠷᠡᠵᠦ ᠮᠡᠳᠡᠭᠦᠯᠡᠭᠰᠡᠨ ᠪᠠᠶᠢᠳᠠᠯ'), { required: false, multiline: true, maxLength: 2000, personal: 'sensitive' }) },
      note: t('步骤日期为报到日期。社区矫正对象应自判决、裁定或者决定生效之日起十日内报到（第二十一条）。', 'The step’s day is the day the person reported. The person must report within 10 days of the judgment taking effect (art. 21).', 'ᠠᠯᠬᠤᠮ ᠤᠨ ᠡᠳᠦᠷ ᠨᠢ ᠢᠷᠡᠵᠦ ᠮᠡᠳᠡᠭᠦᠯᠡᠭᠰᠡᠨ ᠡᠳᠦᠷ ᠪᠣᠯᠤᠨ᠎ᠠ᠃ ᠵᠠᠰᠠᠯ ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ ᠰᠢᠭᠦᠨ ᠲᠠᠰᠤᠯᠭᠠᠯ ᠪᠤᠶᠤ ᠰᠢᠢᠳᠪᠦᠷᠢ ᠬᠦᠴᠦᠨ ᠲᠡᠢ ᠪᠣᠯᠤᠭᠰᠠᠨ ᠡᠳᠦᠷ ᠡᠴᠡ ᠡᠬᠢᠯᠡᠨ 10 ᠡᠳᠦᠷ ᠲᠦ ᠢᠷᠡᠵᠦ ᠮᠡᠳᠡᠭᠦᠯᠦᠭᠰᠡᠨ ᠪᠠᠢᠬᠤ ᠶᠣᠰᠤᠲᠠᠢ (21 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ)᠃'),
    },
    {
      code: 'register-file',
      title: t('登记建档', 'Register and open the file', 'ᠪᠦᠷᠲᠭᠡᠵᠦ ᠳᠠᠩᠰᠠ ᠨᠡᠡᠬᠦ'),
      from: ['received'],
      to: 'received',
      permission: supervise,
      fields: { fileContents: long(t('档案材料', 'Materials filed', 'ᠳᠠᠩᠰᠠ ᠶᠢᠨ ᠮᠠᠲᠡᠷᠢᠶᠠᠯ'), true, t('法律文书、报到登记表、照片、指纹等。', 'Legal documents, the report-in form, photo, fingerprints…', 'ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠪᠢᠴᠢᠭ᠂ ᠢᠷᠡᠵᠦ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ ᠪᠦᠷᠲᠭᠡᠯ ᠦᠨ ᠬᠠᠭᠤᠳᠠᠰᠤ᠂ ᠵᠢᠷᠤᠭ᠂ ᠬᠤᠷᠤᠭᠤᠨ ᠤ ᠮᠥᠷ ᠵᠡᠷᠭᠡ᠃')) },
    },
    {
      code: 'form-team',
      title: t('确定矫正小组', 'Set up the correction team', 'ᠵᠠᠰᠠᠯ ᠤᠨ ᠳᠤᠭᠤᠢᠯᠠᠩ ᠢ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ'),
      from: ['received'],
      to: 'received',
      permission: supervise,
      fields: teamFields(),
      note: t('社区矫正对象为女性的，矫正小组中应有女性成员（第二十五条）。', 'A female person’s team must include a woman (art. 25).', 'ᠵᠠᠰᠠᠯ ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ ᠡᠮᠡ ᠪᠣᠯ᠂ ᠵᠠᠰᠠᠯ ᠤᠨ ᠳᠤᠭᠤᠢᠯᠠᠩ ᠳᠤ ᠡᠮᠡ ᠭᠢᠰᠢᠭᠦᠨ ᠪᠠᠢᠬᠤ ᠶᠣᠰᠤᠲᠠᠢ (25 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ)᠃'),
    },
    {
      code: 'announce',
      title: t('入矫宣告', 'Announcement', 'ᠵᠠᠰᠠᠯ ᠤᠨ ᠡᠬᠢᠨ ᠦ ᠵᠠᠷᠯᠠᠯ'),
      from: ['received'],
      to: 'under-correction',
      permission: supervise,
      fields: { announcement: long(t('宣告情况', 'How it was announced', 'ᠵᠠᠷᠯᠠᠭᠰᠠᠨ ᠪᠠᠶᠢᠳᠠᠯ'), true, t('宣告判决内容、矫正期限、应遵守的规定、矫正小组人员等（第二十二条）。', 'The judgment, the term, the rules to observe, the team (art. 22).', 'ᠰᠢᠭᠦᠨ ᠲᠠᠰᠤᠯᠭᠠᠯ ᠤᠨ ᠠᠭᠤᠯᠭ᠎ᠠ᠂ ᠵᠠᠰᠠᠯ ᠤᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ᠂ ᠳᠠᠭᠠᠬᠤ ᠶᠣᠰᠤᠲᠠᠢ ᠳᠦᠷᠢᠮ᠂ ᠵᠠᠰᠠᠯ ᠤᠨ ᠳᠤᠭᠤᠢᠯᠠᠩ ᠤᠨ ᠭᠢᠰᠢᠭᠦᠳ ᠵᠡᠷᠭᠡ ᠶᠢ ᠵᠠᠷᠯᠠᠨ᠎ᠠ (22 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ)᠃')) },
    },
    {
      code: 'set-class',
      title: t('确定管理类别和阶段', 'Set the class and stage', 'ᠮᠠᠨ᠋ᠠᠭᠠᠯᠠᠯᠲᠠ ᠵᠢᠨ ᠳᠡᠰ ᠪᠣᠯᠤᠨ ᠦᠶ᠎ᠡ ᠱᠠᠲᠤ ᠶᠢ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ'),
      from: ['received'],
      to: 'received',
      permission: supervise,
      sets: ['risk', 'class', 'stage'],
      requires: ['class', 'stage'],
      note: t('严管、普管、宽管的标准为本地做法；“建议类别”（correction.classSuggestion）按配置的规则给出。', 'The strict/normal/lenient rules are local practice; the suggestion (correction.classSuggestion) follows the configured rules.', 'ᠴᠢᠩ᠂ ᠡᠩ ᠦᠨ᠂ ᠠᠭᠤᠤ ᠳᠡᠰ ᠦᠨ ᠬᠡᠮᠵᠦᠭᠦᠷ ᠨᠢ ᠣᠷᠤᠨ ᠨᠤᠲᠤᠭ ᠤᠨ ᠵᠠᠨᠭ ᠠᠶᠠᠯᠢ᠂ “ᠰᠠᠨᠠᠯ ᠪᠣᠯᠭᠠᠬᠤ ᠳᠡᠰ” (correction.classSuggestion) ᠲᠣᠬᠢᠷᠭᠠᠭᠰᠠᠨ ᠳᠦᠷᠢᠮ ᠦᠨ ᠳᠠᠭᠤᠤ ᠭᠠᠷᠤᠨ᠎ᠠ᠃'),
    },
    {
      code: 'change-class',
      title: t('调整管理类别', 'Change the class', 'ᠮᠠᠨ᠋ᠠᠭᠠᠯᠠᠯᠲᠠ ᠵᠢᠨ ᠳᠡᠰ ᠢ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ'),
      from: ['under-correction'],
      to: 'under-correction',
      permission: supervise,
      sets: ['class'],
      requires: ['class'],
      fields: { reason: long(t('调整理由', 'Reason', 'ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ ᠰᠢᠯᠲᠠᠭᠠᠨ')) },
    },
    {
      code: 'change-team',
      title: t('调整矫正小组', 'Change the correction team', 'ᠵᠠᠰᠠᠯ ᠤᠨ ᠳᠤᠭᠤᠢᠯᠠᠩ ᠢ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ'),
      from: ['under-correction'],
      to: 'under-correction',
      permission: supervise,
      fields: teamFields(),
      note: t('社区矫正对象为女性的，矫正小组中应有女性成员（第二十五条）。', 'A female person’s team must include a woman (art. 25).', 'ᠵᠠᠰᠠᠯ ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ ᠡᠮᠡ ᠪᠣᠯ᠂ ᠵᠠᠰᠠᠯ ᠤᠨ ᠳᠤᠭᠤᠢᠯᠠᠩ ᠳᠤ ᠡᠮᠡ ᠭᠢᠰᠢᠭᠦᠨ ᠪᠠᠢᠬᠤ ᠶᠣᠰᠤᠲᠠᠢ (25 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ)᠃'),
    },
    {
      code: 'change-stage',
      title: t('调整矫正阶段', 'Change the stage', 'ᠦᠶ᠎ᠡ ᠱᠠᠲᠤ ᠶᠢ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠬᠦ'),
      from: ['under-correction'],
      to: 'under-correction',
      permission: supervise,
      sets: ['stage'],
      requires: ['stage'],
    },
    {
      code: 'report',
      title: t('报到、报告', 'Report-in or report', 'ᠢᠷᠡᠵᠦ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ ᠪᠤᠶᠤ ᠮᠡᠳᠡᠭᠦᠯᠡᠯ'),
      from: ['under-correction'],
      to: 'under-correction',
      permission: supervise,
      fields: { reportKind: { kind: 'choice', title: t('方式', 'How', 'ᠠᠷᠭ᠎ᠠ'), options: [...reportKinds] }, summary: privateText(t('报告内容摘要', 'Summary', 'ᠮᠡᠳᠡᠭᠦᠯᠡᠯ ᠦᠨ ᠲᠣᠪᠴᠢ')) },
      note: t('社区矫正对象提交的是“报告”（2020年起不再称“思想汇报”）。', 'Persons under correction submit reports (报告; 思想汇报 is the pre-2020 term).', 'ᠵᠠᠰᠠᠯ ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ ᠦ ᠥᠭᠬᠦ ᠨᠢ “ᠮᠡᠳᠡᠭᠦᠯᠡᠯ” (2020 ᠣᠨ ᠠᠴᠠ ᠡᠬᠢᠯᠡᠨ “ᠰᠡᠳᠬᠢᠯ ᠰᠠᠨᠠᠭ᠎ᠠ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠦᠯᠡᠯ” ᠭᠡᠵᠦ ᠨᠡᠷᠡᠢᠳᠬᠦ ᠪᠡᠨ ᠪᠣᠯᠢᠪᠠᠢ)᠃'),
    },
    {
      code: 'home-visit',
      title: t('实地查访', 'Home visit', 'ᠭᠠᠵᠠᠷ ᠳᠡᠭᠡᠷ᠎ᠡ ᠨᠢ ᠡᠷᠢᠵᠦ ᠰᠢᠨᠵᠢᠯᠡᠬᠦ'),
      from: ['under-correction'],
      to: 'under-correction',
      permission: supervise,
      fields: { place: text(t('查访地点', 'Where', 'ᠡᠷᠢᠵᠦ ᠰᠢᠨᠵᠢᠯᠡᠭᠰᠡᠨ ᠭᠠᠵᠠᠷ'), { maxLength: 200, personal: 'address' }), findings: privateText(t('查访情况', 'Findings', 'ᠡᠷᠢᠵᠦ ᠰᠢᠨᠵᠢᠯᠡᠭᠰᠡᠨ ᠪᠠᠶᠢᠳᠠᠯ')) },
      note: t('依法保护社区矫正对象的身份信息和个人隐私（第二十六条）。', 'Protect the person’s identity and privacy (art. 26).', 'ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠳᠠᠭᠤᠤ ᠵᠠᠰᠠᠯ ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ ᠦ ᠪᠢᠶ᠎ᠡ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠡ ᠪᠣᠯᠤᠨ ᠬᠤᠪᠢ ᠶᠢᠨ ᠨᠢᠭᠤᠴᠠ ᠶᠢ ᠬᠠᠮᠠᠭᠠᠯᠠᠨ᠎ᠠ (26 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ)᠃'),
    },
    {
      code: 'education',
      title: t('个别教育', 'Individual education', 'ᠭᠠᠭᠴᠠ ᠵᠢᠨ ᠰᠤᠷᠭᠠᠯ'),
      from: ['under-correction'],
      to: 'under-correction',
      permission: supervise,
      fields: { topic: text(t('主题', 'Topic', 'ᠰᠡᠳᠦᠪ'), { maxLength: 200 }), content: privateText(t('教育内容', 'What was discussed', 'ᠰᠤᠷᠭᠠᠯ ᠤᠨ ᠠᠭᠤᠯᠭ᠎ᠠ'), true, t('含心理状况的，只写在此处（敏感个人信息）。', 'Psychological observations go here only (sensitive personal information).', 'ᠰᠡᠳᠬᠢᠯ ᠪᠠᠶᠢᠳᠠᠯ ᠢ ᠵᠥᠪᠬᠡᠨ ᠡᠨᠳᠡ ᠪᠢᠴᠢᠨ᠎ᠡ (ᠮᠡᠳᠷᠡᠮᠲᠡᠭᠡᠢ ᠬᠤᠪᠢ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠡ)᠃')) },
    },
    {
      code: 'hours',
      title: t('教育学习、公益活动', 'Study or public-interest activity', 'ᠰᠤᠷᠭᠠᠯ ᠰᠤᠳᠤᠯᠤᠯ ᠪᠤᠶᠤ ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠦᠢᠯᠡ'),
      from: ['under-correction'],
      to: 'under-correction',
      permission: supervise,
      fields: {
        activity: { kind: 'choice', title: t('类别', 'Kind', 'ᠲᠥᠷᠥᠯ'), options: [...hoursKinds] },
        hours: { kind: 'number', title: t('时长', 'Hours', 'ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ'), min: 0.5, max: 24, integer: false, unit: t('小时', 'hours', 'ᠴᠠᠭ') },
        content: long(t('内容', 'What was done', 'ᠠᠭᠤᠯᠭ᠎ᠠ')),
      },
    },
    {
      code: 'leave-office',
      title: t('外出审批（司法所）', 'Leave approved by the office', 'ᠭᠠᠳᠠᠭᠰᠢ ᠭᠠᠷᠬᠤ ᠶᠢ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ (ᠲᠠᠰᠤᠭ)'),
      from: ['under-correction'],
      to: 'under-correction',
      permission: supervise,
      roles: ['office_staff'],
      fields: leaveFields(),
      note: t('外出审批的层级按外出天数确定（本地做法，可配置）。', 'Who approves depends on how long the leave is (local practice, configurable).', 'ᠬᠡᠨ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ ᠨᠢ ᠭᠠᠳᠠᠭᠰᠢ ᠭᠠᠷᠬᠤ ᠡᠳᠦᠷ ᠦᠨ ᠲᠣᠭᠠ ᠪᠠᠷ ᠲᠣᠭᠲᠠᠨ᠎ᠠ (ᠣᠷᠤᠨ ᠨᠤᠲᠤᠭ ᠤᠨ ᠵᠠᠨᠭ ᠠᠶᠠᠯᠢ᠂ ᠲᠣᠬᠢᠷᠭᠠᠨ᠎ᠠ)᠃'),
    },
    {
      code: 'leave-county',
      title: t('外出审批（县级社区矫正机构）', 'Leave approved by the county institution', 'ᠭᠠᠳᠠᠭᠰᠢ ᠭᠠᠷᠬᠤ ᠶᠢ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ (ᠰᠢᠶᠠᠨ ᠦ ᠵᠠᠰᠠᠯ ᠤᠨ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ)'),
      from: ['under-correction'],
      to: 'under-correction',
      permission: decide,
      roles: county,
      fields: leaveFields(),
    },
    {
      code: 'commend',
      title: t('表扬', 'Commendation', 'ᠰᠠᠶᠢᠰᠢᠶᠠᠯ'),
      from: ['under-correction'],
      to: 'under-correction',
      permission: decide,
      roles: county,
      fields: grounds,
      document: 'correction.commendation',
    },
    {
      code: 'reprimand',
      title: t('训诫', 'Reprimand', 'ᠵᠡᠮᠯᠡᠯ'),
      from: ['under-correction'],
      to: 'under-correction',
      permission: decide,
      roles: county,
      fields: grounds,
      document: 'correction.reprimand',
      note: t('第二十八条：违反监督管理规定的，视情节给予训诫、警告。', 'Art. 28: breaches of the supervision rules are met with a reprimand or a warning by their gravity.', '28 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ᠄ ᠬᠢᠨᠠᠨ ᠬᠠᠮᠢᠶᠠᠷᠬᠤ ᠳᠦᠷᠢᠮ ᠢ ᠵᠥᠷᠴᠢᠬᠤ ᠪᠣᠯ᠂ ᠪᠠᠶᠢᠳᠠᠯ ᠤᠨ ᠬᠦᠨᠳᠦ ᠬᠥᠨᠭᠭᠡᠨ ᠦ ᠳᠠᠭᠤᠤ ᠵᠡᠮᠯᠡᠯ ᠪᠤᠶᠤ ᠰᠠᠨᠠᠭᠤᠯᠭ᠎ᠠ ᠥᠭᠬᠦ᠃'),
    },
    {
      code: 'warning',
      title: t('警告', 'Warning', 'ᠰᠠᠨᠠᠭᠤᠯᠭ᠎ᠠ'),
      from: ['under-correction'],
      to: 'under-correction',
      permission: decide,
      roles: county,
      fields: grounds,
      document: 'correction.warning',
    },
    {
      code: 'propose-penalty',
      title: t('提请治安管理处罚', 'Propose a public-security penalty', 'ᠣᠯᠠᠨ ᠠᠮᠤᠭᠤᠯᠠᠩ ᠤᠨ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠰᠢᠭᠲᠭᠡᠭᠡᠯ ᠥᠭᠬᠦ ᠰᠠᠨᠠᠯ ᠭᠠᠷᠭᠠᠬᠤ'),
      from: ['under-correction'],
      to: 'under-correction',
      permission: decide,
      roles: county,
      fields: { ...grounds, recipient: text(t('提请的公安机关', 'Public security organ', 'ᠰᠠᠨᠠᠯ ᠭᠠᠷᠭᠠᠬᠤ ᠣᠯᠠᠨ ᠠᠮᠤᠭᠤᠯᠠᠩ ᠤᠨ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ'), { maxLength: 100 }) },
      document: 'correction.penalty-proposal',
    },
    {
      code: 'propose-revocation',
      title: t('提请撤销缓刑、撤销假释或收监执行', 'Propose revocation or committal to prison', 'ᠲᠦᠳᠬᠡᠯᠵᠡ ᠪᠤᠶᠤ ᠪᠠᠷᠢᠯᠲᠠ ᠭᠦᠢ ᠰᠤᠯᠠᠯᠠᠬᠤ ᠶᠢ ᠬᠦᠴᠦᠨ ᠦᠭᠡᠢ ᠪᠣᠯᠭᠠᠬᠤ᠂ ᠡᠰᠡᠬᠦᠯᠡ ᠬᠣᠷᠢᠬᠠᠨ ᠳᠤ ᠬᠦᠷᠭᠡᠬᠦ ᠰᠠᠨᠠᠯ ᠭᠠᠷᠭᠠᠬᠤ'),
      from: ['under-correction'],
      to: 'under-correction',
      permission: decide,
      roles: county,
      fields: { ...grounds, recipient: text(t('提请的人民法院（决定机关）', 'Court or deciding body', 'ᠰᠠᠨᠠᠯ ᠭᠠᠷᠭᠠᠬᠤ ᠠᠷᠠᠳ ᠤᠨ ᠰᠢᠭᠦᠨ ᠲᠠᠰᠤᠯᠬᠤ ᠶᠠᠮᠤ (ᠰᠢᠢᠳᠪᠦᠷᠢᠯᠡᠬᠦ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ)'), { maxLength: 100 }) },
      document: 'correction.revocation-proposal',
      note: t('管制没有撤销程序；缓刑提请撤销缓刑，假释提请撤销假释，暂予监外执行提请收监执行。', 'Public surveillance cannot be revoked; probation and parole are revoked, temporary service outside prison ends in committal.', 'ᠬᠢᠨᠠᠯᠲᠠ ᠳᠤ ᠬᠦᠴᠦᠨ ᠦᠭᠡᠢ ᠪᠣᠯᠭᠠᠬᠤ ᠵᠠᠷᠢᠪᠤᠷ ᠦᠭᠡᠢ᠂ ᠲᠦᠳᠬᠡᠯᠵᠡ ᠪᠣᠯᠤᠨ ᠪᠠᠷᠢᠯᠲᠠ ᠭᠦᠢ ᠰᠤᠯᠠᠯᠠᠬᠤ ᠶᠢ ᠬᠦᠴᠦᠨ ᠦᠭᠡᠢ ᠪᠣᠯᠭᠠᠬᠤ᠂ ᠭᠠᠳᠠᠨ᠎ᠠ ᠬᠦᠢᠴᠡᠳᠬᠡᠬᠦ ᠶᠢ ᠬᠣᠷᠢᠬᠠᠨ ᠳᠤ ᠬᠦᠷᠭᠡᠬᠦ ᠰᠠᠨᠠᠯ ᠭᠠᠷᠭᠠᠨ᠎ᠠ᠃'),
    },
    {
      code: 'reoffence',
      title: t('发现再犯罪', 'New offence found', 'ᠳᠠᠬᠢᠨ ᠭᠡᠮᠡᠰᠢᠯ ᠢᠯᠡᠷᠡᠪᠡ'),
      from: ['under-correction'],
      to: 'under-correction',
      permission: supervise,
      fields: {
        reoffenceNotes: long(t('再犯罪情况', 'What is known of the new offence', 'ᠳᠠᠬᠢᠨ ᠭᠡᠮᠡᠰᠢᠯ ᠦᠨ ᠪᠠᠶᠢᠳᠠᠯ')),
        handlingOrgan: text(t('办案机关', 'Body handling the offence', 'ᠬᠡᠷᠡᠭ ᠰᠢᠳᠭᠡᠬᠦ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ'), { maxLength: 100 }),
      },
      note: t('步骤日期为发现（被立案侦查、采取强制措施）的日期；再犯罪率按此步骤统计。随后依法提请撤销或收监执行。', 'The step’s day is the day it became known (investigation opened, coercive measure taken); the reoffence rate counts this step. A proposal of revocation or committal follows.', 'ᠠᠯᠬᠤᠮ ᠤᠨ ᠡᠳᠦᠷ ᠨᠢ ᠢᠯᠡᠷᠡᠭᠰᠡᠨ (ᠬᠡᠷᠡᠭ ᠡᠭᠦᠰᠭᠡᠵᠦ ᠮᠥᠷᠳᠡᠭᠰᠡᠨ᠂ ᠠᠯᠪᠠᠳᠬᠤ ᠠᠷᠭ᠎ᠠ ᠬᠡᠮᠵᠢᠶ᠎ᠡ ᠠᠪᠤᠭᠰᠠᠨ) ᠡᠳᠦᠷ ᠪᠣᠯᠤᠨ᠎ᠠ᠂ ᠳᠠᠬᠢᠨ ᠭᠡᠮᠡᠰᠢᠯ ᠦᠨ ᠬᠤᠪᠢ ᠶᠢ ᠡᠨᠡ ᠠᠯᠬᠤᠮ ᠢᠶᠠᠷ ᠲᠣᠣᠴᠠᠨ᠎ᠠ᠃ ᠳᠠᠷᠠᠭᠠ ᠨᠢ ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠳᠠᠭᠤᠤ ᠬᠦᠴᠦᠨ ᠦᠭᠡᠢ ᠪᠣᠯᠭᠠᠬᠤ ᠪᠤᠶᠤ ᠬᠣᠷᠢᠬᠠᠨ ᠳᠤ ᠬᠦᠷᠭᠡᠬᠦ ᠰᠠᠨᠠᠯ ᠭᠠᠷᠭᠠᠨ᠎ᠠ᠃'),
    },
    {
      code: 'e-monitoring',
      title: t('电子定位装置监督管理', 'Electronic location monitoring', 'ᠴᠠᠬᠢᠯᠭᠠᠨ ᠪᠠᠢᠷᠢ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ ᠲᠥᠬᠥᠭᠡᠷᠡᠮᠵᠢ ᠪᠡᠷ ᠬᠢᠨᠠᠨ ᠬᠠᠮᠢᠶᠠᠷᠬᠤ'),
      from: ['under-correction'],
      to: 'under-correction',
      permission: decide,
      roles: county,
      fields: {
        monitorFrom: date(t('使用期间起', 'From', 'ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠡᠬᠢᠯᠡᠬᠦ ᠡᠳᠦᠷ')),
        monitorTo: date(t('使用期间止', 'To', 'ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠳᠤᠤᠰᠬᠤ ᠡᠳᠦᠷ')),
        renewal: { kind: 'boolean', title: t('延长使用期限', 'Renewal', 'ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠶᠢ ᠰᠤᠨᠭᠠᠬᠤ') },
        monitorReason: privateText(t('使用（延长）理由', 'Reason (for a renewal: why it is still needed)', 'ᠬᠡᠷᠡᠭᠯᠡᠬᠦ (ᠰᠤᠨᠭᠠᠬᠤ) ᠰᠢᠯᠲᠠᠭᠠᠨ')),
      },
      note: t('经县级社区矫正机构负责人批准；每次不得超过三个月，确有必要的，经批准可延长，每次不超过三个月；定位信息保密（第二十九条）。', 'Approved by the head of the county institution; at most three months a period, renewable with approval for three months at a time; location data kept confidential (art. 29).', 'ᠰᠢᠶᠠᠨ ᠦ ᠵᠠᠰᠠᠯ ᠤᠨ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠶᠢᠨ ᠳᠠᠷᠤᠭᠠ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠨ᠎ᠡ᠂ ᠨᠢᠭᠡ ᠤᠳᠠᠭ᠎ᠠ ᠳᠤ 3 ᠰᠠᠷ᠎ᠠ ᠠᠴᠠ ᠢᠯᠡᠭᠦᠦ ᠦᠭᠡᠢ᠂ ᠬᠡᠷᠡᠪᠡ ᠬᠡᠷᠡᠭ ᠲᠡᠢ ᠪᠣᠯ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠯ ᠢᠶᠡᠷ ᠰᠤᠨᠭᠠᠨ᠎ᠠ᠂ ᠨᠢᠭᠡ ᠤᠳᠠᠭ᠎ᠠ ᠳᠤ 3 ᠰᠠᠷ᠎ᠠ ᠠᠴᠠ ᠢᠯᠡᠭᠦᠦ ᠦᠭᠡᠢ᠂ ᠪᠠᠢᠷᠢ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠡ ᠨᠢᠭᠤᠴᠠ (29 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ)᠃'),
    },
    {
      code: 'medical-review',
      title: t('病情复查', 'Medical review', 'ᠡᠪᠡᠴᠢᠨ ᠢ ᠳᠠᠬᠢᠨ ᠰᠢᠨᠵᠢᠯᠡᠬᠦ'),
      from: ['under-correction'],
      to: 'under-correction',
      permission: supervise,
      fields: {
        hospital: text(t('复查医院', 'Hospital', 'ᠳᠠᠬᠢᠨ ᠰᠢᠨᠵᠢᠯᠡᠭᠰᠡᠨ ᠡᠮᠨᠡᠯᠭᠡ'), { maxLength: 200 }),
        condition: long(t('病情及复查结论', 'Condition and the review’s conclusion', 'ᠡᠪᠡᠴᠢᠨ ᠦ ᠪᠠᠶᠢᠳᠠᠯ ᠪᠣᠯᠤᠨ ᠳᠠᠬᠢᠨ ᠰᠢᠨᠵᠢᠯᠡᠭᠰᠡᠨ ᠳᠦᠭᠨᠡᠯᠲᠡ'), true, undefined, 'health'),
      },
      note: t('暂予监外执行的社区矫正对象应定期提交病情复查情况；健康信息为敏感个人信息，只有本所可见。', 'A person on temporary service outside prison submits medical reviews regularly; health data is sensitive: only the office sees it.', 'ᠭᠠᠳᠠᠨ᠎ᠠ ᠬᠦᠢᠴᠡᠳᠬᠡᠬᠦ ᠵᠠᠰᠠᠯ ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ ᠡᠪᠡᠴᠢᠨ ᠢ ᠳᠠᠬᠢᠨ ᠰᠢᠨᠵᠢᠯᠡᠭᠰᠡᠨ ᠪᠠᠶᠢᠳᠠᠯ ᠢᠶᠠᠨ ᠲᠣᠭᠲᠠᠮᠠᠯ ᠥᠭᠦᠨ᠎ᠡ᠂ ᠡᠷᠡᠭᠦᠯ ᠮᠡᠨᠳᠦ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠡ ᠨᠢ ᠮᠡᠳᠷᠡᠮᠲᠡᠭᠡᠢ ᠬᠤᠪᠢ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠡ᠂ ᠵᠥᠪᠬᠡᠨ ᠲᠤᠰ ᠲᠠᠰᠤᠭ ᠦᠵᠡ ᠴᠢᠳᠠᠨ᠎ᠠ᠃'),
    },
    {
      code: 'lost-contact',
      title: t('失去联系，启动寻查', 'Lost contact: search started', 'ᠬᠠᠷᠢᠯᠴᠠᠭ᠎ᠠ ᠲᠠᠰᠤᠷᠠᠭᠰᠠᠨ᠂ ᠡᠷᠢᠬᠦ ᠶᠢ ᠡᠬᠢᠯᠡᠬᠦ'),
      from: ['under-correction'],
      to: 'lost-contact',
      permission: supervise,
      sets: ['searchCase'],
      requires: ['searchCase'],
      fields: { circumstances: long(t('失联情况', 'Circumstances', 'ᠬᠠᠷᠢᠯᠴᠠᠭ᠎ᠠ ᠲᠠᠰᠤᠷᠠᠭᠰᠠᠨ ᠪᠠᠶᠢᠳᠠᠯ'), true, undefined, 'location'), searchCaseId: text(t('寻查案件标识', 'Search case id', 'ᠡᠷᠢᠬᠦ ᠬᠡᠷᠡᠭ ᠦᠨ ᠲᠡᠮᠳᠡᠭ'), { maxLength: 36 }) },
      // Blocked by the check `search-opened` unless taken through correction.lostContact (server/checks.ts).
      note: t('发现社区矫正对象失去联系的，应当立即组织查找（第三十条）：通过 correction.lostContact 办理，同时开立寻查案件。', 'When contact is lost a search starts at once (art. 30): take this step through correction.lostContact, which opens the search case with it.', 'ᠵᠠᠰᠠᠯ ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ ᠬᠠᠷᠢᠯᠴᠠᠭ᠎ᠠ ᠲᠠᠰᠤᠷᠠᠭᠰᠠᠨ ᠪᠣᠯ ᠳᠠᠷᠤᠢ ᠡᠷᠢᠨ᠎ᠡ (30 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ)᠄ correction.lostContact ᠢᠶᠠᠷ ᠰᠢᠳᠭᠡᠵᠦ᠂ ᠡᠷᠢᠬᠦ ᠬᠡᠷᠡᠭ ᠢ ᠬᠠᠮᠲᠤ ᠨᠡᠡᠨ᠎ᠡ᠃'),
    },
    {
      code: 'resume',
      title: t('查找到案，恢复监管', 'Found: supervision resumed', 'ᠣᠯᠳᠤᠪᠠ᠂ ᠬᠢᠨᠠᠨ ᠬᠠᠮᠢᠶᠠᠷᠬᠤ ᠶᠢ ᠰᠡᠷᠭᠡᠭᠡᠬᠦ'),
      from: ['lost-contact'],
      to: 'under-correction',
      permission: supervise,
      fields: { outcome: long(t('查找结果及处理', 'How the person was found and what follows', 'ᠡᠷᠢᠭᠰᠡᠨ ᠦᠷ᠎ᠡ ᠳᠦᠨ ᠪᠣᠯᠤᠨ ᠰᠢᠳᠭᠡᠪᠦᠷᠢ'), true, undefined, 'location') },
    },
    {
      code: 'release',
      title: t('解除社区矫正', 'Release', 'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠵᠠᠰᠠᠯ ᠠᠴᠠ ᠴᠢᠯᠦᠭᠡᠯᠡᠬᠦ'),
      from: ['under-correction'],
      to: 'released',
      permission: decide,
      roles: county,
      fields: {
        performance: long(t('矫正期间表现', 'Conduct during correction', 'ᠵᠠᠰᠠᠯ ᠤᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠤ ᠬᠢ ᠶᠠᠪᠤᠳᠠᠯ')),
        releaseAnnouncement: long(t('解矫宣告情况', 'How the release was announced', 'ᠵᠠᠰᠠᠯ ᠠᠴᠠ ᠴᠢᠯᠦᠭᠡᠯᠡᠬᠦ ᠶᠢ ᠵᠠᠷᠯᠠᠭᠰᠠᠨ ᠪᠠᠶᠢᠳᠠᠯ'), false),
      },
      document: 'correction.release-certificate',
      note: t('矫正期满或者被赦免的，发给解除社区矫正证明书（第四十四条）。', 'At the end of the term (or on pardon) the release certificate is issued (art. 44).', 'ᠵᠠᠰᠠᠯ ᠤᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠤᠤᠰᠤᠭᠰᠠᠨ ᠪᠤᠶᠤ ᠥᠷᠥᠰᠢᠶᠡᠭᠳᠡᠭᠰᠡᠨ ᠪᠣᠯ᠂ ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠵᠠᠰᠠᠯ ᠠᠴᠠ ᠴᠢᠯᠦᠭᠡᠯᠡᠭᠰᠡᠨ ᠭᠡᠷᠡᠴᠢᠯᠭᠡ ᠣᠯᠭᠣᠨ᠎ᠠ (44 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ)᠃'),
    },
    {
      code: 'end',
      title: t('矫正终止', 'End of correction', 'ᠵᠠᠰᠠᠯ ᠵᠣᠭᠰᠣᠭᠰᠠᠨ'),
      from: ['under-correction', 'lost-contact'],
      to: 'ended',
      permission: decide,
      roles: county,
      fields: { endReason: { kind: 'choice', title: t('终止原因', 'Why', 'ᠵᠣᠭᠰᠣᠭᠰᠠᠨ ᠰᠢᠯᠲᠠᠭᠠᠨ'), options: [...endReasons] }, endNotes: long(t('说明', 'Notes', 'ᠲᠠᠶᠢᠯᠪᠤᠷᠢ')) },
    },
  ],
});

/** The team (art. 25): the members in words and how many of them are women (what the art. 25 check reads). */
function teamFields() {
  return {
    members: long(t('矫正小组成员', 'Team members', 'ᠵᠠᠰᠠᠯ ᠤᠨ ᠳᠤᠭᠤᠢᠯᠠᠩ ᠤᠨ ᠭᠢᠰᠢᠭᠦᠳ'), true, t('每行一人：姓名、身份（司法所工作人员、村（居）委会人员、家庭成员、志愿者等）。', 'One per line: name and who they are (office staff, village committee, family, volunteer…).', 'ᠮᠥᠷ ᠪᠦᠷᠢ ᠳᠦ ᠨᠢᠭᠡ ᠬᠦᠮᠦᠨ᠄ ᠨᠡᠷ᠎ᠡ᠂ ᠬᠡᠨ ᠪᠣᠯᠬᠤ (ᠲᠠᠰᠤᠭ ᠤᠨ ᠠᠵᠢᠯᠲᠠᠨ᠂ ᠭᠠᠴᠠᠭ᠎ᠠ ᠶᠢᠨ ᠵᠥᠪᠯᠡᠯ ᠦᠨ ᠬᠦᠮᠦᠨ᠂ ᠭᠡᠷ ᠪᠦᠯᠢ ᠶᠢᠨ ᠭᠢᠰᠢᠭᠦᠨ᠂ ᠰᠠᠶᠢᠨ ᠳᠤᠷᠠᠴᠢ ᠵᠡᠷᠭᠡ)᠃')),
    women: { kind: 'number' as const, title: t('其中女性成员人数', 'Women on the team', 'ᠲᠡᠭᠦᠨ ᠦ ᠳᠣᠲᠣᠷᠬᠢ ᠡᠮᠡ ᠭᠢᠰᠢᠭᠦᠳ ᠦᠨ ᠲᠣᠣ'), min: 0, max: 20, unit: t('人', 'people', 'ᠬᠦᠮᠦᠨ') },
  };
}

function leaveFields() {
  return {
    destination: text(t('外出目的地', 'Destination', 'ᠣᠴᠤᠬᠤ ᠭᠠᠵᠠᠷ'), { maxLength: 200, personal: 'location' }),
    leaveFrom: date(t('外出起', 'From', 'ᠭᠠᠳᠠᠭᠰᠢ ᠭᠠᠷᠬᠤ ᠡᠳᠦᠷ')),
    leaveTo: date(t('外出止', 'To', 'ᠪᠤᠴᠠᠵᠤ ᠢᠷᠡᠬᠦ ᠡᠳᠦᠷ')),
    leaveReason: long(t('外出事由', 'Reason', 'ᠭᠠᠳᠠᠭᠰᠢ ᠭᠠᠷᠬᠤ ᠰᠢᠯᠲᠠᠭᠠᠨ')),
  };
}

export const searchCaseType = defineCaseType({
  code: correctionSearchTypeCode,
  title: t('失联寻查', 'Search for a person who lost contact', 'ᠬᠠᠷᠢᠯᠴᠠᠭ᠎ᠠ ᠲᠠᠰᠤᠷᠠᠭᠰᠠᠨ ᠬᠦᠮᠦᠨ ᠢ ᠡᠷᠢᠬᠦ'),
  description: t('社区矫正对象失去联系的，立即组织查找，查找到后依法处理（《社区矫正法》第三十条）。', 'When a person under correction loses contact, a search starts at once; once found, what follows is recorded (art. 30).', 'ᠵᠠᠰᠠᠯ ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ ᠬᠠᠷᠢᠯᠴᠠᠭ᠎ᠠ ᠲᠠᠰᠤᠷᠠᠭᠰᠠᠨ ᠪᠣᠯ ᠳᠠᠷᠤᠢ ᠡᠷᠢᠨ᠎ᠡ᠂ ᠣᠯᠳᠠᠭᠰᠠᠨ ᠤ ᠳᠠᠷᠠᠭᠠ ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠳᠠᠭᠤᠤ ᠰᠢᠳᠭᠡᠨ᠎ᠡ (ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠵᠠᠰᠠᠯ ᠤᠨ ᠬᠠᠤᠯᠢ᠂ 30 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ)᠃'),
  numberMark: '寻',
  readPermission: correctionPermissions.read,
  privacy,
  fields: {
    person: {
      kind: 'parties',
      title: t('社区矫正对象', 'Person under correction', 'ᠵᠠᠰᠠᠯ ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ'),
      roles: [{ value: 'subject', title: t('社区矫正对象', 'Person under correction', 'ᠵᠠᠰᠠᠯ ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ') }],
      minItems: 1,
      maxItems: 1,
    },
    correctionCase: text(t('社区矫正档案', 'Correction file', 'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠵᠠᠰᠠᠯ ᠤᠨ ᠳᠠᠩᠰᠠ'), { maxLength: 60 }),
    correctionCaseId: text(t('社区矫正档案标识', 'Correction file id', 'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠵᠠᠰᠠᠯ ᠤᠨ ᠳᠠᠩᠰᠠ ᠶᠢᠨ ᠲᠡᠮᠳᠡᠭ'), { maxLength: 36 }),
    juvenile: juvenileField(t('与社区矫正档案一致：未成年人的寻查案件同样保密。', 'As on the correction file: a juvenile’s search is sealed too.', 'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠵᠠᠰᠠᠯ ᠤᠨ ᠳᠠᠩᠰᠠ ᠲᠠᠢ ᠠᠳᠠᠯᠢ᠄ ᠨᠠᠰᠤᠨ ᠳᠦ ᠬᠦᠷᠦᠭᠡ ᠦᠭᠡᠢ ᠬᠦᠮᠦᠨ ᠦ ᠡᠷᠢᠬᠦ ᠬᠡᠷᠡᠭ ᠮᠥᠨ ᠨᠢᠭᠤᠴᠠ᠃')),
    circumstances: long(t('失联情况', 'Circumstances', 'ᠬᠠᠷᠢᠯᠴᠠᠭ᠎ᠠ ᠲᠠᠰᠤᠷᠠᠭᠰᠠᠨ ᠪᠠᠶᠢᠳᠠᠯ'), true, undefined, 'location'),
  },
  listFields: ['correctionCase'],
  states: [
    { code: 'searching', title: t('寻查中', 'Searching', 'ᠡᠷᠢᠵᠦ ᠪᠠᠶᠢᠭ᠎ᠠ') },
    { code: 'found', title: t('已查找到', 'Found', 'ᠣᠯᠳᠠᠭᠰᠠᠨ'), closed: true },
  ],
  transitions: [
    { code: 'open-search', title: t('启动寻查', 'Start the search', 'ᠡᠷᠢᠬᠦ ᠶᠢ ᠡᠬᠢᠯᠡᠬᠦ'), from: [], to: 'searching', permission: supervise },
    {
      code: 'search',
      title: t('查找工作', 'Search work', 'ᠡᠷᠢᠬᠦ ᠠᠵᠢᠯ'),
      from: ['searching'],
      to: 'searching',
      permission: supervise,
      fields: { measures: long(t('采取的措施', 'What was done', 'ᠠᠪᠤᠭᠰᠠᠨ ᠠᠷᠭ᠎ᠠ ᠬᠡᠮᠵᠢᠶ᠎ᠡ')), result: long(t('结果', 'Result', 'ᠦᠷ᠎ᠡ ᠳᠦᠨ'), true, undefined, 'location') },
      note: t('联系家属、村（居）委会、工作单位，必要时通报公安机关协助查找。', 'Contact the family, the committee, the employer; ask the police to help where needed.', 'ᠭᠡᠷ ᠪᠦᠯᠢ᠂ ᠭᠠᠴᠠᠭ᠎ᠠ ᠶᠢᠨ ᠵᠥᠪᠯᠡᠯ᠂ ᠠᠵᠢᠯ ᠤᠨ ᠭᠠᠵᠠᠷ ᠲᠠᠢ ᠬᠠᠷᠢᠯᠴᠠᠵᠤ᠂ ᠬᠡᠷᠡᠪᠡ ᠬᠡᠷᠡᠭ ᠲᠡᠢ ᠪᠣᠯ ᠣᠯᠠᠨ ᠠᠮᠤᠭᠤᠯᠠᠩ ᠤᠨ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠳᠤ ᠮᠡᠳᠡᠭᠦᠯᠦᠨ ᠡᠷᠢᠯᠵᠡᠨ ᠲᠤᠰᠠᠯᠠᠭᠤᠯᠤᠨ᠎ᠠ᠃'),
    },
    { code: 'found', title: t('查找到', 'Found', 'ᠣᠯᠳᠤᠪᠠ'), from: ['searching'], to: 'found', permission: supervise, fields: { whereabouts: long(t('查找到的情况', 'Where and how the person was found', 'ᠬᠠᠮᠢᠭᠠ ᠶᠠᠮᠪᠠᠷ ᠣᠯᠳᠠᠭᠰᠠᠨ ᠪᠠᠶᠢᠳᠠᠯ'), true, undefined, 'location') } },
  ],
  deadlines: [],
});
