/**
 * The plans plugin's official documents: the reminder letter (提醒函, before the due date) and the
 * supervision letter (督办函, issued by the level above the overdue org, then by the levels above
 * that while the item stays open). The platform lays them out per GB/T 9704 (numbering, issuer,
 * date); these templates give the text. The wording is a plausible model of such letters, not a
 * prescribed form (the official texts of the ten supervisory documents are not public).
 *
 * Chinese is the official text; English renders for previews and tests. A bilingual document's
 * Mongolian half falls back to the Chinese text until a reviewed Mongolian wording exists.
 */
import { z } from 'zod';
import {
  defineDocumentTemplate,
  isoDaySchema,
  titleBreak,
  localizedTextSchema,
  orgCodeSchema,
  periodKind,
  periodSchema,
  type DocumentBlock,
  type DocumentRenderContext,
  type LocalizedText,
} from '@sifa/core';
import { itemKindSchema } from '../schemas.js';

const quarters = ['一', '二', '三', '四'];
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function periodLabel(period: string, en: boolean): string {
  const year = period.slice(0, 4);
  switch (periodKind(period)) {
    case 'year':
      return en ? year : `${year}年度`;
    case 'quarter':
      return en ? `Q${period.slice(6)} ${year}` : `${year}年第${quarters[Number(period.slice(6)) - 1]}季度`;
    case 'month':
      return en ? `${monthNames[Number(period.slice(5)) - 1]} ${year}` : `${year}年${Number(period.slice(5))}月`;
  }
}

export function dayLabel(day: string, en: boolean): string {
  const [y, m, d] = [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
  return en ? `${d} ${monthNames[m - 1]} ${y}` : `${y}年${m}月${d}日`;
}

const number = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, ''));
const textIn = (text: LocalizedText | null, en: boolean) => (text ? (en ? text.en : text.zh) : '');

const letterBase = {
  planTitle: z.string().min(1).max(200),
  period: periodSchema,
  itemTitle: z.string().min(1).max(200),
  kind: itemKindSchema,
  metricTitle: localizedTextSchema.nullable(),
  unit: localizedTextSchema.nullable(),
  target: z.number().int().min(1).nullable(),
  /** The metric's total so far (metric items); null for manual items. */
  progress: z.number().nullable(),
  due: isoDaySchema,
  /** The day the progress was measured (the letter's date). */
  asOf: isoDaySchema,
  assigneeOrgCode: orgCodeSchema,
};

export const reminderLetterDataSchema = z.object({
  ...letterBase,
  /** Working days from `asOf` to the due date (0: due today). */
  workingDaysLeft: z.number().int().min(0),
});
export type ReminderLetterData = z.infer<typeof reminderLetterDataSchema>;

export const supervisionLetterDataSchema = z.object({
  ...letterBase,
  daysOverdue: z.number().int().min(1),
  /** 1: the assignee's parent issues it; 2: the grandparent … */
  level: z.number().int().min(1),
  /** The date by which the assignee reports back in writing. */
  reportBy: isoDaySchema,
  /** Supervision letters issued before on the same item, lowest level first. */
  previous: z.array(z.object({ level: z.number().int().min(1), issuerOrgCode: orgCodeSchema, number: z.string().nullable(), issuedOn: isoDaySchema })).max(10),
});
export type SupervisionLetterData = z.infer<typeof supervisionLetterDataSchema>;

/** The sentence on progress: metric items give target, done and rate; manual items say nothing was reported. */
function progressSentence(data: ReminderLetterData | SupervisionLetterData, en: boolean): string {
  const unit = textIn(data.unit, en);
  const asOf = dayLabel(data.asOf, en);
  if (data.kind === 'metric' && data.target !== null) {
    const done = data.progress ?? 0;
    const rate = Math.min(100, Math.floor((done / data.target) * 100));
    const left = Math.max(0, data.target - done);
    const metric = textIn(data.metricTitle, en);
    return en
      ? `Its target is ${number(data.target)} ${unit}${metric ? ` (${metric})` : ''}; by ${asOf}, ${number(done)} ${unit} had been done (${rate}%), ${number(left)} ${unit} short of it.`
      : `该事项目标为${number(data.target)}${unit}${metric ? `（统计指标：${metric}）` : ''}，截至${asOf}已完成${number(done)}${unit}，完成率${rate}%，尚差${number(left)}${unit}。`;
  }
  return en ? `By ${asOf}, your organisation had not reported it done.` : `截至${asOf}，你单位尚未报送该事项的完成情况。`;
}

function itemTable(data: ReminderLetterData | SupervisionLetterData, en: boolean, overdue: number | null): DocumentBlock {
  const unit = textIn(data.unit, en);
  const metric = data.kind === 'metric' && data.target !== null;
  const columns = en ? ['Item', 'Target', 'Done', 'Due', ...(overdue !== null ? ['Days overdue'] : [])] : ['事项', '目标', '已完成', '截止日期', ...(overdue !== null ? ['逾期天数'] : [])];
  const row: (string | number)[] = [
    data.itemTitle,
    metric ? `${number(data.target!)}${en ? ' ' : ''}${unit}` : en ? 'done and reported' : '完成并报送',
    metric ? `${number(data.progress ?? 0)}${en ? ' ' : ''}${unit}` : en ? 'not reported' : '未报送',
    dayLabel(data.due, en),
    ...(overdue !== null ? [overdue] : []),
  ];
  return { kind: 'table', caption: en ? 'The item' : '事项情况', columns, rows: [row] };
}

export const reminderLetterTemplate = defineDocumentTemplate<ReminderLetterData>({
  code: 'plans.reminder-letter',
  slot: 'reminder-letter',
  title: { zh: '工作提醒函', en: 'Work reminder letter' },
  dataSchema: reminderLetterDataSchema,
  async render(data, ctx: DocumentRenderContext) {
    const en = ctx.locale === 'en';
    const assignee = await ctx.orgName(data.assigneeOrgCode);
    const due = dayLabel(data.due, en);
    const when =
      data.workingDaysLeft === 0
        ? en
          ? `is due today (${due})`
          : `于今日（${due}）到期`
        : en
          ? `is due on ${due}, ${data.workingDaysLeft} working day${data.workingDaysLeft === 1 ? '' : 's'} from now`
          : `将于${due}到期，距截止还有${data.workingDaysLeft}个工作日`;
    const how = data.kind === 'metric' ? (en ? 'record the work in the work diary' : '及时填报工作日志') : en ? 'check it off with its evidence in the system' : '完成后在系统中勾选并附佐证材料';
    return {
      title: en ? `Reminder to complete "${data.itemTitle}" on time` : `关于按期完成${titleBreak}“${data.itemTitle}”${titleBreak}的提醒函`,
      // The 主送机关 is the authority (红山区司法局), not the division.
      recipients: [await ctx.authorityName(data.assigneeOrgCode)],
      blocks: [
        {
          kind: 'paragraph',
          text: en
            ? `Under the plan "${data.planTitle}" (${periodLabel(data.period, true)}), the item "${data.itemTitle}" assigned to your organisation ${when}.`
            : `根据《${data.planTitle}》（${periodLabel(data.period, false)}）安排，你单位承担的“${data.itemTitle}”事项${when}。`,
        },
        { kind: 'paragraph', text: progressSentence(data, en) },
        itemTable(data, en, null),
        {
          kind: 'paragraph',
          text: en ? `Please press on against the target to finish it on time, and ${how}.` : `请你单位对照目标抓紧推进，确保按期完成，并${how}。`,
        },
        { kind: 'paragraph', text: en ? 'This is a reminder.' : '特此提醒。' },
      ],
    };
  },
});

export const supervisionLetterTemplate = defineDocumentTemplate<SupervisionLetterData>({
  code: 'plans.supervision-letter',
  slot: 'supervision-letter',
  title: { zh: '工作督办函', en: 'Work supervision letter' },
  dataSchema: supervisionLetterDataSchema,
  async render(data, ctx: DocumentRenderContext) {
    const en = ctx.locale === 'en';
    const assignee = await ctx.orgName(data.assigneeOrgCode);
    const previousNames = await Promise.all(data.previous.map((p) => ctx.orgName(p.issuerOrgCode)));
    const blocks: DocumentBlock[] = [
      {
        kind: 'paragraph',
        text: en
          ? `Under the plan "${data.planTitle}" (${periodLabel(data.period, true)}), the item "${data.itemTitle}" assigned to your organisation was due by ${dayLabel(data.due, true)}. ${progressSentence(data, true)} It is ${data.daysOverdue} day${data.daysOverdue === 1 ? '' : 's'} overdue.`
          : `根据《${data.planTitle}》（${periodLabel(data.period, false)}）安排，你单位承担的“${data.itemTitle}”事项应于${dayLabel(data.due, false)}前完成。${progressSentence(data, false)}该事项已逾期${data.daysOverdue}天。`,
      },
    ];
    if (data.previous.length) {
      const earlier = data.previous.map((p, i) =>
        en
          ? `${previousNames[i]} on ${dayLabel(p.issuedOn, true)}${p.number ? ` (${p.number})` : ''}`
          : `${previousNames[i]}于${dayLabel(p.issuedOn, false)}${p.number ? `（${p.number}）` : ''}`,
      );
      blocks.push({
        kind: 'paragraph',
        text: en
          ? `Supervision letters on this item were issued before by ${earlier.join('; ')}; it is still not done.`
          : `此前，${earlier.join('；')}已就该事项发出督办函，该事项至今仍未完成。`,
      });
    }
    blocks.push(itemTable(data, en, data.daysOverdue));
    blocks.push({
      kind: 'paragraph',
      text: en
        ? `Please give this your full attention, find out why it is late, take effective measures to complete it without delay, and report in writing to ${ctx.issuerName} on what was done and the corrective measures by ${dayLabel(data.reportBy, true)}.`
        : `请你单位高度重视，认真分析逾期原因，采取有效措施抓紧办理，并于${dayLabel(data.reportBy, false)}前将办理情况及整改措施书面报送${ctx.issuerName}。`,
    });
    blocks.push({ kind: 'paragraph', text: en ? 'This letter is for supervision.' : '特此督办。' });
    return {
      title: en ? `Supervision of the overdue item "${data.itemTitle}"` : `关于督办${titleBreak}“${data.itemTitle}”${titleBreak}逾期未完成事项的函`,
      // The 主送机关 is the authority (红山区司法局), not the division.
      recipients: [await ctx.authorityName(data.assigneeOrgCode)],
      blocks,
      ...(previousNames.length ? { copyTo: previousNames } : {}),
    };
  },
});
