import { describe, expect, it } from 'vitest';
import { simple } from './simple.ts';
import { bodyView } from './test-view.ts';

const fields = (body: unknown) => simple.match(bodyView(JSON.stringify(body)))?.fields;

describe('simple envelope', () => {
  it('reads a snake_case, dotted or UPPER_SNAKE error as the code and leaves the sentence to the pipeline when there is none', () => {
    expect(fields({ error: 'forbidden' })).toMatchObject({ code: 'forbidden', message: null });
    expect(fields({ error: 'card.declined', message: 'Declined' })).toMatchObject({ code: 'card.declined', message: 'Declined' });
    expect(fields({ error: 'RATE_LIMITED' })).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('reads a prose error as the message, or as the title when a message explains it', () => {
    expect(fields({ error: 'Unauthorized' })).toMatchObject({ code: null, message: 'Unauthorized' });
    expect(fields({ error: 'Not Found', message: 'No route GET /x' })).toMatchObject({ code: null, title: 'Not Found', message: 'No route GET /x' });
  });

  it('names the scope a 403 says is missing, at the top level or in details', () => {
    expect(fields({ error: 'Missing scope', details: { requiredScope: 'servers:write' } })?.missingScope).toBe('servers:write');
  });

  it('treats {error:{message}} alone as weak but {success:false, error} as distinctive', () => {
    expect(simple.match(bodyView('{"error":{"message":"Boom"}}'))?.strength).toBe(1);
    expect(simple.match(bodyView('{"success":false,"error":{"message":"Boom"}}'))?.strength).toBe(2);
  });

  it('ignores members of the wrong type instead of failing the body', () => {
    expect(fields({ error: 'bad_input', message: 42, details: 'nope', requestId: {} })).toMatchObject({ code: 'bad_input', message: null, fieldErrors: [], requestId: null });
  });

  it('does not match bodies without an error member, or with an empty one', () => {
    expect(simple.match(bodyView('{"message":"x"}'))).toBeNull();
    expect(simple.match(bodyView('{"error":"  "}'))).toBeNull();
    expect(simple.match(bodyView('{"error":null}'))).toBeNull();
    expect(simple.match(bodyView('{"error":{}}'))).toBeNull();
  });

  it('keeps a __proto__ member in details as plain data', () => {
    const match = simple.match(bodyView('{"error":"Invalid","details":{"__proto__":{"polluted":true},"issues":[{"path":["a"],"message":"Required"}]}}'));
    expect(match?.fields.fieldErrors).toEqual([{ path: '/a', message: 'Required' }]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
