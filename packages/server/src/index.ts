/** @sifa/server: the Node half of Sifa Kit. */
export { createSifaServer, type SifaServer, type SifaServerOptions } from './server.js';
export type { AppRouterOf, PlatformRouter } from './app-router.js';
export { openDatabase, describePostgresUrl, type DatabaseConfig, type DatabaseHandle, type EngineName } from './db/engine.js';
export { migrate, type MigrationSource, type MigrationReport } from './db/migrate.js';
export { composePlugins, PluginCompositionError, type Composition } from './plugins/compose.js';
export { createPlatformPlugin, platformManifest } from './platform/plugin.js';
export { AuthService, defaultAuthPolicy, type AuthPolicy, type LoginResult } from './auth/sessions.js';
export { verifyAuditChain, digestOf, type AuditVerification } from './audit/log.js';
export { seedOrgTree, chifengOrgTree } from './seed/orgs.js';
export { seedDemo, demoAccounts, type DemoCredential } from './seed/demo.js';
export { createLogger, scrub } from './logging.js';
export { readEnv, databaseConfigOf, envSchema } from './config.js';
export { strictCsp, type StaticRoot } from './http/static.js';
export * as schema from './db/schema.js';
export { ApiKeyService, validateOrigins, type ApiKeyKind, type ApiKeySummary, type CreatedApiKey, type KeyManager } from './embed/keys.js';
export { EmbedTokenService, type MintInput, type MintedToken } from './embed/tokens.js';
export { normalizeOrigin } from './embed/origins.js';
export { mintEmbedToken, EmbedTokenError, type MintEmbedTokenOptions } from './embed/client.js';
