/**
 * `requiredWhen` in the one schema of a case form (widget and engine): a field required after all
 * when another field of the form, or of the case (`context`), has one of the values.
 */
import { describe, expect, it } from 'vitest';
import { caseFieldsSchema, caseFieldsSpecSchema } from '@sifa/core';

const specs = caseFieldsSpecSchema.parse({
  source: { kind: 'choice', title: { zh: '来源', en: 'Source' }, options: [{ value: 'application', title: { zh: '申请', en: 'Applied' } }, { value: 'referred', title: { zh: '移送', en: 'Referred' } }] },
  referredBy: { kind: 'text', title: { zh: '移送单位', en: 'Referred by' }, required: false, requiredWhen: { field: 'source', in: ['referred'] } },
});

describe('requiredWhen', () => {
  it('requires the field only when the other field has one of the values', () => {
    expect(caseFieldsSchema(specs).safeParse({ source: 'application' }).success).toBe(true);
    const missing = caseFieldsSchema(specs).safeParse({ source: 'referred', referredBy: '  ' });
    expect(missing.success).toBe(false);
    expect(missing.error!.issues.map((i) => i.path)).toEqual([['referredBy']]);
    expect(caseFieldsSchema(specs).safeParse({ source: 'referred', referredBy: '红山区人民法院' }).success).toBe(true);
  });

  it('reads a field outside the form from the context (the case as it stands)', () => {
    const only = { referredBy: specs.referredBy! };
    expect(caseFieldsSchema(only).safeParse({}).success).toBe(true);
    expect(caseFieldsSchema(only, { context: { source: 'referred' } }).safeParse({}).success).toBe(false);
    expect(caseFieldsSchema(only, { context: { source: 'application' } }).safeParse({}).success).toBe(true);
  });
});
