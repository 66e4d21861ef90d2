import { describe, expect, it } from 'vitest';
import { decodeGrpcMessage, grpcWeb } from './grpc-web.ts';
import { bodyView } from './test-view.ts';

describe('gRPC-Web status headers', () => {
  it('percent-decodes UTF-8 and tolerates bad encodings', () => {
    expect(decodeGrpcMessage('caf%C3%A9%20ok')).toBe('café ok');
    expect(decodeGrpcMessage('100%')).toBe('100%');
    expect(decodeGrpcMessage('bad %zz and %FF')).toBe('bad %zz and \uFFFD');
    expect(decodeGrpcMessage('ünïcode')).toBe('ünïcode');
  });

  it('names the code and reads the retry pushback', () => {
    const match = grpcWeb.match(bodyView('', { status: 429, mime: 'application/grpc-web+proto', headers: { 'grpc-status': '8', 'grpc-retry-pushback-ms': '250' } }));
    expect(match).toMatchObject({ strength: 3, fields: { code: 'RESOURCE_EXHAUSTED', message: null, retryDelayMs: 250, notRetryable: false } });
  });

  it('reads a negative pushback as "do not retry"', () => {
    const match = grpcWeb.match(bodyView('', { status: 503, headers: { 'grpc-status': '14', 'grpc-retry-pushback-ms': '-1' } }));
    expect(match?.fields).toMatchObject({ retryDelayMs: null, notRetryable: true });
  });

  it('ignores OK and malformed statuses', () => {
    expect(grpcWeb.match(bodyView('', { status: 502, headers: { 'grpc-status': '0' } }))).toBeNull();
    expect(grpcWeb.match(bodyView('', { status: 502, headers: { 'grpc-status': '014' } }))).toBeNull();
    expect(grpcWeb.match(bodyView('', { status: 502, headers: { 'grpc-status': 'x' } }))).toBeNull();
  });
});
