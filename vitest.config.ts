import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'extension/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // No unit test measures speed (npm run bench does): a generous timeout keeps a loaded machine from failing them.
    testTimeout: 30_000,
  },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
});
