/**
 * The lists the checks read, at `sifa seed`:
 * - the city's list of reconsideration bodies from the real org tree (Chifeng: 赤峰市人民政府 and
 *   the 12 county-level governments, each county's area its own name and the townships its judicial
 *   offices serve, as the tree names them), owned by the city and by each county, so each keeps
 *   its own entry. Real names: not labelled demo; edit them where the tree differs from practice.
 * - DEMO entries of the local negative list (the city's real list was not found): labelled
 *   【示范】 and `demo`, owned by the city, matters many local lists name (petition replies,
 *   internal supervision, procedural notices).
 * Idempotent: a city that has any body (negative-list entry) gets none.
 */
import { sql } from 'drizzle-orm';
import type { ScopedServices } from '@sifa/core';
import { inSubtree } from '@sifa/core/db';
import { createBody, createNegative } from './lists.js';
import { bodies, negativeList } from './schema.js';
import type { z } from 'zod';
import type { applicationsSchemas } from '../schemas.js';

type Scoped = Omit<ScopedServices, 'cases'>;

/** Bodies for every city in the scope (run it in a scope at or above the cities). */
export async function seedReconsiderationBodies(s: Scoped): Promise<number> {
  const root = await s.orgs.get(s.actor.scope.orgCode);
  const cities = root.level === 'city' ? [root] : await s.orgs.descendants(root.code, 'city');
  let added = 0;
  for (const city of cities) {
    const [any] = await s.db.select({ n: sql<number>`1` }).from(bodies).where(inSubtree(bodies.orgPath, city.path)).limit(1);
    if (any) continue;
    await createBody(s, { orgCode: city.code, name: `${city.name.zh}人民政府`, level: 'city', divisionCode: city.code, area: [city.name.zh] });
    added += 1;
    const offices = await s.orgs.descendants(city.code, 'office');
    for (const county of await s.orgs.children(city.code)) {
      if (county.level !== 'county') continue;
      const townships = offices.filter((o) => o.path.startsWith(county.path)).map((o) => o.name.zh.replace(/司法所$/, '')).filter((name) => name.length >= 2);
      await createBody(s, { orgCode: county.code, name: `${county.name.zh}人民政府`, level: 'county', divisionCode: county.code, area: [county.name.zh, ...new Set(townships)] });
      added += 1;
    }
  }
  return added;
}

type NegativeInput = z.output<typeof applicationsSchemas.negativeList.create>;
const demoNegativeList: Omit<NegativeInput, 'orgCode'>[] = [
  {
    title: { zh: '【示范】信访事项的处理、复查、复核意见', en: '[Demo] Replies to petitions (信访) and their reviews' },
    basis: '【示范】本地负面清单第1项',
    note: { zh: '信访处理意见不设定新的权利义务，按《信访工作条例》规定的复查、复核途径办理。', en: 'A petition reply sets no new rights or duties; the review routes of the Petition Work Regulations apply.' },
    fields: ['act', 'request'],
    keywords: ['信访'],
    enabled: true,
  },
  {
    title: { zh: '【示范】行政机关内部层级监督行为', en: '[Demo] Internal supervision within the administration' },
    basis: '【示范】本地负面清单第2项',
    note: { zh: '上级行政机关对下级的督办、通报等内部行为，不直接对外设定申请人的权利义务。', en: "A higher body's supervision of a lower one does not itself affect the applicant's rights." },
    fields: ['act'],
    keywords: ['督办', '内部*监督', '层级监督'],
    enabled: true,
  },
  {
    title: { zh: '【示范】过程性行为（告知、通知等）', en: '[Demo] Procedural steps (notices before a decision)' },
    basis: '【示范】本地负面清单第3项',
    note: { zh: '行政处罚事先告知、听证告知等尚未作出最终决定的过程性行为，待最终决定作出后可对该决定申请复议。', en: 'A notice before a penalty or a hearing notice is not the final decision: the applicant may contest the decision once made.' },
    fields: ['act'],
    keywords: ['事先告知', '听证告知', '陈述申辩告知'],
    enabled: true,
  },
];

/** The demo entries of the negative list for every city in the scope (labelled 【示范】). */
export async function seedDemoNegativeList(s: Scoped): Promise<number> {
  const root = await s.orgs.get(s.actor.scope.orgCode);
  const cities = root.level === 'city' ? [root] : await s.orgs.descendants(root.code, 'city');
  let added = 0;
  for (const city of cities) {
    const [any] = await s.db.select({ n: sql<number>`1` }).from(negativeList).where(inSubtree(negativeList.orgPath, city.path)).limit(1);
    if (any) continue;
    for (const entry of demoNegativeList) await createNegative(s, { ...entry, orgCode: city.code }, { demo: true });
    added += demoNegativeList.length;
  }
  return added;
}
