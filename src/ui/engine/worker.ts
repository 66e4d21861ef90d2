import { handleRequest } from './handler.ts';
import type { EngineReply } from '../../protocol/engine.ts';

/** The part of a dedicated worker's scope the engine uses (the project's `lib` is DOM, not WebWorker). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  postMessage(reply: EngineReply): void;
}

// The engine worker: requests are answered one at a time, in the order they arrive.
const scope = globalThis as unknown as WorkerScope;
scope.addEventListener('message', (event) => scope.postMessage(handleRequest(event.data)));
