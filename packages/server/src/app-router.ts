/**
 * The static type of a server's merged router, for clients that `import type` it: the platform
 * router under `platform`, each plugin's router under its id.
 */
import type { createRouter, ServerPlugin } from '@sifa/core';
import type { createPlatformPlugin } from './platform/plugin.js';

export type PlatformRouter = NonNullable<ReturnType<typeof createPlatformPlugin>['router']>;

type RoutersOf<T extends readonly ServerPlugin[]> = {
  [P in T[number] as P['manifest']['id']]: NonNullable<P['router']>;
};

/** `AppRouterOf<typeof plugins>`: what `createTRPCClient<…>` needs for a server started with `plugins`. */
export type AppRouterOf<T extends readonly ServerPlugin[] = []> = ReturnType<
  typeof createRouter<{ platform: PlatformRouter } & RoutersOf<T>>
>;
