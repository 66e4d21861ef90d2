/**
 * Success endpoints that carry rate-limit headers, so the panel learns limits from 2xx responses and
 * sees a real 429 when a quota runs out. Each server instance owns its own windows.
 */

export interface DemoResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A fixed window of `limit` calls that starts at the first call and lasts `windowSeconds`. */
export class QuotaWindow {
  private startedAt: number | null = null;
  private used = 0;

  constructor(
    readonly limit: number,
    readonly windowSeconds: number,
  ) {}

  /** Counts one call made at `now` (epoch ms). */
  take(now: number): { readonly remaining: number; readonly resetAt: number; readonly exceeded: boolean } {
    if (this.startedAt === null || now >= this.startedAt + this.windowSeconds * 1000) {
      this.startedAt = now;
      this.used = 0;
    }
    this.used += 1;
    return {
      remaining: Math.max(0, this.limit - this.used),
      resetAt: this.startedAt + this.windowSeconds * 1000,
      exceeded: this.used > this.limit,
    };
  }

  reset(): void {
    this.startedAt = null;
    this.used = 0;
  }
}

const json = (value: unknown): string => JSON.stringify(value);

/** RFC 9457 problem details, the shape most APIs answer an exhausted quota with (envelopes.md §A1). */
function quotaExhausted(limit: number, windowSeconds: number, retryAfterSeconds: number, headers: Record<string, string>): DemoResponse {
  return {
    status: 429,
    headers: { ...headers, 'Content-Type': 'application/problem+json', 'Retry-After': String(retryAfterSeconds) },
    body: json({
      type: 'about:blank',
      title: 'Too Many Requests',
      status: 429,
      detail: `Quota of ${limit} requests per ${windowSeconds} seconds used up; retry in ${retryAfterSeconds} seconds.`,
    }),
  };
}

function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** `/api/quota/ok`: the classic X-RateLimit-Limit / -Remaining / -Reset (epoch seconds) dialect, 60 a minute. */
export function xRateLimitResponse(quota: QuotaWindow, now: number): DemoResponse {
  const { remaining, resetAt, exceeded } = quota.take(now);
  const headers = {
    'X-RateLimit-Limit': String(quota.limit),
    'X-RateLimit-Remaining': String(remaining),
    'X-RateLimit-Reset': String(Math.ceil(resetAt / 1000)),
  };
  if (exceeded) return quotaExhausted(quota.limit, quota.windowSeconds, secondsUntil(resetAt, now), headers);
  return { status: 200, headers: { ...headers, 'Content-Type': 'application/json' }, body: json({ quota: 'x-ratelimit', remaining }) };
}

/** `/api/quota/ietf`: the IETF draft-08+ structured `RateLimit` + `RateLimit-Policy` dialect (envelopes.md §C). */
export function ietfRateLimitResponse(quota: QuotaWindow, now: number): DemoResponse {
  const { remaining, resetAt, exceeded } = quota.take(now);
  const headers = {
    'RateLimit-Policy': `"demo";q=${quota.limit};w=${quota.windowSeconds}`,
    RateLimit: `"demo";r=${remaining};t=${secondsUntil(resetAt, now)}`,
  };
  if (exceeded) return quotaExhausted(quota.limit, quota.windowSeconds, secondsUntil(resetAt, now), headers);
  return { status: 200, headers: { ...headers, 'Content-Type': 'application/json' }, body: json({ quota: 'ietf', remaining }) };
}

/**
 * `/api/items`: a 200 list whose items carry `message`, `code` and `status` members, the look-alike
 * an error decoder must not report.
 */
export function itemsResponse(): DemoResponse {
  return {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    body: json({
      data: [
        { id: 'ntf_01', code: 'ORDER_SHIPPED', message: 'Your order #1042 has shipped.', status: 'unread' },
        { id: 'ntf_02', code: 'PAYMENT_FAILED', message: 'The card ending 4242 was declined; update it to keep your plan.', status: 'read' },
        { id: 'ntf_03', code: 'ERROR_REPORT_READY', message: 'Your weekly error report is ready.', status: 'read' },
      ],
      has_more: false,
    }),
  };
}
