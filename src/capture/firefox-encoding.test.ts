import { describe, expect, it } from 'vitest';
import { readBody } from '../core/body.ts';
import { firefoxEncoding } from './firefox-encoding.ts';

// envelopes.md §A11: DynamoDB throttling, served as application/x-amz-json-1.0.
const AWS = JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException', message: 'Rate of requests exceeds the allowed throughput.' });
const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

describe('firefoxEncoding', () => {
  it('recognises the base64 Firefox hands over for a media type it does not count as text', () => {
    const text = base64(AWS);
    const encoding = firefoxEncoding(text, 'application/x-amz-json-1.0', undefined);
    expect(encoding).toBe('base64');
    expect(readBody({ text, encoding }).text).toBe(AWS);
  });

  it('leaves the same body alone when Firefox sent it as text', () => {
    expect(firefoxEncoding(AWS, 'application/x-amz-json-1.0', undefined)).toBeUndefined();
  });

  it('never reinterprets bodies of text media types, even when they look like base64', () => {
    for (const mime of ['text/plain', 'application/json', 'application/problem+json', 'application/xml; charset=utf-8']) {
      expect(firefoxEncoding('QUJDRA==', mime, undefined)).toBeUndefined();
    }
  });

  it('keeps an encoding the entry declares', () => {
    expect(firefoxEncoding('anything', 'application/json', 'base64')).toBe('base64');
  });
});
