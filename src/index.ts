/**
 * The `faultline` library (`import { analyze, decode, lookup } from 'faultline'`): the engine the
 * DevTools panel and the CLI run, for anyone's own code. Pure: no DOM, no Node APIs in the engine;
 * runs in Node 20.19+, browsers, workers and edge runtimes.
 *
 * An exchange (one finished request/response pair) goes in; a decoded error — stable code, message,
 * field errors, request id, docs link, rate-limit state, retry verdict and advice — comes out.
 */
export { analyze, decode } from './core/analyze.ts';
export { lookup } from './core/catalog/index.ts';
export { parseRawResponse } from './core/raw-response.ts';
export { redactUrl } from './core/redact.ts';
export { exchangeFromHarEntry, type HarEntryLike } from './core/har/entry.ts';
export { HarReadError, parseHar, readHarEntries, readHarEntryBatches, type HarReadOptions } from './core/har/stream.ts';
export type { Exchange, ExchangeBody, HttpHeader } from './core/exchange.ts';
export type { Analysis, BackoffPlan, DecodedError, DelaySource, FamilyId, FieldError, RateLimitState, RetryVerdict } from './core/model.ts';
export type { CatalogEntry, RetryKind } from './core/catalog/index.ts';
