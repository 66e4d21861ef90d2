import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.ts';
import type { Exchange } from '../exchange.ts';
import type { FamilyId } from '../model.ts';

function formatOf(body: string, status = 400, responseHeaders: Exchange['responseHeaders'] = []): FamilyId | undefined {
  return analyze({
    method: 'GET',
    url: 'https://api.example.test/v1/things',
    requestHeaders: [],
    status,
    responseHeaders,
    body: { text: body },
    mimeType: 'application/json',
    receivedAt: Date.UTC(2026, 10, 22),
  }).error?.format;
}

// the look-alikes a naive detector mislabels, each decoded as its own family.
describe('look-alike envelopes', () => {
  it.each([
    ['{"code":"not_found","message":"user 42 not found"}', 'connect'],
    ['{"code":"23505","details":"Key (id)=(1) already exists.","hint":null,"message":"duplicate key"}', 'postgrest'],
    ['{"code":20404,"message":"Not found","more_info":"https://www.twilio.com/docs/errors/20404","status":404}', 'twilio'],
    ['{"message":"The name field is required.","errors":{"name":["The name field is required."]}}', 'laravel'],
    ['{"errors":{"title":["can\'t be blank"]}}', 'shopify'],
    ['{"errorMessages":[],"errors":{"summary":"must not be empty"}}', 'jira'],
    ['{"detail":[{"loc":["body","name"],"msg":"Field required","type":"missing"}]}', 'fastapi'],
    ['{"detail":"Not found."}', 'drf'],
    ['{"statusCode":400,"message":["price must be a number"],"error":"Bad Request"}', 'nestjs'],
    ['{"timestamp":"2025-03-02T10:15:30.123+00:00","status":404,"error":"Not Found","path":"/api/x"}', 'spring-legacy'],
    ['{"errcode":"M_FORBIDDEN","error":"You are not invited to this room."}', 'matrix'],
    ['{"error":"invalid_grant","error_description":"Refresh token expired"}', 'oauth'],
    ['{"error":{"root_cause":[{"type":"x","reason":"y"}],"type":"x","reason":"y"},"status":400}', 'elasticsearch'],
    ['{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"nope","reason":"Forbidden","code":403}', 'kubernetes'],
    ['[{"message":"duplicate field selected: Id","errorCode":"INVALID_FIELD"}]', 'salesforce'],
    ['{"errorCode":"E0000011","errorSummary":"Invalid token provided","errorLink":"E0000011","errorId":"oae1","errorCauses":[]}', 'okta'],
    ['{"code":422,"error_code":"weak_password","msg":"Password should be at least 6 characters"}', 'supabase-auth'],
    ['{"error":"rental_not_found","message":"No rental with that ID owned by you","details":{}}', 'simple'],
    ['{"message":"Missing Authentication Token"}', 'generic-json'],
  ] as const)('%s → %s', (body, family) => {
    expect(formatOf(body)).toBe(family);
  });

  it('decodes {code, message} as AWS only when AWS headers say so', () => {
    expect(formatOf('{"code":"ValidationException","message":"bad"}', 400, [{ name: 'x-amzn-RequestId', value: 'r-1' }])).toBe('aws-json');
  });

  it('does not call a Kubernetes Success Status an error family', () => {
    expect(formatOf('{"kind":"Status","apiVersion":"v1","status":"Success","code":200}', 404)).not.toBe('kubernetes');
  });
});
