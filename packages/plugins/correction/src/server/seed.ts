/**
 * DEMO community-correction files (`sifa seed`): three invented persons, 示例对象甲/乙/丙, in one
 * office (default the demo account's 西屯街道司法所), taken through the engine step by step as
 * staff take them, dated back from the seed clock's today (never the wall clock):
 * - 甲 (male, probation): investigation (opinion issued, copied to the procuratorate) → intake
 *   (late report-in with its reason, team, class, announcement) → reports, a home visit, education,
 *   study hours, a reprimand (训诫决定书), a 5-day leave approved by the office, an e-monitoring
 *   period, lost contact with its search case (`reportLostContact`), found (`markFound`);
 * - 乙 (female, probation, fast-track investigation): a team with a woman (art. 25), a 15-day leave
 *   approved by the county, a change of class;
 * - 丙 (juvenile, public surveillance): commended, released yesterday with the 解除社区矫正证明书.
 * Every file (and investigation, search) has the office's staff accounts (the demo account
 * demo.xitun first) as responsible staff: 丙's file is sealed (a juvenile, arts. 52–58) and the
 * seed's own actor would otherwise be the only one to see it. Each person has a profile of
 * invented conditions under the demo catalogue; 甲 and 乙 (and 丙 until released) have a plan since
 * the 1st of last month, its tasks of every period since, day by day as the daily job makes them
 * (乙's and 丙's all done on time, three in five of each of 甲's measures, the rest missed), and
 * last month's evaluation.
 * Labelled demo: names 示例对象…, texts 【示范】, ID numbers in the fictitious pattern the other
 * demo seeds use (sequence 000, check digit valid). Small on purpose: the demo's seed time matters.
 * Idempotent: an office with any correction file gets none.
 */
import { addDays, type CaseFile, type PluginSeedContext, type ScopedServices } from '@sifa/core';
import { correctionCaseTypeCode, correctionInvestigationTypeCode } from '../case-types.js';
import { addMonths } from '../rules.js';
import { markFound, reportLostContact } from './router.js';
import type { correctionPlansParts } from './plans/index.js';

type SeedPersons = ReturnType<typeof correctionPlansParts>['seedPersons'];
type SeedExecutors = ReturnType<typeof correctionPlansParts>['seedExecutors'];

/** Invented conditions for the demo catalogue (labelled demo with the file they belong to). */
const demoConditions = (over: Record<string, unknown>) => ({
  sex: 'male', age: 36, juvenile: false, 'subject-kind': 'probation', 'management-class': 'strict', stage: 'regular',
  'months-in-correction': 6, 'months-remaining': 18, 'risk-level': 'medium', 'offence-type': 'other', 'offence-cause': 'other',
  'serious-circumstances': false, remorse: 'sincere', 'psych-state': 'stable', 'psych-score': 30, health: 'good',
  'pregnant-or-nursing': false, family: 'harmonious', dependants: 1, employment: 'employed', 'monthly-income': 4000,
  residence: 'own', 'household-elsewhere': false, addiction: 'none', 'prior-convictions': 0, reprimands: 0, 'education-level': 'secondary',
  ...over,
});

export interface CorrectionDemoOptions {
  /** The office (9-digit code) that gets the demo files. */
  office: string;
}

export const defaultCorrectionDemo: CorrectionDemoOptions = { office: '150402001' };

const chinaDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const demo = (s: string) => `【示范】${s}`;

/** A fictitious resident ID number: county code, birth day, sequence 000, valid check digit (as the mediation demo's). */
export function demoIdNumber(countyCode: string, birth: string): string {
  const body = `${countyCode.slice(0, 6)}${birth.replaceAll('-', '')}000`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

type Step = { transition: string; on: string; fields?: Record<string, unknown>; overrides?: Record<string, string> };

async function take(scoped: ScopedServices, type: string, file: CaseFile, steps: readonly Step[]): Promise<CaseFile> {
  for (const s of steps) file = await scoped.cases.transition(type, { id: file.id, revision: file.revision, transition: s.transition, on: s.on, fields: s.fields ?? {}, ...(s.overrides ? { overrides: s.overrides } : {}) });
  return file;
}

const investigationSteps = (start: string, wd: (n: number) => string): Step[] => [
  { transition: 'residence-family', on: wd(2), fields: { residence: demo('在本街道有固定住所，居住满五年，有房屋产权证明。'), family: demo('与父母同住，家庭关系和睦，父母表示愿意协助监督。') } },
  { transition: 'conduct', on: wd(3), fields: { pastConduct: demo('平时表现较好，无前科劣迹。'), consequences: demo('案发后积极退赔，取得被害人谅解，社会影响较小。') } },
  { transition: 'opinions-heard', on: wd(4), fields: { communityOpinion: demo('居民委员会同意其在社区接受矫正。'), victimOpinion: demo('被害人表示谅解，对适用社区矫正无异议。') } },
  { transition: 'prohibitions', on: wd(4), fields: { prohibitions: demo('禁止进入酒吧、网吧等娱乐场所。') } },
  { transition: 'issue-opinion', on: wd(5), fields: { opinion: 'suitable', opinionReasons: demo('具备监管条件，社会危险性较小，适用社区矫正对所居住社区无重大不良影响。') } },
  { transition: 'copy-procuratorate', on: wd(6), fields: { procuratorate: '赤峰市红山区人民检察院', copyMethod: 'delivered' } },
];

export async function seedDemoCorrection(ctx: PluginSeedContext, options: CorrectionDemoOptions, seedPersons?: SeedPersons, seedExecutors?: SeedExecutors): Promise<{ files: number } | void> {
  if (!ctx.orgCodes.includes(options.office)) return;
  if (!ctx.catalog.caseTypes.some((type) => type.code === correctionCaseTypeCode)) return;
  const started = Date.now();
  const today = chinaDay(ctx.now());
  const d = (n: number) => addDays(today, -n);
  const county = options.office.slice(0, 6);
  const staff = (await ctx.staffOf(options.office)).filter((u) => u.role === 'office_staff').slice(0, 3).map((u) => u.id);
  // Who carries out the catalogue's roles: the county's officer (its county admin) and, below, the office's staff.
  const countyOfficer = (await ctx.staffOf(county)).find((u) => u.role === 'county_admin')?.id;
  if (seedExecutors && countyOfficer && ctx.orgCodes.includes(county)) {
    await ctx.runScoped(county, async (scoped) => {
      if ((await scoped.cases.list(correctionCaseTypeCode, { orgCode: options.office, limit: 1 })).total === 0) await seedExecutors(scoped, county, { 'county-officer': countyOfficer });
    });
  }
  const files = await ctx.runScoped(options.office, async (scoped) => {
    if ((await scoped.cases.list(correctionCaseTypeCode, { orgCode: options.office, limit: 1 })).total > 0) return 0;
    // The office's staff become responsible once the seed is done with a file (a sealed file is theirs alone then).
    const handOver: [string, string][] = [];
    const assign = async (type: string, file: CaseFile) => void handOver.push([type, file.id]);
    const lastMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
    const inv = async (start: string, person: Record<string, unknown>, extra: Record<string, unknown>) => {
      const opened = await scoped.cases.open(correctionInvestigationTypeCode, {
        orgCode: options.office,
        on: start,
        fields: { commissioner: '赤峰市红山区人民法院', commissionerKind: 'court', commissionedOn: start, person: [person], offence: '盗窃罪', proposedKind: 'probation', ...extra },
      });
      await assign(correctionInvestigationTypeCode, opened);
      return take(scoped, correctionInvestigationTypeCode, opened, investigationSteps(start, (n) => scoped.calendar.addWorkingDays(start, n)));
    };

    // 甲: investigated, then under correction for half a year, lost contact and found.
    const jiaBirth = '1990-03-15';
    const jia = { role: 'subject', name: '示例对象甲', idNumber: demoIdNumber(county, jiaBirth), phone: '13800000001', address: demo('红山区西屯街道示例小区1号楼') };
    await inv(d(230), jia, {});
    const jiaStart = d(200);
    let jiaFile = await scoped.cases.open(correctionCaseTypeCode, {
      orgCode: options.office,
      on: jiaStart,
      fields: { person: [jia], sex: 'male', birthDate: jiaBirth, juvenile: false, kind: 'probation', court: '赤峰市红山区人民法院', judgmentNumber: '（示范）刑初字第1号', judgmentEffectiveOn: d(214), offence: '盗窃罪', termStart: d(214), termEnd: addMonths(d(214), 24), stage: 'intake' },
    });
    await assign(correctionCaseTypeCode, jiaFile);
    jiaFile = await take(scoped, correctionCaseTypeCode, jiaFile, [
      { transition: 'report-in', on: d(200), fields: { reportNotes: demo('本人到司法所报到。') }, overrides: { 'report-in-period': demo('本人称外出务工未及时返回，已批评教育。') } },
      { transition: 'register-file', on: d(200), fields: { fileContents: demo('判决书、执行通知书、报到登记表、照片。') } },
      { transition: 'form-team', on: d(199), fields: { members: demo('司法所工作人员王示例（组长）\n社区网格员李示例\n父亲'), women: 1 } },
      { transition: 'set-class', on: d(199), fields: { risk: 'medium', class: 'strict', stage: 'intake' } },
      { transition: 'announce', on: d(198), fields: { announcement: demo('在司法所宣告判决内容、矫正期限和应遵守的规定，介绍矫正小组成员。') } },
      { transition: 'report', on: d(190), fields: { reportKind: 'in-person', summary: demo('汇报本周工作和生活情况。') } },
      { transition: 'home-visit', on: d(185), fields: { place: demo('住所'), findings: demo('在家，与父母同住，情况稳定。') } },
      { transition: 'education', on: d(180), fields: { topic: demo('遵守监督管理规定'), content: demo('讲解报到、外出审批等规定。') } },
      { transition: 'hours', on: d(175), fields: { activity: 'study', hours: 4, content: demo('参加集中法治教育。') } },
      { transition: 'change-stage', on: d(168), fields: { stage: 'regular' } },
      { transition: 'reprimand', on: d(120), fields: { grounds: demo('未按规定时间报到，经教育仍未改正，依法给予训诫。') } },
      { transition: 'leave-office', on: d(100), fields: { destination: '赤峰市松山区', leaveFrom: d(95), leaveTo: d(91), leaveReason: demo('探望住院的祖母。') } },
      { transition: 'e-monitoring', on: d(90), fields: { monitorFrom: d(90), monitorTo: addDays(addMonths(d(90), 3), -1), renewal: false, monitorReason: demo('受训诫后仍有违规倾向，经县级社区矫正机构负责人批准使用电子定位装置。') } },
    ]);
    const lost = await reportLostContact(scoped, { id: jiaFile.id, revision: jiaFile.revision, on: d(40), circumstances: demo('连续两日电话无法接通，家属称其外出未归。') });
    await assign('correction.search', lost.search);
    await take(scoped, 'correction.search', lost.search, [{ transition: 'search', on: d(40), fields: { measures: demo('联系家属、居委会和工作单位，通报派出所协助查找。'), result: demo('得知其在邻县务工。') } }]);
    await markFound(scoped, { id: lost.search.id, on: d(38), whereabouts: demo('在邻县务工地点找到，已返回。'), outcome: demo('批评教育，加强报到和走访。') });

    // 乙: female, fast-track investigation; a woman on the team; a county-approved leave.
    const yiBirth = '1985-07-20';
    const yi = { role: 'subject', name: '示例对象乙', idNumber: demoIdNumber(county, yiBirth), phone: '13800000002', address: demo('红山区西屯街道示例小区2号楼') };
    await inv(d(160), yi, { fastTrack: true });
    let yiFile = await scoped.cases.open(correctionCaseTypeCode, {
      orgCode: options.office,
      on: d(140),
      fields: { person: [yi], sex: 'female', birthDate: yiBirth, juvenile: false, kind: 'probation', court: '赤峰市红山区人民法院', judgmentNumber: '（示范）刑初字第2号', judgmentEffectiveOn: d(143), offence: '盗窃罪', termStart: d(143), termEnd: addMonths(d(143), 12), stage: 'intake' },
    });
    await assign(correctionCaseTypeCode, yiFile);
    yiFile = await take(scoped, correctionCaseTypeCode, yiFile, [
      { transition: 'report-in', on: d(140) },
      { transition: 'register-file', on: d(140), fields: { fileContents: demo('判决书、执行通知书、报到登记表。') } },
      { transition: 'form-team', on: d(139), fields: { members: demo('司法所工作人员赵示例（女，组长）\n社区妇联主任孙示例（女）\n丈夫'), women: 2 } },
      { transition: 'set-class', on: d(139), fields: { risk: 'low', class: 'strict', stage: 'intake' } },
      { transition: 'announce', on: d(138), fields: { announcement: demo('在司法所宣告，女性工作人员在场。') } },
      { transition: 'report', on: d(120), fields: { reportKind: 'written', summary: demo('书面报告本月情况。') } },
      { transition: 'change-stage', on: d(108), fields: { stage: 'regular' } },
      { transition: 'change-class', on: d(80), fields: { class: 'normal', reason: demo('入矫满两个月，表现良好，低风险。') } },
      { transition: 'leave-county', on: d(60), fields: { destination: '呼和浩特市', leaveFrom: d(55), leaveTo: d(41), leaveReason: demo('陪同子女就医。') } },
    ]);

    // 丙: a juvenile under public surveillance, released yesterday.
    const bingBirth = addDays(today, -(17 * 365 + 100));
    const bing = { role: 'subject', name: '示例对象丙', idNumber: demoIdNumber(county, bingBirth), address: demo('红山区西屯街道示例小区3号楼') };
    let bingFile = await scoped.cases.open(correctionCaseTypeCode, {
      orgCode: options.office,
      on: d(364),
      fields: { person: [bing], sex: 'male', birthDate: bingBirth, juvenile: true, kind: 'control', court: '赤峰市红山区人民法院', judgmentNumber: '（示范）刑初字第3号', judgmentEffectiveOn: d(366), offence: '寻衅滋事罪', termStart: d(366), termEnd: d(2), stage: 'intake' },
    });
    await assign(correctionCaseTypeCode, bingFile);
    bingFile = await take(scoped, correctionCaseTypeCode, bingFile, [
      { transition: 'report-in', on: d(364), fields: { reportNotes: demo('由监护人陪同报到。') } },
      { transition: 'register-file', on: d(364), fields: { fileContents: demo('判决书、报到登记表（未成年人档案单独保管）。') } },
      { transition: 'form-team', on: d(363), fields: { members: demo('司法所工作人员王示例\n学校老师周示例（女）\n母亲'), women: 2 } },
      { transition: 'set-class', on: d(363), fields: { risk: 'low', class: 'strict', stage: 'intake' } },
      { transition: 'announce', on: d(362), fields: { announcement: demo('未成年人宣告不公开进行，监护人在场。') } },
      { transition: 'education', on: d(300), fields: { topic: demo('法治教育'), content: demo('结合学业开展个别教育。') } },
      { transition: 'commend', on: d(120), fields: { grounds: demo('矫正期间遵纪守法，积极参加公益活动，表现突出。') } },
      { transition: 'change-stage', on: d(40), fields: { stage: 'release' } },
      { transition: 'release', on: d(1), fields: { performance: demo('矫正期间遵守法律法规和监督管理规定，服从管理，表现良好。'), releaseAnnouncement: demo('解矫宣告不公开进行，监护人在场。') } },
    ]);
    // The files of adults go to the office's staff before their plans (the file's staff oversee the
    // measures of team members, volunteers and family); 丙's sealed file after (the seed must still see it).
    const sealed = new Set([bingFile.id]);
    if (staff.length) for (const [type, id] of handOver) if (!sealed.has(id)) await scoped.cases.assign(type, { id, userIds: staff });
    if (seedExecutors && staff.length) await seedExecutors(scoped, options.office, { 'office-staff': staff[0]!, 'social-worker': staff[1] ?? staff[0]!, psychologist: staff[2] ?? staff[1] ?? staff[0]! });
    if (seedPersons) {
      const planFrom = `${lastMonth}-01`;
      const age = (birth: string) => Number(today.slice(0, 4)) - Number(birth.slice(0, 4)) - (today.slice(5) < birth.slice(5) ? 1 : 0);
      await seedPersons(scoped, {
        today,
        month: lastMonth,
        persons: [
          { caseId: jiaFile.id, owner: staff[0], planFrom, doneShare: 0.6, conditions: demoConditions({ age: age(jiaBirth), 'management-class': 'strict', reprimands: 1, employment: 'unemployed', 'monthly-income': 0, 'psych-state': 'anxious', 'psych-score': 55 }) },
          { caseId: yiFile.id, owner: staff[0], planFrom, doneShare: 1, conditions: demoConditions({ sex: 'female', age: age(yiBirth), 'management-class': 'normal', 'risk-level': 'low', 'months-remaining': 8, dependants: 2 }) },
          { caseId: bingFile.id, planFrom, doneShare: 1, conditions: demoConditions({ age: age(bingBirth), juvenile: true, 'subject-kind': 'control', 'management-class': 'strict', stage: 'release', 'months-remaining': 0, 'risk-level': 'low', employment: 'student', 'monthly-income': 0, dependants: 0 }) },
        ],
      });
    }
    if (staff.length) for (const [type, id] of handOver) if (sealed.has(id)) await scoped.cases.assign(type, { id, userIds: staff });
    return 3;
  });
  // The daily figures the rollup job would have recorded from last month's first day to yesterday
  // (tonight's run records today's): the caseload's and the dashboard's rates have a history. Run
  // as the job itself, so the sealed juvenile counts at the county as on any night.
  if (files && seedPersons) {
    const lastMonthStart = `${addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7)}-01`;
    for (let day = lastMonthStart; day < today; day = addDays(day, 1)) await ctx.runJob('rollup', new Date(`${day}T12:00:00+08:00`));
  }
  if (files) ctx.log(`demo community correction: ${files} files with their investigations, a search and a release certificate, profiles, plans, tasks and an evaluation in ${options.office} in ${Date.now() - started} ms (labelled 示范)`);
  return files ? { files } : undefined;
}
