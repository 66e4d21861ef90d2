/**
 * The `faultline` library (`import { analyze, decode, lookup } from 'faultline'`): the engine the
 * DevTools panel and the CLI run, for anyone's own code. Pure: no DOM, no Node APIs in the engine;
 * runs in Node 20.19+, browsers, workers and edge runtimes.
 *
 * An exchange (one finished request/response pair) goes in; a decoded error — stable code, message,
 * field errors, request id, docs link, rate-limit state, retry verdict and advice — comes out.
 *
 * Also what `faultline check` and `faultline sanitize` run on: observe() each exchange, then findingsOf()
 * the timeline and groupBy() fingerprint; redactExchange() / redactError() / buildHar() for what may leave.
 */
export { analyze, decode } from './core/analyze.ts';
export { lookup } from './core/catalog/index.ts';
export { parseRawResponse } from './core/raw-response.ts';
export { redactError, redactExchange, redactUrl } from './core/redact.ts';
export { buildHar, type HarExportItem, type HarExportOptions, type HarLog } from './core/har/write.ts';
export { findingsOf, fingerprintOf, groupBy, observe, SEVERITIES, severityRank, type Finding, type FindingKind, type Fingerprint, type Group, type Observation, type Severity } from './core/findings/index.ts';
export { corsBlock, type CorsBlock, type CorsBlockReason } from './core/cors.ts';
export { exchangeFromHarEntry, type HarEntryLike } from './core/har/entry.ts';
export { HarReadError, parseHar, readHarEntries, readHarEntryBatches, type HarReadOptions } from './core/har/stream.ts';
export type { Exchange, ExchangeBody, HttpHeader } from './core/exchange.ts';
export type { Analysis, BackoffPlan, DecodedError, DelaySource, FamilyId, FieldError, RateLimitState, RetryVerdict } from './core/model.ts';
export type { CatalogEntry, RetryKind } from './core/catalog/index.ts';
