/**
 * The checks the casework engine runs before steps of `correction.case` (`caseChecks`), from the
 * rules module (../rules.ts, configurable):
 * - report-in (art. 21): reported more than `reportInDays` days after the judgment took effect →
 *   attention (the reason is recorded: a late report may itself be a breach to deal with);
 * - the team (art. 25): a female person's team without a woman → BLOCKED;
 * - leave (art. 27): a leave longer than the office may approve, taken as the office's step →
 *   BLOCKED, saying the county must approve; longer than any level allows → BLOCKED;
 * - electronic monitoring (art. 29): a period over `monitoringMaxMonths` months → BLOCKED;
 * - a revocation proposal for 管制 (public surveillance cannot be revoked) → BLOCKED;
 * - lost contact (art. 30: search at once) → BLOCKED unless the search case it names was opened
 *   in the same transaction by `correction.lostContact` (an imported historical step: info).
 * The step's own fields are read as the form holds them (unvalidated while the form is open).
 */
import { addDays, caseDocumentText, type CaseCheck, type CaseCheckInput, type CaseCheckSource, type LocalizedText } from '@sifa/core';
import { correctionCaseTypeCode, correctionKinds } from '../case-types.js';
import { daysInclusive, leaveApprover, monitoringLastDay, type CorrectionRules } from '../rules.js';

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const dayOf = (v: unknown): string | null => (typeof v === 'string' && dayPattern.test(v) ? v : null);
const zhDay = (d: string) => caseDocumentText.day(d, false);
const enDay = (d: string) => caseDocumentText.day(d, true);
/** A day in Mongolian ("2026 on-u 3 sar_a-yin 1", as the correction widgets write it). */
const mnDay = (d: string) => `${Number(d.slice(0, 4))} ᠣᠨ ᠤ ${Number(d.slice(5, 7))} ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ ${Number(d.slice(8, 10))}`;
/** Every message in the three UI languages: `mn` (traditional Mongolian script) is required here. */
const t = (zh: string, en: string, mn: string): LocalizedText => ({ zh, en, mn });

const zhDigits = '〇一二三四五六七八九';
/** Words whose ordinal takes the front-vowel suffix -düger (1, 4, 9; 40, 90); the rest take -duγar. */
const frontUnits = new Set([1, 4, 9]);
const frontTens = new Set([4, 9]);
/**
 * An article of 社区矫正法 (n < 100) as cited in each language: 第二十一条, Art. 21, and in
 * Mongolian the number with its ordinal suffix by vowel harmony (21 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ, 25 ᠳᠤᠭᠠᠷ ᠵᠦᠢᠯ).
 */
export function art(n: number): LocalizedText {
  const tens = Math.floor(n / 10);
  const units = n % 10;
  const zh = `第${tens ? `${tens > 1 ? zhDigits[tens] : ''}十` : ''}${units ? zhDigits[units] : ''}条`;
  const front = units ? frontUnits.has(units) : frontTens.has(tens);
  return { zh, en: `Art. ${n}`, mn: `${n} ${front ? 'ᠳᠦᠭᠡᠷ' : 'ᠳᠤᠭᠠᠷ'} ᠵᠦᠢᠯ` };
}

function reportIn(rules: CorrectionRules, input: CaseCheckInput): CaseCheck {
  const title = t('报到期限', 'Report-in period', 'ᠢᠷᠡᠵᠦ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ ᠪᠣᠯᠵᠠ');
  const effective = dayOf(input.case.fields.judgmentEffectiveOn);
  if (!effective) return { code: 'report-in-period', state: 'unknown', article: art(21), title, explanation: t('未登记判决生效日期。', 'No day the judgment took effect is recorded.', 'ᠰᠢᠭᠦᠨ ᠲᠠᠰᠤᠯᠭᠠᠯ ᠬᠦᠴᠦᠨ ᠲᠡᠢ ᠪᠣᠯᠤᠭᠰᠠᠨ ᠡᠳᠦᠷ ᠢ ᠪᠦᠷᠲᠭᠡᠭᠡᠳᠦᠢ᠃') };
  const last = addDays(effective, rules.reportInDays);
  const late = input.on > last;
  return {
    code: 'report-in-period',
    state: late ? 'attention' : 'pass',
    article: art(21),
    title,
    explanation: late
      ? t(`判决于${zhDay(effective)}生效，应在${zhDay(last)}前报到，${zhDay(input.on)}报到已逾期。`, `The judgment took effect on ${enDay(effective)}: the person had to report by ${enDay(last)}; reporting on ${enDay(input.on)} is late.`, `ᠰᠢᠭᠦᠨ ᠲᠠᠰᠤᠯᠭᠠᠯ ${mnDay(effective)} ᠳᠤ ᠬᠦᠴᠦᠨ ᠲᠡᠢ ᠪᠣᠯᠤᠭᠰᠠᠨ᠂ ${mnDay(last)} ᠠᠴᠠ ᠥᠮᠡᠨᠡ ᠢᠷᠡᠵᠦ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ ᠶᠣᠰᠤᠲᠠᠢ᠂ ${mnDay(input.on)} ᠳᠤ ᠢᠷᠡᠵᠦ ᠮᠡᠳᠡᠭᠦᠯᠡᠭᠰᠡᠨ ᠨᠢ ᠪᠣᠯᠵᠠ ᠠᠴᠠ ᠥᠨᠭᠡᠷᠡᠭᠰᠡᠨ᠃`)
      : t(`判决于${zhDay(effective)}生效，在${zhDay(last)}前报到。`, `The judgment took effect on ${enDay(effective)}; reported by ${enDay(last)}.`, `ᠰᠢᠭᠦᠨ ᠲᠠᠰᠤᠯᠭᠠᠯ ${mnDay(effective)} ᠳᠤ ᠬᠦᠴᠦᠨ ᠲᠡᠢ ᠪᠣᠯᠤᠭᠰᠠᠨ᠂ ${mnDay(last)} ᠠᠴᠠ ᠥᠮᠡᠨᠡ ᠢᠷᠡᠵᠦ ᠮᠡᠳᠡᠭᠦᠯᠪᠡ᠃`),
    ...(late ? { suggestion: t('写明逾期原因；无正当理由的，依法处理（训诫、警告等）。', 'Give the reason for the delay; without a good one, deal with it as a breach (reprimand, warning…).', 'ᠥᠨᠭᠡᠷᠡᠭᠰᠡᠨ ᠰᠢᠯᠲᠠᠭᠠᠨ ᠢ ᠪᠢᠴᠢᠨ᠎ᠡ᠂ ᠵᠣᠬᠢᠰᠲᠠᠢ ᠰᠢᠯᠲᠠᠭᠠᠨ ᠦᠭᠡᠢ ᠪᠣᠯ ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠳᠠᠭᠤᠤ ᠰᠢᠳᠭᠡᠨ᠎ᠡ (ᠵᠡᠮᠯᠡᠯ᠂ ᠰᠠᠨᠠᠭᠤᠯᠭ᠎ᠠ ᠵᠡᠷᠭᠡ)᠃') } : {}),
  };
}

function team(input: CaseCheckInput): CaseCheck {
  const title = t('矫正小组女性成员', 'A woman on the team', 'ᠵᠠᠰᠠᠯ ᠤᠨ ᠳᠤᠭᠤᠢᠯᠠᠩ ᠤᠨ ᠡᠮᠡ ᠭᠢᠰᠢᠭᠦᠨ');
  const women = typeof input.step.women === 'number' ? input.step.women : typeof input.step.women === 'string' && input.step.women.trim() !== '' ? Number(input.step.women) : null;
  if (input.case.fields.sex !== 'female') return { code: 'team-woman', state: 'pass', article: art(25), title, explanation: t('社区矫正对象不是女性，无此要求。', 'The person is not female: no such requirement.', 'ᠵᠠᠰᠠᠯ ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ ᠡᠮᠡ ᠪᠢᠰᠢ᠂ ᠡᠨᠡ ᠰᠢᠭᠠᠷᠳᠯᠠᠭ᠎ᠠ ᠦᠭᠡᠢ᠃') };
  if (women === null || Number.isNaN(women)) return { code: 'team-woman', state: 'unknown', article: art(25), title, explanation: t('尚未填写女性成员人数。', 'The number of women on the team is not filled in yet.', 'ᠡᠮᠡ ᠭᠢᠰᠢᠭᠦᠳ ᠦᠨ ᠲᠣᠣ ᠶᠢ ᠪᠢᠴᠢᠭᠡᠳᠦᠢ᠃') };
  if (women < 1) {
    return {
      code: 'team-woman',
      state: 'blocked',
      article: art(25),
      title,
      explanation: t('社区矫正对象为女性，矫正小组中没有女性成员。', 'The person is female and the team has no woman.', 'ᠵᠠᠰᠠᠯ ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ ᠡᠮᠡ᠂ ᠵᠠᠰᠠᠯ ᠤᠨ ᠳᠤᠭᠤᠢᠯᠠᠩ ᠳᠤ ᠡᠮᠡ ᠭᠢᠰᠢᠭᠦᠨ ᠦᠭᠡᠢ᠃'),
      suggestion: t('矫正小组中应有女性成员：增加一名女性成员后再确定。', 'The team must include a woman: add one, then record the team.', 'ᠵᠠᠰᠠᠯ ᠤᠨ ᠳᠤᠭᠤᠢᠯᠠᠩ ᠳᠤ ᠡᠮᠡ ᠭᠢᠰᠢᠭᠦᠨ ᠪᠠᠢᠬᠤ ᠶᠣᠰᠤᠲᠠᠢ᠄ ᠨᠢᠭᠡ ᠡᠮᠡ ᠭᠢᠰᠢᠭᠦᠨ ᠨᠡᠮᠡᠭᠡᠳ᠂ ᠳᠠᠷᠠᠭᠠ ᠨᠢ ᠲᠣᠭᠲᠠᠭᠠᠨ᠎ᠠ᠃'),
    };
  }
  return { code: 'team-woman', state: 'pass', article: art(25), title, explanation: t(`矫正小组中有${women}名女性成员。`, `The team has ${women} woman${women === 1 ? '' : 'en'}.`, `ᠵᠠᠰᠠᠯ ᠤᠨ ᠳᠤᠭᠤᠢᠯᠠᠩ ᠳᠤ ${women} ᠡᠮᠡ ᠭᠢᠰᠢᠭᠦᠨ ᠪᠤᠢ᠃`) };
}

function leave(rules: CorrectionRules, input: CaseCheckInput, level: 'office' | 'county'): CaseCheck {
  const title = t('外出审批层级', 'Who approves the leave', 'ᠭᠠᠳᠠᠭᠰᠢ ᠭᠠᠷᠬᠤ ᠶᠢ ᠬᠡᠨ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ');
  const article = art(27);
  const from = dayOf(input.step.leaveFrom);
  const to = dayOf(input.step.leaveTo);
  if (!from || !to) return { code: 'leave-approval', state: 'unknown', article, title, explanation: t('尚未填写外出起止日期。', 'The days of the leave are not filled in yet.', 'ᠭᠠᠳᠠᠭᠰᠢ ᠭᠠᠷᠬᠤ᠂ ᠪᠤᠴᠠᠵᠤ ᠢᠷᠡᠬᠦ ᠡᠳᠦᠷ ᠢ ᠪᠢᠴᠢᠭᠡᠳᠦᠢ᠃') };
  if (to < from) return { code: 'leave-approval', state: 'blocked', article, title, explanation: t('外出止日早于起日。', 'The leave ends before it starts.', 'ᠪᠤᠴᠠᠵᠤ ᠢᠷᠡᠬᠦ ᠡᠳᠦᠷ ᠨᠢ ᠭᠠᠳᠠᠭᠰᠢ ᠭᠠᠷᠬᠤ ᠡᠳᠦᠷ ᠡᠴᠡ ᠥᠮᠡᠨᠡ ᠪᠠᠶᠢᠨ᠎ᠠ᠃'), suggestion: t('更正外出起止日期。', 'Correct the days of the leave.', 'ᠭᠠᠳᠠᠭᠰᠢ ᠭᠠᠷᠬᠤ᠂ ᠪᠤᠴᠠᠵᠤ ᠢᠷᠡᠬᠦ ᠡᠳᠦᠷ ᠢ ᠵᠠᠰᠠᠨ᠎ᠠ᠃') };
  const days = daysInclusive(from, to);
  const needed = leaveApprover(rules, days);
  const basis = rules.leaveBasis;
  if (needed === null) {
    const max = rules.leave.at(-1)!.maxDays;
    return {
      code: 'leave-approval',
      state: 'blocked',
      article,
      title,
      explanation: t(`外出${days}日，超过一次最长${max}日。${basis.zh}`, `A leave of ${days} days is longer than the longest allowed at once (${max} days). ${basis.en}`, `${days} ᠡᠳᠦᠷ ᠭᠠᠳᠠᠭᠰᠢ ᠭᠠᠷᠬᠤ ᠨᠢ ᠨᠢᠭᠡ ᠤᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠬᠠᠮᠤᠭ ᠤᠷᠲᠤ ${max} ᠡᠳᠦᠷ ᠡᠴᠡ ᠢᠯᠡᠭᠦᠦ᠃ ${basis.mn ?? basis.zh}`),
      suggestion: t(`缩短外出时间至${max}日以内。`, `Shorten the leave to at most ${max} days.`, `ᠭᠠᠳᠠᠭᠰᠢ ᠭᠠᠷᠬᠤ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠶᠢ ${max} ᠡᠳᠦᠷ ᠬᠦᠷᠲᠡᠯᠡ ᠪᠣᠭᠣᠨᠢᠰᠭᠠᠨ᠎ᠠ᠃`),
    };
  }
  if (needed === 'county' && level === 'office') {
    const officeMax = rules.leave.filter((l) => l.approver === 'office').at(-1)?.maxDays ?? 0;
    return {
      code: 'leave-approval',
      state: 'blocked',
      article,
      title,
      explanation: t(`外出${days}日，超过司法所可批准的${officeMax}日。${basis.zh}`, `A leave of ${days} days is longer than the office may approve (${officeMax} days). ${basis.en}`, `${days} ᠡᠳᠦᠷ ᠭᠠᠳᠠᠭᠰᠢ ᠭᠠᠷᠬᠤ ᠨᠢ ᠲᠠᠰᠤᠭ ᠤᠨ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ ${officeMax} ᠡᠳᠦᠷ ᠡᠴᠡ ᠢᠯᠡᠭᠦᠦ᠃ ${basis.mn ?? basis.zh}`),
      suggestion: t('报县级社区矫正机构审批：由县级办理“外出审批（县级社区矫正机构）”。', 'The county institution must approve it: it takes the step "Leave approved by the county institution".', 'ᠰᠢᠶᠠᠨ ᠦ ᠵᠠᠰᠠᠯ ᠤᠨ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠳᠤ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠭᠦᠯᠦᠨ᠎ᠡ᠄ ᠰᠢᠶᠠᠨ “ᠭᠠᠳᠠᠭᠰᠢ ᠭᠠᠷᠬᠤ ᠶᠢ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ (ᠰᠢᠶᠠᠨ ᠦ ᠵᠠᠰᠠᠯ ᠤᠨ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ)” ᠠᠯᠬᠤᠮ ᠢ ᠰᠢᠳᠭᠡᠨ᠎ᠡ᠃'),
    };
  }
  return {
    code: 'leave-approval',
    state: 'pass',
    article,
    title,
    explanation: needed === level ? t(`外出${days}日，由${level === 'office' ? '司法所' : '县级社区矫正机构'}批准。`, `A leave of ${days} days, approved by the ${level === 'office' ? 'office' : 'county institution'}.`, `${days} ᠡᠳᠦᠷ ᠭᠠᠳᠠᠭᠰᠢ ᠭᠠᠷᠬᠤ ᠶᠢ ${level === 'office' ? 'ᠲᠠᠰᠤᠭ' : 'ᠰᠢᠶᠠᠨ ᠦ ᠵᠠᠰᠠᠯ ᠤᠨ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ'} ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠨ᠎ᠡ᠃`) : t(`外出${days}日，司法所即可批准，县级批准亦可。`, `A leave of ${days} days: the office could approve it; the county may too.`, `${days} ᠡᠳᠦᠷ ᠭᠠᠳᠠᠭᠰᠢ ᠭᠠᠷᠬᠤ ᠶᠢ ᠲᠠᠰᠤᠭ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ᠂ ᠰᠢᠶᠠᠨ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠪᠡᠴᠦ ᠪᠣᠯᠤᠨ᠎ᠠ᠃`),
  };
}

function monitoring(rules: CorrectionRules, input: CaseCheckInput): CaseCheck {
  const title = t('电子定位使用期限', 'Electronic monitoring period', 'ᠴᠠᠬᠢᠯᠭᠠᠨ ᠪᠠᠢᠷᠢ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ ᠲᠥᠬᠥᠭᠡᠷᠡᠮᠵᠢ ᠶᠢ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ');
  const article = art(29);
  const from = dayOf(input.step.monitorFrom);
  const to = dayOf(input.step.monitorTo);
  if (!from || !to) return { code: 'monitoring-period', state: 'unknown', article, title, explanation: t('尚未填写使用期间。', 'The period is not filled in yet.', 'ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠶᠢ ᠪᠢᠴᠢᠭᠡᠳᠦᠢ᠃') };
  const last = monitoringLastDay(rules, from);
  if (to < from || to > last) {
    return {
      code: 'monitoring-period',
      state: 'blocked',
      article,
      title,
      explanation:
        to < from
          ? t('使用期间止日早于起日。', 'The period ends before it starts.', 'ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠳᠤᠤᠰᠬᠤ ᠡᠳᠦᠷ ᠨᠢ ᠡᠬᠢᠯᠡᠬᠦ ᠡᠳᠦᠷ ᠡᠴᠡ ᠥᠮᠡᠨᠡ ᠪᠠᠶᠢᠨ᠎ᠠ᠃')
          : t(`自${zhDay(from)}起使用电子定位装置，每次不得超过${rules.monitoringMaxMonths}个月，最迟至${zhDay(last)}；所填止日为${zhDay(to)}。`, `From ${enDay(from)} a period may last at most ${rules.monitoringMaxMonths} months, until ${enDay(last)}; the end entered is ${enDay(to)}.`, `${mnDay(from)} ᠠᠴᠠ ᠡᠬᠢᠯᠡᠨ ᠴᠠᠬᠢᠯᠭᠠᠨ ᠪᠠᠢᠷᠢ ᠲᠣᠭᠲᠠᠭᠠᠬᠤ ᠲᠥᠬᠥᠭᠡᠷᠡᠮᠵᠢ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠨᠢ ᠨᠢᠭᠡ ᠤᠳᠠᠭ᠎ᠠ ᠳᠤ ${rules.monitoringMaxMonths} ᠰᠠᠷ᠎ᠠ ᠠᠴᠠ ᠢᠯᠡᠭᠦᠦ ᠦᠭᠡᠢ᠂ ᠬᠠᠮᠤᠭ ᠤᠳᠠᠭᠠᠨ ${mnDay(last)} ᠬᠦᠷᠲᠡᠯᠡ᠂ ᠪᠢᠴᠢᠭᠰᠡᠨ ᠳᠤᠤᠰᠬᠤ ᠡᠳᠦᠷ ᠨᠢ ${mnDay(to)}᠃`),
      suggestion: t(`将止日改为${zhDay(last)}或更早；期满仍有必要的，另行批准延长。`, `End it on ${enDay(last)} or earlier; if still needed then, approve a renewal.`, `ᠳᠤᠤᠰᠬᠤ ᠡᠳᠦᠷ ᠢ ${mnDay(last)} ᠪᠤᠶᠤ ᠲᠡᠭᠦᠨᠡᠴᠡ ᠥᠮᠡᠨᠡ ᠪᠣᠯᠭᠠᠨ᠎ᠠ᠂ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠤᠤᠰᠤᠭᠠᠳ ᠪᠠᠰᠠ ᠬᠡᠷᠡᠭ ᠲᠡᠢ ᠪᠣᠯ᠂ ᠰᠤᠨᠭᠠᠬᠤ ᠶᠢ ᠳᠠᠬᠢᠨ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠨ᠎ᠡ᠃`),
    };
  }
  return { code: 'monitoring-period', state: 'pass', article, title, explanation: t(`使用期间至${zhDay(to)}，不超过${rules.monitoringMaxMonths}个月。`, `Until ${enDay(to)}: within ${rules.monitoringMaxMonths} months.`, `${mnDay(to)} ᠬᠦᠷᠲᠡᠯᠡ ᠬᠡᠷᠡᠭᠯᠡᠨ᠎ᠡ᠂ ${rules.monitoringMaxMonths} ᠰᠠᠷ᠎ᠠ ᠠᠴᠠ ᠢᠯᠡᠭᠦᠦ ᠦᠭᠡᠢ᠃`) };
}

function revocation(input: CaseCheckInput): CaseCheck {
  const title = t('可提请的事项', 'What may be proposed', 'ᠰᠠᠨᠠᠯ ᠭᠠᠷᠭᠠᠵᠤ ᠪᠣᠯᠬᠤ ᠵᠦᠢᠯ');
  const kind = input.case.fields.kind;
  const kindTitle = correctionKinds.find((k) => k.value === kind)?.title;
  if (kind === 'control') {
    return {
      code: 'revocation-kind',
      state: 'blocked',
      title,
      explanation: t('被判处管制的，没有撤销缓刑、撤销假释或收监执行的程序。', 'Public surveillance has no revocation or committal.', 'ᠬᠢᠨᠠᠯᠲᠠ ᠰᠢᠭᠦᠭᠳᠡᠭᠰᠡᠨ ᠬᠦᠮᠦᠨ ᠳᠦ ᠬᠦᠴᠦᠨ ᠦᠭᠡᠢ ᠪᠣᠯᠭᠠᠬᠤ ᠪᠤᠶᠤ ᠬᠣᠷᠢᠬᠠᠨ ᠳᠤ ᠬᠦᠷᠭᠡᠬᠦ ᠵᠠᠷᠢᠪᠤᠷ ᠦᠭᠡᠢ᠃'),
      suggestion: t('违反监督管理规定的，依法给予训诫、警告或提请治安管理处罚。', 'Deal with breaches by a reprimand, a warning or a proposed public-security penalty.', 'ᠬᠢᠨᠠᠨ ᠬᠠᠮᠢᠶᠠᠷᠬᠤ ᠳᠦᠷᠢᠮ ᠢ ᠵᠥᠷᠴᠢᠪᠡᠯ ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠳᠠᠭᠤᠤ ᠵᠡᠮᠯᠡᠯ᠂ ᠰᠠᠨᠠᠭᠤᠯᠭ᠎ᠠ ᠥᠭᠬᠦ ᠪᠤᠶᠤ ᠣᠯᠠᠨ ᠠᠮᠤᠭᠤᠯᠠᠩ ᠤᠨ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠰᠢᠭᠲᠭᠡᠭᠡᠯ ᠥᠭᠬᠦ ᠰᠠᠨᠠᠯ ᠭᠠᠷᠭᠠᠨ᠎ᠠ᠃'),
    };
  }
  const article = kind === 'medical-parole' ? art(49) : art(46);
  return { code: 'revocation-kind', state: 'pass', article, title, explanation: t(`矫正类别为${kindTitle?.zh ?? '未知'}。`, `The kind is ${kindTitle?.en ?? 'unknown'}.`, `ᠵᠠᠰᠠᠯ ᠤᠨ ᠲᠥᠷᠥᠯ ᠨᠢ ${kindTitle?.mn ?? 'ᠦᠯᠤ ᠮᠡᠳᠡᠭᠳᠡᠬᠦ'}᠃`) };
}

/**
 * Search cases opened by `reportLostContact`, by the transaction (its `db` handle) they were opened
 * in: the lost-contact check passes only for a search case opened in the step's own transaction, so
 * the step cannot be taken without its search (a hand-typed number in `cases.transition` is refused).
 */
const searchesOpened = new WeakMap<object, Set<string>>();

/** Notes a search case opened in the transaction of `db` (called by `reportLostContact`). */
export function noteSearchOpened(db: object, searchCaseId: string): void {
  const set = searchesOpened.get(db) ?? new Set<string>();
  set.add(searchCaseId);
  searchesOpened.set(db, set);
}

function lostContact(db: object, input: CaseCheckInput): CaseCheck {
  const title = t('同时启动寻查', 'Search started with it', 'ᠡᠷᠢᠬᠦ ᠶᠢ ᠬᠠᠮᠲᠤ ᠡᠬᠢᠯᠡᠭᠰᠡᠨ');
  const article = art(30);
  if (input.case.id === null) return { code: 'search-opened', state: 'info', article, title, explanation: t('导入的历史记录：寻查案件以原系统为准。', 'An imported historical step: the search case is the source system’s.', 'ᠣᠷᠤᠤᠯᠤᠭᠰᠠᠨ ᠲᠡᠦᠬᠡ ᠶᠢᠨ ᠪᠦᠷᠲᠭᠡᠯ᠄ ᠡᠷᠢᠬᠦ ᠬᠡᠷᠡᠭ ᠨᠢ ᠤᠭ ᠰᠢᠰᠲᠡᠮ ᠳᠦ ᠪᠤᠢ᠃') };
  const id = typeof input.step.searchCaseId === 'string' ? input.step.searchCaseId : '';
  if (searchesOpened.get(db)?.has(id)) return { code: 'search-opened', state: 'pass', article, title, explanation: t('已同时开立寻查案件。', 'The search case was opened with this step.', 'ᠡᠷᠢᠬᠦ ᠬᠡᠷᠡᠭ ᠢ ᠡᠨᠡ ᠠᠯᠬᠤᠮ ᠲᠠᠢ ᠬᠠᠮᠲᠤ ᠨᠡᠡᠭᠰᠡᠨ᠃') };
  return {
    code: 'search-opened',
    state: 'blocked',
    article,
    title,
    explanation: t('发现社区矫正对象失去联系的，应当立即组织查找；此步骤须与寻查案件同时办理。', 'When contact is lost a search starts at once: this step is taken together with opening the search case.', 'ᠵᠠᠰᠠᠯ ᠳᠤ ᠪᠠᠢᠭ᠎ᠠ ᠬᠦᠮᠦᠨ ᠬᠠᠷᠢᠯᠴᠠᠭ᠎ᠠ ᠲᠠᠰᠤᠷᠠᠭᠰᠠᠨ ᠪᠣᠯ ᠳᠠᠷᠤᠢ ᠡᠷᠢᠬᠦ ᠶᠣᠰᠤᠲᠠᠢ᠂ ᠡᠨᠡ ᠠᠯᠬᠤᠮ ᠢ ᠡᠷᠢᠬᠦ ᠬᠡᠷᠡᠭ ᠲᠡᠢ ᠬᠠᠮᠲᠤ ᠰᠢᠳᠭᠡᠨ᠎ᠡ᠃'),
    suggestion: t('通过“失去联系，启动寻查”（correction.lostContact）办理，系统同时开立寻查案件。', 'Take it through correction.lostContact, which opens the search case with it.', '“ᠬᠠᠷᠢᠯᠴᠠᠭ᠎ᠠ ᠲᠠᠰᠤᠷᠠᠭᠰᠠᠨ᠂ ᠡᠷᠢᠬᠦ ᠶᠢ ᠡᠬᠢᠯᠡᠬᠦ” (correction.lostContact) ᠢᠶᠠᠷ ᠰᠢᠳᠭᠡᠪᠡᠯ᠂ ᠰᠢᠰᠲᠡᠮ ᠡᠷᠢᠬᠦ ᠬᠡᠷᠡᠭ ᠢ ᠬᠠᠮᠲᠤ ᠨᠡᠡᠨ᠎ᠡ᠃'),
  };
}

/** The check sources of `correction.case` under these rules. */
export function correctionCheckSources(rules: CorrectionRules): CaseCheckSource[] {
  return [
    { type: correctionCaseTypeCode, transitions: ['report-in'], run: async (_s, input) => [reportIn(rules, input)] },
    { type: correctionCaseTypeCode, transitions: ['form-team', 'change-team'], run: async (_s, input) => [team(input)] },
    { type: correctionCaseTypeCode, transitions: ['leave-office'], run: async (_s, input) => [leave(rules, input, 'office')] },
    { type: correctionCaseTypeCode, transitions: ['leave-county'], run: async (_s, input) => [leave(rules, input, 'county')] },
    { type: correctionCaseTypeCode, transitions: ['e-monitoring'], run: async (_s, input) => [monitoring(rules, input)] },
    { type: correctionCaseTypeCode, transitions: ['propose-revocation'], run: async (_s, input) => [revocation(input)] },
    { type: correctionCaseTypeCode, transitions: ['lost-contact'], run: async (scoped, input) => [lostContact(scoped.db, input)] },
  ];
}
