import { configureSifa, type SifaConfig } from '@sifa/components';

/**
 * The page's Sifa settings, as this host's backend serves them (`/host-config.json`: the Sifa
 * server's origin, the publishable key for this origin, the backend's embed-token URL when a user
 * is signed in). A host that knows them at build time calls `configureSifa` with constants.
 */
export interface HostConfig {
  endpoint: string;
  publishableKey: string;
  tokenUrl?: string;
  /** The widgets' language where the page names none (an element's or the page's `lang` wins). */
  locale?: SifaConfig['locale'];
}

export async function configureFromHost(): Promise<HostConfig> {
  const response = await fetch('/host-config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`/host-config.json answered ${response.status}`);
  const config = (await response.json()) as HostConfig;
  configureSifa(config);
  return config;
}
