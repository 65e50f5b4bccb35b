/** The demo catalogue itself: well formed, self-consistent, and loadable in a browser. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessmentParts, diaryFieldsSchema, diaryItemSchema, pluginManifestSchema } from '@sifa/core';
import { composePlugins } from '@sifa/server';
import { demoDiaryItems, diaryManifest, diaryMetrics } from '../../src/index.js';
import { createDiaryPlugin, dayIn } from '../../src/server/index.js';
import { caseworkPlugin } from './casework-plugin.js';

describe('the demo diary catalogue', () => {
  const items = demoDiaryItems.map((i) => diaryItemSchema.parse(i));
  const declared = new Set<string>(diaryManifest.contributes.metrics.map((m) => m.code));

  it('has items that parse with diaryItemSchema, with unique codes, covering every assessment part', () => {
    expect(items.length).toBeGreaterThanOrEqual(14);
    expect(new Set(items.map((i) => i.code)).size).toBe(items.length);
    for (const item of items) {
      expect(item.code.startsWith('diary.')).toBe(true);
      // Every item's field schema can be built (choices have at least two options, etc.).
      expect(() => diaryFieldsSchema(item)).not.toThrow();
    }
    expect(new Set(items.map((i) => i.part))).toEqual(new Set(assessmentParts));
  });

  it('feeds only declared metrics, and every declared metric is fed (diary.entries by the server)', () => {
    const fed = new Set<string>();
    for (const item of items) {
      for (const spec of Object.values(item.fields)) {
        if ((spec.kind === 'count' || spec.kind === 'minutes') && spec.metric) {
          expect(declared.has(spec.metric), `${item.code} → ${spec.metric}`).toBe(true);
          fed.add(spec.metric);
        }
      }
    }
    expect([...declared].filter((m) => !fed.has(m))).toEqual(['diary.entries']);
    expect(new Set(diaryMetrics.map((m) => m.code)).size).toBe(diaryMetrics.length);
    // Every numeric field feeds statistics.
    for (const item of items) for (const spec of Object.values(item.fields)) if (spec.kind === 'count' || spec.kind === 'minutes') expect(spec.metric).toBeDefined();
  });

  it('is a valid manifest that composes with other plugins\' items', () => {
    const manifest = pluginManifestSchema.parse(diaryManifest);
    expect(manifest.permissions.map((p) => [p.name, p.roles])).toEqual([
      ['diary.read', ['city_admin', 'county_admin', 'office_staff']],
      ['diary.write', ['office_staff']],
    ]);
    expect(manifest.description?.en).toContain('DEMO');
    const composition = composePlugins([createDiaryPlugin(), caseworkPlugin]);
    expect(composition.diaryItems.map((i) => i.plugin)).toEqual([...items.map(() => 'diary'), 'casework']);
  });

  it('D6: gives every item, field, unit, option, help and rule message a Mongolian title, each a marked draft with its transliteration', () => {
    const texts: { zh: string; en: string; mn?: string | undefined }[] = [];
    for (const item of items) {
      texts.push(item.title, ...item.rules.map((r) => r.message));
      for (const spec of Object.values(item.fields)) {
        texts.push(spec.title);
        if (spec.help) texts.push(spec.help);
        if (spec.kind === 'count' && spec.unit) texts.push(spec.unit);
        if (spec.kind === 'choice') texts.push(...spec.options.map((o) => o.title));
      }
    }
    texts.push(...diaryMetrics.flatMap((m) => [m.title, m.unit]));
    expect(texts.filter((t) => !t.mn || /[\u4e00-\u9fff]/.test(t.mn)).map((t) => t.zh)).toEqual([]);
    // Traditional script only (Mongolian block, joiners, spaces, brackets), never Cyrillic or Latin words.
    expect(texts.filter((t) => !/^[\u1800-\u18af\u202f ()]+$/.test(t.mn!)).map((t) => t.mn)).toEqual([]);
    // Drafts by a non-speaker: each Mongolian string in the source has its transliteration above it for the reviewer.
    const source = readFileSync(new URL('../../src/catalogue.ts', import.meta.url), 'utf8').split('\n');
    const unmarked = source.flatMap((line, i) => (/[\u1800-\u18af]/.test(line) && !/^\s*\/\/ mn draft: /.test(source[i - 1] ?? '') ? [line.trim()] : []));
    expect(unmarked).toEqual([]);
  });

  it('keeps the common half browser-safe (no drizzle, no Node APIs; the server half for types only)', () => {
    for (const file of ['index.ts', 'catalogue.ts', 'schemas.ts']) {
      const source = readFileSync(new URL(`../../src/${file}`, import.meta.url), 'utf8');
      const imports = [...source.matchAll(/^(import|export)( type)?\b[^;]*? from '([^']+)'/gm)].map((m) => ({ typeOnly: m[2] !== undefined, spec: m[3]! }));
      expect(imports.length, file).toBeGreaterThan(0);
      for (const { typeOnly, spec } of imports) {
        if (spec.startsWith('./server/')) expect(typeOnly, `${file}: ${spec}`).toBe(true);
        else expect(spec === '@sifa/core' || spec === 'zod' || spec.startsWith('./'), `${file}: ${spec}`).toBe(true);
      }
    }
  });
});

describe('createDiaryPlugin options', () => {
  it('refuses an unknown time zone or a negative window', () => {
    expect(() => createDiaryPlugin({ timeZone: 'Mars/Olympus' })).toThrow(/time zone/);
    expect(() => createDiaryPlugin({ editWindowDays: -1 })).toThrow();
  });

  it('reads the calendar day in the configured zone', () => {
    expect(dayIn('Asia/Shanghai', new Date('2026-03-10T16:30:00Z'))).toBe('2026-03-11');
    expect(dayIn('UTC', new Date('2026-03-10T16:30:00Z'))).toBe('2026-03-10');
  });
});
