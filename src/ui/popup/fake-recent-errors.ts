import type { PopupDeps } from './types.ts';
import type { RecentError, RecentErrorsListener } from '../../protocol/relay.ts';

export interface FakeRecentErrors {
  readonly subscribe: PopupDeps['recentErrors'];
  /** Delivers a new list to every subscriber, as the relay would when a panel decodes another error. */
  push(errors: readonly RecentError[]): void;
  readonly subscriberCount: number;
}

/** An in-memory stand-in for the extension's relay, for tests and the harness. */
export function fakeRecentErrors(initial: readonly RecentError[] = []): FakeRecentErrors {
  const listeners = new Set<RecentErrorsListener>();
  let current = initial;
  return {
    subscribe(listener) {
      listeners.add(listener);
      listener(current);
      return () => listeners.delete(listener);
    },
    push(errors) {
      current = errors;
      for (const listener of listeners) listener(errors);
    },
    get subscriberCount() {
      return listeners.size;
    },
  };
}
