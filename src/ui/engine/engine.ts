import type { Engine } from '../../protocol/engine.ts';

/** An engine that holds a resource (a worker): close() ends it and fails calls still waiting. */
export interface EngineClient extends Engine {
  close(): void;
}
