import { defineConfig } from 'vite';

// Vite compiles the TSX itself (automatic JSX runtime, from tsconfig.json): no plugin needed for a build.
export default defineConfig({
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
});
