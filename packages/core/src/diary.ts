/**
 * The work diary (工作日志) contract: the single data source of the platform. Plugins contribute
 * diary items; each item's fields are a declarative spec (numbers, minutes, text, choices,
 * attachment metadata) from which `diaryFieldsSchema` builds ONE zod schema — the browser form
 * and the server build it with this same function from the same spec, so they validate alike,
 * and the spec travels as JSON to widgets that were built before the plugin existed.
 */
import { z } from 'zod';
import { localizedTextSchema } from './locale-schema.js';
import { metricCodeSchema } from './facts.js';
import { isoDaySchema } from './dates.js';
import { orgCodeSchema } from './org.js';
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

export const diaryMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month is written YYYY-MM');

/** Input of `diary.save`: the client makes the idempotency key before any network call. */
export const diarySaveInputSchema = z.object({
  idempotencyKey: z.uuid(),
  day: isoDaySchema,
  itemCode: diaryItemSchema.shape.code,
  /** The office the entry is for; the caller's own org when absent. */
  orgCode: orgCodeSchema.optional(),
  fields: z.record(z.string(), z.unknown()),
});
export type DiarySaveInput = z.input<typeof diarySaveInputSchema>;

export const diaryUpdateInputSchema = z.object({ id: z.string().uuid(), fields: z.record(z.string(), z.unknown()) });
export const diaryRemoveInputSchema = z.object({ id: z.string().uuid() });
export const diaryMonthInputSchema = z.object({ month: diaryMonthSchema, orgCode: orgCodeSchema.optional() });

export const diaryEntrySchema = z.object({
  id: z.string(),
  idempotencyKey: z.string(),
  orgCode: z.string(),
  day: z.string(),
  itemCode: z.string(),
  fields: z.record(z.string(), z.unknown()),
  authorId: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Until when the author may still edit or delete it (ISO time). */
  editableUntil: z.string(),
});
export type DiaryEntry = z.infer<typeof diaryEntrySchema>;

export const diaryMonthSchemaOutput = z.object({
  month: z.string(),
  orgCode: z.string(),
  entries: z.array(diaryEntrySchema),
});
export type DiaryMonth = z.infer<typeof diaryMonthSchemaOutput>;

export const diaryCatalogSchema = z.object({
  items: z.array(diaryItemSchema.extend({ plugin: z.string() })),
  editWindowDays: z.number().int(),
});
export type DiaryCatalog = z.infer<typeof diaryCatalogSchema>;

/**
 * The diary procedures every widget can call (the diary plugin serves them under `diary.`):
 * widgets type their calls with this map instead of importing a server router.
 */
export interface DiaryApi {
  'diary.catalog': { type: 'query'; input: undefined; output: DiaryCatalog };
  'diary.month': { type: 'query'; input: z.input<typeof diaryMonthInputSchema>; output: DiaryMonth };
  'diary.save': { type: 'mutation'; input: DiarySaveInput; output: DiaryEntry };
  'diary.update': { type: 'mutation'; input: z.input<typeof diaryUpdateInputSchema>; output: DiaryEntry };
  'diary.remove': { type: 'mutation'; input: z.input<typeof diaryRemoveInputSchema>; output: { id: string } };
}
