/**
 * The browser half of the casework contract (casework.ts): from a case type's field specs, ONE
 * zod schema that `<sifa-cases>`' forms and the engine (`scoped.cases.open / transition`) both
 * validate with. Written with `zod/mini` and no other zod import (like diary-fields.ts), so a
 * widget bundle carries only the validators it uses; every check names a catalog message
 * (messages.ts), rendered in the reader's language wherever the error is shown.
 */
import * as z from 'zod/mini';
import type { $ZodCheck, $ZodType } from 'zod/v4/core';
import { msg } from './messages.js';
import type { CaseFieldSpec, CaseParty, CaseSignature } from './casework.js';

const isoDay = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** Mobile (13800138000) or landline with area code (0476-8888888). */
const phonePattern = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const sha256Pattern = /^[0-9a-f]{64}$/;

/** True for an 18-character resident ID number (GB 11643) whose check character is right. */
export function isValidIdNumber(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * weights[i]!;
  return '10X98765432'[sum % 11] === value[17];
}

/** A value of the wrong type says so; a missing one says it is required. */
const typeError = (key: Parameters<typeof msg>[0]) => (issue: { input?: unknown }) => (issue.input === undefined ? msg('caseRequired') : msg(key));

const trimmed = (key: Parameters<typeof msg>[0]) => z.pipe(z.string({ error: typeError(key) }), z.transform((v: string) => v.trim()));

function requiredOr<T extends $ZodType>(schema: T, required: boolean): $ZodType {
  return required ? schema : z.optional(z.nullable(schema));
}

function textSchema(spec: Extract<CaseFieldSpec, { kind: 'text' }>): $ZodType {
  const checks: $ZodCheck<string>[] = [z.maxLength(spec.maxLength, { error: msg('caseTooLong') })];
  if (spec.required) checks.push(z.minLength(1, { error: msg('caseRequired') }));
  if (spec.personal === 'idNumber') checks.push(z.refine((v: string) => v === '' || isValidIdNumber(v.toUpperCase()), { error: msg('caseIdNumber') }));
  if (spec.personal === 'phone') checks.push(z.refine((v: string) => v === '' || phonePattern.test(v), { error: msg('casePhone') }));
  const base = z.pipe(trimmed('caseText'), z.string().check(...checks));
  const normalized = spec.personal === 'idNumber' ? z.pipe(base, z.transform((v: string) => v.toUpperCase())) : base;
  return requiredOr(normalized, spec.required);
}

function partySchema(spec: Extract<CaseFieldSpec, { kind: 'parties' }>): $ZodType {
  const roles = spec.roles.map((r) => r.value) as [string, ...string[]];
  const optionalText = (max: number, extra: ReturnType<typeof z.refine<string>>[] = []) =>
    z.optional(z.pipe(z.pipe(trimmed('caseText'), z.string().check(z.maxLength(max, { error: msg('caseTooLong') }), ...extra)), z.transform((v: string) => (v === '' ? undefined : v))));
  const name = z.pipe(trimmed('casePartyName'), z.string().check(z.minLength(1, { error: msg('casePartyName') }), z.maxLength(100, { error: msg('caseTooLong') })));
  return z.strictObject(
    {
      role: z.enum(roles, { error: typeError('casePartyRole') }),
      name: spec.anonymous ? z.nullable(name) : name,
      idNumber: z.optional(
        z.pipe(
          optionalText(18, [z.refine((v: string) => v === '' || isValidIdNumber(v.toUpperCase()), { error: msg('caseIdNumber') })]),
          z.transform((v: string | undefined) => v?.toUpperCase()),
        ),
      ),
      phone: optionalText(20, [z.refine((v: string) => v === '' || phonePattern.test(v), { error: msg('casePhone') })]),
      address: optionalText(200),
    },
    { error: msg('caseUnknownField') },
  );
}

function fieldSchema(spec: CaseFieldSpec): $ZodType {
  switch (spec.kind) {
    case 'text':
      return textSchema(spec);
    case 'number': {
      const checks = [z.minimum(spec.min, { error: msg('caseTooSmall') }), z.maximum(spec.max, { error: msg('caseTooLarge') })];
      const base = z.number({ error: typeError('caseNumber') }).check(...(spec.integer ? [z.int({ error: msg('caseWholeNumber') }), ...checks] : checks));
      return requiredOr(base, spec.required);
    }
    case 'date':
      return requiredOr(z.string({ error: typeError('caseDate') }).check(z.regex(isoDay, { error: msg('caseDate') })), spec.required);
    case 'boolean':
      return spec.required ? z.boolean({ error: typeError('caseBoolean') }) : z._default(z.boolean({ error: typeError('caseBoolean') }), false);
    case 'choice':
      return requiredOr(z.enum(spec.options.map((o) => o.value) as [string, ...string[]], { error: typeError('caseChoice') }), spec.required);
    case 'choices': {
      const base = z.array(z.enum(spec.options.map((o) => o.value) as [string, ...string[]], { error: msg('caseChoice') }), { error: typeError('caseChoice') }).check(
        z.maxLength(spec.maxItems ?? spec.options.length, { error: msg('caseTooManyItems') }),
        z.refine((v: string[]) => new Set(v).size === v.length, { error: msg('caseDuplicate') }),
        ...(spec.required ? [z.minLength(1, { error: msg('caseRequired') })] : []),
      );
      return spec.required ? base : z._default(base, []);
    }
    case 'parties': {
      const min = spec.required ? Math.max(spec.minItems, 1) : spec.minItems;
      const base = z.array(partySchema(spec), { error: typeError('caseParties') }).check(
        z.maxLength(spec.maxItems, { error: msg('caseTooManyItems') }),
        ...(min > 0 ? [z.minLength(min, { error: min === 1 ? msg('caseRequired') : msg('caseTooFewItems') })] : []),
      );
      return min > 0 ? base : z._default(base, []);
    }
    case 'signatures': {
      const entry = z.strictObject(
        {
          signer: z.string({ error: msg('caseSigner') }).check(z.regex(/^[a-z0-9-]{1,40}$/, { error: msg('caseSigner') })),
          signedOn: z.string({ error: msg('caseDate') }).check(z.regex(isoDay, { error: msg('caseDate') })),
        },
        { error: msg('caseUnknownField') },
      );
      const base = z.array(entry, { error: typeError('caseSignatures') }).check(
        z.maxLength(60, { error: msg('caseTooManyItems') }),
        ...(spec.required ? [z.minLength(1, { error: msg('caseRequired') })] : []),
      );
      return spec.required ? base : z._default(base, []);
    }
    case 'attachments': {
      const base = z.array(z.string({ error: msg('caseAttachment') }).check(z.regex(sha256Pattern, { error: msg('caseAttachment') })), { error: typeError('caseAttachment') }).check(
        z.maxLength(spec.maxFiles, { error: msg('caseTooManyItems') }),
        z.refine((v: string[]) => new Set(v).size === v.length, { error: msg('caseDuplicate') }),
        ...(spec.required ? [z.minLength(1, { error: msg('caseRequired') })] : []),
      );
      return spec.required ? base : z._default(base, []);
    }
  }
}

export interface CaseFieldsSchemaOptions {
  /**
   * How many parties the case has (for `signatures`: signers `party-0` … `party-<n-1>`). A
   * `parties` field validated in the same object counts instead.
   */
  partyCount?: number;
  /**
   * Values of fields outside this form (the case's current fields, for a later step), read by a
   * `requiredWhen` whose field the form does not hold; without them such a condition is not checked.
   */
  context?: Readonly<Record<string, unknown>>;
}

const isBlank = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * The zod schema of a form of case fields (the opening's: every case field and the step's own;
 * a later step's: its own fields and the case fields it sets): the one both the widget and the
 * engine validate with. Unknown fields are refused; signatures are checked against the parties.
 */
export function caseFieldsSchema(specs: Readonly<Record<string, CaseFieldSpec>>, options: CaseFieldsSchemaOptions = {}) {
  const entries = Object.entries(specs);
  const signatureFields = entries.filter(([, spec]) => spec.kind === 'signatures') as [string, Extract<CaseFieldSpec, { kind: 'signatures' }>][];
  const partiesField = entries.find(([, spec]) => spec.kind === 'parties')?.[0];
  const conditional = entries.filter(([, spec]) => spec.requiredWhen);
  const object = z.strictObject(Object.fromEntries(entries.map(([name, spec]) => [name, fieldSchema(spec)])) as Record<string, $ZodType>, { error: msg('caseUnknownField') });
  if (signatureFields.length === 0 && conditional.length === 0) return object;
  return object.check(
    z.superRefine((value: Record<string, unknown>, ctx) => {
      // Required after all when another field has one of the values (the referring body of a referred case).
      for (const [name, spec] of conditional) {
        const { field, in: values } = spec.requiredWhen!;
        const other = field in specs ? value[field] : options.context?.[field];
        if (values.includes(other as string | boolean) && isBlank(value[name])) ctx.addIssue({ code: 'custom', path: [name], message: msg('caseRequired'), input: value[name] });
      }
      const parties = partiesField ? (value[partiesField] as CaseParty[] | undefined) : undefined;
      const partyCount = parties?.length ?? options.partyCount ?? 0;
      for (const [name, spec] of signatureFields) {
        const signatures = (value[name] as CaseSignature[] | undefined) ?? [];
        const allowed = new Set([...Array.from({ length: partyCount }, (_, i) => `party-${i}`), ...spec.extraSigners.map((s) => s.value)]);
        const seen = new Set<string>();
        signatures.forEach((s, i) => {
          if (!allowed.has(s.signer)) ctx.addIssue({ code: 'custom', path: [name, i, 'signer'], message: msg('caseSigner'), input: s.signer });
          else if (seen.has(s.signer)) ctx.addIssue({ code: 'custom', path: [name, i, 'signer'], message: msg('caseSignedTwice'), input: s.signer });
          seen.add(s.signer);
        });
        if (spec.requireAll && (spec.required || signatures.length > 0)) {
          for (const signer of allowed) {
            if (!seen.has(signer)) {
              ctx.addIssue({ code: 'custom', path: [name], message: msg('caseSignatureMissing'), input: signatures });
              break;
            }
          }
        }
      }
    }),
  );
}
