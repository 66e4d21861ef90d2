import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.ts';
import { readGeneral } from './general-reader.ts';

const decode = (status: number, body: unknown, headers: Readonly<Record<string, string>> = {}) =>
  analyze({
    method: 'GET',
    url: 'https://api.example.test/v1/things',
    requestHeaders: [],
    status,
    responseHeaders: Object.entries({ 'Content-Type': 'application/json', ...headers }).map(([name, value]) => ({ name, value })),
    body: { text: typeof body === 'string' ? body : JSON.stringify(body) },
    mimeType: 'application/json',
    receivedAt: Date.UTC(2026, 10, 22, 12),
  }).error;

describe('the general reader', () => {
  it('fills Magento placeholders from the parameters the body gives, named and positional', () => {
    // Adobe Commerce (Magento 2) REST error format: "message" with %name placeholders and a "parameters" object or list
    // (r-martins.github.io/m1docs/guides/v2.3/get-started/gs-web-api-response.html; docs.beesline.com/erp-order-sync/error-format).
    expect(decode(401, { message: "The consumer isn't authorized to access %resources.", parameters: { resources: 'Magento_Sales::actions_view' } })?.message).toBe(
      "The consumer isn't authorized to access Magento_Sales::actions_view.",
    );
    expect(decode(400, { message: 'The "%1" value\'s type is invalid. The "%2" type was expected.', parameters: ['string', 'int'] })?.message).toBe(
      'The "string" value\'s type is invalid. The "int" type was expected.',
    );
    // A placeholder nothing fills stays as written.
    expect(decode(400, { message: 'Field {name} is required' })?.message).toBe('Field {name} is required');
  });

  it('reads Magento 1 errors nested under messages.error[]', () => {
    // Magento 1 REST (magentocommerce.com/api/rest/common_http_status_codes.html): {"messages":{"error":[{code, message}]}}.
    expect(decode(404, { messages: { error: [{ code: 404, message: 'Resource not found.' }] } })?.message).toBe('Resource not found.');
  });

  it('finds a request id and a docs link under the names vendors give them', () => {
    // Toast ErrorMessage schema (toastprereleaseperformance.redoc.ly … /schema/ErrorMessage): link, requestId, developerMessage.
    const error = decode(400, { status: 400, code: 10022, message: 'Invalid restaurant GUID', requestId: '4a1c2b3d-4e5f-6071-8293-a4b5c6d7e8f9', link: 'https://doc.toasttab.com/doc/devguide/apiErrors.html' });
    expect(error).toMatchObject({ code: '10022', requestId: '4a1c2b3d-4e5f-6071-8293-a4b5c6d7e8f9', docsUrl: 'https://doc.toasttab.com/doc/devguide/apiErrors.html' });
  });

  it('never takes the request URL echoed in the body for a docs link, nor an envelope marker for a code', () => {
    const error = decode(404, { type: 'error', object: 'error', url: 'https://api.example.test/v1/things', message: 'No such thing' });
    expect(error).toMatchObject({ code: null, docsUrl: null, message: 'No such thing' });
  });

  it('takes the type URL of problem details nested under error for the docs link, never about:blank or the request', () => {
    // Unkey v2 (www.mintlify.com/unkeyed/unkey/api/errors, Error Response Format): {meta: {requestId}, error: {title, detail, status, type, errors}}.
    const unkey = { title: 'Bad Request', detail: 'The resource you are attempting to modify is protected and cannot be changed', status: 400 };
    const type = 'https://unkey.com/docs/errors/unkey/application/protected_resource';
    expect(decode(400, { meta: { requestId: 'req_2c9a0jf23l4k567' }, error: { ...unkey, type } })).toMatchObject({ docsUrl: type, requestId: 'req_2c9a0jf23l4k567' });
    expect(decode(400, { error: { ...unkey, type: 'about:blank' } })?.docsUrl).toBe(null);
    expect(decode(400, { error: { ...unkey, type: 'https://api.example.test/v1/things' } })?.docsUrl).toBe(null);
    // A `type` URL outside a problem shape (no title or detail) is data, not documentation.
    expect(decode(400, { error: { message: 'Bad schema', type: 'https://schema.example.org/Thing' } })?.docsUrl).toBe(null);
  });

  it('keeps field paths as written and builds a pointer only from segments', () => {
    // Rails scaffold JSON (`render json: @model.errors`): a map of attribute → messages.
    expect(readGeneral({ errors: { 'user.name': ["can't be blank"], email: ['is invalid', 'is taken'] } }, 422).fieldErrors).toEqual([
      { path: 'user.name', message: "can't be blank" },
      { path: 'email', message: 'is invalid' },
      { path: 'email', message: 'is taken' },
    ]);
    expect(readGeneral({ detail: [{ loc: ['body', 'age'], msg: 'value is not a valid integer', type: 'type_error.integer' }] }, 422).fieldErrors).toEqual([
      { path: '/body/age', message: 'value is not a valid integer', code: 'type_error.integer' },
    ]);
  });

  it('reads request ids from vendor-prefixed headers by pattern, and CDN reference numbers from pages', () => {
    expect(decode(500, { message: 'boom' }, { 'x-acme-request-id': 'req_123' })?.requestId).toBe('req_123');
    // Akamai's "Access Denied" page prints the reference to quote to support.
    const page = '<HTML><HEAD><TITLE>Access Denied</TITLE></HEAD><BODY><H1>Access Denied</H1>Reference&#32;&#35;18&#46;2d351ab8&#46;1557333295&#46;a4e16ab</BODY></HTML>';
    const akamai = analyze({ method: 'GET', url: 'https://x.test/', requestHeaders: [], status: 403, responseHeaders: [{ name: 'Content-Type', value: 'text/html' }], body: { text: page.replaceAll('&#46;', '.') }, mimeType: 'text/html', receivedAt: 0 }).error;
    expect(akamai?.requestId).toBe('18.2d351ab8.1557333295.a4e16ab');
  });

  it('stays bounded on deep and wide bodies', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(5000)}{"message":"too deep"}${'}'.repeat(5000)}`) as unknown;
    const wide = { items: Array.from({ length: 200_000 }, (_, i) => ({ id: i, field: `f${i}`, message: 'x' })) };
    const started = performance.now();
    expect(readGeneral(deep, 500).message).toBeNull();
    expect(readGeneral(wide, 500).fieldErrors.length).toBeLessThanOrEqual(100);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('which code the general reader and the pipeline keep', () => {
  it('prefers the identifier in a JSON-RPC error\'s data to the reserved protocol code, and keeps the reserved code alone', () => {
    // tRPC (trpc.io/docs/server/error-handling): the JSON-RPC -32600 with the tRPC code in data.code.
    const trpc = { id: null, error: { message: '"password" must be at least 4 characters', code: -32600, data: { code: 'BAD_REQUEST', httpStatus: 400, path: 'user.changepassword' } } };
    expect(decode(400, trpc)?.code).toBe('BAD_REQUEST');
    // JSON-RPC 2.0 specification's own example: nothing names the error beyond the reserved code.
    expect(decode(200, { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid Request' }, id: null })?.code).toBe('-32600');
  });

  it('takes the HTTP status repeated as a number for the status, not a code, when the body names the error', () => {
    // SpotDX (docs.spotdx.com/docs/errors): {error: {code: 400, type, details[]}}.
    expect(decode(400, { error: { code: 400, type: 'bad_request', details: ['first_name: Field is required'] } })?.code).toBe('bad_request');
    // Foursquare v2 (docs.rs/foursquare Meta: code, errorType, errorDetail, requestId): the meta object of every answer.
    expect(decode(400, { meta: { code: 400, errorType: 'param_error', errorDetail: 'Must provide a valid user ID or self.', requestId: '5f3c1a' } })).toMatchObject({
      code: 'param_error',
      message: 'Must provide a valid user ID or self.',
      requestId: '5f3c1a',
    });
    // The echo alone is not turned into a code either.
    expect(decode(418, { code: 418, message: 'I refuse' })?.code).toBe(null);
  });

  it('prefers an error reason to a one- or two-digit number of the same object, but keeps a vendor numeric code', () => {
    // Mambu v2 (docs.mambu.com/api/api-v2/processexecutions/schemas/errorresponse/) and v1, where the number is text
    // (docs.mambu.com/api/pages/api-v1/responses/).
    expect(decode(400, { errors: [{ errorCode: 1, errorReason: 'INVALID_PARAMETERS', errorSource: 'filterCriteria[0].field' }] })?.code).toBe('INVALID_PARAMETERS');
    expect(decode(400, { errorCode: '4', errorSource: 'Property scheduleSettings.repaymentInstallments may not be null', errorReason: 'INVALID_PARAMETERS' })?.code).toBe(
      'INVALID_PARAMETERS',
    );
    // Discord's 50035, Ably's 40020 and JSON-RPC's -32600 are code spaces of their own and have no text alternative.
    expect(decode(400, { code: 50035, message: 'Invalid Form Body', errors: {} })?.code).toBe('50035');
    expect(decode(400, { error: { message: 'Batched response includes errors', code: 40020, statusCode: 400, href: 'https://help.ably.io/error/40020' } })?.code).toBe('40020');
    expect(decode(400, { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid Request' }, id: null })?.code).toBe('-32600');
    // A class name under `type` does not displace a vendor's small real code (Meta Graph API: code 4, OAuthException).
    expect(decode(400, { error: { message: 'Application request limit reached', type: 'OAuthException', code: 4 } })?.code).toBe('4');
  });
});

describe('errors inside 2xx', () => {
  it('reports an error object under a wrapper, a false success flag and a failed bulk item', () => {
    expect(decode(200, { Response: { Error: { Code: 'AuthFailure', Message: 'Signature expired' }, RequestId: 'r-1' } })).toMatchObject({ format: 'generic-in-2xx', code: 'AuthFailure', errorIn2xx: true });
    // Elasticsearch _bulk: errors: true, and the failed item's reason (elastic.co docs, Bulk API response body).
    const bulk = decode(200, { took: 30, errors: true, items: [{ index: { _id: '1', status: 201 } }, { create: { _id: '2', status: 409, error: { type: 'version_conflict_engine_exception', reason: '[2]: version conflict, document already exists' } } }] });
    expect(bulk).toMatchObject({ title: '1 of 2 items failed', message: '[2]: version conflict, document already exists', code: 'version_conflict_engine_exception' });
  });

  it('does not report successes that merely look like errors', () => {
    for (const body of [{ success: true, errors: [] }, { error: [] }, { errors: false, data: 1 }, { results: [{ id: 1, error: null }] }, { id: 'ord_1', status: 'failed', amount: 10 }, { code: 0, msg: 'success', data: {} }]) {
      expect(decode(200, body), JSON.stringify(body)).toBeNull();
    }
  });

  it('explains a bodiless 401 from its WWW-Authenticate challenge', () => {
    const error = analyze({ method: 'GET', url: 'https://x.test/', requestHeaders: [], status: 401, responseHeaders: [{ name: 'WWW-Authenticate', value: 'Bearer error="invalid_token", error_description="The access token expired"' }], body: null, mimeType: '', receivedAt: 0 }).error;
    expect(error).toMatchObject({ code: 'invalid_token', message: 'The access token expired', retry: { retryable: false } });
    expect(error?.advice).toMatch(/^Re-authenticate/);
  });
});
