import { signal, type ReadonlySignal } from '@preact/signals';

export interface Clock {
  /** Epoch ms, updated once per tick. Every countdown on screen reads this one signal. */
  readonly now: ReadonlySignal<number>;
  stop(): void;
}

/**
 * The single timer behind every countdown: one interval, one signal. Rows never start timers of their
 * own, so 10 000 rows cost one tick, and fake timers in tests move every countdown at once.
 */
export function startClock(periodMs = 1000): Clock {
  const now = signal(Date.now());
  const timer = setInterval(() => {
    now.value = Date.now();
  }, periodMs);
  return { now, stop: () => clearInterval(timer) };
}
