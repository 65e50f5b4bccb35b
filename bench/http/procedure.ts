/**
 * The one procedure the HTTP benchmark serves three ways: zod-validated input, an answer computed
 * from it, no database. Defined once; every variant in ./variants.ts mounts these objects.
 */
import { z } from 'zod';
import { createRouter, publicProcedure } from '@sifa/core';

export const summaryInput = z.object({
  orgCode: z.string().regex(/^\d{9}$/),
  day: z.iso.date(),
});
export type SummaryInput = z.infer<typeof summaryInput>;

const dayMs = 86_400_000;

export function summarize({ orgCode, day }: SummaryInput) {
  const date = new Date(`${day}T00:00:00Z`);
  return {
    orgCode,
    countyCode: orgCode.slice(0, 6),
    day,
    weekday: date.getUTCDay(),
    dayOfYear: Math.round((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / dayMs) + 1,
    quarter: Math.floor(date.getUTCMonth() / 3) + 1,
  };
}

/** Plugin id = router key, so every variant serves it at /trpc/bench.summary. */
export const pluginId = 'bench';
export const benchRouter = createRouter({
  summary: publicProcedure.input(summaryInput).query(({ input }) => summarize(input)),
});
export const procedurePath = `/trpc/${pluginId}.summary`;
