/** The viewer's catalogs: the keys of zh-CN in en and mn-Mong, no empty string, every Mongolian string a draft. */
import { describe, expect, it } from 'vitest';
import { vrMessages } from './messages.js';

describe('the vr-viewer catalogs', () => {
  it('have the keys of zh-CN in en and mn-Mong, every Mongolian string a draft', async () => {
    const [en, mn] = await Promise.all([vrMessages.load('en'), vrMessages.load('mn-Mong')]);
    const keys = Object.keys(vrMessages.catalogs['zh-CN']).sort();
    expect(Object.keys(en).sort()).toEqual(keys);
    expect(Object.keys(mn).sort()).toEqual(keys);
    expect([...vrMessages.mnDrafts].sort()).toEqual(keys);
    for (const catalog of [vrMessages.catalogs['zh-CN'], en, mn]) for (const key of keys) expect(catalog[key as keyof typeof catalog]).not.toBe('');
    // Placeholders survive translation.
    for (const key of keys) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const zh = names(vrMessages.catalogs['zh-CN'][key as keyof typeof en]);
      expect(names(en[key as keyof typeof en]), key).toEqual(zh);
      expect(names(mn[key as keyof typeof mn]), key).toEqual(zh);
    }
  });
});
