import { describe, expect, it } from 'vitest';
import { metaGraph } from './meta-graph.ts';
import { decodeResponse } from './test-exchange.ts';

function fieldsOf(json: unknown) {
  return metaGraph.match({ status: 400, mime: 'application/json', headers: new Map(), text: '', json, url: 'https://graph.facebook.com/v19.0/me' })?.fields;
}

describe('meta-graph', () => {
  it('flags the documented throttling codes and only those', () => {
    for (const code of [4, 17, 32, 613, 80001]) expect(fieldsOf({ error: { message: 'limit', type: 'OAuthException', code, fbtrace_id: 'A' } })?.throttled).toBe(true);
    expect(fieldsOf({ error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190, fbtrace_id: 'A' } })?.throttled).toBe(false);
  });

  it('shows the end-user title and keeps the subcode', () => {
    const error = decodeResponse(400, {
      error: { message: 'Invalid parameter', type: 'OAuthException', code: 100, error_subcode: 1487390, error_user_title: 'Adcreative Create Failed', error_user_msg: 'The image is too small.', fbtrace_id: 'B7' },
    });
    expect(error).toMatchObject({ format: 'meta-graph', code: '100', subcode: '1487390', title: 'Adcreative Create Failed', requestId: 'B7' });
  });

  it('leaves a numeric code without Meta markers alone', () => {
    expect(decodeResponse(400, { error: { code: 400, message: 'x' } })?.format).not.toBe('meta-graph');
  });
});
