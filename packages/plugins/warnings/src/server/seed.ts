/**
 * DEMO rules for `sifa start --seed`, one per rule kind, owned by the city and labelled demo in
 * their titles and rows (`demo = true`): plausible supervision rules, not an official standard.
 * They go through the same validation as an administrator's rules, except the catalogue check
 * (a seed has no catalogue): a rule naming a plugin that is not installed is then reported as
 * not evaluable by each evaluation, which is what an installation without that plugin should
 * see. Nothing is evaluated here: the daily job (or a manager's "evaluate now") raises warnings
 * from real data. Idempotent: demo rules have ids derived from their key.
 */
import { eq } from 'drizzle-orm';
import type { LocalizedText, PluginSeedContext } from '@sifa/core';
import type { WarningRuleInput } from '../schemas.js';
import { warningRuleInputSchema } from '../schemas.js';
import { createRule, demoRuleId } from './rules.js';
import { warningRules, type RuleLabels } from './schema.js';

const demo = (zh: string, en: string): LocalizedText => ({ zh: `（演示）${zh}`, en: `(demo) ${en}` });

/**
 * The words of the diary's demo metrics these rules name (the diary plugin's demo catalogue),
 * kept with the rules for scheduled evaluations; saving a rule through `warnings.updateRule`
 * takes them from the live catalogue instead.
 */
const diaryWords: Record<string, RuleLabels> = {
  'diary.mediation-cases': { metric: { title: { zh: '调解矛盾纠纷', en: 'Disputes mediated' }, unit: { zh: '件', en: 'cases' }, aggregation: 'sum' } },
  'diary.consultations': { metric: { title: { zh: '法律咨询', en: 'Legal consultations' }, unit: { zh: '人次', en: 'person-times' }, aggregation: 'sum' } },
};

export const demoRules: readonly { key: string; rule: WarningRuleInput }[] = [
  {
    key: 'no-mediation-last-month',
    rule: {
      title: demo('上月未开展矛盾纠纷调解', 'No disputes mediated last month'),
      targetLevel: 'office',
      severity: 'warning',
      params: { kind: 'metric-threshold', metric: 'diary.mediation-cases', period: 'month', periodOf: 'completed', comparison: 'below', threshold: 1 },
    },
  },
  {
    key: 'consultations-drop',
    rule: {
      title: demo('法律咨询量环比下降一半以上', 'Legal consultations down by half or more'),
      targetLevel: 'county',
      severity: 'info',
      params: { kind: 'metric-drop', metric: 'diary.consultations', period: 'quarter', dropPercent: 50, minPrevious: 20 },
    },
  },
  {
    key: 'diary-missing',
    rule: {
      title: demo('工作日志缺报', 'Diary days missing'),
      targetLevel: 'office',
      severity: 'warning',
      params: { kind: 'diary-missing', windowWorkingDays: 10, toleratedDays: 3 },
    },
  },
  {
    key: 'plan-items-overdue',
    rule: {
      title: demo('工作计划事项逾期', 'Work plan items overdue'),
      targetLevel: 'office',
      severity: 'warning',
      params: { kind: 'plan-overdue', source: 'plans.items', graceDays: 0, lookbackDays: 366 },
    },
  },
  {
    key: 'score-below-600',
    rule: {
      title: demo('上季度考核得分低于 600 分', 'Last quarter’s assessment score below 600'),
      targetLevel: 'office',
      severity: 'urgent',
      params: { kind: 'score-below', indicator: 'assessment.total-score', period: 'quarter', periodOf: 'completed', threshold: 600 },
    },
  },
  {
    key: 'deadlines-approaching',
    rule: {
      title: demo('法定期限 3 个工作日内届满', 'Statutory deadlines within 3 working days'),
      targetLevel: 'office',
      severity: 'urgent',
      params: { kind: 'deadline-approaching', sources: [], withinWorkingDays: 3, lookbackDays: 366 },
    },
  },
];

export async function seedDemoRules(ctx: PluginSeedContext): Promise<{ ruleIds: string[] }> {
  // The city (4-digit code) when the tree has one, else its root.
  const owner = ctx.orgCodes.find((c) => c.length === 4) ?? ctx.orgCodes[0];
  if (!owner) return { ruleIds: [] };
  const ids: string[] = [];
  await ctx.runScoped(owner, async (scoped) => {
    for (const { key, rule } of demoRules) {
      const id = demoRuleId(key);
      ids.push(id);
      const [existing] = await scoped.db.select({ id: warningRules.id }).from(warningRules).where(eq(warningRules.id, id));
      if (existing) continue;
      const input = warningRuleInputSchema.parse({ ...rule, orgCode: owner });
      const labels = 'metric' in input.params ? diaryWords[input.params.metric] : undefined;
      await createRule({ scoped, locale: 'zh-CN', now: ctx.now(), metrics: null }, input, { id, demo: true, ...(labels ? { labels } : {}) });
    }
  });
  ctx.log(`${demoRules.length} demo warning rules ready (owned by ${owner})`);
  return { ruleIds: ids };
}
