import { delaySourceLabels } from '../core/delay-source.ts';
import { httpUrl } from '../core/json.ts';
import type { DecodedError, RateLimitState, RetryVerdict } from '../core/model.ts';
import { formatCountdown, formatDuration, limitTone, retryLabel, type LimitTone, type RetryTone } from './format.ts';

/** One labelled line of a decoded error, as both the panel's details and the popup's card list them. */
export interface ViewField {
  readonly name: string;
  readonly text: string;
  /** Shown in the monospace font (codes, ids). */
  readonly mono?: boolean;
}

export interface RetryView {
  /** "retry in 3 min 18 s", "wait over", "backoff", "don't retry": live at the `now` it was made for. */
  readonly verdict: string;
  readonly tone: RetryTone;
  /** Where the delay came from, how to back off, what could go wrong: the lines under the verdict. */
  readonly fields: readonly ViewField[];
}

export interface RateLimitView {
  readonly tone: LimitTone;
  /** "resets in 12 s" while the window runs, else null. */
  readonly resets: string | null;
  /** "0 of 5 left · resets in 12 s · window 1 min" (after the reset: "unknown since the reset"). */
  readonly line: string;
  readonly bucket: string;
}

/** A decoded error as the UI shows it at one instant: every surface renders this, none re-derives it. */
export interface ErrorView {
  readonly status: number;
  readonly format: string;
  readonly heading: string;
  readonly summary: readonly ViewField[];
  /** Only an http(s) URL, checked again here because this is where a link is made. */
  readonly docsUrl: string | null;
  readonly requestId: string | null;
  readonly retry: RetryView;
  readonly rateLimit: RateLimitView | null;
  readonly advice: string;
}

/** An opaque hash such as Discord's shared-bucket id: said to be one, since it names nothing a reader knows. */
const HASH = /^(?=[0-9a-z]*\d)(?=[0-9a-z]*[a-z])[0-9a-z]{16,}$/i;

/** `discord:41f9a2c0…` → `discord bucket (hash 41f9a2c0…)`; readable names stay as they are. */
export function bucketLabel(bucket: string): string {
  const colon = bucket.indexOf(':');
  const name = colon === -1 ? bucket : bucket.slice(colon + 1);
  if (!HASH.test(name)) return bucket;
  const dialect = colon === -1 ? '' : `${bucket.slice(0, colon)} `;
  return `${dialect}bucket (hash ${name.slice(0, 8)}…)`;
}

function retryFields(retry: RetryVerdict): ViewField[] {
  const fields: ViewField[] = [];
  if (retry.source !== null && retry.source !== 'backoff' && retry.afterMs !== null) {
    fields.push({ name: 'Delay', text: `${formatDuration(retry.afterMs)} after the response, from the ${delaySourceLabels[retry.source]}${retry.exact ? '' : ' (estimated)'}` });
  }
  if (retry.backoff !== null) {
    const { baseMs, capMs, maxAttempts } = retry.backoff;
    fields.push({ name: 'Backoff', text: `exponential with full jitter, ${formatDuration(baseMs)} up to ${formatDuration(capMs)}, at most ${maxAttempts} attempts` });
  }
  if (retry.idempotencyWarning) fields.push({ name: 'Careful', text: 'not idempotent and sent without an Idempotency-Key: a retry may apply it twice' });
  return fields;
}

export function rateLimitView(state: RateLimitState, now: number): RateLimitView {
  const tone = limitTone(state, now);
  const parts: string[] = [];
  if (tone === 'unknown') parts.push('unknown since the reset');
  else if (state.remaining !== null || state.limit !== null) parts.push(`${state.remaining ?? '?'} of ${state.limit ?? '?'} left`);
  const resets = state.resetAt !== null && state.resetAt > now ? `resets in ${formatCountdown(state.resetAt - now)}` : null;
  if (resets !== null) parts.push(resets);
  if (state.windowSeconds !== null) parts.push(`window ${formatDuration(state.windowSeconds * 1000)}`);
  return { tone, resets, line: parts.join(' · '), bucket: bucketLabel(state.bucket) };
}

export function errorView(error: DecodedError, now: number): ErrorView {
  const heading = error.title ?? error.message;
  const summary: ViewField[] = [];
  if (heading !== error.message) summary.push({ name: 'Message', text: error.message });
  if (error.code !== null) summary.push({ name: 'Code', text: error.subcode === null ? error.code : `${error.code} · ${error.subcode}`, mono: true });
  summary.push({ name: 'Format', text: error.alsoLike === null ? error.format : `${error.format} (also looks like ${error.alsoLike})` });
  if (error.errorIn2xx) summary.push({ name: 'Carried by', text: `an HTTP ${error.status} response` });
  const { text, tone } = retryLabel(error.retry, now);
  return {
    status: error.status,
    format: error.format,
    heading,
    summary,
    docsUrl: httpUrl(error.docsUrl),
    requestId: error.requestId,
    retry: { verdict: text, tone, fields: retryFields(error.retry) },
    rateLimit: error.rateLimit === null ? null : rateLimitView(error.rateLimit, now),
    advice: error.advice,
  };
}
