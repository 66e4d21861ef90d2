import { describe, expect, it } from 'vitest';
import { connectEngine } from '../engine/client.ts';
import type { Engine } from '../../protocol/engine.ts';
import { inThreadEngine } from '../engine/in-thread.ts';
import { createPopupState } from './state.ts';

/** An engine whose script failed to load, as a worker reports it. */
function brokenEngine(): Engine {
  return connectEngine({
    send: () => undefined,
    onReply: () => undefined,
    onFailure: (listener) => listener('the decoding engine failed: Failed to fetch a worker script'),
    close: () => undefined,
  });
}

/** The in-thread engine, with the answers to the popup's lookups and pastes held until the test releases them. */
function heldEngine() {
  const engine = inThreadEngine();
  const held: (() => void)[] = [];
  const hold =
    <Args extends unknown[], Result>(call: (...args: Args) => Promise<Result>) =>
    (...args: Args): Promise<Result> =>
      call(...args).then((result) => new Promise<Result>((resolve) => held.push(() => resolve(result))));
  const release = async (index: number): Promise<void> => {
    await engine.settled();
    held.splice(index, 1)[0]?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { engine: { ...engine, lookup: hold(engine.lookup), decodePaste: hold(engine.decodePaste) }, release };
}

describe('popup state on the engine', () => {
  it('says it is decoding until the engine answers, then shows the outcome', async () => {
    const engine = inThreadEngine();
    const state = createPopupState(engine);
    state.setPaste('HTTP/2 429\nretry-after: 3\n\n');
    expect(state.paste.value.kind).toBe('loading');
    await engine.settled();
    const outcome = state.paste.value;
    expect(outcome.kind === 'decoded' && outcome.status).toBe(429);
  });

  it('says in one line that the decoder failed, instead of waiting forever', async () => {
    const state = createPopupState(brokenEngine());
    state.setPaste('{"error":"Rate limit exceeded.","retryAfterSeconds":12}');
    state.setQuery('429');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state.paste.value).toEqual({ kind: 'unreadable', error: 'The decoder failed: the decoding engine failed: Failed to fetch a worker script' });
    expect(state.lookupError.value).toBe('The lookup failed: the decoding engine failed: Failed to fetch a worker script');
  });

  it('measures countdowns from the moment of the paste', async () => {
    let now = 1_000;
    const engine = inThreadEngine();
    const state = createPopupState(engine, () => now);
    now = 5_000;
    state.setPaste('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 120\r\n\r\n');
    await engine.settled();
    const outcome = state.paste.value;
    if (outcome.kind !== 'decoded') throw new Error(outcome.kind);
    expect(outcome.analysis.error?.retry.retryAt).toBe(5_000 + 120_000);
  });

  it('re-decodes a body alone with the status picked for it', async () => {
    const engine = inThreadEngine();
    const state = createPopupState(engine);
    state.setPaste('{"error": "Rate limit exceeded.", "retryAfterSeconds": 12}');
    await engine.settled();
    state.setBodyStatus(429);
    await engine.settled();
    const outcome = state.paste.value;
    expect(outcome.kind === 'decoded' && [outcome.status, outcome.analysis.error?.retry.afterMs]).toEqual([429, 12_000]);
  });

  it('keeps the newest answer when an older one arrives after it', async () => {
    const { engine, release } = heldEngine();
    const state = createPopupState(engine);
    state.setQuery('vps_not_found');
    state.setQuery('429');
    state.setPaste('HTTP/2 404\n\n');
    state.setPaste('HTTP/2 503\n\n');
    await release(1); // the answer to "429"
    await release(0); // then the one to "vps_not_found"
    expect(state.answered.value).toBe('429');
    expect(state.results.value[0]?.key).toBe('429');
    await release(1); // the 503
    await release(0); // then the 404
    const outcome = state.paste.value;
    expect(outcome.kind === 'decoded' && outcome.status).toBe(503);
  });

  it('names the statuses offered for a body alone once the engine answers', async () => {
    const engine = inThreadEngine();
    const state = createPopupState(engine);
    await engine.settled();
    expect(state.statusTitles.value.get(429)).toBe('Too Many Requests');
    expect(state.statusTitles.value.get(422)).toBe('Unprocessable Content');
  });
});
