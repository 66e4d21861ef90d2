import { describe, expect, it } from 'vitest';
import { shrinkJson } from './shrink-json.ts';

// A Kubernetes Status (envelopes.md, kubernetes family) whose message is followed by a huge causes list, as
// an admission webhook rejecting a large manifest answers.
const STATUS = {
  kind: 'Status',
  apiVersion: 'v1',
  status: 'Failure',
  message: 'admission webhook "validate.example.com" denied the request',
  reason: 'Invalid',
  details: { causes: Array.from({ length: 20_000 }, (_, i) => ({ field: `spec.containers[${i}].image`, message: 'image must be pinned by digest' })) },
  code: 422,
};

describe('shrinkJson', () => {
  it('keeps the envelope members whole and cuts the bulk to fit the cap', () => {
    const text = JSON.stringify(STATUS);
    expect(text.length).toBeGreaterThan(1_000_000);
    const shrunk = shrinkJson(text, 256 * 1024);
    expect(shrunk?.complete).toBe(true);
    expect(shrunk?.text.length).toBeLessThanOrEqual(256 * 1024);
    const value = JSON.parse(shrunk?.text ?? '') as typeof STATUS;
    expect([value.kind, value.message, value.reason, value.code]).toEqual([STATUS.kind, STATUS.message, STATUS.reason, 422]);
    expect(value.details.causes[0]).toEqual(STATUS.details.causes[0]);
  });

  it('reads a body that was cut before its end from its complete part', () => {
    const text = JSON.stringify(STATUS).slice(0, 600_000);
    const shrunk = shrinkJson(text, 64 * 1024);
    expect(shrunk?.complete).toBe(false);
    expect((JSON.parse(shrunk?.text ?? '') as typeof STATUS).message).toBe(STATUS.message);
  });

  it('keeps a __proto__ member a plain member', () => {
    const shrunk = shrinkJson(`{"__proto__":{"polluted":true},"message":"${'m'.repeat(10_000)}"}`, 2048);
    const value = JSON.parse(shrunk?.text ?? '') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'message']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('gives up on what is not a JSON object or list', () => {
    expect(shrinkJson('<html>'.repeat(1000), 100)).toBeNull();
    expect(shrinkJson(JSON.stringify('s'.repeat(1000)), 100)).toBeNull();
  });
});
