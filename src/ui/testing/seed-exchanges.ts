/**
 * Exchanges built from the seed references (/work/shared/seeds), verbatim bodies and headers, for the
 * UI tests: the panel must show what these real APIs send.
 */
import type { Exchange } from '../../core/exchange.ts';

export const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);

function exchange(partial: Partial<Exchange> & Pick<Exchange, 'url' | 'status'>): Exchange {
  return { method: 'GET', requestHeaders: [], responseHeaders: [], body: null, mimeType: 'application/json', receivedAt: T0, ...partial };
}

function json(value: unknown): Exchange['body'] {
  return { text: JSON.stringify(value) };
}

/** HostUp (seed 000): RFC 7807 problem details with code and requestId. */
export function hostupNotFound(at = T0): Exchange {
  return exchange({
    url: 'https://api.hostup.se/api/v2/vps/vps_abc123',
    status: 404,
    receivedAt: at,
    requestHeaders: [
      { name: 'Authorization', value: 'Bearer hu_live_9f8e7d6c5b4a' },
      { name: 'Cookie', value: 'hu_session=s3cr3t-session' },
      { name: 'X-API-Key', value: 'hu_key_123456' },
    ],
    mimeType: 'application/problem+json',
    responseHeaders: [{ name: 'Content-Type', value: 'application/problem+json' }],
    body: json({
      type: 'https://developer.hostup.se/errors/vps_not_found',
      title: 'VPS not found',
      status: 404,
      detail: 'No VPS matching the given ID was found.',
      code: 'vps_not_found',
      instance: '/api/v2/vps/vps_abc123',
      requestId: 'req_xyz789',
      timestamp: '2026-04-27T12:00:00.000Z',
    }),
  });
}

/** HostUp (seed 000): a 429 with Retry-After and X-RateLimit-Limit/Remaining/Reset. */
export function hostupRateLimited(at = T0, remaining = 0): Exchange {
  return exchange({
    url: 'https://api.hostup.se/api/v2/vps',
    status: 429,
    receivedAt: at,
    mimeType: 'application/problem+json',
    responseHeaders: [
      { name: 'Content-Type', value: 'application/problem+json' },
      { name: 'Retry-After', value: '30' },
      { name: 'X-RateLimit-Limit', value: '100' },
      { name: 'X-RateLimit-Remaining', value: String(remaining) },
      { name: 'X-RateLimit-Reset', value: String(Math.round(at / 1000) + 30) },
    ],
    body: json({
      type: 'https://developer.hostup.se/errors/rate_limited',
      title: 'Too many requests',
      status: 429,
      detail: 'Rate limit exceeded. Retry after 30 seconds.',
      code: 'rate_limited',
      requestId: 'req_rl_001',
    }),
  });
}

/** Restore Hub (seed 002): zod issues under details.issues. */
export function restoreHubValidation(at = T0): Exchange {
  return exchange({
    method: 'POST',
    url: 'https://api.restorehub.test/v1/servers',
    status: 400,
    receivedAt: at,
    requestHeaders: [{ name: 'Content-Type', value: 'application/json' }],
    requestBody: '{"category":"pvp"}',
    body: json({
      error: 'Invalid request body.',
      details: {
        issues: [
          { path: ['name'], message: 'Required' },
          { path: ['category'], message: "Invalid enum value. Expected 'gaming' | 'community' | ..." },
        ],
      },
    }),
  });
}

/** Restore Hub (seed 002): a 429 with retryAfterSeconds and the standard Retry-After header. */
export function restoreHubRateLimited(at = T0): Exchange {
  return exchange({
    url: 'https://api.restorehub.test/v1/backups',
    status: 429,
    receivedAt: at,
    responseHeaders: [{ name: 'Retry-After', value: '12' }],
    body: json({ error: 'Rate limit exceeded.', retryAfterSeconds: 12 }),
  });
}

/** GPU Outlet (seed 004): `{error: code, message, details}`. */
export function gpuOutletProviderPoolEmpty(at = T0): Exchange {
  return exchange({
    method: 'POST',
    url: 'https://api.gpuoutlet.test/v1/rentals',
    status: 503,
    receivedAt: at,
    responseHeaders: [{ name: 'x-request-id', value: 'req_gpu_42' }],
    body: json({ error: 'provider_pool_empty', message: 'No upstream provider has the requested GPU right now', details: { family: 'H100' } }),
  });
}

/** A 200 that only carries rate-limit headers: the panel learns the limit from successes too. */
export function hostupSuccess(at = T0, remaining = 5): Exchange {
  return exchange({
    url: 'https://api.hostup.se/api/v2/vps',
    status: 200,
    receivedAt: at,
    responseHeaders: [
      { name: 'X-RateLimit-Limit', value: '100' },
      { name: 'X-RateLimit-Remaining', value: String(remaining) },
      { name: 'X-RateLimit-Reset', value: String(Math.round(at / 1000) + 60) },
    ],
    body: json({ data: [] }),
  });
}
