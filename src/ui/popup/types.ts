import type { RecentErrorsListener } from '../../protocol/relay.ts';
import type { Engine } from '../../protocol/engine.ts';
import type { Theme } from '../../protocol/capture.ts';

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
