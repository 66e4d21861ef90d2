#!/usr/bin/env node
// The CLI is compiled into dist/cli, which the package ships; in a clone `node scripts/build-cli.mjs` builds it.
try {
  await import('../dist/cli/faultline.mjs');
} catch (error) {
  const missing = error instanceof Error && 'code' in error && error.code === 'ERR_MODULE_NOT_FOUND';
  // Even a broken install ends in one line and a failure status, not a stack trace.
  process.stderr.write(missing
    ? 'faultline: the CLI is not built: in a clone of Faultline, run `node scripts/build-cli.mjs` (or use `npm run faultline -- …`)\n'
    : `faultline: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
