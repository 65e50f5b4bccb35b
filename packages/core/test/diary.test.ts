/** The diary contract: one schema from one field spec, localized messages, facts of an entry. */
import { describe, expect, it } from 'vitest';
import { diaryEntryFacts, diaryFieldsSchema, diaryItemSchema, fieldIssuesOf, type DiaryItemInput } from '@sifa/core';

const item: DiaryItemInput = {
  code: 'mediation.case',
  title: { zh: '调解案件', en: 'Mediation case' },
  part: 'key',
  fields: {
    cases: { kind: 'count', title: { zh: '案件数', en: 'Cases' }, metric: 'mediation.cases', max: 50 },
    minutes: { kind: 'minutes', title: { zh: '用时', en: 'Time' }, metric: 'mediation.minutes', required: false },
    kind: { kind: 'choice', title: { zh: '类型', en: 'Type' }, options: [{ value: 'family', title: { zh: '婚姻家庭', en: 'Family' } }, { value: 'neighbour', title: { zh: '邻里', en: 'Neighbours' } }] },
    summary: { kind: 'text', title: { zh: '摘要', en: 'Summary' }, maxLength: 20 },
    files: { kind: 'attachments', title: { zh: '附件', en: 'Files' }, maxFiles: 1 },
  },
};
const parsed = diaryItemSchema.parse(item);
const schema = diaryFieldsSchema(parsed);

describe('diaryFieldsSchema', () => {
  it('accepts a complete entry and fills defaults', () => {
    expect(schema.parse({ cases: 2, kind: 'family', summary: ' done ' })).toEqual({ cases: 2, kind: 'family', summary: 'done', files: [] });
  });

  it('rejects each kind of bad value with a catalog message in the reader\'s language', () => {
    const result = schema.safeParse({ cases: 51, minutes: -1, kind: 'war', summary: 'x'.repeat(21), files: [{ name: 'a', type: 't', size: 1 }, { name: 'b', type: 't', size: 1 }], extra: 1 });
    expect(result.success).toBe(false);
    const zh = Object.fromEntries(fieldIssuesOf(result.error, 'zh-CN')!.map((i) => [i.path, i.message]));
    const en = Object.fromEntries(fieldIssuesOf(result.error, 'en')!.map((i) => [i.path, i.message]));
    expect(zh).toMatchObject({ cases: '数值超出允许范围。', minutes: '不能小于 0。', kind: '请选择一个选项。', summary: '内容超出长度限制。', files: '附件数量超出限制。' });
    expect(en).toMatchObject({ cases: 'The number is larger than allowed.', minutes: 'Must not be less than 0.', kind: 'Choose one of the options.' });
    expect(Object.keys(en)).toContain('');
  });

  it('requires required fields and whole numbers', () => {
    const result = schema.safeParse({ cases: 1.5, summary: '   ' });
    const en = Object.fromEntries(fieldIssuesOf(result.error, 'en')!.map((i) => [i.path, i.message]));
    expect(en).toMatchObject({ cases: 'Enter a whole number.', kind: 'Choose one of the options.', summary: 'This field is required.' });
  });
});

describe('diaryEntryFacts', () => {
  it('turns numeric fields that name a metric into facts, and nothing else', () => {
    expect(diaryEntryFacts(parsed, { cases: 3, minutes: 40, kind: 'family', summary: 'x' })).toEqual([
      { metric: 'mediation.cases', value: 3 },
      { metric: 'mediation.minutes', value: 40 },
    ]);
    expect(diaryEntryFacts(parsed, { cases: 0, kind: 'family', summary: 'x' })).toEqual([{ metric: 'mediation.cases', value: 0 }]);
  });
});

describe('diaryItemSchema', () => {
  it('refuses items without fields or with badly named fields', () => {
    expect(diaryItemSchema.safeParse({ ...item, fields: {} }).success).toBe(false);
    expect(diaryItemSchema.safeParse({ ...item, fields: { 'Bad-Name': { kind: 'count', title: { zh: 'x', en: 'x' } } } }).success).toBe(false);
  });
});
