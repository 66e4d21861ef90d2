import type { DevtoolsEntry } from './network.ts';

/**
 * Which requests DevTools reported are already recorded, so that a getHAR() snapshot adds only what
 * onRequestFinished never reported (DevTools gives extensions no request id, and builds the live entry
 * and the HAR entry of one request separately). A key names a request by its start, method and URL;
 * two concurrent identical requests can share it, so the ledger counts: a snapshot holding a key three
 * times when two were recorded has one request left to add. Nothing is ever merged by key alone.
 */
export function requestKey(entry: DevtoolsEntry): string {
  return `${entry.startedDateTime} ${entry.request.method} ${entry.request.url}`;
}

interface Count {
  count: number;
  /** The ledger's clock when the key was last counted, to prune only keys a snapshot could have held. */
  stamp: number;
}

export class RequestLedger {
  readonly #counts = new Map<string, Count>();
  readonly #maxKeys: number;
  #clock = 0;
  /** Start (epoch ms) of the newest request forgotten for room: snapshot entries this old are taken as recorded. */
  #floor = -Infinity;

  constructor(maxKeys: number) {
    this.#maxKeys = maxKeys;
  }

  /** The ledger's clock now; pass it to prune() with the snapshot asked for after it. */
  now(): number {
    return this.#clock;
  }

  add(entry: DevtoolsEntry): void {
    const key = requestKey(entry);
    const count = this.#counts.get(key);
    this.#counts.delete(key); // re-inserted last: Map order is then least recently counted first
    this.#counts.set(key, { count: (count?.count ?? 0) + 1, stamp: ++this.#clock });
    if (this.#counts.size <= this.#maxKeys) return;
    const oldest = this.#counts.keys().next().value;
    if (oldest === undefined) return;
    this.#counts.delete(oldest);
    this.#floor = Math.max(this.#floor, Date.parse(oldest.slice(0, oldest.indexOf(' '))));
  }

  /** The entries of a snapshot not recorded yet, each with a name unique within the snapshot (`key#n`). */
  unrecorded(snapshot: readonly DevtoolsEntry[]): { readonly entry: DevtoolsEntry; readonly name: string }[] {
    const inSnapshot = new Map<string, number>();
    const found: { entry: DevtoolsEntry; name: string }[] = [];
    for (const entry of snapshot) {
      if (this.#floor > -Infinity && !(Date.parse(entry.startedDateTime) > this.#floor)) continue;
      const key = requestKey(entry);
      const nth = (inSnapshot.get(key) ?? 0) + 1;
      inSnapshot.set(key, nth);
      if (nth > (this.#counts.get(key)?.count ?? 0)) found.push({ entry, name: `${key}#${nth}` });
    }
    return found;
  }

  /**
   * Forgets keys a snapshot no longer holds (DevTools cleared its log on navigation) that were counted
   * before the snapshot was asked for (`asOf`); later ones may simply not be in it yet.
   */
  prune(snapshot: readonly DevtoolsEntry[], asOf: number): void {
    const held = new Set(snapshot.map(requestKey));
    for (const [key, { stamp }] of this.#counts) if (stamp <= asOf && !held.has(key)) this.#counts.delete(key);
  }
}
