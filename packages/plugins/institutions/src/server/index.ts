/** @sifa/plugin-institutions/server: the legal-services map's server half (Node: drizzle table, migrations, router, demo seed). */
export { createInstitutionsPlugin, institutionsPluginOptionsSchema, maxListed, type InstitutionsPluginOptions, type InstitutionsRouter } from './plugin.js';
export { countyCodeOf, toInstitution, toFeature } from './records.js';
export { institutions, type InstitutionRow } from './schema.js';
export { demoPointIn } from './seed.js';
export { parseHoursText } from './import-formats.js';
export { institutionSchemas, chinesePhonePattern, chinaBounds, localizeIssues, type InstitutionFields } from '../schemas.js';
export { institutionMessages, imsg, type InstitutionMessageKey } from '../messages.js';
export { institutionsManifest, defaultInstitutionTypes, defaultInstitutionServices, csvColumns } from '../index.js';
