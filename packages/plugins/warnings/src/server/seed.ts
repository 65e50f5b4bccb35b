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

/**
 * A demo rule's title in the three UI languages. MONGOLIAN: every `mn` title below is a DRAFT by
 * a non-speaker (traditional script; the comment above each rule gives its Latin
 * transliteration for the reviewer), like the widgets' listed drafts, until a native speaker has
 * checked it. Prefix "(ÜliGer)" = (demo).
 */
const demo = (zh: string, en: string, mn: string): LocalizedText => ({ zh: `（演示）${zh}`, en: `(demo) ${en}`, mn: `(ᠦᠯᠢᠭᠡᠷ) ${mn}` });

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
      // emUneki sar_a-du marguldugan-i eblerelgegsen Ugei
      title: demo('上月未开展矛盾纠纷调解', 'No disputes mediated last month', 'ᠡᠮᠦᠨᠡᠬᠢ ᠰᠠᠷ᠎ᠠ ᠳᠤ ᠮᠠᠷᠭᠤᠯᠳᠤᠭᠠᠨ ᠢ ᠡᠪᠯᠡᠷᠡᠯᠭᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ'),
      targetLevel: 'office',
      severity: 'warning',
      params: { kind: 'metric-threshold', metric: 'diary.mediation-cases', period: 'month', periodOf: 'completed', comparison: 'below', threshold: 1 },
    },
  },
  {
    key: 'consultations-drop',
    rule: {
      // qauli-yin jOblegel qagas-aca ilegU bagurabai
      title: demo('法律咨询量环比下降一半以上', 'Legal consultations down by half or more', 'ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠵᠥᠪᠯᠡᠭᠡᠯ ᠬᠠᠭᠠᠰ ᠠᠴᠠ ᠢᠯᠡᠭᠦᠦ ᠪᠠᠭᠤᠷᠠᠪᠠ'),
      targetLevel: 'county',
      severity: 'info',
      params: { kind: 'metric-drop', metric: 'diary.consultations', period: 'quarter', dropPercent: 50, minPrevious: 20 },
    },
  },
  {
    key: 'diary-missing',
    rule: {
      // ajil-un temdeglel dutagu
      title: demo('工作日志缺报', 'Diary days missing', 'ᠠᠵᠢᠯ ᠤᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠳᠤᠲᠠᠭᠤ'),
      targetLevel: 'office',
      severity: 'warning',
      params: { kind: 'diary-missing', windowWorkingDays: 10, toleratedDays: 3 },
    },
  },
  {
    key: 'plan-items-overdue',
    rule: {
      // ajil-un tOlOblegen-U qugucag_a qetUregsen
      title: demo('工作计划事项逾期', 'Work plan items overdue', 'ᠠᠵᠢᠯ ᠤᠨ ᠲᠥᠯᠥᠪᠯᠡᠭᠡᠨ ᠦ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠬᠡᠲᠦᠷᠡᠭᠰᠡᠨ'),
      targetLevel: 'office',
      severity: 'warning',
      params: { kind: 'plan-overdue', source: 'plans.items', graceDays: 0, lookbackDays: 366 },
    },
  },
  {
    key: 'score-below-600',
    rule: {
      // emUneki ulirel-Un sinjilegen-U onog_a 600-aca doora
      title: demo('上季度考核得分低于 600 分', 'Last quarter’s assessment score below 600', 'ᠡᠮᠦᠨᠡᠬᠢ ᠤᠯᠢᠷᠠᠯ ᠤᠨ ᠰᠢᠨᠵᠢᠯᠡᠭᠡᠨ ᠦ ᠣᠨᠤᠭ᠎ᠠ 600 ᠠᠴᠠ ᠳᠣᠣᠷ᠎ᠠ'),
      targetLevel: 'office',
      severity: 'urgent',
      params: { kind: 'score-below', indicator: 'assessment.total-score', period: 'quarter', periodOf: 'completed', threshold: 600 },
    },
  },
  {
    key: 'deadlines-approaching',
    rule: {
      // qauli-yin qugucag_a 3 ajil-un edUr-tU dagusqu
      title: demo('法定期限 3 个工作日内届满', 'Statutory deadlines within 3 working days', 'ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ 3 ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ ᠲᠦ ᠳᠠᠭᠤᠰᠬᠤ'),
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
      const [existing] = await scoped.db.select({ id: warningRules.id, title: warningRules.title, demo: warningRules.demo }).from(warningRules).where(eq(warningRules.id, id));
      if (existing) {
        // A database seeded before the demo rules had a title in every language gets them now
        // (demo rows only; an administrator's rules and raised warnings keep their words).
        if (existing.demo && JSON.stringify(existing.title) !== JSON.stringify(rule.title)) await scoped.db.update(warningRules).set({ title: rule.title }).where(eq(warningRules.id, id));
        continue;
      }
      const input = warningRuleInputSchema.parse({ ...rule, orgCode: owner });
      const labels = 'metric' in input.params ? diaryWords[input.params.metric] : undefined;
      await createRule({ scoped, locale: 'zh-CN', now: ctx.now(), metrics: null }, input, { id, demo: true, ...(labels ? { labels } : {}) });
    }
  });
  ctx.log(`${demoRules.length} demo warning rules ready (owned by ${owner})`);
  return { ruleIds: ids };
}
