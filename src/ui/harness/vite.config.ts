import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/** `npx vite src/ui/harness` serves harness.html with the real panel on the fake source. */
export default defineConfig({
  plugins: [preact()],
  server: { open: '/harness.html' },
  build: { outDir: '../../../dist/harness', emptyOutDir: true, rollupOptions: { input: 'harness.html' } },
});
