/**
 * The checks of <sifa-cases>' forms, a chunk of its own (loaded when a form first opens, so zod
 * stays out of the widget's first load): `caseFieldsSchema` from @sifa/core, the very schema the
 * engine validates `open` and `transition` with, so a form says before sending what the server
 * would say after. Issues come back with their catalog key (`caseRequired` …), which the element
 * words in the user's language: the server's own sentence (the widget's catalogs hold the same
 * words, its Mongolian drafts included; a test keeps them so).
 *
 * IMPORTS: only zod's side of @sifa/core (casework-fields, messages) and types.
 */
import { caseFieldsSchema, validationMessages, type CaseFieldSpec } from '@sifa/core';

export interface SchemaIssue {
  /** Dotted path in the payload (`parties.1.name`), '' for the whole form. */
  path: string;
  /** The catalog key of the message (`caseRequired`), or null for one the catalog lacks. */
  key: string | null;
}

const marker = /^§([A-Za-z]\w*)$/;

/**
 * What the shared schema finds wrong with `payload` (the fields as they would be sent); `context`:
 * the case's fields, for a `requiredWhen` on a field the form does not hold (as the engine passes them).
 */
export function schemaIssues(specs: Readonly<Record<string, CaseFieldSpec>>, payload: Record<string, unknown>, partyCount: number, context: Readonly<Record<string, unknown>> = {}): SchemaIssue[] {
  const result = caseFieldsSchema(specs, { partyCount, context }).safeParse(payload);
  if (result.success) return [];
  return result.error.issues.flatMap((issue) => {
    const base = issue.path.map(String);
    const key = marker.exec(issue.message)?.[1] ?? null;
    if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => ({ path: [...base, k].join('.'), key: 'caseUnknownField' }));
    return [{ path: base.join('.'), key }];
  });
}

/**
 * The catalog key of a message the server sent in Chinese (what it answers Mongolian readers,
 * having no Mongolian): lets the widget show its own Mongolian for it. Only the casework messages
 * (and the generic one) count, as the widget words those. Null for other text.
 */
export function keyOfServerText(text: string): string | null {
  for (const [key, message] of Object.entries(validationMessages)) if ((key.startsWith('case') || key === 'invalidValue') && message.zh === text) return key;
  return null;
}
