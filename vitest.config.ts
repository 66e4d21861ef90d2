import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'extension/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
});
