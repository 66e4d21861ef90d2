import { describe, expect, it } from 'vitest';
import { readBody } from '../core/body.ts';
import { storeBody } from './stored-body.ts';

// Seed 004 (GPU Outlet) error envelope.
const GPU_OUTLET = JSON.stringify({ error: 'rate_limited', message: 'Over 100 req/min on this session', details: { limit: 100 } });
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('storeBody', () => {
  it('keeps a base64 JSON body as base64, which the decoder reads as the JSON', () => {
    const { body, captureNote } = storeBody({ text: base64(GPU_OUTLET), encoding: 'base64' }, 'application/json', 256 * 1024);
    expect(captureNote).toBeNull();
    expect(body === null ? null : readBody(body).text).toBe(GPU_OUTLET);
  });

  it('keeps an AWS JSON-protocol body (application/x-amz-json-1.0), which Firefox hands over as base64', () => {
    // envelopes.md §A11: DynamoDB throttling on HTTP 400.
    const aws = JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException', message: 'Rate of requests exceeds the allowed throughput.' });
    const { body, captureNote } = storeBody({ text: base64(aws), encoding: 'base64' }, 'application/x-amz-json-1.0', 256 * 1024);
    expect(captureNote).toBeNull();
    expect(body === null ? null : readBody(body).text).toBe(aws);
  });

  it('cuts a long base64 body on a boundary the decoder still reads', () => {
    const long = `{"error":"internal_error","message":"${'é'.repeat(3000)}"}`;
    const { body, captureNote } = storeBody({ text: base64(long), encoding: 'base64' }, 'application/json', 1000);
    expect(captureNote).toMatch(/truncated/);
    expect(body === null ? null : readBody(body).text).toMatch(/^\{"error":"internal_error","message":"éé/);
  });

  it('does not keep binary bodies, and says what they were', () => {
    const { body, captureNote } = storeBody({ text: Buffer.alloc(2048, 1).toString('base64'), encoding: 'base64' }, 'application/octet-stream', 256 * 1024);
    expect(body).toBeNull();
    expect(captureNote).toBe('Body not kept: 2 KB of binary data (application/octet-stream).');
  });

  it('treats an empty body as no body, with nothing to explain', () => {
    expect(storeBody({ text: '' }, 'application/json', 1024)).toEqual({ body: null, captureNote: null });
  });
});
