import { describe, expect, it } from 'vitest';
import { urlShape } from './url-template.ts';

describe('urlShape: one template per endpoint', () => {
  it.each([
    // GitHub REST: /repos/{owner}/{repo}/issues/{issue_number} — names stay, the number goes (docs.github.com/rest/issues)
    ['https://api.github.com/repos/octocat/hello-world/issues/1347', '/repos/octocat/hello-world/issues/:id'],
    // Discord snowflakes are 64-bit integers in decimal (discord.com/developers/docs/reference#snowflakes)
    ['https://discord.com/api/v10/channels/1234567890123456789/messages', '/api/v10/channels/:id/messages'],
    // Stripe ids carry a type prefix, checkout sessions two (docs.stripe.com/api; gist fnky/76f533366f75cf75802c8052b577e2a5)
    ['https://api.stripe.com/v1/customers/cus_NffrFeUfNV2Hib', '/v1/customers/:id'],
    ['https://api.stripe.com/v1/checkout/sessions/cs_test_a1B2c3D4e5F6g7', '/v1/checkout/sessions/:id'],
    // HostUp VPS ids (seed hostup) and Pterodactyl's 8-hex server identifiers (seed pterodactyl)
    ['https://api.hostup.example/api/v2/vps/vps_abc123', '/api/v2/vps/:id'],
    ['https://panel.example/api/client/servers/1a7ce997', '/api/client/servers/:hash'],
    // RFC 9562 UUIDs, MongoDB ObjectIds (12 bytes as 24 hex), sha256 content addresses (OCI registry blobs)
    ['https://api.example.test/v1/jobs/f81d4fae-7dec-11d0-a765-00a0c91e6bf6/logs', '/v1/jobs/:uuid/logs'],
    ['https://api.example.test/items/507f1f77bcf86cd799439011', '/items/:hash'],
    ['https://registry.example/v2/app/blobs/sha256:abc', '/v2/app/blobs/sha256:abc'],
    // ULIDs: 26 Crockford base32 characters (github.com/ulid/spec)
    ['https://api.example.test/orders/01ARZ3NDEKTSV4RRFFQ69G5FAV', '/orders/:id'],
    // Dates and emails in the path
    ['https://api.example.test/reports/2024-05-01/summary', '/reports/:date/summary'],
    ['https://api.example.test/users/alice%40example.com/keys', '/users/:email/keys'],
    ['https://api.example.test/users/alice@example.com', '/users/:email'],
  ])('%s → %s', (url, template) => {
    expect(urlShape(url).template).toBe(template);
  });

  it('keeps the query keys (sorted, once) and drops their values, which may be ids or secrets', () => {
    expect(urlShape('https://api.example.test/v1/search?q=shoes&page=2&api_key=sk_live_123&page=3')).toEqual({
      host: 'api.example.test',
      template: '/v1/search?api_key&page&q',
    });
  });

  it('keeps slugs of words and numbers and API versions: they name the endpoint', () => {
    expect(urlShape('http://127.0.0.1:8787/api/fx/stripe-500-should-not-retry').template).toBe('/api/fx/stripe-500-should-not-retry');
    // Google's versions mix letters and digits but are short (cloud.google.com/apis/design/versioning)
    expect(urlShape('https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-pro').template).toBe('/v1beta/models/gemini-1.5-pro');
    // a nanoid (21 characters of A-Za-z0-9_-, github.com/ai/nanoid) is an id
    expect(urlShape('https://api.example.test/links/V1StGXR8_Z5jdHi6B-myT').template).toBe('/links/:id');
  });

  it('keeps words, versions and short names: they name the endpoint', () => {
    expect(urlShape('http://127.0.0.1:8787/api/v2/oauth/token').template).toBe('/api/v2/oauth/token');
    expect(urlShape('http://127.0.0.1:8787/api/v2/oauth/token').host).toBe('127.0.0.1:8787');
  });

  it('gives an unparseable URL back as it is, without query or host', () => {
    expect(urlShape('not a url?secret=1')).toEqual({ host: '', template: 'not a url' });
  });
});
