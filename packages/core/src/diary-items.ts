/**
 * The contract for contributing diary items (`contributes.diaryItems`): the work diary (工作日志)
 * is the single data source of the platform, and any plugin may add items to it. Each item's
 * fields are a declarative spec (numbers, minutes, text, choices, attachment metadata) from which
 * `diaryFieldsSchema` (diary-fields.ts) builds ONE zod schema — the browser form and the server
 * build it with that same function from the same spec, so they validate alike, and the spec
 * travels as JSON to widgets that were built before the plugin existed. The diary plugin's own
 * procedures (entries, months, the catalogue) are typed in @sifa/plugin-diary.
 */
import { z } from 'zod';
import { localizedTextSchema } from './locale-schema.js';
import { metricCodeSchema } from './facts.js';
import { msg } from './messages.js';
import { assessmentParts } from './diary-fields.js';

const fieldBase = {
  title: localizedTextSchema,
  help: localizedTextSchema.optional(),
  required: z.boolean().default(true),
};

export const diaryFieldSpecSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('count'),
    ...fieldBase,
    unit: localizedTextSchema.optional(),
    max: z.number().int().positive().max(1_000_000).default(10_000),
    /** Metric this number feeds as a fact. */
    metric: metricCodeSchema.optional(),
  }),
  z.object({
    kind: z.literal('minutes'),
    ...fieldBase,
    max: z.number().int().positive().max(1440).default(1440),
    metric: metricCodeSchema.optional(),
  }),
  z.object({
    kind: z.literal('text'),
    ...fieldBase,
    maxLength: z.number().int().positive().max(10_000).default(2000),
    multiline: z.boolean().default(false),
  }),
  z.object({
    kind: z.literal('choice'),
    ...fieldBase,
    options: z.array(z.object({ value: z.string().regex(/^[a-z0-9-]+$/), title: localizedTextSchema })).min(2).max(30),
  }),
  z.object({
    kind: z.literal('attachments'),
    ...fieldBase,
    required: z.boolean().default(false),
    maxFiles: z.number().int().positive().max(20).default(5),
  }),
]);
export type DiaryFieldSpecInput = z.input<typeof diaryFieldSpecSchema>;
export type DiaryFieldSpec = z.output<typeof diaryFieldSpecSchema>;

const fieldName = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'A field name is camelCase, starting with a lower-case letter');

/**
 * A rule between two numeric fields of one entry, as data: `atMost` says field ≤ factor × other
 * (agreements reached ≤ disputes mediated), `atLeast` says field ≥ factor × other (parties ≥ 2 ×
 * disputes). `diaryFieldsSchema` checks it, so the form and `diary.save` refuse the same entries;
 * its issue is on `field`, with `message` (the reader's language). Rules keep the ratios the
 * dashboard derives from an item's metrics within bounds: a success rate cannot pass 100 %.
 */
export const diaryFieldRuleSchema = z.object({
  /** The field the rule constrains: its message shows under it. */
  field: fieldName,
  kind: z.enum(['atMost', 'atLeast']),
  /** The field it is compared with (both numeric: count or minutes). */
  other: fieldName,
  factor: z.number().positive().max(1000).default(1),
  message: localizedTextSchema,
});
export type DiaryFieldRuleInput = z.input<typeof diaryFieldRuleSchema>;
export type DiaryFieldRule = z.output<typeof diaryFieldRuleSchema>;

export const diaryItemSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*$/, msg('contributionCode')),
    title: localizedTextSchema,
    part: z.enum(assessmentParts),
    fields: z.record(fieldName, diaryFieldSpecSchema).refine((f) => Object.keys(f).length > 0 && Object.keys(f).length <= 20, {
      message: 'An item has 1 to 20 fields',
    }),
    /** Cross-field rules, checked after each field's own checks pass. */
    rules: z.array(diaryFieldRuleSchema).max(20).default([]),
  })
  .superRefine((item, ctx) => {
    item.rules.forEach((rule, i) => {
      for (const key of ['field', 'other'] as const) {
        const kind = item.fields[rule[key]]?.kind;
        if (kind !== 'count' && kind !== 'minutes') {
          ctx.addIssue({ code: 'custom', path: ['rules', i, key], message: `A rule compares two numeric fields (count or minutes) of the item; "${rule[key]}" is not one` });
        }
      }
      if (rule.field === rule.other) ctx.addIssue({ code: 'custom', path: ['rules', i, 'other'], message: 'A rule compares two different fields' });
    });
  });
export type DiaryItemInput = z.input<typeof diaryItemSchema>;
export type DiaryItem = z.output<typeof diaryItemSchema>;
