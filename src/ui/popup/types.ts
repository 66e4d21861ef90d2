import type { DecodedError } from '../../core/model.ts';
import type { Engine } from '../engine/engine.ts';
import type { Theme } from '../source.ts';

/**
 * A kind of error the open DevTools panels decoded (one per fingerprint, as the panel groups them), as
 * the extension relays it to the popup: the newest one, how many there were and since when.
 */
export interface RecentError {
  readonly url: string;
  readonly method: string;
  readonly status: number;
  readonly decoded: DecodedError;
  readonly count: number;
  /** Epoch ms of the first of them. */
  readonly firstAt: number;
}

/** Receives the whole current list on every delivery, the most recently seen first. */
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
