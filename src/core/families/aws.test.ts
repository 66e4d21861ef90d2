import { describe, expect, it } from 'vitest';
import { sanitizeAwsErrorType } from './aws-errors.ts';
import { awsJson } from './aws-json.ts';
import { awsXml } from './aws-xml.ts';
import { bodyView } from './test-view.ts';

describe('AWS error types', () => {
  it('sanitizes Smithy error types', () => {
    expect(sanitizeAwsErrorType('aws.foo#FooError:http://internal.amazon.com/')).toBe('FooError');
    expect(sanitizeAwsErrorType('ValidationException')).toBe('ValidationException');
    expect(sanitizeAwsErrorType(':')).toBeNull();
  });
});

describe('AWS JSON', () => {
  it('reads the error type from the header when the body is empty', () => {
    const match = awsJson.match(bodyView('', { headers: { 'X-Amzn-ErrorType': 'AccessDeniedException:http://internal/' } }));
    expect(match).toMatchObject({ strength: 3, fields: { code: 'AccessDeniedException', message: null, throttled: false } });
  });

  it('prefers body code to __type, flags throttling codes and reads x-amz-retry-after (ms)', () => {
    const match = awsJson.match(
      bodyView('{"__type":"com.amazon#Other","code":"TooManyRequestsException","Message":"Slow down"}', { headers: { 'x-amz-retry-after': '1500' } }),
    );
    expect(match?.fields).toMatchObject({ code: 'TooManyRequestsException', message: 'Slow down', throttled: true, retryDelayMs: 1500 });
  });

  it('does not take a plain {code, message} without AWS headers', () => {
    expect(awsJson.match(bodyView('{"code":"not_found","message":"x"}'))).toBeNull();
  });
});

describe('AWS XML', () => {
  it('takes the code out of the Error element, not the envelope', () => {
    const match = awsXml.match(
      bodyView('<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>a &lt; b</Message></Error><RequestId>r-1</RequestId></ErrorResponse>', { mime: 'text/xml' }),
    );
    expect(match).toMatchObject({ strength: 3, fields: { code: 'InternalFailure', subcode: 'Receiver', message: 'a < b', requestId: 'r-1' } });
  });

  it('returns null for other XML, unclosed tags and hostile input', () => {
    expect(awsXml.match(bodyView('<feed><entry/></feed>', { mime: 'application/xml' }))).toBeNull();
    expect(awsXml.match(bodyView('<Error><Code>SlowDown<Message>x', { mime: 'application/xml' }))).toBeNull();
    const started = performance.now();
    expect(awsXml.match(bodyView(`<Error>${'<Code>'.repeat(200_000)}`, { mime: 'application/xml' }))).toBeNull();
    expect(awsXml.match(bodyView('<'.repeat(1024 * 1024), { mime: 'application/xml' }))).toBeNull();
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
