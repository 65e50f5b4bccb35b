/**
 * The caseload view's procedures (`correction.caseload.*`, read by <sifa-correction-caseload>):
 * the open `correction.case` files of an office or a county as the casework engine lists them
 * (row-level security; sealed juveniles only for their responsible staff; personal list fields
 * masked above the owning office), each with its tasks due this week, missed tasks and latest
 * compliance score; and the rates at the top, per person:
 * - persons under correction and 漏管 (no plan after the intake period), live as of today;
 * - 脱管: persons in the `lost-contact` state (searching), live;
 * - 核查率 and 再犯罪率 from the daily rollup facts over the current month's days the rollup has
 *   counted (the 1st through yesterday: it counts a day at 23:45), last month's on the 1st.
 * And `catalogue`: the current catalogue's conditions and measures (labels only), for the
 * profile form of <sifa-correction-plan>.
 */
import { and, desc, inArray, lte } from 'drizzle-orm';
import { z } from 'zod';
import { createRouter, scopedProcedure, type CaseFieldValue, type CaseSummary, type LocalizedText, type ScopedServices } from '@sifa/core';
import { correctionEvaluations, correctionPlans, correctionTasks } from './schema.js';
import { addDays, dayIn } from './plans/days.js';
import type { PlansConfig } from './plans/options.js';
import type { Condition, Label } from '../plan/index.js';

const CASE_TYPE = 'correction.case';
const codeOf = (v: CaseFieldValue | undefined): string | null => (typeof v === 'string' ? v : null);

export interface CaseloadRow {
  caseId: string;
  number: string;
  orgCode: string;
  orgName: LocalizedText;
  state: string;
  /** The person's name as the engine lists it (masked above the owning office); null when the list does not carry it. */
  name: string | null;
  kind: string | null;
  class: string | null;
  stage: string | null;
  masked: boolean;
  hasPlan: boolean;
  tasksDueThisWeek: number;
  tasksMissed: number;
  latestScore: { month: string; score: number; suggestedClass: string | null; status: string } | null;
}

export interface CaseloadRates {
  persons: number;
  /** 脱管: persons in the lost-contact state. Should be 0. */
  outOfSupervision: number;
  /** 漏管: open files with no plan after the intake period. Should be 0. */
  missedIntake: number;
  /** 核查率 from `from` to `to` (verifications done on time / due), null when none were due. */
  verificationRate: number | null;
  /** 再犯罪率 from `from` to `to` (reoffences per average person under correction), null without person-days. */
  reoffenceRate: number | null;
  /** The days the two rates count: this month's through yesterday; on the 1st, last month. */
  from: string;
  to: string;
}

export interface CaseloadView {
  today: string;
  week: { from: string; to: string };
  rows: CaseloadRow[];
  /** Offices that have files in the list (for a county's office filter). */
  offices: { orgCode: string; orgName: LocalizedText }[];
  rates: CaseloadRates;
  /** More than the listed files matched (the list stops at 500). */
  truncated: boolean;
}

const listLimit = 500;

function nameOf(summary: Record<string, CaseFieldValue>): string | null {
  const person = summary['person'] as unknown;
  if (Array.isArray(person) && person[0] && typeof person[0] === 'object' && 'name' in person[0]) return String((person[0] as { name: unknown }).name);
  return typeof summary['name'] === 'string' ? (summary['name'] as string) : null;
}

/** Monday..Sunday of the week containing `day`. */
function weekOf(day: string): { from: string; to: string } {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  const from = addDays(day, -weekday);
  return { from, to: addDays(from, 6) };
}

export async function caseload(s: ScopedServices, config: PlansConfig, input: { orgCode?: string | undefined; class?: string | undefined; stage?: string | undefined }): Promise<CaseloadView> {
  const today = dayIn(config.timeZone, s.now());
  const week = weekOf(today);
  const open: CaseSummary[] = [];
  let total = 0;
  for (let offset = 0; offset < listLimit; offset += 200) {
    const page = await s.cases.list(CASE_TYPE, { status: 'open', limit: 200, offset, ...(input.orgCode ? { orgCode: input.orgCode } : {}) });
    total = page.total;
    open.push(...page.rows);
    if (page.rows.length < 200) break;
  }
  const offices = new Map<string, LocalizedText>();
  for (const c of open) offices.set(c.orgCode, c.orgName);
  const ids = open.map((c) => c.id);
  const [plans, tasks, evaluations] = ids.length
    ? await Promise.all([
        s.db.selectDistinct({ caseId: correctionPlans.caseId }).from(correctionPlans).where(inArray(correctionPlans.caseId, ids)),
        s.db
          .select({ caseId: correctionTasks.caseId, due: correctionTasks.due, status: correctionTasks.status })
          .from(correctionTasks)
          .where(and(inArray(correctionTasks.caseId, ids), inArray(correctionTasks.status, ['open', 'done', 'missed']), lte(correctionTasks.due, week.to))),
        s.db
          .select({ caseId: correctionEvaluations.caseId, month: correctionEvaluations.month, score: correctionEvaluations.score, suggestedClass: correctionEvaluations.suggestedClass, status: correctionEvaluations.status })
          .from(correctionEvaluations)
          .where(inArray(correctionEvaluations.caseId, ids))
          .orderBy(desc(correctionEvaluations.month)),
      ])
    : [[], [], []];
  const planned = new Set(plans.map((p) => p.caseId));
  const due = new Map<string, number>();
  const missed = new Map<string, number>();
  for (const t of tasks) {
    if (t.status === 'missed') missed.set(t.caseId, (missed.get(t.caseId) ?? 0) + 1);
    else if (t.status === 'open' && t.due >= week.from) due.set(t.caseId, (due.get(t.caseId) ?? 0) + 1);
  }
  const latest = new Map<string, CaseloadRow['latestScore']>();
  for (const e of evaluations) if (!latest.has(e.caseId)) latest.set(e.caseId, { month: e.month, score: e.score, suggestedClass: e.suggestedClass, status: e.status });

  const all: CaseloadRow[] = open.map((c) => ({
    caseId: c.id,
    number: c.number,
    orgCode: c.orgCode,
    orgName: c.orgName,
    state: c.state,
    name: nameOf(c.summary),
    kind: codeOf(c.summary['kind']),
    class: codeOf(c.summary['class']),
    stage: codeOf(c.summary['stage']),
    masked: Object.values(c.summary).some((v) => typeof v === 'string' && v.includes('*')),
    hasPlan: planned.has(c.id),
    tasksDueThisWeek: due.get(c.id) ?? 0,
    tasksMissed: missed.get(c.id) ?? 0,
    latestScore: latest.get(c.id) ?? null,
  }));

  // Rates over every open file in scope (before the class/stage filters: they are the office's or county's).
  const missedIntake = open.filter((c) => !planned.has(c.id) && s.calendar.countWorkingDays(c.openedOn, today) - 1 > config.intakeWithinWorkingDays).length;
  // The days the rollup has counted (it counts a day at its end): today's figures come tonight, so
  // an average over days that include today would count it as a day with nobody on the roll.
  const to = addDays(today, -1);
  const from = `${to.slice(0, 7)}-01`;
  const facts = await s.facts.query({
    metrics: ['correction.person-days', 'correction.reoffences', 'correction.verifications-due', 'correction.verifications-done'],
    ...(input.orgCode ? { orgCode: input.orgCode } : {}),
    from,
    to,
  });
  const sum = (metric: string) => facts.rows.filter((r) => r.metric === metric).reduce((a, r) => a + r.value, 0);
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  const personDays = sum('correction.person-days');
  const verificationsDue = sum('correction.verifications-due');
  const rates: CaseloadRates = {
    persons: open.length,
    outOfSupervision: open.filter((c) => c.state === 'lost-contact').length,
    missedIntake,
    verificationRate: verificationsDue > 0 ? sum('correction.verifications-done') / verificationsDue : null,
    reoffenceRate: personDays > 0 ? sum('correction.reoffences') / (personDays / days) : null,
    from,
    to,
  };

  const rows = all.filter((r) => (!input.class || r.class === input.class) && (!input.stage || r.stage === input.stage));
  return { today, week, rows, offices: [...offices].map(([orgCode, orgName]) => ({ orgCode, orgName })), rates, truncated: total > open.length };
}

export interface CatalogueView {
  id: string;
  version: string;
  demo: boolean;
  title: Label;
  conditions: Condition[];
  categories: { id: string; label: Label }[];
  measures: { id: string; category: string; kind: string; label: Label }[];
}

/** The caseload procedures, spread into the plugin's router beside the plans ones. */
export function correctionCaseloadProcedures(config: PlansConfig) {
  return {
    caseload: createRouter({
      /** Open files of the caller's scope (or `orgCode` under it), filtered by class and stage, with the rates. */
      list: scopedProcedure('correction.plans.read')
        .input(
          z.object({
            orgCode: z.string().regex(/^\d{2,12}$/).optional(),
            class: z.enum(['strict', 'normal', 'lenient']).optional(),
            stage: z.string().min(1).max(40).optional(),
          }),
        )
        .query(({ ctx, input }) => caseload(ctx, config, input)),
      /** The current catalogue's conditions, categories and measures (what the profile form and the override picker show). */
      catalogue: scopedProcedure('correction.plans.read')
        .input(z.object({}).default({}))
        .query((): CatalogueView => {
          const c = config.current().catalogue;
          return {
            id: c.id,
            version: c.version,
            demo: c.demo,
            title: c.title,
            conditions: c.conditions,
            categories: c.categories,
            measures: c.measures.map((m) => ({ id: m.id, category: m.category, kind: m.kind, label: m.label })),
          };
        }),
    }),
  };
}
