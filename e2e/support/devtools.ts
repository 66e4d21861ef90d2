import { setTimeout as sleep } from 'node:timers/promises';
import { evaluateInTarget, findTarget, listTargets, type CdpClient, type TargetInfo } from './cdp.ts';

/**
 * Selects an extension's panel in a real Chromium DevTools window (opened by
 * --auto-open-devtools-for-tabs). DevTools has no public API for this; the recipe in
 * shared/reference/devtools-e2e-recipe.md calls InspectorView.showPanel through the DevTools
 * frontend's own module. Clicking the tab is no option: extension tabs sit in a native overflow menu.
 */

export interface ShownPanel {
  readonly extensionId: string;
  /** DevTools' view id: `chrome-extension://<id>` + the panel title. */
  readonly panelId: string;
  /** The DevTools window target the panel was shown in. */
  readonly devtoolsTargetId: string;
}

const DEVTOOLS_URL = 'devtools://devtools/bundled/devtools_app.html';
const EXTENSION_URL = /^chrome-extension:\/\/([a-p]{32})\//;
const POLL_MS = 100;

export const isDevtoolsWindow = (target: TargetInfo): boolean => target.url.startsWith(DEVTOOLS_URL);

/** Ids of the extensions that have a target (devtools page, service worker, panel) right now. */
async function extensionIds(cdp: CdpClient): Promise<string[]> {
  const ids = new Set<string>();
  for (const target of await listTargets(cdp)) {
    const id = EXTENSION_URL.exec(target.url)?.[1];
    if (id !== undefined) ids.add(id);
  }
  return [...ids];
}

/**
 * Shows the first candidate panel DevTools knows, or returns null while none is registered yet (the
 * extension's devtools page calls panels.create after DevTools has started). maybeGetInspectorViewInstance
 * is used because instance() throws "Unable to create settings" that early.
 */
function showPanelExpression(candidatePanelIds: readonly string[]): string {
  return `(async () => {
    const { InspectorView } = await import('./ui/legacy/legacy.js');
    const view = InspectorView.InspectorView.maybeGetInspectorViewInstance();
    if (!view) return null;
    const id = ${JSON.stringify(candidatePanelIds)}.find((candidate) => view.hasPanel(candidate));
    if (id === undefined) return null;
    await view.showPanel(id);
    return id;
  })()`;
}

/**
 * Waits for DevTools and for the panel titled `title`, then selects it. Only extensions that have a
 * live target are candidates, so the extension id need not be known in advance.
 */
export async function showExtensionPanel(cdp: CdpClient, title: string, timeoutMs = 20_000): Promise<ShownPanel> {
  const deadline = Date.now() + timeoutMs;
  const devtools = await findTarget(cdp, isDevtoolsWindow, timeoutMs);
  for (;;) {
    const ids = await extensionIds(cdp);
    const candidates = ids.map((id) => `chrome-extension://${id}${title}`);
    const shown = candidates.length === 0 ? null : await evaluateInTarget(cdp, devtools.targetId, showPanelExpression(candidates));
    if (typeof shown === 'string') {
      const extensionId = ids.find((id) => shown === `chrome-extension://${id}${title}`) ?? '';
      return { extensionId, panelId: shown, devtoolsTargetId: devtools.targetId };
    }
    if (Date.now() > deadline) throw new Error(`DevTools has no panel titled "${title}" after ${timeoutMs} ms: is the extension loaded and its devtools page creating the panel?`);
    await sleep(POLL_MS);
  }
}

/** The out-of-process iframe target of a shown extension panel, whose DOM a test reads with evaluateInTarget. */
export function findPanelTarget(cdp: CdpClient, extensionId: string, panelPage: string, timeoutMs = 15_000): Promise<TargetInfo> {
  const url = `chrome-extension://${extensionId}/${panelPage.replace(/^\//, '')}`;
  return findTarget(cdp, (target) => target.type === 'iframe' && target.url.startsWith(url), timeoutMs);
}

/** Closes the DevTools window of the inspected tab, as the user closing DevTools would (its devtools page unloads). */
export async function closeDevtools(cdp: CdpClient, timeoutMs = 15_000): Promise<void> {
  const devtools = await findTarget(cdp, isDevtoolsWindow, timeoutMs);
  await cdp.send('Target.closeTarget', { targetId: devtools.targetId });
  const deadline = Date.now() + timeoutMs;
  while ((await listTargets(cdp)).some(isDevtoolsWindow)) {
    if (Date.now() > deadline) throw new Error(`DevTools was still open ${timeoutMs} ms after closing it`);
    await sleep(POLL_MS);
  }
}

/** Opens DevTools again on a page target (Target.openDevTools), as the user pressing F12 would. */
export async function openDevtools(cdp: CdpClient, pageTargetId: string): Promise<void> {
  await cdp.send('Target.openDevTools', { targetId: pageTargetId });
  await findTarget(cdp, isDevtoolsWindow);
}
