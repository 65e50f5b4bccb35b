/**
 * The data of the assessment's documents, built from scores computed now: the snapshot the
 * document service validates with the template's schema and stores with the issued document.
 */
import { previousPeriod, SifaError, type OrgNode } from '@sifa/core';
import type { AssessmentItemScore } from '../types.js';
import type { AssessmentContext } from './context.js';
import type { AnalysisReportData, ResultNoticeData, StatisticsTableData } from './documents.js';
import { combineScores, rankChildren, scoreOffices, subtreeOf, type RankedChild } from './scores.js';

export interface ChildResult {
  child: RankedChild;
  combined: ReturnType<typeof combineScores>;
}

export interface ChildResults {
  parent: OrgNode;
  period: string;
  results: ChildResult[];
}

/** The children of `parentOrgCode` scored and ranked for `period` (those that can be). */
export async function childResults(ctx: AssessmentContext, parentOrgCode: string, period: string): Promise<ChildResults> {
  const parent = await ctx.orgs.get(parentOrgCode);
  const tree = await subtreeOf(ctx, parent);
  const scores = await scoreOffices(ctx, tree, period);
  const { ranked } = rankChildren(
    tree.nodes.filter((n) => n.parentCode === parent.code),
    scores,
  );
  if (ranked.length === 0) {
    throw new SifaError('NOT_FOUND', {
      message: {
        zh: `${parent.name.zh}所属单位在 ${period} 都没有考核得分（没有适用的已发布考核标准）。`,
        en: `No unit under ${parent.name.en ?? parent.name.zh} has a score for ${period} (no published standard applies).`,
      },
      details: { parentOrgCode, period },
    });
  }
  return { parent, period, results: ranked.map((child) => ({ child, combined: combineScores(ctx, child.members) })) };
}

const orgOf = (node: OrgNode) => ({ code: node.code, name: node.name });

function standardOf(result: ChildResult) {
  const ref = result.child.members[0]!.standard.ref;
  return { id: ref.id, version: ref.version, title: ref.title, demo: ref.demo };
}

const lost = (i: AssessmentItemScore) => i.max - i.points;

export function resultNoticeData(results: ChildResults, result: ChildResult): ResultNoticeData {
  const { combined } = result;
  return {
    period: results.period,
    org: orgOf(result.child.node),
    parent: orgOf(results.parent),
    standard: standardOf(result),
    total: combined.total,
    fullMarks: combined.fullMarks,
    vetoed: combined.vetoed,
    parts: combined.parts.map((p) => ({ code: p.code, title: p.title, kind: p.kind, points: p.points, max: p.max, vetoed: p.vetoed })),
    rank: { position: result.child.position, of: results.results.length },
    deductions: combined.items
      .filter((i) => i.part === 'negative' && (i.status === 'deducted' || i.status === 'vetoed'))
      .map((i) => ({ title: i.title, criterion: i.criterion, value: i.value, points: i.points, vetoed: i.status === 'vetoed' })),
    shortfalls: combined.items
      .filter((i) => i.part !== 'negative' && i.part !== 'outstanding' && lost(i) > 0)
      .sort((a, b) => lost(b) - lost(a))
      .slice(0, 5)
      .map((i) => ({ title: i.title, criterion: i.criterion, points: i.points, max: i.max })),
  };
}

export function statisticsTableData(results: ChildResults): StatisticsTableData {
  const first = results.results[0]!;
  return {
    period: results.period,
    parent: orgOf(results.parent),
    standard: standardOf(first),
    fullMarks: first.combined.fullMarks,
    parts: first.combined.parts.map((p) => ({ code: p.code, title: p.title, kind: p.kind, max: p.max })),
    rows: results.results.map((r) => ({
      orgCode: r.child.node.code,
      name: r.child.node.name,
      position: r.child.position,
      total: r.combined.total,
      vetoed: r.combined.vetoed,
      parts: first.combined.parts.map((p) => r.combined.parts.find((x) => x.code === p.code)?.points ?? 0),
    })),
  };
}

export async function analysisReportData(ctx: AssessmentContext, results: ChildResults): Promise<AnalysisReportData> {
  const previous = previousPeriod(results.period);
  const tree = await subtreeOf(ctx, results.parent);
  const scores = await scoreOffices(ctx, tree, previous);
  const { ranked } = rankChildren(
    tree.nodes.filter((n) => n.parentCode === results.parent.code),
    scores,
  );
  return { ...statisticsTableData(results), previousPeriod: previous, previous: Object.fromEntries(ranked.map((r) => [r.node.code, r.total])) };
}
