/**
 * @sifa/components: the page configuration, the shared client, the base element, themes, i18n
 * and small widget helpers: what every widget is built on, the SDK's own and plugins' (`./ui`).
 */
export { configureSifa, getSifaConfig, onSifaConfig, configFromScript, themes, type SifaConfig, type SifaTheme, type EmbedToken } from './config/config.js';
export { SifaClient, SifaClientError, failureReason, type ApiMap, type SubscriptionHandlers } from './client/client.js';
export { upload, type UploadOptions } from './client/upload.js';
export { sharedClient } from './client/shared.js';
export { SifaElement } from './base/sifa-element.js';
export { defineMessages, defineLazyMessages, formatDate, formatNumber, localeOfTag, type Messages, type LazyMessages, type Catalog } from './i18n/i18n.js';
export { saveFile } from './base/save-file.js';
export { listKeyMove } from './base/list-keys.js';
export { linkHref, safeWidgetAttributes } from './base/safe-href.js';
export { themeStyles, tokenNames, tokenValue, type TokenName } from './theme/tokens.js';
