import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { findFirefox } from './browsers.ts';
import { PANEL_TITLE, type FaultlinePanel } from './extension.ts';

/**
 * Firefox ESR with the built extension (dist/firefox) and the Faultline panel in its real DevTools
 * toolbox, driven over WebDriver BiDi (shared/reference/devtools-e2e-recipe.md). Playwright's own
 * Firefox is patched and cannot load an extension into DevTools, so this speaks BiDi itself:
 * content tabs through script.evaluate, the toolbox through the browser window (chrome scope, which
 * --remote-allow-system-access allows), and the out-of-process panel page through a frame script.
 */

export const FIREFOX_EXTENSION_DIR = fileURLToPath(new URL('../../dist/firefox/', import.meta.url));

const START_TIMEOUT_MS = 30_000;
const POLL_MS = 100;

/**
 * Prefs of the throwaway profile: no first-run chores, and the toolbox docked at the bottom of the
 * (1366×768 headless) window and tall enough for the panel's timeline, as in the Chromium tests.
 */
const PROFILE_PREFS: Readonly<Record<string, string | number | boolean>> = {
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'devtools.toolbox.host': 'bottom',
  'devtools.toolbox.footer.height': 480,
};

interface BidiError {
  readonly error: string;
  readonly message: string;
}

/** A WebDriver BiDi connection: commands only (the tests poll, so events are not needed). */
interface Bidi {
  send<T>(method: string, params: object): Promise<T>;
  close(): void;
}

async function connectBidi(url: string): Promise<Bidi> {
  const socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; method: string }>();
  let nextId = 1;
  socket.on('message', (data: WebSocket.RawData) => {
    let message: { id?: number; type?: string; result?: unknown } & Partial<BidiError>;
    try {
      message = JSON.parse(data.toString()) as typeof message;
    } catch {
      return;
    }
    const call = message.id === undefined ? undefined : pending.get(message.id);
    if (call === undefined || message.id === undefined) return; // an event, or an answer nobody waits for
    pending.delete(message.id);
    if (message.type === 'error') call.reject(new Error(`${call.method}: ${message.error ?? 'error'}: ${message.message ?? ''}`));
    else call.resolve(message.result);
  });
  socket.on('close', () => {
    for (const call of pending.values()) call.reject(new Error(`${call.method}: Firefox connection closed`));
    pending.clear();
  });
  return {
    send<T>(method: string, params: object): Promise<T> {
      if (socket.readyState !== WebSocket.OPEN) return Promise.reject(new Error(`${method}: Firefox connection closed`));
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, method });
        socket.send(JSON.stringify({ id, method, params }));
      });
    },
    close: () => socket.close(),
  };
}

interface EvaluateResult {
  readonly type: 'success' | 'exception';
  readonly result?: { readonly type: string; readonly value?: unknown };
  readonly exceptionDetails?: { readonly text?: string };
}

/**
 * Evaluates `expression` (promises awaited) in a browsing context and returns its value. The value
 * crosses as JSON, stringified where it was computed: BiDi's own serialisation of objects is lossy.
 */
async function evaluateIn<T>(bidi: Bidi, context: string, expression: string): Promise<T> {
  const evaluated = await bidi.send<EvaluateResult>('script.evaluate', {
    expression: `(async () => JSON.stringify((await (${expression})) ?? null))()`,
    target: { context },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (evaluated.type === 'exception') throw new Error(`evaluation failed: ${evaluated.exceptionDetails?.text ?? 'exception'}`);
  const json = evaluated.result?.value;
  return (typeof json === 'string' ? JSON.parse(json) : null) as T;
}

/** Reads the BiDi endpoint Firefox prints on stderr once --remote-debugging-port is listening. */
function bidiEndpoint(firefox: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Firefox printed no BiDi endpoint within ${START_TIMEOUT_MS} ms:\n${output.slice(-2000)}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const url = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(output)?.[1];
      if (url === undefined) return;
      clearTimeout(timer);
      // The stream keeps flowing without a listener: later output is drained and dropped.
      firefox.stderr?.off('data', onData);
      resolve(url);
    };
    firefox.stderr?.on('data', onData);
    firefox.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Firefox exited (${code ?? 'signal'}) before BiDi was up:\n${output.slice(-2000)}`));
    });
  });
}

/** `require` for DevTools modules, in the browser window (chrome scope). */
const DEVTOOLS_REQUIRE = `ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs').require`;

/** The toolbox of the selected tab and the Faultline tool in it (undefined until the devtools page has created the panel). */
const FAULTLINE_TOOL = `(() => {
  const { gDevTools } = ${DEVTOOLS_REQUIRE}('devtools/client/framework/devtools');
  const toolbox = gDevTools.getToolboxForTab(gBrowser.selectedTab);
  const tool = toolbox?.getAdditionalTools().find((candidate) => candidate.label === ${JSON.stringify(PANEL_TITLE)});
  return { toolbox, tool };
})()`;

export interface FirefoxWithExtension {
  /** The BiDi browsing context of the first tab (the inspected one). */
  readonly tab: string;
  /** `moz-extension://<uuid>`, no trailing slash. */
  readonly extensionOrigin: string;
  /** Evaluates in a tab's page (promises awaited) and returns the JSON value. */
  evaluateInTab<T>(context: string, expression: string): Promise<T>;
  navigate(context: string, url: string): Promise<void>;
  /**
   * Opens `url` in a window of its own, as the toolbar button shows the popup over the current tab
   * (a second tab would hide the inspected one, and DevTools with it), and returns its context.
   */
  openWindow(url: string): Promise<string>;
  closeContext(context: string): Promise<void>;
  /** Types `text` with real key events into whatever has the focus in `context`. */
  typeText(context: string, text: string): Promise<void>;
  /**
   * Presses a key (a KeyboardEvent key and code, e.g. Escape) as the user would: trusted events from the
   * browser window reach whatever has the focus, the toolbox and its panels included.
   */
  pressKeyInBrowserWindow(key: string, keyCode: number): Promise<void>;
  /** Evaluates in the browser window, with chrome privileges (gBrowser, Services, ChromeUtils). */
  evaluateInBrowser<T>(expression: string): Promise<T>;
  /** A PNG of the whole browser window: the page above, the toolbox docked below. */
  captureBrowserWindow(): Promise<Buffer>;
  close(): Promise<void>;
}

/** Where the toolbox docks and how wide (right dock) or how wide the window is (bottom dock), and its theme. */
export interface ToolboxLayout {
  readonly dock?: 'bottom' | 'right';
  readonly width?: number;
  readonly theme?: 'light' | 'dark';
  /** More Firefox prefs, as a user would set them in about:config. */
  readonly prefs?: Readonly<Record<string, string | number | boolean>>;
}

/** The prefs and window size of a toolbox layout (Firefox reads both at start). */
function layoutPrefs(layout: ToolboxLayout): { prefs: Record<string, string | number | boolean>; window: { width: number; height: number } } {
  const prefs: Record<string, string | number | boolean> = { ...PROFILE_PREFS, 'devtools.theme': layout.theme ?? 'light', ...layout.prefs };
  if (layout.dock === 'right') {
    prefs['devtools.toolbox.host'] = 'right';
    prefs['devtools.toolbox.sidebar.width'] = layout.width ?? 590;
    return { prefs, window: { width: 1366, height: 900 } };
  }
  return { prefs, window: { width: layout.width ?? 1366, height: 900 } };
}

/** Starts Firefox ESR headless with a fresh profile laid out as asked and installs dist/firefox as a temporary add-on. */
export async function launchFirefoxWithExtension(layout: ToolboxLayout = {}): Promise<FirefoxWithExtension> {
  const { prefs, window: windowSize } = layoutPrefs(layout);
  const executable = findFirefox();
  if (executable === null) throw new Error('No Firefox found: run scripts/ensure-browsers.sh (or set FIREFOX_PATH).');
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${FIREFOX_EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'faultline-e2e-ff-'));
  await writeFile(join(profile, 'user.js'), Object.entries(prefs).map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`).join(''));
  const firefox = spawn(
    executable,
    ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0', '--remote-allow-system-access', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => firefox.once('exit', () => resolve()));
  let bidi: Bidi | undefined;
  const shutDown = async (): Promise<void> => {
    await bidi?.send('browser.close', {}).catch(() => undefined);
    bidi?.close();
    if (!(await Promise.race([exited.then(() => true), sleep(5_000, false, { ref: false })]))) {
      firefox.kill('SIGKILL');
      await exited;
    }
    await rm(profile, { recursive: true, force: true });
  };
  try {
    bidi = await connectBidi(`${await bidiEndpoint(firefox)}/session`);
    const session = bidi;
    await session.send('session.new', { capabilities: {} });
    const { extension } = await session.send<{ extension: string }>('webExtension.install', { extensionData: { type: 'path', path: FIREFOX_EXTENSION_DIR } });
    const { contexts } = await session.send<{ contexts: { context: string }[] }>('browsingContext.getTree', {});
    const { contexts: windows } = await session.send<{ contexts: { context: string }[] }>('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const tab = contexts[0]?.context;
    const browserWindow = windows[0]?.context;
    if (tab === undefined || browserWindow === undefined) throw new Error('Firefox has no tab or no browser window');
    const evaluateInBrowser = <T>(expression: string): Promise<T> => evaluateIn<T>(session, browserWindow, expression);
    // Headless Firefox ignores --window-size: the window is sized from inside instead.
    await evaluateInBrowser(`(window.resizeTo(${windowSize.width}, ${windowSize.height}), true)`);
    const host = await evaluateInBrowser<string>(`WebExtensionPolicy.getByID(${JSON.stringify(extension)}).mozExtensionHostname`);
    return {
      tab,
      extensionOrigin: `moz-extension://${host}`,
      evaluateInTab: (context, expression) => evaluateIn(session, context, expression),
      async navigate(context, url) {
        await session.send('browsingContext.navigate', { context, url, wait: 'complete' });
      },
      async openWindow(url) {
        const { context } = await session.send<{ context: string }>('browsingContext.create', { type: 'window' });
        await session.send('browsingContext.navigate', { context, url, wait: 'complete' });
        return context;
      },
      async closeContext(context) {
        await session.send('browsingContext.close', { context });
      },
      async typeText(context, text) {
        const keys = [...text].flatMap((key) => [{ type: 'keyDown', value: key }, { type: 'keyUp', value: key }]);
        await session.send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions: keys }] });
      },
      evaluateInBrowser,
      async pressKeyInBrowserWindow(key, keyCode) {
        // WebDriver input refuses chrome contexts; the text input processor is how Firefox's own tests type there.
        await evaluateInBrowser(`(() => {
          const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
          tip.beginInputTransactionForTests(window);
          const event = new KeyboardEvent('', { key: ${JSON.stringify(key)}, code: ${JSON.stringify(key)}, keyCode: ${keyCode} });
          tip.keydown(event);
          tip.keyup(event);
          return true;
        })()`);
      },
      async captureBrowserWindow() {
        // BiDi's captureScreenshot refuses chrome-scope contexts: the window draws itself, remote frames included.
        const dataUrl = await evaluateInBrowser<string>(`(async () => {
          const bitmap = await window.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
          const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
          canvas.width = bitmap.width;
          canvas.height = bitmap.height;
          canvas.getContext('2d').drawImage(bitmap, 0, 0);
          return canvas.toDataURL('image/png');
        })()`);
        return Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
      },
      close: shutDown,
    };
  } catch (error) {
    await shutDown();
    throw error;
  }
}

async function pollUntil<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await sleep(POLL_MS);
  }
}

/**
 * Opens DevTools on the first tab and resolves once the extension's devtools page has created the
 * panel: it starts recording before that, so from then on the tab's requests are captured.
 */
export async function openDevtoolsAndWaitForRecording(firefox: FirefoxWithExtension, timeoutMs = 20_000): Promise<void> {
  await firefox.evaluateInBrowser(`(async () => {
    const { gDevTools } = ${DEVTOOLS_REQUIRE}('devtools/client/framework/devtools');
    await gDevTools.showToolboxForTab(gBrowser.selectedTab);
  })()`);
  await pollUntil(`no "${PANEL_TITLE}" tool in the toolbox`, timeoutMs, async () =>
    (await firefox.evaluateInBrowser<boolean>(`${FAULTLINE_TOOL}.tool !== undefined`)) ? true : null,
  );
}

/**
 * Evaluates a panel expression inside the panel's own process: the panel page is a remote
 * `<browser>` in the toolbox, reachable from the browser window only through its message manager.
 * The frame script runs the expression in a sandbox over the page's window (so `document` is the
 * panel's) and sends back the JSON. Before the `<browser>` has switched to the extension process a
 * frame script would be lost, hence the wait for a moz-extension: document.
 */
function panelEvaluation(expression: string): string {
  const frameScript = `(async () => {
    const reply = (message) => sendAsyncMessage(NAME, message);
    try {
      const sandbox = Components.utils.Sandbox(content, { sandboxPrototype: content, wantXrays: false });
      const json = await Components.utils.evalInSandbox(${JSON.stringify(`(async () => JSON.stringify((await (${expression})) ?? null))()`)}, sandbox);
      reply({ json });
    } catch (error) {
      reply({ error: String(error) });
    }
  })();`;
  return `(async () => {
    const { toolbox, tool } = ${FAULTLINE_TOOL};
    if (tool === undefined) throw new Error('the Faultline tool is gone');
    const frame = toolbox.doc.getElementById('toolbox-panel-iframe-' + tool.id);
    const panel = frame?.contentDocument?.querySelector('browser');
    const ready = panel?.remoteType === 'extension' && panel.currentURI?.spec?.startsWith('moz-extension:') && panel.browsingContext?.currentWindowGlobal;
    if (!ready) return { pending: true };
    const name = 'faultline-e2e-' + Math.random().toString(36).slice(2);
    const manager = panel.messageManager;
    const answer = new Promise((resolve) => manager.addMessageListener(name, function listener(message) {
      manager.removeMessageListener(name, listener);
      resolve(message.data);
    }));
    manager.loadFrameScript('data:,' + encodeURIComponent('const NAME = ' + JSON.stringify(name) + ';' + ${JSON.stringify(frameScript)}), false);
    return await answer;
  })()`;
}

type PanelAnswer = { readonly pending: true } | { readonly json: string } | { readonly error: string };

/** Selects the Faultline panel in the toolbox; its page loads on first selection. */
export async function showFaultlinePanel(firefox: FirefoxWithExtension, timeoutMs = 20_000): Promise<FaultlinePanel> {
  await firefox.evaluateInBrowser(`(async () => {
    const { toolbox, tool } = ${FAULTLINE_TOOL};
    await toolbox.selectTool(tool.id);
  })()`);
  const evaluate = async <T>(expression: string): Promise<T> => {
    const answer = await pollUntil('the Faultline panel page did not load', timeoutMs, async () => {
      const reply = await firefox.evaluateInBrowser<PanelAnswer>(panelEvaluation(expression));
      return 'pending' in reply ? null : reply;
    });
    if ('error' in answer) throw new Error(`panel evaluation failed: ${answer.error}`);
    return JSON.parse(answer.json) as T;
  };
  await evaluate('document.readyState');
  return {
    evaluate,
    async screenshot(path: string): Promise<void> {
      await writeFile(path, await firefox.captureBrowserWindow());
    },
  };
}

/** Clicks one fixture's button on the demo page in the inspected tab and waits for its answer. */
export async function fireFixtureInFirefox(firefox: FirefoxWithExtension, fixtureName: string, timeoutMs = 10_000): Promise<void> {
  const sent = (): Promise<number> => firefox.evaluateInTab<number>(firefox.tab, 'Number(document.body.dataset.sent ?? 0)');
  const before = await sent();
  await firefox.evaluateInTab(firefox.tab, `document.querySelector(${JSON.stringify(`[data-fixture="${fixtureName}"]`)}).click()`);
  const deadline = Date.now() + timeoutMs;
  while ((await sent()) < before + 1) {
    if (Date.now() > deadline) throw new Error(`the demo page did not get an answer for ${fixtureName} within ${timeoutMs} ms`);
    await sleep(100);
  }
}
