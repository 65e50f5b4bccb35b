/**
 * Configuration once per page: where the Sifa server is, the publishable key for public widgets,
 * how private widgets get embed tokens, and the default locale and theme. Set it from a script
 * (`configureSifa({...})`, npm users and host scripts) or declaratively on the loader's script
 * tag (`data-sifa-*` attributes), which works under a strict CSP with no inline script.
 * Per-element attributes override it.
 */
import type { Locale } from '@sifa/core';

export const themes = ['light', 'dark', 'high-contrast', 'elderly'] as const;
export type SifaTheme = (typeof themes)[number];

export interface EmbedToken {
  token: string;
  /** ISO time the token stops working. */
  expiresAt: string;
}

export interface SifaConfig {
  /** Base URL of the Sifa server, e.g. https://sifa.example.gov.cn (no trailing /trpc). */
  endpoint: string;
  /** Publishable key (`pk_…`) for public widgets; restricted to the page's origin by the server. */
  publishableKey?: string | undefined;
  /**
   * Host callback that returns a fresh embed token (minted by the host's backend). Called
   * before the current token expires, and once more when the server says it expired. Resolves
   * null when nobody is signed in on the host: widgets then read public data with the
   * publishable key, and those that need a user ask for signing in.
   */
  getToken?: (() => Promise<EmbedToken | null>) | undefined;
  /**
   * Declarative alternative to getToken: a same-origin URL of the host backend that answers
   * POST with `{ token, expiresAt }` for the signed-in portal user (cookies are sent), and
   * 401 or 403 when nobody is signed in (treated like getToken resolving null).
   */
  tokenUrl?: string | undefined;
  locale?: Locale | undefined;
  theme?: SifaTheme | undefined;
  /**
   * The fetch the shared client sends with (default: the global one). For documentation pages
   * and demos that answer from memory (Storybook's fake server), never needed on a real page.
   */
  fetch?: typeof fetch | undefined;
}

type Listener = (config: Readonly<SifaConfig>) => void;

let current: SifaConfig | null = null;
const listeners = new Set<Listener>();

/** Sets (or updates) the page configuration; open widgets pick the change up. */
export function configureSifa(config: Partial<SifaConfig> & ({ endpoint: string } | object)): Readonly<SifaConfig> {
  const merged = { ...(current ?? { endpoint: '' }), ...config } as SifaConfig;
  merged.endpoint = merged.endpoint.replace(/\/+$/, '');
  current = merged;
  for (const listener of listeners) listener(merged);
  return merged;
}

/** The page configuration, or null while none was given. */
export function getSifaConfig(): Readonly<SifaConfig> | null {
  return current;
}

export function onSifaConfig(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Reads `data-sifa-*` attributes of a script tag: data-sifa-endpoint (default: the script's own
 * origin), data-sifa-key, data-sifa-token-url, data-sifa-locale, data-sifa-theme.
 */
export function configFromScript(script: HTMLScriptElement, scriptUrl: string): Partial<SifaConfig> {
  const d = script.dataset;
  const config: Partial<SifaConfig> = { endpoint: d['sifaEndpoint'] ?? new URL(scriptUrl).origin };
  if (d['sifaKey']) config.publishableKey = d['sifaKey'];
  if (d['sifaTokenUrl']) config.tokenUrl = d['sifaTokenUrl'];
  if (d['sifaLocale']) config.locale = d['sifaLocale'] as Locale;
  if (d['sifaTheme'] && (themes as readonly string[]).includes(d['sifaTheme'])) config.theme = d['sifaTheme'] as SifaTheme;
  return config;
}
