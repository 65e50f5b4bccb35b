/**
 * Whether a reconsideration application was made in time (行政复议法 2023, arts. 20–21, 88), as
 * a check that helps the staff member before forwarding: it explains itself with its articles and
 * never refuses anything (the reconsideration body decides; the office may forward with a reason).
 *
 * - Art. 20 para. 1: within 60 days of knowing (or when one should have known) of the act.
 * - Art. 20 para. 3: if the body did not tell the applicant of the right to apply, the body and the
 *   period, the period runs from when they learn of those, but at most one year from knowing of
 *   the act. Without that later day here, the check uses the one-year cap and says so.
 * - Art. 21: never later than 20 years after the act for immovable property, 5 years otherwise.
 * - Periods are counted from the day after (the day of knowing is not counted); a last day that is
 *   a rest day or holiday moves to the next working day (art. 88 → 民事诉讼法 第八十五条). The
 *   60-day and the year periods are calendar days.
 * Browser-safe: the widget and the server compute the same.
 */
import { addDays, type LocalizedText, type WorkingCalendar } from '@sifa/core';

export interface ReconsiderationPeriodInput {
  /** The day the applicant learned of the act (knewOn). */
  knewOn: string;
  /** The day the office received the application. */
  receivedOn: string;
  /** Whether the body told the applicant of the right to apply, the body and the period. */
  rightNotified: boolean;
  /** The day the act was made (for the 5- / 20-year caps), when known. */
  actOn?: string | null | undefined;
  immovable?: boolean | undefined;
}

export interface ReconsiderationPeriodCheck {
  /** in-time: received by the last day; late: after it. */
  state: 'in-time' | 'late';
  /** The last day to apply (after moving off a rest day). */
  lastDay: string;
  /** Days left on the day received (negative: days late). */
  daysLeft: number;
  /** The rule that set the last day. */
  rule: 'art20-60-days' | 'art20-one-year' | 'art21-cap';
  explanation: LocalizedText;
}

const years = (day: string, n: number) => `${String(Number(day.slice(0, 4)) + n).padStart(4, '0')}${day.slice(4) === '-02-29' ? '-02-28' : day.slice(4)}`;
const between = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

export function reconsiderationPeriod(calendar: Pick<WorkingCalendar, 'addWorkingDays'>, input: ReconsiderationPeriodInput): ReconsiderationPeriodCheck {
  const onOrAfter = (day: string) => calendar.addWorkingDays(day, 0);
  let rule: ReconsiderationPeriodCheck['rule'] = input.rightNotified ? 'art20-60-days' : 'art20-one-year';
  let last = input.rightNotified ? addDays(input.knewOn, 60) : years(input.knewOn, 1);
  if (input.actOn) {
    const cap = years(input.actOn, input.immovable ? 20 : 5);
    if (cap < last) {
      last = cap;
      rule = 'art21-cap';
    }
  }
  const lastDay = onOrAfter(last);
  const daysLeft = between(input.receivedOn, lastDay);
  const state = daysLeft >= 0 ? 'in-time' : 'late';
  const received = state === 'in-time' ? { zh: '在期限内', en: 'in time' } : { zh: `已超过期限 ${-daysLeft} 日`, en: `${-daysLeft} day(s) late` };
  const why: Record<ReconsiderationPeriodCheck['rule'], LocalizedText> = {
    'art20-60-days': {
      zh: `自知道该行政行为之日（${input.knewOn}）起六十日内提出（《行政复议法》第二十条第一款），期限届满日为 ${lastDay}`,
      en: `within 60 days of learning of the act (${input.knewOn}; Administrative Reconsideration Law art. 20 para. 1): the last day is ${lastDay}`,
    },
    'art20-one-year': {
      zh: `行政机关未告知申请权利、复议机关和期限，申请期限自知道或者应当知道之日起计算，但自知道该行政行为之日（${input.knewOn}）起最长不超过一年（第二十条第三款），最迟为 ${lastDay}；请核实申请人知道申请权利等事项的日期`,
      en: `the body did not tell the applicant of the right to apply, the body and the period: the period runs from when they learn of those, at most one year from learning of the act (${input.knewOn}; art. 20 para. 3): ${lastDay} at the latest; check when the applicant learned of them`,
    },
    'art21-cap': {
      zh: `自行政行为作出之日（${input.actOn}）起最长不超过${input.immovable ? '二十' : '五'}年（第二十一条），最迟为 ${lastDay}`,
      en: `at most ${input.immovable ? 20 : 5} years from the act (${input.actOn}; art. 21): ${lastDay} at the latest`,
    },
  };
  return {
    state,
    lastDay,
    daysLeft,
    rule,
    explanation: { zh: `${input.receivedOn} 接收，${received.zh}：${why[rule].zh}。`, en: `Received ${input.receivedOn}, ${received.en}: ${why[rule].en}.` },
  };
}
