/** Inputs of the plugin's procedures: one zod schema each, used by the router and typed for clients. */
import { z } from 'zod';
import { isoDaySchema, orgCodeSchema } from '@sifa/core';

export const correctionSchemas = {
  list: z.object({
    /** Only this org's subtree (default: the caller's whole subtree). */
    orgCode: orgCodeSchema.optional(),
    limit: z.number().int().min(1).max(500).default(100),
  }),
  create: z.object({
    orgCode: orgCodeSchema,
    title: z.string().trim().min(1).max(200),
    day: isoDaySchema,
    people: z.number().int().min(0).max(100_000),
  }),
  issueReceipt: z.object({ id: z.uuid() }),
};

export type ListCorrectionRecordsInput = z.input<typeof correctionSchemas.list>;
export type CreateCorrectionRecordInput = z.input<typeof correctionSchemas.create>;
export type IssueCorrectionReceiptInput = z.input<typeof correctionSchemas.issueReceipt>;
