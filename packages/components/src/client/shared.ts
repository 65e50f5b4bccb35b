/** One client per page, created from the page configuration and kept in step with it. */
import { getSifaConfig, onSifaConfig } from '../config/config.js';
import { SifaClient } from './client.js';

let shared: SifaClient | null = null;

export function sharedClient(): SifaClient {
  if (!shared) {
    shared = new SifaClient(getSifaConfig() ?? { endpoint: '' });
    onSifaConfig((config) => shared?.reconfigure(config));
  }
  return shared;
}
