/**
 * `platform.calendar`: the working-day calendar's data. Reading is public (reference data, like
 * the org tree); importing needs `platform.calendar.manage` AND a caller of the root org of the
 * tree (the data is shared by the whole platform).
 */
import { z } from 'zod';
import {
  calendarFileFormats,
  createRouter,
  publicProcedure,
  scopedProcedure,
  type CalendarImportResult,
  type CalendarStatus,
  type CalendarYearView,
} from '@sifa/core';
import type { CalendarPlatform } from './service.js';

const yearSchema = z.number().int().min(1900).max(2200);

export const calendarImportInputSchema = z.object({
  format: z.enum(calendarFileFormats),
  /** The file's text; the request body limit (SIFA_MAX_BODY_BYTES) applies. */
  content: z.string().min(1).max(2_000_000),
  year: yearSchema.optional(),
  dryRun: z.boolean().optional(),
});

export function createCalendarRouter(calendar: CalendarPlatform) {
  return createRouter({
    /** A year's holidays and adjusted working days as in use, with every version held. */
    year: publicProcedure.input(z.object({ year: yearSchema })).query(({ input }): CalendarYearView => calendar.year(input.year)),

    /** Which years have data and which upcoming year still lacks it. */
    status: publicProcedure.query((): CalendarStatus => calendar.status()),

    /**
     * Adds (or corrects) a year from a JSON, CSV or iCalendar file: a new immutable version, open
     * plans re-split, audited. `dryRun` checks and reports without importing.
     */
    import: scopedProcedure('platform.calendar.manage')
      .input(calendarImportInputSchema)
      .mutation(({ ctx, input }): Promise<CalendarImportResult> => calendar.importYear(ctx, input, ctx.locale)),
  });
}
