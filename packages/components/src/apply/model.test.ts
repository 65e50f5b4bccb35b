/** The form state of <sifa-apply> without the element: values, payload, checks, drafts, codes, and the proof of work's hash. */
import { describe, expect, it } from 'vitest';
import type { PublicFormView } from '@sifa/core';
import { applyMessages, type ApplyMessageKey } from './messages.js';
import { checkValues, initialValues, isBlank, issueField, normalizeCode, payloadOf, readDraft, restoreValues, writeDraft, clearDraft } from './model.js';
import { leadingZeroBits, sha256Words, solveChallenge } from './pow.js';

const t = (zh: string) => ({ zh, en: zh });
const form: PublicFormView = {
  type: 'x.form',
  title: t('申请'),
  description: null,
  intro: null,
  consent: t('同意'),
  consentVersion: '0123456789abcdef',
  order: ['people', 'what', 'when', 'yes', 'kind', 'note'],
  fields: {
    people: { kind: 'parties', title: t('申请人'), required: true, roles: [{ value: 'applicant', title: t('申请人') }, { value: 'agent', title: t('代理人') }], minItems: 1, maxItems: 3, anonymous: false },
    what: { kind: 'text', title: t('事项'), required: true, maxLength: 10, multiline: false },
    when: { kind: 'date', title: t('日期'), required: true },
    yes: { kind: 'boolean', title: t('是否'), required: false },
    kind: { kind: 'choice', title: t('类别'), required: true, options: [{ value: 'a', title: t('甲') }, { value: 'b', title: t('乙') }] },
    note: { kind: 'text', title: t('备注'), required: false, maxLength: 100, multiline: true },
  },
};

class MemoryStorage implements Storage {
  private readonly map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

describe('<sifa-apply> form model', () => {
  it('starts blank: one party row, yes/no unanswered', () => {
    const values = initialValues(form);
    expect(values['people']).toEqual([{ role: 'applicant', name: '', idNumber: '', phone: '', address: '' }]);
    expect(values['yes']).toBeNull();
    expect(isBlank(form, values)).toBe(true);
  });

  it('sends trimmed values, leaves out what was not answered, upper-cases an ID number', () => {
    const values = { ...initialValues(form), people: [{ role: 'agent', name: ' 张三 ', idNumber: '11010519491231002x', phone: '', address: ' ' }], what: ' 拆除 ', when: '2026-03-01', kind: 'b', note: '  ' };
    expect(payloadOf(form, values)).toEqual({ people: [{ role: 'agent', name: '张三', idNumber: '11010519491231002X' }], what: '拆除', when: '2026-03-01', kind: 'b' });
    expect(payloadOf(form, { ...values, yes: false })['yes']).toBe(false);
  });

  it('checks what a citizen gets wrong, by field key, before anything is sent', () => {
    const issues = checkValues(form, { ...initialValues(form), people: [{ role: 'applicant', name: '', idNumber: '110105194912310021', phone: '123', address: '' }], what: '一二三四五六七八九十一', when: '2026-13-01' }, '2026-06-01');
    expect(Object.fromEntries([...issues].map(([k, v]) => [k, v.key]))).toEqual({
      'people.0.name': 'required',
      'people.0.idNumber': 'idNumber',
      'people.0.phone': 'phone',
      what: 'tooLong',
      when: 'date',
      kind: 'requiredChoice',
    });
    expect(issues.get('what')!.params).toEqual({ max: 10 });
    const future = checkValues(form, { ...initialValues(form), people: [{ role: 'applicant', name: '张三', idNumber: '11010519491231002X', phone: '0476-8888888', address: '' }], what: '拆除', when: '2026-06-02', kind: 'a' }, '2026-06-01');
    expect([...future.keys()]).toEqual(['when']);
    expect(future.get('when')!.key).toBe('futureDate');
    // Every key it names has words in the catalog.
    for (const check of issues.values()) expect(applyMessages.catalogs['zh-CN'][check.key]).toBeTruthy();
  });

  it('maps the server issue paths to field keys', () => {
    expect(issueField('fields.people.0.idNumber')).toBe('people.0.idNumber');
    expect(issueField('fields.what')).toBe('what');
    expect(issueField('orgCode')).toBe('orgCode');
    expect(issueField('consent.version')).toBe('consent');
    expect(issueField('type')).toBeNull();
  });

  it('keeps a draft, restores what still fits a changed form, and clears it', () => {
    const storage = new MemoryStorage();
    expect(readDraft(storage, form.type)).toBeNull();
    writeDraft(storage, form.type, { orgCode: '150421100', county: '150421', values: { what: '拆除', kind: 'gone', yes: true, people: [{ role: 'nobody', name: '李四' }] as never, removed: 'x' } });
    const draft = readDraft(storage, form.type)!;
    expect(draft.orgCode).toBe('150421100');
    const values = restoreValues(form, draft.values);
    expect(values['what']).toBe('拆除');
    expect(values['kind']).toBe('');
    expect(values['yes']).toBe(true);
    expect(values['people']).toEqual([{ role: 'applicant', name: '李四', idNumber: '', phone: '', address: '' }]);
    expect('removed' in values).toBe(false);
    storage.setItem('sifa-apply:draft:x.form', '{not json');
    expect(readDraft(storage, form.type)).toBeNull();
    clearDraft(storage, form.type);
    expect(storage.length).toBe(0);
    expect(readDraft(null, form.type)).toBeNull();
    expect(writeDraft(null, form.type, { orgCode: '', county: '', values: {} })).toBe(false);
  });

  it('reads a tracking code as people type it', () => {
    expect(normalizeCode(' abcd efgh jk23 ')).toBe('ABCD-EFGH-JK23');
    expect(normalizeCode('ABCD-EFGH-JK2')).toBeNull();
    expect(normalizeCode('ABCD-EFGH-JK21')).toBeNull();
  });
});

describe('<sifa-apply> proof of work', () => {
  it('hashes as SHA-256 does (the browser’s own, for strings across block boundaries)', async () => {
    for (const text of ['', 'abc', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), `1767225600000.abcdefghijklmnop.${'s'.repeat(43)}:ff3a`]) {
      const expected = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
      const words = sha256Words(text);
      const bytes = new Uint8Array(32);
      words.forEach((w, i) => new DataView(bytes.buffer).setUint32(i * 4, w));
      expect([...bytes], text.slice(0, 10)).toEqual([...expected]);
    }
  });

  it('finds a nonce with the leading zero bits asked, and stops when aborted', async () => {
    const nonce = await solveChallenge('challenge-1', 12);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`challenge-1:${nonce}`)));
    expect(digest[0]).toBe(0);
    expect(digest[1]! >> 4).toBe(0);
    expect(leadingZeroBits(sha256Words(`challenge-1:${nonce}`))).toBeGreaterThanOrEqual(12);
    const abort = new AbortController();
    abort.abort(new DOMException('stopped', 'AbortError'));
    await expect(solveChallenge('challenge-2', 40, { signal: abort.signal })).rejects.toThrow('stopped');
  });
});

describe('the catalogs of <sifa-apply>', () => {
  it('have the keys of zh-CN in en and mn-Mong, the same placeholders, no Chinese outside zh-CN, every Mongolian string a draft', async () => {
    const [enCatalog, mnCatalog] = await Promise.all([applyMessages.load('en'), applyMessages.load('mn-Mong')]);
    const zh = applyMessages.catalogs['zh-CN'];
    const keys = Object.keys(zh).sort() as ApplyMessageKey[];
    expect(Object.keys(enCatalog).sort()).toEqual(keys);
    expect(Object.keys(mnCatalog).sort()).toEqual(keys);
    expect([...applyMessages.mnDrafts].sort()).toEqual(keys);
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of keys) {
      for (const catalog of [zh, enCatalog, mnCatalog]) expect(catalog[key], key).not.toBe('');
      expect(names(enCatalog[key]), `en ${key}`).toEqual(names(zh[key]));
      expect(names(mnCatalog[key]), `mn-Mong ${key}`).toEqual(names(zh[key]));
      expect(enCatalog[key], `en ${key}`).not.toMatch(/[\u4e00-\u9fff]/);
      expect(mnCatalog[key], `mn-Mong ${key}`).not.toMatch(/[\u4e00-\u9fff]/);
      expect(mnCatalog[key], `mn-Mong ${key}`).toMatch(/[\u1820-\u18aa]/);
    }
  });
});
