import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright';

/**
 * Where the browsers the e2e tests and `npm start` drive live. An explicit env path wins; then the
 * Debian packages (what scripts/ensure-browsers.sh installs); then Playwright's own Chromium.
 * Firefox must be a real release (ESR): Playwright's patched Firefox cannot load an extension into
 * DevTools.
 */

function firstExisting(paths: readonly (string | undefined)[]): string | null {
  for (const path of paths) if (path !== undefined && path !== '' && existsSync(path)) return path;
  return null;
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined; // Playwright throws when it has no Chromium build for this platform
  }
}

export function findChromium(): string | null {
  return firstExisting([process.env['CHROME_PATH'], '/usr/bin/chromium', playwrightChromium()]);
}

export function findFirefox(): string | null {
  return firstExisting([process.env['FIREFOX_PATH'], '/usr/bin/firefox-esr', '/usr/bin/firefox']);
}

// `tsx e2e/support/browsers.ts` prints what it found and exits 1 when a browser is missing, so
// scripts/ensure-browsers.sh asks the same question the tests do.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const found = { chromium: findChromium(), firefox: findFirefox() };
  for (const [name, path] of Object.entries(found)) console.log(`${name}: ${path ?? 'missing'}`);
  process.exitCode = found.chromium !== null && found.firefox !== null ? 0 : 1;
}
