/**
 * The IETF `RateLimit` / `RateLimit-Policy` Structured Fields: the draft-07
 * dictionary (`limit=100, remaining=50, reset=5`) and the draft-08+ list of named items
 * (`"default";r=50;t=30` with policies `"default";q=100;w=60`). Jira's `Beta-` prefixed copies use the
 * same syntax. Malformed fields are ignored, as the draft requires.
 */
import { parseDictionary, parseList, Token } from 'structured-headers';
import type { BareItem, Dictionary, InnerList, Item, List, Parameters } from 'structured-headers';
import { makeReading, type Dialect, type DialectReader, type DialectInput, type LimitReading } from '../reading.ts';
import { resetAfter, type ResetReading } from '../reset-value.ts';
import { MAX_VALUE_CHARS } from '../values.ts';

const DIALECT = 'ratelimit-structured';

function parsed<T>(value: string | undefined, parse: (input: string) => T): T | null {
  if (value === undefined || value.length > MAX_VALUE_CHARS) return null;
  try {
    return parse(value);
  } catch {
    return null;
  }
}

function isItem(member: Item | InnerList): member is Item {
  return !Array.isArray(member[0]);
}

function numberParam(params: Parameters, key: string): number | null {
  const value = params.get(key);
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

function bareNumber(member: Item | InnerList | undefined): number | null {
  if (member === undefined || !isItem(member)) return null;
  const value = member[0];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

function nameOf(value: BareItem): string | null {
  if (typeof value === 'string') return value;
  return value instanceof Token ? value.toString() : null;
}

/** `t` / `reset` are delta seconds by definition, counted from the response like Retry-After. */
function deltaReset(seconds: number | null, input: DialectInput): ResetReading | null {
  return seconds === null ? null : resetAfter(seconds * 1000, input.receivedAt, true);
}

interface Policy {
  readonly quota: number | null;
  readonly windowSeconds: number | null;
}

/** Draft-08+ policies by name; draft-04–07 unnamed policies (`100;w=10`) keyed by their quota. */
function readPolicies(list: List | null): { named: Map<string, Policy>; unnamed: Policy[] } {
  const named = new Map<string, Policy>();
  const unnamed: Policy[] = [];
  for (const member of list ?? []) {
    if (!isItem(member)) continue;
    const [value, params] = member;
    const name = nameOf(value);
    if (name !== null) named.set(name, { quota: numberParam(params, 'q'), windowSeconds: numberParam(params, 'w') });
    else if (typeof value === 'number') unnamed.push({ quota: value, windowSeconds: numberParam(params, 'w') });
  }
  return { named, unnamed };
}

function fromList(list: List, policies: Map<string, Policy>, prefix: string, input: DialectInput): LimitReading[] {
  const readings: LimitReading[] = [];
  for (const member of list) {
    if (!isItem(member)) continue;
    const name = nameOf(member[0]);
    if (name === null) continue;
    const params = member[1];
    const policy = policies.get(name);
    const reading = makeReading({
      dialect: DIALECT,
      name: prefix + name,
      limit: policy?.quota ?? null,
      remaining: numberParam(params, 'r'),
      reset: deltaReset(numberParam(params, 't'), input),
      resetSource: 'ratelimit-header',
      windowSeconds: policy?.windowSeconds ?? null,
    });
    if (reading !== null) readings.push(reading);
  }
  return readings;
}

function fromDictionary(dictionary: Dictionary, policies: readonly Policy[], prefix: string, input: DialectInput): LimitReading[] {
  const limit = bareNumber(dictionary.get('limit'));
  const policy = policies.find((p) => p.quota === limit) ?? policies[0];
  const reading = makeReading({
    dialect: DIALECT,
    name: prefix === '' ? null : prefix.slice(0, -1),
    limit,
    remaining: bareNumber(dictionary.get('remaining')),
    reset: deltaReset(bareNumber(dictionary.get('reset')), input),
    resetSource: 'ratelimit-header',
    windowSeconds: policy?.windowSeconds ?? null,
  });
  return reading === null ? [] : [reading];
}

function readPrefixed(headerPrefix: '' | 'beta-', input: DialectInput): LimitReading[] {
  const value = input.headers.get(`${headerPrefix}ratelimit`);
  if (value === undefined) return [];
  const policies = readPolicies(parsed(input.headers.get(`${headerPrefix}ratelimit-policy`), parseList));
  const bucketPrefix = headerPrefix === '' ? '' : 'beta:';
  // A draft-07 dictionary is not a valid list (`limit=100` has `=` after a token) and a draft-08 list
  // is not a valid dictionary (keys cannot be quoted), so trying the list first decides the version.
  const list = parsed(value, parseList);
  if (list !== null) return fromList(list, policies.named, bucketPrefix, input);
  const dictionary = parsed(value, parseDictionary);
  return dictionary === null ? [] : fromDictionary(dictionary, policies.unnamed, bucketPrefix, input);
}

const readStructured: DialectReader = (input) => [...readPrefixed('', input), ...readPrefixed('beta-', input)];

export const structured: Dialect = { names: /^(?:beta-)?ratelimit$/, read: readStructured };
