/**
 * zod schemas of the assessment plugin: a standard's body (parts, items, rules; their output
 * types are the domain types `AssessmentStandardBody` … in `types.ts`) and the inputs of its
 * procedures (their input types below: what a caller writes). The body schema checks everything that can be checked without the server (six
 * parts, unique item codes, which rule may stand in which part, numbers in range); the server adds
 * the check that every metric is declared by an installed plugin.
 */
import { z } from 'zod';
import { assessmentParts, localizedTextSchema, metricCodeSchema, orgCodeSchema, periodSchema, type AssessmentPart } from '@sifa/core';
import type { AssessmentPartKind, AssessmentStandardBody } from './types.js';
import { amsg } from './messages.js';

/** How each part counts (see `AssessmentPartKind`). */
export const partKinds: Record<AssessmentPart, AssessmentPartKind> = {
  basic: 'regular',
  institutional: 'regular',
  key: 'regular',
  daily: 'regular',
  outstanding: 'bonus',
  negative: 'negative',
};

const partCodeSchema = z.enum(assessmentParts);
const positive = z.number({ error: amsg('positiveNumber') }).finite().gt(0, { error: amsg('positiveNumber') }).max(1_000_000, { error: amsg('positiveNumber') });
const title = localizedTextSchema.refine((t) => t.zh.trim().length > 0 && t.en.trim().length > 0, { error: amsg('titleRequired') });

/**
 * The rule of an item. Quantities are stated for a year; a quarter or a month is judged on its
 * share (see each kind). Points are the item's `points` unless said otherwise.
 *
 * - `per-occurrence`: `pointsEach` per unit of the metric, capped at the item's points.
 *   `scale: 'period'`: a shorter period counts at the yearly rate (12 cases in a quarter count
 *   like 48 in a year); `scale: 'none'`: counted as recorded (commendations).
 * - `target`: `target` per `per` (month, quarter or year). Each month / quarter / year of the
 *   period is judged on its own and the item earns its share of windows reached; a period
 *   shorter than `per` is judged against the target scaled to its length. `full`: a window
 *   counts when reached; `pro-rata`: a window counts by the fraction reached (at most 1).
 * - `deadline`: `target` reached, counting from 1 January, by the end of month `dueMonth` of the
 *   period's year: all points, otherwise none (before the due month ends: `pending`).
 * - `evidence`: at least one record of the metric in the period (`per: 'period'`) or in each
 *   month (`per: 'month'`, the share of months with a record).
 * - `deduction`: `pointsEach` deducted per unit of the metric, at most the item's points.
 * - `veto`: when the metric reaches `threshold` in the period, part `zeroes` (or the total)
 *   is set to zero. A veto item has no points of its own.
 */
export const assessmentRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('per-occurrence'), pointsEach: positive, scale: z.enum(['period', 'none']).default('period') }),
  z.object({ kind: z.literal('target'), target: positive, per: z.enum(['month', 'quarter', 'year']), mode: z.enum(['full', 'pro-rata']) }),
  z.object({ kind: z.literal('deadline'), target: positive, dueMonth: z.number().int({ error: amsg('dueMonth') }).min(1, { error: amsg('dueMonth') }).max(12, { error: amsg('dueMonth') }) }),
  z.object({ kind: z.literal('evidence'), per: z.enum(['period', 'month']) }),
  z.object({ kind: z.literal('deduction'), pointsEach: positive }),
  z.object({ kind: z.literal('veto'), threshold: positive, zeroes: z.enum(['total', 'basic', 'institutional', 'key', 'daily', 'outstanding']) }),
]);

export const assessmentPartSpecSchema = z.object({
  code: partCodeSchema,
  title,
  /** Full points of a regular part, the cap of the bonus, the largest deduction of the negative list. */
  points: z.number({ error: amsg('partPoints') }).finite().min(0, { error: amsg('partPoints') }).max(1000, { error: amsg('partPoints') }),
});

export const assessmentItemSpecSchema = z.object({
  /** Unique within the standard, e.g. `mediation-cases`. */
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: amsg('itemCode') }),
  part: partCodeSchema,
  title,
  /** The scoring criterion as the standard words it (评分标准), shown beside the figures. */
  criterion: localizedTextSchema,
  /** The metric (a fact code some installed plugin declares) the item is judged on. */
  metric: metricCodeSchema,
  /** The item's most points (for a deduction: the most it deducts; 0 for a veto). */
  points: z.number({ error: amsg('itemPoints') }).finite().min(0, { error: amsg('itemPoints') }).max(1000, { error: amsg('itemPoints') }),
  rule: assessmentRuleSchema,
});

export const assessmentStandardBodySchema = z
  .object({
    title,
    /** Shown with every score: where the standard comes from, e.g. that it is a demo. */
    note: localizedTextSchema.optional(),
    /** True for demo content (the UI labels it 示范). */
    demo: z.boolean().default(false),
    /** The six parts, one per code, in the order shown. */
    parts: z.array(assessmentPartSpecSchema),
    items: z.array(assessmentItemSpecSchema).max(200, { error: amsg('tooManyItems') }),
  })
  .superRefine((body, ctx) => {
    const codes = body.parts.map((p) => p.code);
    if (codes.length !== assessmentParts.length || new Set(codes).size !== assessmentParts.length) {
      ctx.addIssue({ code: 'custom', path: ['parts'], message: amsg('sixParts') });
    }
    const fullMarks = body.parts.filter((p) => partKinds[p.code] === 'regular').reduce((sum, p) => sum + p.points, 0);
    if (fullMarks <= 0) ctx.addIssue({ code: 'custom', path: ['parts'], message: amsg('fullMarks') });
    const seen = new Set<string>();
    body.items.forEach((item, i) => {
      if (seen.has(item.code)) ctx.addIssue({ code: 'custom', path: ['items', i, 'code'], message: amsg('duplicateItem') });
      seen.add(item.code);
      const negativeRule = item.rule.kind === 'deduction' || item.rule.kind === 'veto';
      if (item.part === 'negative' && !negativeRule) ctx.addIssue({ code: 'custom', path: ['items', i, 'rule', 'kind'], message: amsg('negativeRule') });
      if (item.part !== 'negative' && negativeRule) ctx.addIssue({ code: 'custom', path: ['items', i, 'rule', 'kind'], message: amsg('positiveRule') });
      if (item.rule.kind === 'veto' && item.points !== 0) ctx.addIssue({ code: 'custom', path: ['items', i, 'points'], message: amsg('vetoPoints') });
      if (item.rule.kind !== 'veto' && item.points <= 0) ctx.addIssue({ code: 'custom', path: ['items', i, 'points'], message: amsg('itemPoints') });
    });
  });

export type AssessmentStandardBodyInput = z.input<typeof assessmentStandardBodySchema>;

/** The body as stored: parsed, defaults filled. */
export function parseStandardBody(input: unknown): AssessmentStandardBody {
  return assessmentStandardBodySchema.parse(input);
}

export const yearSchema = z.number({ error: amsg('year') }).int({ error: amsg('year') }).min(2000, { error: amsg('year') }).max(2100, { error: amsg('year') });
export const standardIdSchema = z.uuid();
export const standardRefSchema = z.object({ id: standardIdSchema, version: z.number().int().min(1) });

export const scoreInputSchema = z.object({
  orgCode: orgCodeSchema,
  /** 2026, 2026-Q3 or 2026-07. */
  period: periodSchema,
  /** A particular standard version (to reproduce an earlier score); default: the one in force. */
  standard: standardRefSchema.optional(),
});
export const rankingInputSchema = z.object({ parentOrgCode: orgCodeSchema, period: periodSchema });
/** One item of a score and the records behind it (newest first, at most `limit`, default 100). */
export const breakdownInputSchema = scoreInputSchema.extend({
  itemCode: assessmentItemSpecSchema.shape.code,
  limit: z.number().int().min(1).max(500).optional(),
});
export const trendInputSchema = z.object({ orgCode: orgCodeSchema, period: periodSchema, count: z.number().int().min(2).max(24).optional() });

export const standardsListInputSchema = z.object({ year: yearSchema.optional() });
export const standardsGetInputSchema = z.object({ id: standardIdSchema, version: z.number().int().min(1).optional() });
export const standardsCreateInputSchema = z.object({
  year: yearSchema,
  /** The org that will own it (a county, the city or the region); the caller's own org by default. */
  ownerOrgCode: orgCodeSchema.optional(),
  body: assessmentStandardBodySchema,
});
export const standardsCopyInputSchema = z.object({
  /** The standard to copy (its published version, or `version`). */
  from: z.object({ id: standardIdSchema, version: z.number().int().min(1).optional() }),
  year: yearSchema,
  /** The org that will own the copy; the caller's own org by default. */
  ownerOrgCode: orgCodeSchema.optional(),
  title: title.optional(),
});
export const standardsSaveDraftInputSchema = z.object({
  id: standardIdSchema,
  /** The draft version the editor started from (null: none yet); a save over someone else's is refused. */
  draftVersion: z.number().int().min(1).nullable().optional(),
  body: assessmentStandardBodySchema,
});
export const standardsPublishInputSchema = z.object({ id: standardIdSchema, draftVersion: z.number().int().min(1) });
export const documentsInputSchema = z.object({ parentOrgCode: orgCodeSchema, period: periodSchema, bilingual: z.boolean().default(false) });

export type AssessmentScoreInput = z.input<typeof scoreInputSchema>;
export type AssessmentRankingInput = z.input<typeof rankingInputSchema>;
export type AssessmentBreakdownInput = z.input<typeof breakdownInputSchema>;
export type AssessmentTrendInput = z.input<typeof trendInputSchema>;
export type AssessmentStandardsListInput = z.input<typeof standardsListInputSchema>;
export type AssessmentStandardsGetInput = z.input<typeof standardsGetInputSchema>;
export type AssessmentStandardsCreateInput = z.input<typeof standardsCreateInputSchema>;
export type AssessmentStandardsCopyInput = z.input<typeof standardsCopyInputSchema>;
export type AssessmentStandardsSaveDraftInput = z.input<typeof standardsSaveDraftInputSchema>;
export type AssessmentStandardsPublishInput = z.input<typeof standardsPublishInputSchema>;
export type AssessmentDocumentsInput = z.input<typeof documentsInputSchema>;
