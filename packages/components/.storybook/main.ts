import type { StorybookConfig } from '@storybook/web-components-vite';

// Offline documentation of the widgets: no telemetry (it also costs seconds of DNS lookups on
// machines without internet), stories in ../stories, answered by an in-memory fake server.
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts', '../../plugins/*/src/ui/**/*.stories.ts', '../../../examples/*/src/ui/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    // Workspace packages from their TypeScript sources, like the tests (the `sifa-source`
    // export condition); decorators follow the tsconfig (legacy, as Lit's docs require).
    const conditions = viteConfig.resolve?.conditions ?? ['module', 'browser', 'development|production'];
    return {
      ...viteConfig,
      resolve: { ...viteConfig.resolve, conditions: ['sifa-source', ...conditions] },
      // Storybook's own manager and preview runtime are large by nature; not worth a warning.
      build: { ...viteConfig.build, chunkSizeWarningLimit: 2048 },
    };
  },
};
export default config;
