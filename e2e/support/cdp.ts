import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';

/**
 * A minimal Chrome DevTools Protocol client over the browser endpoint (flat sessions). Playwright
 * never attaches to devtools:// targets, so the DevTools window and the extension panel are reached
 * through this (shared/reference/devtools-e2e-recipe.md).
 */

export interface TargetInfo {
  readonly targetId: string;
  /** `page`, `iframe`, `other`, `service_worker`… */
  readonly type: string;
  readonly title: string;
  readonly url: string;
  readonly attached: boolean;
}

export interface CdpClient {
  /** Sends a command; with `sessionId`, to a target attached with `flatten: true`. Rejects on a protocol error. */
  send<T = unknown>(method: string, params?: object, sessionId?: string): Promise<T>;
  close(): void;
}

interface PendingCall {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly method: string;
}

/** How long connectCdp waits for the browser to write DevToolsActivePort and accept the socket. */
const CONNECT_TIMEOUT_MS = 20_000;
const POLL_MS = 100;

/** Reads `<userDataDir>/DevToolsActivePort` (port, then browser path), which --remote-debugging-port=0 writes. */
async function browserEndpoint(userDataDir: string, deadline: number): Promise<string> {
  for (;;) {
    try {
      const [port, path] = (await readFile(join(userDataDir, 'DevToolsActivePort'), 'utf8')).split('\n');
      if (port !== undefined && path !== undefined && /^\d+$/.test(port.trim()) && path.startsWith('/devtools/browser/')) {
        return `ws://127.0.0.1:${port.trim()}${path.trim()}`;
      }
    } catch {
      // not written yet
    }
    if (Date.now() > deadline) throw new Error(`no DevToolsActivePort in ${userDataDir}: was the browser started with --remote-debugging-port=0?`);
    await sleep(POLL_MS);
  }
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Connects to the browser whose profile is `userDataDir`, waiting for it to come up. */
export async function connectCdp(userDataDir: string, timeoutMs = CONNECT_TIMEOUT_MS): Promise<CdpClient> {
  const socket = await open(await browserEndpoint(userDataDir, Date.now() + timeoutMs));
  const pending = new Map<number, PendingCall>();
  let nextId = 1;

  socket.on('message', (data: WebSocket.RawData) => {
    let message: { id?: number; result?: unknown; error?: { message?: string } };
    try {
      message = JSON.parse(data.toString()) as typeof message;
    } catch {
      return;
    }
    if (message.id === undefined) return; // an event: this client only sends commands
    const call = pending.get(message.id);
    if (call === undefined) return;
    pending.delete(message.id);
    if (message.error !== undefined) call.reject(new Error(`${call.method}: ${message.error.message ?? 'protocol error'}`));
    else call.resolve(message.result);
  });
  socket.on('close', () => {
    for (const call of pending.values()) call.reject(new Error(`${call.method}: browser connection closed`));
    pending.clear();
  });

  return {
    send<T>(method: string, params: object = {}, sessionId?: string): Promise<T> {
      if (socket.readyState !== WebSocket.OPEN) return Promise.reject(new Error(`${method}: browser connection closed`));
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, method });
        socket.send(JSON.stringify(sessionId === undefined ? { id, method, params } : { id, method, params, sessionId }));
      });
    },
    close: () => socket.close(),
  };
}

export async function listTargets(cdp: CdpClient): Promise<readonly TargetInfo[]> {
  const { targetInfos } = await cdp.send<{ targetInfos: TargetInfo[] }>('Target.getTargets');
  return targetInfos;
}

/** Polls the browser's targets until one matches (DevTools and panel iframes appear asynchronously). */
export async function findTarget(cdp: CdpClient, predicate: (target: TargetInfo) => boolean, timeoutMs = 15_000): Promise<TargetInfo> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await listTargets(cdp)).find(predicate);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`no matching target within ${timeoutMs} ms`);
    await sleep(POLL_MS);
  }
}

interface EvaluateResult {
  readonly result: { readonly value?: unknown };
  readonly exceptionDetails?: { readonly text?: string; readonly exception?: { readonly description?: string } };
}

/**
 * Evaluates `expression` in a target (promises awaited) and returns its value, copied as JSON.
 * Throws with the page's exception text when the expression throws.
 */
export async function evaluateInTarget(cdp: CdpClient, targetId: string, expression: string): Promise<unknown> {
  const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
  try {
    const { result, exceptionDetails } = await cdp.send<EvaluateResult>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
      sessionId,
    );
    if (exceptionDetails !== undefined) {
      throw new Error(`evaluation failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text ?? 'exception'}`);
    }
    return result.value;
  } finally {
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
}
