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
    readonly content?: { readonly mimeType?: string; readonly text?: string; readonly encoding?: string };
  };
  /** Chrome only: DevTools' resource type (`fetch`, `xhr`, `image`, `script`…). Firefox leaves it out. */
  readonly _resourceType?: string;
}

/** A response body as DevTools returns it. */
export interface RawContent {
  readonly text: string;
  readonly encoding?: 'base64' | undefined;
}

export interface DevtoolsNetwork {
  onRequestFinished(listener: (entry: DevtoolsEntry) => void): void;
  onNavigated(listener: (url: string) => void): void;
  /** The entries DevTools recorded so far, including those from before our listener existed. */
  getHar(): Promise<readonly DevtoolsEntry[]>;
  /** The response body, or null when DevTools no longer has it. */
  getContent(entry: DevtoolsEntry): Promise<RawContent | null>;
}
