import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoServerOnDefaultPort, type DemoServer } from '../e2e/demo/server.ts';
import { findChromium } from '../e2e/support/browsers.ts';
import { connectCdp, evaluateInTarget, findTarget, type CdpClient } from '../e2e/support/cdp.ts';
import { isDevtoolsWindow, showExtensionPanel } from '../e2e/support/devtools.ts';
import { startVirtualDisplay, type VirtualDisplay } from './virtual-display.ts';

/**
 * `npm start`: builds the extension, starts the demo API, and opens Chromium with the extension
 * loaded, DevTools open on the demo page and the Faultline panel selected. The demo server keeps
 * running until Ctrl-C; the browser is closed then.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const extensionDir = join(root, 'dist', 'chrome');
const PANEL_TITLE = 'Faultline';
/** The browser window, and the virtual screen made for it when there is no display. */
const WINDOW = { width: 1600, height: 1000 } as const;
/** Lines of the browser's stderr kept to explain an early exit. */
const STDERR_TAIL = 15;
/** How long the panel gets to decode the fired fixtures before the screenshot on a virtual display. */
const SCREENSHOT_DELAY_MS = 3_000;

function run(command: string, args: readonly string[]): void {
  const { status, error } = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (error !== undefined || status !== 0) {
    console.error(`npm start: \`${[command, ...args].join(' ')}\` failed${error ? `: ${error.message}` : ''}.`);
    process.exit(status ?? 1);
  }
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function chromiumArgs(userDataDir: string, url: string): string[] {
  return [
    `--user-data-dir=${userDataDir}`,
    '--remote-debugging-port=0',
    `--load-extension=${extensionDir}`,
    `--disable-extensions-except=${extensionDir}`,
    // Branded Chrome 137+ ignores --load-extension without this; Chromium accepts it harmlessly.
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    '--auto-open-devtools-for-tabs',
    '--no-first-run',
    '--no-default-browser-check',
    `--window-size=${WINDOW.width},${WINDOW.height}`,
    '--window-position=0,0',
    // Chromium refuses to start as root with its sandbox on (containers, CI images).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    url,
  ];
}

function launchBrowser(executable: string, args: readonly string[], display: VirtualDisplay | null): { child: ChildProcess; stderrTail: string[] } {
  const env = display === null ? process.env : { ...process.env, DISPLAY: display.display };
  const child = spawn(executable, [...args], { stdio: ['ignore', 'ignore', 'pipe'], env });
  const stderrTail: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderrTail.push(...chunk.split('\n').filter((line) => line.trim() !== ''));
    stderrTail.splice(0, Math.max(0, stderrTail.length - STDERR_TAIL));
  });
  return { child, stderrTail };
}

/** Selects the panel, then reloads the demo page with ?autofire=1 so the panel starts with every error in it. */
async function openPanel(cdp: CdpClient, origin: string): Promise<void> {
  await showExtensionPanel(cdp, PANEL_TITLE);
  const page = await findTarget(cdp, (target) => target.type === 'page' && target.url.startsWith(origin));
  await evaluateInTarget(cdp, page.targetId, `location.assign(${JSON.stringify(`${origin}/?autofire=1`)})`);
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function stopOnSignal(stop: () => Promise<void>): void {
  const handler = (): void => void stop().then(() => process.exit(0));
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

/** A PNG of the DevTools window with the panel shown: on a virtual display, the way to see what opened. */
async function screenshotDevtools(cdp: CdpClient, path: string): Promise<void> {
  const devtools = await findTarget(cdp, isDevtoolsWindow);
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: devtools.targetId, flatten: true });
  try {
    const { data } = await cdp.send<{ data: string }>('Page.captureScreenshot', { format: 'png' }, sessionId);
    writeFileSync(path, Buffer.from(data, 'base64'));
  } finally {
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const hasDisplay = Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']);
  // Without a display, Xvfb is installed like the browsers (apt-get as root on Debian), or the script says what to run.
  const ensured = spawnSync('bash', ['scripts/ensure-browsers.sh', ...(hasDisplay ? [] : ['--xvfb'])], { cwd: root, stdio: 'inherit' });
  if (ensured.status !== 0 && !(!hasDisplay && findChromium() !== null && !onPath('Xvfb'))) process.exit(ensured.status ?? 1);
  run('npm', ['run', 'build']);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    console.error(`npm start: the build produced no ${join('dist', 'chrome', 'manifest.json')}; the Chrome extension cannot be loaded.`);
    process.exit(1);
  }

  const server: DemoServer = await startDemoServerOnDefaultPort();
  console.log(`\nFaultline demo API on ${server.origin}/`);
  const manualSteps = `open ${server.origin}/ in Chrome or Chromium, load ${extensionDir} with "Load unpacked" on chrome://extensions (Developer mode), then open DevTools → Faultline`;

  const chromium = findChromium();
  let display: VirtualDisplay | null = null;
  if (chromium !== null && !hasDisplay && onPath('Xvfb')) {
    try {
      display = await startVirtualDisplay(WINDOW.width, WINDOW.height);
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
    }
  }
  if (chromium === null || (!hasDisplay && display === null)) {
    console.log(chromium === null ? 'No Chromium found (set CHROME_PATH).' : 'No display ($DISPLAY and $WAYLAND_DISPLAY are unset) and no Xvfb: install it (see above) and run `npm start` again, or');
    console.log(`${manualSteps}.\nThe demo server keeps running; Ctrl-C to stop.`);
    stopOnSignal(() => server.close());
    return;
  }

  const userDataDir = mkdtempSync(join(tmpdir(), 'faultline-profile-'));
  const { child, stderrTail } = launchBrowser(chromium, chromiumArgs(userDataDir, `${server.origin}/`), display);
  let cdp: CdpClient | null = null;
  let stopping = false;

  child.once('exit', (code) => {
    if (stopping) return;
    if (cdp === null) console.error(`The browser exited (code ${code}) before DevTools came up:\n${stderrTail.join('\n')}`);
    console.log(`Browser closed. The demo server still runs at ${server.origin}/; Ctrl-C to stop.`);
  });
  stopOnSignal(async () => {
    stopping = true;
    console.log('\nStopping: closing the browser and the demo server.');
    await cdp?.send('Browser.close').catch(() => undefined);
    cdp?.close();
    if (cdp === null) child.kill('SIGTERM');
    await waitForExit(child, 5_000);
    await server.close();
    display?.stop();
    rmSync(userDataDir, { recursive: true, force: true });
  });

  try {
    cdp = await connectCdp(userDataDir);
    await openPanel(cdp, server.origin);
    console.log(`Chromium is open on ${server.origin}/ with DevTools on the Faultline panel; every error fixture was fired once. Ctrl-C to stop.`);
    if (display !== null) {
      // Give the panel a moment to decode the fired fixtures before the picture is taken.
      await new Promise((resolve) => setTimeout(resolve, SCREENSHOT_DELAY_MS));
      const screenshot = join(tmpdir(), 'faultline-start-devtools.png');
      await screenshotDevtools(cdp, screenshot);
      console.log(
        `No display: Chromium runs on the virtual display ${display.display} (Xvfb, ${WINDOW.width}×${WINDOW.height}).\n` +
          `  A screenshot of DevTools with the Faultline panel: ${screenshot}\n` +
          `  To watch and use it live: x11vnc -display ${display.display} -localhost -nopw (apt-get install x11vnc), then a VNC viewer on localhost:5900 (over ssh -L 5900:localhost:5900 from another machine).`,
      );
    }
  } catch (error) {
    console.error(`Could not select the Faultline panel (${error instanceof Error ? error.message : String(error)}); select it in DevTools by hand. Ctrl-C to stop.`);
  }
}

await main();
