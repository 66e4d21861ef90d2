import { describe, expect, it } from 'vitest';
import { decodeResponse } from './test-exchange.ts';

describe('jsend', () => {
  it('keeps the code of an error', () => {
    const error = decodeResponse(200, { status: 'error', message: 'Database unavailable', code: 503, data: { retry: true } });
    expect(error).toMatchObject({ format: 'jsend', code: '503', message: 'Database unavailable', errorIn2xx: true });
  });

  it('does not report success or other `status` fields', () => {
    expect(decodeResponse(200, { status: 'success', data: { post: { id: 1 } } })).toBeNull();
    expect(decodeResponse(200, { status: 'error' })).toBeNull();
    expect(decodeResponse(200, { status: 'fail', data: {}, items: [] })).toBeNull();
  });
});
