import type { HttpHeader } from '../core/exchange.ts';
import type { DevtoolsEntry, DevtoolsNetwork, RawContent } from './network.ts';

/**
 * A scripted devtools.network for unit tests: entries shaped like the ones Chrome DevTools builds
 * (HAR 1.2 plus `_resourceType`), with getContent() answers chosen per entry.
 */

export interface EntryOptions {
  readonly method?: string;
  readonly url: string;
  readonly status: number;
  readonly statusText?: string;
  readonly mimeType: string;
  readonly requestHeaders?: readonly HttpHeader[];
  readonly responseHeaders?: readonly HttpHeader[];
  /** Chrome's resource type; leave out to get a Firefox-shaped entry. */
  readonly resourceType?: string;
  readonly startedAt?: number;
  readonly time?: number;
}

export function devtoolsEntry(options: EntryOptions): DevtoolsEntry {
  const started = options.startedAt ?? Date.UTC(2026, 3, 27, 12, 0, 0);
  const time = options.time ?? 42.5;
  const entry = {
    startedDateTime: new Date(started).toISOString(),
    time,
    request: {
      method: options.method ?? 'GET',
      url: options.url,
      httpVersion: 'HTTP/1.1',
      headers: [...(options.requestHeaders ?? [])],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: options.status,
      statusText: options.statusText ?? '',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Content-Type', value: options.mimeType }, ...(options.responseHeaders ?? [])],
      cookies: [],
      content: { size: 0, mimeType: options.mimeType },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { blocked: -1, dns: -1, ssl: -1, connect: -1, send: 0, wait: time - 1, receive: 1 },
  };
  return options.resourceType === undefined ? entry : { ...entry, _resourceType: options.resourceType };
}

type ContentAnswer = RawContent | null | Promise<RawContent | null>;

export interface FakeNetwork extends DevtoolsNetwork {
  /** Chrome's behaviour (onRequestFinished only once the page read the body) when set before the recorder starts. */
  finishesOnRead: boolean;
  /** What getHAR() returns (set before the recorder starts). */
  har: DevtoolsEntry[];
  /** Sets what getContent() answers for `entry` (default: rejects, as for an evicted body). */
  content(entry: DevtoolsEntry, answer: ContentAnswer): DevtoolsEntry;
  /** Fires onRequestFinished. */
  finish(entry: DevtoolsEntry): void;
  /** Fires onNavigated. */
  navigate(url: string): void;
  /** Every entry getContent() was asked for, in order. */
  readonly contentAsked: DevtoolsEntry[];
}

export function fakeNetwork(): FakeNetwork {
  const finished: ((entry: DevtoolsEntry) => void)[] = [];
  const navigated: ((url: string) => void)[] = [];
  const answers = new Map<DevtoolsEntry, ContentAnswer>();
  const contentAsked: DevtoolsEntry[] = [];
  const network: FakeNetwork = {
    finishesOnRead: false,
    har: [],
    contentAsked,
    onRequestFinished: (listener) => finished.push(listener),
    onNavigated: (listener) => navigated.push(listener),
    getHar: () => Promise.resolve(network.har),
    getContent(entry) {
      contentAsked.push(entry);
      const answer = answers.get(entry);
      return answer === undefined ? Promise.reject(new Error('No data found for resource with given identifier')) : Promise.resolve(answer);
    },
    content(entry, answer) {
      answers.set(entry, answer);
      return entry;
    },
    finish: (entry) => finished.forEach((listener) => listener(entry)),
    navigate: (url) => navigated.forEach((listener) => listener(url)),
  };
  return network;
}
