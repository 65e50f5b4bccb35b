/**
 * The case type and manifest as data, with no server: they validate as the server validates them
 * at start, the dispute types and sources are the diary's own values, every step's permission and
 * roles are what the plugin means, and the deadlines say where they come from.
 */
import { describe, expect, it } from 'vitest';
import { caseTypeSchema, pluginManifestSchema } from '@sifa/core';
import { demoDiaryItems } from '@sifa/plugin-diary';
import { caseSources, disputeTypes, mediationCaseType, mediationManifest, outcomeOf } from '../../src/index.js';
import { chineseNumber } from '../../src/server/agreement.js';
import { demoIdNumber } from '../../src/server/seed.js';

describe('the mediation case type', () => {
  it('validates as the server validates it, within a valid manifest', () => {
    expect(() => caseTypeSchema.parse(mediationCaseType)).not.toThrow();
    const manifest = pluginManifestSchema.parse(mediationManifest);
    expect(manifest.contributes.caseTypes.map((c) => c.code)).toEqual(['mediation.case']);
    expect(manifest.contributes.derivedDiaryItems).toEqual([{ item: 'diary.mediation', from: expect.objectContaining({ zh: '来自调解案卷', en: 'From mediation case files' }) }]);
  });

  it('uses the diary’s dispute types and case sources, so both count alike', () => {
    const diary = demoDiaryItems.find((i) => i.code === 'diary.mediation')!;
    const values = (field: string) => (diary.fields[field] as { options: { value: string }[] }).options.map((o) => o.value);
    expect(disputeTypes.map(([v]) => v)).toEqual(values('disputeType'));
    expect(caseSources.map(([v]) => v)).toEqual(values('caseSource'));
  });

  it('keeps the office’s steps to office staff and lets a county close a file', () => {
    const parsed = caseTypeSchema.parse(mediationCaseType);
    for (const step of parsed.transitions) {
      expect(step.permission, step.code).toBe('mediation.work');
      expect(step.roles, step.code).toEqual(step.code === 'close' ? undefined : ['office_staff']);
    }
    expect(mediationManifest.permissions.find((p) => p.name === 'mediation.work')!.roles).toEqual(['county_admin', 'office_staff']);
    expect(mediationManifest.permissions.find((p) => p.name === 'mediation.read')!.roles).toEqual(['city_admin', 'county_admin', 'office_staff']);
  });

  it('counts facts where the law says: cases at registration, agreements once in effect', () => {
    const parsed = caseTypeSchema.parse(mediationCaseType);
    const facts = Object.fromEntries(parsed.transitions.map((t) => [t.code, t.facts.map((f) => f.metric)]));
    expect(facts.register).toEqual(['mediation.cases', 'mediation.parties', 'mediation.amount', 'diary.mediation-cases', 'diary.mediation-parties']);
    expect(facts['take-effect']).toEqual(['mediation.agreements', 'mediation.cases-agreed', 'diary.mediation-agreements']);
    expect(facts['agree-oral']).toEqual(['mediation.agreements', 'mediation.cases-agreed', 'diary.mediation-agreements']);
    // A success counts on its case's registration day (a part of the cases registered that day).
    const dated = Object.fromEntries(parsed.transitions.find((t) => t.code === 'take-effect')!.facts.map((f) => [f.metric, f.dated]));
    expect(dated).toEqual({ 'mediation.agreements': 'step', 'mediation.cases-agreed': 'opening', 'diary.mediation-agreements': 'opening' });
    expect(facts['agree-written']).toEqual([]);
    expect(facts.fail).toEqual(['mediation.failed']);
    const diaryFacts = parsed.transitions.flatMap((t) => t.facts).filter((f) => f.metric.startsWith('diary.'));
    expect(diaryFacts.length).toBe(4);
    expect(diaryFacts.every((f) => f.ifInstalled)).toBe(true);
  });

  it('states the basis of both deadlines, the mediation period as configurable', () => {
    const [period, confirmation] = mediationCaseType.deadlines;
    expect(period).toMatchObject({ code: 'mediation-period', from: 'register', days: 30, unit: 'calendar' });
    expect(period!.basis.zh).toContain('各地按本地规定配置');
    expect(confirmation).toMatchObject({ code: 'judicial-confirmation', from: 'take-effect', days: 30, unit: 'calendar', metBy: ['judicial-confirmation'] });
    expect(confirmation!.basis.zh).toContain('人民调解法》第三十三条');
  });

  it('maps states to outcomes', () => {
    expect(['registered', 'investigating', 'mediating', 'agreed', 'effective', 'closed', 'failed', 'terminated'].map(outcomeOf)).toEqual(['open', 'open', 'open', 'open', 'agreed', 'agreed', 'failed', 'terminated']);
  });
});

describe('helpers', () => {
  it('writes copies in Chinese numerals and fake ID numbers with a valid check digit', () => {
    expect([2, 3, 10, 11, 20, 21].map(chineseNumber)).toEqual(['二', '三', '十', '十一', '二十', '二十一']);
    const id = demoIdNumber('150402', '1980-01-01');
    expect(id).toMatch(/^15040219800101000[\dX]$/);
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = [...id.slice(0, 17)].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
    expect(id[17]).toBe('10X98765432'[sum % 11]);
  });
});
