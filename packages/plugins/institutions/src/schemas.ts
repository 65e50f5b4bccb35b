/**
 * The zod schemas of institutions, built for one configured catalogue (type and service codes
 * are checked against it). The same schema validates `institutions.create/update` input and
 * every row of an import, so a row fails an import exactly when the form would refuse it.
 * Also the configurable institution types and services (the plugin's options).
 */
import { z } from 'zod';
import { fieldIssuesOf, localizedTextSchema, orgCodeSchema, type FieldIssue, type Locale } from '@sifa/core';
import { imsg } from './messages.js';
import type { InstitutionCatalog } from './types.js';

const codeSchema = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'A code is 2–40 lower-case letters, digits and "-", starting with a letter');
const colorSchema = z
  .string()
  .regex(/^(#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla)\([\d\s.,%/-]+\))$/, 'A colour is #rgb, #rrggbb or rgb()/hsl()');

/** One entry of the configurable list of institution types; `color` is its symbol colour on the map (and in the list). */
export const institutionTypeSchema = z.object({ code: codeSchema, title: localizedTextSchema, color: colorSchema });
export type InstitutionType = z.output<typeof institutionTypeSchema>;

/** A service an institution offers (legal aid, notarisation, mediation …), configurable. */
export const institutionServiceSchema = z.object({ code: codeSchema, title: localizedTextSchema });
export type InstitutionService = z.output<typeof institutionServiceSchema>;

/** China's bounding box (mainland, Hainan and the South China Sea islands), generously rounded. */
export const chinaBounds = { minLng: 73, maxLng: 136, minLat: 3, maxLat: 54 } as const;

/**
 * Mainland China numbers: mobiles (1[3-9] + 9 digits), landlines with area code (0 + 2–3 digits,
 * then 7–8 digits, optional extension), a local 7–8 digit number, five-digit service numbers
 * (12348, the legal-service hotline) and 400/800 numbers; an optional +86 in front.
 */
export const chinesePhonePattern =
  /^(?:(?:\+|00)?86[- ]?)?(?:1[3-9]\d[- ]?\d{4}[- ]?\d{4}|0\d{2,3}[- ]?[1-9]\d{6,7}(?:[- ]?(?:转|ext\.?|x)[- ]?\d{1,6})?|\(0\d{2,3}\)[- ]?[1-9]\d{6,7}|[1-9]\d{6,7}|1\d{4}|[48]00[- ]?\d{3}[- ]?\d{4})$/i;

const timePattern = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

const requiredText = (max: number) => z.string({ error: imsg('required') }).trim().min(1, imsg('required')).max(max, imsg('tooLong'));
/** Optional text: '' counts as absent. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, imsg('tooLong'))
    .optional()
    .transform((v) => (v ? v : undefined));

export const institutionNameSchema = (max = 200) => z.object({ zh: requiredText(max), mn: optionalText(max), en: optionalText(max) });

export const openingHoursSchema = z
  .object({
    days: z
      .array(z.number().int(imsg('weekdays')).min(1, imsg('weekdays')).max(7, imsg('weekdays')))
      .min(1, imsg('weekdays'))
      .max(7, imsg('weekdays'))
      .refine((days) => new Set(days).size === days.length, imsg('weekdays'))
      .transform((days) => [...days].sort((a, b) => a - b)),
    opens: z.string().regex(timePattern, imsg('time')),
    closes: z.string().regex(timePattern, imsg('time')),
  })
  .refine((h) => h.closes > h.opens, { path: ['closes'], message: imsg('closesAfterOpens') });
/** Opening hours: the weekdays (1 = Monday … 7 = Sunday) and a time span, local time. */
export type OpeningHours = z.output<typeof openingHoursSchema>;

const phoneSchema = z
  .string()
  .trim()
  .max(40, imsg('phone'))
  .refine((v) => v === '' || chinesePhonePattern.test(v), imsg('phone'))
  .nullable()
  .optional()
  .transform((v) => (v ? v : null));

const urlSchema = z
  .string()
  .trim()
  .max(1000, imsg('tooLong'))
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) || /^\/[^\s/][^\s]*$/.test(v), imsg('url'));

export const positionSchema = z.tuple([
  z.number({ error: imsg('lng') }).min(chinaBounds.minLng, imsg('lng')).max(chinaBounds.maxLng, imsg('lng')),
  z.number({ error: imsg('lat') }).min(chinaBounds.minLat, imsg('lat')).max(chinaBounds.maxLat, imsg('lat')),
]);

export function institutionSchemas(catalog: InstitutionCatalog) {
  const typeCodes = new Set(catalog.types.map((t) => t.code));
  const serviceCodes = new Set(catalog.services.map((s) => s.code));

  const fields = z.object({
    type: z.string({ error: imsg('type') }).refine((code) => typeCodes.has(code), imsg('type')),
    name: institutionNameSchema(),
    address: institutionNameSchema(300),
    phone: phoneSchema,
    hours: z.array(openingHoursSchema).max(14, imsg('tooMany')).default([]),
    hoursNote: institutionNameSchema(500)
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    services: z
      .array(z.string().refine((code) => serviceCodes.has(code), imsg('service')))
      .max(50, imsg('tooMany'))
      .default([])
      .transform((codes) => [...new Set(codes)]),
    position: positionSchema,
    positionApproximate: z.boolean().default(false),
    photos: z.array(z.object({ url: urlSchema, alt: institutionNameSchema(300) })).max(20, imsg('tooMany')).default([]),
    tourId: z
      .string()
      .trim()
      .max(100, imsg('tooLong'))
      .nullable()
      .optional()
      .transform((v) => (v ? v : null)),
    /** The owning unit; default: the caller's own. */
    orgCode: orgCodeSchema.optional(),
    /** The entry's key in a source system (imports match on it). */
    externalId: z
      .string()
      .trim()
      .max(100, imsg('externalId'))
      .nullable()
      .optional()
      .transform((v) => (v ? v : null)),
  });

  return {
    create: fields,
    update: fields.extend({ id: z.uuid(imsg('id')) }),
    /** An import row: like `create`, with an optional id (an exported institution). */
    importRow: fields.extend({ id: z.uuid(imsg('id')).optional() }),
    byId: z.object({ id: z.uuid(imsg('id')) }),
    list: z.object({
      orgCode: orgCodeSchema.optional(),
      types: z.array(z.string().max(40)).max(50).optional(),
      q: z.string().trim().max(100, imsg('tooLong')).optional(),
    }),
    import: z.object({
      format: z.enum(['csv', 'geojson']),
      /**
       * The file's text (UTF-8; a BOM is ignored). It travels in the request body, so the server's
       * body limit (1 MiB by default, `limits.maxBodyBytes`) bounds it first: about 9,000 CSV rows;
       * a larger file is refused as PAYLOAD_TOO_LARGE ("send it in smaller batches").
       */
      content: z.string().max(8_000_000, imsg('tooLong')),
      dryRun: z.boolean().optional(),
      /** Owner of rows without org_code (default: the caller's unit). */
      orgCode: orgCodeSchema.optional(),
    }),
  };
}

export type InstitutionSchemas = ReturnType<typeof institutionSchemas>;
export type InstitutionFields = z.output<InstitutionSchemas['importRow']>;
/** Input of `institutions.list` and `institutions.exportGeoJson`. */
export type InstitutionListInput = z.input<InstitutionSchemas['list']>;
/** Input of `institutions.create` (`update` adds the id). */
export type InstitutionInput = z.input<InstitutionSchemas['create']>;
/** Input of `institutions.import`. */
export type InstitutionImportInput = z.input<InstitutionSchemas['import']>;

/** Field issues of a zod error in `locale`: our keys rendered from our catalogue, the rest by core. */
export function localizeIssues(error: z.core.$ZodError, locale: Locale, catalog: InstitutionCatalog): FieldIssue[] {
  // Core renders the plugin's message keys; an unknown type or service also lists the choices.
  const issues = fieldIssuesOf(error, locale) ?? [];
  return error.issues.map((issue, i) => {
    const choices = issue.message === imsg('type') ? catalog.types : issue.message === imsg('service') ? catalog.services : null;
    return choices ? { ...issues[i]!, message: issues[i]!.message + choices.map((c) => c.code).join(', ') } : issues[i]!;
  });
}
