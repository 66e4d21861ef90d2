import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/** `npx vite src/ui/harness`, then open /harness.html: the real panel on the fake source. */
export default defineConfig({
  plugins: [preact()],
  build: { outDir: '../../../dist/harness', emptyOutDir: true, rollupOptions: { input: 'harness.html' } },
});
