/**
 * The browser half of the diary-item contract (diary-items.ts): from an item's field specs, ONE
 * zod schema that the widget's form and the server's `diary.save` both validate with. Written
 * with `zod/mini` and no other zod import, so a widget bundle carries only the few validators it
 * uses (the diary's first-load budget is 25 KiB gz); every check names a catalog message
 * (messages.ts) so any reader sees it in their own language.
 */
import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { catalogMessage, msg } from './messages.js';
import { pickText, type Locale } from './locale.js';
import type { DiaryFieldRule, DiaryFieldSpec, DiaryItem } from './diary-items.js';
import type { FieldIssue } from './errors.js';

/** Parts of the 1000-point assessment standard a diary item counts towards. */
export const assessmentParts = ['basic', 'institutional', 'key', 'daily', 'outstanding', 'negative'] as const;
export type AssessmentPart = (typeof assessmentParts)[number];

/** An uploaded file's metadata, as a diary entry keeps it (the file itself lives elsewhere). */
export const attachmentMetaSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  type: z.string().check(z.maxLength(100)),
  size: z.number().check(z.int(), z.minimum(0), z.maximum(50 * 1024 * 1024)),
  sha256: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
});

function fieldSchema(spec: DiaryFieldSpec): $ZodType {
  switch (spec.kind) {
    case 'count':
    case 'minutes': {
      const base = z.number({ error: msg('diaryNumber') }).check(
        z.int({ error: msg('diaryWholeNumber') }),
        z.minimum(0, { error: msg('diaryNotNegative') }),
        z.maximum(spec.max, { error: msg('diaryTooLarge') }),
      );
      return spec.required ? base : z.optional(base);
    }
    case 'text': {
      const base = z.pipe(z.string({ error: msg('diaryText') }), z.transform((v: string) => v.trim()));
      const checked = z.pipe(base, z.string().check(z.maxLength(spec.maxLength, { error: msg('diaryTooLong') })));
      return spec.required ? z.pipe(checked, z.string().check(z.minLength(1, { error: msg('diaryRequired') }))) : z.optional(checked);
    }
    case 'choice': {
      const base = z.enum(spec.options.map((o) => o.value) as [string, ...string[]], { error: msg('diaryChoice') });
      return spec.required ? base : z.optional(base);
    }
    case 'attachments': {
      const base = z.array(attachmentMetaSchema).check(z.maxLength(spec.maxFiles, { error: msg('diaryTooManyFiles') }));
      return spec.required ? base.check(z.minLength(1, { error: msg('diaryRequired') })) : z._default(base, []);
    }
  }
}

/** Whether `value` holds `rule` against `other` (both numbers here: a missing or invalid one is its own field's issue). */
function ruleHolds(rule: DiaryFieldRule, value: number, other: number): boolean {
  return rule.kind === 'atMost' ? value <= rule.factor * other : value >= rule.factor * other;
}

/**
 * The zod schema of an item's fields: the one both the form and the server validate with. The
 * item's cross-field `rules` are checks of the whole object; a broken one is an issue on its
 * `field` whose `params.diaryRule` is the rule's index (`brokenDiaryRule`), with the generic
 * `invalidValue` message for readers that do not know rules; the form and the server show the
 * rule's own message.
 */
export function diaryFieldsSchema(item: Pick<DiaryItem, 'fields'> & { rules?: readonly DiaryFieldRule[] | undefined }) {
  const shape = Object.fromEntries(Object.entries(item.fields).map(([name, spec]) => [name, fieldSchema(spec)])) as Record<string, $ZodType>;
  const object = z.strictObject(shape, { error: msg('diaryUnknownField') });
  const rules = item.rules ?? [];
  if (rules.length === 0) return object;
  // A rule speaks only about two values that pass their own fields' checks (else those say what is wrong).
  const valid = (name: string, value: unknown): value is number => typeof value === 'number' && shape[name] !== undefined && z.safeParse(shape[name], value).success;
  return object.check(
    z.superRefine((fields: Record<string, unknown>, ctx) => {
      rules.forEach((rule, index) => {
        const value = fields[rule.field];
        const other = fields[rule.other];
        if (!valid(rule.field, value) || !valid(rule.other, other) || ruleHolds(rule, value, other)) return;
        ctx.addIssue({ code: 'custom', path: [rule.field], message: msg('invalidValue'), params: { diaryRule: index }, input: fields[rule.field] });
      });
    }),
  );
}

/** The item's rule an issue of `diaryFieldsSchema(item)` says is broken, or null for any other issue. */
export function brokenDiaryRule(
  item: { rules?: readonly DiaryFieldRule[] | undefined },
  issue: { code?: string; params?: Record<string, unknown> | undefined },
): DiaryFieldRule | null {
  const index = issue.code === 'custom' ? issue.params?.['diaryRule'] : undefined;
  return typeof index === 'number' ? (item.rules?.[index] ?? null) : null;
}

/** The facts an entry of `item` produces: one per numeric field that names a metric. */
export function diaryEntryFacts(item: Pick<DiaryItem, 'fields'>, fields: Record<string, unknown>): { metric: string; value: number }[] {
  const facts: { metric: string; value: number }[] = [];
  for (const [name, spec] of Object.entries(item.fields)) {
    if ((spec.kind === 'count' || spec.kind === 'minutes') && spec.metric && typeof fields[name] === 'number') {
      facts.push({ metric: spec.metric, value: fields[name] });
    }
  }
  return facts;
}

/**
 * Field issues of a failed parse, for widgets: catalog messages in the reader's language, a
 * generic localized sentence for anything else (the server's `fieldIssuesOf` says more).
 */
export function catalogIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }, locale: Locale): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: pickText(catalogMessage(issue.message) ?? catalogMessage(msg('invalidValue'))!, locale),
  }));
}
