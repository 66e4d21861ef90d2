import type { DecodedError } from '../../core/model.ts';
import type { Engine } from '../engine/engine.ts';
import type { Theme } from '../source.ts';

/** An error an open DevTools panel decoded, as the extension relays it to the popup. */
export interface RecentError {
  readonly url: string;
  readonly method: string;
  readonly status: number;
  readonly decoded: DecodedError;
}

/** Receives the whole current list on every delivery, newest first. */
export type RecentErrorsListener = (errors: readonly RecentError[]) => void;

export interface PopupDeps {
  /** Looks codes up and decodes pasted responses: the engine worker in the extension, in-thread in tests. */
  readonly engine: Engine;
  /**
   * Subscribes to the last errors the open DevTools panels have seen: delivers the current list at once
   * (or as soon as it is known), then again whenever it changes. Returns a function that unsubscribes.
   */
  readonly recentErrors: (listener: RecentErrorsListener) => () => void;
  /** Forces a theme; when omitted the popup follows the browser's prefers-color-scheme, live. */
  readonly theme?: Theme | undefined;
}
