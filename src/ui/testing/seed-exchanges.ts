/**
 * The seed fixtures (src/core/fixtures) as the UI tests receive them: from each API's own host, with the
 * credentials a real client sends, so the panel is tested on what these real APIs answer.
 */
import type { Exchange, HttpHeader } from '../../core/exchange.ts';
import { fixtures } from '../../core/fixtures/index.ts';
import { fixtureExchange } from '../../core/fixtures/render.ts';

export const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);

/** What a signed-in HostUp client sends: the UI must redact all three. */
const HOSTUP_CREDENTIALS: readonly HttpHeader[] = [
  { name: 'Authorization', value: 'Bearer hu_live_9f8e7d6c5b4a' },
  { name: 'Cookie', value: 'hu_session=s3cr3t-session' },
  { name: 'X-API-Key', value: 'hu_key_123456' },
];

function seed(name: string, at: number, origin: string): Exchange {
  const fixture = fixtures.find((f) => f.name === name);
  if (fixture === undefined) throw new Error(`no fixture named ${name}`);
  return fixtureExchange(fixture, at, origin);
}

function withHeader(headers: readonly HttpHeader[], name: string, value: string): HttpHeader[] {
  return headers.map((h) => (h.name.toLowerCase() === name.toLowerCase() ? { name: h.name, value } : h));
}

/** HostUp (seed 000): RFC 7807 problem details with code and requestId. */
export function hostupNotFound(at = T0): Exchange {
  const exchange = seed('hostup-vps-not-found', at, 'https://api.hostup.se');
  return { ...exchange, requestHeaders: [...exchange.requestHeaders, ...HOSTUP_CREDENTIALS] };
}

/** HostUp (seed 000): a 429 with Retry-After and X-RateLimit-Limit/Remaining/Reset. */
export function hostupRateLimited(at = T0, remaining = 0): Exchange {
  const exchange = seed('hostup-rate-limited', at, 'https://api.hostup.se');
  return { ...exchange, responseHeaders: withHeader(exchange.responseHeaders, 'X-RateLimit-Remaining', String(remaining)) };
}

/** Restore Hub (seed 002): zod issues under details.issues. */
export function restoreHubValidation(at = T0): Exchange {
  const exchange = seed('restorehub-400-zod-issues', at, 'https://api.restorehub.test');
  return { ...exchange, requestHeaders: [{ name: 'Content-Type', value: 'application/json' }] };
}

/** Restore Hub (seed 002): a 429 with retryAfterSeconds and the standard Retry-After header. */
export function restoreHubRateLimited(at = T0): Exchange {
  return seed('restorehub-429-rate-limited', at, 'https://api.restorehub.test');
}

/** GPU Outlet (seed 004): `{error: code, message, details}`, with the x-request-id support asks for. */
export function gpuOutletProviderPoolEmpty(at = T0): Exchange {
  const exchange = seed('gpuoutlet-503-provider-pool-empty', at, 'https://api.gpuoutlet.test');
  return { ...exchange, responseHeaders: [...exchange.responseHeaders, { name: 'x-request-id', value: 'req_gpu_42' }] };
}

/** A 200 that only carries rate-limit headers (HostUp's dialect): the panel learns the limit from successes too. */
export function hostupSuccess(at = T0, remaining = 5): Exchange {
  return {
    method: 'GET',
    url: 'https://api.hostup.se/api/v2/vps',
    requestHeaders: [],
    status: 200,
    receivedAt: at,
    mimeType: 'application/json',
    responseHeaders: [
      { name: 'X-RateLimit-Limit', value: '100' },
      { name: 'X-RateLimit-Remaining', value: String(remaining) },
      { name: 'X-RateLimit-Reset', value: String(Math.round(at / 1000) + 60) },
    ],
    body: { text: JSON.stringify({ data: [] }) },
  };
}
