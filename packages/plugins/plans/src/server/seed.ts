/**
 * DEMO plan for the demo org tree (`sifa seed`): the city's work plan for the current year,
 * labelled demo (title 【演示】 and `demo: true`), assigned to the counties and to the offices of
 * the first county, measured by the work diary's metrics. Its items, targets and dates are
 * invented. Made through the same validation and writing as a plan made by a city admin.
 *
 * Idempotent: the plan's id is derived from the year; an existing plan is left as it is. Items
 * whose metric no installed plugin declares (the diary plugin is not installed) are left out.
 */
import { createHash } from 'node:crypto';
import { type PluginSeedContext, type ScopedServices } from '@sifa/core';
import { eq } from 'drizzle-orm';
import { defaultDue } from '../split.js';
import type { PlanItemInputParsed } from '../schemas.js';
import { plans } from './schema.js';
import { createPlan, type MetricInfo } from './service.js';
import { dayIn } from './jobs.js';

/** The diary metrics the demo plan uses (their titles and units, in every language, from the catalog). */
const demoMetrics = ['diary.law-education-events', 'diary.mediation-cases', 'diary.legal-literates-trained'] as const;

/** A UUID (version 5 layout) from a name, so the same year always gives the same demo plan. */
export function demoPlanId(year: number): string {
  const h = createHash('sha256').update(`sifa.plans.demo:${year}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The demo metrics some installed plugin declares, as declared (the diary plugin's, when installed). */
function installedMetrics(s: ScopedServices): Map<string, MetricInfo> {
  const out = new Map<string, MetricInfo>();
  for (const code of demoMetrics) {
    const declared = s.catalog.metrics.get(code);
    if (declared) out.set(code, { title: declared.title, unit: declared.unit });
  }
  return out;
}

export async function seedDemoPlan(ctx: PluginSeedContext, timeZone: string): Promise<{ planId: string } | void> {
  const city = ctx.orgCodes.find((code) => code.length === 4);
  if (!city) {
    ctx.log('the demo tree has no city: no demo plan');
    return;
  }
  const today = dayIn(timeZone, ctx.now());
  const year = Number(today.slice(0, 4));
  const id = demoPlanId(year);
  return ctx.runScoped(city, async (s) => {
    const [existing] = await s.db.select({ id: plans.id }).from(plans).where(eq(plans.id, id));
    if (existing) return { planId: id };
    const counties = await s.orgs.children(city);
    if (counties.length === 0) {
      ctx.log('the demo city has no counties: no demo plan');
      return;
    }
    const offices = await s.orgs.children(counties[0]!.code);
    const metrics = installedMetrics(s);
    const period = String(year);
    const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    const items: PlanItemInputParsed[] = [];
    const metricItem = (code: string, title: string, target: number, assignees: { orgCode: string }[], weighted?: number[]) => {
      if (!metrics.has(code)) return;
      items.push({
        title,
        kind: 'metric',
        metric: code,
        target,
        splitMode: weighted ? 'weighted' : 'even',
        ...(weighted ? { weights: Object.fromEntries(months.map((m, i) => [m, weighted[i]!])) } : {}),
        assignees,
      });
    };
    const toCounties = counties.map((c) => ({ orgCode: c.code }));
    const toOffices = offices.map((o) => ({ orgCode: o.code }));
    metricItem('diary.law-education-events', '开展普法宣传活动', 24, toCounties);
    // More mediation before the Spring Festival and at the year's end, when disputes peak (demo weights).
    metricItem('diary.mediation-cases', '排查调处矛盾纠纷', 36, toOffices, [2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2]);
    metricItem('diary.legal-literates-trained', '培训法律明白人', 60, toCounties);
    const juneEnd = defaultDue(s.calendar, `${year}-06`);
    items.push({ title: '报送上半年工作总结', kind: 'manual', due: juneEnd, assignees: [...toCounties, ...toOffices] });
    items.push({ title: '报送全年工作总结', kind: 'manual', assignees: toCounties });
    const skipped = demoMetrics.filter((code) => !metrics.has(code));
    if (skipped.length) ctx.log(`metrics not installed, their demo items left out: ${skipped.join(', ')}`);
    const detail = await createPlan(s, { now: ctx.now(), today, locale: 'zh-CN', metrics }, { id, demo: true, orgCode: city, period, title: `【演示】${year}年度司法所重点工作计划`, items });
    ctx.log(`demo plan ${detail.id}: ${detail.items.length} items, ${detail.instanceCount} assignments`);
    return { planId: detail.id };
  });
}
