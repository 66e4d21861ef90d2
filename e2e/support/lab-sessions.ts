import { setTimeout as sleep } from 'node:timers/promises';
import { startCaptureLab } from '../demo/capture-lab.ts';
import type { LabSession } from './capture-matrix.ts';
import { launchChromiumWithExtension, showFaultlinePanel, waitForRecording } from './extension.ts';
import { launchFirefoxWithExtension, openDevtoolsAndWaitForRecording, showFaultlinePanel as showFirefoxPanel } from './firefox.ts';

/** The capture lab's page in Chromium, DevTools open on it and the Faultline panel shown. */
export async function openChromiumLab(networkPreserveLog: boolean): Promise<LabSession> {
  const lab = await startCaptureLab();
  const browser = await launchChromiumWithExtension(networkPreserveLog ? { devtoolsSettings: { 'network-log.preserve-log': true } } : {});
  await browser.page.goto(`${lab.origin}/lab`);
  await waitForRecording(browser);
  const panel = await showFaultlinePanel(browser);
  return {
    browser: 'chromium',
    networkPreserveLog,
    lab,
    panel,
    run: <T>(expression: string) => browser.page.evaluate<T>(expression),
    waitForLab: async () => {
      await browser.page.waitForURL(/\/lab\?after=/);
      await browser.page.waitForFunction(() => document.body?.dataset['ready'] === 'yes');
    },
    close: async () => {
      await browser.close();
      await lab.close();
    },
  };
}

/** The capture lab's page in Firefox ESR, its toolbox open and the Faultline panel shown. */
export async function openFirefoxLab(networkPreserveLog = false): Promise<LabSession> {
  const lab = await startCaptureLab();
  const firefox = await launchFirefoxWithExtension(networkPreserveLog ? { prefs: { 'devtools.netmonitor.persistlog': true } } : {});
  await firefox.navigate(firefox.tab, `${lab.origin}/lab`);
  await openDevtoolsAndWaitForRecording(firefox);
  const panel = await showFirefoxPanel(firefox);
  return {
    browser: 'firefox',
    networkPreserveLog,
    lab,
    panel,
    run: <T>(expression: string) => firefox.evaluateInTab<T>(firefox.tab, expression),
    waitForLab: async () => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const ready = await firefox
          .evaluateInTab<boolean>(firefox.tab, `location.search.startsWith('?after=') && document.body?.dataset.ready === 'yes'`)
          .catch(() => false); // the page may be between documents
        if (ready) return;
        if (Date.now() > deadline) throw new Error('the lab page did not come back after navigating');
        await sleep(100);
      }
    },
    close: async () => {
      await firefox.close();
      await lab.close();
    },
  };
}
