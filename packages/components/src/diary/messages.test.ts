/**
 * The diary's messages: zh-CN bundled, en and mn-Mong loaded on demand (defineLazyMessages), the
 * same keys in every catalog, every Mongolian string marked draft once Mongolian is loaded.
 */
import { describe, expect, it } from 'vitest';
import { defineLazyMessages, type Catalog } from '../i18n/i18n.js';
import { diaryMessages } from './messages.js';

type Key = 'hello' | 'count';
const zh: Catalog<Key> = { hello: '你好', count: '{n} 条' };
const en: Catalog<Key> = { hello: 'Hello', count: '{n} entries' };
const mn: Catalog<Key> = { hello: 'ᠰᠠᠶᠢᠨ', count: '{n} ᠲᠡᠮᠳᠡᠭᠯᠡᠯ' };

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('defineLazyMessages', () => {
  it('speaks Chinese until a catalog is loaded, loads each once, then speaks it', async () => {
    let calls = 0;
    const pending = deferred<Catalog<Key>>();
    const messages = defineLazyMessages<Key>(zh, { en: () => (calls++, pending.promise), 'mn-Mong': () => Promise.resolve(mn) }, { mnDrafts: 'all' });
    expect(messages.has('zh-CN')).toBe(true);
    expect(messages.has('en')).toBe(false);
    expect(messages.t('en', 'count', { n: 3 })).toBe('3 条');

    const first = messages.load('en');
    const second = messages.load('en');
    expect(calls).toBe(1);
    pending.resolve(en);
    expect(await first).toBe(en);
    expect(await second).toBe(en);
    expect(messages.has('en')).toBe(true);
    expect(messages.t('en', 'count', { n: 3 })).toBe('3 entries');
    expect(await messages.load('en')).toBe(en);
    expect(calls).toBe(1);
  });

  it('tries a failed load again on the next call', async () => {
    let calls = 0;
    const messages = defineLazyMessages<Key>(
      zh,
      { en: () => (++calls === 1 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : Promise.resolve(en)), 'mn-Mong': () => Promise.resolve(mn) },
      { mnDrafts: [] },
    );
    await expect(messages.load('en')).rejects.toThrow('Failed to fetch');
    expect(messages.has('en')).toBe(false);
    expect(await messages.load('en')).toBe(en);
    expect(calls).toBe(2);
  });

  it("marks Mongolian drafts: every key once loaded for 'all', the listed keys at once otherwise", async () => {
    const all = defineLazyMessages<Key>(zh, { en: () => Promise.resolve(en), 'mn-Mong': () => Promise.resolve(mn) }, { mnDrafts: 'all' });
    expect(all.mnDrafts.size).toBe(0);
    await all.load('mn-Mong');
    expect([...all.mnDrafts].sort()).toEqual(['count', 'hello']);
    const listed = defineLazyMessages<Key>(zh, { en: () => Promise.resolve(en), 'mn-Mong': () => Promise.resolve(mn) }, { mnDrafts: ['count'] });
    expect([...listed.mnDrafts]).toEqual(['count']);
  });
});

describe('the diary catalogs', () => {
  it('have the keys of zh-CN in en and mn-Mong, every Mongolian string a draft', async () => {
    const [enCatalog, mnCatalog] = await Promise.all([diaryMessages.load('en'), diaryMessages.load('mn-Mong')]);
    const keys = Object.keys(diaryMessages.catalogs['zh-CN']).sort();
    expect(Object.keys(enCatalog).sort()).toEqual(keys);
    expect(Object.keys(mnCatalog).sort()).toEqual(keys);
    expect([...diaryMessages.mnDrafts].sort()).toEqual(keys);
    for (const catalog of [diaryMessages.catalogs['zh-CN'], enCatalog, mnCatalog]) for (const key of keys) expect(catalog[key as keyof typeof catalog]).not.toBe('');
  });
});
