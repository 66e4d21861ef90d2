// Compiles the `faultline` CLI (src/cli, src/core) into one plain-JS file. `npm install` runs this (the `prepare`
// script), so `npx faultline` starts in milliseconds instead of compiling TypeScript on every run.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../src/cli/main.ts', import.meta.url).pathname],
  outfile: new URL('../dist/cli/faultline.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
