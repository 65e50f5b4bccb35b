/** The plugin's one table: institutions on the legal-services map, org-owned (row-level security by org path). */
import { boolean, doublePrecision, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgColumns, orgScopePolicy } from '@sifa/core/db';
import type { OpeningHours } from '../schemas.js';
import type { InstitutionName, InstitutionPhoto } from '../types.js';

export const institutions = pgTable(
  'institutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...orgColumns(),
    /** The key in the source system an import came from; re-imports update by it. */
    externalId: text('external_id'),
    type: text('type').notNull(),
    name: jsonb('name').$type<InstitutionName>().notNull(),
    address: jsonb('address').$type<InstitutionName>().notNull(),
    phone: text('phone'),
    hours: jsonb('hours').$type<OpeningHours[]>().notNull(),
    hoursNote: jsonb('hours_note').$type<InstitutionName>(),
    services: text('services').array().notNull(),
    /** WGS-84 / CGCS2000 degrees. */
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    positionApproximate: boolean('position_approximate').notNull(),
    photos: jsonb('photos').$type<InstitutionPhoto[]>().notNull(),
    tourId: text('tour_id'),
    /** Lower-cased names and addresses in every language, for `q` (services match by code). */
    searchText: text('search_text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('institutions_scope_type_idx').on(t.orgPath.op('text_pattern_ops'), t.type),
    uniqueIndex('institutions_external_id_idx').on(t.externalId),
    orgScopePolicy('institutions'),
  ],
).enableRLS();

export type InstitutionRow = typeof institutions.$inferSelect;
export type NewInstitutionRow = typeof institutions.$inferInsert;
