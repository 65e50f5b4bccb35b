/**
 * The legal-services map's server half: the configured catalogue, public reads (list, get,
 * GeoJSON export) through a publishable key or a signed-in caller's scope, scoped edits, and
 * CSV / GeoJSON import. Public reads run in a READ ONLY transaction under row-level security
 * (`publicReadProcedure`), edits and imports in the caller's scoped transaction, so an office
 * edits its own entries and a county its county's; nothing outside the subtree is even visible.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { and, arrayOverlaps, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  createMiddleware,
  createRouter,
  defineServerPlugin,
  publicProcedure,
  publicReadProcedure,
  scopedProcedure,
  SifaError,
  type Locale,
  type OrgDirectory,
  type SifaDb,
} from '@sifa/core';
import { inSubtree } from '@sifa/core/db';
import { defaultInstitutionServices, defaultInstitutionTypes } from '../catalogue.js';
import { institutionsManifest } from '../index.js';
import { institutionSchemas, institutionServiceSchema, institutionTypeSchema, localizeIssues, type InstitutionListInput } from '../schemas.js';
import type { ImportReport, Institution, InstitutionCatalog, InstitutionFeatureCollection } from '../types.js';
import { importInstitutions } from './import.js';
import { toFeature, toInstitution, rowValuesOf } from './records.js';
import { seedDemoInstitutions } from './seed.js';
import { institutions, type InstitutionRow } from './schema.js';

/** More institutions than this in one list or export: the caller is asked for a smaller area or fewer types. */
export const maxListed = 5000;

const uniqueCodes = (list: readonly { code: string }[]) => new Set(list.map((e) => e.code)).size === list.length;

export const institutionsPluginOptionsSchema = z.object({
  /** The institution types (codes, titles, map colours); default: the ten of the issue. */
  types: z
    .array(institutionTypeSchema)
    .min(1)
    .refine(uniqueCodes, 'Type codes must be unique')
    .default(() => defaultInstitutionTypes.map((t) => ({ ...t }))),
  /** The services institutions may offer; default: consultation, legal aid, mediation … */
  services: z
    .array(institutionServiceSchema)
    .min(1)
    .refine(uniqueCodes, 'Service codes must be unique')
    .default(() => defaultInstitutionServices.map((s) => ({ ...s }))),
});
export type InstitutionsPluginOptions = z.input<typeof institutionsPluginOptionsSchema>;

/** PostgreSQL's unique_violation (23505), wherever the driver and drizzle put it in the cause chain. */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

const notFound = (id: string) =>
  new SifaError('NOT_FOUND', {
    message: { zh: '找不到这个机构，它可能已被删除或不在您的管辖范围内。', en: 'This institution was not found. It may have been deleted, or it is outside your area.' },
    details: { id },
  });

const externalIdTaken = (externalId: string, locale: Locale) =>
  new SifaError('VALIDATION_FAILED', {
    issues: [
      {
        path: 'externalId',
        message:
          locale === 'en'
            ? `The external id ${externalId} is already used by another institution.`
            : `外部编号 ${externalId} 已被另一个机构使用。`,
      },
    ],
  });

export function createInstitutionsPlugin(options: InstitutionsPluginOptions = {}) {
  const config = institutionsPluginOptionsSchema.parse(options);
  const catalog: InstitutionCatalog = { types: config.types, services: config.services };
  const schemas = institutionSchemas(catalog);

  /** Input errors with the plugin's messages in the caller's language (types and services listed). */
  const localizedInput = createMiddleware(async ({ ctx, next }) => {
    const result = await next();
    if (!result.ok && result.error.code === 'BAD_REQUEST' && result.error.cause instanceof z.core.$ZodError) {
      throw new SifaError('VALIDATION_FAILED', { issues: localizeIssues(result.error.cause, ctx.locale, catalog) });
    }
    return result;
  });
  const publicRead = publicReadProcedure.use(localizedInput);
  const write = scopedProcedure('institutions.write').use(localizedInput);

  /** Rows of the caller's (or `orgCode`'s) subtree, filtered; refuses more than `maxListed`. */
  async function select(
    ctx: { db: SifaDb; orgs: OrgDirectory; scope: { orgPath: string }; locale: Locale },
    input: InstitutionListInput,
  ): Promise<InstitutionRow[]> {
    const root = input.orgCode ? await ctx.orgs.get(input.orgCode) : { path: ctx.scope.orgPath };
    const conditions: (SQL | undefined)[] = [inSubtree(institutions.orgPath, root.path)];
    if (input.types?.length) conditions.push(inArray(institutions.type, input.types));
    const q = input.q?.toLowerCase();
    if (q) {
      const matches = (title: { zh: string; en: string; mn?: string | undefined }, code: string) =>
        [title.zh, title.en, title.mn, code].some((text) => text?.toLowerCase().includes(q));
      const services = catalog.services.filter((s) => matches(s.title, s.code)).map((s) => s.code);
      const types = catalog.types.filter((t) => matches(t.title, t.code)).map((t) => t.code);
      conditions.push(
        or(
          sql`strpos(${institutions.searchText}, ${q}) > 0`,
          services.length ? arrayOverlaps(institutions.services, services) : undefined,
          types.length ? inArray(institutions.type, types) : undefined,
        ),
      );
    }
    const rows = await ctx.db
      .select()
      .from(institutions)
      .where(and(...conditions))
      .orderBy(asc(institutions.orgPath), asc(institutions.type), sql`${institutions.name}->>'zh'`, asc(institutions.id))
      .limit(maxListed + 1);
    if (rows.length > maxListed) {
      throw new SifaError('VALIDATION_FAILED', {
        issues: [
          {
            path: 'orgCode',
            message:
              ctx.locale === 'en'
                ? `There are more than ${maxListed} institutions here. Choose a smaller area or fewer types.`
                : `该范围内的机构超过 ${maxListed} 个，请选择更小的范围或更少的类型。`,
          },
        ],
      });
    }
    return rows;
  }

  const router = createRouter({
    /** The configured types and services (configuration, not org data: no key needed). */
    catalog: publicProcedure.query((): InstitutionCatalog => catalog),

    /** Institutions in the key's (or caller's) subtree, optionally of one org, some types, matching `q`. */
    list: publicRead.input(schemas.list).query(async ({ ctx, input }): Promise<Institution[]> => (await select(ctx, input)).map(toInstitution)),

    get: publicRead.input(schemas.byId).query(async ({ ctx, input }): Promise<Institution> => {
      const [row] = await ctx.db.select().from(institutions).where(eq(institutions.id, input.id));
      if (!row) throw notFound(input.id);
      return toInstitution(row);
    }),

    /** The same selection as `list`, as GeoJSON points (RFC 7946); `import` reads it back losslessly. */
    exportGeoJson: publicRead
      .input(schemas.list)
      .query(async ({ ctx, input }): Promise<InstitutionFeatureCollection> => ({ type: 'FeatureCollection', features: (await select(ctx, input)).map(toFeature) })),

    create: write.input(schemas.create).mutation(async ({ ctx, input }): Promise<Institution> => {
      const org = await ctx.orgs.get(input.orgCode ?? ctx.scope.orgCode);
      const now = ctx.platform.now();
      const [row] = await ctx.db
        .insert(institutions)
        .values({ ...rowValuesOf(input, org, now), createdAt: now })
        .onConflictDoNothing()
        .returning();
      if (!row) throw externalIdTaken(input.externalId ?? '', ctx.locale);
      const created = toInstitution(row);
      await ctx.audit.record({ action: 'institutions.create', orgCode: org.code, entity: 'institutions', entityId: row.id, after: created });
      return created;
    }),

    /** Replaces every field of an institution (the owning org may move within the caller's subtree). */
    update: write.input(schemas.update).mutation(async ({ ctx, input }): Promise<Institution> => {
      const [before] = await ctx.db.select().from(institutions).where(eq(institutions.id, input.id)).for('update');
      if (!before) throw notFound(input.id);
      const org = await ctx.orgs.get(input.orgCode ?? before.orgCode);
      if (input.externalId && input.externalId !== before.externalId) {
        const [taken] = await ctx.db.select({ id: institutions.id }).from(institutions).where(eq(institutions.externalId, input.externalId));
        if (taken) throw externalIdTaken(input.externalId, ctx.locale);
      }
      let after: InstitutionRow | undefined;
      try {
        // A savepoint: an external id taken outside the caller's subtree (invisible here) must
        // not abort the request's transaction before we can say so.
        after = await ctx.db.transaction(async (tx) => {
          const [row] = await tx.update(institutions).set(rowValuesOf(input, org, ctx.platform.now())).where(eq(institutions.id, input.id)).returning();
          return row;
        });
      } catch (error) {
        if (input.externalId && isUniqueViolation(error)) throw externalIdTaken(input.externalId, ctx.locale);
        throw error;
      }
      const updated = toInstitution(after!);
      await ctx.audit.record({
        action: 'institutions.update',
        orgCode: before.orgCode,
        entity: 'institutions',
        entityId: before.id,
        before: toInstitution(before),
        after: updated,
      });
      return updated;
    }),

    remove: write.input(schemas.byId).mutation(async ({ ctx, input }) => {
      const [before] = await ctx.db.delete(institutions).where(eq(institutions.id, input.id)).returning();
      if (!before) throw notFound(input.id);
      await ctx.audit.record({ action: 'institutions.delete', orgCode: before.orgCode, entity: 'institutions', entityId: before.id, before: toInstitution(before) });
      return { id: before.id };
    }),

    /**
     * Imports a CSV or GeoJSON file in one transaction: good rows are added (or update the
     * institution with the same id or external id), bad rows are skipped and reported with row,
     * field and problem. `dryRun` does all of it and rolls the writes back.
     */
    import: write.input(schemas.import).mutation(async ({ ctx, input }): Promise<ImportReport> => {
      const { report, ids } = await importInstitutions(ctx, input, catalog, schemas);
      await ctx.audit.record({
        action: input.dryRun ? 'institutions.import.dry-run' : 'institutions.import',
        orgCode: input.orgCode ?? ctx.scope.orgCode,
        entity: 'institutions',
        after: { format: input.format, report, ids },
      });
      return report;
    }),
  });

  return defineServerPlugin(institutionsManifest, {
    router,
    tables: [institutions],
    migrationsFolder: fileURLToPath(new URL('../../migrations', import.meta.url)),
    seed: (seedCtx) => seedDemoInstitutions(seedCtx, catalog),
  });
}

/** The institutions router, as mounted under `institutions.` (what `InstitutionsApi` is inferred from). */
export type InstitutionsRouter = NonNullable<ReturnType<typeof createInstitutionsPlugin>['router']>;
