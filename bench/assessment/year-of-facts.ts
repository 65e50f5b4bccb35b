/**
 * A year of facts for the assessment bench: every working day, each office records one to three
 * diary-like activities (the demo diary items' metrics with plausible counts), about 250 working
 * days × 197 offices. Deterministic (a seeded generator) so every run scores the same facts.
 * Written through the platform's `recordForSource`, one source per office and month (a bench
 * batch, kind `bench.load`), so loading takes seconds instead of minutes.
 */
import { WorkingCalendar, type FactInput } from '@sifa/core';

/** The package's holidays (the bench's years are covered by it). */
const calendar = WorkingCalendar.fromPackage();

/** mulberry32, seeded from a string. */
function generator(seed: string) {
  let state = 2166136261;
  for (const c of seed) state = Math.imul(state ^ c.charCodeAt(0), 16777619) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One activity of a day: the metrics it feeds and the range of each count. */
const activities: { weight: number; facts: [metric: string, min: number, max: number][] }[] = [
  { weight: 14, facts: [['diary.mediation-cases', 1, 3], ['diary.mediation-agreements', 0, 2], ['diary.mediation-parties', 2, 6]] },
  { weight: 14, facts: [['diary.correction-visits', 1, 3], ['diary.correction-talks', 0, 2], ['diary.correction-reports', 0, 2]] },
  { weight: 12, facts: [['diary.station-duty-minutes', 120, 480], ['diary.station-visitors', 0, 6]] },
  { weight: 12, facts: [['diary.consultations', 1, 6]] },
  { weight: 8, facts: [['diary.law-education-events', 1, 1], ['diary.law-education-audience', 20, 200], ['diary.law-education-materials', 0, 200]] },
  { weight: 6, facts: [['diary.assigned-tasks', 1, 2]] },
  { weight: 5, facts: [['diary.legal-literates-trained', 3, 15], ['diary.legal-literates-selected', 0, 1], ['diary.legal-literates-training-minutes', 60, 180]] },
  { weight: 5, facts: [['diary.legality-reviews', 1, 2], ['diary.legality-opinions', 0, 3]] },
  { weight: 5, facts: [['diary.resettlement-contacts', 1, 3], ['diary.resettlement-assisted', 0, 1]] },
  { weight: 4, facts: [['diary.legal-aid-applications', 1, 2], ['diary.legal-aid-forwarded', 0, 2]] },
  { weight: 3, facts: [['diary.grassroots-workers-supervised', 1, 5], ['diary.grassroots-issues', 0, 2]] },
  { weight: 1, facts: [['diary.presentence-investigations', 1, 1]] },
  { weight: 1, facts: [['diary.reconsideration-received', 1, 1], ['diary.reconsideration-forwarded', 0, 1]] },
];
const totalWeight = activities.reduce((s, a) => s + a.weight, 0);

/** The facts of one office in one month (YYYY-MM). */
export function monthOfFacts(orgCode: string, month: string): FactInput[] {
  const random = generator(`${orgCode}:${month}`);
  const diligence = 0.4 + 0.6 * generator(orgCode)();
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const facts: FactInput[] = [];
  for (const day of calendar.workingDaysBetween(`${month}-01`, last)) {
    if (random() > 0.5 + 0.5 * diligence) continue;
    const count = 1 + (random() < 0.5 ? 1 : 0) + (random() < 0.2 ? 1 : 0);
    for (let i = 0; i < count; i++) {
      let r = random() * totalWeight;
      const activity = activities.find((a) => (r -= a.weight) < 0) ?? activities[0]!;
      for (const [metric, min, max] of activity.facts) {
        const value = min + Math.floor(random() * (max - min + 1));
        if (value > 0) facts.push({ orgCode, day, metric, value });
      }
      facts.push({ orgCode, day, metric: 'diary.entries', value: 1 });
    }
  }
  if (random() < 0.04 * (1.2 - diligence)) facts.push({ orgCode, day: `${month}-15`, metric: 'diary.negative-incidents', value: 1 });
  if (random() < 0.05 * diligence) facts.push({ orgCode, day: `${month}-20`, metric: 'diary.commendations', value: 1 });
  return facts;
}
