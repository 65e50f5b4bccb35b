/**
 * Scores, rankings, drill-down and trends, computed from facts at the moment they are asked for.
 *
 * Every office is scored with the standard that applies to it (the published version of the
 * nearest owner at or above it), or with an explicitly named version. A county's or the city's
 * score is the mean of its offices' (every office weighs the same), which needs them all under
 * one standard. The read is set-based: the org tree one level at a time, the standards of the
 * year in one query, the facts of the whole subtree in one pass (facts-table.ts); the rules are
 * then evaluated in memory by the pure scoring module.
 *
 * Ranking needs the siblings' facts, so a score carries its rank only when the caller's scope
 * includes the parent (a county admin sees the rank of each of its offices; an office sees its
 * own score, not its neighbours').
 */
import {
  isWithinScope,
  periodKind,
  periodRange,
  previousPeriod,
  SifaError,
  type OrgNode,
  type PeriodKind,
} from '@sifa/core';
import type { AssessmentBreakdown, AssessmentItemScore, AssessmentItemStatus, AssessmentPartScore, AssessmentRank, AssessmentRanking, AssessmentRankingRow, AssessmentScore, AssessmentSourceRow, AssessmentTrend, AssessmentWindow } from '../types.js';
import { commonSegments, metricsOf, round2, scoreStandard, segmentsNeeded, type ComputedItem, type ComputedScore } from '../scoring.js';
import type { AssessmentContext } from './context.js';
import { loadFactsTable } from './facts-table.js';
import { applicableAt, publishedStandardsAround, publishedVersion, type PublishedStandard } from './standards.js';

export interface OfficeScore {
  office: OrgNode;
  standard: PublishedStandard;
  score: ComputedScore;
}

export interface Subtree {
  root: OrgNode;
  /** Every org below the root (not the root), level by level. */
  nodes: OrgNode[];
  /** The offices among them (the root itself when it is an office), by code. */
  offices: OrgNode[];
}

const scoredLevels = new Set(['office', 'county', 'city', 'region']);

function assertScorable(node: OrgNode, ctx: AssessmentContext): void {
  if (scoredLevels.has(node.level)) return;
  throw new SifaError('VALIDATION_FAILED', {
    issues: [
      {
        path: 'orgCode',
        message:
          ctx.locale === 'en'
            ? `Scores are for judicial offices, counties, the city and the region; ${node.name.en ?? node.name.zh} is a village: ask for its office.`
            : `考核得分按司法所、旗县区、市和自治区计算，${node.name.zh}是村（社区），请查看其所属司法所。`,
      },
    ],
  });
}

/** The org tree under `root` (villages left out: offices are scored), in one query. */
export async function subtreeOf(ctx: Pick<AssessmentContext, 'orgs'>, root: OrgNode): Promise<Subtree> {
  if (root.level === 'office') return { root, nodes: [], offices: [root] };
  const nodes = (await ctx.orgs.descendants(root.code)).filter((n) => n.level !== 'village');
  return { root, nodes, offices: nodes.filter((n) => n.level === 'office').sort((a, b) => a.code.localeCompare(b.code)) };
}

function wrongStandard(ctx: AssessmentContext, message: { zh: string; en: string }, details: Record<string, string | number>): SifaError {
  return new SifaError('VALIDATION_FAILED', { issues: [{ path: 'standard', message: ctx.locale === 'en' ? message.en : message.zh }], details });
}

/**
 * Scores the offices of `tree` for `period`: each under the standard that applies to it (or
 * under `override`, where that applies). Offices without one are left out of the map.
 */
export async function scoreOffices(ctx: AssessmentContext, tree: Subtree, period: string, override?: PublishedStandard): Promise<Map<string, OfficeScore>> {
  const year = Number(period.slice(0, 4));
  if (override && override.ref.year !== year) {
    throw wrongStandard(
      ctx,
      { zh: `该考核标准是 ${override.ref.year} 年度的，不能用于 ${period}。`, en: `That standard is for ${override.ref.year}; it cannot score ${period}.` },
      { year: override.ref.year, period },
    );
  }
  const standards = override ? [override] : await publishedStandardsAround(ctx, tree.root, year);
  const groups = new Map<PublishedStandard, OrgNode[]>();
  for (const office of tree.offices) {
    const standard = applicableAt(standards, office.path);
    if (standard) groups.set(standard, [...(groups.get(standard) ?? []), office]);
  }
  const scores = new Map<string, OfficeScore>();
  if (groups.size === 0) return scores;
  const table = await loadFactsTable(ctx.facts, {
    rootOrgCode: tree.root.code,
    officeCodes: [...groups.values()].flat().map((o) => o.code),
    metrics: [...new Set([...groups.keys()].flatMap((s) => metricsOf(s.body)))],
    segments: segmentsNeeded(
      [...groups.keys()].map((s) => s.body),
      period,
    ),
    catalog: ctx.metrics,
  });
  for (const [standard, offices] of groups) {
    const computed = scoreStandard(standard.body, { ...table, orgCodes: offices.map((o) => o.code) }, period);
    for (const office of offices) scores.set(office.code, { office, standard, score: computed.get(office.code)! });
  }
  return scores;
}

function decorate(ctx: AssessmentContext, item: ComputedItem): AssessmentItemScore {
  const metric = ctx.metrics.get(item.metric);
  return { ...item, metricTitle: metric?.title ?? { zh: item.metric, en: item.metric }, unit: metric?.unit ?? { zh: '', en: '' } };
}

const mean = (values: number[]) => (values.length === 0 ? 0 : round2(values.reduce((s, v) => s + v, 0) / values.length));

function aggregateStatus(statuses: AssessmentItemStatus[], points: number, max: number, negative: boolean): AssessmentItemStatus {
  if (negative) return statuses.includes('vetoed') ? 'vetoed' : statuses.includes('deducted') ? 'deducted' : 'clear';
  if (statuses.every((s) => s === 'pending')) return 'pending';
  return points >= max ? 'met' : points > 0 ? 'partial' : 'missed';
}

/** The members' scores as one: means of totals, parts and items (all members share one standard). */
export function combineScores(ctx: AssessmentContext, members: OfficeScore[]): { total: number; fullMarks: number; vetoed: boolean; parts: AssessmentPartScore[]; items: AssessmentItemScore[] } {
  const first = members[0]!.score;
  if (members.length === 1) return { ...first, items: first.items.map((i) => decorate(ctx, i)) };
  const parts = first.parts.map((part, p) => ({
    ...part,
    points: mean(members.map((m) => m.score.parts[p]!.points)),
    raw: mean(members.map((m) => m.score.parts[p]!.raw)),
    vetoed: members.some((m) => m.score.parts[p]!.vetoed),
  }));
  const items = first.items.map((item, i) => {
    const all = members.map((m) => m.score.items[i]!);
    const points = mean(all.map((x) => x.points));
    const windows: AssessmentWindow[] = item.windows.map((w, k) => ({
      period: w.period,
      value: round2(all.reduce((s, x) => s + x.windows[k]!.value, 0)),
      target: round2(all.reduce((s, x) => s + x.windows[k]!.target, 0)),
      achieved: mean(all.map((x) => x.windows[k]!.achieved)),
    }));
    const negative = item.part === 'negative';
    return {
      ...decorate(ctx, item),
      value: round2(all.reduce((s, x) => s + x.value, 0)),
      points,
      status: aggregateStatus(all.map((x) => x.status), Math.abs(points), item.max, negative),
      windows,
      offices: {
        total: all.length,
        met: all.filter((x) => x.status === 'met').length,
        deducted: all.filter((x) => x.status === 'deducted').length,
        vetoed: all.filter((x) => x.status === 'vetoed').length,
      },
    };
  });
  return { total: mean(members.map((m) => m.score.total)), fullMarks: first.fullMarks, vetoed: members.some((m) => m.score.vetoed), parts, items };
}

type Members = { kind: 'ok'; members: OfficeScore[] } | { kind: 'no-offices' | 'no-standard' | 'mixed-standards' };

/** The scored offices at or under `node`, when they share one standard. */
function membersOf(node: OrgNode, scores: ReadonlyMap<string, OfficeScore>): Members {
  const all = [...scores.values()].filter((s) => s.office.path.startsWith(node.path));
  if (all.length === 0) return { kind: node.level === 'office' ? 'no-standard' : 'no-offices' };
  const keys = new Set(all.map((s) => `${s.standard.ref.id}@${s.standard.ref.version}`));
  return keys.size === 1 ? { kind: 'ok', members: all } : { kind: 'mixed-standards' };
}

function noStandard(ctx: AssessmentContext, node: OrgNode, period: string, reason: 'no-offices' | 'no-standard' | 'mixed-standards'): SifaError {
  const name = ctx.locale === 'en' ? (node.name.en ?? node.name.zh) : node.name.zh;
  if (reason === 'mixed-standards') {
    return new SifaError('VALIDATION_FAILED', {
      message: {
        zh: `${node.name.zh}下属司法所在 ${period} 适用不同的考核标准，无法合并计算，请分别查看各旗县区。`,
        en: `The offices of ${name} are assessed under different standards in ${period}: look at each county's score.`,
      },
      details: { orgCode: node.code, period },
    });
  }
  return new SifaError('NOT_FOUND', {
    message: {
      zh: reason === 'no-offices' ? `${node.name.zh}下没有司法所，无法计算考核得分。` : `${node.name.zh}在 ${period} 没有适用的已发布考核标准。请先发布 ${period.slice(0, 4)} 年度的考核标准。`,
      en:
        reason === 'no-offices'
          ? `${name} has no judicial offices to score.`
          : `No published assessment standard applies to ${name} for ${period}. Publish a ${period.slice(0, 4)} standard first.`,
    },
    details: { orgCode: node.code, period, reason },
  });
}

function scoreOf(ctx: AssessmentContext, node: OrgNode, period: string, members: OfficeScore[], rank: AssessmentRank | null): AssessmentScore {
  const { from, to } = periodRange(period);
  const combined = combineScores(ctx, members);
  return {
    orgCode: node.code,
    orgName: node.name,
    level: node.level as AssessmentScore['level'],
    period,
    from,
    to,
    standard: members[0]!.standard.ref,
    total: combined.total,
    fullMarks: combined.fullMarks,
    parts: combined.parts,
    items: combined.items,
    vetoed: combined.vetoed,
    offices: members.length,
    rank,
  };
}

export interface RankedChild {
  node: OrgNode;
  members: OfficeScore[];
  total: number;
  position: number;
}

/** Children of `parent` with their totals, best first; equal totals share a position. */
export function rankChildren(children: OrgNode[], scores: ReadonlyMap<string, OfficeScore>): { ranked: RankedChild[]; unranked: { node: OrgNode; reason: 'no-offices' | 'no-standard' | 'mixed-standards' }[] } {
  const ranked: RankedChild[] = [];
  const unranked: { node: OrgNode; reason: 'no-offices' | 'no-standard' | 'mixed-standards' }[] = [];
  for (const node of children) {
    const m = membersOf(node, scores);
    if (m.kind !== 'ok') unranked.push({ node, reason: m.kind });
    else ranked.push({ node, members: m.members, total: mean(m.members.map((s) => s.score.total)), position: 0 });
  }
  ranked.sort((a, b) => b.total - a.total || a.node.code.localeCompare(b.node.code));
  ranked.forEach((r, i) => (r.position = i > 0 && r.total === ranked[i - 1]!.total ? ranked[i - 1]!.position : i + 1));
  return { ranked, unranked };
}

function parentPathOf(path: string): string {
  return path.replace(/[^/]+\/$/, '');
}

/** The score of one org (an office, a county, the city) for a period, with its rank when the caller may see the siblings. */
export async function scoreOrg(ctx: AssessmentContext, input: { orgCode: string; period: string; standard?: { id: string; version: number } | undefined }): Promise<AssessmentScore> {
  const node = await ctx.orgs.get(input.orgCode);
  assertScorable(node, ctx);
  const override = input.standard ? await publishedVersion(ctx, input.standard) : undefined;
  if (node.parentCode && isWithinScope(parentPathOf(node.path), ctx.scope.orgPath)) {
    const parent = await ctx.orgs.get(node.parentCode);
    const tree = await subtreeOf(ctx, parent);
    const scores = await scoreOffices(ctx, tree, input.period, override);
    const siblings = tree.nodes.filter((n) => n.parentCode === parent.code);
    const { ranked } = rankChildren(siblings, scores);
    const mine = ranked.find((r) => r.node.code === node.code);
    if (!mine) {
      const m = membersOf(node, scores);
      throw noStandard(ctx, node, input.period, m.kind === 'ok' ? 'no-standard' : m.kind);
    }
    return scoreOf(ctx, node, input.period, mine.members, { position: mine.position, of: ranked.length, parentOrgCode: parent.code, parentName: parent.name });
  }
  const tree = await subtreeOf(ctx, node);
  const scores = await scoreOffices(ctx, tree, input.period, override);
  const m = membersOf(node, scores);
  if (m.kind !== 'ok') throw noStandard(ctx, node, input.period, m.kind);
  return scoreOf(ctx, node, input.period, m.members, null);
}

/** The children of an org ranked for a period (offices of a county, counties of the city). */
export async function rankingOf(ctx: AssessmentContext, input: { parentOrgCode: string; period: string }): Promise<AssessmentRanking> {
  const parent = await ctx.orgs.get(input.parentOrgCode);
  assertScorable(parent, ctx);
  const tree = await subtreeOf(ctx, parent);
  const scores = await scoreOffices(ctx, tree, input.period);
  const { ranked, unranked } = rankChildren(
    tree.nodes.filter((n) => n.parentCode === parent.code),
    scores,
  );
  const rows: AssessmentRankingRow[] = ranked.map((r) => {
    const combined = combineScores(ctx, r.members);
    const standard = r.members[0]!.standard.ref;
    return {
      orgCode: r.node.code,
      name: r.node.name,
      position: r.position,
      total: r.total,
      fullMarks: combined.fullMarks,
      vetoed: combined.vetoed,
      parts: combined.parts.map((p) => ({ code: p.code, points: p.points })),
      standard: { id: standard.id, version: standard.version },
    };
  });
  return { parentOrgCode: parent.code, parentName: parent.name, period: input.period, rows, unranked: unranked.map((u) => ({ orgCode: u.node.code, name: u.node.name, reason: u.reason })) };
}

/** One item of an org's score with the records behind its figure (newest first). */
export async function breakdownOf(
  ctx: AssessmentContext,
  input: { orgCode: string; period: string; itemCode: string; standard?: { id: string; version: number } | undefined; limit?: number | undefined },
): Promise<AssessmentBreakdown> {
  const node = await ctx.orgs.get(input.orgCode);
  assertScorable(node, ctx);
  const override = input.standard ? await publishedVersion(ctx, input.standard) : undefined;
  const tree = await subtreeOf(ctx, node);
  const scores = await scoreOffices(ctx, tree, input.period, override);
  const m = membersOf(node, scores);
  if (m.kind !== 'ok') throw noStandard(ctx, node, input.period, m.kind);
  const score = scoreOf(ctx, node, input.period, m.members, null);
  const item = score.items.find((i) => i.code === input.itemCode);
  if (!item) {
    throw new SifaError('NOT_FOUND', {
      message: { zh: `考核标准中没有代码为 ${input.itemCode} 的考核项。`, en: `The standard has no item ${input.itemCode}.` },
      details: { itemCode: input.itemCode, standard: score.standard.id, version: score.standard.version },
    });
  }
  const found = await ctx.facts.sources({ metrics: [item.metric], orgCode: node.code, from: item.from, to: item.to, limit: input.limit ?? 100 });
  const names = new Map<string, OrgNode['name']>([[node.code, node.name], ...tree.nodes.map((n) => [n.code, n.name] as const)]);
  const unknown = [...new Set(found.rows.map((r) => r.orgCode).filter((c) => !names.has(c)))];
  for (const org of await Promise.all(unknown.map((c) => ctx.orgs.get(c)))) names.set(org.code, org.name);
  const sources: AssessmentSourceRow[] = found.rows.map((r) => ({ kind: r.source.kind, id: r.source.id, orgCode: r.orgCode, orgName: names.get(r.orgCode)!, day: r.day, value: r.value }));
  return { orgCode: node.code, period: input.period, standard: score.standard, item, sources, total: found.total };
}

const trendDefaults: Record<PeriodKind, { count: number; max: number }> = { month: { count: 12, max: 24 }, quarter: { count: 8, max: 12 }, year: { count: 5, max: 6 } };

/** The org's totals over the last `count` periods of the kind of `period`, ending with it. */
export async function trendOf(ctx: AssessmentContext, input: { orgCode: string; period: string; count?: number | undefined }): Promise<AssessmentTrend> {
  const node = await ctx.orgs.get(input.orgCode);
  assertScorable(node, ctx);
  const kind = periodKind(input.period);
  const count = Math.min(input.count ?? trendDefaults[kind].count, trendDefaults[kind].max);
  const periods = [input.period];
  while (periods.length < count) periods.unshift(previousPeriod(periods[0]!));
  const tree = await subtreeOf(ctx, node);
  const years = [...new Set(periods.map((p) => Number(p.slice(0, 4))))];
  const byYear = new Map(await Promise.all(years.map(async (y) => [y, await publishedStandardsAround(ctx, node, y)] as const)));

  // One read of every month any period needs, then each period scored in memory.
  const plans = periods.map((period) => {
    const standards = byYear.get(Number(period.slice(0, 4)))!;
    const groups = new Map<PublishedStandard, OrgNode[]>();
    for (const office of tree.offices) {
      const s = applicableAt(standards, office.path);
      if (s) groups.set(s, [...(groups.get(s) ?? []), office]);
    }
    return { period, groups };
  });
  const allGroups = plans.flatMap((p) => [...p.groups.entries()].map(([s, offices]) => ({ s, offices, period: p.period })));
  const table = await loadFactsTable(ctx.facts, {
    rootOrgCode: node.code,
    officeCodes: [...new Set(allGroups.flatMap((g) => g.offices.map((o) => o.code)))],
    metrics: [...new Set(allGroups.flatMap((g) => metricsOf(g.s.body)))],
    // One pass for every period: runs each period's rules can be judged on.
    segments: commonSegments(allGroups.map((g) => segmentsNeeded([g.s.body], g.period))),
    catalog: ctx.metrics,
  });
  const points = plans.map(({ period, groups }) => {
    if (groups.size !== 1) return { period, total: null, fullMarks: null, standard: null };
    const [[standard, offices]] = [...groups.entries()] as [[PublishedStandard, OrgNode[]]];
    const computed = scoreStandard(standard.body, { ...table, orgCodes: offices.map((o) => o.code) }, period);
    const totals = [...computed.values()].map((c) => c.total);
    return { period, total: mean(totals), fullMarks: computed.values().next().value!.fullMarks, standard: { id: standard.ref.id, version: standard.ref.version } };
  });
  return { orgCode: node.code, kind, points };
}

/** Totals of `orgCodes` for `period` (the `assessment.total-score` indicator): one pass over the caller's subtree. */
export async function totalsOf(ctx: AssessmentContext, input: { orgCodes: string[]; period: string }): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (input.orgCodes.length === 0) return out;
  const root = await ctx.orgs.get(ctx.scope.orgCode);
  const tree = await subtreeOf(ctx, root);
  const known = new Map([[root.code, root], ...tree.nodes.map((n) => [n.code, n] as const)]);
  const wanted: OrgNode[] = [];
  for (const code of new Set(input.orgCodes)) wanted.push(known.get(code) ?? (await ctx.orgs.get(code)));
  const scores = await scoreOffices(ctx, tree, input.period);
  for (const node of wanted) {
    if (!scoredLevels.has(node.level)) continue;
    const m = membersOf(node, scores);
    if (m.kind === 'ok') out.set(node.code, mean(m.members.map((s) => s.score.total)));
  }
  return out;
}
