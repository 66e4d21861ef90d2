import { describe, expect, it } from 'vitest';
import { decodeResponse } from './test-exchange.ts';

describe('slack', () => {
  it('reports ok:false in a 200 as an error', () => {
    const error = decodeResponse(200, { ok: false, error: 'not_in_channel' });
    expect(error).toMatchObject({ format: 'slack', code: 'not_in_channel', message: 'Not in channel', errorIn2xx: true });
  });

  it('does not report successes, warnings included', () => {
    expect(decodeResponse(200, { ok: true })).toBeNull();
    expect(decodeResponse(200, { ok: true, warning: 'missing_charset', response_metadata: { warnings: ['missing_charset'] } })).toBeNull();
    expect(decodeResponse(200, { ok: false, error: { type: 'x' } })).toBeNull();
  });
});
