/**
 * Where a correction file's plans, tasks and evaluations read the file's seal: the platform's
 * `cases` table under row-level security in the caller's transaction (a sealed juvenile's rows
 * are visible to its responsible staff, and to jobs that declare `readsSealedCases`).
 */
import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { rowsOf } from '@sifa/core/db';
import type { ScopedServices } from '@sifa/core';

/**
 * The row's case is visible to the caller: the platform's `cases` table under its row-level
 * security in the caller's transaction, so a sealed (juvenile) person's plans, tasks and
 * evaluations are hidden from everyone but the file's responsible staff, like the file itself.
 */
export const caseVisible = (caseId: AnyPgColumn) => sql`EXISTS (SELECT 1 FROM cases WHERE cases.id = ${caseId})`;

/**
 * Whether the case is sealed and who is responsible for it, as the caller sees it (null: not
 * visible to the caller). For whom a sealed file's notifications are meant: its responsible staff only.
 */
export async function sealOf(s: ScopedServices, caseId: string): Promise<{ restricted: boolean; responsible: string[] } | null> {
  const [row] = rowsOf<{ restricted: boolean; responsible: string[] }>(await s.db.execute(sql`SELECT restricted, responsible FROM cases WHERE id = ${caseId}`));
  return row ?? null;
}

/** A sealed file's plans, tasks and evaluations are audited but sent to no webhook (`AuditEntryInput.sealed`). */
export const isSealed = async (s: ScopedServices, caseId: string): Promise<boolean> => (await sealOf(s, caseId))?.restricted === true;
