/**
 * A profile: one person's values for every condition of a catalogue. Its zod schema is derived
 * from the catalogue (booleans, enum options, numbers within bounds), strict: a condition the
 * catalogue does not know, a missing one or a value of the wrong type is refused with a message
 * naming the condition.
 */
import { z } from 'zod';
import type { Catalogue, Condition, ConditionValue } from './catalogue.js';

export type Profile = Readonly<Record<string, ConditionValue>>;

export class ProfileError extends Error {
  override name = 'ProfileError';
  constructor(
    readonly catalogue: string,
    readonly issues: { condition: string; message: string }[],
  ) {
    super(`The profile does not fit catalogue ${catalogue}:\n${issues.map((i) => `  ${i.condition}: ${i.message}`).join('\n')}`);
  }
}

function valueSchema(c: Condition): z.ZodType<ConditionValue> {
  switch (c.kind) {
    case 'boolean':
      return z.boolean({ error: `condition "${c.id}" takes true or false` });
    case 'enum': {
      const values = c.options.map((o) => o.value);
      return z.enum(values as [string, ...string[]], { error: `condition "${c.id}" takes one of ${values.join(', ')}` });
    }
    case 'number': {
      let n = z.number({ error: `condition "${c.id}" takes a number (${c.unit.en})` });
      if (c.integer) n = n.int({ error: `condition "${c.id}" takes a whole number` });
      if (c.min !== undefined) n = n.min(c.min, { error: `condition "${c.id}" is at least ${c.min}` });
      if (c.max !== undefined) n = n.max(c.max, { error: `condition "${c.id}" is at most ${c.max}` });
      return n;
    }
  }
}

const schemas = new WeakMap<Catalogue, z.ZodType<Profile>>();

/** The zod schema of the catalogue's profiles (built once per catalogue object). */
export function profileSchemaOf(catalogue: Catalogue): z.ZodType<Profile> {
  let schema = schemas.get(catalogue);
  if (!schema) {
    const shape: Record<string, z.ZodType<ConditionValue>> = {};
    for (const c of catalogue.conditions) shape[c.id] = valueSchema(c);
    schema = z.strictObject(shape, {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown condition${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (not in catalogue ${catalogue.id}@${catalogue.version})`
          : undefined,
    }) as unknown as z.ZodType<Profile>;
    schemas.set(catalogue, schema);
  }
  return schema;
}

/** Checks a profile against the catalogue; throws a ProfileError naming each bad condition. */
export function parseProfile(catalogue: Catalogue, input: unknown): Profile {
  const result = profileSchemaOf(catalogue).safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => ({ condition: k, message: issue.message }));
    const condition = String(issue.path[0] ?? '(profile)');
    const missing = issue.code === 'invalid_type' && input && typeof input === 'object' && !(condition in input);
    return [{ condition, message: missing ? `condition "${condition}" is missing` : issue.message }];
  });
  throw new ProfileError(`${catalogue.id}@${catalogue.version}`, issues);
}
