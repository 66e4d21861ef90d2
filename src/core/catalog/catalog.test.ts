import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.ts';
import { findCode, lookup, statusEntry } from './index.ts';
import { catalogEntries } from './entries.ts';

const keysOf = (query: string, limit?: number): string[] => lookup(query, limit).map((e) => `${e.api}:${e.key}`);

describe('statusEntry', () => {
  it('names registered statuses with RFC 9110 wording', () => {
    expect(statusEntry(422).title).toBe('Unprocessable Content');
    expect(statusEntry(429)).toMatchObject({ title: 'Too Many Requests', retry: 'yes', category: 'Rate limit' });
    expect(statusEntry(429).advice).toMatch(/Retry-After/);
    expect(statusEntry(503).retry).toBe('yes');
  });

  it('knows the non-standard statuses seen in the wild', () => {
    expect(statusEntry(522)).toMatchObject({ api: 'Cloudflare', title: 'Connection Timed Out', retry: 'yes' });
    expect(statusEntry(524).retry).toBe('conditional');
    expect(statusEntry(499).api).toBe('nginx');
    expect(statusEntry(444).api).toBe('nginx');
    expect(statusEntry(419).api).toBe('Laravel');
    expect(statusEntry(529).title).toBe('Overloaded');
    expect(statusEntry(598).advice).toContain('may still have applied the request');
  });

  it('treats an unknown 4xy like 400 and 5xy like 500 (RFC 9110)', () => {
    expect(statusEntry(477)).toMatchObject({ title: 'Client error', retry: 'no', status: 477, key: '477' });
    expect(statusEntry(477).advice).toContain('400');
    expect(statusEntry(587)).toMatchObject({ title: 'Server error', retry: 'conditional' });
    expect(statusEntry(0).title).toBe('No response');
  });

  it('covers every status of the IANA registry', () => {
    const registered = [100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 306, 307, 308,
      400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429,
      431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511];
    for (const status of registered) expect(statusEntry(status).api, String(status)).toBe('HTTP');
    for (const status of [509, 520, 521, 523, 525, 526, 527, 530, 494, 495, 496, 497, 498, 420, 599]) expect(statusEntry(status).api, String(status)).not.toBe('HTTP');
  });
});

describe('findCode', () => {
  it('finds the seed code tables within their families', () => {
    expect(findCode('vps_not_found', { format: 'problem-details', status: 404 })).toMatchObject({ api: 'HostUp', title: 'VPS not found', docsUrl: 'https://developer.hostup.se/errors/vps_not_found' });
    expect(findCode('upstream_failed', { format: 'problem-details', status: 409 })).toMatchObject({ title: 'Proxy rule creation failed', status: 409 });
    expect(findCode('provider_pool_empty', { format: 'simple', status: 503 })?.advice).toMatch(/wait 30 seconds/i);
    expect(findCode('50014', { format: 'discord', status: 401 })?.title).toBe('Invalid authentication token');
    expect(findCode('ServerStateConflictException', { format: 'pterodactyl', status: 409 })?.retry).toBe('after-delay');
  });

  it('does not match a code outside the families that use it', () => {
    expect(findCode('vps_not_found', { format: 'simple', status: 404 })).toBeNull();
    expect(findCode('50035', { format: 'twilio', status: 400 })).toBeNull();
    expect(findCode('no_such_code', { format: 'simple', status: 400 })).toBeNull();
  });

  it('tells the same key apart by family and is case-insensitive', () => {
    expect(findCode('ValidationException', { format: 'pterodactyl', status: 422 })?.api).toBe('Pterodactyl');
    expect(findCode('validationexception', { format: 'aws-json', status: 400 })?.api).toBe('AWS');
    expect(findCode('RESOURCE_EXHAUSTED', { format: 'google', status: 429 })?.api).toBe('gRPC / Google');
    expect(findCode('resource_exhausted', { format: 'connect', status: 429 })?.api).toBe('Connect');
    expect(findCode('canceled', { format: 'connect', status: 499 })?.title).toBe('Cancelled');
    expect(findCode('ThrottlingException', { format: 'aws-json', status: 400 })?.category).toBe('Rate limit');
  });
});

describe('lookup', () => {
  it('answers a status with its HTTP meaning first, then the codes that come with it', () => {
    const hits = keysOf('429');
    expect(hits[0]).toBe('HTTP:429');
    expect(hits).toContain('GPU Outlet:rate_limited');
  });

  it('finds exact codes of every catalog, case-insensitively', () => {
    expect(keysOf('vps_not_found')[0]).toBe('HostUp:vps_not_found');
    expect(keysOf('50035')[0]).toBe('Discord:50035');
    expect(keysOf('CARD_DECLINED')[0]).toBe('Stripe:card_declined');
    expect(keysOf('resource_exhausted').slice(0, 2).sort()).toEqual(['Connect:resource_exhausted', 'gRPC / Google:RESOURCE_EXHAUSTED']);
    expect(keysOf('validationexception').slice(0, 2).sort()).toEqual(['AWS:ValidationException', 'Pterodactyl:ValidationException']);
    expect(keysOf('M_LIMIT_EXCEEDED')[0]).toBe('Matrix:M_LIMIT_EXCEEDED');
    expect(keysOf('-32601')[0]).toBe('JSON-RPC:-32601');
  });

  it('completes prefixes', () => {
    const hits = keysOf('upstream_vps');
    expect(hits.length).toBeGreaterThan(3);
    expect(hits.every((h) => h.startsWith('HostUp:upstream_vps'))).toBe(true);
  });

  it('ranks free words: "rate limit" gives 429 first, then rate-limit codes of many APIs', () => {
    const hits = keysOf('rate limit');
    expect(hits[0]).toBe('HTTP:429');
    for (const expected of ['GPU Outlet:rate_limited', 'gRPC / Google:RESOURCE_EXHAUSTED', 'AWS:Throttling']) expect(hits).toContain(expected);
  });

  it('finds by name', () => {
    expect(keysOf('missing permissions')[0]).toBe('Discord:50013');
    expect(keysOf('not found')[0]).toBe('HTTP:404');
    expect(keysOf('Unauthorized')[0]).toBe('HTTP:401');
  });

  it('returns nothing for blank or unmatched queries and honours the limit', () => {
    expect(lookup('   ')).toEqual([]);
    expect(lookup('zzzqqq')).toEqual([]);
    expect(lookup('5', 3)).toHaveLength(3);
  });

  it('is fast enough to run on every keystroke', () => {
    const queries = ['4', '42', '429', 'r', 'ra', 'rat', 'rate', 'rate ', 'rate l', 'rate limit', 'vps_not_f', 'Throttling'];
    const start = performance.now();
    for (let i = 0; i < 20; i++) for (const q of queries) lookup(q);
    const perQuery = (performance.now() - start) / (20 * queries.length);
    expect(perQuery).toBeLessThan(5);
  });
});

describe('catalog data', () => {
  it('has the seed code tables complete', () => {
    const keysOfApi = (api: string): string[] => catalogEntries.filter((e) => e.api === api && e.kind === 'code').map((e) => e.key);
    expect(keysOfApi('HostUp')).toHaveLength(28); // vps_not_found + the 27 upstream/provider codes
    expect(keysOfApi('GPU Outlet')).toHaveLength(25); // every row of the seed's tables
    expect(catalogEntries.filter((e) => e.api === 'Restore Hub').map((e) => e.status)).toEqual([400, 401, 403, 404, 409, 422, 429, 500, 502, 503]);
  });

  it('gives every entry advice, a meaning, and only http(s) docs links; every code says where it matches', () => {
    const seen = new Set<string>();
    for (const entry of catalogEntries) {
      const id = `${entry.api}:${entry.kind}:${entry.key}`;
      expect(seen.has(id), id).toBe(false);
      seen.add(id);
      expect(entry.advice.length, id).toBeGreaterThan(5);
      expect(entry.meaning.length, id).toBeGreaterThan(5);
      if (entry.docsUrl !== null) expect(entry.docsUrl, id).toMatch(/^https:\/\//);
      if (entry.kind === 'code') expect(entry.families?.length, id).toBeGreaterThan(0);
    }
  });
});

describe('one advice per status', () => {
  it('gives a looked-up status the advice the judge gives a decoded error with that status alone', () => {
    for (const status of [400, 401, 403, 404, 405, 409, 422, 500, 502, 503, 521]) {
      const decoded = analyze({ method: 'GET', url: 'https://api.example.test/x', requestHeaders: [], status, responseHeaders: [], body: null, mimeType: '', receivedAt: 0 });
      expect(decoded.error?.advice.startsWith(statusEntry(status).advice), String(status)).toBe(true);
    }
  });
});
