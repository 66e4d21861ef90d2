import type { CdpClient } from './cdp.ts';
import { findPanelTarget, showExtensionPanel } from './devtools.ts';
import { PANEL_TITLE } from './extension.ts';

/**
 * A CDP session on the Faultline panel's page, for measurements the DOM cannot give: its heap,
 * scripts that must run before the panel's own (timer probes), reloading it. Attached next to the
 * session showFaultlinePanel uses; CDP allows several on one target.
 */
export interface PanelProbe {
  readonly extensionId: string;
  readonly targetId: string;
  send<T = unknown>(method: string, params?: object): Promise<T>;
  /** Evaluates in the panel (promises awaited) and returns the JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  detach(): Promise<void>;
}

interface Evaluated {
  readonly result: { readonly value?: unknown };
  readonly exceptionDetails?: { readonly text?: string; readonly exception?: { readonly description?: string } };
}

/** Shows the Faultline panel (if it is not yet) and attaches a probe session to its page. */
export async function probePanel(cdp: CdpClient): Promise<PanelProbe> {
  const shown = await showExtensionPanel(cdp, PANEL_TITLE);
  const target = await findPanelTarget(cdp, shown.extensionId, 'panel.html');
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: target.targetId, flatten: true });
  const send = <T>(method: string, params: object = {}): Promise<T> => cdp.send<T>(method, params, sessionId);
  return {
    extensionId: shown.extensionId,
    targetId: target.targetId,
    send,
    async evaluate<T>(expression: string): Promise<T> {
      const { result, exceptionDetails } = await send<Evaluated>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
      if (exceptionDetails !== undefined) {
        throw new Error(`panel evaluation failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text ?? 'exception'}`);
      }
      return result.value as T;
    },
    detach: () => cdp.send('Target.detachFromTarget', { sessionId }).then(() => undefined, () => undefined),
  };
}
