import { asCaptureChannelMessage, type CaptureChannelMessage, type CaptureEvent } from '../protocol/capture.ts';
import type { Recorder } from './recorder.ts';

/**
 * The devtools page records; the panel page (created lazily, reloadable) shows. They talk over a
 * BroadcastChannel named after the inspected tab: both pages share the extension origin in Chrome and
 * Firefox alike, and neither needs a background page or a port. Their messages, and how they are
 * checked on arrival, are in src/protocol/capture.ts.
 *
 * A panel ignores live batches until its replay arrived, and the page sends any batch it was holding
 * before the replay, so every event reaches a panel exactly once: in the replay or in a later batch.
 */
export function channelName(tabId: number): string {
  return `faultline-capture-${tabId}`;
}

/** Devtools-page side: answers hellos with the buffer and streams new events in batches. */
export function serveRecorder(recorder: Recorder, channel: BroadcastChannel, batchMs = 50): () => void {
  let pending: CaptureEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = (message: CaptureChannelMessage): void => channel.postMessage(message);
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
    const message = asCaptureChannelMessage(event.data);
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
    const message = asCaptureChannelMessage(event.data);
    if (message === null || message.kind === 'hello' || message.kind === 'forget') return;
    if (message.kind === 'replay') {
      if (message.session !== session || replayed) return;
      replayed = true;
    } else if (!replayed) {
      return;
    }
    if (message.events.length > 0) onEvents(message.events);
  };
  channel.postMessage({ kind: 'hello', session } satisfies CaptureChannelMessage);
  return () => channel.close();
}

/** Panel side: tells the recorder the user cleared the panel (see serveRecorder). */
export function forgetRecorded(channel: BroadcastChannel): void {
  channel.postMessage({ kind: 'forget' } satisfies CaptureChannelMessage);
}
