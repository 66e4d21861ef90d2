import type { EngineClient } from './engine.ts';
import { connectEngine, type EnginePort } from './client.ts';
import { handleRequest } from './handler.ts';

/** An engine client that also says when everything asked so far has been answered. */
export interface InThreadEngine extends EngineClient {
  /**
   * Resolves once nothing is waiting for an answer, including calls the callers' handlers made on
   * getting theirs (the panel sends its next batch when the previous one is answered).
   */
  settled(): Promise<void>;
}

/**
 * A port that answers on a microtask, in this thread, cloning both ways as postMessage does: tests
 * (happy-dom has no Worker) go through the same protocol, validation and cloning as the worker.
 */
function inThreadPort(): EnginePort {
  let listener: ((data: unknown) => void) | null = null;
  let closed = false;
  return {
    send(request) {
      const cloned = structuredClone(request);
      queueMicrotask(() => {
        if (!closed) listener?.(structuredClone(handleRequest(cloned)));
      });
    },
    onReply: (next) => {
      listener = next;
    },
    onFailure: () => undefined, // nothing here can fail to load
    close: () => {
      closed = true;
    },
  };
}

/** The engine in this thread: for tests and tools that have no worker. */
export function inThreadEngine(): InThreadEngine {
  const client = connectEngine(inThreadPort());
  const pending = new Set<Promise<unknown>>();
  const tracked = <Args extends unknown[], Result>(call: (...args: Args) => Promise<Result>) => {
    return (...args: Args): Promise<Result> => {
      const promise = call(...args);
      const done = (): void => void pending.delete(promise);
      pending.add(promise);
      promise.then(done, done);
      return promise;
    };
  };
  return {
    analyze: tracked(client.analyze),
    lookup: tracked(client.lookup),
    decodePaste: tracked(client.decodePaste),
    statusTitles: tracked(client.statusTitles),
    readHar: tracked(client.readHar),
    close: () => client.close(),
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
