import { describe, expect, it } from 'vitest';
import { parseJson } from '../json.ts';
import { serializedIssues, validationFieldErrors } from './validation-issues.ts';

describe('Zod output as field errors', () => {
  it('reads an issues list with array and string paths, keeping the issue code', () => {
    expect(validationFieldErrors([{ code: 'too_small', path: ['items', 0, 'qty'], message: 'Too small' }, { path: 'email', message: 'Required' }])).toEqual([
      { path: '/items/0/qty', message: 'Too small', code: 'too_small' },
      { path: 'email', message: 'Required' },
    ]);
  });

  it('puts issues with an empty path (unrecognized_keys) on the whole document', () => {
    expect(validationFieldErrors({ issues: [{ code: 'unrecognized_keys', keys: ['x'], path: [], message: "Unrecognized key: 'x'" }] })).toEqual([
      { path: '', message: "Unrecognized key: 'x'", code: 'unrecognized_keys' },
    ]);
  });

  it('reads nested format() trees', () => {
    expect(validationFieldErrors({ _errors: [], address: { _errors: [], city: { _errors: ['Required'] } } })).toEqual([{ path: '/address/city', message: 'Required' }]);
  });

  it('is not fooled by objects that are not Zod output', () => {
    expect(validationFieldErrors({ id: 42 })).toBeNull();
    expect(validationFieldErrors([{ id: 1, name: 'x' }])).toBeNull();
    expect(validationFieldErrors('Required')).toBeNull();
  });

  it('keeps __proto__ field names as plain data', () => {
    const body = parseJson('{"_errors":[],"__proto__":{"_errors":["bad"]}}');
    expect(validationFieldErrors(body)).toEqual([{ path: '/__proto__', message: 'bad' }]);
    expect(({} as Record<string, unknown>)['_errors']).toBeUndefined();
  });

  it('stops at the depth limit on a deeply nested tree', () => {
    let tree: unknown = { _errors: ['deep'] };
    for (let i = 0; i < 5000; i++) tree = { _errors: [], a: tree };
    expect(validationFieldErrors(tree)).toBeNull();
  });

  it('reads a ZodError message that holds the issues as JSON text, and nothing from prose', () => {
    expect(serializedIssues('[{"code":"invalid_type","path":["name"],"message":"Expected string"}]')).toEqual([
      { path: '/name', message: 'Expected string', code: 'invalid_type' },
    ]);
    expect(serializedIssues('[not json')).toBeNull();
    expect(serializedIssues('Invalid body')).toBeNull();
  });
});
