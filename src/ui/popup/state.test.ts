import { describe, expect, it } from 'vitest';
import { createPopupState } from './state.ts';

describe('popup state: the lazily loaded decoder', () => {
  it('says it is loading until the decoder is in, then decodes', async () => {
    const state = createPopupState();
    state.setPaste('HTTP/2 429\nretry-after: 3\n\n');
    expect(state.paste.value.kind).toBe('loading');
    await state.loadDecoder();
    const outcome = state.paste.value;
    expect(outcome.kind === 'decoded' && outcome.status).toBe(429);
  });

  it('says in one line that the decoder failed to load, instead of waiting forever', async () => {
    const state = createPopupState();
    await state.loadDecoder(() => Promise.reject(new Error('Failed to fetch dynamically imported module')));
    state.setPaste('{"error":"Rate limit exceeded.","retryAfterSeconds":12}');
    expect(state.paste.value).toEqual({ kind: 'unreadable', error: 'The decoder failed to load: Failed to fetch dynamically imported module' });
  });

  it('measures countdowns from the moment of the paste', async () => {
    let now = 1_000;
    const state = createPopupState(() => now);
    await state.loadDecoder();
    now = 5_000;
    state.setPaste('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 120\r\n\r\n');
    const outcome = state.paste.value;
    if (outcome.kind !== 'decoded') throw new Error(outcome.kind);
    expect(outcome.analysis.error?.retry.retryAt).toBe(5_000 + 120_000);
  });
});
