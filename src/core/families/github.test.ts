import { describe, expect, it } from 'vitest';
import { decodeResponse } from './test-exchange.ts';

describe('github', () => {
  it('keeps a custom item its own sentence and reads plain-string items', () => {
    const error = decodeResponse(422, {
      message: 'Validation Failed',
      errors: [{ resource: 'Issue', field: 'title', code: 'custom', message: 'title is too long (maximum is 256 characters)' }, 'Label does not exist'],
      documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
    });
    expect(error?.fieldErrors).toEqual([
      { path: 'title', message: 'title is too long (maximum is 256 characters)', code: 'custom' },
      { path: '', message: 'Label does not exist' },
    ]);
  });

  it('tells a rate-limit 403 from a permission 403', () => {
    const docs = 'https://docs.github.com/rest';
    const limited = decodeResponse(403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: docs });
    const denied = decodeResponse(403, { message: 'Resource not accessible by integration', documentation_url: docs });
    expect(limited?.retry.retryable).toBe(true);
    expect(denied?.retry.retryable).toBe(false);
  });

  it('does not claim Spring binding errors, whose items name no resource', () => {
    const error = decodeResponse(400, { timestamp: '2025-03-02T10:15:30.123+00:00', status: 400, error: 'Bad Request', message: 'Validation failed', errors: [{ field: 'email', defaultMessage: 'must not be blank', code: 'NotBlank' }], path: '/api/users' });
    expect(error?.format).not.toBe('github');
  });
});
