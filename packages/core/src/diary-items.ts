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

export const diaryItemSchema = z.object({
  code: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9.-]*$/, msg('contributionCode')),
  title: localizedTextSchema,
  part: z.enum(assessmentParts),
  fields: z.record(fieldName, diaryFieldSpecSchema).refine((f) => Object.keys(f).length > 0 && Object.keys(f).length <= 20, {
    message: 'An item has 1 to 20 fields',
  }),
});
export type DiaryItemInput = z.input<typeof diaryItemSchema>;
export type DiaryItem = z.output<typeof diaryItemSchema>;
