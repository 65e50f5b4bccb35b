/**
 * The applications plugin's tables: the two lists the checks before forwarding read, both
 * org-owned (row-level security by org path; writable only in the owner's subtree):
 * - `applications_negative_list`: the local negative list (事项负面清单), entries owned by the
 *   city or a county and applying below it: besides the scope policy, a read-only policy lets the
 *   orgs below the owner read them (an office's check sees its county's and the city's entries).
 * - `applications_bodies`: the city's list of reconsideration bodies (行政复议机关名单), the city
 *   government owned by the city and each county-level government by its county. The list is
 *   public and an office must see every body of its city (an application may concern another
 *   county): a read-only policy opens the rows owned by the ancestors of the scope and everywhere
 *   in the scope's city (the first two levels of its path).
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgPolicy, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgColumns, orgScopePolicy, sifaAppRole } from '@sifa/core/db';
import type { MatterField } from '../rules.js';

type Text = { zh: string; en?: string | undefined };

export const negativeList = pgTable(
  'applications_negative_list',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...orgColumns(),
    title: jsonb('title').$type<Text>().notNull(),
    basis: text('basis').notNull(),
    note: jsonb('note').$type<Text>(),
    fields: jsonb('fields').$type<MatterField[]>().notNull(),
    keywords: jsonb('keywords').$type<string[]>().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    demo: boolean('demo').notNull().default(false),
    revision: integer('revision').notNull().default(0),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('applications_negative_list_scope_idx').on(t.orgPath.op('text_pattern_ops')),
    orgScopePolicy('applications_negative_list'),
    // Entries owned above the scope apply to it: readable (never writable) there.
    pgPolicy('applications_negative_list_inherited_read', { as: 'permissive', for: 'select', to: sifaAppRole, using: sql`sifa_scope_path() LIKE org_path || '%'` }),
  ],
).enableRLS();

export const bodies = pgTable(
  'applications_bodies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...orgColumns(),
    name: text('name').notNull(),
    level: text('level', { enum: ['city', 'county'] }).notNull(),
    divisionCode: text('division_code').notNull(),
    area: jsonb('area').$type<string[]>().notNull(),
    demo: boolean('demo').notNull().default(false),
    revision: integer('revision').notNull().default(0),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('applications_bodies_scope_idx').on(t.orgPath.op('text_pattern_ops')),
    orgScopePolicy('applications_bodies'),
    // The whole city's list (and what is owned above the scope) is readable, never writable, everywhere in the city.
    pgPolicy('applications_bodies_city_read', {
      as: 'permissive',
      for: 'select',
      to: sifaAppRole,
      using: sql`sifa_scope_path() LIKE org_path || '%' OR org_path LIKE substring(sifa_scope_path() from '^/[^/]+/[^/]+/') || '%'`,
    }),
  ],
).enableRLS();

export type NegativeListRow = typeof negativeList.$inferSelect;
export type BodyRow = typeof bodies.$inferSelect;
