/**
 * Every text the correction case types show has a Mongolian form: the three case types (titles,
 * states, steps, fields, options, notes, help, units, deadlines and their basis), the manifest's
 * permissions and document names, the document templates' titles, the demo rules' texts, and the
 * messages of every check in every outcome. `<sifa-cases lang="mn-Mong">` shows the Chinese text
 * where `mn` is missing (pickText), so a missing, empty, Chinese or copied `mn` is a defect here.
 * No database: the checks run on hand-made inputs (no server call).
 */
import { describe, expect, it } from 'vitest';
import type { CaseCheck, CaseCheckInput, CaseCheckSource, CaseFieldValue } from '@sifa/core';
import { correctionCaseType, correctionManifest, correctionPermissions, defaultCorrectionRules, investigationCaseType, searchCaseType } from '@sifa/plugin-correction';
import { correctionCheckSources, correctionDocumentTemplates } from '@sifa/plugin-correction/server';

const han = /\p{Script=Han}/u;
const mongolian = /[\u1800-\u18AF]/;

interface Found {
  path: string;
  text: { zh: string; en: string; mn?: unknown };
}

/** Every LocalizedText ({ zh, en } strings) under `value`, with its path. */
function localizedTexts(value: unknown, path: string, into: Found[] = []): Found[] {
  if (Array.isArray(value)) value.forEach((v, i) => localizedTexts(v, `${path}[${i}]`, into));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o['zh'] === 'string' && typeof o['en'] === 'string') into.push({ path, text: o as Found['text'] });
    else for (const [k, v] of Object.entries(o)) localizedTexts(v, `${path}.${k}`, into);
  }
  return into;
}

/** What is wrong with a text's Mongolian, or null. */
function defect({ zh, en, mn }: Found['text']): string | null {
  if (mn === undefined) return 'no mn';
  if (typeof mn !== 'string' || mn.trim() === '') return 'empty mn';
  if (han.test(mn)) return `Han characters in mn: ${mn}`;
  if (mn === zh || mn === en) return `mn equals ${mn === zh ? 'zh' : 'en'}`;
  if (!mongolian.test(mn)) return `no Mongolian script in mn: ${mn}`;
  return null;
}

function defects(found: Found[]): string[] {
  return found.flatMap((f) => {
    const d = defect(f.text);
    return d ? [`${f.path} (${f.text.zh}): ${d}`] : [];
  });
}

const base = (fields: Record<string, CaseFieldValue>): CaseCheckInput['case'] => ({ id: '00000000-0000-4000-8000-000000000001', number: '矫1', orgCode: '150402001', state: 'under-correction', openedOn: '2026-01-05', fields });

/** Inputs that take each check through each of its outcomes (by the step it runs before). */
const inputs: { transition: string; case: CaseCheckInput['case']; step: Record<string, unknown>; on?: string }[] = [
  // report-in: unknown, on time, late
  { transition: 'report-in', case: base({}), step: {} },
  { transition: 'report-in', case: base({ judgmentEffectiveOn: '2026-01-01' }), step: {}, on: '2026-01-05' },
  { transition: 'report-in', case: base({ judgmentEffectiveOn: '2026-01-01' }), step: {}, on: '2026-02-01' },
  // the team: not female, number missing, no woman, women
  { transition: 'form-team', case: base({ sex: 'male' }), step: {} },
  { transition: 'form-team', case: base({ sex: 'female' }), step: {} },
  { transition: 'form-team', case: base({ sex: 'female' }), step: { women: 0 } },
  { transition: 'change-team', case: base({ sex: 'female' }), step: { women: 1 } },
  { transition: 'change-team', case: base({ sex: 'female' }), step: { women: '2' } },
  // leave: days missing, reversed, too long, county needed, office, county when the office could
  { transition: 'leave-office', case: base({}), step: {} },
  { transition: 'leave-office', case: base({}), step: { leaveFrom: '2026-03-07', leaveTo: '2026-03-01' } },
  { transition: 'leave-county', case: base({}), step: { leaveFrom: '2026-03-01', leaveTo: '2026-05-01' } },
  { transition: 'leave-office', case: base({}), step: { leaveFrom: '2026-03-01', leaveTo: '2026-03-20' } },
  { transition: 'leave-office', case: base({}), step: { leaveFrom: '2026-03-01', leaveTo: '2026-03-03' } },
  { transition: 'leave-county', case: base({}), step: { leaveFrom: '2026-03-01', leaveTo: '2026-03-20' } },
  { transition: 'leave-county', case: base({}), step: { leaveFrom: '2026-03-01', leaveTo: '2026-03-03' } },
  // electronic monitoring: period missing, reversed, too long, within
  { transition: 'e-monitoring', case: base({}), step: {} },
  { transition: 'e-monitoring', case: base({}), step: { monitorFrom: '2026-03-10', monitorTo: '2026-03-01' } },
  { transition: 'e-monitoring', case: base({}), step: { monitorFrom: '2026-03-01', monitorTo: '2026-08-01' } },
  { transition: 'e-monitoring', case: base({}), step: { monitorFrom: '2026-03-01', monitorTo: '2026-05-01' } },
  // revocation: public surveillance, each other kind
  ...(['control', 'probation', 'parole', 'medical-parole'] as const).map((kind) => ({ transition: 'propose-revocation', case: base({ kind }), step: {} })),
  // lost contact: imported, without its search case (the opened case: correction's server tests)
  { transition: 'lost-contact', case: { ...base({}), id: null }, step: {} },
  { transition: 'lost-contact', case: base({}), step: { searchCaseId: '00000000-0000-4000-8000-000000000002' } },
];

async function checkMessages(sources: CaseCheckSource[]): Promise<{ found: Found[]; outcomes: Set<string> }> {
  const found: Found[] = [];
  const outcomes = new Set<string>();
  const scoped = { db: {} } as Parameters<CaseCheckSource['run']>[0];
  for (const [i, input] of inputs.entries()) {
    const runs = sources.filter((s) => s.transitions.includes(input.transition));
    expect(runs, input.transition).toHaveLength(1);
    const checks: readonly CaseCheck[] = await runs[0]!.run(scoped, { case: input.case, transition: input.transition, step: input.step, on: input.on ?? '2026-03-01' });
    for (const c of checks) {
      outcomes.add(`${c.code}:${c.state}`);
      localizedTexts({ title: c.title, explanation: c.explanation, suggestion: c.suggestion }, `check#${i} ${input.transition} ${c.code}:${c.state}`, found);
    }
  }
  return { found, outcomes };
}

describe('the Mongolian texts of community-correction casework', () => {
  it('the walk finds nested texts and flags a missing, empty, Chinese or copied mn', () => {
    const sample = {
      title: { zh: '报到', en: 'Report in', mn: 'ᠢᠷᠡᠵᠦ ᠮᠡᠳᠡᠭᠦᠯᠬᠦ' },
      fields: { a: { title: { zh: '罪名', en: 'Offence' } }, b: { options: [{ title: { zh: '男', en: 'Male', mn: ' ' } }] } },
      steps: [{ note: { zh: '说明', en: 'Notes', mn: 'ᠲᠠᠶᠢᠯᠪᠤᠷᠢ 说明' } }, { note: { zh: '其他', en: 'Other', mn: 'Other' } }, { note: { zh: '结果', en: 'Result', mn: '结果' } }],
    };
    const found = localizedTexts(sample, 'sample');
    expect(found.map((f) => f.path)).toEqual(['sample.title', 'sample.fields.a.title', 'sample.fields.b.options[0].title', 'sample.steps[0].note', 'sample.steps[1].note', 'sample.steps[2].note']);
    expect(found.map((f) => defect(f.text)?.split(':')[0] ?? null)).toEqual([null, 'no mn', 'empty mn', 'Han characters in mn', 'mn equals en', 'Han characters in mn']);
    expect(defect({ zh: '结果', en: 'Result', mn: 'Result (draft)' })).toMatch(/^no Mongolian script/);
  });

  it('the three case types: every title, state, step, field, option, note, help, unit and deadline', () => {
    const found = [investigationCaseType, correctionCaseType, searchCaseType].flatMap((type) => localizedTexts(type, type.code));
    // (A walk that found nothing would pass: the types hold hundreds of texts.)
    expect(found.length).toBeGreaterThan(200);
    expect(defects(found)).toEqual([]);
  });

  it('the manifest (permissions, case types, document names), the document templates and the demo rules', () => {
    const found = [
      // (The casework's permissions; the plans' own are not part of the case types.)
      ...localizedTexts(correctionManifest.permissions.filter((p) => (Object.values(correctionPermissions) as string[]).includes(p.name)), 'permissions'),
      ...localizedTexts(correctionManifest.contributes.documentTemplates, 'documentTemplates'),
      ...localizedTexts(correctionManifest.contributes.caseTypes, 'caseTypes'),
      ...correctionDocumentTemplates.flatMap((d) => localizedTexts(d.title, `template ${d.code}`)),
      ...localizedTexts(defaultCorrectionRules, 'rules'),
    ];
    expect(correctionDocumentTemplates).toHaveLength(7);
    expect(defects(found)).toEqual([]);
  });

  it('every check in every outcome', async () => {
    const { found, outcomes } = await checkMessages(correctionCheckSources(defaultCorrectionRules));
    expect([...outcomes].sort()).toEqual(
      [
        'leave-approval:blocked',
        'leave-approval:pass',
        'leave-approval:unknown',
        'monitoring-period:blocked',
        'monitoring-period:pass',
        'monitoring-period:unknown',
        'report-in-period:attention',
        'report-in-period:pass',
        'report-in-period:unknown',
        'revocation-kind:blocked',
        'revocation-kind:pass',
        'search-opened:blocked',
        'search-opened:info',
        'team-woman:blocked',
        'team-woman:pass',
        'team-woman:unknown',
      ].sort(),
    );
    expect(defects(found)).toEqual([]);
  });
});
