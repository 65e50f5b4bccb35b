/**
 * The month's figures for upstream reporting (the three-level network: office → county → city →
 * province). The job `statistics.monthly-report` runs at 01:30 China time on the 1st and records,
 * for the month that just ended, every installed metric for every org of the tree (its subtree's
 * total, aggregated as the metric declares; zeros included) in `statistics_monthly_figures`. The
 * route `GET /plugins/statistics/monthly-report` serves them as CSV or JSON for the caller's
 * subtree. A manual run (`sifa jobs run statistics.monthly-report --at 2026-12-01T02:00+08:00`)
 * records the month before `--at` again, as revision 2, 3 …
 */
import { and, asc, eq, max, sql, countDistinct } from 'drizzle-orm';
import { SifaError, fieldIssuesOf, type LocalizedText, type OrgNode, type PluginJob, type PluginRoute, type ScopedServices } from '@sifa/core';
import { inSubtree } from '@sifa/core/db';
import { monthlyReportQuerySchema, type MonthlyReportQuery } from '../schemas.js';
import type { MonthlyReportJson, MonthlyReportSummary } from '../types.js';
import { contentDisposition, csvField } from './export.js';
import { monthlyFigures } from './schema.js';

/** The month (`YYYY-MM`) before the one `at` falls in, in `timeZone`. */
export function monthBefore(at: Date, timeZone = 'Asia/Shanghai'): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(at).split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** First and last day of a month. */
export function monthBounds(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** At most this many metrics per facts query (the facts API's own limit). */
const metricsPerQuery = 200;
const rowsPerInsert = 1000;

/** Records `month`'s figures for every org under `rootCode`; replaces an earlier run's. */
export async function recordMonthlyFigures(s: ScopedServices, rootCode: string, month: string): Promise<{ orgs: number; metrics: number; rows: number; revision: number }> {
  const root = await s.orgs.get(rootCode);
  const nodes = [root, ...(await s.orgs.descendants(root.code))];
  const metrics = [...s.catalog.metrics.keys()].sort();
  const { from, to } = monthBounds(month);
  const values = new Map<string, number>();
  for (const level of new Set(nodes.map((n) => n.level))) {
    for (let i = 0; i < metrics.length; i += metricsPerQuery) {
      const result = await s.facts.query({ metrics: metrics.slice(i, i + metricsPerQuery), orgCode: root.code, from, to, groupBy: 'level', level });
      for (const row of result.rows) values.set(`${row.key}|${row.metric}`, row.value);
    }
  }
  const [previous] = await s.db.select({ revision: max(monthlyFigures.revision) }).from(monthlyFigures).where(and(eq(monthlyFigures.month, month), inSubtree(monthlyFigures.orgPath, root.path)));
  const revision = (previous?.revision ?? 0) + 1;
  await s.db.delete(monthlyFigures).where(and(eq(monthlyFigures.month, month), inSubtree(monthlyFigures.orgPath, root.path)));
  const computedAt = s.now();
  const rows = nodes.flatMap((node) =>
    metrics.map((metric) => ({
      month,
      orgCode: node.code,
      orgPath: node.path,
      level: node.level,
      parentCode: node.parentCode,
      metric,
      value: values.get(`${node.code}|${metric}`) ?? 0,
      computedAt,
      revision,
    })),
  );
  for (let i = 0; i < rows.length; i += rowsPerInsert) await s.db.insert(monthlyFigures).values(rows.slice(i, i + rowsPerInsert));
  await s.audit.record({ action: 'statistics.monthly-report.record', orgCode: root.code, entity: 'statistics_monthly_figures', entityId: month, after: { month, revision, orgs: nodes.length, metrics: metrics.length } });
  return { orgs: nodes.length, metrics: metrics.length, rows: rows.length, revision };
}

export const monthlyReportJob: PluginJob = {
  name: 'monthly-report',
  title: { zh: '记录上月统计数据（供上报）', en: "Record last month's figures for upstream reporting" },
  // 01:30 on the 1st: after the day's last entries of the month, before anyone reports.
  schedule: '30 1 1 * *',
  async run(ctx) {
    const month = monthBefore(ctx.now);
    const done = await ctx.runScoped(ctx.rootOrgCode, (s) => recordMonthlyFigures(s, ctx.rootOrgCode, month));
    return { summary: `${month}: ${done.orgs} orgs × ${done.metrics} metrics recorded (revision ${done.revision})`, counts: done };
  },
};

/** The months recorded for the subtree of `orgCode` (the caller's own when absent), newest first. */
export async function monthlyReports(s: ScopedServices, orgCode: string | undefined): Promise<MonthlyReportSummary[]> {
  const root = await s.orgs.get(orgCode ?? s.actor.scope.orgCode);
  const rows = await s.db
    .select({ month: monthlyFigures.month, revision: max(monthlyFigures.revision), computedAt: max(monthlyFigures.computedAt), orgs: countDistinct(monthlyFigures.orgCode) })
    .from(monthlyFigures)
    .where(inSubtree(monthlyFigures.orgPath, root.path))
    .groupBy(monthlyFigures.month)
    .orderBy(sql`${monthlyFigures.month} DESC`);
  return rows.map((r) => ({ month: r.month, revision: Number(r.revision ?? 0), computedAt: (r.computedAt as Date).toISOString(), orgs: Number(r.orgs) }));
}

/** The month's figures of the subtree of `query.orgCode` (the caller's own when absent) as recorded. */
export async function monthlyReport(s: ScopedServices, query: MonthlyReportQuery): Promise<MonthlyReportJson> {
  const root = await s.orgs.get(query.orgCode ?? s.actor.scope.orgCode);
  const rows = await s.db
    .select()
    .from(monthlyFigures)
    .where(and(eq(monthlyFigures.month, query.month), inSubtree(monthlyFigures.orgPath, root.path)))
    .orderBy(asc(monthlyFigures.orgPath), asc(monthlyFigures.metric));
  if (rows.length === 0) {
    throw new SifaError('NOT_FOUND', {
      message: {
        zh: `${root.name.zh}尚无 ${query.month} 的月度统计数据：每月 1 日 01:30 记录上月数据（任务 statistics.monthly-report）。`,
        en: `There are no recorded figures of ${query.month} for ${root.name.en ?? root.name.zh}: last month's figures are recorded at 01:30 on the 1st (job statistics.monthly-report).`,
      },
      details: { month: query.month, orgCode: root.code },
    });
  }
  const names = new Map<string, OrgNode>([root, ...(await s.orgs.descendants(root.code))].map((n) => [n.code, n]));
  const metricCodes = [...new Set(rows.map((r) => r.metric))].sort();
  const metrics = metricCodes.map((code) => {
    const definition = s.catalog.metrics.get(code);
    // A metric of a plugin no longer installed keeps its figures under its code.
    return { code, title: definition?.title ?? { zh: code, en: code }, unit: definition?.unit ?? { zh: '', en: '' }, aggregation: definition?.aggregation ?? 'sum' };
  });
  const orgs = new Map<string, MonthlyReportJson['orgs'][number]>();
  for (const row of rows) {
    let org = orgs.get(row.orgCode);
    if (!org) {
      const node = names.get(row.orgCode);
      org = { code: row.orgCode, parentCode: row.parentCode, level: row.level, name: node ? { zh: node.name.zh, ...(node.name.en ? { en: node.name.en } : {}) } : { zh: row.orgCode }, values: {} };
      orgs.set(row.orgCode, org);
    }
    org.values[row.metric] = row.value;
  }
  return {
    format: 'sifa.monthly-report/1',
    month: query.month,
    orgCode: root.code,
    revision: Math.max(...rows.map((r) => r.revision)),
    computedAt: new Date(Math.max(...rows.map((r) => r.computedAt.getTime()))).toISOString(),
    metrics,
    orgs: [...orgs.values()],
  };
}

/** The CSV form: one line per (org, metric), UTF-8 with BOM, RFC 4180; columns in docs/integrators.md. */
export function monthlyReportCsv(report: MonthlyReportJson, locale: 'zh' | 'en'): Uint8Array {
  const pick = (t: LocalizedText | { zh: string; en?: string | undefined }) => (locale === 'en' ? (t.en ?? t.zh) : t.zh);
  const lines = ['month,org_code,org_name,level,parent_code,metric,metric_title,unit,value,revision,computed_at'];
  const metrics = new Map(report.metrics.map((m) => [m.code, m]));
  for (const org of report.orgs) {
    for (const [code, value] of Object.entries(org.values)) {
      const metric = metrics.get(code)!;
      lines.push(
        [report.month, org.code, csvField(pick(org.name)), org.level, org.parentCode ?? '', code, csvField(pick(metric.title)), csvField(pick(metric.unit)), String(value), String(report.revision), report.computedAt].join(','),
      );
    }
  }
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

/** `GET /plugins/statistics/monthly-report?month=&orgCode=&format=csv|json&locale=zh|en`. */
export function monthlyReportRoute(permission: string): PluginRoute {
  return {
    method: 'GET',
    path: '/monthly-report',
    permission,
    async handler(request, ctx) {
      const params: Record<string, string> = {};
      new URL(request.url).searchParams.forEach((value, key) => {
        if (value !== '') params[key] = value;
      });
      const query = monthlyReportQuerySchema.safeParse(params);
      if (!query.success) throw new SifaError('VALIDATION_FAILED', { issues: fieldIssuesOf(query.error, ctx.locale) ?? [] });
      const report = await ctx.platform.runScoped(ctx.actor, (s) => monthlyReport(s, query.data));
      const name = `monthly-figures-${report.orgCode}-${report.month}.${query.data.format}`;
      const body = query.data.format === 'json' ? new TextEncoder().encode(JSON.stringify(report)) : monthlyReportCsv(report, query.data.locale);
      return new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), {
        status: 200,
        headers: {
          'content-type': query.data.format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8',
          'content-disposition': contentDisposition(name, name),
          'cache-control': 'private, no-store',
          'x-content-type-options': 'nosniff',
        },
      });
    },
  };
}
