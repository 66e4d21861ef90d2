import { startDemoServer, type DemoServer } from '../demo/server.ts';
import { findTarget } from './cdp.ts';
import { launchChromiumWithExtension, waitForRecording, type ChromiumWithExtension, type DevtoolsLayout } from './extension.ts';

/** The demo API, and Chromium with the built extension on the demo page, DevTools open and recording. */
export interface DemoSession {
  readonly server: DemoServer;
  readonly browser: ChromiumWithExtension;
  /** The extension's id, for opening its own pages (the popup) as tabs. */
  readonly extensionId: string;
  close(): Promise<void>;
}

export async function openDemoSession(layout: DevtoolsLayout = {}): Promise<DemoSession> {
  const server = await startDemoServer();
  const browser = await launchChromiumWithExtension(layout);
  await browser.page.goto(`${server.origin}/`);
  await waitForRecording(browser);
  const devtoolsPage = await findTarget(browser.cdp, (target) => /^chrome-extension:\/\/[a-p]{32}\/devtools\.html/.test(target.url));
  return {
    server,
    browser,
    extensionId: new URL(devtoolsPage.url).host,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
