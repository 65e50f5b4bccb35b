/** The diary's one table: entries, org-owned (row-level security by org path). */
import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgColumns, orgScopePolicy } from '@sifa/core/db';

export const diaryEntries = pgTable(
  'diary_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...orgColumns(),
    day: date('day', { mode: 'string' }).notNull(),
    itemCode: text('item_code').notNull(),
    /** The fields as validated by `diaryFieldsSchema(item)` (trimmed, defaults filled). */
    fields: jsonb('fields').$type<Record<string, unknown>>().notNull(),
    authorId: text('author_id').notNull(),
    authorName: text('author_name').notNull(),
    /** Made by the client before its first attempt; one entry per (author, key). */
    idempotencyKey: uuid('idempotency_key').notNull(),
    /** SHA-256 of the save request that created the entry (day, item, org, fields), to tell a replay from a reuse. */
    payloadHash: text('payload_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** SHA-256 of the entry's audited columns, set by a trigger and recorded in its audit entries (`sifa audit verify` compares). */
    rowHash: text('row_hash').notNull().default(''),
  },
  (t) => [
    uniqueIndex('diary_entries_author_key_idx').on(t.authorId, t.idempotencyKey),
    index('diary_entries_scope_day_idx').on(t.orgPath.op('text_pattern_ops'), t.day),
    orgScopePolicy('diary_entries'),
  ],
).enableRLS();

export type DiaryEntryRow = typeof diaryEntries.$inferSelect;
