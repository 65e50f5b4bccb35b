/**
 * The demo catalogue: its shape (27 conditions, 16 categories × 3 measures), that it uses every
 * rule kind and every rule can fire, one realistic profile planned by hand, and the compiled
 * planner against the reference interpreter on sampled profiles.
 */
import { describe, expect, it } from 'vitest';
import { compileCatalogue, demoCatalogue, explainMeasure, planByInterpreter, sampleProfiles, type Expression, type Profile } from '@sifa/plugin-correction';
import { readPlan, summary } from './fixtures.js';

const planner = compileCatalogue(demoCatalogue);
const catalogue = planner.catalogue;
const mongolian = /[\u1800-\u18AF]/;

describe('the demo catalogue', () => {
  it('is labelled a demo, with 27 conditions, 16 categories of 3 measures, labels in three languages', () => {
    expect(catalogue.demo).toBe(true);
    expect(catalogue.version).toBe('demo-2026.1');
    expect(catalogue.conditions).toHaveLength(27);
    expect(catalogue.categories).toHaveLength(16);
    expect(catalogue.measures).toHaveLength(48);
    for (const c of catalogue.categories) expect(catalogue.measures.filter((m) => m.category === c.id)).toHaveLength(3);
    expect(catalogue.rules.length).toBeGreaterThanOrEqual(60);
    for (const item of [...catalogue.conditions, ...catalogue.categories, ...catalogue.measures, ...catalogue.rules]) {
      expect(item.label.zh, item.id).toMatch(/\p{Script=Han}/u);
      expect(item.label.mn, item.id).toMatch(mongolian);
    }
    const tag = catalogue.measures.find((m) => m.id === 'electronic-monitoring')!;
    expect([tag.maxMonths, tag.requiresApproval]).toEqual([3, true]);
  });

  it('uses every combinator and operator, and exclusions', () => {
    const kinds = new Set<string>();
    const visit = (e: Expression) => {
      if ('all' in e) (kinds.add('all'), e.all.forEach(visit));
      else if ('any' in e) (kinds.add('any'), e.any.forEach(visit));
      else if ('not' in e) (kinds.add('not'), visit(e.not));
      else kinds.add(Object.keys(e).find((k) => k !== 'condition')! + ('is' in e ? String(e.is) : ''));
    };
    catalogue.rules.forEach((r) => visit(r.when));
    expect([...kinds].sort()).toEqual(['all', 'any', 'between', 'equals', 'gt', 'gte', 'in', 'isfalse', 'istrue', 'lt', 'lte', 'not'].sort());
    expect(catalogue.rules.some((r) => r.excludes.length > 0 && r.adds.length === 0)).toBe(true);
  });

  it('every rule fires and every measure is planned for some of 10,000 sampled profiles; same plans as the reference interpreter and the closure path', () => {
    const profiles = sampleProfiles(catalogue, 10_000, 2026);
    const closures = compileCatalogue(demoCatalogue, { evaluation: 'closures' });
    const fired = new Set<string>();
    const planned = new Set<string>();
    profiles.forEach((p, i) => {
      const plan = planner(p);
      plan.fired.forEach((r) => fired.add(r));
      plan.measures.forEach((m) => planned.add(m.measure));
      if (i % 5 === 0) expect(readPlan(plan)).toEqual(planByInterpreter(catalogue, p));
      if (i % 5 === 1) expect(readPlan(closures(p))).toEqual(readPlan(plan));
    });
    expect(catalogue.rules.filter((r) => !fired.has(r.id)).map((r) => r.id)).toEqual([]);
    expect(catalogue.measures.filter((m) => !planned.has(m.id)).map((m) => m.id)).toEqual([]);
  });

  it('plans a 16-year-old schoolgirl on probation, strict class, high risk, twice reprimanded, as worked out by hand', () => {
    const girl: Profile = {
      sex: 'female',
      age: 16,
      juvenile: true,
      'subject-kind': 'probation',
      'management-class': 'strict',
      stage: 'regular',
      'months-in-correction': 5,
      'months-remaining': 10,
      'risk-level': 'high',
      'offence-type': 'property',
      'offence-cause': 'peer',
      'serious-circumstances': false,
      remorse: 'sincere',
      'psych-state': 'stable',
      'psych-score': 30,
      health: 'good',
      'pregnant-or-nursing': false,
      family: 'tense',
      dependants: 0,
      employment: 'student',
      'monthly-income': 0,
      residence: 'own',
      'household-elsewhere': false,
      addiction: 'none',
      'prior-convictions': 0,
      reprimands: 2,
      'education-level': 'secondary',
    };
    const plan = planner.parseAndPlan(girl);
    expect(summary(plan)).toEqual({
      measures: [
        ['report-in-weekly', ['class-strict'], []],
        ['written-report-weekly', ['class-strict'], []],
        ['phone-check', ['risk-high'], []],
        ['video-check-in', ['risk-high'], []],
        ['home-visit', ['risk-high', 'family-trouble', 'reprimanded-twice', 'class-strict'], []],
        ['phone-location', ['risk-high'], []],
        ['travel-approval', ['risk-high'], []],
        ['individual-talk-weekly', ['reprimanded-twice', 'class-strict'], []],
        ['individual-talk-monthly', ['offence-peer'], []],
        ['law-course', ['reprimanded'], []],
        ['community-service-12h', ['class-strict'], []],
        ['study-support', ['juvenile-student', 'student'], []],
        ['minimum-living', ['low-income'], []],
        ['family-talk', ['juvenile-family', 'family-trouble'], []],
        ['family-guardian-agreement', ['juvenile'], []],
        ['parenting-support', ['juvenile-family'], []],
        ['juvenile-separate-education', ['juvenile'], []],
        ['juvenile-confidential-file', ['juvenile'], []],
        ['juvenile-school-liaison', ['juvenile-student'], []],
        ['team-female-member', ['female-team-member'], []],
        ['team-volunteer', ['offence-peer'], []],
      ],
      excluded: [
        ['report-in-monthly', ['class-strict-no-lower-quotas'], []],
        ['workplace-visit', ['juvenile-protection', 'student'], []],
        ['community-info', ['juvenile-protection'], []],
        ['electronic-monitoring', ['juvenile-protection'], ['risk-high-electronic']],
        ['remorse-education', ['minor-offence-sincere'], []],
        ['study-12h', ['juvenile-protection'], ['class-strict']],
        ['study-8h', ['juvenile-protection', 'class-strict-no-lower-quotas'], []],
        ['study-4h', ['juvenile-protection', 'class-strict-no-lower-quotas'], []],
        ['community-service-8h', ['class-strict-no-lower-quotas'], []],
        ['community-service-4h', ['class-strict-no-lower-quotas'], []],
        ['drug-test', ['no-addiction-no-tests'], []],
      ],
    });
    expect(explainMeasure(plan, 'electronic-monitoring', 'zh-CN')).toBe(
      '「电子定位装置（每期不超过三个月，经审批）」未列入方案：规则「未成年人：不使用电子定位，不走访工作单位和村居，不参加成年人集中教育」（优先级 100）排除此项，因为未成年社区矫正对象：是。' +
        '规则「高风险且多次训诫或有多次前科：电子定位」（优先级 60）要求列入，但未超过排除规则的优先级。',
    );
    expect(explainMeasure(plan, 'family-talk', 'zh-CN')).toBe(
      '「家庭关系调适」由规则「未成年人家庭关系不良：家庭教育指导」（优先级 70）选定，因为未成年社区矫正对象：是；家庭关系为「紧张」或「破裂」或「无家庭依靠」（实际为「紧张」）。' +
        '规则「家庭关系紧张或破裂：走访与家庭关系调适」（优先级 55）也选定此项，因为家庭关系为「紧张」或「破裂」（实际为「紧张」）。',
    );
    expect(explainMeasure(plan, 'individual-talk-weekly', 'en')).toBe(
      '“Individual talk weekly” was chosen by rule “Two or more reprimands: weekly talks and visits” (priority 55) because reprimands and warnings ≥ 2 (is 2 times). ' +
        'Rule “Strict class: weekly reporting and talks, 12 h study and service” (priority 50) also chose it because management class is “strict”.',
    );
  });
});
