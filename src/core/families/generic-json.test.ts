import { describe, expect, it } from 'vitest';
import { genericJson } from './generic-json.ts';
import { bodyView } from './test-view.ts';

const match = (body: string, status = 500) => genericJson.match(bodyView(body, { status }));

describe('generic JSON fallback', () => {
  it('reads a bare message with the weakest strength', () => {
    expect(match('{"message":"Missing Authentication Token"}', 403)).toEqual({
      family: 'generic-json',
      strength: 1,
      fields: { code: null, message: 'Missing Authentication Token', fieldErrors: [], requestId: null, docsUrl: null },
    });
  });

  it('prefers the shallowest message and code, and ignores a code that only echoes the status', () => {
    const found = match('{"status":500,"code":500,"result":{"err":{"code":"LEDGER_DOWN","message":"Ledger unavailable"}},"meta":{"x":{"y":{"message":"deeper"}}}}');
    expect(found?.fields).toMatchObject({ code: 'LEDGER_DOWN', message: 'Ledger unavailable' });
  });

  it('tells a code-shaped error from a sentence', () => {
    expect(match('{"error":"upstream_timeout"}')?.fields).toMatchObject({ code: 'upstream_timeout', message: null });
    expect(match('{"reason":"Upstream timed out"}')?.fields).toMatchObject({ code: null, message: 'Upstream timed out' });
  });

  it('finds a list of field errors and keeps the path as the API wrote it', () => {
    const found = match('{"data":null,"problems":[{"field":"items[0].qty","message":"must be positive","code":"min"}]}', 422);
    expect(found?.fields.fieldErrors).toEqual([{ path: 'items[0].qty', message: 'must be positive', code: 'min' }]);
  });

  it('reads a top-level list of sentences', () => {
    expect(match('["Name is required"]', 400)?.fields.message).toBe('Name is required');
  });

  it('returns null below 400, for non-JSON, and when nothing readable is found', () => {
    expect(match('{"message":"ok"}', 200)).toBeNull();
    expect(genericJson.match(bodyView('oops', { status: 500 }))).toBeNull();
    expect(match('{"foo":1,"bar":[true,false]}')).toBeNull();
  });

  it('stays bounded on 100 000 levels of nesting and on huge lists', () => {
    const deep = `${'{"a":'.repeat(100_000)}{"message":"too deep"}${'}'.repeat(100_000)}`;
    const wide = JSON.stringify({ items: Array.from({ length: 200_000 }, (_, i) => ({ id: i })) });
    const started = performance.now();
    expect(match(deep)).toBeNull();
    expect(match(wide)).toBeNull();
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('treats __proto__ and constructor keys as plain data', () => {
    expect(match('{"__proto__":{"message":"from proto"},"constructor":{"code":"ctor"}}')?.fields).toMatchObject({ message: 'from proto', code: 'ctor' });
    expect(({} as Record<string, unknown>)['message']).toBeUndefined();
  });
});
