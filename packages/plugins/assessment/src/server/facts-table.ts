/**
 * Loads the facts scoring needs (org × metric × month) through the platform's facts API, for a
 * whole subtree at once: never one read per office.
 *
 * - One office: ONE query grouped by month over the office's subtree (its villages included).
 * - Many offices: one query per run of months (`segmentsNeeded`: the coarsest split the rules
 *   allow, e.g. the four quarters of a year) grouped by org over the common root's subtree; a
 *   run's values are kept under its first month, which is all scoring needs (every window it
 *   judges is a union of runs). Each row is credited to the office it lies under (a village's
 *   12-digit code starts with its office's 9 digits). The facts API has no org × month grouping
 *   yet; with one this becomes a single query whatever the rules.
 *
 * Metrics are read in chunks of the API's limit (50 per query). Values of one cell combine by
 * the metric's declared aggregation (sum, max, min).
 */
import { periodRange, type FactsService, type MetricDefinition } from '@sifa/core';
import { combine, type FactsTable, type MetricAggregation } from '../scoring.js';

const maxMetricsPerQuery = 50;

export interface FactsTableRequest {
  /** Root of the subtree read (an office, a county, the city). */
  rootOrgCode: string;
  /** The offices to credit facts to (9-digit codes under the root). */
  officeCodes: readonly string[];
  metrics: readonly string[];
  /**
   * Runs of consecutive months (YYYY-MM) wanted: each is read whole and kept under its first
   * month (see `segmentsNeeded`); single months give a table by month.
   */
  segments: readonly (readonly string[])[];
  catalog: ReadonlyMap<string, MetricDefinition>;
}

/** The office a fact's org belongs to: the office itself, or the office of a village under it. */
export function officeOf(orgCode: string): string | null {
  return orgCode.length >= 9 ? orgCode.slice(0, 9) : null;
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export async function loadFactsTable(facts: FactsService, request: FactsTableRequest): Promise<FactsTable> {
  const segments = request.segments.filter((s) => s.length > 0);
  const months = [...new Set(segments.flat())].sort();
  const aggregation = new Map<string, MetricAggregation>(request.metrics.map((m) => [m, request.catalog.get(m)?.aggregation ?? 'sum']));
  const offices = new Set(request.officeCodes);
  const values = new Map<string, Map<string, Map<string, number>>>();
  const add = (office: string, metric: string, month: string, value: number) => {
    let byMetric = values.get(office);
    if (!byMetric) values.set(office, (byMetric = new Map()));
    let byMonth = byMetric.get(metric);
    if (!byMonth) byMetric.set(metric, (byMonth = new Map()));
    byMonth.set(month, combine(aggregation.get(metric) ?? 'sum', byMonth.get(month), value));
  };
  const table: FactsTable = { orgCodes: [...request.officeCodes], months, values, aggregation };
  if (months.length === 0 || request.metrics.length === 0 || offices.size === 0) return table;

  const wanted = new Set(months);
  const single = request.officeCodes.length === 1 && request.officeCodes[0] === request.rootOrgCode;
  if (single) {
    const office = request.rootOrgCode;
    const from = periodRange(months[0]!).from;
    const to = periodRange(months[months.length - 1]!).to;
    for (const metrics of chunks(request.metrics, maxMetricsPerQuery)) {
      const result = await facts.query({ metrics, orgCode: office, from, to, groupBy: 'month' });
      for (const row of result.rows) if (wanted.has(row.key)) add(office, row.metric, row.key, row.value);
    }
    return table;
  }
  // Sent together: on PostgreSQL the transaction's connection pipelines them.
  const reads = segments.flatMap((segment) => {
    const month = segment[0]!;
    const from = periodRange(month).from;
    const to = periodRange(segment[segment.length - 1]!).to;
    return chunks(request.metrics, maxMetricsPerQuery).map(async (metrics) => ({ month, result: await facts.query({ metrics, orgCode: request.rootOrgCode, from, to, groupBy: 'org' }) }));
  });
  for (const { month, result } of await Promise.all(reads)) {
    for (const row of result.rows) {
      const office = officeOf(row.key);
      if (office && offices.has(office)) add(office, row.metric, month, row.value);
    }
  }
  return table;
}

