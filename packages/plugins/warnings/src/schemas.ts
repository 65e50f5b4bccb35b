/**
 * The zod schemas of warning rules and of every lifecycle step's input, shared by the server and
 * any editor UI (browser-safe). Their types are the contract types of @sifa/core `warnings.ts`
 * (the server tests check they are exactly those).
 */
import { z } from 'zod';
import { isoDaySchema, localizedTextSchema, metricCodeSchema, orgCodeSchema } from '@sifa/core';
import { wmsg } from './messages.js';

export const warningSeveritySchema = z.enum(['info', 'warning', 'urgent']);
export const warningTargetLevelSchema = z.enum(['office', 'county']);
export const warningPeriodKindSchema = z.enum(['month', 'quarter', 'year']);
export const warningPeriodOfSchema = z.enum(['completed', 'current']);

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
  z.object({
    kind: z.literal('metric-threshold'),
    metric: metricCodeSchema,
    period: warningPeriodKindSchema,
    periodOf: warningPeriodOfSchema,
    comparison: z.enum(['below', 'above']),
    threshold: line,
  }),
  z.object({
    kind: z.literal('metric-drop'),
    metric: metricCodeSchema,
    period: warningPeriodKindSchema,
    dropPercent: z.number().finite().min(1, wmsg('percent')).max(100, wmsg('percent')),
    /** Periods before with less than this are not compared (a drop from 1 to 0 says little). */
    minPrevious: line,
  }),
  z
    .object({
      kind: z.literal('diary-missing'),
      windowWorkingDays: z.int(wmsg('windowDays')).min(1, wmsg('windowDays')).max(60, wmsg('windowDays')),
      toleratedDays: z.int(wmsg('toleratedDays')).min(0, wmsg('toleratedDays')).max(59, wmsg('toleratedDays')),
    })
    .refine((p) => p.toleratedDays < p.windowWorkingDays, { message: wmsg('toleratedDays'), path: ['toleratedDays'] }),
  z.object({
    kind: z.literal('plan-overdue'),
    source: signalCodeSchema,
    graceDays: z.int(wmsg('graceDays')).min(0, wmsg('graceDays')).max(365, wmsg('graceDays')),
    lookbackDays,
  }),
  z.object({
    kind: z.literal('score-below'),
    indicator: signalCodeSchema,
    period: warningPeriodKindSchema,
    periodOf: warningPeriodOfSchema,
    threshold: line,
  }),
  z.object({
    kind: z.literal('deadline-approaching'),
    /** Empty: every installed deadline source. */
    sources: z.array(signalCodeSchema).max(20, wmsg('tooMany')),
    withinWorkingDays: z.int(wmsg('withinDays')).min(0, wmsg('withinDays')).max(60, wmsg('withinDays')),
    lookbackDays,
  }),
]);
export type WarningRuleParamsInput = z.input<typeof warningRuleParamsSchema>;

const title = localizedTextSchema.refine((t) => t.zh.length <= 120 && t.en.length <= 200 && (t.mn?.length ?? 0) <= 200, { message: wmsg('tooLong') });

export const warningRuleInputSchema = z.object({
  orgCode: orgCodeSchema.optional(),
  title,
  targetLevel: warningTargetLevelSchema,
  severity: warningSeveritySchema,
  enabled: z.boolean().optional(),
  params: warningRuleParamsSchema,
});

export const warningIdSchema = z.uuid(wmsg('id'));

export const warningRuleUpdateSchema = warningRuleInputSchema.extend({ id: warningIdSchema, revision: z.int().min(0) });

const text = (max: number) => z.string().trim().min(1, wmsg('required')).max(max, wmsg('tooLong'));
const note = z.string().trim().max(1000, wmsg('tooLong')).optional();

export const warningListInputSchema = z.object({
  orgCode: orgCodeSchema.optional(),
  status: z.enum(['open', 'closed', 'all']).optional(),
  severity: warningSeveritySchema.optional(),
  limit: z.int().min(1).max(200).optional(),
});

export const warningEvaluationInputSchema = z.object({
  orgCode: orgCodeSchema.optional(),
  at: isoDaySchema.optional(),
});

export const warningNoticeInputSchema = z.object({
  id: warningIdSchema,
  requirement: text(2000),
  respondBy: isoDaySchema.optional(),
  rectification: z
    .object({
      requirements: z.array(text(500)).min(1, wmsg('required')).max(20, wmsg('tooMany')),
      basis: z.string().trim().max(500, wmsg('tooLong')).optional(),
    })
    .optional(),
  note,
});

export const warningAssignInputSchema = z.object({
  id: warningIdSchema,
  orgCode: orgCodeSchema,
  person: z.string().trim().min(1, wmsg('person')).max(40, wmsg('person')).optional(),
  task: text(2000),
  respondBy: isoDaySchema.optional(),
  note,
});

export const warningRespondInputSchema = z.object({
  id: warningIdSchema,
  text: text(4000),
  measures: z.array(text(500)).max(20, wmsg('tooMany')).optional(),
});

export const warningCloseInputSchema = z.object({
  id: warningIdSchema,
  note,
  advice: text(4000).optional(),
});
