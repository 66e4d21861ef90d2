/**
 * The slice of `devtools.network` the capture layer uses, the same in Chrome and Firefox. The real
 * implementation is in platform.ts; tests drive the recorder with fakes of this interface.
 */

/** A HAR entry as DevTools hands it to extensions: the HAR 1.2 fields capture reads itself. */
export interface DevtoolsEntry {
  readonly startedDateTime: string;
  readonly time: number;
  readonly request: { readonly method: string; readonly url: string };
  readonly response: {
    readonly status: number;
    readonly content?: { readonly mimeType?: string; readonly text?: string; readonly encoding?: string; readonly size?: number };
    /** Chrome only: the page got this response from its Service Worker (which made its own network request for it). */
    readonly _fetchedViaServiceWorker?: boolean;
    /** Chrome only: the browser's failure marker (`net::ERR_FAILED`…); empty when the request did not fail. */
    readonly _error?: string | null;
  };
  /** Chrome only: DevTools' resource type (`fetch`, `xhr`, `image`, `script`…). Firefox leaves it out. */
  readonly _resourceType?: string;
  /** Chrome only: what started the request; a Service Worker's own fetch names the worker's script here. */
  readonly _initiator?: { readonly type?: string; readonly url?: string; readonly stack?: { readonly callFrames?: readonly { readonly url?: string }[] } };
}

/** A response body as DevTools returns it. */
export interface RawContent {
  readonly text: string;
  readonly encoding?: 'base64' | undefined;
}

export interface DevtoolsNetwork {
  /**
   * True where onRequestFinished fires only once the page has read the response body (Chrome): a
   * response the page never reads is only in getHAR(), and getContent() for it waits for the read.
   */
  readonly finishesOnRead: boolean;
  onRequestFinished(listener: (entry: DevtoolsEntry) => void): void;
  onNavigated(listener: (url: string) => void): void;
  /** The entries DevTools recorded so far, including those from before our listener existed. */
  getHar(): Promise<readonly DevtoolsEntry[]>;
  /** The response body, or null when DevTools no longer has it. */
  getContent(entry: DevtoolsEntry): Promise<RawContent | null>;
}
