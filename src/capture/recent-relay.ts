import { fingerprintOf } from '../core/findings/index.ts';
import { RECENT_LIMIT, asRelayMessage, type RecentErrorsListener, type RelayMessage, type RelayedError } from '../protocol/relay.ts';

/**
 * The toolbar popup shows the last errors the open DevTools panels decoded, without a background page
 * or a permission: every extension page shares the extension's origin, so one BroadcastChannel reaches
 * them all (in Chrome and Firefox alike).
 *
 * Its messages, and how they are checked on arrival, are in src/protocol/relay.ts.
 *
 * Panels push only while some popup is open, so a busy panel costs nothing when nobody looks.
 */
export const RECENT_CHANNEL = 'faultline-recent';

/** Coalesces a burst of panel updates into one message. */
const PUSH_DELAY_MS = 50;

/** Several panels' lists as one: the same kind of error seen by two panels is one entry, its counts added. */
function mergeGroups(lists: Iterable<readonly RelayedError[]>): RelayedError[] {
  const merged = new Map<string, RelayedError>();
  for (const list of lists) {
    for (const item of list) {
      const key = fingerprintOf(item, item.decoded).key;
      const seen = merged.get(key);
      if (seen === undefined) merged.set(key, item);
      else merged.set(key, { ...(item.at > seen.at ? item : seen), count: seen.count + item.count, firstAt: Math.min(seen.firstAt, item.firstAt) });
    }
  }
  return [...merged.values()].sort((a, b) => b.at - a.at);
}

export interface RecentErrorsServer {
  /** The panel's errors changed: open popups get the new list shortly. */
  changed(): void;
  /** Tells open popups to forget this panel's errors, and closes the channel. */
  stop(): void;
}

/** Panel side: answers popups with `current()` and pushes it again on `changed()` while a popup is open. */
export function serveRecentErrors(channel: BroadcastChannel, current: () => readonly RelayedError[]): RecentErrorsServer {
  const panel = crypto.randomUUID();
  const listening = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = (message: RelayMessage): void => channel.postMessage(message);
  const push = (): void => {
    clearTimeout(timer);
    timer = undefined;
    send({ kind: 'errors', panel, errors: current() });
  };
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = asRelayMessage(event.data);
    if (message?.kind === 'ask') {
      listening.add(message.session);
      push();
    } else if (message?.kind === 'bye') {
      listening.delete(message.session);
    }
  };
  return {
    changed() {
      if (listening.size > 0) timer ??= setTimeout(push, PUSH_DELAY_MS);
    },
    stop() {
      clearTimeout(timer);
      send({ kind: 'gone', panel });
      channel.close();
    },
  };
}

/** Popup side: every open panel's errors merged, newest first, on every change. Returns the unsubscribe. */
export function subscribeToRecentErrors(channel: BroadcastChannel, listener: RecentErrorsListener): () => void {
  const session = crypto.randomUUID();
  const byPanel = new Map<string, readonly RelayedError[]>();
  const deliver = (): void => {
    listener(mergeGroups(byPanel.values()).slice(0, RECENT_LIMIT));
  };
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = asRelayMessage(event.data);
    if (message?.kind === 'errors') byPanel.set(message.panel, message.errors);
    else if (message?.kind !== 'gone' || !byPanel.delete(message.panel)) return;
    deliver();
  };
  channel.postMessage({ kind: 'ask', session } satisfies RelayMessage);
  return () => {
    channel.postMessage({ kind: 'bye', session } satisfies RelayMessage);
    channel.close();
  };
}
