/**
 * The zod schemas of the diary's procedures (browser-safe), and their types: inputs as a caller
 * writes them (`z.input`), outputs as the server validates and sends them. The items' field specs
 * and the schema an entry's fields are validated with are the platform's contract (@sifa/core
 * `diaryItemSchema`, `diaryFieldsSchema`): any plugin contributes items.
 */
import { z } from 'zod';
import { diaryItemSchema, isoDaySchema, localizedTextSchema, orgCodeSchema } from '@sifa/core';

export const diaryMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month is written YYYY-MM');

/**
 * Who the client writes for (its offline store's owner, as `platform.auth.me` named them): a
 * change sent with another user's token — a shared computer where someone else signed in while
 * it was on its way — is refused (`diary.otherUser`) instead of being stored under them.
 */
const authorSchema = z.string().min(1).max(200).optional();

/** Input of `diary.save`: the client makes the idempotency key before any network call. */
export const diarySaveInputSchema = z.object({
  idempotencyKey: z.uuid(),
  author: authorSchema,
  day: isoDaySchema,
  itemCode: diaryItemSchema.shape.code,
  /** The office the entry is for; the caller's own org when absent. */
  orgCode: orgCodeSchema.optional(),
  fields: z.record(z.string(), z.unknown()),
});
export type DiarySaveInput = z.input<typeof diarySaveInputSchema>;

/** Most entries one `diary.saveMany` takes (an outbox syncs a longer queue in several calls). */
export const diarySaveManyMax = 200;

/**
 * Input of `diary.saveMany`: an outbox's queued saves in one request. Each entry is saved in a
 * savepoint of its own with the same checks and idempotency as `diary.save`; one refused entry
 * does not stop the others.
 */
export const diarySaveManyInputSchema = z.object({
  entries: z.array(diarySaveInputSchema).min(1).max(diarySaveManyMax),
});
export type DiarySaveManyInput = z.input<typeof diarySaveManyInputSchema>;

/** Input of `diary.update`: the entry's new fields (validated by its item's schema). */
export const diaryUpdateInputSchema = z.object({ id: z.string().uuid(), fields: z.record(z.string(), z.unknown()), author: authorSchema });
export type DiaryUpdateInput = z.input<typeof diaryUpdateInputSchema>;

export const diaryRemoveInputSchema = z.object({ id: z.string().uuid(), author: authorSchema });
export type DiaryRemoveInput = z.input<typeof diaryRemoveInputSchema>;
/** What `diary.remove` answers: the removed entry's id. */
export const diaryRemovedSchema = z.object({ id: z.string() });

/** Input of `diary.month`: a month of the caller's subtree (or of `orgCode`'s). */
export const diaryMonthInputSchema = z.object({ month: diaryMonthSchema, orgCode: orgCodeSchema.optional() });
export type DiaryMonthInput = z.input<typeof diaryMonthInputSchema>;

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

/** Why one entry of a `diary.saveMany` was refused: the error `diary.save` would have answered. */
export const diaryEntryRefusalSchema = z.object({
  sifaCode: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  pluginError: z.string().nullable(),
});
export type DiaryEntryRefusal = z.infer<typeof diaryEntryRefusalSchema>;

/** Output of `diary.saveMany`: one result per entry, in the order sent. */
export const diarySaveManyOutputSchema = z.object({
  results: z.array(
    z.discriminatedUnion('ok', [
      z.object({ idempotencyKey: z.string(), ok: z.literal(true), entry: diaryEntrySchema }),
      z.object({ idempotencyKey: z.string(), ok: z.literal(false), error: diaryEntryRefusalSchema }),
    ]),
  ),
});
export type DiarySaveManyOutput = z.infer<typeof diarySaveManyOutputSchema>;

/** What `diary.month` answers. */
export const diaryMonthOutputSchema = z.object({
  month: z.string(),
  orgCode: z.string(),
  entries: z.array(diaryEntrySchema),
});
export type DiaryMonth = z.infer<typeof diaryMonthOutputSchema>;

/** What `diary.catalog` answers: every installed plugin's diary items and the edit window. */
export const diaryCatalogSchema = z.object({
  items: z.array(
    diaryItemSchema.safeExtend({
      plugin: z.string(),
      /** Set when another plugin's records produce the item's numbers (mediation case files): shown read-only, not typed. */
      derived: z.object({ plugin: z.string(), from: localizedTextSchema }).optional(),
    }),
  ),
  editWindowDays: z.number().int(),
});
export type DiaryCatalog = z.infer<typeof diaryCatalogSchema>;
