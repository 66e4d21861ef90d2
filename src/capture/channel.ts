import type { CaptureEvent } from '../protocol/capture.ts';
import type { Recorder } from './recorder.ts';

/**
 * The devtools page records; the panel page (created lazily, reloadable) shows. They talk over a
 * BroadcastChannel named after the inspected tab: both pages share the extension origin in Chrome and
 * Firefox alike, and neither needs a background page or a port.
 *
 *   panel  → page   hello  {session}             "send me everything"
 *   page   → panel  replay {session, events}     the whole buffer, for that session only
 *   page   → panel  live   {events}              batches recorded since
 *   panel  → page   forget                       the user cleared: drop the buffer, and batches not sent yet
 *
 * A panel ignores live batches until its replay arrived, and the page sends any batch it was holding
 * before the replay, so every event reaches a panel exactly once: in the replay or in a later batch.
 */
export function channelName(tabId: number): string {
  return `faultline-capture-${tabId}`;
}

type Message =
  | { readonly kind: 'hello'; readonly session: string }
  | { readonly kind: 'replay'; readonly session: string; readonly events: readonly CaptureEvent[] }
  | { readonly kind: 'live'; readonly events: readonly CaptureEvent[] }
  | { readonly kind: 'forget' };

/** Only our own origin can post here; the check keeps a page from another build from confusing us. */
function asMessage(data: unknown): Message | null {
  if (typeof data !== 'object' || data === null) return null;
  const { kind, session, events } = data as Record<string, unknown>;
  if (kind === 'hello' && typeof session === 'string') return { kind, session };
  if (kind === 'forget') return { kind };
  if (!Array.isArray(events)) return null;
  if (kind === 'replay' && typeof session === 'string') return { kind, session, events: events as CaptureEvent[] };
  if (kind === 'live') return { kind, events: events as CaptureEvent[] };
  return null;
}

/** Devtools-page side: answers hellos with the buffer and streams new events in batches. */
export function serveRecorder(recorder: Recorder, channel: BroadcastChannel, batchMs = 50): () => void {
  let pending: CaptureEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = (message: Message): void => channel.postMessage(message);
  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    send({ kind: 'live', events: pending });
    pending = [];
  };
  const stopEvents = recorder.onEvent((event) => {
    pending.push(event);
    timer ??= setTimeout(flush, batchMs);
  });
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = asMessage(event.data);
    if (message?.kind === 'forget') {
      // Held events were recorded before the user cleared: the panel must not get them afterwards.
      clearTimeout(timer);
      timer = undefined;
      pending = [];
      recorder.forget();
      return;
    }
    if (message?.kind !== 'hello') return;
    flush(); // held events are in the buffer too: they must not follow the replay again
    send({ kind: 'replay', session: message.session, events: recorder.events() });
    // The panel was just shown: what the browser recorded but never reported (unread bodies) comes next, live.
    void recorder.reconcile();
  };
  return () => {
    stopEvents();
    clearTimeout(timer);
    channel.close();
  };
}

/** Panel side: everything recorded so far, then live batches. */
export function subscribeToRecorder(channel: BroadcastChannel, onEvents: (events: readonly CaptureEvent[]) => void): () => void {
  const session = crypto.randomUUID();
  let replayed = false;
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const message = asMessage(event.data);
    if (message === null || message.kind === 'hello' || message.kind === 'forget') return;
    if (message.kind === 'replay') {
      if (message.session !== session || replayed) return;
      replayed = true;
    } else if (!replayed) {
      return;
    }
    if (message.events.length > 0) onEvents(message.events);
  };
  channel.postMessage({ kind: 'hello', session } satisfies Message);
  return () => channel.close();
}

/** Panel side: tells the recorder the user cleared the panel (see serveRecorder). */
export function forgetRecorded(channel: BroadcastChannel): void {
  channel.postMessage({ kind: 'forget' } satisfies Message);
}
