/**
 * Demo seed: the DEMO standard (示范, demo-standard.ts), published for the current and the
 * previous year and owned by the demo tree's city, so the demo portal shows scores computed from
 * the diary's demo history. Idempotent: a year that already has a city standard is left alone
 * (whoever made it). Skipped, with a log line, when the metrics the demo standard reads are not
 * installed (the diary plugin is missing).
 */
import { and, eq } from 'drizzle-orm';
import { isSifaError, type PluginSeedContext } from '@sifa/core';
import { demoStandard } from '../demo-standard.js';
import { parseStandardBody } from '../schemas.js';
import { metricsOf } from '../scoring.js';
import { assessmentStandards, assessmentStandardVersions } from './schema.js';
import { sha256Of } from './standards.js';

/** The year in China (UTC+8) at `at`. */
const yearIn = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear();

export async function seedDemoStandards(ctx: PluginSeedContext): Promise<{ demoStandards: { year: number; id: string }[] }> {
  const city = ctx.orgCodes.find((code) => code.length === 4);
  if (!city) return { demoStandards: [] };
  const year = yearIn(ctx.now());
  const seeded: { year: number; id: string }[] = [];
  await ctx.runScoped(city, async (scoped) => {
    const org = await scoped.orgs.get(city);
    for (const y of [year - 1, year]) {
      const body = parseStandardBody(demoStandard(y));
      const [existing] = await scoped.db
        .select({ id: assessmentStandards.id })
        .from(assessmentStandards)
        .where(and(eq(assessmentStandards.orgCode, city), eq(assessmentStandards.year, y)));
      if (existing) {
        seeded.push({ year: y, id: existing.id });
        continue;
      }
      try {
        // The facts API refuses metrics no installed plugin declares: the same check as a save.
        await scoped.facts.query({ metrics: metricsOf(body), from: `${y}-01-01`, to: `${y}-01-01` });
      } catch (error) {
        if (isSifaError(error) && error.sifaCode === 'VALIDATION_FAILED') {
          ctx.log(`demo standard ${y} skipped: the metrics it reads are not installed (install the diary plugin)`);
          return;
        }
        throw error;
      }
      const now = ctx.now();
      const [standard] = await scoped.db
        .insert(assessmentStandards)
        .values({ orgCode: org.code, orgPath: org.path, year: y, publishedVersion: 1, draftVersion: null, createdAt: now, createdBy: 'seed', updatedAt: now })
        .returning({ id: assessmentStandards.id });
      await scoped.db.insert(assessmentStandardVersions).values({
        standardId: standard!.id,
        orgCode: org.code,
        orgPath: org.path,
        version: 1,
        status: 'published',
        body,
        sha256: sha256Of(body),
        createdAt: now,
        createdBy: 'seed',
        publishedAt: now,
        publishedBy: 'seed',
      });
      await scoped.audit.record({ action: 'assessment.standard.seed', orgCode: org.code, entity: 'assessment_standards', entityId: standard!.id, after: { year: y, demo: true } });
      seeded.push({ year: y, id: standard!.id });
      ctx.log(`demo standard ${y} published for ${org.name.zh} (labelled 示范, not an official standard)`);
    }
  });
  return { demoStandards: seeded };
}
