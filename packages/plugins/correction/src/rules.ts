/**
 * The rules of community-correction casework that are statute or local practice, as DATA in one
 * module (a deployment replaces it through `createCorrectionPlugin({ rules })`): the report-in
 * period (社区矫正法 art. 21), who approves leave by its length (local practice), the longest
 * electronic-monitoring period (art. 29), the management-class suggestion (local practice: one
 * province's rules as the demo) and the stages (入矫 first month, 解矫 last month). The checks
 * (server/checks.ts) and `suggestClass` read these; nothing here is a constant buried in code.
 */
import { z } from 'zod';
import { addDays, type LocalizedText } from '@sifa/core';

export const leaveApproverLevels = ['office', 'county'] as const;
export type LeaveApproverLevel = (typeof leaveApproverLevels)[number];

const localized = z.object({ zh: z.string().min(1), en: z.string().min(1), mn: z.string().min(1).optional() });

export const correctionRulesSchema = z.object({
  /** 社区矫正法 art. 21: report within this many (calendar) days of the judgment taking effect. */
  reportInDays: z.number().int().positive().max(60),
  /**
   * Leave (外出, art. 27): who approves by length, shortest first; a leave longer than the last
   * entry's `maxDays` is refused. Local practice (the implementing measures are commonly read as
   * office ≤ 7 days, county up to one month): configurable.
   */
  leave: z
    .array(z.object({ approver: z.enum(leaveApproverLevels), maxDays: z.number().int().positive().max(366) }))
    .min(1)
    .refine((levels) => levels.every((l, i) => i === 0 || l.maxDays > levels[i - 1]!.maxDays), 'Levels by increasing maxDays'),
  leaveBasis: localized,
  /** Art. 29: one electronic-monitoring period is at most this many months (renewable with reasons). */
  monitoringMaxMonths: z.number().int().positive().max(12),
  /**
   * The management class suggested (严管/普管/宽管), local practice: the first rule that holds
   * decides, else `otherwise`. A rule holds when ANY of its conditions does.
   */
  classRules: z.array(
    z.object({
      class: z.enum(['strict', 'normal', 'lenient']),
      label: localized,
      when: z.object({
        monthsInBelow: z.number().int().positive().optional(),
        monthsInAtLeast: z.number().int().positive().optional(),
        risk: z.array(z.enum(['low', 'medium', 'high'])).optional(),
        reprimandsAtLeast: z.number().int().positive().optional(),
        warningsAtLeast: z.number().int().positive().optional(),
        /** Holds only when every listed condition above holds (default: any). */
        all: z.boolean().default(false),
      }),
    }),
  ),
  classOtherwise: z.enum(['strict', 'normal', 'lenient']),
  classBasis: localized,
});
export type CorrectionRules = z.output<typeof correctionRulesSchema>;
export type CorrectionRulesInput = z.input<typeof correctionRulesSchema>;

/** The demo rules (one province's published practice for the classes; the statute for the rest). */
export const defaultCorrectionRules: CorrectionRules = correctionRulesSchema.parse({
  reportInDays: 10,
  leave: [
    { approver: 'office', maxDays: 7 },
    { approver: 'county', maxDays: 30 },
  ],
  leaveBasis: {
    zh: '《社区矫正法》第二十七条；审批层级按本地做法（7日以内由司法所批准，超过7日由县级社区矫正机构批准，一次不超过一个月），可配置。',
    en: 'Community Correction Law art. 27; approval levels are local practice (up to 7 days the office, longer the county institution, at most one month a time), configurable.',
    mn: 'ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠵᠠᠰᠠᠯ ᠤᠨ ᠬᠠᠤᠯᠢ᠂ 27 ᠳᠦᠭᠡᠷ ᠵᠦᠢᠯ᠂ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ ᠰᠢᠲᠦᠭᠡᠨ ᠨᠢ ᠣᠷᠤᠨ ᠨᠤᠲᠤᠭ ᠤᠨ ᠵᠠᠨᠭ ᠠᠶᠠᠯᠢ (7 ᠡᠳᠦᠷ ᠬᠦᠷᠲᠡᠯᠡ ᠲᠠᠰᠤᠭ᠂ 7 ᠡᠳᠦᠷ ᠡᠴᠡ ᠢᠯᠡᠭᠦᠦ ᠪᠣᠯ ᠰᠢᠶᠠᠨ ᠦ ᠵᠠᠰᠠᠯ ᠤᠨ ᠪᠠᠶᠢᠭᠤᠯᠯᠠᠭ᠎ᠠ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠨ᠎ᠡ᠂ ᠨᠢᠭᠡ ᠤᠳᠠᠭ᠎ᠠ ᠳᠤ ᠨᠢᠭᠡ ᠰᠠᠷ᠎ᠠ ᠠᠴᠠ ᠢᠯᠡᠭᠦᠦ ᠦᠭᠡᠢ)᠂ ᠲᠣᠬᠢᠷᠭᠠᠨ᠎ᠠ᠃',
  },
  monitoringMaxMonths: 3,
  classRules: [
    {
      class: 'strict',
      label: { zh: '入矫不满2个月、高风险、受训诫2次以上或受过警告的，严管', en: 'Strict: under 2 months in, high risk, 2+ reprimands or any warning', mn: 'ᠵᠠᠰᠠᠯ ᠳᠤ ᠣᠷᠤᠭᠠᠳ 2 ᠰᠠᠷ᠎ᠠ ᠬᠦᠷᠦᠭᠡᠢ᠂ ᠠᠶᠤᠯ ᠢᠬᠡᠲᠡᠢ᠂ 2 ᠪᠤᠶᠤ ᠲᠡᠭᠦᠨᠡᠴᠡ ᠣᠯᠠᠨ ᠤᠳᠠᠭ᠎ᠠ ᠵᠡᠮᠯᠡᠯ ᠠᠪᠤᠭᠰᠠᠨ ᠪᠤᠶᠤ ᠰᠠᠨᠠᠭᠤᠯᠭ᠎ᠠ ᠠᠪᠤᠭᠰᠠᠨ ᠪᠣᠯ ᠴᠢᠩ' },
      when: { monthsInBelow: 2, risk: ['high'], reprimandsAtLeast: 2, warningsAtLeast: 1 },
    },
    {
      class: 'lenient',
      label: { zh: '在矫满6个月且低风险的，宽管', en: 'Lenient: 6+ months in and low risk', mn: 'ᠵᠠᠰᠠᠯ ᠳᠤ 6 ᠰᠠᠷ᠎ᠠ ᠪᠣᠯᠤᠭᠰᠠᠨ ᠪᠥᠭᠡᠳ ᠠᠶᠤᠯ ᠪᠠᠭᠠᠲᠠᠢ ᠪᠣᠯ ᠠᠭᠤᠤ' },
      when: { monthsInAtLeast: 6, risk: ['low'], all: true },
    },
  ],
  classOtherwise: 'normal',
  classBasis: { zh: '分类管理标准为本地做法（某省规定），可配置。', en: 'The class rules are local practice (one province’s rules), configurable.', mn: 'ᠳᠡᠰ ᠦᠨ ᠬᠡᠮᠵᠦᠭᠦᠷ ᠨᠢ ᠣᠷᠤᠨ ᠨᠤᠲᠤᠭ ᠤᠨ ᠵᠠᠨᠭ ᠠᠶᠠᠯᠢ (ᠨᠢᠭᠡ ᠮᠤᠵᠢ ᠶᠢᠨ ᠲᠣᠭᠲᠠᠭᠠᠯ)᠂ ᠲᠣᠬᠢᠷᠭᠠᠨ᠎ᠠ᠃' },
});

/** Whole months from `from` to `to` (YYYY-MM-DD), counting a month only once its day is reached. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = [Number(from.slice(0, 4)), Number(from.slice(5, 7)), Number(from.slice(8, 10))];
  const [ty, tm, td] = [Number(to.slice(0, 4)), Number(to.slice(5, 7)), Number(to.slice(8, 10))];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** The day `months` calendar months after `day` (the last day of a shorter month). */
export function addMonths(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  const d = Number(day.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Days from `from` to `to` inclusive (a leave from 1 to 7 March is 7 days). */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Who must approve a leave of `days` days, or null when it is longer than any level allows. */
export function leaveApprover(rules: CorrectionRules, days: number): LeaveApproverLevel | null {
  return rules.leave.find((l) => days <= l.maxDays)?.approver ?? null;
}

/** The last day an electronic-monitoring period from `from` may run to (art. 29: at most N months). */
export function monitoringLastDay(rules: CorrectionRules, from: string): string {
  return addDays(addMonths(from, rules.monitoringMaxMonths), -1);
}

export interface ClassFacts {
  monthsIn: number;
  risk: 'low' | 'medium' | 'high' | null;
  reprimands: number;
  warnings: number;
}

/** The class the rules suggest, with the rule that decided (null: `classOtherwise`). */
export function suggestClass(rules: CorrectionRules, facts: ClassFacts): { class: 'strict' | 'normal' | 'lenient'; rule: LocalizedText | null } {
  for (const rule of rules.classRules) {
    const w = rule.when;
    const tests = [
      w.monthsInBelow !== undefined ? facts.monthsIn < w.monthsInBelow : null,
      w.monthsInAtLeast !== undefined ? facts.monthsIn >= w.monthsInAtLeast : null,
      w.risk !== undefined ? facts.risk !== null && w.risk.includes(facts.risk) : null,
      w.reprimandsAtLeast !== undefined ? facts.reprimands >= w.reprimandsAtLeast : null,
      w.warningsAtLeast !== undefined ? facts.warnings >= w.warningsAtLeast : null,
    ].filter((x): x is boolean => x !== null);
    const holds = w.all ? tests.length > 0 && tests.every(Boolean) : tests.some(Boolean);
    if (holds) return { class: rule.class, rule: rule.label };
  }
  return { class: rules.classOtherwise, rule: null };
}

/** The stage on `day`: 入矫 in the first month, 解矫 in the last month, 常规 between. */
export function stageOn(termStart: string, termEnd: string, day: string): 'intake' | 'regular' | 'release' {
  if (day < addMonths(termStart, 1)) return 'intake';
  if (day > addMonths(termEnd, -1)) return 'release';
  return 'regular';
}
