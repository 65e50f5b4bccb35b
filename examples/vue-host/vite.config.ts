import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  // The sifa-* tags are custom elements (registered by the widgets' modules), not Vue components.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('sifa-') } } })],
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
});
