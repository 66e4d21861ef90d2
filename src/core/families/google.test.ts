import { describe, expect, it } from 'vitest';
import { durationMs } from './google.ts';
import { decodeResponse } from './test-exchange.ts';

const detail = (name: string, fields: object) => ({ '@type': `type.googleapis.com/google.rpc.${name}`, ...fields });

describe('google', () => {
  it('parses protobuf durations and refuses anything else', () => {
    expect(durationMs('13s')).toBe(13_000);
    expect(durationMs('1.500s')).toBe(1500);
    expect(durationMs('57.238747106s')).toBe(57_239);
    expect(durationMs('-1s')).toBeNull();
    expect(durationMs('13')).toBeNull();
  });

  it('puts ErrorInfo.reason under the status, and Help/LocalizedMessage to use', () => {
    const error = decodeResponse(403, {
      error: {
        code: 403,
        status: 'PERMISSION_DENIED',
        message: 'Permission denied on resource project demo.',
        details: [
          detail('ErrorInfo', { reason: 'CONSUMER_INVALID', domain: 'googleapis.com' }),
          detail('Help', { links: [{ description: 'Console', url: 'https://console.cloud.google.com/apis' }] }),
          detail('RequestInfo', { requestId: 'abc123' }),
        ],
      },
    });
    expect(error?.format).toBe('google');
    expect(error?.code).toBe('PERMISSION_DENIED');
    expect(error?.subcode).toBe('CONSUMER_INVALID');
    expect(error?.docsUrl).toBe('https://console.cloud.google.com/apis');
    expect(error?.requestId).toBe('abc123');
  });

  it('falls back to LocalizedMessage when there is no message', () => {
    const error = decodeResponse(400, { error: { code: 400, status: 'INVALID_ARGUMENT', details: [detail('LocalizedMessage', { locale: 'en-US', message: 'Pick a shorter name.' })] } });
    expect(error?.message).toBe('Pick a shorter name.');
  });

  it('leaves a numeric code without Google markers (Meta, generic) to other families', () => {
    expect(decodeResponse(400, { error: { code: 400, message: 'bad' } })?.format).not.toMatch(/google/);
    expect(decodeResponse(400, { error: { code: 'BadArgument', message: 'bad', status: 'x' } })?.format).not.toMatch(/google/);
  });

  it('ignores hostile details: wrong types, __proto__ keys, a huge list', () => {
    const body = `{"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"slow down","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":7},{"__proto__":{"@type":"x"}},null,${'{"@type":"y"},'.repeat(50_000)}{}]}}`;
    const error = decodeResponse(429, body);
    expect(error?.format).toBe('google');
    expect(error?.message).toBe('slow down');
    expect(({} as Record<string, unknown>)['@type']).toBeUndefined();
  });
});
