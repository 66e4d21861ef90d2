import type { DelaySource } from '../model.ts';

/** A delay before which retrying is pointless, measured from the moment the response was received. */
export interface DelayReading {
  readonly afterMs: number;
  readonly source: DelaySource;
  /** False when the unit was inferred or the delay was read from a sentence. */
  readonly exact: boolean;
}
