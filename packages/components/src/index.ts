/** @sifa/components: the page configuration, the shared client, the base element, themes and i18n. */
export { configureSifa, getSifaConfig, onSifaConfig, configFromScript, themes, type SifaConfig, type SifaTheme, type EmbedToken } from './config/config.js';
export { SifaClient, SifaClientError, type ApiMap } from './client/client.js';
export { sharedClient } from './client/shared.js';
export { SifaElement } from './base/sifa-element.js';
export { defineMessages, formatDate, formatNumber, localeOfTag, type Messages, type Catalog } from './i18n/i18n.js';
export { themeStyles, tokenNames, tokenValue, type TokenName } from './theme/tokens.js';
