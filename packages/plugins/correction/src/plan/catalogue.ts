/**
 * The catalogue format: what a bureau edits to change how correction plans are made. Conditions
 * describe a person under correction, measures are what a plan may contain (grouped in
 * categories), rules say which measures a profile calls for or rules out. Pure data, validated
 * by zod here and cross-checked by `validateCatalogue` (ids that must exist, operators that must
 * fit their condition's kind).
 *
 * Precedence (how a measure gets into a plan), also in the package README:
 * - every rule whose `when` holds for the profile fires;
 * - for each measure, among the fired rules that add or exclude it, the highest `priority`
 *   decides: an addition puts it in the plan, an exclusion keeps it out;
 * - at equal priority an exclusion beats an addition.
 * So an exclusion wins unless a rule of strictly higher priority adds the measure back (e.g.
 * "no electronic monitoring for juveniles" at 100 outranks "monitor high-risk persons" at 60).
 */
import { z } from 'zod';

/** A label in the three languages every widget speaks: zh-CN, English, traditional Mongolian. */
export const labelSchema = z.object({ zh: z.string().min(1), en: z.string().min(1), mn: z.string().min(1) });
export type Label = z.infer<typeof labelSchema>;

const idSchema = z.string().regex(/^[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*$/, 'ids are lower-case words joined by "-" or "." (e.g. management-class)');

export const conditionSchema = z.discriminatedUnion('kind', [
  z.object({ id: idSchema, label: labelSchema, kind: z.literal('boolean') }),
  z.object({
    id: idSchema,
    label: labelSchema,
    kind: z.literal('enum'),
    options: z.array(z.object({ value: idSchema, label: labelSchema })).min(2),
  }),
  z.object({
    id: idSchema,
    label: labelSchema,
    kind: z.literal('number'),
    unit: labelSchema,
    /** Inclusive bounds a profile's value must respect (ages 0–120, months ≥ 0 …). */
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
  }),
]);
export type Condition = z.infer<typeof conditionSchema>;
export type ConditionKind = Condition['kind'];

export const categorySchema = z.object({ id: idSchema, label: labelSchema });
export type Category = z.infer<typeof categorySchema>;

/** Who carries a measure out (art. 25: the correction team; the office acts for the county agency). */
export const responsibleRoles = ['office-staff', 'team-member', 'county-officer', 'volunteer', 'social-worker', 'family-member', 'psychologist'] as const;
export type ResponsibleRole = (typeof responsibleRoles)[number];

export const measureKinds = ['supervision', 'education', 'assistance'] as const;
export type MeasureKind = (typeof measureKinds)[number];

export const frequencySchema = z.union([
  z.object({ every: z.enum(['day', 'week', 'month', 'quarter']), times: z.number().int().positive() }),
  z.object({ every: z.literal('once') }),
  z.object({ hoursPerMonth: z.number().positive() }),
]);
export type Frequency = z.infer<typeof frequencySchema>;

export const measureSchema = z.object({
  id: idSchema,
  category: idSchema,
  kind: z.enum(measureKinds),
  label: labelSchema,
  frequency: frequencySchema,
  responsible: z.enum(responsibleRoles),
  /** A measure limited in time (electronic monitoring: at most 3 months a period, art. 29). */
  maxMonths: z.number().int().positive().optional(),
  /** Needs the county agency's approval before it starts. */
  requiresApproval: z.boolean().optional(),
});
export type Measure = z.infer<typeof measureSchema>;

/** A value a profile holds for a condition. */
export type ConditionValue = boolean | string | number;

/** The tests on one condition (exactly one operator per leaf). */
export type LeafTest =
  | { condition: string; equals: string }
  | { condition: string; in: string[] }
  | { condition: string; is: boolean }
  | { condition: string; gt: number }
  | { condition: string; gte: number }
  | { condition: string; lt: number }
  | { condition: string; lte: number }
  /** Inclusive at both ends: min ≤ value ≤ max. */
  | { condition: string; between: [number, number] };

export type Expression = { all: Expression[] } | { any: Expression[] } | { not: Expression } | LeafTest;

export const leafOperators = ['equals', 'in', 'is', 'gt', 'gte', 'lt', 'lte', 'between'] as const;
export type LeafOperator = (typeof leafOperators)[number];

/** Which operators fit which kind of condition. */
export const operatorsByKind: Readonly<Record<ConditionKind, readonly LeafOperator[]>> = {
  boolean: ['is'],
  enum: ['equals', 'in'],
  number: ['gt', 'gte', 'lt', 'lte', 'between'],
};

const leafSchemas = [
  z.strictObject({ condition: idSchema, equals: z.string() }),
  z.strictObject({ condition: idSchema, in: z.array(z.string()).min(1) }),
  z.strictObject({ condition: idSchema, is: z.boolean() }),
  z.strictObject({ condition: idSchema, gt: z.number() }),
  z.strictObject({ condition: idSchema, gte: z.number() }),
  z.strictObject({ condition: idSchema, lt: z.number() }),
  z.strictObject({ condition: idSchema, lte: z.number() }),
  z.strictObject({ condition: idSchema, between: z.tuple([z.number(), z.number()]) }),
] as const;

export const expressionSchema: z.ZodType<Expression> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(expressionSchema).min(1) }),
    z.strictObject({ any: z.array(expressionSchema).min(1) }),
    z.strictObject({ not: expressionSchema }),
    ...leafSchemas,
  ]),
);

export const ruleSchema = z.object({
  id: idSchema,
  label: labelSchema,
  when: expressionSchema,
  /** Higher decides first (see the module comment); integers, may be negative. */
  priority: z.number().int(),
  adds: z.array(idSchema).default([]),
  excludes: z.array(idSchema).default([]),
});
export type Rule = z.infer<typeof ruleSchema>;
export type RuleInput = z.input<typeof ruleSchema>;

export const catalogueSchema = z.object({
  id: idSchema,
  version: z.string().min(1).max(40),
  /** True for the shipped demonstration catalogue: never a bureau's real policy. */
  demo: z.boolean().default(false),
  title: labelSchema,
  conditions: z.array(conditionSchema).min(1),
  categories: z.array(categorySchema).min(1),
  measures: z.array(measureSchema).min(1),
  rules: z.array(ruleSchema),
});
export type Catalogue = z.infer<typeof catalogueSchema>;
export type CatalogueInput = z.input<typeof catalogueSchema>;

/** Narrowing helpers for expressions. */
export const isAll = (e: Expression): e is { all: Expression[] } => 'all' in e;
export const isAny = (e: Expression): e is { any: Expression[] } => 'any' in e;
export const isNot = (e: Expression): e is { not: Expression } => 'not' in e;
export const isLeaf = (e: Expression): e is LeafTest => 'condition' in e;

/** The operator of a leaf (the one key besides `condition`). */
export function operatorOf(leaf: LeafTest): LeafOperator {
  for (const op of leafOperators) if (op in leaf) return op;
  throw new Error(`a test on "${leaf.condition}" has no operator`);
}
