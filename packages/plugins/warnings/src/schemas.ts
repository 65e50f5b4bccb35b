/**
 * The zod schemas of warning rules and of every procedure's input, shared by the server and any
 * editor UI (browser-safe). The input types callers send are the schemas' (`z.input`); the
 * rule parameters are one type both ways (no defaults, no transforms).
 */
import { z } from 'zod';
import { isoDaySchema, localizedTextSchema, metricCodeSchema, orgCodeSchema } from '@sifa/core';
import { wmsg } from './messages.js';
import { warningSeverities, warningTargetLevels } from './types.js';

export const warningSeveritySchema = z.enum(warningSeverities);
export const warningTargetLevelSchema = z.enum(warningTargetLevels);
export const warningPeriodKindSchema = z.enum(['month', 'quarter', 'year']);
export type WarningPeriodKind = z.infer<typeof warningPeriodKindSchema>;
/** `completed`: the last whole period before the evaluation day; `current`: the period containing it (so far). */
export const warningPeriodOfSchema = z.enum(['completed', 'current']);
export type WarningPeriodOf = z.infer<typeof warningPeriodOfSchema>;

/** A deadline source or indicator code: `<plugin id>.<name>`. */
export const signalCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*$/, wmsg('signalCode'))
  .max(80);

const line = z.number().finite().min(0, wmsg('threshold')).max(1e12, wmsg('threshold'));
const lookbackDays = z.int(wmsg('lookbackDays')).min(1, wmsg('lookbackDays')).max(3650, wmsg('lookbackDays'));

/**
 * Each kind's parameters, all explicit (no defaults hidden in code: a rule reads as it acts).
 * `kind` tells them apart.
 */
export const warningRuleParamsSchema = z.discriminatedUnion('kind', [
  /** A metric's total for the period is below (or above) a line. */
  z.object({
    kind: z.literal('metric-threshold'),
    metric: metricCodeSchema,
    period: warningPeriodKindSchema,
    periodOf: warningPeriodOfSchema,
    comparison: z.enum(['below', 'above']),
    threshold: line,
  }),
  /** A metric's total for the last completed period fell by `dropPercent` % or more against the period before. */
  z.object({
    kind: z.literal('metric-drop'),
    metric: metricCodeSchema,
    period: warningPeriodKindSchema,
    dropPercent: z.number().finite().min(1, wmsg('percent')).max(100, wmsg('percent')),
    /** Periods before with less than this are not compared (a drop from 1 to 0 says little). */
    minPrevious: line,
  }),
  /** More than `toleratedDays` of the last `windowWorkingDays` working days (Chinese calendar) have no diary entry. */
  z
    .object({
      kind: z.literal('diary-missing'),
      windowWorkingDays: z.int(wmsg('windowDays')).min(1, wmsg('windowDays')).max(60, wmsg('windowDays')),
      toleratedDays: z.int(wmsg('toleratedDays')).min(0, wmsg('toleratedDays')).max(59, wmsg('toleratedDays')),
    })
    .refine((p) => p.toleratedDays < p.windowWorkingDays, { message: wmsg('toleratedDays'), path: ['toleratedDays'] }),
  /** An open deadline of `source` (e.g. `plans.items`) is overdue by more than `graceDays` days. */
  z.object({
    kind: z.literal('plan-overdue'),
    source: signalCodeSchema,
    graceDays: z.int(wmsg('graceDays')).min(0, wmsg('graceDays')).max(365, wmsg('graceDays')),
    lookbackDays,
  }),
  /** An indicator (e.g. `assessment.total-score`) of the period is below a line. */
  z.object({
    kind: z.literal('score-below'),
    indicator: signalCodeSchema,
    period: warningPeriodKindSchema,
    periodOf: warningPeriodOfSchema,
    threshold: line,
  }),
  /** An open deadline of `sources` falls due within `withinWorkingDays` working days, or is past due. */
  z.object({
    kind: z.literal('deadline-approaching'),
    /** Empty: every installed deadline source. */
    sources: z.array(signalCodeSchema).max(20, wmsg('tooMany')),
    withinWorkingDays: z.int(wmsg('withinDays')).min(0, wmsg('withinDays')).max(60, wmsg('withinDays')),
    lookbackDays,
  }),
]);
/** A rule's typed parameters (`kind` tells them apart), as sent and as stored (no defaults, no transforms). */
export type WarningRuleParams = z.output<typeof warningRuleParamsSchema>;

const title = localizedTextSchema.refine((t) => t.zh.length <= 120 && t.en.length <= 200 && (t.mn?.length ?? 0) <= 200, { message: wmsg('tooLong') });

export const warningRuleInputSchema = z.object({
  /** Owning org (a county or above, in the caller's scope); the caller's own org when absent. */
  orgCode: orgCodeSchema.optional(),
  title,
  targetLevel: warningTargetLevelSchema,
  severity: warningSeveritySchema,
  enabled: z.boolean().optional(),
  params: warningRuleParamsSchema,
});
export type WarningRuleInput = z.input<typeof warningRuleInputSchema>;

export const warningIdSchema = z.uuid(wmsg('id'));

export const warningRuleUpdateSchema = warningRuleInputSchema.extend({
  id: warningIdSchema,
  /** The revision the editor started from (a stale one is refused). */
  revision: z.int().min(0),
});
export type WarningRuleUpdateInput = z.input<typeof warningRuleUpdateSchema>;

/** Rules that apply in an org's subtree (the caller's own org when absent). */
export const warningRulesInputSchema = z.object({ orgCode: orgCodeSchema.optional() });
export type WarningRulesInput = z.input<typeof warningRulesInputSchema>;

/** One warning or rule, by id. */
export const warningIdInputSchema = z.object({ id: warningIdSchema });

const text = (max: number) => z.string().trim().min(1, wmsg('required')).max(max, wmsg('tooLong'));
const note = z.string().trim().max(1000, wmsg('tooLong')).optional();

export const warningListInputSchema = z.object({
  /** Only this org's subtree (within the caller's scope). */
  orgCode: orgCodeSchema.optional(),
  /** open (default): every state but closed. */
  status: z.enum(['open', 'closed', 'all']).optional(),
  severity: warningSeveritySchema.optional(),
  /** At most this many, most severe and oldest first (default 50, at most 200). */
  limit: z.int().min(1).max(200).optional(),
  /** The next page: the `nextCursor` the page before answered (same filters). */
  cursor: warningIdSchema.optional(),
});
export type WarningListInput = z.input<typeof warningListInputSchema>;

export const warningEvaluationInputSchema = z.object({
  /** Only targets in this org's subtree (within the caller's scope). */
  orgCode: orgCodeSchema.optional(),
  /** The day to evaluate for (YYYY-MM-DD); today in the server's time zone when absent. */
  at: isoDaySchema.optional(),
});
export type WarningEvaluationInput = z.input<typeof warningEvaluationInputSchema>;

export const warningNoticeInputSchema = z.object({
  id: warningIdSchema,
  /** What the warned org must do (printed on the 预警单). */
  requirement: text(2000),
  /** Feedback due by (YYYY-MM-DD); the plugin's default number of working days when absent. */
  respondBy: isoDaySchema.optional(),
  /** Also issue a 整改通知书 with these rectification requirements. */
  rectification: z
    .object({
      requirements: z.array(text(500)).min(1, wmsg('required')).max(20, wmsg('tooMany')),
      basis: z.string().trim().max(500, wmsg('tooLong')).optional(),
    })
    .optional(),
  note,
});
export type WarningNoticeInput = z.input<typeof warningNoticeInputSchema>;

export const warningAssignInputSchema = z.object({
  id: warningIdSchema,
  /** The warned org or an org below it. */
  orgCode: orgCodeSchema,
  person: z.string().trim().min(1, wmsg('person')).max(40, wmsg('person')).optional(),
  task: text(2000),
  respondBy: isoDaySchema.optional(),
  note,
});
export type WarningAssignInput = z.input<typeof warningAssignInputSchema>;

export const warningRespondInputSchema = z.object({
  id: warningIdSchema,
  /** What was found and done (printed on the 反馈单). */
  text: text(4000),
  measures: z.array(text(500)).max(20, wmsg('tooMany')).optional(),
});
export type WarningRespondInput = z.input<typeof warningRespondInputSchema>;

export const warningCloseInputSchema = z.object({
  id: warningIdSchema,
  note,
  /** Also issue a 工作建议书 with this advice. */
  advice: text(4000).optional(),
});
export type WarningCloseInput = z.input<typeof warningCloseInputSchema>;
