/**
 * Inputs of the applications plugin's own procedures (the case procedures take the engine's): the
 * checks before forwarding, and the two lists the checks read, edited by city and county admins
 * (`applications.lists`): the local negative list (事项负面清单) and the city's list of
 * reconsideration bodies (行政复议机关名单).
 */
import { z } from 'zod';
import { matterFields } from './rules.js';

const orgCode = z.string().regex(/^\d{2,12}$/);
/** A keyword of a list entry: plain text, `*` a gap (see rules.ts); no regular expressions. */
const keyword = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .refine((k) => k.replaceAll('*', '').trim().length >= 2, 'A keyword has at least two characters besides *');
const zhText = (max: number) => z.object({ zh: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max * 3).optional() });

export const negativeListEntrySchema = z.object({
  /** What is not accepted (e.g. 信访事项的处理意见). */
  title: zhText(100),
  /** Where the list says so (e.g. 赤峰市行政复议不予受理事项清单第3项). */
  basis: z.string().trim().min(1).max(100),
  /** Why, shown to staff. */
  note: zhText(500).optional(),
  /** The case fields read (default: the act contested). */
  fields: z.array(z.enum(matterFields)).min(1).max(matterFields.length).default(['act']),
  keywords: z.array(keyword).min(1).max(30),
  enabled: z.boolean().default(true),
});

export const reconsiderationBodySchema = z.object({
  /** 红山区人民政府 */
  name: z.string().trim().min(2).max(60),
  level: z.enum(['city', 'county']),
  /** The division it governs: 4 digits for a city, 6 for a county. */
  divisionCode: z.string().regex(/^\d{4}(\d{2})?$/),
  /** Its division's name first (红山区), then the townships and streets in it, as respondents are written. */
  area: z.array(z.string().trim().min(2).max(30)).min(1).max(100),
});

const id = z.string().uuid();
const list = z.enum(['negative-list', 'bodies']);

export const applicationsSchemas = {
  negativeList: {
    list: z.object({ orgCode: orgCode.optional() }).default({}),
    create: negativeListEntrySchema.extend({ orgCode: orgCode.optional() }),
    update: negativeListEntrySchema.extend({ id, revision: z.int().min(0) }),
    remove: z.object({ id, revision: z.int().min(0) }),
  },
  bodies: {
    create: reconsiderationBodySchema.extend({ orgCode: orgCode.optional() }),
    update: reconsiderationBodySchema.extend({ id, revision: z.int().min(0) }),
    remove: z.object({ id, revision: z.int().min(0) }),
  },
  listKind: list,
};

export type NegativeListEntryInput = z.input<typeof applicationsSchemas.negativeList.create>;
export type NegativeListEntryUpdateInput = z.input<typeof applicationsSchemas.negativeList.update>;
export type ReconsiderationBodyInput = z.input<typeof applicationsSchemas.bodies.create>;
export type ReconsiderationBodyUpdateInput = z.input<typeof applicationsSchemas.bodies.update>;
export type ListKind = z.output<typeof list>;
