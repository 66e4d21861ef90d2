import { describe, expect, it } from 'vitest';
import { flattenErrorTree } from './discord.ts';
import { decodeResponse } from './test-exchange.ts';

describe('discord', () => {
  it('flattens the _errors tree in document order, root errors at the empty pointer', () => {
    expect(
      flattenErrorTree({
        _errors: [{ code: 'DICT_TYPE_CONVERT', message: 'Only dictionaries may be used in a DictType' }],
        content: { _errors: [{ code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }] },
        embeds: { '0': { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 256 or fewer in length.' }] } } },
      }),
    ).toEqual([
      { path: '', message: 'Only dictionaries may be used in a DictType', code: 'DICT_TYPE_CONVERT' },
      { path: '/content', message: 'This field is required', code: 'BASE_TYPE_REQUIRED' },
      { path: '/embeds/0/title', message: 'Must be 256 or fewer in length.', code: 'BASE_TYPE_MAX_LENGTH' },
    ]);
  });

  it('stays bounded on an errors tree 10 000 deep and on a very wide one', () => {
    const deep = '{"code":50035,"message":"Invalid Form Body","errors":' + '{"a":'.repeat(10_000) + '{"_errors":[{"code":"X","message":"deep"}]}' + '}'.repeat(10_000) + '}';
    const started = performance.now();
    const error = decodeResponse(400, deep);
    expect(error?.format).toBe('discord');
    expect(error?.fieldErrors).toEqual([]);
    const wide = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`f${i}`, { _errors: [{ code: 'X', message: 'bad' }] }]));
    expect(flattenErrorTree(wide)).toHaveLength(100);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('treats __proto__ keys and malformed leaves as data', () => {
    const tree = JSON.parse('{"__proto__":{"_errors":[{"code":"P","message":"proto field"}]},"x":{"_errors":[7,{"message":3},{"code":"OK","message":"fine"}]}}') as unknown;
    expect(flattenErrorTree(tree)).toEqual([
      { path: '/__proto__', message: 'proto field', code: 'P' },
      { path: '/x', message: 'fine', code: 'OK' },
    ]);
  });

  it('does not claim other {code, message} bodies', () => {
    expect(decodeResponse(404, { code: 20404, message: 'Not found', more_info: 'https://www.twilio.com/docs/errors/20404', status: 404 })?.format).not.toBe('discord');
    expect(decodeResponse(400, { code: 'invalid_argument', message: 'bad' })?.format).not.toBe('discord');
  });
});
