import type { HeaderMap } from '../exchange.ts';
import type { FamilyId, FieldError } from '../model.ts';

/** What a family sees of a response: everything already read once, so families never re-parse. */
export interface BodyView {
  readonly status: number;
  /** Lower-cased media type without parameters (`application/problem+json`). */
  readonly mime: string;
  readonly headers: HeaderMap;
  /** The response body as text ('' when absent or unreadable). */
  readonly text: string;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  readonly json: unknown;
  /** The request URL (to resolve relative problem `type`/`instance`). */
  readonly url: string;
}

/** What a family reads out of a body. Anything left out is filled by the pipeline from headers/status. */
export interface FamilyFields {
  readonly code?: string | null;
  readonly subcode?: string | null;
  readonly title?: string | null;
  readonly message?: string | null;
  readonly fieldErrors?: readonly FieldError[];
  readonly requestId?: string | null;
  /** Any URL-ish value; the pipeline keeps it only if it is http(s). */
  readonly docsUrl?: string | null;
  /** A delay the body states in a family-specific structure (Google RetryInfo, Kubernetes retryAfterSeconds…), in ms. */
  readonly retryDelayMs?: number | null;
  /** The body says this is throttling even when the status is not 429 (AWS ThrottlingException, GitHub secondary limit, Stripe code rate_limit). */
  readonly throttled?: boolean;
  /** The body says waiting will not help (OpenAI insufficient_quota, a daily quota). */
  readonly notRetryable?: boolean;
  /** The permission/scope the body says is missing (Restore Hub `requiredScope`, OAuth `insufficient_scope`). */
  readonly missingScope?: string | null;
}

/**
 * How a family recognizes, without parsing, that a success response may carry its error. Run on every
 * response, so they must stay cheap: one regex over the body text, a test of the header names.
 */
export interface SuccessHints {
  /** Matches, anywhere in the raw body text, what may be this family's error (an error object or list). */
  readonly body?: RegExp;
  /**
   * Matches the start of the body (its first HEAD_CHARS characters) when the marker sits at the top of the
   * envelope (`{"ok": false`, `{"status": "fail"`, `{"code": 1, "msg"`): cheaper than scanning every body whole.
   */
  readonly head?: RegExp;
  /** Matches a (lower-case) response header name that marks an error (gRPC-Web `grpc-status`). */
  readonly header?: RegExp;
}

export interface FamilyMatch {
  /** The family id reported (a module may report a sub-variant, e.g. `aspnet-problem`). */
  readonly family: FamilyId;
  /**
   * 3: the transport says so (media type or a family-specific header) and the shape agrees;
   * 2: a distinctive shape; 1: a weak, generic shape (bare `message`, `detail` only…).
   */
  readonly strength: 1 | 2 | 3;
  readonly fields: FamilyFields;
}

/**
 * A family of the registry. Each module declares its family `as const satisfies Family`, so the literal `id` and
 * `variants` reach `FamilyId` (model.ts), which is derived from the registry rather than kept by hand.
 */
export interface Family {
  /** Stable id, what the CLI prints as `format`. */
  readonly id: string;
  /** The other ids `match` may report: sub-variants told apart by shape (`aspnet-problem` for problem-details). */
  readonly variants?: readonly string[];
  /**
   * Position in the recognition order (docs/engine.md): families a media type or a header identifies come
   * below 10, specific shapes before generic ones. Among matches of equal strength the lower order wins.
   */
  readonly order: number;
  /**
   * Set for families whose errors arrive inside 1xx–3xx responses (GraphQL, Slack, JSON-RPC, JSend, Twitter v2
   * partial errors, the general 2xx dialects): the cheap tests that say a success response may hold one. Only
   * these families are tried on 2xx bodies, only bodies their hints let through are parsed, and a match is an error.
   */
  readonly successHints?: SuccessHints;
  /** Returns null when the body is not this family. Must not throw. */
  match(view: BodyView): FamilyMatch | null;
}
