import { signal, type ReadonlySignal } from '@preact/signals';

/**
 * The popup's one clock: a single timer updates `now` once a second and every countdown reads it, so
 * all countdowns tick together and only the components that show one re-render.
 */
export interface Clock {
  readonly now: ReadonlySignal<number>;
  stop(): void;
}

export function startClock(tickMs = 1000): Clock {
  const now = signal(Date.now());
  const timer = setInterval(() => {
    now.value = Date.now();
  }, tickMs);
  return { now, stop: () => clearInterval(timer) };
}
