import { describe, expect, it } from 'vitest';
import { readRefillWait } from './refill.ts';

/** Shopify GraphQL Admin API's cost extension (shopify.dev/docs/api/usage/rate-limits), with the figures varied. */
const shopify = (requestedQueryCost: number, currentlyAvailable: number, restoreRate: number): unknown => ({
  errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }],
  extensions: { cost: { requestedQueryCost, actualQueryCost: null, throttleStatus: { maximumAvailable: 1000.0, currentlyAvailable, restoreRate } } },
});

describe('readRefillWait', () => {
  it('waits for the shortfall at the refill rate: (752 − 666) ÷ 50 per second', () => {
    expect(readRefillWait(shopify(752, 666, 50))).toEqual({ afterMs: 1720, source: 'refill-rate', exact: false });
  });

  it('gives no wait when the bucket already holds the cost, or when it never refills', () => {
    expect(readRefillWait(shopify(50, 666, 50))).toBeNull();
    expect(readRefillWait(shopify(752, 666, 0))).toBeNull();
  });

  it('needs the cost: a bucket state alone does not say how long this request must wait', () => {
    expect(readRefillWait({ extensions: { cost: { throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 10, restoreRate: 50 } } } })).toBeNull();
  });

  it('stays bounded on a deeply nested body', () => {
    let deep: unknown = shopify(752, 666, 50);
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(readRefillWait(deep)).toBeNull();
  });
});
